"""Names and contacts of registrations are erased some time after the event; numbers stay."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portail.events.models import Registration
from portail.events.retention import ERASED_NAME, forget_registrations
from tests.accounts.factories import UserFactory
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def settings_90(settings):
    settings.EVENT_REGISTRATIONS_RETENTION_DAYS = 90
    return settings


def test_registrations_of_an_old_event_lose_name_contact_and_link_but_keep_the_numbers(
    client, settings_90
):
    now = timezone.now()
    old = EventFactory(starts_at=now - timedelta(days=100), ends_at=now - timedelta(days=99))
    person = UserFactory()
    came = RegistrationFactory(event=old, user=person, attended=True)
    waited = RegistrationFactory(event=old, status=Registration.Status.WAITLIST)
    token = came.link_token()
    assert client.get(came.get_absolute_url()).status_code == 200

    assert forget_registrations(now) == 2

    for registration in (came, waited):
        registration.refresh_from_db()
        assert registration.name == ERASED_NAME
        assert registration.contact == ""
    assert Registration.from_token(token) is None
    assert client.get(f"/agenda/inscription/{token}/").status_code == 404
    # What the numbers and the person's own portfolio need stays.
    assert came.attended is True and came.user == person
    assert waited.status == Registration.Status.WAITLIST
    assert forget_registrations(now) == 0, "nothing left to erase the second time"


def test_recent_and_coming_events_keep_their_registrations(settings_90):
    now = timezone.now()
    recent = EventFactory(starts_at=now - timedelta(days=30), ends_at=now - timedelta(days=30))
    coming = EventFactory()
    kept = [RegistrationFactory(event=recent), RegistrationFactory(event=coming)]

    assert forget_registrations(now) == 0

    for registration in kept:
        registration.refresh_from_db()
        assert registration.name != ERASED_NAME and "@" in registration.contact


def test_an_event_without_end_counts_from_its_start(settings_90):
    now = timezone.now()
    old = EventFactory(starts_at=now - timedelta(days=91), ends_at=None)
    registration = RegistrationFactory(event=old)

    assert forget_registrations(now) == 1
    registration.refresh_from_db()
    assert registration.contact == ""
