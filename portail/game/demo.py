"""Demo data of the game: a game in progress for the Groupe Logement's restitution, run by the
demo facilitator with the cards room's demo deck (skipped if that deck is absent). Safe to run
again: the game is found by its name and account, and left as it is."""

from django.db import transaction

from portail.accounts.roles import Role
from portail.cards.models import Deck
from portail.core.content import Tally
from portail.core.management.commands.demo import demo_account
from portail.events.models import Event
from portail.game.models import GameSession

DEMO_DECK = "logement-restitution"
DEMO_EVENT = "demo-restitution-jeu-de-l-oie"
DEMO_NAME = "Restitution du Groupe Logement (démonstration)"
DEMO_TEAMS = ["Équipe Bleue", "Équipe Orange", "Équipe Verte"]
DEMO_SEED = 2026
DEMO_TURNS = 4  # a few turns already played, so that the pawns are spread on the board


@transaction.atomic
def load_demo():
    tally = Tally("Parties de jeu de l'oie (démo)")
    deck = Deck.objects.filter(slug=DEMO_DECK).first()
    if deck is None or not deck.cards_in_order().exists():
        return tally
    facilitator = demo_account(Role.FACILITATOR)
    if GameSession.objects.filter(created_by=facilitator, name=DEMO_NAME).exists():
        tally.add("unchanged")
        return tally
    game = GameSession.begin(
        name=DEMO_NAME,
        players=DEMO_TEAMS,
        created_by=facilitator,
        deck=deck,
        event=Event.objects.filter(slug=DEMO_EVENT).first(),
        seed=DEMO_SEED,
    )
    for _ in range(DEMO_TURNS):
        game.play_turn(version=game.version)
    tally.add("created")
    return tally
