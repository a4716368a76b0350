"""The agenda's blocks on other pages: a group's upcoming events on its page (private ones
only for its members), and in Mon espace the person's registrations and the events they
organise."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from portail.core import panels
from portail.events import waitlist
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.events.factories import EventFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def group_panel(group, user=None):
    """The agenda's panel of the group's page ("" when it shows nothing), rendered as the
    page renders every panel of its slot."""
    request = RequestFactory().get(group.get_absolute_url())
    request.user = user or AnonymousUser()
    (panel,) = [p for p in panels.panels("group") if p.key == "events"]
    context = panel.context(request, group=group)
    if context is None:
        return ""
    return render_to_string(panel.template, {"group": group, **context}, request=request)


def test_a_group_s_page_shows_its_upcoming_public_events():
    group = GroupFactory()
    EventFactory(title="Restitution du groupe", groups=[group])
    EventFactory(title="Déjà passée", groups=[group], past=True)
    EventFactory(title="Entre membres", groups=[group], is_public=False)
    EventFactory(title="D'un autre groupe", groups=[GroupFactory()])

    html = group_panel(group)

    assert 'id="panneau-agenda-groupe"' in html
    assert "Restitution du groupe" in html
    for title in ("Déjà passée", "Entre membres", "D&#x27;un autre groupe"):
        assert title not in html
    assert reverse("events:group_feed", args=[group.slug]) in html
    assert reverse("events:create") not in html


def test_members_see_the_members_only_events_and_facilitators_may_propose_one():
    group = GroupFactory()
    EventFactory(title="Entre membres", groups=[group], is_public=False)
    member = MembershipFactory(group=group).user
    facilitator = MembershipFactory(group=group, role="animateur").user

    assert "Entre membres" in group_panel(group, member)
    assert reverse("events:create") not in group_panel(group, member)
    assert f"{reverse('events:create')}?groupes={group.slug}" in group_panel(group, facilitator)


def test_a_group_without_upcoming_events_shows_no_panel_but_to_its_facilitators():
    group = GroupFactory()
    assert group_panel(group) == ""
    facilitator = MembershipFactory(group=group, role="animateur").user
    assert "Aucun rendez-vous prévu" in group_panel(group, facilitator)


def test_a_private_group_has_no_feed_link():
    group = GroupFactory(is_public=False)
    member = MembershipFactory(group=group).user
    EventFactory(title="Réunion", groups=[group])
    html = group_panel(group, member)
    assert "Réunion" in html
    assert reverse("events:group_feed", args=[group.slug]) not in html


def test_my_space_lists_my_upcoming_registrations_with_their_private_links(client):
    user = UserFactory()
    event = EventFactory(title="Forum des locataires", capacity=1)
    waitlist.register(event, name="Quelqu'un d'autre")
    mine, _ = waitlist.register(event, name="Moi", user=user)
    past = EventFactory(title="Déjà passé", past=True)
    waitlist.register(past, name="Moi", user=user)
    cancelled_event = EventFactory(title="Annulé par moi")
    cancelled, _ = waitlist.register(cancelled_event, name="Moi", user=user)
    waitlist.cancel(cancelled)
    client.force_login(user)

    content = page_text(client.get(reverse("accounts:espace")))

    assert 'id="panneau-mes-inscriptions"' in content
    assert "Forum des locataires" in content and "Sur la liste d'attente." in content
    assert mine.get_absolute_url() in content
    assert "Déjà passé" not in content and "Annulé par moi" not in content
    assert 'id="panneau-mes-evenements"' not in content


def test_my_space_lists_the_events_i_organise_for_facilitators(client):
    group = GroupFactory()
    facilitator = MembershipFactory(group=group, role="animateur").user
    event = EventFactory(title="Restitution à préparer", groups=[group])
    EventFactory(title="Pas la mienne", groups=[GroupFactory()])
    client.force_login(facilitator)

    content = page_text(client.get(reverse("accounts:espace")))

    assert 'id="panneau-mes-evenements"' in content
    assert "Restitution à préparer" in content and "Pas la mienne" not in content
    assert reverse("events:attendees", args=[event.slug]) in content
    assert reverse("events:create") in content
    assert 'id="panneau-mes-inscriptions"' not in content


def test_residents_have_no_agenda_panel_in_my_space(client):
    client.force_login(UserFactory())
    content = page_text(client.get(reverse("accounts:espace")))
    assert "panneau-mes-evenements" not in content and "panneau-mes-inscriptions" not in content


def test_the_group_page_and_the_event_page_carry_the_panels(client, monkeypatch):
    group = GroupFactory()
    event = EventFactory(title="Restitution du groupe", groups=[group])
    content = page_text(client.get(group.get_absolute_url()))
    assert 'id="panneau-agenda-groupe"' in content and "Restitution du groupe" in content

    # Another room's panel on the event page receives the event.
    monkeypatch.setattr(panels, "_PANELS", {})
    panels.register("event", "essai", "events/_event_item.html", lambda request, event: {})
    content = page_text(client.get(event.get_absolute_url()))
    assert 'class="evenement-resume"' in content
