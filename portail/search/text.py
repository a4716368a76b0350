"""Understanding what residents type, before any engine sees it (pure Python, shared by the
SQLite and PostgreSQL engines).

A query goes through:
1. cleaning: control characters and NUL bytes removed, at most MAX_QUERY_CHARS kept (cut at a
   word boundary);
2. folding: lower case, no accents, apostrophes split words (« l'APL » → « l apl »);
3. the oral lexicon (data/oral.tsv): SMS and spoken forms (« jai », « koi », « proprio »),
   misspellings an edit distance would not find (« cosion », « dega des o ») and words of other
   languages (« casero ») become the words of our content;
4. the spelling corrector (spelling.py), built from OUR vocabulary only, with a French phonetic
   key (phonetic.py) for phonetic misspellings;
5. the glossary's names: a term or one of its other names found in the query brings the others
   as synonyms (« caution » also searches « dépôt de garantie »);
6. the informative words: stopwords dropped, the rarest words of our index kept first, at most
   MAX_WORDS of them, so that a long testimony is searched by what it is about;
7. French stemming (Snowball) for the engines that index stems.
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer

DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_QUERY_CHARS = 2000
MAX_WORDS = 12
MAX_SYNONYMS = 12
SYNONYM_WEIGHT = 0.6

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# E-mail addresses and web addresses say nothing of the subject (and are personal data).
_ADDRESSES = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
# Elided articles and pronouns left alone by the apostrophe: never words of a phrase.
ELISIONS = frozenset(["c", "d", "j", "l", "m", "n", "s", "t", "qu"])


# --- Folding and words ---------------------------------------------------------------------------


def clean(text):
    """(text, truncated): without control characters, at most MAX_QUERY_CHARS characters (cut
    before the last partial word)."""
    text = _CONTROL.sub(" ", str(text or "")).translate(_APOSTROPHES)
    text = " ".join(_ADDRESSES.sub(" ", text).split())
    if len(text) <= MAX_QUERY_CHARS:
        return text, False
    cut = text[:MAX_QUERY_CHARS]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut, True


def fold(text):
    """Lower case, no accents, no ligatures."""
    text = unicodedata.normalize("NFKD", str(text).lower().translate(_LIGATURES))
    return "".join(char for char in text if not unicodedata.combining(char))


def words(text):
    """The folded words of a text (letters and digits; apostrophes and punctuation split)."""
    return [word for word in _WORD.findall(fold(text)) if word.isascii()]


def spans(text):
    """(start, end, folded word) of each word of `text`, to rewrite the text around them."""
    found = []
    for match in _WORD.finditer(text):
        folded = fold(match.group(0))
        if folded.isascii():
            found.append((match.start(), match.end(), folded))
    return found


_STEMMER = snowballstemmer.stemmer("french")


@lru_cache(maxsize=50000)
def stem(word):
    """The Snowball French stem of a folded word."""
    return _STEMMER.stemWord(word)


def stems(text):
    """The stems of the informative words of a text, in order (what the SQLite index stores)."""
    return [stem(word) for word in words(text) if word not in ELISIONS]


@lru_cache(maxsize=1)
def stopwords():
    found = set()
    for line in (DATA_DIR / "stopwords.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            found.update(fold(line).split())
    return frozenset(found)


def is_stopword(word):
    return word in stopwords() or word in ELISIONS


# --- The oral lexicon ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OralRule:
    replacement: tuple
    kind: str  # sms | oral | faute | langue

    @property
    def is_correction(self):
        return self.kind == "faute"


@lru_cache(maxsize=1)
def oral_lexicon():
    """{form words: OralRule} from data/oral.tsv, and the longest form's length."""
    rules = {}
    for number, line in enumerate(
        (DATA_DIR / "oral.tsv").read_text(encoding="utf-8").splitlines(), start=1
    ):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[2] not in ("sms", "oral", "faute", "langue"):
            raise ValueError(f"oral.tsv, ligne {number} : « {line} » n'a pas trois colonnes.")
        form, replacement, kind = parts
        rules[tuple(fold(form).split())] = OralRule(tuple(fold(replacement).split()), kind)
    return rules, max((len(form) for form in rules), default=1)


# --- Processing a query --------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryTerm:
    """What an engine searches: one word, or a phrase (several words in a row)."""

    words: tuple
    weight: float = 1.0
    kind: str = "word"  # word | synonym (a glossary name) | sounds-like (« pane » → panne)

    @property
    def stems(self):
        return tuple(stem(word) for word in self.words if word not in ELISIONS)


@dataclass
class ProcessedQuery:
    text: str
    truncated: bool = False
    tokens: list = field(default_factory=list)
    terms: list = field(default_factory=list)
    corrections: list = field(default_factory=list)
    corrected_query: str | None = None
    glossary: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.terms

    @property
    def words(self):
        return [term.words[0] for term in self.terms if term.kind == "word"]

    @property
    def normalised_text(self):
        """The corrected, expanded words, for the subject rules."""
        return " ".join(self.tokens)


@dataclass
class _Segment:
    """Output words and the span of the original words they replace."""

    words: tuple
    start: int
    end: int
    correction: bool = False
    sounds_like: str | None = None
    written: tuple = ()

    def forms(self, vocabulary):
        """The words as written (accents kept) when they were not replaced, else as our content
        writes the replacement (for their sound)."""
        if self.written and not self.correction:
            return self.written
        if vocabulary is None:
            return self.words
        return tuple(vocabulary.display(word) for word in self.words)


def _expand(text, found):
    """Apply the oral lexicon to the folded words `found` ([(start, end, word)]) of `text`."""
    rules, longest = oral_lexicon()
    segments, position = [], 0
    folded = [word for _, _, word in found]
    while position < len(found):
        for size in range(min(longest, len(found) - position), 0, -1):
            rule = rules.get(tuple(folded[position : position + size]))
            if rule is not None:
                segments.append(
                    _Segment(
                        rule.replacement,
                        found[position][0],
                        found[position + size - 1][1],
                        rule.is_correction,
                    )
                )
                position += size
                break
        else:
            start, end, word = found[position]
            segments.append(_Segment((word,), start, end, written=(text[start:end].lower(),)))
            position += 1
    return segments


def _correct(segments, vocabulary):
    for segment in segments:
        if segment.correction or len(segment.words) != 1:
            continue
        word = segment.words[0]
        if is_stopword(word) or word.isdigit() or vocabulary is None:
            continue
        corrected, is_correction = vocabulary.correct(word)
        if corrected and is_correction:
            segment.words = (corrected,)
            segment.correction = True
        elif corrected:
            segment.sounds_like = corrected


def _corrected_text(text, segments, vocabulary):
    parts, last, changed = [], 0, False
    for segment in segments:
        if not segment.correction:
            continue
        shown = " ".join(vocabulary.display(word) if vocabulary else word for word in segment.words)
        if fold(text[segment.start : segment.end]) == fold(shown):
            continue
        parts.append(text[last : segment.start])
        parts.append(shown)
        last = segment.end
        changed = True
    if not changed:
        return None
    parts.append(text[last:])
    return "".join(parts)


def _informative(tokens, vocabulary, limit):
    """The informative words of `tokens`, at most `limit`: no stopwords, one per stem; when there
    are too many, the rarest words of our index first (known words before unknown ones), kept in
    the order of the text."""
    candidates, seen = [], set()
    for position, word in enumerate(tokens):
        if is_stopword(word) or len(word) < 2:
            continue
        if word.isdigit() and (vocabulary is None or not vocabulary.idf(word)[0]):
            continue  # a phone number, an amount: not a subject (« 115 » is one of ours)
        key = stem(word)
        if key in seen:
            continue
        seen.add(key)
        candidates.append((position, word))
    if len(candidates) <= limit:
        return [word for _, word in candidates]

    def informativeness(item):
        _, word = item
        if vocabulary is None:
            return (0, len(word))
        known, idf = vocabulary.idf(word)
        return (1 if known else 0, idf)

    kept = sorted(candidates, key=informativeness, reverse=True)[:limit]
    return [word for _, word in sorted(kept)]


def _phrase_words(name):
    """The folded words of a glossary name worth searching: no elided article, no stopword at
    either end (« la Sécu » is searched as « secu »)."""
    kept = [word for word in words(name) if word not in ELISIONS]
    while kept and is_stopword(kept[0]):
        kept.pop(0)
    while kept and is_stopword(kept[-1]):
        kept.pop()
    return tuple(kept)


def process(text, vocabulary=None, max_words=MAX_WORDS, correct=True):
    """The ProcessedQuery of what a person typed. `vocabulary` (vocabulary.Vocabulary) brings
    the corrector, the glossary's names and the words' rarity; without it only the lexicon and
    the stopwords apply. `correct=False` searches the words exactly as typed (the person said
    the correction was wrong): no misspelling is corrected, SMS forms are still read."""
    cleaned, truncated = clean(text)
    query = ProcessedQuery(text=cleaned, truncated=truncated)
    found = spans(cleaned)
    if not found:
        return query
    segments = _expand(cleaned, found)
    if correct:
        _correct(segments, vocabulary)
    else:
        for segment in segments:
            if segment.correction:
                typed = spans(cleaned[segment.start : segment.end])
                segment.words = tuple(word for _, _, word in typed)
                segment.written = tuple(
                    cleaned[segment.start + start : segment.start + end].lower()
                    for start, end, _ in typed
                )
                segment.correction = False
    query.tokens = [word for segment in segments for word in segment.words]
    written = [form for segment in segments for form in segment.forms(vocabulary)]
    query.corrections = [
        (cleaned[segment.start : segment.end], " ".join(segment.words))
        for segment in segments
        if segment.correction
    ]
    query.corrected_query = _corrected_text(cleaned, segments, vocabulary)

    informative = _informative(query.tokens, vocabulary, max_words)
    query.terms = [QueryTerm((word,)) for word in informative]
    kept = set(informative)
    query.terms.extend(
        QueryTerm((segment.sounds_like,), 0.5, "sounds-like")
        for segment in segments
        if segment.sounds_like and segment.words[0] in kept
    )
    if vocabulary is not None:
        entries = vocabulary.glossary_in(query.tokens, written)
        query.glossary = [entry.key for entry in entries]
        seen = {term.stems for term in query.terms}
        synonyms = []
        for entry in entries:
            for name in entry.names:
                term = QueryTerm(_phrase_words(name), SYNONYM_WEIGHT, "synonym")
                if term.words and term.stems not in seen:
                    seen.add(term.stems)
                    synonyms.append(term)
        query.terms.extend(synonyms[:MAX_SYNONYMS])
    return query


def idf(document_frequency, documents):
    """Smoothed inverse document frequency."""
    return math.log(1 + (documents + 1) / (document_frequency + 1))
