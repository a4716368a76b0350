import re
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from hypothesis import given, settings
from hypothesis import strategies as st

from portail.core.content import content_dir
from portail.core.markdown import render_markdown
from portail.glossary.autolink import autolink, build_index, get_index, normalise
from portail.glossary.content import read_glossary
from portail.glossary.models import Term
from tests.glossary.factories import TermFactory

ROWS = [
    ("depot-de-garantie", "Dépôt de garantie", ["caution", "dépôt"], "Somme versée.", "/g/ddg/"),
    ("depot", "Dépôt", [], "Un autre dépôt.", "/g/depot/"),
    ("etat-des-lieux", "État des lieux", ["EDL"], "Document <qui> décrit & compare.", "/g/edl/"),
    ("bail", "Bail", ["baux"], "Contrat de location.", "/g/bail/"),
    ("bailleur", "Bailleur", ["proprio"], "Celui qui loue.", "/g/bailleur/"),
    ("apl", "APL", ["l'APL", "aide au logement"], "Aide de la CAF.", "/g/apl/"),
    ("monoxyde", "Monoxyde de carbone", ["CO"], "Gaz mortel.", "/g/co/"),
    ("115", "115", [], "Numéro d'urgence.", "/g/115/"),
    ("logement-social", "Logement social", ["HLM"], "Logement à loyer modéré.", "/g/ls/"),
    ("travaux", "Travaux", [], "Réparations.", "/g/travaux/"),
]
INDEX = build_index(ROWS)


def safe(markup):
    """Test input standing for the safe HTML a caller passes (escaped text, clean Markdown)."""
    return mark_safe(markup)  # noqa: S308


def link(text):
    return str(autolink(safe(text), INDEX))


def linked_slugs(output):
    return re.findall(r'data-glossaire="([^"]+)"', output)


def shown_words(output):
    return re.findall(r'class="terme-glossaire__mot"[^>]*>(.*?)</button>', output, re.S)


class _Text(HTMLParser):
    """The text a reader sees, leaving out the definitions the linker adds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden, self.depth_a, self.max_depth_a = [], 0, 0, 0
        self.stack = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag in {"br", "img", "hr", "wbr"}:
            return
        hidden = "terme-glossaire__definition" in classes
        self.stack.append((tag, hidden))
        self.hidden += hidden
        if tag == "a":
            self.depth_a += 1
            self.max_depth_a = max(self.max_depth_a, self.depth_a)

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, hidden = self.stack.pop()
            self.hidden -= hidden
            if open_tag == "a":
                self.depth_a -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def reader_text(markup):
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts), parser.max_depth_a


# --- Matching -----------------------------------------------------------------------------


def test_only_the_first_occurrence_of_a_word_is_linked():
    output = link("<p>Le bail est signé. Relisez le bail. Un bail, c'est important.</p>")

    assert linked_slugs(output) == ["bail"]
    assert output.count("<button") == 1
    assert output.index("terme-glossaire") < output.index("Relisez")


def test_another_name_counts_as_the_same_word():
    output = link("<p>La caution n'est pas rendue. Le dépôt de garantie non plus.</p>")

    assert linked_slugs(output) == ["depot-de-garantie"]
    assert shown_words(output) == ["caution"]


def test_the_longest_match_wins():
    output = link("<p>Mon dépôt de garantie, puis un dépôt.</p>")

    assert linked_slugs(output) == ["depot-de-garantie", "depot"]
    assert shown_words(output) == ["dépôt de garantie", "dépôt"]


def test_a_phrase_already_linked_does_not_lend_its_words_to_a_shorter_one():
    output = link("<p>Le dépôt de garantie. Encore le dépôt de garantie.</p>")

    assert linked_slugs(output) == ["depot-de-garantie"]


def test_words_are_matched_whole_never_inside_another_word():
    output = link("<p>Le bailleur a signé.</p>")

    assert linked_slugs(output) == ["bailleur"]
    assert "bail</button>" not in output


@pytest.mark.parametrize(
    ("text", "slug", "shown"),
    [
        ("<p>Faire l&#x27;état des lieux.</p>", "etat-des-lieux", "état des lieux"),
        ("<p>Faire l'état des lieux.</p>", "etat-des-lieux", "état des lieux"),
        ("<p>Faire l’ÉTAT DES LIEUX.</p>", "etat-des-lieux", "ÉTAT DES LIEUX"),
        ("<p>Pas d&#x27;APL ce mois.</p>", "apl", "APL"),
        ("<p>pas dapl mais l'apl</p>", "apl", "apl"),
        ("<p>Des bailleurs sociaux.</p>", "bailleur", "bailleurs"),
        ("<p>Les logements sociaux du quartier.</p>", "logement-social", "logements sociaux"),
        ("<p>Les deux baux.</p>", "bail", "baux"),
        ("<p>Les etats des lieux.</p>", "etat-des-lieux", "etats des lieux"),
        ("<p>Le dépôt\nde garantie.</p>", "depot-de-garantie", "dépôt\nde garantie"),
        ("<p>Un état&nbsp;des lieux.</p>", "etat-des-lieux", "état&nbsp;des lieux"),
    ],
)
def test_plural_elided_and_accent_free_forms_are_found(text, slug, shown):
    output = link(text)

    assert linked_slugs(output) == [slug]
    assert shown_words(output) == [shown]


def test_words_separated_by_punctuation_are_not_a_phrase():
    output = link("<p>Un dépôt. De garantie, aucune.</p>")

    assert linked_slugs(output) == ["depot"]


def test_short_acronyms_match_only_in_capitals():
    assert linked_slugs(link("<p>Un co-locataire, pas de co.</p>")) == []
    assert linked_slugs(link("<p>Une alarme au CO.</p>")) == ["monoxyde"]


def test_a_number_alone_matches_only_when_announced():
    assert linked_slugs(link("<p>J'ai payé 115 euros.</p>")) == []
    assert linked_slugs(link("<p>Appelez le 115 la nuit.</p>")) == ["115"]


@pytest.mark.parametrize(
    "markup",
    [
        '<p><a href="/x">le bail</a></p>',
        "<h2>Le bail</h2>",
        "<h3>Le <em>bail</em></h3>",
        "<details><summary>Le bail</summary></details>",
        "<p><code>bail</code></p>",
        '<p><button type="button">bail</button></p>',
        "<p><label>bail</label></p>",
        '<p><a href="/x" title="a > b"><strong>le bail</strong></a></p>',
    ],
)
def test_never_inside_links_headings_summaries_code_buttons_or_labels(markup):
    assert link(markup) == markup


def test_a_word_in_a_heading_is_linked_at_its_next_occurrence_in_the_text():
    output = link("<h2>Le bail</h2><p>Votre bail dure trois ans.</p>")

    assert output.startswith("<h2>Le bail</h2><p>Votre <span")
    assert linked_slugs(output) == ["bail"]


def test_the_output_is_a_valid_phrasing_disclosure_with_the_definition_and_a_link():
    output = link("<p>Le bail.</p>")

    assert "<details" not in output  # flow content: not allowed inside <p>
    assert '<button type="button" class="terme-glossaire__mot" popovertarget="' in output
    target = re.search(r'popovertarget="([^"]+)"', output).group(1)
    assert f'<span class="terme-glossaire__definition" id="{target}" popover>' in output
    assert "<strong>Bail</strong> : Contrat de location." in output
    assert '<a href="/g/bail/">En savoir plus sur « Bail »</a>' in output


def test_the_definition_is_escaped_and_the_text_keeps_its_own_escaping():
    output = link("<p>Mon état des lieux &lt;script&gt; &amp; le reste</p>")

    assert "Document &lt;qui&gt; décrit &amp; compare." in output
    assert "&lt;script&gt; &amp; le reste" in output
    assert "<script" not in output


def test_plain_text_is_escaped_before_linking():
    output = autolink("<b>bail</b> & <script>", INDEX)

    assert isinstance(output, SafeString)
    assert output.startswith("&lt;b&gt;<span")
    assert "&amp; &lt;script&gt;" in output


def test_linking_twice_changes_nothing():
    once = link("<p>Le bail, le bailleur et l'état des lieux. Le bail encore.</p>")

    assert link(once) == once


def test_several_texts_on_one_page_get_distinct_ids():
    first = link("<p>Le bail.</p>")
    second = link("<p>Votre bail.</p>")

    ids = re.findall(r'id="([^"]+)"', first + second)
    assert len(ids) == len(set(ids)) == 2


def test_a_text_without_glossary_words_is_returned_as_it_is():
    text = "<p>Bonjour, comment allez-vous ?</p>"

    assert link(text) == text


def test_an_empty_glossary_links_nothing():
    assert autolink(safe("<p>bail</p>"), build_index([])) == "<p>bail</p>"


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Bailleurs", "bailleur"),
        ("sociaux", "social"),
        ("eaux", "eau"),
        ("lieux", "lieu"),
        ("Dégâts", "degat"),
        ("œuvre", "oeuvre"),
        ("bus", "bus"),
        ("express", "express"),
    ],
)
def test_words_are_normalised_lowercase_without_accents_and_singular(word, key):
    assert normalise(word) == key


# --- Properties over the real glossary --------------------------------------------------------


@pytest.fixture(scope="module")
def real_index():
    entries = read_glossary(content_dir() / "glossaire")
    return build_index(
        (
            e["slug"],
            e["values"]["term"],
            e["values"]["aliases"],
            e["values"]["definition"],
            f"/glossaire/{e['slug']}/",
        )
        for e in entries
    )


def test_a_resident_s_message_links_the_words_of_the_glossary(real_index):
    message = (
        "Bonjour, mon proprio garde la caution depuis l'état des lieux de sortie. "
        "J'ai aussi des moisissures et je touche l'APL."
    )
    output = str(autolink(safe(linebreaks(escape(message))), real_index))

    assert linked_slugs(output) == [
        "proprietaire",
        "depot-de-garantie",
        "etat-des-lieux",
        "moisissures",
        "apl",
    ]


_WORDS = [
    "bail",
    "bailleurs",
    "l'état des lieux",
    "d'APL",
    "dépôt de garantie",
    "caution",
    "CO",
    "le 115",
    "HLM",
    "trêve hivernale",
    "chèque énergie",
    "moisissures",
    "<",
    ">",
    "&",
    '"',
    "'",
    "é",
    "é",
    "x",
]
_text = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), max_size=30).map(
    " ".join
)
_block = st.tuples(st.sampled_from(["p", "h2", "li", "a", "code", "summary", "strong"]), _text).map(
    lambda pair: (
        f'<a href="/x">{escape(pair[1])}</a>'
        if pair[0] == "a"
        else f"<{pair[0]}>{escape(pair[1])}</{pair[0]}>"
    )
)


@settings(max_examples=300, deadline=None)
@given(blocks=st.lists(_block, max_size=8))
def test_linking_never_changes_the_text_nor_nests_links(real_index, blocks):
    original = "".join(blocks)

    output = str(autolink(safe(original), real_index))

    before, _ = reader_text(original)
    after, depth = reader_text(output)
    assert after == before
    assert depth <= 1
    assert str(autolink(safe(output), real_index)) == output


@settings(max_examples=100, deadline=None)
@given(markdown=_text)
def test_sanitised_markdown_keeps_its_text(real_index, markdown):
    rendered = render_markdown(markdown)

    output = str(autolink(rendered, real_index))

    text, depth = reader_text(output)
    assert text == reader_text(str(rendered))[0]
    assert depth <= 1


# --- The cached index and the template filter ----------------------------------------------


@pytest.mark.django_db
def test_the_index_costs_one_query_then_none(django_assert_num_queries):
    TermFactory(term="Bail")

    with django_assert_num_queries(1):
        get_index()
    with django_assert_num_queries(0):
        autolink(safe("<p>Le bail.</p>"))
        autolink(safe("<p>Un autre bail.</p>"))


@pytest.mark.django_db
def test_the_index_follows_the_glossary_when_a_word_is_saved_or_deleted():
    term = TermFactory(term="Bail")
    assert linked_slugs(str(autolink(safe("<p>Le bail.</p>")))) == ["bail"]

    term.aliases = ["contrat"]
    term.save()
    assert linked_slugs(str(autolink(safe("<p>Le contrat.</p>")))) == ["bail"]

    term.delete()
    assert linked_slugs(str(autolink(safe("<p>Le bail.</p>")))) == []


@pytest.mark.django_db
def test_a_cleared_cache_never_brings_back_an_older_index():
    from django.core.cache import cache

    TermFactory(term="Bail")
    get_index()
    cache.clear()
    # A change that sends no signal (as when the tests roll the database back).
    Term.objects.filter(slug="bail").update(term="Bail de location")

    assert get_index().entries["bail"].term == "Bail de location"


@pytest.mark.django_db
def test_the_template_filter_links_safe_html_and_escapes_plain_text():
    TermFactory(term="Bail")
    template = Template("{% load glossaire %}{{ safe|glossaire }}|{{ plain|glossaire }}")

    output = template.render(Context({"safe": safe("<p>Le bail</p>"), "plain": "<i>bail</i>"}))

    linked, escaped = output.split("|")
    assert linked.startswith('<p>Le <span class="terme-glossaire" data-glossaire="bail">')
    assert escaped.startswith("&lt;i&gt;<span")
    assert 'href="/glossaire/bail/"' in linked


def test_an_excluded_word_is_left_alone():
    output = str(autolink(safe("<p>Le bail et le bailleur.</p>"), INDEX, exclude=["bail"]))

    assert linked_slugs(output) == ["bailleur"]


def test_a_single_word_written_in_the_plural_only_matches_the_plural():
    index = build_index([("charges", "Charges", ["justificatifs"], "Dépenses.", "/g/charges/")])

    assert linked_slugs(str(autolink(safe("<p>C'est à votre charge.</p>"), index))) == []
    assert linked_slugs(str(autolink(safe("<p>Un justificatif de domicile.</p>"), index))) == []
    assert linked_slugs(str(autolink(safe("<p>Les charges du mois.</p>"), index))) == ["charges"]
