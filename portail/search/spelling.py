"""A spelling corrector built from our own vocabulary (the words of the glossary, fiches,
letters and subjects), never from a general dictionary: it can only correct towards a word the
portal actually uses, so a correction always leads somewhere.

Candidates come from two indexes:
- a symmetric-delete index (the SymSpell idea): every word of the vocabulary is stored under
  itself with one and two letters deleted; a typed word's own deletions meet them, which finds
  all words within two edits without comparing against the whole vocabulary;
- a phonetic index (phonetic.py): « cosion » and « caution » share a key although they are
  three edits apart.
Candidates are then checked with a real edit distance (optimal string alignment: an inversion
of two letters is one edit) and the best one is chosen: closest first, a phonetic match counts
as one edit less, then the most frequent word.
"""

import math
from collections import defaultdict

from portail.search.phonetic import phonetic_key

# Shortest typed word the corrector touches, by method.
MIN_LENGTH_EDIT = 5
MIN_LENGTH_PHONETIC = 3
# Articles and pronouns residents glue to the next word (« lapl », « lumidité », « jai »).
GLUED_PREFIXES = ("qu", "l", "d", "j", "m", "n", "s", "t", "c")


def edit_distance(a, b, limit=3):
    """Optimal string alignment distance between a and b; limit + 1 when it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        row_min = current[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous2 is not None
                and i > 1
                and j > 1
                and a[i - 1] == b[j - 2]
                and a[i - 2] == b[j - 1]
            ):
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            row_min = min(row_min, value)
        if row_min > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def max_edits(word):
    """How many edits a typed word of this length may need: short words have too many close
    neighbours to be corrected far."""
    if len(word) < MIN_LENGTH_EDIT:
        return 0
    return 1 if len(word) <= 5 else 2


def _deletes(word, depth):
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w)) if len(w) > 1}
        found |= frontier
    return found


class SpellingIndex:
    """`words`: {folded word: frequency}; `spellings`: {folded word: its written forms with
    accents}, so that the phonetic key sees « é » where the content has one."""

    def __init__(self, words, spellings=None):
        self.frequency = dict(words)
        self._deletes = defaultdict(list)
        self._phonetic = defaultdict(set)
        for word in self.frequency:
            if len(word) < MIN_LENGTH_PHONETIC or word.isdigit():
                continue
            for variant in _deletes(word, max_edits(word) or 1):
                self._deletes[variant].append(word)
            for form in {word, *(spellings or {}).get(word, ())}:
                key = phonetic_key(form)
                if len(key) >= 2:
                    self._phonetic[key].add(word)

    def __contains__(self, word):
        return word in self.frequency

    def _edit_candidates(self, word):
        depth = max_edits(word)
        if not depth:
            return set()
        found = set()
        for variant in _deletes(word, depth):
            found.update(self._deletes.get(variant, ()))
        return found

    def _phonetic_candidates(self, word):
        if len(word) < MIN_LENGTH_PHONETIC:
            return set()
        key = phonetic_key(word)
        return set(self._phonetic.get(key, ())) if len(key) >= 2 else set()

    def sounds_like(self, word):
        """Our words with the same phonetic key as `word`."""
        return self._phonetic_candidates(word)

    def _unglued(self, word):
        """The word without an article glued to it, when what remains is one of ours or sounds
        like one of ours (« lapl » → apl, « lumidite » → humidite)."""
        for prefix in GLUED_PREFIXES:
            rest = word[len(prefix) :]
            if not word.startswith(prefix) or len(rest) < 3:
                continue
            if rest in self.frequency:
                return rest
            sounds_like = self._phonetic_candidates(rest)
            if sounds_like:
                return self._best(rest, set(), sounds_like)
        return None

    def _best(self, word, by_edit, by_sound):
        best, best_key = None, None
        for candidate in by_edit | by_sound:
            distance = edit_distance(word, candidate, limit=4)
            phonetic = candidate in by_sound
            allowed = distance <= max_edits(word) or (phonetic and distance <= 3)
            if not allowed:
                continue
            key = (distance - (1.2 if phonetic else 0), -math.log(1 + self.frequency[candidate]))
            if best_key is None or key < best_key:
                best, best_key = candidate, key
        return best

    def correct(self, word):
        """The vocabulary word closest to `word`, or None when `word` is ours already or
        nothing is close enough."""
        if word in self.frequency or word.isdigit():
            return None
        best = self._best(word, self._edit_candidates(word), self._phonetic_candidates(word))
        return best or self._unglued(word)
