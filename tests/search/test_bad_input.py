"""Whatever is typed, the search answers: no error, sensible results. FTS syntax, SQL, emoji,
NUL bytes and very long texts are only words (or nothing). On both databases."""

import pytest
from django.db import connection

from portail.search.models import SearchDocument
from portail.search.service import search

pytestmark = pytest.mark.django_db

NOTHING_TO_SEARCH = [
    "",
    "   ",
    "?!…;:,.",
    '"',
    '""',
    "*",
    "(",
    ")",
    "-",
    ":",
    "^",
    "%",
    "_",
    "\\",
    "\x00",
    "\x00\x00\x00",
    "🏠💧😡",
    "مرحبا",
    "NEAR",
    "AND OR NOT",
]

WITH_THE_WORD_CAUTION = [
    "caution*",
    '"caution',
    'caution"',
    "caution:",
    "body_index:caution",
    "kind:question caution",
    "-caution",
    "(caution",
    "caution)",
    "NEAR(caution loyer)",
    "caution NEAR loyer",
    "caution AND",
    "OR caution",
    "NOT caution",
    "caution ^ loyer",
    "ma caution'; DROP TABLE search_searchdocument; --",
    "caution' OR '1'='1",
    "caution\x00",
    "cau\x00tion caution",
    "🏠 caution 💶",
    "caution " + "!" * 3000,
    "caution " + "blabla " * 400,
]


@pytest.mark.parametrize("typed", NOTHING_TO_SEARCH)
def test_nothing_to_search_gives_no_result_and_no_error(small_kb, typed):
    response = search(typed)
    assert response.results == []


@pytest.mark.parametrize("typed", WITH_THE_WORD_CAUTION)
def test_syntax_characters_are_only_punctuation(small_kb, typed):
    response = search(typed)
    assert response.results, typed
    assert len(response.query) <= 2000


def test_a_caution_among_syntax_finds_the_deposit(small_kb):
    for typed in ("NEAR(caution loyer)", "kind:question caution", "caution' OR '1'='1"):
        subjects = [r.subject for r in search(typed).results if r.subject]
        assert subjects[0] == "depot-de-garantie", typed


def test_an_sql_like_string_leaves_the_tables_alone(small_kb):
    count = SearchDocument.objects.count()
    search("'; DROP TABLE search_searchdocument; --")
    search('"; DELETE FROM search_fts; --')
    assert SearchDocument.objects.count() == count
    table_names = connection.introspection.table_names()
    assert "search_searchdocument" in table_names


def test_a_very_long_query_is_cut_and_says_so(small_kb):
    response = search("humidité " * 500)
    assert response.truncated
    assert len(response.query) <= 2000
    assert response.results


def test_words_after_the_first_2000_characters_are_not_searched(small_kb):
    response = search("blabla " * 400 + "caution")
    assert response.truncated
    assert "caution" not in response.query


def test_a_huge_query_is_handled(small_kb):
    response = search("moisissures chambre enfants " * 2000)
    assert response.truncated
    assert response.results[0].subject == "humidite-moisissures"


@pytest.mark.parametrize("limit", [0, -5, 10_000])
def test_a_limit_out_of_range_is_brought_back_in(small_kb, limit):
    results = search("caution", limit=limit).results
    assert 1 <= len(results) <= 50
