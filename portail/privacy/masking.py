"""Find and mask personal data in what residents write, before anything is published.

Pure Python (no Django) so that it is fast and easy to test. Residents write in every style,
standard, SMS, phonetic, without accents or capitals; every detector is tolerant of that.

    mask("rappelez moi 06.39.98.66.30")  ->  "rappelez moi [téléphone masqué]"

`mask_with_spans` also gives the detected spans in the ORIGINAL text, so that moderation can
highlight them (`highlight_segments`). Masking is idempotent: masking a masked text changes
nothing (detectors never look inside a replacement, and masking repeats until nothing new is
found, which a second call would otherwise have found).
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from portail.privacy import detectors
from portail.privacy.lexicon import Ranges, fold, place_ranges
from portail.privacy.names import find_names

KINDS = {
    "telephone": "[téléphone masqué]",
    "email": "[e-mail masqué]",
    "adresse": "[adresse masquée]",
    "code_postal": "[code postal masqué]",
    "iban": "[IBAN masqué]",
    "nir": "[numéro de sécurité sociale masqué]",
    "allocataire": "[numéro d'allocataire masqué]",
    "nom": "[nom masqué]",
}

KIND_LABELS = {
    "telephone": "téléphone",
    "email": "e-mail",
    "adresse": "adresse",
    "code_postal": "code postal",
    "iban": "IBAN",
    "nir": "numéro de sécurité sociale",
    "allocataire": "numéro d'allocataire",
    "nom": "nom",
}

# When two kinds claim the same characters, the more specific one keeps them.
_PRIORITY = ("iban", "nir", "allocataire", "email", "telephone", "adresse", "code_postal", "nom")

# Spans of one kind separated only by this are one span ("Amel" + "Benali").
_MERGE_GAPS = {
    "adresse": re.compile(r"[ \t,\-]*"),
    "code_postal": re.compile(r"[ \t]*"),
}
_DEFAULT_MERGE_GAP = re.compile(r"[ \t]*")
_PLACEHOLDER_RE = re.compile("|".join(re.escape(value) for value in KINDS.values()))
_MAX_ROUNDS = 6


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str

    def as_dict(self):
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True)
class MaskResult:
    text: str
    spans: list  # list[Span], in the original text, sorted and non-overlapping


def detect(text):
    """Spans of personal data in `text` (sorted, non-overlapping)."""
    return mask_with_spans(text).spans


def mask(text):
    return mask_with_spans(text).text


def mask_with_spans(text):
    if not isinstance(text, str):
        raise TypeError("mask_with_spans() expects a str")
    spans = _detect_once(text)
    if not spans:
        return MaskResult(text=text, spans=[])
    masked, segments = _apply(text, spans)
    for _ in range(_MAX_ROUNDS):
        extra = _detect_once(masked)
        if not extra:
            break
        # what the masked text reveals (a context that a replacement completed) is mapped
        # back to the original and masked too
        mapped = _to_original(extra, segments)
        if not mapped:
            break
        spans = _merge_same_kind(text, sorted(spans + mapped, key=_span_order))
        masked, segments = _apply(text, spans)
    return MaskResult(text=masked, spans=spans)


def highlight_segments(text, spans):
    """[(segment, kind or None)] covering `text`, for a template to highlight detected data.

    `spans` may be Span objects or their dicts (as stored in JSON); invalid, out-of-range or
    overlapping ones are ignored, so stored spans of an edited text can never break a page.
    """
    cleaned = []
    for span in spans or ():
        if isinstance(span, Span):
            start, end, kind = span.start, span.end, span.kind
        elif isinstance(span, dict):
            start, end, kind = span.get("start"), span.get("end"), span.get("kind")
        else:
            continue
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
            continue
        start, end = max(0, start), min(len(text), end)
        if end > start:
            cleaned.append((start, end, kind if isinstance(kind, str) else None))
    cleaned.sort(key=lambda span: (span[0], span[1]))
    segments = []
    position = 0
    for start, end, kind in cleaned:
        if start < position:
            continue
        if start > position:
            segments.append((text[position:start], None))
        segments.append((text[start:end], kind or "nom"))
        position = end
    if position < len(text):
        segments.append((text[position:], None))
    return segments


# --- internals ------------------------------------------------------------------------------


def _detect_once(text):
    placeholders = [(m.start(), m.end()) for m in _PLACEHOLDER_RE.finditer(text)]
    folded = fold(text)
    places = place_ranges(folded)
    candidates = []
    candidates += detectors.find_iban(folded, text)
    candidates += detectors.find_nir(folded, text)
    candidates += detectors.find_allocataire(folded, text)
    candidates += detectors.find_email(folded, text)
    candidates += detectors.find_phones(folded, text)
    addresses = detectors.find_addresses(folded, text, places)
    candidates += addresses
    candidates += detectors.find_postal_codes(folded, text, places, addresses)
    candidates += find_names(text, folded, Ranges(_union(places.ranges + placeholders)))
    return _resolve(text, candidates, placeholders)


def _resolve(text, candidates, placeholders):
    """Non-overlapping spans: the more specific kind wins, same kinds are merged."""
    by_kind = {kind: [] for kind in _PRIORITY}
    for start, end, kind in candidates:
        if end > start:
            by_kind[kind].append((start, end))
    taken = _union(placeholders)
    spans = []
    for kind in _PRIORITY:
        if not by_kind[kind]:
            continue
        for start, end in _subtract(_union(by_kind[kind]), taken):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start and any(c.isalnum() for c in text[start:end]):
                spans.append(Span(start, end, kind))
        taken = _union(taken + [(s.start, s.end) for s in spans if s.kind == kind])
    return _merge_same_kind(text, sorted(spans, key=_span_order))


def _span_order(span):
    return (span.start, span.end)


def _union(ranges):
    merged = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _subtract(ranges, taken):
    """Parts of sorted `ranges` outside sorted, merged `taken` (one linear sweep)."""
    result = []
    index = 0
    for start, end in ranges:
        while index < len(taken) and taken[index][1] <= start:
            index += 1
        current = start
        probe = index
        while probe < len(taken) and taken[probe][0] < end:
            if taken[probe][0] > current:
                result.append((current, taken[probe][0]))
            current = max(current, taken[probe][1])
            probe += 1
        if current < end:
            result.append((current, end))
    return result


def _merge_same_kind(text, spans):
    merged = []
    for span in spans:
        if merged:
            last = merged[-1]
            gap_re = _MERGE_GAPS.get(span.kind, _DEFAULT_MERGE_GAP)
            if (
                last.kind == span.kind
                and span.start >= last.end
                and gap_re.fullmatch(text, last.end, span.start)
            ):
                merged[-1] = Span(last.start, max(last.end, span.end), span.kind)
                continue
        merged.append(span)
    return merged


def _apply(text, spans):
    """Masked text and its segments: (original start, masked start, length, is replacement)."""
    parts = []
    segments = []
    position = 0
    masked_length = 0
    for span in spans:
        if span.start > position:
            raw = text[position : span.start]
            parts.append(raw)
            segments.append((position, masked_length, len(raw), False))
            masked_length += len(raw)
        replacement = KINDS[span.kind]
        parts.append(replacement)
        segments.append((span.start, masked_length, len(replacement), True))
        masked_length += len(replacement)
        position = span.end
    if position < len(text):
        raw = text[position:]
        parts.append(raw)
        segments.append((position, masked_length, len(raw), False))
    return "".join(parts), segments


def _to_original(spans, segments):
    """Spans found in the masked text, mapped back to original offsets."""
    masked_starts = [segment[1] for segment in segments]
    mapped = []
    for span in spans:
        index = bisect_right(masked_starts, span.start) - 1
        if index < 0:
            continue
        original_start, masked_start, length, replacement = segments[index]
        if replacement or span.end > masked_start + length:
            continue  # detectors never cover a replacement; nothing to map
        offset = original_start - masked_start
        mapped.append(Span(span.start + offset, span.end + offset, span.kind))
    return mapped
