"""Auto-linking: the first occurrence of each glossary word in a text becomes a small native
disclosure with its definition and a link to its page.

Input is SAFE HTML we produced ourselves (escaped text with line breaks, or sanitised Markdown);
the output keeps every character of it and only wraps matched words.

Matching works on words, not on a giant regular expression: the text is cut into words, each
word is normalised once (lower case, no accents, singular: « Bailleurs » → « bailleur »,
« sociaux » → « social »), and the n-grams starting at each word are looked up, longest first,
in a dictionary built once from the glossary (headwords and other names) and cached. Elided
forms come for free, the apostrophe cutting « l'état des lieux » or « d'APL » into words.

The rendered pattern — a decision, since the disclosure must sit inside a sentence:
`<details>` is flow content and would break the paragraph (a <p> cannot contain it). The word
becomes instead a `<button popovertarget>` and the definition a `<span popover>`: both are
phrasing content, valid inside <p>, <li>…; the browser opens and closes the popover without any
JavaScript, gives the button its expanded/collapsed state, places the definition right after the
button in the keyboard order, and closes it with Échap or a tap elsewhere. A browser without the
Popover API (old phones) shows the definition inline, after the word: nothing is lost. The
definition ends with a real link to the word's page.

Rules: only the first occurrence of each word per text; longest match first (« dépôt de
garantie » before « dépôt »); whole words only (« bail » is not in « bailleur »); never inside a
link, a heading, a summary, code, a button, a label or an existing glossary disclosure — so
linking already-linked HTML changes nothing. Acronyms of one or two letters (« CO », « AR »)
only match when written in capitals; a number alone (« 115 ») only after « le », « au » or
« du » (« appelez le 115 », not « 115 euros »); a single word the glossary writes in the plural
(« charges ») only in the plural (« à votre charge » is not about rent charges).
"""

import functools
import hashlib
import re
import time
import unicodedata
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

INDEX_KEY = "glossary:autolink:index:{version}"
VERSION_KEY = "glossary:autolink:version"
# Several processes may each keep their own cache (locmem): the index is rebuilt at least this
# often, so an edit made through another process shows within minutes.
INDEX_SECONDS = 300

# Where a glossary word is never linked: the word is already a link or a control, or it is a
# title, code, or part of a disclosure we made earlier.
EXCLUDED_TAGS = frozenset(
    {
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "summary",
        "code",
        "pre",
        "kbd",
        "samp",
        "button",
        "label",
        "select",
        "option",
        "textarea",
        "script",
        "style",
        "title",
    }
)
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
WRAPPER_CLASS = "terme-glossaire"

# One pass over the HTML: a comment, a tag (quoted attribute values may hold a ">"), a
# character reference (never part of a word), or a word (letters and digits).
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(?P<close>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);"
    r"|(?P<word>[^\W_]+)",
    re.S,
)
_WORD = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);|([^\W_]+)")
_CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_GLOSSARY_ATTR = re.compile(r"""\bdata-glossaire\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# What may separate the words of one glossary entry in a text: spaces, hyphens, apostrophes
# (« l'état », « sous-location »), but no punctuation that ends a phrase.
_SOFT_GAP = re.compile(r"(?:[\s\-'’\u00a0\u202f%]|&(?:#x27|#39|#160|nbsp|rsquo|#8217);)+")
_NUMBER_ANNOUNCERS = frozenset({"le", "au", "du"})
_ELISIONS = frozenset({"l", "d"})


def _accent_table():
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if base != char and base.isascii():
            table[code] = base
    table.update({ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae"})
    return table


_ACCENTS = _accent_table()


@functools.lru_cache(maxsize=65536)
def normalise(word):
    """One word as the index knows it: lower case, without accents, singular."""
    word = word.lower().translate(_ACCENTS)
    if word.endswith("eaux"):
        return word[:-1]
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


def _is_plural(word):
    plain = word.lower().translate(_ACCENTS)
    return normalise(word) != plain


def words_of(text):
    """The normalised words of a plain-text phrase (a headword or another name)."""
    keys = [normalise(match.group(1)) for match in _WORD.finditer(text) if match.group(1)]
    if len(keys) > 1 and keys[0] in _ELISIONS:
        keys = keys[1:]  # « l'APL » is found as « APL »
    return tuple(keys)


@dataclass(frozen=True)
class Entry:
    slug: str
    term: str
    definition: str
    url: str
    # The disclosure's HTML before the popover target and after the definition's id, escaped
    # once when the index is built (see _Linker.disclosure).
    opening: str = ""
    closing: str = ""

    @classmethod
    def make(cls, slug, term, definition, url):
        opening = format_html(
            '<span class="{wrapper}" data-glossaire="{slug}">'
            '<button type="button" class="{wrapper}__mot" popovertarget="',
            wrapper=WRAPPER_CLASS,
            slug=slug,
        )
        closing = format_html(
            '" popover><strong>{term}</strong> : {definition} <a href="{url}">{more}</a>'
            "</span></span>",
            term=term,
            definition=definition,
            url=url,
            more=_("En savoir plus sur « %(term)s »") % {"term": term},
        )
        return cls(slug, term, definition, url, str(opening), str(closing))


@dataclass(frozen=True)
class Key:
    slug: str
    exact: str = ""  # the only spelling accepted (short acronyms)
    number: bool = False  # a number: only after « le », « au », « du »
    # A single word the glossary writes in the plural (« charges », « justificatifs ») only
    # matches the plural: its singular often means something else (« à votre charge »).
    plural: bool = False


@dataclass
class Index:
    keys: dict = field(default_factory=dict)  # tuple of normalised words → Key
    longest: dict = field(default_factory=dict)  # first word → longest key starting with it
    entries: dict = field(default_factory=dict)  # slug → Entry

    def add(self, phrase, slug):
        words = words_of(phrase)
        if not words or words in self.keys:
            return  # the first one wins: headwords are added before other names
        stripped = phrase.strip()
        exact = stripped if len(words) == 1 and stripped.isupper() and len(stripped) <= 2 else ""
        number = len(words) == 1 and words[0].isdigit()
        plural = len(words) == 1 and _is_plural(stripped)
        self.keys[words] = Key(slug, exact, number, plural)
        self.longest[words[0]] = max(self.longest.get(words[0], 0), len(words))


def build_index(rows):
    """The index of (slug, term, aliases, definition, url) rows."""
    index = Index()
    rows = list(rows)
    for slug, term, _aliases, definition, url in rows:
        index.entries[slug] = Entry.make(slug, term, definition, url)
        index.add(term, slug)
    for slug, _term, aliases, _definition, _url in rows:
        for alias in aliases or []:
            if isinstance(alias, str):
                index.add(alias, slug)
    return index


def _index_from_database():
    from portail.glossary.models import Term

    rows = Term.objects.values_list("slug", "term", "aliases", "definition")
    return build_index(
        (slug, term, aliases, definition, Term(slug=slug).get_absolute_url())
        for slug, term, aliases, definition in rows
    )


# The index of this process, with the cache version and the time it was built: most requests
# find it here without even unpickling it from the cache.
_local = {"version": None, "built": 0.0, "index": None}


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # Random, not a counter: a cleared cache must never bring back an older index.
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def invalidate():
    """The glossary changed: every process rebuilds its index at its next use."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def get_index():
    """The cached index: at most one database query, when it has to be built."""
    # The disclosures carry translated words (« En savoir plus… »): one index per language.
    version = f"{current_version()}:{get_language()}"
    now = time.monotonic()
    if _local["version"] == version and now - _local["built"] < INDEX_SECONDS:
        return _local["index"]
    key = INDEX_KEY.format(version=version)
    index = cache.get(key)
    if index is None:
        index = _index_from_database()
        cache.set(key, index, INDEX_SECONDS)
    _local.update(version=version, built=now, index=index)
    return index


def autolink(html, index=None, exclude=()) -> SafeString:
    """`html` with the first occurrence of each glossary word turned into a disclosure.

    `html` must be safe HTML; plain strings are escaped first. The words whose slugs are in
    `exclude` are left as they are (a word's own page does not link to itself)."""
    html = str(conditional_escape(html))
    if index is None:
        index = get_index()
    if not index.keys:
        return mark_safe(html)  # noqa: S308 — escaped or already safe
    linker = _Linker(index, html, exclude)
    return mark_safe(linker.run())  # noqa: S308 — only our own escaped markup is added


class _Linker:
    def __init__(self, index, html, exclude=()):
        self.index = index
        self.html = html
        self.linked = set(exclude)

    def run(self):
        words = self._words()
        matches = self._matches(words)
        if not matches:
            return self.html
        html = self.html
        digest = hashlib.blake2s(html.encode(), digest_size=4).hexdigest()
        prefix = f"glossaire-{digest}-"
        entries = self.index.entries
        out = []
        position = 0
        for start, end, slug in matches:
            entry = entries[slug]
            target = prefix + slug
            out += (
                html[position:start],
                entry.opening,
                target,
                '">',
                html[start:end],  # a slice of the safe input: kept as it is
                '</button><span class="',
                WRAPPER_CLASS,
                '__definition" id="',
                target,
                entry.closing,
            )
            position = end
        out.append(html[position:])
        return "".join(out)

    def _words(self):
        """The words outside excluded elements, as regular-expression matches. A word inside
        an excluded element is dropped: a tag always separates it from the words kept, so no
        phrase can span it."""
        words = []
        stack = []  # open elements: (name, excluded)
        excluded = 0
        for match in _TOKEN.finditer(self.html):
            if match.lastgroup == "word":
                if not excluded:
                    words.append(match)
                continue
            name = match.group("tag")
            if name is None:
                continue  # a comment or a character reference
            name = name.lower()
            if match.group("close"):
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][0] == name:
                        excluded -= sum(flag for _, flag in stack[depth:])
                        del stack[depth:]
                        break
                continue
            if name in VOID_TAGS or match.group(0).endswith("/>"):
                continue
            flag = name in EXCLUDED_TAGS or (name == "span" and self._is_disclosure(match))
            stack.append((name, flag))
            excluded += flag
        return words

    def _is_disclosure(self, match):
        tag = match.group(0)
        classes = _CLASS_ATTR.search(tag)
        if not classes or WRAPPER_CLASS not in (classes.group(1) or classes.group(2)).split():
            return False
        slug = _GLOSSARY_ATTR.search(tag)
        if slug:
            self.linked.add(slug.group(1) or slug.group(2))
        return True

    def _matches(self, words):
        """(start, end, slug) of the first occurrence of each word, longest phrase first."""
        keys = self.index.keys
        longest = self.index.longest
        entries = self.index.entries
        linked = self.linked
        norms = [normalise(match.group("word")) for match in words]
        count = len(norms)
        matches = []
        i = 0
        while i < count:
            most = longest.get(norms[i])
            if most is None:
                i += 1
                continue
            for length in range(min(most, count - i), 0, -1):
                key = keys.get(tuple(norms[i : i + length]))
                if key is None or not self._acceptable(key, words, norms, i, length):
                    continue
                if key.slug not in linked and key.slug in entries:
                    linked.add(key.slug)
                    matches.append((words[i].start(), words[i + length - 1].end(), key.slug))
                # The longest phrase takes its words, linked now or already earlier.
                i += length - 1
                break
            i += 1
        return matches

    def _acceptable(self, key, words, norms, i, length):
        if key.exact and words[i].group("word") != key.exact:
            return False
        if key.plural and not _is_plural(words[i].group("word")):
            return False
        if key.number and (i == 0 or norms[i - 1] not in _NUMBER_ANNOUNCERS):
            return False
        html = self.html
        for j in range(i, i + length - 1):
            if not _SOFT_GAP.fullmatch(html, words[j].end(), words[j + 1].start()):
                return False
        return True
