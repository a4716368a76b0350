"""The reminder the day before: from 8 a.m. (Paris time) the day before, one e-mail per
confirmed registration with an e-mail address; nobody twice, nobody on the waitlist."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from portail.core import periodic
from portail.events.models import Registration
from portail.events.reminders import send_reminders
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

DAY = datetime(2026, 3, 10).date()  # a Tuesday, winter time (UTC+1)


def paris(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@pytest.fixture
def tomorrow_event():
    return EventFactory(
        title="Forum du logement",
        starts_at=paris(DAY + timedelta(days=1), 18),
        ends_at=paris(DAY + timedelta(days=1), 20),
    )


def run(now, capture):
    with capture(execute=True):
        return send_reminders(now)


def test_the_day_before_each_confirmed_person_with_an_email_is_reminded_once(
    tomorrow_event, django_capture_on_commit_callbacks
):
    confirmed = RegistrationFactory(event=tomorrow_event, contact="a@exemple.org")
    RegistrationFactory(event=tomorrow_event, contact="06 39 98 00 01")
    RegistrationFactory(event=tomorrow_event, contact="")
    RegistrationFactory(event=tomorrow_event, contact="attente@exemple.org", status="attente")
    RegistrationFactory(event=tomorrow_event, contact="annule@exemple.org", status="annule")
    now = paris(DAY, 9)

    assert run(now, django_capture_on_commit_callbacks) == 1

    assert [m.to for m in mail.outbox] == [["a@exemple.org"]]
    message = mail.outbox[0]
    assert message.subject == "C'est demain : Forum du logement"
    assert "Mercredi 11 mars 2026, de 18 h à 20 h".lower() in message.body.lower()
    assert confirmed.get_absolute_url() in message.body
    confirmed.refresh_from_db()
    assert confirmed.reminded_at == now

    assert run(now + timedelta(hours=1), django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1


def test_no_reminder_before_8_in_the_morning_nor_for_other_days(
    tomorrow_event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=tomorrow_event, contact="a@exemple.org")
    in_two_days = EventFactory(starts_at=paris(DAY + timedelta(days=2), 10))
    RegistrationFactory(event=in_two_days, contact="b@exemple.org")
    today = EventFactory(starts_at=paris(DAY, 20))
    RegistrationFactory(event=today, contact="c@exemple.org")

    assert run(paris(DAY, 7, 59), django_capture_on_commit_callbacks) == 0
    assert run(paris(DAY, 8), django_capture_on_commit_callbacks) == 1
    assert [m.to for m in mail.outbox] == [["a@exemple.org"]]
    assert Registration.objects.filter(reminded_at__isnull=False).count() == 1


def test_an_event_just_after_midnight_is_reminded_the_day_before(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(starts_at=paris(DAY + timedelta(days=1), 0, 30))
    RegistrationFactory(event=event, contact="nuit@exemple.org")
    assert run(paris(DAY, 23), django_capture_on_commit_callbacks) == 1


def test_a_person_promoted_from_the_waitlist_after_the_first_run_is_reminded_next_run(
    tomorrow_event, django_capture_on_commit_callbacks
):
    waiting = RegistrationFactory(event=tomorrow_event, contact="b@exemple.org", status="attente")
    assert run(paris(DAY, 9), django_capture_on_commit_callbacks) == 0
    Registration.objects.filter(pk=waiting.pk).update(status="inscrit")
    assert run(paris(DAY, 10), django_capture_on_commit_callbacks) == 1


def test_the_job_is_registered_with_the_periodic_jobs(tomorrow_event):
    RegistrationFactory(event=tomorrow_event, contact="a@exemple.org")
    assert "events-rappels" in {job.key for job in periodic.jobs()}
    assert periodic.run_all(now=paris(DAY, 9), only={"events-rappels"}) == {"events-rappels": 1}
