"""A French phonetic key: two spellings that sound alike get the same key.

Residents often write what they hear (« cosion » for caution, « chodière » for chaudière,
« fonksione » for fonctionne). The key below is a simplified Phonex / Soundex-FR: it rewrites the
groups of letters that make one sound (eau, au → o; ph → f; qu, c, k → k; ain, ein, in → one
nasal; an, en → another…), merges letters that residents swap (s/z/ç, é/è/ai), drops the silent
h and the silent letters at the end of a word, and collapses doubled letters.

It is meant to find candidates in OUR vocabulary, not to be a full phonetic transcription: the
spelling corrector (spelling.py) always checks the candidates with an edit distance too.
"""

import re
import unicodedata
from functools import lru_cache

# Symbols standing for one sound each (upper case, so that the silent-letter rules below, which
# work on lower case letters, leave them alone).
_E = "E"  # é, è, ê, ai, ei, er/ez at the end
_IN = "1"  # in, ain, ein, un, im, aim
_AN = "2"  # an, en, am, em
_ON = "3"  # on, om

_VOWELS = "aeiouyE"

# (pattern, replacement) applied in order on a lowercase word whose é/è/ê are already _E.
_RULES = [
    # Before doubled letters are collapsed: « ill » after a vowel sounds like y (bailleur, bayeur).
    (r"(?<=[aeuE])il+(?=[aeiouyE]|$)", "y"),
    (r"ae", "e"),
    (r"oe", "e"),
    (r"eaux?", "o"),
    (r"aux?$", "o"),
    (r"au", "o"),
    (r"ph", "f"),
    (r"th", "t"),
    (r"sch", "S"),
    (r"ch", "S"),
    (r"sh", "S"),
    (r"qu", "k"),
    (r"q", "k"),
    (r"ck", "k"),
    (r"cc(?=[eiy])", "ks"),
    (r"c(?=[eiyE])", "s"),
    (r"ç", "s"),
    (r"c", "k"),
    (r"gu(?=[eiyE])", "g"),
    (r"ge(?=[aou])", "j"),
    (r"g(?=[eiyE])", "j"),
    (r"gn", "n"),
    (r"e[rz]$", _E),
    (r"x$", ""),
    (r"x", "ks"),
    (r"w", "v"),
    (r"z", "s"),
    (r"tion", "sion"),
    (r"tie(?=n)", "sie"),
    (r"oy", "way"),
    (r"oi", "wa"),
    (r"ou", "u"),
    (r"[ae]i(?=[^n]|$)", _E),
    (r"et$", _E),
    (r"es$", "e"),
    # Nasals: a vowel followed by n or m, then a consonant or the end of the word.
    (r"(?:[aeE]i|i|u|y)[nm](?=[^aeiouyEnm123]|$)", _IN),
    (r"[ae][nm](?=[^aeiouyEnm123]|$)", _AN),
    (r"o[nm](?=[^aeiouyEnm123]|$)", _ON),
    (r"y", "i"),
    (r"h", ""),
]
_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in _RULES]
_DOUBLE = re.compile(r"(.)\1+")
_SILENT_END = re.compile(r"[stdxp]+$")


@lru_cache(maxsize=20000)
def phonetic_key(word):
    """The phonetic key of one word (any case, with or without accents); "" for a word with no
    letters."""
    word = word.lower()
    word = word.replace("é", _E).replace("è", _E).replace("ê", _E).replace("ë", _E)
    word = unicodedata.normalize("NFKD", word)
    word = "".join(char for char in word if not unicodedata.combining(char))
    word = re.sub(r"[^a-zE]", "", word)
    if not word:
        return ""
    for pattern, replacement in _COMPILED:
        word = pattern.sub(replacement, word)
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 2:
        # A final e is mute but the consonant before it is heard (code, cose, fuite); a final
        # s, t, d, x or p is silent (tout, grand), and so is an e left before it (fuites).
        if word.endswith("e"):
            word = word[:-1]
        else:
            word = _SILENT_END.sub("", word) or word
            if len(word) > 2 and word.endswith("e"):
                word = word[:-1]
    # é and e are often swapped inside a word; only a final é is kept apart from a mute e.
    return word[:-1].replace(_E, "e") + word[-1:]
