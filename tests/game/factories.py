"""Factories of the game. Cards and decks are made with the ORM directly (the card generators
live in the cards app). `short_board()` is a 20-square board where a seeded game ends in a few
turns, with a card square on the way."""

import factory

from portail.cards.models import Card, Deck, DeckCard
from portail.game.models import GameSession
from portail.game.rules import Board
from tests.accounts.factories import UserFactory


class CardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Card

    kind = Card.Kind.QUESTION
    prompt = factory.Sequence(lambda n: f"Que veut dire le mot numéro {n} ?")
    answer = factory.Sequence(lambda n: f"C'est la réponse numéro {n}.")
    discussion = "Et vous, avez-vous déjà rencontré ce mot dans un courrier ?"


class DeckFactory(factory.django.DjangoModelFactory):
    """A deck with one card of each kind, in order (`DeckFactory(cards=[…])` for others)."""

    class Meta:
        model = Deck
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Paquet {n}")
    slug = factory.Sequence(lambda n: f"paquet-{n}")

    @factory.post_generation
    def cards(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            extracted = [CardFactory(kind=kind) for kind in Card.Kind.values]
        for position, card in enumerate(extracted):
            DeckCard.objects.create(deck=self, card=card, position=position)


def short_board(**changes):
    values = {
        "size": 20,
        "geese": (5, 9, 14),
        "bridge": (6, 12),
        "labyrinth": None,
        "death": None,
        "inn": None,
        "well": None,
        "prison": None,
        "first_throw": (),
        "cards": ((3, "question"), (7, "vrai-faux"), (10, "mot"), (13, "temoignage"), (16, "defi")),
    }
    values.update(changes)
    return Board(**values)


def game_for(user=None, *, deck=None, event=None, players=("Équipe Bleue", "Équipe Orange"),
             seed=1, board=None, variant="cartes"):  # fmt: skip
    return GameSession.begin(
        name="Partie de test",
        players=list(players),
        created_by=user or UserFactory(facilitator=True),
        deck=deck,
        event=event,
        variant=variant,
        seed=seed,
        board=board,
    )
