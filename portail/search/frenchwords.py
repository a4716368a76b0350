"""Is this a French word? The spelling corrector must not « correct » a real word that our
content happens not to use (« lampe » is not a misspelling of « rampe »), so it asks this list
first.

data/mots_francais.txt.gz is the word list of the Debian package wfrench 1.2.7 (Paul Leyland,
GPL-2.0-or-later, hence usable in this AGPL-3.0-or-later project), folded (lower case, no
accents), words of three letters or more, sorted, one a line. It was made with:

    words = {fold(line.strip()) for line in open("/usr/share/dict/french", encoding="utf-8")}
    keep = sorted(w for w in words if len(w) >= 3 and w.isalpha() and w.isascii())

The list stays one compressed block in memory (about 3.6 MB) and is searched by bisection on
its lines, instead of a Python set of 325,000 strings (ten times the memory).
"""

import gzip
import threading
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent / "data" / "mots_francais.txt.gz"

_lock = threading.Lock()
_blob = {}


def _words():
    blob = _blob.get("words")
    if blob is None:
        with _lock:
            blob = _blob.get("words")
            if blob is None:
                with gzip.open(WORDS_FILE, "rb") as handle:
                    blob = b"\n" + handle.read()
                _blob["words"] = blob
    return blob


def is_french_word(word):
    """True when the folded `word` is in the French word list."""
    try:
        wanted = word.encode("ascii")
    except UnicodeEncodeError:
        return False
    if not wanted or b"\n" in wanted:
        return False
    blob = _words()
    low, high = 0, len(blob) - 1
    # Invariant: every line starting at or after `high`'s line is greater than `wanted`, every
    # line before `low` is smaller.
    while low < high:
        middle = (low + high) // 2
        start = blob.rfind(b"\n", 0, middle + 1) + 1
        end = blob.find(b"\n", start)
        if end < 0:
            end = len(blob)
        line = blob[start:end]
        if line == wanted:
            return True
        if line < wanted:
            low = end + 1
        else:
            high = start - 1 if start > 0 else 0
            if high < low:
                break
    start = blob.rfind(b"\n", 0, low + 1) + 1
    end = blob.find(b"\n", start)
    return blob[start : end if end >= 0 else len(blob)] == wanted
