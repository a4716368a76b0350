"""The search page (/recherche/), the search form of every page, and the suggestions of the
ask form (/recherche/suggestions/). Without JavaScript; on both databases."""

import pytest
from django.urls import reverse

from portail.places.content import load_themes

pytestmark = pytest.mark.django_db

URL = "/recherche/"


def page(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_urls_are_named():
    assert reverse("search:results") == URL
    assert reverse("search:suggestions") == "/recherche/suggestions/"


def test_every_page_has_the_search_form_in_its_header(client, db):
    html = client.get("/").content.decode()
    assert 'role="search"' in html
    assert 'action="/recherche/"' in html
    assert '<label for="recherche-entete">Rechercher</label>' in html
    assert 'id="recherche-entete" name="q"' in html


def test_an_empty_search_shows_the_themes_and_the_three_doors(client, db):
    load_themes()
    html = page(client)
    assert '<label for="recherche-q">' in html
    assert reverse("questions:ask") in html
    assert reverse("glossary:index") in html
    assert reverse("fiches:index") in html
    assert "Logement" in html
    assert "résultat" not in html


def test_results_are_grouped_and_explained(client, small_kb):
    html = page(client, q="caution")
    assert "Des fiches pour agir" in html
    assert "Des mots expliqués" in html
    assert "Des lettres types" in html
    assert "Récupérer son dépôt de garantie" in html
    assert 'href="/fiches/depot-de-garantie/"' in html
    assert "On dit aussi : caution, dépôt" in html
    assert html.index("Des fiches pour agir") < html.index("Des mots expliqués")


def test_the_query_stays_in_the_search_box(client, small_kb):
    html = page(client, q="ma caution")
    assert 'name="q" value="ma caution"' in html


def test_a_corrected_word_is_shown_with_a_way_back_to_the_original(client, small_kb):
    html = page(client, q="cosion")
    assert "Résultats pour « <strong>caution</strong> »" in html
    assert 'href="?q=cosion&amp;exact=1"' in html


def test_the_original_words_can_be_searched_and_the_correction_is_offered(client, small_kb):
    html = page(client, q="cosion", exact="1")
    assert "Résultats pour" not in html
    assert "Vous vouliez dire" in html
    assert 'href="?q=caution"' in html


def test_nothing_found_says_so_and_offers_to_ask(client, small_kb):
    html = page(client, q="xylophone quantique")
    assert "rien trouvé pour « xylophone quantique »." in html
    assert reverse("questions:ask") in html


def test_a_very_long_text_is_searched_by_its_beginning_and_says_so(client, small_kb):
    html = page(client, q="humidité dans la chambre " * 200)
    assert "les 2 000 premiers caractères" in html
    assert "Humidité et moisissures" in html


@pytest.mark.parametrize(
    "typed",
    ['"><script>alert(1)</script>', "NEAR(caution)", "\x00", "🏠", "'; DROP TABLE x; --"],
)
def test_any_input_is_shown_escaped_without_error(client, small_kb, typed):
    html = page(client, q=typed)
    assert "<script>alert(1)</script>" not in html


def test_the_page_has_one_h1_and_ordered_headings(client, small_kb):
    html = page(client, q="caution humidité")
    assert html.count("<h1") == 1
    assert html.index("<h1") < html.index("<h2") < html.index("<h3")


def test_only_get_is_allowed(client, db):
    assert client.post(URL, {"q": "caution"}).status_code == 405


# --- Suggestions of the ask form ------------------------------------------------------------


def test_suggestions_are_a_fragment_for_htmx(client, small_kb):
    response = client.get(
        "/recherche/suggestions/", {"q": "mon proprio garde ma caution"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "Ces réponses existent peut-être déjà" in html
    assert "Récupérer son dépôt de garantie" in html
    assert html.count('class="resultat ') <= 5


def test_suggestions_are_a_whole_page_without_javascript(client, small_kb):
    response = client.get("/recherche/suggestions/", {"q": "mon proprio garde ma caution"})
    html = response.content.decode()
    assert "<html" in html
    assert "Ces réponses existent peut-être déjà" in html
    assert reverse("questions:ask") in html


def test_a_text_too_short_gives_no_suggestion(client, small_kb):
    html = client.get(
        "/recherche/suggestions/", {"q": "a"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "resultat" not in html


def test_the_suggestions_function_returns_at_most_five_results(small_kb):
    from portail.search.suggest import suggestions

    found = suggestions("caution humidité dégât des eaux APL bailleur", limit=5)
    assert 1 <= len(found) <= 5
    assert suggestions("") == []


def test_the_likely_subjects_of_a_question_can_be_preselected(small_kb):
    from portail.search.suggest import likely_subjects

    assert likely_subjects("des moisissures noires dans la chambre")[0] == (
        "humidite-moisissures",
        "Humidité et moisissures",
    )
    assert likely_subjects("") == []


def test_suggestions_read_the_ask_form_field_as_it_is(client, small_kb):
    html = client.get(
        "/recherche/suggestions/", {"text": "ma caution"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Récupérer son dépôt de garantie" in html
