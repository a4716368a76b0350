"""GET /api/v1/search: the contract of ../shared/eval/README.md, its validation and its
behaviour with any input. Runs on SQLite and on PostgreSQL."""

import pytest
from django.urls import reverse

from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/search"
RESULT_KEYS = {"type", "title", "url", "subject", "term", "aliases", "excerpt"}


def get(client, **params):
    return client.get(URL, params)


def test_the_url_is_named():
    assert reverse("api:search") == URL


def test_the_answer_follows_the_contract(client, small_kb):
    response = get(client, q="cosion", limit=10)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"query", "corrected_query", "results"}
    assert data["query"] == "cosion"
    assert data["corrected_query"] == "caution"
    assert data["results"]
    for result in data["results"]:
        assert set(result) == RESULT_KEYS
        assert result["type"] in {
            "glossaire",
            "fiche",
            "lettre",
            "question",
            "organisation",
            "groupe",
        }
        assert isinstance(result["title"], str) and result["title"]
        assert result["url"].startswith("http://testserver/")
        assert result["subject"] is None or isinstance(result["subject"], str)
        assert isinstance(result["aliases"], list)
        assert isinstance(result["excerpt"], str)
        if result["type"] == "glossaire":
            assert isinstance(result["term"], str)
        else:
            assert result["term"] is None
            assert result["aliases"] == []


def test_a_fiche_says_its_subject(client, small_kb):
    data = get(client, q="moisissures dans la chambre").json()
    fiche = next(r for r in data["results"] if r["type"] == "fiche")
    assert fiche["subject"] == "humidite-moisissures"


def test_a_question_says_its_subject(client, small_kb, subjects):
    QuestionFactory(
        published=True,
        text="Une fuite chez le voisin du dessus a taché tout mon plafond.",
        subject=subjects["degat-des-eaux"],
    )
    data = get(client, q="fuite plafond", type="question").json()
    assert [(r["type"], r["subject"]) for r in data["results"]] == [("question", "degat-des-eaux")]


def test_type_glossaire_returns_only_glossary_words_with_their_names(client, small_kb):
    data = get(client, q="caution", type="glossaire", limit=5).json()
    assert {r["type"] for r in data["results"]} == {"glossaire"}
    first = data["results"][0]
    assert first["term"] == "Dépôt de garantie"
    assert first["aliases"] == ["caution", "dépôt"]
    assert first["subject"] is None


def test_several_types_can_be_asked(client, small_kb):
    data = get(client, q="dépôt de garantie", type="fiche,lettre").json()
    assert {r["type"] for r in data["results"]} == {"fiche", "lettre"}


def test_the_limit_is_honoured(client, small_kb):
    assert len(get(client, q="logement", limit=1).json()["results"]) == 1
    assert len(get(client, q="logement", limit=50).json()["results"]) <= 50


@pytest.mark.parametrize("limit", ["0", "51", "-1", "abc", "1.5", "1e3", " "])
def test_a_bad_limit_is_refused_in_french(client, db, limit):
    response = get(client, q="caution", limit=limit)
    assert response.status_code == 400
    assert response.json() == {"error": "« limit » doit être un nombre entier entre 1 et 50."}


def test_an_unknown_type_is_refused_in_french(client, db):
    response = get(client, q="caution", type="recette")
    assert response.status_code == 400
    assert response.json()["error"].startswith("« type » inconnu : recette.")


def test_an_empty_query_answers_no_result(client, small_kb):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get(URL, params)
        assert response.status_code == 200
        assert response.json() == {
            "query": params.get("q", "").strip(),
            "corrected_query": None,
            "results": [],
        }


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        "NEAR(caution loyer)",
        "caution'; DROP TABLE search_searchdocument; --",
        "🏠💧",
        "caution\x00",
        "x" * 5000,
        "((((",
        "kind:question",
    ],
)
def test_any_input_gets_an_answer(client, small_kb, typed):
    response = get(client, q=typed)
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


def test_the_answer_can_be_cached(client, small_kb):
    response = get(client, q="caution")
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]


def test_only_reading_is_allowed(client, db):
    assert client.post(URL, {"q": "caution"}).status_code == 405
