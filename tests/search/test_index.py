"""What the search index holds: public content only, kept in step by the signals, rebuilt by the
command. Runs on SQLite and on PostgreSQL."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection

from portail.search import index
from portail.search.models import Kind, SearchDocument
from portail.search.service import search
from tests.accounts.factories import UserFactory
from tests.directory.factories import OrganisationFactory
from tests.groups.factories import GroupFactory
from tests.questions.factories import (
    EMAIL_MARKER,
    ORIGINAL_MARKER,
    PisteFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db

QUESTION_TEXT = "Le plafond de ma cuisine s'effrite à cause d'une infiltration venue du toit."


def kinds_found(query, **kwargs):
    return [(result.kind, result.title) for result in search(query, **kwargs).results]


def question_documents():
    return SearchDocument.objects.filter(kind=Kind.QUESTION)


def test_the_knowledge_base_is_indexed_as_it_is_saved(small_kb):
    indexed = set(SearchDocument.objects.values_list("kind", "slug"))
    assert (Kind.GLOSSARY, "depot-de-garantie") in indexed
    assert (Kind.FICHE, "humidite-moisissures") in indexed
    assert (Kind.LETTER, "restitution-depot-de-garantie") in indexed


def test_a_fiche_document_carries_its_subject_and_words_to_know(small_kb):
    document = SearchDocument.objects.get(kind=Kind.FICHE, slug="depot-de-garantie")
    assert document.subject_key == "depot-de-garantie"
    assert document.subjects == ["depot-de-garantie"]
    assert set(document.related_terms) == {"depot-de-garantie", "bailleur"}
    assert document.url == "/fiches/depot-de-garantie/"


def test_a_glossary_document_carries_its_term_aliases_and_subjects(small_kb):
    document = SearchDocument.objects.get(kind=Kind.GLOSSARY, slug="depot-de-garantie")
    assert document.term == "Dépôt de garantie"
    assert document.aliases == ["caution", "dépôt"]
    assert document.subjects == ["depot-de-garantie"]
    assert document.subject_key == ""


def test_a_published_question_is_indexed_with_its_subject(subjects):
    question = QuestionFactory(
        published=True, text=QUESTION_TEXT, subject=subjects["degat-des-eaux"]
    )
    document = question_documents().get(object_id=question.pk)
    assert document.subject_key == "degat-des-eaux"
    assert document.url == f"/questions/{question.pk}/"


@pytest.mark.parametrize("state", ["received", "private", "rejected", "duplicate"])
def test_a_question_that_is_not_public_is_never_indexed(db, state):
    traits = {"received": {}, "private": {"private": True}, "rejected": {"rejected": True}}
    traits["duplicate"] = {"duplicate": True}
    question = QuestionFactory(text=QUESTION_TEXT, **traits[state])
    assert not question_documents().filter(object_id=question.pk).exists()
    assert not [r for r in search("infiltration plafond").results if r.kind == Kind.QUESTION]


def test_the_original_text_is_never_indexed(db):
    question = QuestionFactory(published=True, text=QUESTION_TEXT)
    assert ORIGINAL_MARKER in question.original_text
    document = question_documents().get(object_id=question.pk)
    for marker in (ORIGINAL_MARKER, EMAIL_MARKER, "Samia", "Benali"):
        assert marker not in document.body
        assert marker not in document.title
    assert search("Benali").results == []
    assert search("Samia Benali", kinds=[Kind.QUESTION]).results == []


def test_a_question_approved_by_a_moderator_enters_the_index(db):
    question = QuestionFactory(text=QUESTION_TEXT, consent_publication=True)
    assert not question_documents().filter(object_id=question.pk).exists()
    question.approve(by=UserFactory(moderator=True))
    assert question_documents().filter(object_id=question.pk).exists()
    assert ("question", question.text[:60]) in [
        (kind, title[:60]) for kind, title in kinds_found("infiltration du toit")
    ]


def test_an_unpublished_question_leaves_the_index(db):
    question = QuestionFactory(published=True, text=QUESTION_TEXT)
    question.unpublish(by=UserFactory(moderator=True), reason="Un prénom restait visible.")
    assert not question_documents().filter(object_id=question.pk).exists()
    assert not [r for r in search("infiltration toit").results if r.kind == Kind.QUESTION]


def test_a_deleted_question_leaves_the_index(db):
    question = QuestionFactory(published=True, text=QUESTION_TEXT)
    question.delete()
    assert not question_documents().exists()


def test_an_edited_text_is_what_the_index_holds(db):
    question = QuestionFactory(published=True, text=QUESTION_TEXT)
    question.edit_text(by=UserFactory(moderator=True), text="Des punaises dans la chambre.")
    document = question_documents().get(object_id=question.pk)
    assert "punaises" in document.body
    assert "infiltration" not in document.body


def test_the_pistes_of_a_question_are_searchable(db):
    question = QuestionFactory(published=True, text=QUESTION_TEXT)
    piste = PisteFactory(question=question, steps=["Appelez le syndic de copropriété."])
    assert "syndic" in question_documents().get(object_id=question.pk).body
    piste.delete()
    assert "syndic" not in question_documents().get(object_id=question.pk).body


def test_changing_a_glossary_word_updates_its_document(small_kb):
    term = small_kb["terms"]["humidite"]
    term.aliases = ["murs humides", "salpêtre"]
    term.save()
    document = SearchDocument.objects.get(kind=Kind.GLOSSARY, slug="humidite")
    assert document.aliases == ["murs humides", "salpêtre"]
    assert next(r.term for r in search("salpêtre", kinds=[Kind.GLOSSARY]).results) == "Humidité"


def test_changing_the_subjects_of_a_word_updates_its_document(small_kb, subjects):
    term = small_kb["terms"]["bailleur"]
    term.subjects.add(subjects["bail-contrat"])
    document = SearchDocument.objects.get(kind=Kind.GLOSSARY, slug="bailleur")
    assert document.subjects == ["bail-contrat"]


def test_a_deleted_fiche_leaves_the_index(small_kb):
    small_kb["fiches"]["degat-des-eaux"].delete()
    assert not SearchDocument.objects.filter(kind=Kind.FICHE, slug="degat-des-eaux").exists()


def test_a_new_subject_description_reaches_its_fiche(small_kb, subjects):
    subject = subjects["degat-des-eaux"]
    subject.description = "Fuite, infiltration, plafond qui goutte, assurance, constat amiable."
    subject.save()
    document = SearchDocument.objects.get(kind=Kind.FICHE, slug="degat-des-eaux")
    assert "plafond qui goutte" in document.keywords


def test_only_public_groups_are_indexed(db):
    public = GroupFactory(name="Groupe logement de Beaulieu", is_public=True)
    hidden = GroupFactory(name="Groupe discret de Solaure", is_public=False)
    indexed = set(
        SearchDocument.objects.filter(kind=Kind.GROUP).values_list("object_id", flat=True)
    )
    assert public.pk in indexed
    assert hidden.pk not in indexed
    hidden.is_public = True
    hidden.save()
    assert SearchDocument.objects.filter(kind=Kind.GROUP, object_id=hidden.pk).exists()


def test_organisations_are_indexed(db):
    organisation = OrganisationFactory(name="Maison des permanences juridiques")
    assert SearchDocument.objects.filter(kind=Kind.ORGANISATION, object_id=organisation.pk).exists()


def test_the_rebuild_command_indexes_what_the_signals_missed(small_kb, subjects):
    question = QuestionFactory(published=True, text=QUESTION_TEXT)
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SearchDocument.objects.filter(kind=Kind.FICHE).count() == 4
    assert SearchDocument.objects.filter(kind=Kind.GLOSSARY).count() == 5
    assert question_documents().filter(object_id=question.pk).exists()
    assert search("caution").results


def test_the_rebuild_command_can_index_one_kind(small_kb, capsys):
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", "--type", "glossaire")
    assert set(SearchDocument.objects.values_list("kind", flat=True)) == {Kind.GLOSSARY}
    assert "mot du glossaire : 5 document(s)" in capsys.readouterr().out


def test_the_engine_index_follows_the_table(small_kb):
    """The FTS5 table (SQLite) or the search_vector column (PostgreSQL) is filled by the
    database itself, in the same transaction."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'caution'")
        else:
            cursor.execute(
                "SELECT count(*) FROM search_searchdocument "
                "WHERE search_vector @@ plainto_tsquery('french', 'caution')"
            )
        assert cursor.fetchone()[0] >= 1


def test_inside_a_deferred_block_each_object_is_indexed_once_at_the_end(db):
    question = QuestionFactory(published=True, text=QUESTION_TEXT)
    with mock.patch.object(index, "_update_now", wraps=index._update_now) as update:
        with index.deferred():
            question.edit_text(by=UserFactory(moderator=True), text="Des punaises ici.")
            question.edit_text(by=UserFactory(moderator=True), text="Des punaises, encore.")
            assert update.call_count == 0
            assert "punaises" not in question_documents().get(object_id=question.pk).body
        assert update.call_count == 1
    assert "encore" in question_documents().get(object_id=question.pk).body


def test_a_deferred_block_that_fails_leaves_the_index_alone(db):
    question = QuestionFactory(published=True, text=QUESTION_TEXT)
    with pytest.raises(RuntimeError), index.deferred():
        question.edit_text(by=UserFactory(moderator=True), text="Des punaises ici.")
        raise RuntimeError
    assert "punaises" not in question_documents().get(object_id=question.pk).body
