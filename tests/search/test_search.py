"""The search contract, the same on SQLite (FTS5) and PostgreSQL (full-text): what residents
type finds the right fiche, word, letter or question."""

import pytest
from django.db import connection

from portail.search.engines import get_engine
from portail.search.models import Kind
from portail.search.service import MAX_LIMIT, Result, SearchResponse, search
from tests.questions.factories import PisteFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def first_fiche_subjects(query, count=3):
    return [r.subject for r in search(query).results if r.kind == Kind.FICHE][:count]


def glossary_terms(query):
    return [r.term for r in search(query, kinds=[Kind.GLOSSARY]).results]


def test_the_engine_is_the_one_of_the_database():
    expected = "postgresql" if connection.vendor == "postgresql" else "sqlite-fts5"
    assert get_engine().name == expected


def test_a_response_follows_the_contract(small_kb):
    response = search("caution")
    assert isinstance(response, SearchResponse)
    assert response.query == "caution"
    assert response.results
    for result in response.results:
        assert isinstance(result, Result)
        assert result.kind in Kind.values
        assert result.title and result.url.startswith("/")
        assert isinstance(result.aliases, list)
        assert isinstance(result.score, float)
        if result.kind == Kind.GLOSSARY:
            assert result.term
        else:
            assert result.term is None
            assert result.aliases == []
        if result.kind not in (Kind.FICHE, Kind.QUESTION):
            assert result.subject is None


def test_the_fiche_of_the_likeliest_subject_comes_first(small_kb):
    results = search("mon propriétaire ne me rend pas ma caution").results
    assert results[0].kind == Kind.FICHE
    assert results[0].subject == "depot-de-garantie"


def test_accents_are_optional(small_kb):
    with_accents = [r.url for r in search("humidité dégât").results]
    without = [r.url for r in search("humidite degat").results]
    assert with_accents == without


def test_another_name_of_a_glossary_word_finds_the_word(small_kb):
    assert glossary_terms("caution")[0] == "Dépôt de garantie"
    assert glossary_terms("mon proprio")[0] == "Bailleur"


def test_plural_forms_are_found(small_kb):
    assert "Bailleur" in glossary_terms("les bailleurs sociaux")


@pytest.mark.parametrize(
    ("typed", "subject"),
    [
        ("cosion", "depot-de-garantie"),
        ("lumidité dans la chambre", "humidite-moisissures"),
        ("dega des o chez moi", "degat-des-eaux"),
        ("lapl c koi", "apl-aide-logement"),
        ("kel proprio rend pa la cosion", "depot-de-garantie"),
    ],
)
def test_oral_sms_and_phonetic_spellings_find_the_right_fiche(small_kb, typed, subject):
    assert first_fiche_subjects(typed)[0] == subject


def test_a_corrected_word_is_told(small_kb):
    response = search("cosion")
    assert response.did_you_mean
    assert response.corrected_query == "caution"
    assert response.corrections == [("cosion", "caution")]


def test_the_original_words_can_be_searched_without_correction(small_kb):
    response = search("cosion", correct=False)
    assert response.corrected_query is None
    assert not response.did_you_mean


def test_type_glossaire_returns_only_glossary_words(small_kb):
    results = search("caution humidité bailleur", kinds=[Kind.GLOSSARY]).results
    assert results
    assert {r.kind for r in results} == {Kind.GLOSSARY}


def test_the_words_to_know_of_the_likeliest_subject_are_suggested(small_kb):
    assert "Dégât des eaux" in glossary_terms("le voisin du dessus a inondé ma salle de bain")


def test_the_limit_is_honoured(small_kb):
    assert len(search("logement", limit=2).results) == 2
    assert len(search("logement", limit=500).results) <= MAX_LIMIT


def test_unknown_kinds_are_ignored(small_kb):
    assert search("caution", kinds=["inconnu"]).results == []


def test_a_letter_is_found_by_its_purpose(small_kb):
    results = search("lettre pour réclamer la restitution du dépôt", kinds=[Kind.LETTER]).results
    assert results[0].title == "Demander la restitution du dépôt de garantie"
    assert results[0].subject is None


def test_a_question_result_carries_its_subject(small_kb, subjects):
    question = QuestionFactory(
        published=True,
        text="Une fuite chez le voisin du dessus a taché tout mon plafond.",
        subject=subjects["degat-des-eaux"],
    )
    PisteFactory(question=question, steps=["Faites un constat amiable avec le voisin."])
    results = search("fuite plafond voisin", kinds=[Kind.QUESTION]).results
    assert [(r.url, r.subject) for r in results] == [
        (f"/questions/{question.pk}/", "degat-des-eaux")
    ]
    assert results[0].subject_title == subjects["degat-des-eaux"].title


def test_an_excerpt_is_the_sentence_of_the_summary_with_the_words(small_kb):
    results = search("dégât des eaux : prévenir l'assurance", kinds=[Kind.FICHE]).results
    assert results[0].excerpt == "Prévenez votre assurance dans les cinq jours ouvrés."


def test_an_excerpt_does_not_cut_a_sentence_at_an_abbreviation():
    from portail.search.service import excerpt

    text = "Le dépôt est rendu à la fin (art. 8-1). Une autre phrase."
    assert excerpt(text, {"depot"}) == "Le dépôt est rendu à la fin (art. 8-1)."


def test_the_likely_subjects_are_listed(small_kb):
    response = search("moisissures sur les murs")
    assert response.subjects[0][0] == "humidite-moisissures"


def test_a_search_without_any_knowledge_base_finds_nothing_without_error(db):
    assert search("caution").results == []
