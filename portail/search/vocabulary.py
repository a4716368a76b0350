"""Our vocabulary: the words of the knowledge base (glossary, fiches and their subjects, letters,
organisations, groups — never the residents' questions), with how often each is used, how rare
each is across documents, how it is written with its accents, and the glossary's names.

Plain Python, built from `VocabularyDocument`s (knowledge.py builds it from the search index).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from portail.search.frenchwords import is_french_word
from portail.search.phonetic import phonetic_key
from portail.search.spelling import SpellingIndex
from portail.search.text import _WORD, ELISIONS, fold, idf, is_stopword, stem

# A word of the content weighs more when it names something than when it is only mentioned.
NAME_WEIGHT = 3
LONGEST_WORD = 25
# A real French word that sounds exactly like one of our frequent words (« pane », « banc »)
# is not corrected, but that word is searched too.
SOUNDS_LIKE_MIN_FREQUENCY = 8


@dataclass
class VocabularyDocument:
    key: str
    kind: str
    title: str = ""
    names: list = field(default_factory=list)
    body: str = ""
    subjects: list = field(default_factory=list)


@dataclass(frozen=True)
class GlossaryEntry:
    key: str
    names: tuple
    subjects: tuple = ()


# Words a glossary name may start or end with that a query need not repeat.
_FRAME = (
    "le la les un une des du de au aux mon ma mes ton ta tes son sa ses se "
    "votre vos notre nos leur leurs en"
)
_FRAME_WORDS = frozenset(_FRAME.split())


def _name_words(name):
    """The written words (lower case, accents kept) of a glossary name that a query must
    contain: no elided article, no article at either end (« la Sécu » is found as « sécu »,
    « se porter caution » as « porter caution »)."""
    kept = [written for written in _WORD.findall(name.lower()) if fold(written) not in ELISIONS]
    while kept and fold(kept[0]) in _FRAME_WORDS:
        kept.pop(0)
    while kept and fold(kept[-1]) in _FRAME_WORDS:
        kept.pop()
    return tuple(kept)


def _usable(word):
    """A word the corrector may correct towards: letters only, not too long (a reference such
    as « jorftext000000509310 » is not a word)."""
    return len(word) <= LONGEST_WORD and word.isalpha()


class Vocabulary:
    def __init__(self, documents=()):
        frequency = Counter()
        spellings = defaultdict(Counter)
        document_frequency = Counter()
        self.glossary = {}
        self._phrases = {}
        self._sounds = {}
        self.documents = 0
        for document in documents:
            self.documents += 1
            seen = set()
            for text, weight in (
                (document.title, NAME_WEIGHT),
                (" ".join(document.names), NAME_WEIGHT),
                (document.body, 1),
            ):
                for match in _WORD.finditer(text.lower()):
                    written = match.group(0)
                    word = fold(written)
                    if not word.isascii():
                        continue
                    seen.add(stem(word))
                    if _usable(word):
                        frequency[word] += weight
                        spellings[word][written] += 1
            document_frequency.update(seen)
            if document.kind == "glossaire":
                entry = GlossaryEntry(document.key, tuple(document.names), tuple(document.subjects))
                self.glossary[document.key] = entry
                for name in entry.names:
                    name_words = _name_words(name)
                    if not name_words:
                        continue
                    stems = tuple(stem(fold(word)) for word in name_words)
                    # The sound as written and without accents: a query may have either.
                    for sounds in {
                        tuple(phonetic_key(word) for word in name_words),
                        tuple(phonetic_key(fold(word)) for word in name_words),
                    }:
                        by_sound = self._phrases.setdefault(stems, {}).setdefault(sounds, [])
                        if entry not in by_sound:
                            by_sound.append(entry)
                        if len(name_words) > 1 and entry not in self._sounds.get(sounds, []):
                            self._sounds.setdefault(sounds, []).append(entry)
        self.frequency = frequency
        self.document_frequency = document_frequency
        self._display = {word: forms.most_common(1)[0][0] for word, forms in spellings.items()}
        self.spelling = SpellingIndex(frequency, {w: set(f) for w, f in spellings.items()})
        self.longest_phrase = max((len(phrase) for phrase in self._phrases), default=1)

    def _entries_at(self, stems, sounds):
        """The entries named exactly by these words: same stems and same sounds (« mois » and
        « moisi » share a stem, not a sound), or, for a name of several words, the same sounds
        (« banc de France »)."""
        by_sound = self._phrases.get(stems)
        if by_sound and sounds in by_sound:
            return by_sound[sounds]
        if len(stems) > 1:
            return self._sounds.get(sounds, [])
        return []

    def __contains__(self, word):
        return word in self.frequency

    def correct(self, word):
        """(word, is_correction) for a folded word that is not ours: (the closest of our
        words, True) for a misspelling; (a frequent word of ours that sounds the same, False)
        for a real French word we do not use; (None, False) otherwise."""
        if word in self.frequency or word.isdigit():
            return None, False
        if is_french_word(word):
            return self._sounds_like(word), False
        corrected = self.spelling.correct(word)
        if corrected is None or stem(corrected) == stem(word):
            return None, False
        return corrected, True

    def _sounds_like(self, word):
        key = phonetic_key(word)
        candidates = [
            candidate
            for candidate in self.spelling.sounds_like(word)
            if self.frequency[candidate] >= SOUNDS_LIKE_MIN_FREQUENCY
            and stem(candidate) != stem(word)
            and not is_stopword(candidate)
            and phonetic_key(candidate) == key
        ]
        return max(candidates, key=self.frequency.__getitem__, default=None)

    def display(self, word):
        """How the content writes a folded word (with its accents)."""
        return self._display.get(word, word)

    def idf(self, word):
        """(known, inverse document frequency) of a folded word."""
        frequency = self.document_frequency.get(stem(word))
        if frequency is None:
            return False, idf(0, self.documents)
        return True, idf(frequency, self.documents)

    def glossary_in(self, tokens, written=None):
        """The glossary entries one of whose names is in `tokens` (folded words; `written`: the
        same words as typed, accents kept, for their sound), in the order of the text, longest
        names first where they overlap."""
        written = written or tokens
        pairs = [(word, form) for word, form in zip(tokens, written, strict=True)]
        pairs = [(word, form) for word, form in pairs if word not in ELISIONS]
        kept = [word for word, _ in pairs]
        stems = [stem(word) for word in kept]
        sounds = [phonetic_key(form) for _, form in pairs]
        plain_sounds = [phonetic_key(word) for word in kept]
        found, position = [], 0
        while position < len(stems):
            for size in range(min(self.longest_phrase, len(stems) - position), 0, -1):
                end = position + size
                if kept[position] in _FRAME_WORDS or kept[end - 1] in _FRAME_WORDS:
                    continue
                entries = self._entries_at(
                    tuple(stems[position:end]), tuple(sounds[position:end])
                ) or self._entries_at(tuple(stems[position:end]), tuple(plain_sounds[position:end]))
                if entries:
                    found.extend(entry for entry in entries if entry not in found)
                    position = end
                    break
            else:
                position += 1
        return found
