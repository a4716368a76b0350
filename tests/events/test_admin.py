"""The agenda in the administration: the team reads events and registrations; editing the
minutes there publishes them masked, like the organisers' page does."""

import pytest
from django.urls import reverse

from portail.events.models import Event
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


def test_minutes_edited_in_the_admin_are_published_masked(admin_client):
    event = EventFactory(past=True)
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
            "minutes_original": "Appelez Karim au 06 12 34 56 78.",
            "minutes_published_at_0": start.date().isoformat(),
            "minutes_published_at_1": "21:00:00",
            "registrations-TOTAL_FORMS": "0",
            "registrations-INITIAL_FORMS": "0",
            "_save": "1",
        }
    )
    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(pk=event.pk)
    assert event.minutes == "Appelez [nom masqué] au [téléphone masqué]."
    assert event.minutes_published_at is not None
