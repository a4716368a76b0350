"""The agenda's demo data: events dated from today (next week's restitution, a full groupe de
parole with its waitlist, a permanence, a common time of two groups, a past restitution with
its minutes and two suites), created once whatever the number of runs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portail.core.management.commands.demo import DEMO_ACCOUNTS
from portail.demandes.models import Demande
from portail.events.demo import load_demo
from portail.events.models import Event, Registration
from tests.accounts.factories import UserFactory
from tests.groups.factories import GroupFactory
from tests.places.factories import QuartierFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _what_the_demo_needs():
    for email, name, *_ in DEMO_ACCOUNTS:
        UserFactory(email=email, display_name=name)
    GroupFactory(slug="groupe-logement", name="Groupe Logement de Saint-Étienne")
    GroupFactory(slug="groupe-alpha-montreynaud", name="Groupe alpha de Montreynaud")
    for slug in ("montreynaud", "beaulieu", "la-cotonne"):
        QuartierFactory(slug=slug)
    for slug in ("logement", "energie", "caf-minima-sociaux", "ecole"):
        ThemeFactory(slug=slug)


def snapshot():
    return (
        sorted(Event.objects.values_list("slug", "starts_at")),
        sorted(Registration.objects.values_list("event__slug", "name", "status")),
        Demande.objects.count(),
    )


def test_the_demo_events_are_dated_from_today_and_loaded_once():
    first = load_demo()
    assert first.created == 5
    before = snapshot()

    again = load_demo()

    assert again.created == 0 and again.unchanged == 5
    assert snapshot() == before
    today = timezone.localdate()
    restitution = Event.objects.get(slug="demo-restitution-jeu-de-l-oie")
    assert timezone.localtime(restitution.starts_at).date() == today + timedelta(days=7)
    assert restitution.registrations.filter(user__email="habitante@demo.portail").exists()
    parole = Event.objects.get(slug="demo-groupe-de-parole-logement")
    assert parole.registrations.filter(status="attente").count() == 1
    intergroup = Event.objects.get(kind=Event.Kind.INTERGROUP)
    assert intergroup.groups.count() == 2


def test_the_past_restitution_has_attendance_published_minutes_and_two_suites():
    load_demo()
    past = Event.objects.get(slug="demo-restitution-passee-la-cotonne")
    assert past.is_past()
    assert past.attendance_count == 27 and past.minutes_published_at
    assert "jeu de l'oie" in past.minutes_html
    suites = list(past.suites.all())
    assert len(suites) == 2
    assert {s.kind for s in suites} == {"accompagnement", "immeuble"}
    assert all(s.origin == Demande.Origin.EVENT for s in suites)
    assert past.registrations.filter(attended=True).count() == 2


def test_the_dates_follow_today_when_the_demo_runs_again_later():
    load_demo()
    Event.objects.update(starts_at=timezone.now() - timedelta(days=400))
    tally = load_demo()
    assert tally.updated == 5
    restitution = Event.objects.get(slug="demo-restitution-jeu-de-l-oie")
    assert restitution.starts_at > timezone.now()
