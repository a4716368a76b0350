"""Person names: the first-name list, capitalised neighbours, civilities and cues.

There is no language model here (none can be fetched where the portal runs): a name is found
because it is a known first name, a known surname written with a capital, a capitalised word
next to one of those, or a word right after a civility ("Mme", "monsieur") or a cue
("je m'appelle", "mon fils", "signé", "de la part de"). Places, organisations and common
words are never taken for names. Cue and civility words themselves stay visible.
"""

import re
from bisect import bisect_left

from portail.privacy.lexicon import lexicon, lookup_key

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")
_ELISIONS = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
_SENTENCE_BREAK_RE = re.compile(r"[.!?…\n\"«(:;]")
_ADJACENT_RE = re.compile(r"[ \t]{1,3}")
_SENTENCE_INITIAL_RE = re.compile(r"(?:\A|[.!?…\n\"«(:;])[ \t\"«'(\-]{0,5}([^\W\d_])")
_INITIAL_DOT = "."
# In a text written with capitals, a lowercase first name still counts after these words
# ("c'est karim", "avec nadia").
_BEFORE_LOWERCASE_NAME = {
    "est", "cest", "ces", "c", "avec", "chez", "et", "pour", "par", "de", "d'", "a", "moi", "suis",
    "jsuis", "jsui", "ami", "amie", "voisin", "voisine", "appele", "appelee", "dit", "prevenu",
}  # fmt: skip
_NOT_AFTER_TITLE = {
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "mon", "ma", "mes", "votre",
    "vos", "notre", "nos", "son", "sa", "ses", "et", "ou", "je", "j'", "tu", "il", "elle", "on",
    "nous", "vous", "ils", "elles", "juge", "maire", "president", "presidente", "directeur",
    "directrice", "prefet", "prefete", "depute", "deputee", "ministre", "bonjour", "bonsoir",
    "merci", "svp", "est", "a", "ne", "n'", "qui", "que", "c'", "ce", "cette", "si", "oui",
    "non", "madame", "monsieur", "mademoiselle", "docteur", "maitre", "cordialement",
}  # fmt: skip
_SAINTS = {"saint", "sainte", "st", "ste"}
_SAINT_GAP_RE = re.compile(r"[ \t]{1,2}|-|\. ?")

_TITLES = {
    "monsieur", "madame", "mademoiselle", "mme", "mmes", "mlle", "mlles", "melle", "mr", "mrs",
    "messieurs", "docteur", "dr", "maitre", "me", "m", "pr", "professeur", "mademoiselles",
}  # fmt: skip
_NAME_PARTICLES = {
    "de", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den", "ben",
    "bin", "ibn", "bint", "el", "al", "ait", "ould", "abou", "abu", "le", "la", "mac", "mc", "ter",
}  # fmt: skip

# Cues, on the folded text. "strong": the next word is a name unless it is a common word.
_STRONG_CUES = [
    r"(?:je ?|j ?'? ?|g ?)m ?'? ?a(?:pp|p)ell?e?s?(?![a-z])",
    r"s ?' ?a(?:pp|p)elle(?:nt)?(?![a-z])",
    r"mon (?:nom|prenom|nom de famille|nom et prenom|blaze)"
    r"(?: ?: ?| ?= ?| c ?' ?est(?![a-z])| cest(?![a-z])| ces(?![a-z])| ce(?![a-z])| c(?![a-z'])"
    r"| est(?![a-z])| s'ecrit(?![a-z]))",
    r"(?:nom|prenom|nom et prenom|nom de famille|nom ?/ ?prenom|prenom ?/ ?nom) ?:",
    r"de la part d(?:e(?![a-z])|')",
]
# "weak": the next word is a name only if it is a known first name or capitalised.
_WEAK_CUES = [
    r"moi,? c ?' ?est(?![a-z])",
    r"(?:cordialement|salutations|bien a vous|bien a toi|sincerement|respectueusement"
    r"|amicalement|bisous)(?![a-z])[ \t]*[,.!]?",
    r"sign(?:e|ee)(?![a-z])[ \t]*:?",
]
_RELATIONS = (
    r"fils|fille|filles|enfant|enfants|mari|femme|epouse|epoux|conjoint|conjointe|compagnon"
    r"|compagne|copain|copine|ex|ex-mari|ex-femme|ex-compagnon|ex-compagne|frere|soeur|sœur|freres"
    r"|soeurs|sœurs|mere|pere|maman|papa|grand-mere|grand-pere|grand mere|grand pere|mamie|papi"
    r"|neveu|niece|cousin|cousine|oncle|tante|tonton|tata|beau-frere|belle-soeur|beau-pere"
    r"|belle-mere|belle-fille|beau-fils|voisin|voisine|voisins|voisines|ami|amie|amis|pote"
    r"|colocataire|coloc|proprio|proprietaire|bailleur|bailleresse|gardien|gardienne|concierge"
    r"|assistante sociale|assistant social|assistante|educateur|educatrice|conseiller"
    r"|conseillere|avocat|avocate|medecin|referent|referente|tuteur|tutrice|curateur|curatrice"
    r"|bebe|ado|garcon|gars|agent|agente|huissier|patron|patronne|employeur|collegue|chef"
    r"|responsable|directeur|directrice|interlocuteur|interlocutrice|mandataire|temoin"
    r"|petit-fils|petite-fille|petit fils|petite fille|nourrice|aide-menagere|auxiliaire de vie"
    r"|famille"
)
_RELATION_CUE = (
    r"(?:mon|ma|mes|notre|nos|son|sa|ses|votre|vos|le|la|l'|les|un|une) ?(?:" + _RELATIONS + r")"
    r"(?: (?:qui )?(?:s ?' ?appelle|nomme|nommee|appele|appelee|prenomme|prenommee))?(?![a-z])"
)
_CUE_RE = re.compile(
    r"(?<![a-z])(?:(?P<strong>"
    + "|".join(_STRONG_CUES)
    + r")|(?P<weak>"
    + "|".join(_WEAK_CUES)
    + r")|(?P<relation>"
    + _RELATION_CUE
    + r"))"
)
_CUE_GAP_RE = re.compile(r"[ \t]{0,3}[,:\-]?[ \t]{0,3}")
_SIGNATURE_GAP_RE = re.compile(r"\s{0,4}[,:\-]?\s{0,4}")


class _Tokens:
    """Word tokens of a text; what the rules need to know about a token is computed on demand,
    so that a long text costs little more than one regex pass."""

    def __init__(self, text, folded, protected):
        self.text = text
        self.protected_ranges = protected
        starts, ends, keys = [], [], []
        ligatures = "œ" in folded or "æ" in folded
        for match in _TOKEN_RE.finditer(folded):
            start, word = match.start(), match.group()
            # split elisions: "j'ai" -> "j'" + "ai", "d'Amel" -> "d'" + "Amel" (not N'Diaye)
            while "'" in word:
                head, _, rest = word.partition("'")
                if head not in _ELISIONS or not rest:
                    break
                if head == "n" and text[start].isupper() and text[start + 2].isupper():
                    break
                starts.append(start)
                ends.append(start + len(head) + 1)
                keys.append(head + "'")
                start += len(head) + 1
                word = rest
            starts.append(start)
            ends.append(start + len(word))
            keys.append(lookup_key(word) if ligatures else word)
        self.starts, self.ends, self.keys = starts, ends, keys
        self.count = len(starts)
        # "BONJOUR MON VOISIN ARRETE PAS", "Mon Voisin Crie Toute La Nuit": when nearly every
        # word has a capital, a capital says nothing about names
        capitals = sum(1 for start in starts if text[start].isupper())
        self.shouting = self.count >= 4 and capitals * 10 > self.count * 6

    def original(self, i):
        return self.text[self.starts[i] : self.ends[i]]

    def capital(self, i):
        return self.text[self.starts[i]].isupper()

    def upper(self, i):
        original = self.original(i)
        return len(original) >= 2 and original.isupper()

    def first(self, i):
        key = self.keys[i]
        names = lexicon().first_names
        if key in names:
            return len(key) >= 3 or self.capital(i)
        parts = key.split("-")
        return len(parts) > 1 and all(part in names for part in parts)

    def ambiguous(self, i):
        return self.keys[i] in lexicon().ambiguous_names

    def surname(self, i):
        return self.keys[i] in lexicon().surnames

    def common(self, i):
        key = self.keys[i]
        words = lexicon().common_words
        if key in words or key.endswith("'"):
            return True
        parts = key.split("-")
        return len(parts) > 1 and all(part in words for part in parts)

    def protected(self, i):
        start, end = self.starts[i], self.ends[i]
        if self.protected_ranges.overlaps(start, end):
            return True
        if self.keys[i].split("-")[0] in _SAINTS:
            return True
        # "Saint Jean", "st etienne": a place or a feast, not a person
        return (
            i > 0
            and self.keys[i - 1] in _SAINTS
            and bool(_SAINT_GAP_RE.fullmatch(self.text, self.ends[i - 1], start))
        )

    def sentence_start(self, i):
        if i == 0:
            return True
        return bool(_SENTENCE_BREAK_RE.search(self.text, self.ends[i - 1], self.starts[i]))

    def adjacent_next(self, i):
        """Token i+1 follows token i with only a few spaces between them."""
        return i + 1 < self.count and bool(
            _ADJACENT_RE.fullmatch(self.text, self.ends[i], self.starts[i + 1])
        )

    def index_at_or_after(self, position):
        return bisect_left(self.starts, position)

    # --- what a token can be ----------------------------------------------------------------

    def usable(self, i):
        return not self.protected(i) and self.keys[i] not in _TITLES

    def capital_name(self, i):
        """A capitalised word that can be part of a name next to another name."""
        if not self.capital(i) or not self.usable(i):
            return False
        if self.first(i) or self.surname(i) or self.ambiguous(i):
            return True
        if self.common(i) or self.shouting:
            return False
        key = self.keys[i]
        if self.upper(i) and len(key) <= 3:
            return False  # an acronym (RSA, APL, VMC…)
        return len(key) >= 2

    def known_name(self, i):
        """A first name or surname, in any case (SMS writing has no capitals)."""
        return self.usable(i) and not self.common(i) and (self.first(i) or self.surname(i))

    def plain_word(self, i):
        """A lowercase word that is not a common word: a name after a strong cue."""
        key = self.keys[i]
        return (
            self.usable(i)
            and not self.common(i)
            and len(key) >= 2
            and not key.endswith("'")
            and key not in _NAME_PARTICLES
        )

    def initial_letter(self, i):
        """ "B." in "Nadia B."."""
        end = self.ends[i]
        return (
            end - self.starts[i] == 1
            and self.capital(i)
            and self.text[end : end + 1] == _INITIAL_DOT
        )


def find_names(text, folded, protected):
    tokens = _Tokens(text, folded, protected)
    # A writer who puts capitals at the start of sentences would put one on a name too, so a
    # lowercase first name is only taken on its own in a text written without capitals
    # ("mi hijo tiene asma": Spanish for asthma, not Asma).
    sentence_initials = [m.group(1) for m in _SENTENCE_INITIAL_RE.finditer(text)]
    capitalised = sum(1 for letter in sentence_initials if letter.isupper())
    writes_capitals = bool(sentence_initials) and capitalised * 2 >= len(sentence_initials)
    spans = []
    taken = [False] * tokens.count

    def extend(first, lowercase_slots):
        """Grow a name from token `first` to its neighbours; returns (first, last)."""
        last = first
        size = 1
        # one unknown lowercase word may follow a known first name: "amel zerguini"
        unknown_used = not tokens.first(first)
        while size < 5 and last + 1 < tokens.count and tokens.adjacent_next(last):
            nxt = last + 1
            if tokens.capital_name(nxt) or tokens.known_name(nxt) or tokens.initial_letter(nxt):
                last = nxt
            elif (
                tokens.keys[nxt] in _NAME_PARTICLES
                and nxt + 1 < tokens.count
                and tokens.adjacent_next(nxt)
                and tokens.capital_name(nxt + 1)
                and not tokens.sentence_start(nxt)
            ):
                last = nxt + 1
                size += 1
            elif (
                lowercase_slots
                and not unknown_used
                and size == 1
                and not tokens.capital(nxt)
                and tokens.plain_word(nxt)
            ):
                last = nxt
                unknown_used = True
            else:
                break
            size += 1
        while first > 0 and size < 5 and tokens.adjacent_next(first - 1):
            previous = first - 1
            if not tokens.capital_name(previous):
                break
            if tokens.sentence_start(previous) and not (
                tokens.first(previous) or tokens.surname(previous) or tokens.upper(previous)
            ):
                break
            first = previous
            size += 1
        return first, last

    def add(first, last):
        if any(taken[first : last + 1]):
            return
        for i in range(first, last + 1):
            taken[i] = True
        end = tokens.ends[last]
        if tokens.initial_letter(last):
            end += 1
        spans.append((tokens.starts[first], end, "nom"))

    # 1. civilities and cues: the word that follows them
    keys = tokens.keys
    for i in [i for i, key in enumerate(keys) if key in _TITLES]:
        _after_title(tokens, i, extend, add)
    for cue in _CUE_RE.finditer(folded):
        _after_cue(tokens, cue, extend, add)

    # 2. known first names anywhere, known surnames with a capital inside a sentence,
    #    ambiguous first names with a capital next to another name
    name_keys = lexicon().name_keys
    for i in [i for i, key in enumerate(keys) if key in name_keys or "-" in key]:
        if taken[i]:
            continue
        seed = tokens.known_name(i) and tokens.first(i)
        seed = seed and (
            tokens.capital(i)
            or not writes_capitals
            or (i > 0 and tokens.keys[i - 1] in _BEFORE_LOWERCASE_NAME)
        )
        seed = seed or (
            tokens.surname(i)
            and tokens.capital(i)
            and not tokens.sentence_start(i)
            and tokens.usable(i)
        )
        if not seed and tokens.ambiguous(i) and tokens.capital(i) and tokens.usable(i):
            seed = _touches_name(tokens, i)
        if seed:
            add(*extend(i, lowercase_slots=False))
    return spans


def _touches_name(tokens, i):
    def is_name(j):
        if not (0 <= j < tokens.count) or not tokens.capital_name(j):
            return False
        return not tokens.ambiguous(j) or tokens.first(j)

    right = i + 1 < tokens.count and tokens.adjacent_next(i) and is_name(i + 1)
    left = i > 0 and tokens.adjacent_next(i - 1) and is_name(i - 1)
    if left and tokens.sentence_start(i - 1) and not tokens.upper(i - 1):
        left = tokens.first(i - 1) or tokens.surname(i - 1)
    return right or left


def _after_title(tokens, i, extend, add):
    original = tokens.text[tokens.starts[i] : tokens.ends[i]]
    key = tokens.keys[i]
    if key == "m" and original != "M":
        return
    if key == "me" and original != "Me":
        return
    j = i + 1
    if j >= tokens.count:
        return
    gap = tokens.text[tokens.ends[i] : tokens.starts[j]]
    if not re.fullmatch(r"\.?[ \t]{0,3}", gap) or (not gap and original != original.upper()):
        return
    if not tokens.usable(j):
        return
    if tokens.initial_letter(j) or (
        tokens.ends[j] - tokens.starts[j] == 1 and tokens.capital(j) and key not in ("m", "me")
    ):
        add(j, j)  # "Mme B.", "Mme X"
        return
    if key in ("m", "me"):
        ok = (
            tokens.capital(j)
            and not tokens.common(j)
            and (not tokens.ambiguous(j) or tokens.capital_name(j))
            and not (tokens.shouting and not tokens.known_name(j))
        )
    else:
        ok = tokens.capital_name(j) or tokens.known_name(j)
        # "madame kaya", "MME ZERGUINI": after a civility, a word that is not a common word
        ok = ok or (tokens.plain_word(j) and not tokens.ambiguous(j))
        # "Mme Petit", "M. Blanc": after a civility a capitalised word is a surname even when
        # it is also a common word, unless it is an article or a role ("Monsieur le Juge")
        ok = ok or (
            tokens.capital(j)
            and not tokens.upper(j)
            and not tokens.shouting
            and tokens.keys[j] not in _NOT_AFTER_TITLE
        )
    if ok:
        add(*_right_only(extend, j, lowercase_slots=True))


def _after_cue(tokens, cue, extend, add):
    position = cue.end()
    j = tokens.index_at_or_after(position)
    if j >= tokens.count:
        return
    gap_re = _SIGNATURE_GAP_RE if cue.group("weak") else _CUE_GAP_RE
    if not gap_re.fullmatch(tokens.text, position, tokens.starts[j]):
        return
    if not tokens.usable(j):
        return
    if cue.group("strong"):
        # after "je m'appelle", even "rose" or "pierre" is a name
        ok = tokens.capital_name(j) or tokens.known_name(j) or tokens.plain_word(j)
        ok = ok or (tokens.ambiguous(j) and tokens.usable(j))
        slots = True
    else:
        ok = tokens.capital_name(j) or tokens.known_name(j)
        slots = False
    if ok:
        add(*_right_only(extend, j, lowercase_slots=slots))


def _right_only(extend, j, lowercase_slots):
    first, last = extend(j, lowercase_slots)
    return max(first, j), last
