"""The cards room's blocks on other pages: Mon espace, a group's page, an event's page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone

from portail.core import panels
from portail.events.models import Event
from tests.accounts.factories import UserFactory
from tests.cards.factories import CardFactory, DeckFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def render(slot, user, **kwargs):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return str(panels.render(slot, request, **kwargs))


def test_mon_espace_lists_the_decks_a_facilitator_prepares():
    group = GroupFactory()
    facilitator = UserFactory()
    MembershipFactory(user=facilitator, group=group, role="animateur")
    DeckFactory(name="Mon paquet", created_by=facilitator, cards=[CardFactory()])
    DeckFactory(name="Paquet du groupe", group=group)
    DeckFactory(name="Paquet d'ailleurs")

    html = render("espace", facilitator)

    assert 'id="mes-paquets"' in html
    assert "Mon paquet" in html and "1 carte" in html and "Paquet du groupe" in html
    assert "Paquet d&#x27;ailleurs" not in html
    assert 'id="mes-paquets"' not in render("espace", UserFactory(member=True))


def test_a_groups_page_shows_its_decks_and_the_button_to_its_facilitators():
    group = GroupFactory()
    facilitator = UserFactory()
    MembershipFactory(user=facilitator, group=group, role="animateur")

    assert 'id="paquets-du-groupe"' not in render("group", None, group=group)
    assert "Préparer un paquet" in render("group", facilitator, group=group)
    assert 'id="paquets-du-groupe"' not in render(
        "group", UserFactory(facilitator=True), group=group
    )
    DeckFactory(name="Restitution", group=group)
    html = render("group", None, group=group)
    assert "Restitution" in html and "Préparer un paquet" not in html


def test_an_events_page_shows_the_decks_prepared_for_it():
    event = Event.objects.create(
        kind=Event.Kind.RESTITUTION,
        title="Restitution",
        slug="restitution",
        starts_at=timezone.now(),
        place="Centre social",
        description="Le jeu de l'oie du Groupe Logement.",
    )
    assert 'id="paquets-evenement"' not in render("event", None, event=event)
    DeckFactory(name="Cartes de la restitution", event=event)

    assert "Cartes de la restitution" in render("event", None, event=event)
