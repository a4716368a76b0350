import pytest

from portail.core.management.commands.demo import create_demo_accounts
from portail.directory.content import load_organisations
from portail.game.demo import DEMO_DECK, DEMO_NAME, DEMO_TURNS, load_demo
from portail.game.models import GameSession
from portail.groups.content import load_groups
from portail.places.content import load_places, load_subjects, load_themes
from tests.game.factories import DeckFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_accounts():
    load_themes()
    load_subjects()
    load_places()
    load_organisations()
    load_groups()
    create_demo_accounts("un-mot-de-passe-de-demo-42")


def test_without_the_demo_deck_there_is_no_demo_game(demo_accounts):
    tally = load_demo()
    assert tally.total == 0
    assert not GameSession.objects.exists()


def test_the_demo_game_is_under_way_and_loaded_once(demo_accounts):
    DeckFactory(slug=DEMO_DECK)
    first, second = load_demo(), load_demo()
    assert (first.created, second.created, second.unchanged) == (1, 0, 1)
    game = GameSession.objects.get()
    assert game.name == DEMO_NAME
    assert game.created_by.email == "animatrice@demo.portail"
    assert game.state.turns == DEMO_TURNS and not game.is_finished
    assert game.board.cards
