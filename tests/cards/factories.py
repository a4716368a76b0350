"""Factories of the cards room. `CardFactory()` is a card written by a facilitator (no source);
`CardFactory(generated=True)` one that came from the glossary. `DeckFactory(cards=[…])` includes
the given cards in that order."""

import factory

from portail.cards.models import Card, Deck
from tests.accounts.factories import UserFactory


class CardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Card

    kind = Card.Kind.TRUE_FALSE
    prompt = factory.Sequence(lambda n: f"Vrai ou faux ? Affirmation numéro {n} sur le logement.")
    answer = factory.Sequence(lambda n: f"Vrai. Réponse numéro {n}.")
    discussion = "Qui a déjà vécu ça ?"
    level = Card.Level.EASY
    created_by = factory.SubFactory(UserFactory, facilitator=True)

    class Params:
        generated = factory.Trait(
            kind=Card.Kind.WORD,
            source=Card.Source.GLOSSARY,
            source_key=factory.Sequence(lambda n: f"mot-{n}"),
            created_by=None,
        )


class DeckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deck
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Paquet {n}")
    slug = factory.Sequence(lambda n: f"paquet-{n}")
    created_by = factory.SubFactory(UserFactory, facilitator=True)

    @factory.post_generation
    def cards(self, create, extracted, **kwargs):
        if create and extracted:
            self.add(extracted)
