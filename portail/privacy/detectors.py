"""Pattern detectors: bank and social numbers, e-mails, phones, street addresses, postal codes.

Every detector reads the FOLDED text (see lexicon.fold: lowercase, no accents, same length as
the original) and returns (start, end, kind) triples in original offsets. The original text is
only looked at where capital letters matter. Every pattern is anchored on a token boundary
and has bounded repetitions, so a detector runs in linear time on any input.
"""

import re
from bisect import bisect_left

from portail.privacy.lexicon import lexicon, lookup_key

# --- IBAN and RIB -------------------------------------------------------------------------

_IBAN_COUNTRIES = (
    "ad", "ae", "al", "at", "az", "ba", "be", "bg", "bh", "br", "by", "ch", "cr", "cy", "cz", "de",
    "dk", "do", "ee", "eg", "es", "fi", "fo", "fr", "gb", "ge", "gi", "gl", "gr", "gt",
    "hr", "hu", "ie", "il", "iq", "is", "it", "jo", "kw", "kz", "lb", "lc", "li", "lt", "lu", "lv",
    "ly", "mc", "md", "me", "mk", "mr", "mt", "mu", "nl", "no", "pk", "pl", "ps", "pt",
    "qa", "ro", "rs", "sa", "sc", "sd", "se", "si", "sk", "sm", "so", "st", "sv", "tl", "tn", "tr",
    "ua", "va", "vg", "xk",
    # countries whose banks print IBAN-like numbers (Maghreb, West and Central Africa)
    "dz", "ma", "sn", "ci", "ml", "cm", "km", "bj", "bf", "ne", "tg", "mg", "cg", "ga", "td", "ao",
    "mz", "cf", "gq", "gw",
)  # fmt: skip

_IBAN_RE = re.compile(
    r"(?<![a-z0-9])(" + "|".join(_IBAN_COUNTRIES) + r")( ?)(\d{2})"
    r"((?:[ \-]?[a-z0-9]{4}){2,8}(?:[ \-]?[a-z0-9]{1,3})?)(?![a-z0-9])"
)
_RIB_RE = re.compile(r"(?<![a-z0-9])\d{5} ?\d{5} ?[a-z0-9]{11} ?\d{2}(?![a-z0-9])")
_GROUP_RE = re.compile(r"[ \-]?[a-z0-9]{1,4}")


def find_iban(folded, text):
    found = []
    for match in _IBAN_RE.finditer(folded):
        if match.group(2) and not text[match.start(1) : match.end(1)].isupper():
            continue  # "de 12 3456 …": a space after the country code only for "FR 76 …"
        groups = _GROUP_RE.findall(match.group(4))
        while groups and not any(c.isdigit() for c in groups[-1]):
            groups.pop()  # a word that happened to be 4 letters long after the number
        body = "".join(groups).replace(" ", "").replace("-", "")
        if len(body) < 11 or sum(c.isdigit() for c in body) < 8:
            continue
        end = match.start(4) + len("".join(groups))
        found.append((match.start(), end, "iban"))
    for match in _RIB_RE.finditer(folded):
        digits = sum(c.isdigit() for c in match.group())
        if digits >= 18:
            found.append((match.start(), match.end(), "iban"))
    return found


# --- NIR (numéro de sécurité sociale) -----------------------------------------------------

_NIR_RE = re.compile(
    r"(?<![\d])[1278][ .\-]?\d\d[ .\-]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .\-]?(?:\d\d|2[ab])"
    r"[ .\-]?\d{3}[ .\-]?\d{3}(?:[ .\-]?\d\d)?(?![\d])"
)
_NIR_CUE_RE = re.compile(
    r"(?<![a-z])(?:secu|securite\s+sociale|n\.?\s?i\.?\s?r|carte\s+vitale|immatriculation)"
    r"[^\d\n!?]{0,30}?(\d(?:[ .\-]?\d){11,14})(?![\d])"
)


def find_nir(folded, text):
    found = [(m.start(), m.end(), "nir") for m in _NIR_RE.finditer(folded)]
    found += [(m.start(1), m.end(1), "nir") for m in _NIR_CUE_RE.finditer(folded)]
    return found


# --- numéro d'allocataire ------------------------------------------------------------------

_ALLOC_RE = re.compile(
    r"(?<![a-z])(?:"
    r"(?:n°|no|num(?:ero)?|ref(?:erence)?|identifiant|id|code|dossier|matricule)\s*\.?\s*"
    r"(?:d'|de\s+)?(?:l'|la\s+)?(?:allocataire|alloc|caf|msa)(?![a-z])"
    r"|allocataire|alloc(?![a-z])|matricule"
    r"|(?:caf|msa)\s*(?:n°|no|num(?:ero)?(?![a-z])|:)"
    r")[^\d\n!?]{0,30}?(\d(?:[ .]?\d){5,12})(?![\d])"
)
_DATE_LIKE_RE = re.compile(r"\d{1,2}[ .]\d{1,2}[ .]\d{2,4}")


def find_allocataire(folded, text):
    found = []
    for match in _ALLOC_RE.finditer(folded):
        number = match.group(1)
        digits = re.sub(r"\D", "", number)
        if digits.startswith("0") and len(digits) in (9, 10):
            continue  # a phone number given right after the word "caf"
        if _DATE_LIKE_RE.fullmatch(number):
            continue
        found.append((match.start(1), match.end(1), "allocataire"))
    return found


# --- e-mail --------------------------------------------------------------------------------

_TLDS = (
    "com", "fr", "net", "org", "eu", "info", "biz", "io", "co", "be", "ch", "de", "es", "it", "pt",
    "uk", "nl", "lu", "ma", "dz", "tn", "sn", "ci", "ml", "cm", "km", "yt", "re",
    "gp", "mq", "gf", "nc", "pf", "tr", "ro", "pl", "ru", "ua", "al", "rs", "am", "ge", "us", "ca",
    "me", "tv", "xyz", "edu", "gov", "online", "site", "app", "dev", "live",
    "email", "cloud", "pro", "bzh", "paris", "asso", "gouv", "mc", "ad", "li", "at", "dk", "se",
    "no", "fi", "ie", "gr", "cz", "sk", "hu", "bg", "hr", "si", "ba", "mk",
    "by", "kz", "md", "lt", "lv", "ee", "is", "jp", "cn", "in", "br", "ar", "mx", "cl", "za", "ng",
    "gh", "eg",
)  # fmt: skip
_TLD = "(?:" + "|".join(sorted(_TLDS, key=len, reverse=True)) + ")"

_EMAIL_RE = re.compile(
    r"(?<![\w.+\-])[\w.+\-]*\w@[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.[a-z]{2,24}(?![\w\-])"
)
_AT = (
    r"(?:[ \t]{0,3}@[ \t]{0,3}"
    r"|[ \t]{0,2}[\[({<][ \t]?(?:at|@|arobase|arobas|arrobase)[ \t]?[\])}>][ \t]{0,2}"
    r"|[ \t]+(?:at|arobase|arobas|arobaz|arobaze|arrobase|arrobas)[ \t]+)"
)
_DOT = (
    r"(?:[ \t]{0,2}\.[ \t]{0,2}"
    r"|[ \t]{0,2}[\[({<][ \t]?(?:dot|point|pt)[ \t]?[\])}>][ \t]{0,2}"
    r"|[ \t]+(?:point|dot)[ \t]+)"
)
_OBFUSCATED_EMAIL_RE = re.compile(
    r"(?<![\w.+\-])[a-z0-9_][a-z0-9_.+\-]*" + _AT + r"[a-z0-9][a-z0-9\-]*"
    r"(?:" + _DOT + r"[a-z0-9][a-z0-9\-]*)*?" + _DOT + _TLD + r"(?![a-z0-9])"
)


def find_email(folded, text):
    found = [(m.start(), m.end(), "email") for m in _EMAIL_RE.finditer(folded)]
    found += [(m.start(), m.end(), "email") for m in _OBFUSCATED_EMAIL_RE.finditer(folded)]
    return found


# --- telephone -----------------------------------------------------------------------------

_SEP = r"[ \t.\-_/]{0,3}"
_PHONE_RE = re.compile(
    r"(?<![\d+])(?:"
    r"(?:\+|00)[ \t]?33" + _SEP + r"(?:\([ \t]?0[ \t]?\)" + _SEP + r"|0" + _SEP + r")?"
    r"|\([ \t]?0[ \t]?\)" + _SEP + r"|0" + _SEP + r")"
    r"[1-9](?:" + _SEP + r"\d){8}(?!\d)"
)
# A mobile number with one digit missing ("06 12 34 56 7") is still somebody's number.
_SHORT_MOBILE_RE = re.compile(r"(?<![\d+])0[67](?:" + _SEP + r"\d){7}(?![ .\-]?\d)")
_FOREIGN_PHONE_RE = re.compile(
    r"(?<![\d+])(?:\+|00)(?!33)[1-9]\d{0,2}" + _SEP + r"(?:\([ \t]?0[ \t]?\)" + _SEP + r")?"
    r"\d(?:" + _SEP + r"\d){7,11}(?!\d)"
)

_UNITS = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "deu": 2, "trois": 3, "troi": 3, "quatre": 4,
    "quatr": 4, "katre": 4, "katr": 4, "cinq": 5, "cinque": 5, "cink": 5, "sink": 5, "six": 6,
    "sis": 6, "sept": 7, "set": 7, "sete": 7, "huit": 8, "uit": 8, "wit": 8, "neuf": 9, "nef": 9,
}  # fmt: skip
_TEENS = {
    "dix": 10, "dis": 10, "diz": 10, "onze": 11, "onz": 11, "douze": 12, "douz": 12,
    "treize": 13, "treiz": 13, "quatorze": 14, "katorze": 14, "katorz": 14, "quinze": 15,
    "kinze": 15, "kinz": 15, "seize": 16, "seiz": 16, "sez": 16,
}  # fmt: skip
_TENS = {
    "vingt": 20, "vingts": 20, "vint": 20, "trente": 30, "trante": 30, "quarante": 40,
    "karante": 40, "cinquante": 50, "cinkante": 50, "sinquante": 50, "soixante": 60,
    "swasante": 60, "soisante": 60, "soissante": 60, "septante": 70, "huitante": 80,
    "octante": 80, "nonante": 90,
}  # fmt: skip
_NUMBER_WORDS = set(_UNITS) | set(_TEENS) | set(_TENS) | {"et"}
_NUMBER_WORD_RE = re.compile(
    r"(?<![a-z])(?:" + "|".join(sorted(set(_UNITS) | set(_TEENS) | set(_TENS))) + r")(?![a-z])"
)
_WORD_PHONE_START_RE = re.compile(r"(?<![a-z0-9])(?:zero|0\d{0,3})(?![a-z0-9])")
_NUMBER_TOKEN_RE = re.compile(r"[ \t,.\-/]{0,3}(\d+|[a-z]+)")


def _number_tokens(folded, pos, limit=24):
    """Consecutive number tokens (digit groups and number words) from `pos`."""
    tokens = []
    while len(tokens) < limit:
        match = _NUMBER_TOKEN_RE.match(folded, pos)
        if not match:
            break
        word = match.group(1)
        if not word.isdigit() and word not in _NUMBER_WORDS:
            break
        if word.isdigit() and match.end(1) < len(folded) and folded[match.end(1)].isalpha():
            break
        tokens.append((word, match.start(1), match.end(1)))
        pos = match.end()
    return tokens


def _read_number(tokens, index):
    """French number words from tokens[index] -> (digits, tokens used), or (None, 0)."""
    word = tokens[index][0]
    after = [t[0] for t in tokens[index + 1 : index + 4]]
    if word.isdigit():
        return word, 1
    if word == "quatre" and after[:1] and after[0] in ("vingt", "vingts", "vint"):
        value, used, after = 80, 2, after[1:]
    elif word in _TENS:
        value, used = _TENS[word], 1
    elif word in _TEENS:
        if (
            word in ("dix", "dis", "diz")
            and after[:1]
            and after[0] in ("sept", "set", "huit", "uit", "neuf")
        ):
            return str(10 + _UNITS[after[0]]), 2
        return str(_TEENS[word]), 1
    elif word in _UNITS:
        return str(_UNITS[word]), 1
    else:
        return None, 0
    # tens: optional "et", then a unit or (after 60 and 80) a teen
    if after[:1] == ["et"] and len(after) > 1 and after[1] in ("un", "une", "onze", "onz"):
        extra = 1 if after[1] in ("un", "une") else 11
        return str(value + extra), used + 2
    if after and value in (60, 80) and after[0] in _TEENS:
        if (
            after[0] in ("dix", "dis", "diz")
            and len(after) > 1
            and after[1] in ("sept", "set", "huit", "uit", "neuf")
        ):
            return str(value + 10 + _UNITS[after[1]]), used + 2
        return str(value + _TEENS[after[0]]), used + 1
    if after and after[0] in _UNITS and _UNITS[after[0]] > 0:
        return str(value + _UNITS[after[0]]), used + 1
    return str(value), used


def find_spelled_phones(folded, text):
    """Phone numbers written (partly) in words: "zéro six douze trente-quatre…"."""
    found = []
    resume = 0
    word_positions = [m.start() for m in _NUMBER_WORD_RE.finditer(folded)]
    if not word_positions:
        return found
    for start in _WORD_PHONE_START_RE.finditer(folded):
        if start.start() < resume:
            continue
        index = bisect_left(word_positions, start.start())
        if index == len(word_positions) or word_positions[index] > start.start() + 120:
            continue
        tokens = _number_tokens(folded, start.start())
        digits = ""
        index = 0
        has_word = False
        end = start.start()
        while index < len(tokens) and len(digits) < 10:
            part, used = _read_number(tokens, index)
            if part is None:
                break
            if not tokens[index][0].isdigit():
                has_word = True
            digits += part
            end = tokens[index + used - 1][2]
            index += used
        if has_word and len(digits) >= 8 and digits[0] == "0" and digits[1] != "0":
            found.append((start.start(), end, "telephone"))
            resume = end
    return found


def find_phones(folded, text):
    found = []
    for regex in (_PHONE_RE, _SHORT_MOBILE_RE, _FOREIGN_PHONE_RE):
        found += [(m.start(), m.end(), "telephone") for m in regex.finditer(folded)]
    found += find_spelled_phones(folded, text)
    return found


# --- street addresses -----------------------------------------------------------------------

# Words that name a street whatever follows them.
_STREET_TYPES = {
    "rue", "ru", "avenue", "av", "ave", "boulevard", "bd", "bld", "blvd", "boul", "allee",
    "allees", "alle", "chemin", "impasse", "quai", "montee", "lotissement", "faubourg", "fbg",
    "rond-point", "sentier", "parvis", "esplanade", "square", "ruelle", "venelle", "traverse",
    "hameau", "residence", "cite", "imp",
    # how residents also spell them
    "avenu", "aveneu", "boulvard", "boulevar", "boulevart", "bouleward", "boulvar", "ale",
    "impase", "impace", "chemain", "residance", "recidence", "rezidence", "lotisement", "squar",
}  # fmt: skip
# Words that name a street only before a capitalised name ("3 cours Fauriel", not
# "3 cours de français"; "2 place Carnot", not "2 place de parking").
_WEAK_STREET_TYPES = {
    "cours", "place", "pl", "route", "rte", "passage", "voie", "villa", "clos", "domaine",
    "parc", "promenade", "chaussee", "lot", "res", "r", "chem", "sq", "mail", "plasse", "plase",
    "cour",
}  # fmt: skip
_STREET_RE = re.compile(
    r"(?<![\w,.°])(?:n[°o] ?)?\d{1,4}(?: ?(?:bis|ter|quater|[abt])(?![a-z]))?"
    r"(?: ?, ?| ?)(?P<voie>rond[ \-]point|[a-z]+(?:-[a-z]+)?)(?P<dot>\.)?"
)
_STREET_CUE_RE = re.compile(
    r"(?<![a-z])(?:j ?' ?h?abite|jh?abite|g h?abite|h?abitons|h?abitent|h?abite|je vis|on vit"
    r"|nous vivons|domicilie(?:e|s|es)?|mon adresse(?: ?: ?| c ?' ?est| cest| ces| est)?"
    r"|adresse ?:)"
    r"(?: (?:au|a|dans la|dans le|dans l'|sur la|sur le|en|la|le|l'))? ?"
    r"(?P<voie>rond[ \-]point|[a-z]+(?:-[a-z]+)?)(?P<dot>\.)?"
    # a named housing estate needs no cue: "résidence Les Tilleuls", "cité des Aubépines"
    r"|(?<![a-z])(?P<estate>residence|lotissement|hameau|domaine|cite|res)(?![a-z])(?P<estate_dot>\.)?"
)
_PARTICLES = {"de", "du", "des", "d'", "la", "le", "les", "l'", "saint", "st", "ste", "sainte"}
_HARD_STOPS = {
    "a", "au", "aux", "dans", "et", "ou", "mais", "pour", "depuis", "chez", "avec", "sans",
    "sous", "pres", "vers", "qui", "que", "qu'", "quand", "car", "donc", "alors", "puis", "mon",
    "ma", "mes", "ton", "ta", "son", "sa", "ses", "notre", "votre", "nos", "vos", "leur", "leurs",
    "il", "elle", "on", "nous", "vous", "ils", "elles", "je", "j'", "c'", "ce", "cet", "cette",
    "ces", "est", "sont", "ai", "as", "ont", "suis", "etait", "sera", "y", "en", "ne", "n'",
    "pas", "plus", "un", "une", "bat", "batiment", "bt", "bloc", "appartement", "appart", "apt",
    "appt", "app", "escalier", "esc", "etage", "porte", "entree", "tel", "telephone", "proche",
    "cote", "face", "derriere", "devant", "entre", "apres", "avant", "ici", "quartier", "ville",
    "code", "cp", "cedex", "bp", "merci", "svp", "stp", "bonjour", "cordialement", "ya", "jai",
    "g", "c", "ca", "ke", "ki", "kan", "pk", "pr", "me", "te", "se", "m'", "t'", "s'", "l", "d",
    "j", "m", "n", "s", "t", "qu", "tout", "tous", "toute", "bien", "aussi", "encore", "deja",
}  # fmt: skip
_STREET_TOKEN_RE = re.compile(
    r"[ \t]{1,3}(?:(?P<word>[^\W\d_]+(?:['\-][^\W\d_]+)*'?)|(?P<num>\d{1,4})(?![\d\w]))"
)
_MONTHS = {
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
    "octobre", "novembre", "decembre",
}  # fmt: skip


def _joins_two_first_names(folded, previous, position):
    names = lexicon().name_keys
    following = _STREET_TOKEN_RE.match(folded, position)
    return (
        previous in names
        and following is not None
        and bool(following.group("word"))
        and lookup_key(following.group("word")) in names
    )


def _street_name_end(folded, text, pos, weak, places):
    """End of the street name that starts at `pos`, or None when there is none."""
    common = lexicon().common_words
    words = 0
    name_end = None
    previous = None
    for _ in range(8):
        match = _STREET_TOKEN_RE.match(folded, pos)
        if not match:
            break
        kind = "num" if match.group("num") else "word"
        token, start, end = match.group(kind), match.start(kind), match.end(kind)
        key = lookup_key(token)
        if key == "et" and words and _joins_two_first_names(folded, previous, end):
            previous = key  # "rue Pierre et Marie Curie"
            pos = end
            continue
        if kind == "num":
            # "rue du 8 mai 1945", "avenue du 11 novembre": a number only inside a date name
            if previous not in ("du", "de") and previous not in _MONTHS:
                break
            name_end = end
        else:
            head, apostrophe, rest = key.partition("'")
            if apostrophe and rest and head in ("d", "l"):
                key = rest  # "d'arcole", "l'eglise": the particle is glued to the word
                particle = False
            else:
                particle = key in _PARTICLES
            if key in _HARD_STOPS:
                break
            if words and places.contains(start):
                break  # "… des Lilas Montreynaud", "… rue X saint etienne"
            if particle:
                if words and key in ("la", "le", "les", "l'") and previous not in ("de", "d'"):
                    break  # "rue des lilas le proprio…"
            else:
                capital = text[start].isupper()
                if words and key in common and not capital and previous not in _PARTICLES:
                    break  # "rue des lilas proprio pas venu"
                if not words and weak and not capital:
                    return None
                words += 1
                name_end = end
        previous = key
        pos = end
        if words >= 5:
            break
    if not words:
        return None
    return name_end


def _street_type(match):
    if match.groupdict().get("estate"):
        if match.group("estate") == "res" and not match.group("estate_dot"):
            return None
        return True  # weak: only before a capitalised name
    voie = match.group("voie").replace(" ", "-")
    dotted = bool(match.group("dot"))
    if voie in _STREET_TYPES:
        return False
    if voie in _WEAK_STREET_TYPES:
        if voie in ("r", "pl", "res", "lot", "chem", "sq") and not dotted:
            return None
        return True
    return None


def find_addresses(folded, text, places):
    found = []
    for regex in (_STREET_RE, _STREET_CUE_RE):
        for match in regex.finditer(folded):
            weak = _street_type(match)
            if weak is None:
                continue
            if regex is _STREET_CUE_RE and places.contains(match.end() + 1):
                continue
            end = _street_name_end(folded, text, match.end(), weak, places)
            if end is None:
                continue
            if regex is _STREET_CUE_RE:
                start = match.start("estate") if match.group("estate") else match.start("voie")
            else:
                start = match.start()
            found.append((start, end, "adresse"))
    found += find_building_parts(folded, text)
    return found


_BUILDING_RE = re.compile(
    r"(?<![a-z])(?P<kw>batiment|bat|bt|bloc|immeuble|imm|entree|escalier|esc|appartement|appart"
    r"|appt|apt|app|logement|porte|tour)(?:\.|(?![a-z])) ?"
    r"(?:(?:n°|no\.?|numero|num\.?) ?(?P<number>\d{1,4}[a-z]?)"
    r"|[:#]? ?(?P<id>\d{1,4}[a-z]?|[a-z]\d{0,3}))"
    r"(?![\w'])"
)
_UNIT_AFTER_RE = re.compile(
    r" ?(?:pieces?|p\b|m2|m²|m\b|metres?|ans?\b|euros?|€|%|mois|jours?|semaines?|fois|etages?"
    r"|personnes?|enfants?|chambres?|h\b|heures?|min\b|minutes?|ieme|eme|e\b|er\b|x\b|plaintes?)"
)


def find_building_parts(folded, text):
    found = []
    for match in _BUILDING_RE.finditer(folded):
        ident = match.group("id") or match.group("number")
        if _UNIT_AFTER_RE.match(folded, match.end()):
            continue
        if re.fullmatch(r"[tf]\d", ident):
            continue  # "un appartement T3": the size of a flat, not where it is
        if ident.isalpha():
            original = text[match.start("id" if match.group("id") else "number")]
            if not original.isupper() and ident in ("a", "y", "e", "o", "u", "s"):
                continue
            if match.group("kw") == "tour" and not original.isupper():
                continue
        found.append((match.start(), match.end(), "adresse"))
    return found


# --- postal codes ---------------------------------------------------------------------------

_POSTAL_RE = re.compile(r"(?<![\d])(?:0[1-9]|[1-8]\d|9[0-8]) ?\d{3}(?![\d])")
_POSTAL_CUE_BEFORE_RE = re.compile(r"(?:code postal|c\.? ?p\.?)[ \t]*[:=]?[ \t]*$")
_CITY_AFTER_RE = re.compile(r"[ \t,\-]{0,3}(?:cedex\b|st\b|ste\b|saint\b|sainte\b)")
_WORD_AFTER_RE = re.compile(r"[ \t,\-]{0,3}([^\W\d_]+)")


def find_postal_codes(folded, text, places, addresses):
    common = lexicon().common_words
    address_ends = {end for _, end, _ in addresses}
    found = []
    for match in _POSTAL_RE.finditer(folded):
        start, end = match.start(), match.end()
        near_address = near_place = False
        for gap in range(min(4, start + 1)):
            if folded[start - gap : start].strip(" \t,-"):
                break
            near_address = near_address or (start - gap) in address_ends
            near_place = near_place or places.ends_at(start - gap)
        cue = bool(_POSTAL_CUE_BEFORE_RE.search(folded, max(0, start - 24), start))
        city_after = bool(_CITY_AFTER_RE.match(folded, end))
        if not city_after:
            word = _WORD_AFTER_RE.match(folded, end)
            if word:
                word_start = word.start(1)
                capitalised = text[word_start].isupper()
                city_after = places.contains(word_start) or (
                    capitalised and lookup_key(word.group(1)) not in common
                )
        if near_address or near_place or cue or city_after:
            found.append((start, end, "code_postal"))
    return found
