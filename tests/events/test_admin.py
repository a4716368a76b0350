"""The agenda in the administration: the team reads events and registrations; editing the
minutes there publishes them masked, like the organisers' page does."""

import pytest
from django.core import mail
from django.urls import reverse

from portail.events.models import Event, Registration
from tests.accounts.factories import UserFactory
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(staff=True, is_superuser=True))
    return client


def test_the_event_and_registration_pages_of_the_admin_open(admin_client):
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    for url in (
        reverse("admin:events_event_changelist"),
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:events_registration_changelist"),
        reverse("admin:events_registration_change", args=[registration.pk]),
    ):
        assert admin_client.get(url).status_code == 200, url


def change_data(admin_client, event, **changes):
    """What the admin's change form of `event` sends back, with `changes`."""
    url = reverse("admin:events_event_change", args=[event.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    start = event.starts_at.astimezone()
    data.update(
        {
            "starts_at_0": start.date().isoformat(),
            "starts_at_1": start.strftime("%H:%M:%S"),
            "ends_at_0": "",
            "ends_at_1": "",
            "minutes_published_at_0": "",
            "minutes_published_at_1": "",
            "registrations-TOTAL_FORMS": "0",
            "registrations-INITIAL_FORMS": "0",
            "_save": "1",
            **changes,
        }
    )
    return url, data


def test_minutes_edited_in_the_admin_are_published_masked(admin_client):
    event = EventFactory(past=True)
    start = event.starts_at.astimezone()
    url, data = change_data(
        admin_client,
        event,
        minutes_original="Appelez Karim au 06 12 34 56 78.",
        minutes_published_at_0=start.date().isoformat(),
        minutes_published_at_1="21:00:00",
    )
    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(pk=event.pk)
    assert event.minutes == "Appelez [nom masqué] au [téléphone masqué]."
    assert event.minutes_published_at is not None


def test_more_places_given_in_the_admin_go_to_the_people_waiting(
    admin_client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    waiting = RegistrationFactory(
        event=event, contact="attente@exemple.org", status=Registration.Status.WAITLIST
    )
    url, data = change_data(admin_client, event, capacity="2")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert [message.to for message in mail.outbox] == [["attente@exemple.org"]]
