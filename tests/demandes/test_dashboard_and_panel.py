"""The dashboard (numbers only, for moderators, staff and facilitators) and the « Mon espace »
panel (requests in my charge or my groups', and those I filed)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portail.demandes.models import Demande
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.demandes.factories import (
    EMAIL_MARKER,
    NAME_MARKER,
    PHONE_MARKER,
    SUMMARY_MARKER,
    DemandeFactory,
)
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.places.factories import QuartierFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("demandes:dashboard")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonyme", 302),
        ("habitant", 403),
        ("membre", 403),
        ("partenaire", 403),
        ("animateur", 200),
        ("moderateur", 200),
        ("equipe", 200),
    ],
)
def test_the_dashboard_is_for_facilitators_moderators_and_staff(client, who, status):
    user = {
        "anonyme": lambda: None,
        "habitant": UserFactory,
        "membre": lambda: UserFactory(member=True),
        "partenaire": lambda: UserFactory(partner=True),
        "animateur": lambda: UserFactory(facilitator=True),
        "moderateur": lambda: UserFactory(moderator=True),
        "equipe": lambda: UserFactory(staff=True),
    }[who]()
    if user:
        client.force_login(user)
    assert client.get(DASHBOARD).status_code == status


def test_the_dashboard_counts_and_measures_delays_without_personal_data(client):
    montreynaud = QuartierFactory(name="Montreynaud")
    now = timezone.now()
    DemandeFactory(quartier=montreynaud)
    DemandeFactory(
        kind=Demande.Kind.ACCOMPANIMENT,
        closed=True,
        quartier=montreynaud,
        created_at=now - timedelta(days=10),
        first_action_at=now - timedelta(days=8),
        closed_at=now - timedelta(days=2),
    )
    DemandeFactory(
        kind=Demande.Kind.ACCOMPANIMENT,
        closed=True,
        outcome=Demande.Outcome.DROPPED,
        created_at=now - timedelta(days=10),
        first_action_at=now - timedelta(days=6),
        closed_at=now,
    )
    client.force_login(UserFactory(facilitator=True))

    response = client.get(DASHBOARD)

    content = page_text(response)
    numbers = response.context
    assert numbers["total"] == 3
    assert dict(numbers["by_kind"])[Demande.Kind.ACCOMPANIMENT.label] == 2
    assert dict(numbers["by_status"])[Demande.Status.CLOSED.label] == 2
    assert dict(numbers["by_outcome"])[Demande.Outcome.DROPPED.label] == 1
    assert dict(numbers["by_quartier"])[str(montreynaud)] == 2
    assert dict(numbers["by_quartier"])["Quartier non précisé"] == 1
    assert numbers["first_action"] == {"count": 2, "median": 3.0, "mean": 3.0}
    assert numbers["closure"] == {"count": 2, "median": 9.0, "mean": 9.0}
    for marker in (NAME_MARKER, EMAIL_MARKER, PHONE_MARKER, SUMMARY_MARKER, "Bailleur"):
        assert marker not in content
    assert "Montreynaud" in content


def test_an_empty_dashboard_says_there_is_no_data_yet(client):
    client.force_login(UserFactory(moderator=True))
    assert "pas encore de données" in page_text(client.get(DASHBOARD))


# --- The espace panel ---------------------------------------------------------------------------

ESPACE = reverse("accounts:espace")


def test_the_panel_lists_the_requests_of_my_groups_and_those_assigned_to_me(client):
    group = GroupFactory()
    member = MembershipFactory(group=group).user
    mine = DemandeFactory(assigned=True, assigned_group=group)
    assigned_to_me = DemandeFactory(assigned=True, assignee=member)
    elsewhere = DemandeFactory(assigned=True)
    closed = DemandeFactory(closed=True, assigned_group=group)
    client.force_login(member)

    content = page_text(client.get(ESPACE))

    assert 'id="espace-demandes"' in content
    assert reverse("demandes:work", args=[mine.pk]) in content
    assert reverse("demandes:work", args=[assigned_to_me.pk]) in content
    assert reverse("demandes:work", args=[elsewhere.pk]) not in content
    assert reverse("demandes:work", args=[closed.pk]) not in content
    assert EMAIL_MARKER not in content and NAME_MARKER not in content


def test_facilitators_are_told_how_many_new_requests_wait_for_a_group(client):
    DemandeFactory()
    DemandeFactory()
    client.force_login(UserFactory(facilitator=True))
    assert "2 nouvelles demandes attendent qu'un groupe les prenne." in page_text(
        client.get(ESPACE)
    )


def test_the_panel_lists_what_i_filed_myself_or_for_someone(client):
    user = UserFactory(member=True)
    own = DemandeFactory(requester=user)
    for_someone = DemandeFactory(entered_by=user, origin=Demande.Origin.ON_BEHALF)
    client.force_login(user)

    content = page_text(client.get(ESPACE))

    assert reverse("demandes:mine_detail", args=[own.pk]) in content
    assert reverse("demandes:mine_detail", args=[for_someone.pk]) not in content
    assert "saisie pour une personne" in content


def test_a_resident_without_requests_has_no_panel(client):
    DemandeFactory(assigned=True)
    client.force_login(UserFactory())
    assert 'id="espace-demandes"' not in client.get(ESPACE).content.decode()


def test_a_moderator_outside_any_group_finds_the_team_list_and_the_dashboard(client):
    client.force_login(UserFactory(moderator=True))
    content = page_text(client.get(ESPACE))
    assert reverse("demandes:team") in content
    assert reverse("demandes:dashboard") in content


def test_a_plain_member_gets_no_dashboard_link(client):
    group = GroupFactory()
    member = MembershipFactory(group=group).user
    DemandeFactory(assigned=True, assigned_group=group)
    client.force_login(member)
    content = page_text(client.get(ESPACE))
    assert reverse("demandes:team") in content
    assert reverse("demandes:dashboard") not in content


def test_a_groups_page_invites_to_ask_and_tells_members_how_many_requests_are_open(client):
    group = GroupFactory()
    DemandeFactory(assigned=True, assigned_group=group)
    DemandeFactory(closed=True, assigned_group=group)
    url = reverse("groups:detail", args=[group.slug])

    public = page_text(client.get(url))
    client.force_login(MembershipFactory(group=group).user)
    member = page_text(client.get(url))

    assert reverse("demandes:index") in public
    assert "demande en cours" not in public
    assert "Le groupe a 1 demande en cours." in member
