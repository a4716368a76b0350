"""« Que conseilleriez-vous ? » cards: only public questions that have a piste, only their masked
text, and a card never outlives the question's publication."""

import pytest

from portail.cards.generate import QUESTION_MAX_CHARS, generate_cards
from portail.cards.models import Card
from tests.accounts.factories import UserFactory
from tests.cards.factories import DeckFactory
from tests.questions.factories import (
    EMAIL_MARKER,
    ORIGINAL_MARKER,
    PHONE_MARKER,
    PisteFactory,
    QuestionFactory,
)

pytestmark = pytest.mark.django_db


def question_cards():
    return Card.objects.filter(source=Card.Source.QUESTION)


def answered(**kwargs):
    return QuestionFactory(answered=True, **kwargs)


def test_a_public_question_with_a_piste_makes_a_card_with_its_masked_text_only():
    question = answered(email=EMAIL_MARKER)

    generate_cards()

    card = question_cards().get()
    assert card.kind == Card.Kind.QUESTION
    assert card.source_key == str(question.pk)
    assert card.prompt == f"Que conseilleriez-vous ? « {question.text} »"
    assert "Relisez l'état des lieux de sortie." in card.answer
    assert "Votre propriétaire doit vous rendre la caution" in card.answer
    for marker in (ORIGINAL_MARKER, PHONE_MARKER, EMAIL_MARKER):
        assert marker not in card.prompt + card.answer + card.discussion
    assert card.link == question.get_absolute_url()


@pytest.mark.parametrize("state", ["private", "received", "rejected", "duplicate"])
def test_a_question_that_is_not_public_never_makes_a_card(state):
    traits = {"received": {}}.get(state, {state: True})
    question = QuestionFactory(**traits)
    PisteFactory(question=question)

    generate_cards()

    assert not question_cards().exists()


def test_a_public_question_without_a_piste_or_too_long_to_read_makes_no_card():
    QuestionFactory(published=True)
    answered(text="Une histoire très longue. " * (QUESTION_MAX_CHARS // 20))

    generate_cards()

    assert not question_cards().exists()


def test_a_question_taken_off_the_portal_loses_its_card_at_once_and_leaves_the_decks():
    question = answered()
    generate_cards()
    card = question_cards().get()
    deck = DeckFactory(cards=[card])

    question.unpublish(by=UserFactory(moderator=True), reason="Il reste un prénom.")

    assert not question_cards().exists()
    assert not deck.cards_in_order().exists()


def test_a_corrected_question_text_reaches_its_card_at_once():
    question = answered()
    generate_cards()

    question.edit_text(
        UserFactory(moderator=True), "Mon propriétaire garde ma caution. Que faire ?"
    )

    assert question_cards().get().prompt == (
        "Que conseilleriez-vous ? « Mon propriétaire garde ma caution. Que faire ? »"
    )


def test_a_deleted_question_or_piste_updates_the_cards():
    kept, removed = answered(), answered()
    generate_cards()
    kept.pistes.get().delete()
    removed.delete()

    assert not question_cards().exists()


def test_generating_does_not_bring_back_a_question_made_private():
    question = answered()
    generate_cards()
    Card.objects.filter(source_key=str(question.pk)).update(prompt="ancienne version")
    type(question).objects.filter(pk=question.pk).update(is_public=False)

    tallies = generate_cards()

    assert not question_cards().exists()
    assert tallies[2].deleted == 1


def test_the_deck_page_shows_the_masked_question_never_the_original(client):
    answered()
    generate_cards()
    deck = DeckFactory(cards=list(question_cards()))

    content = client.get(deck.get_absolute_url()).content.decode()

    assert "Relisez l&#x27;état des lieux de sortie." in content
    assert "[nom masqué]" in content
    assert ORIGINAL_MARKER not in content and PHONE_MARKER not in content
