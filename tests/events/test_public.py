"""What everyone sees: the agenda and its filters, an event's page, the past events with their
minutes; private events stay hidden from whoever may not see them."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portail.events import waitlist
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.events.factories import EventFactory, RegistrationFactory
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.places.factories import QuartierFactory, ThemeFactory

pytestmark = pytest.mark.django_db

AGENDA = reverse("events:agenda")


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def test_the_agenda_lists_upcoming_events_soonest_first_without_past_ones(client):
    today = timezone.localdate()
    later = EventFactory(title="Forum des locataires", starts_at=at(today + timedelta(days=20), 18))
    sooner = EventFactory(title="Permanence du mardi", starts_at=at(today + timedelta(days=2), 9))
    EventFactory(title="Restitution déjà passée", past=True)

    content = page_text(client.get(AGENDA))

    assert content.index("Permanence du mardi") < content.index("Forum des locataires")
    assert "Restitution déjà passée" not in content
    assert "2 événements à venir" in content
    assert later.get_absolute_url() in content and sooner.get_absolute_url() in content


def test_an_event_under_way_is_still_in_the_agenda(client):
    now = timezone.now()
    EventFactory(
        title="Réunion en cours",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=1),
    )
    assert "Réunion en cours" in page_text(client.get(AGENDA))


def test_the_agenda_filters_by_kind_quartier_group_and_theme(client):
    montreynaud, beaulieu = QuartierFactory(name="Montreynaud"), QuartierFactory(name="Beaulieu")
    housing, energy = ThemeFactory(name="Logement"), ThemeFactory(name="Énergie")
    group = GroupFactory(name="Groupe Logement")
    match = EventFactory(title="La bonne", kind="parole", quartier=montreynaud, groups=[group])
    match.themes.set([housing])
    other = EventFactory(title="Une autre", kind="parole", quartier=beaulieu)
    other.themes.set([energy])
    EventFactory(title="Pas le bon type", kind="permanence", quartier=montreynaud)

    for query in (
        {"type": "parole", "quartier": montreynaud.slug},
        {"groupe": group.slug},
        {"theme": housing.slug, "type": "parole"},
    ):
        content = page_text(client.get(AGENDA, query))
        assert "La bonne" in content, query
        assert "Une autre" not in content and "Pas le bon type" not in content, query


def test_a_wrong_filter_is_reported_and_left_out(client):
    EventFactory(title="Restitution visible")
    response = client.get(AGENDA, {"quartier": "nulle-part", "type": "fete"})
    content = page_text(response)
    assert response.status_code == 200
    assert "Un filtre n'a pas été compris" in content
    assert "Restitution visible" in content


def test_an_event_page_gives_the_french_date_the_place_access_organisers_and_places(client):
    group = GroupFactory(name="Groupe Logement")
    day = timezone.localdate() + timedelta(days=9)
    event = EventFactory(
        title="Restitution à Montreynaud",
        starts_at=at(day, 18, 30),
        ends_at=at(day, 20, 30),
        place="Maison de quartier de Montreynaud",
        address="Place Rouget de Lisle",
        accessibility="Accessible en fauteuil roulant, ascenseur.",
        description="On joue au **jeu de l'oie**.",
        capacity=12,
        groups=[group],
    )
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="annule")

    response = client.get(event.get_absolute_url())

    content = page_text(response)
    weekday = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    number = "1er" if day.day == 1 else str(day.day)
    expected = f"{weekday[day.weekday()]} {number} {months[day.month - 1]} {day.year}"
    assert f"{expected.capitalize()}, de 18 h 30 à 20 h 30" in content
    assert "Maison de quartier de Montreynaud" in content and "Place Rouget de Lisle" in content
    assert "Accessible en fauteuil roulant, ascenseur." in content
    assert f'href="{group.get_absolute_url()}"' in content
    assert "<strong>jeu de l'oie</strong>" in content
    assert "11 places libres sur 12" in content
    assert "Je m'inscris" in content
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_full_event_offers_the_waitlist(client):
    event = EventFactory(capacity=1)
    waitlist.register(event, name="Première")
    waitlist.register(event, name="Deuxième")
    content = page_text(client.get(event.get_absolute_url()))
    assert "Complet. 1 personne en liste d'attente." in content
    assert "M'inscrire sur la liste d'attente" in content


def test_a_past_event_shows_its_published_minutes_attendance_and_suites_but_no_form(client):
    event = EventFactory(past=True, title="Restitution passée", attendance_count=23)
    event.record_minutes("## Ce qui s'est dit\n\nMme Durand au 06 12 34 56 78 a parlé.", True)
    event.add_suite(by=None, kind="accompagnement", summary="Une famille à accompagner.")

    content = page_text(client.get(event.get_absolute_url()))

    assert "<h2>Ce qui s'est dit</h2>" in content
    assert "06 12 34 56 78" not in content and "Durand" not in content
    assert "23 personnes étaient présentes." in content
    assert "Accompagnement d'une personne ou d'une famille : 1" in content
    assert "Une famille à accompagner." not in content
    assert "Je m'inscris" not in content


def test_draft_minutes_are_not_public(client):
    event = EventFactory(past=True)
    event.record_minutes("Un brouillon pas encore relu.", publish=False)
    content = page_text(client.get(event.get_absolute_url()))
    assert "Un brouillon pas encore relu." not in content
    assert "Le compte rendu n'est pas encore en ligne." in content


def test_the_past_events_page_lists_past_events_with_their_minutes_newest_first(client):
    old = EventFactory(past=True, title="La plus ancienne")
    old.starts_at -= timedelta(days=30)
    old.ends_at -= timedelta(days=30)
    old.save()
    recent = EventFactory(past=True, title="La plus récente")
    recent.record_minutes("Nous étions nombreux autour du jeu de l'oie.", publish=True)
    EventFactory(title="À venir")

    content = page_text(client.get(reverse("events:past")))

    assert content.index("La plus récente") < content.index("La plus ancienne")
    assert "Nous étions nombreux autour du jeu de l'oie." in content
    assert "À venir" not in content


@pytest.fixture
def private_scene():
    private_group = GroupFactory(name="Groupe secret", is_public=False)
    public_group = GroupFactory(name="Groupe ouvert")
    of_private_group = EventFactory(title="Réunion du groupe secret", groups=[private_group])
    members_only = EventFactory(
        title="Groupe de parole entre membres", is_public=False, groups=[public_group]
    )
    return private_group, public_group, of_private_group, members_only


@pytest.mark.parametrize("who", ["anonymous", "resident", "other_member", "moderator", "partner"])
def test_private_events_are_hidden_and_404_to_outsiders(client, private_scene, who):
    _private, _public, of_private_group, members_only = private_scene
    if who != "anonymous":
        user = {
            "resident": lambda: UserFactory(),
            "other_member": lambda: UserFactory(member=True),
            "moderator": lambda: UserFactory(moderator=True),
            "partner": lambda: UserFactory(partner=True),
        }[who]()
        client.force_login(user)

    content = page_text(client.get(AGENDA))

    for event in (of_private_group, members_only):
        assert event.title not in content
        assert client.get(event.get_absolute_url()).status_code == 404
        assert client.get(reverse("events:ics", args=[event.slug])).status_code == 404
        assert client.get(reverse("events:poster", args=[event.slug])).status_code == 404


def test_members_of_an_organising_group_and_staff_see_its_private_events(client, private_scene):
    private_group, public_group, of_private_group, members_only = private_scene
    member = UserFactory()
    MembershipFactory(user=member, group=private_group)
    MembershipFactory(user=member, group=public_group)
    for user in (member, UserFactory(staff=True)):
        client.force_login(user)
        content = page_text(client.get(AGENDA))
        for event in (of_private_group, members_only):
            assert event.title in content
            response = client.get(event.get_absolute_url())
            assert response.status_code == 200
            assert "réservé aux membres des groupes organisateurs" in page_text(response)


def test_a_long_agenda_is_paginated_keeping_the_filters(client):
    for number in range(22):
        EventFactory(title=f"Permanence n° {number:02d}", kind="permanence")

    first = page_text(client.get(AGENDA, {"type": "permanence"}))
    second = page_text(client.get(AGENDA, {"type": "permanence", "page": "2"}))

    assert "22 événements à venir" in first
    assert "?type=permanence&page=2" in first
    assert first.count('class="evenement-resume"') == 20
    assert second.count('class="evenement-resume"') == 2


def test_an_unknown_event_is_a_404(client):
    assert client.get(reverse("events:detail", args=["inconnu-2026-01-01"])).status_code == 404


def test_an_empty_agenda_says_so(client):
    content = page_text(client.get(AGENDA))
    assert "Aucun événement à venir" in content
    assert "Aucun événement n'est prévu pour l'instant." in content


def test_the_first_of_the_month_is_written_the_french_way():
    event = EventFactory(
        starts_at=timezone.make_aware(datetime(2026, 6, 1, 9, 0)),
        ends_at=timezone.make_aware(datetime(2026, 6, 1, 11, 45)),
    )
    assert event.when_display == "lundi 1er juin 2026, de 9 h à 11 h 45"
