"""Cards generated from the real content: the glossary, the fiches, our reviewed cards; the demo
deck « Logement — restitution »."""

import re

import pytest

from portail.accounts.roles import Role
from portail.cards.content import load_cards
from portail.cards.demo import DEMO_DECK, load_demo
from portail.cards.generate import excluded_sentences, generate_cards, is_statement
from portail.cards.models import Card, Deck
from portail.core.management.commands.demo import (
    DEFAULT_PASSWORD,
    create_demo_accounts,
    demo_account,
)
from portail.fiches.models import Fiche
from portail.glossary.models import Term
from tests.cards.content import cards_content  # noqa: F401 — the fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cards_content")]


def kinds(**filters):
    return Card.objects.filter(**filters)


def test_every_glossary_word_makes_one_word_card_with_its_plain_definition():
    terms = {term.slug: term for term in Term.objects.all()}
    cards = kinds(source=Card.Source.GLOSSARY)
    assert cards.count() == len(terms) == 128
    for card in cards:
        term = terms[card.source_key]
        assert card.kind == Card.Kind.WORD
        assert card.prompt == f"Que veut dire « {term.term} » ?"
        assert card.answer == term.definition
        assert card.discussion
        assert card.level in (1, 2, 3)
        assert card.link == term.get_absolute_url()


def test_fiches_give_only_true_statements_taken_word_for_word_from_en_bref():
    fiches = {fiche.slug: fiche for fiche in Fiche.objects.select_related("subject__theme")}
    excluded = excluded_sentences()
    statements = sum(
        1
        for fiche in fiches.values()
        for sentence in fiche.summary_falc
        if is_statement(sentence) and (fiche.slug, sentence) not in excluded
    )
    cards = kinds(source=Card.Source.FICHE)
    assert cards.count() == statements
    assert statements > 120
    for card in cards:
        slug, index = card.source_key.split(":")
        fiche = fiches[slug]
        sentence = fiche.summary_falc[int(index)]
        assert card.kind == Card.Kind.TRUE_FALSE
        assert card.prompt == f"Vrai ou faux ? {sentence}"
        assert card.answer.startswith(f"Vrai. {sentence}")
        assert fiche.sources[0]["texte"] in card.reference
        assert card.theme == fiche.subject.theme
        assert card.topic == fiche.subject.title


def test_advice_and_sentences_that_need_the_previous_one_do_not_become_statements():
    prompts = set(kinds(source=Card.Source.FICHE).values_list("prompt", flat=True))
    for advice in (
        "Gardez toutes les traces : annonces, messages, courriels, témoins.",
        "Notez chaque jour les dates de panne et les températures.",
        "Faites vérifier le congé : une erreur peut le rendre nul.",
        "Elle rend son avis dans un délai de deux mois.",
        "Il y a des exceptions, par exemple si un relogement est prévu.",
        "En location vide, il ne dépasse pas un mois de loyer hors charges.",
    ):
        assert f"Vrai ou faux ? {advice}" not in prompts
    assert "Vrai ou faux ? Seul un juge peut décider de votre expulsion." in prompts
    assert "Vrai ou faux ? Vous payez le loyer jusqu'à la fin du préavis." in prompts


@pytest.mark.parametrize(
    "sentence",
    [
        "C'est un délit puni de 3 ans de prison et 45 000 € d'amende.",
        "Il faut une clause de révision dans le bail.",
        "Il faut au moins une pièce de 9 m² ou de 20 m³.",
        "Le propriétaire doit alors vous héberger ou vous reloger.",
        "Après l'entrée, vous avez 10 jours pour le faire compléter.",
    ],
)
def test_a_sentence_that_needs_its_fiche_to_be_understood_is_not_a_statement(sentence):
    assert not is_statement(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Vous n'avancez pas d'argent chez le médecin ni à la pharmacie.",  # « vous » + verb
        "Pour un litige de location, pas besoin d'avocat devant le juge.",
        "Un logement doit avoir un chauffage qui marche et de l'eau chaude.",
    ],
)
def test_a_fact_said_to_vous_or_about_a_thing_is_a_statement(sentence):
    assert is_statement(sentence)


def test_sentences_a_reviewer_set_aside_never_become_cards_and_still_exist_in_their_fiche():
    """content/cartes/phrases-ecartees.toml: true in the fiche, misleading alone on a card (« Vous
    n'avancez pas d'argent chez le médecin » is true with the CSS only). The list must not rot:
    a sentence changed in its fiche comes back as a card and must be read again."""
    excluded = excluded_sentences()
    assert len(excluded) >= 10
    fiches = {fiche.slug: fiche for fiche in Fiche.objects.all()}
    prompts = set(kinds(source=Card.Source.FICHE).values_list("prompt", flat=True))
    for slug, sentence in excluded:
        assert sentence in fiches[slug].summary_falc, (slug, sentence)
        assert is_statement(sentence), "already left out by is_statement: remove it from the list"
        assert f"Vrai ou faux ? {sentence}" not in prompts
    css = "Vous n'avancez pas d'argent chez le médecin ni à la pharmacie."
    assert ("css-sante", css) in excluded


def test_false_statements_are_only_the_reviewed_ones_each_with_its_correction_and_law():
    false = [card for card in kinds(kind=Card.Kind.TRUE_FALSE) if card.answer.startswith("Faux")]
    assert len(false) == 20
    assert {card.source for card in false} == {Card.Source.CONTENT}
    for card in false:
        assert re.search(r"(loi|code|décret)", card.reference, re.I), card.source_key
        assert card.link.startswith("/fiches/")


def test_reviewed_testimony_and_challenge_cards_are_loaded():
    assert kinds(kind=Card.Kind.TESTIMONY, source=Card.Source.CONTENT).count() == 6
    assert kinds(kind=Card.Kind.CHALLENGE, source=Card.Source.CONTENT).count() == 6
    assert not kinds(discussion="").exists()


def test_generating_again_changes_nothing_and_keeps_a_level_set_by_hand():
    card = kinds(source=Card.Source.GLOSSARY).first()
    card.level = wanted = 3 if card.level != 3 else 1
    card.save()
    total = Card.objects.count()

    tallies = generate_cards()
    reviewed = load_cards()

    assert all(tally.created == tally.updated == tally.deleted == 0 for tally in tallies)
    assert reviewed.created == reviewed.updated == 0
    assert Card.objects.count() == total
    card.refresh_from_db()
    assert card.level == wanted


def test_a_card_whose_word_left_the_glossary_leaves_the_decks_too():
    term = Term.objects.get(slug="115")
    card = Card.objects.get(source=Card.Source.GLOSSARY, source_key="115")
    deck = Deck.objects.create(name="Essai", slug="essai")
    deck.add([card])
    term.delete()

    generate_cards()

    assert not Card.objects.filter(pk=card.pk).exists()
    assert not deck.cards_in_order().exists()


def test_the_demo_deck_has_about_thirty_mixed_cards_for_the_housing_group():
    create_demo_accounts(DEFAULT_PASSWORD)
    load_demo()
    load_demo()

    deck = Deck.objects.get(slug=DEMO_DECK)
    cards = list(deck.cards_in_order())
    assert deck.name == "Logement — restitution"
    assert deck.group.slug == "groupe-logement"
    assert deck.created_by == demo_account(Role.FACILITATOR)
    assert len(cards) == 30
    assert len({card.pk for card in cards}) == 30
    assert {card.kind for card in cards} >= {"mot", "vrai-faux", "temoignage", "defi"}
    assert {card.theme.slug for card in cards} == {"logement"}
    statements = [card for card in cards if card.kind == Card.Kind.TRUE_FALSE]
    assert {card.answer[:4] for card in statements} == {"Vrai", "Faux"}
    assert {card.level for card in cards} == {1, 2, 3}
    assert Deck.objects.filter(slug=DEMO_DECK).count() == 1
