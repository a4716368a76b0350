"""Word lists and the case/accent folding shared by every detector.

`fold` lowercases a text and strips its accents WITHOUT changing its length, so that a regex
can run on the folded text (plain ASCII patterns, no IGNORECASE, no accent classes) and the
offsets it finds are the offsets in the original text.
"""

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# Characters folded to another single character on top of lowercasing and accent stripping.
_EXTRA_FOLDS = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "´": "'",
    "`": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "º": "°",
    "＠": "@",
}


def _build_fold_table():
    table = {}
    # The Latin, Greek and Cyrillic blocks are where case and accents matter for French text
    # and for the names residents write; everything else is left as it is.
    for code in range(0x80, 0x530):
        char = chr(code)
        folded = _fold_char(char)
        if folded != char:
            table[code] = folded
    for code in range(0x1E00, 0x1F00):  # Latin Extended Additional (Vietnamese names…)
        char = chr(code)
        folded = _fold_char(char)
        if folded != char:
            table[code] = folded
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for char, folded in _EXTRA_FOLDS.items():
        table[ord(char)] = folded
    return table


def _fold_char(char):
    low = char.lower()
    if len(low) != 1:
        low = char
    base = unicodedata.normalize("NFD", low)
    if len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]):
        base = base[0]
    if len(base) == 1 and len(base.lower()) == 1:
        return base.lower()
    return low


_FOLD_TABLE = _build_fold_table()


def fold(text):
    """Lowercase, accent-free copy of `text`, character for character (same length)."""
    return text.translate(_FOLD_TABLE)


def fold_word(word):
    """Folded form of a lexicon entry (may change length: used for lookups only)."""
    decomposed = unicodedata.normalize("NFD", word.strip().lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.translate(_FOLD_TABLE).replace("œ", "oe").replace("æ", "ae")


def lookup_key(word):
    """Key used for every set lookup: folded, ligatures opened."""
    return word.replace("œ", "oe").replace("æ", "ae")


_PIECE_RE = re.compile(r"[^\W\d_]+")


def _read_lines(name):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def _read_words(name):
    words = set()
    for line in _read_lines(name):
        for word in line.split():
            words.add(fold_word(word))
    return frozenset(words)


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset  # safe first names: masked on their own, in any case
    ambiguous_names: frozenset  # first names that are also common words
    surnames: frozenset
    common_words: frozenset
    places: dict  # trie of place phrases: piece -> node; a node holding _END ends a phrase
    name_keys: frozenset  # first names, ambiguous first names and surnames together
    places_re: re.Pattern  # finds the first piece of every place phrase


@lru_cache(maxsize=1)
def lexicon():
    all_first = frozenset(fold_word(line) for line in _read_lines("prenoms.txt"))
    ambiguous = frozenset(fold_word(line) for line in _read_lines("prenoms_ambigus.txt"))
    common = _read_words("mots_courants.txt")
    # A first name that is also in the common-word list is handled as ambiguous.
    ambiguous = ambiguous | (all_first & common)
    surnames = _read_words("noms.txt") - common - ambiguous
    places = {}
    for line in _read_lines("lieux.txt"):
        node = places
        for piece in _PIECE_RE.findall(fold_word(line)):
            node = node.setdefault(piece, {})
        node[_END] = True
    first_pieces = sorted(places, key=len, reverse=True)
    return Lexicon(
        first_names=all_first - ambiguous,
        ambiguous_names=ambiguous,
        surnames=surnames,
        common_words=common,
        places=places,
        name_keys=all_first | ambiguous | surnames,
        places_re=re.compile(r"(?<![^\W\d_])" + _alternation(first_pieces) + r"(?![^\W\d_])"),
    )


def _alternation(words):
    """A regex matching any of `words`, grouped by first letter so that the regex engine
    tests one small group at each position instead of every word."""
    groups = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    parts = []
    for letter, tails in sorted(groups.items()):
        tails = sorted(tails, key=len, reverse=True)
        alternatives = "|".join(re.escape(tail) for tail in tails)
        parts.append(re.escape(letter) + "(?:" + alternatives + ")")
    return "(?:" + "|".join(parts) + ")"


class Ranges:
    """Sorted, non-overlapping (start, end) ranges with fast membership tests."""

    def __init__(self, ranges):
        self.ranges = sorted(ranges)
        self.starts = [start for start, _ in self.ranges]
        self.ends = [end for _, end in self.ranges]
        self._end_set = set(self.ends)

    def __iter__(self):
        return iter(self.ranges)

    def __len__(self):
        return len(self.ranges)

    def contains(self, position):
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]

    def overlaps(self, start, end):
        index = bisect_right(self.ends, start)
        return index < len(self.starts) and self.starts[index] < end

    def ends_at(self, position):
        return position in self._end_set


_NEXT_PIECE_RE = re.compile(r"[ \t\-'.]{1,3}([^\W\d_]+)")
_END = "$"


def place_ranges(folded):
    """Known places and organisations in a folded text (longest phrase wins), as Ranges."""
    lex = lexicon()
    ranges = []
    resume = 0
    for match in lex.places_re.finditer(folded):
        if match.start() < resume:
            continue
        node = lex.places[match.group()]
        position = match.end()
        best = position if _END in node else None
        while True:
            following = _NEXT_PIECE_RE.match(folded, position)
            if not following:
                break
            node = node.get(lookup_key(following.group(1)))
            if node is None:
                break
            position = following.end()
            if _END in node:
                best = position
        if best is not None:
            ranges.append((match.start(), best))
            resume = best
    return Ranges(ranges)
