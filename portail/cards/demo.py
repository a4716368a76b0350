"""Demo data of the cards room: the cards generated from the demo content (glossary, fiches,
the public questions if any) and the deck « Logement — restitution » of the Groupe
Logement, about 30 mixed cards, prepared by the demo facilitator. Safe to run again."""

from django.db import transaction

from portail.accounts.roles import Role
from portail.cards.decks import pick_mixed
from portail.cards.generate import generate_cards
from portail.cards.models import Card, Deck
from portail.core.content import Tally
from portail.core.management.commands.demo import HOUSING_GROUP, demo_account
from portail.events.models import Event
from portail.groups.models import Group
from portail.places.models import Theme

DEMO_DECK = "logement-restitution"
DEMO_DECK_SIZE = 30


@transaction.atomic
def load_demo():
    # Our reviewed cards are content, already loaded (and counted) by load_content(); the
    # generated ones follow the glossary, the fiches and the demo questions.
    tallies = list(generate_cards())
    tally = Tally("Paquets de cartes (démo)")
    theme = Theme.objects.filter(slug="logement").first()
    deck, created = Deck.objects.get_or_create(
        slug=DEMO_DECK,
        defaults={
            "name": "Logement — restitution",
            "theme": theme,
            "group": Group.objects.filter(slug=HOUSING_GROUP).first(),
            "event": Event.objects.filter(kind=Event.Kind.RESTITUTION)
            .order_by("starts_at")
            .first(),
            "created_by": demo_account(Role.FACILITATOR),
        },
    )
    if not deck.deckcard_set.exists():
        candidates = Card.objects.filter(theme=theme) if theme else Card.objects.all()
        deck.add(pick_mixed(candidates, DEMO_DECK_SIZE))
        tally.add("created" if created else "updated")
    else:
        tally.add("unchanged")
    tallies.append(tally)
    return tallies
