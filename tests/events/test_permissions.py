"""Who may see the names and contacts of the people registered, record attendance, the minutes
and the suites, and edit or create an event — role by role, including a member and a
facilitator of ANOTHER group.

The organisers are the facilitators of the organising group, the event's creator, the
moderators and the staff (portail.events.permissions); a simple member of the group is not one."""

import pytest
from django.urls import reverse

from portail.demandes.models import Demande
from portail.events.models import Event, Registration
from tests.accounts.helpers import page_text
from tests.events.factories import (
    CONTACT_MARKER,
    NAME_MARKER,
    ORGANISERS,
    PHONE_MARKER,
    ROLES,
    EventFactory,
    RegistrationFactory,
    person,
)
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db

NOT_ORGANISERS = set(ROLES) - ORGANISERS - {"anonymous"}
MAY_CREATE = {"facilitator", "other_facilitator", "moderator", "staff"}


@pytest.fixture
def scene():
    group = GroupFactory(name="Groupe Logement")
    people = {role: person(role, group) for role in ROLES}
    event = EventFactory(groups=[group], created_by=people["creator"], past=True)
    registration = RegistrationFactory(event=event, name=NAME_MARKER, contact=CONTACT_MARKER)
    RegistrationFactory(
        event=event,
        name="Sur liste d'attente",
        contact=PHONE_MARKER,
        status=Registration.Status.WAITLIST,
    )
    return event, registration, people, group


def as_role(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client


def assert_login_redirect(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def assert_refused(role, response):
    if role == "anonymous":
        assert_login_redirect(response)
    else:
        assert response.status_code == 403


def assert_no_personal_data(response):
    content = page_text(response)
    for marker in (NAME_MARKER, CONTACT_MARKER, PHONE_MARKER):
        assert marker not in content


PAGES = ["attendees", "minutes", "suites", "edit"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_the_organisers_pages_open_for_organisers_only(client, scene, role, page):
    event, _registration, people, _group = scene
    response = as_role(client, people, role).get(reverse(f"events:{page}", args=[event.slug]))
    if role in ORGANISERS:
        assert response.status_code == 200
        assert response["Cache-Control"].startswith("max-age=0")
    else:
        assert_refused(role, response)
        assert_no_personal_data(response)


@pytest.mark.parametrize("role", ROLES)
def test_names_and_contacts_are_seen_by_organisers_only(client, scene, role):
    event, _registration, people, _group = scene
    as_role(client, people, role)
    attendees = client.get(reverse("events:attendees", args=[event.slug]))
    if role in ORGANISERS:
        content = page_text(attendees)
        assert NAME_MARKER in content and CONTACT_MARKER in content and PHONE_MARKER in content
    else:
        assert_no_personal_data(attendees)
    # Nowhere else: not the public page, not the calendar, not the past events.
    for url in (
        event.get_absolute_url(),
        reverse("events:past"),
        reverse("events:ics", args=[event.slug]),
        reverse("events:feed"),
    ):
        assert_no_personal_data(client.get(url))


@pytest.mark.parametrize("role", ROLES)
def test_recording_attendance(client, scene, role):
    event, registration, people, _group = scene
    response = as_role(client, people, role).post(
        reverse("events:attendees", args=[event.slug]),
        {"attendance_count": "17", f"present_{registration.pk}": "on"},
    )
    event.refresh_from_db()
    registration.refresh_from_db()
    if role in ORGANISERS:
        assert response.status_code == 302
        assert event.attendance_count == 17 and registration.attended is True
    else:
        assert_refused(role, response)
        assert event.attendance_count is None and registration.attended is None


@pytest.mark.parametrize("role", ROLES)
def test_recording_the_minutes(client, scene, role):
    event, _registration, people, _group = scene
    response = as_role(client, people, role).post(
        reverse("events:minutes", args=[event.slug]),
        {"minutes": "Nous étions nombreux.", "publish": "on"},
    )
    event.refresh_from_db()
    if role in ORGANISERS:
        assert response.status_code == 302
        assert event.minutes == "Nous étions nombreux." and event.minutes_published_at
    else:
        assert_refused(role, response)
        assert event.minutes == "" and event.minutes_published_at is None


@pytest.mark.parametrize("role", ROLES)
def test_recording_a_suite(client, scene, role):
    event, _registration, people, _group = scene
    response = as_role(client, people, role).post(
        reverse("events:suites", args=[event.slug]),
        {"kind": "accompagnement", "summary": "Une famille voudrait être accompagnée."},
    )
    if role in ORGANISERS:
        assert response.status_code == 302
        demande = Demande.objects.get()
        assert demande.event == event and demande.entered_by == people[role]
    else:
        assert_refused(role, response)
        assert not Demande.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_cancelling_someone_s_registration(client, scene, role):
    event, registration, people, _group = scene
    response = as_role(client, people, role).post(
        reverse("events:cancel_registration", args=[event.slug, registration.pk])
    )
    registration.refresh_from_db()
    if role in ORGANISERS:
        assert response.status_code == 302
        assert registration.status == Registration.Status.CANCELLED
    else:
        assert_refused(role, response)
        assert registration.status == Registration.Status.CONFIRMED


@pytest.mark.parametrize("role", ROLES)
def test_editing_the_event(client, scene, role):
    event, _registration, people, group = scene
    start = event.starts_at.astimezone()
    response = as_role(client, people, role).post(
        reverse("events:edit", args=[event.slug]),
        {
            "kind": event.kind,
            "title": "Nouveau titre",
            "date": start.date().isoformat(),
            "start_time": "18:00",
            "end_time": "20:00",
            "place": event.place,
            "description": event.description,
            "capacity": "20",
            "groups": [group.pk],
            "is_public": "on",
        },
    )
    event.refresh_from_db()
    if role in ORGANISERS:
        assert response.status_code == 302, page_text(response)
        assert event.title == "Nouveau titre"
    else:
        assert_refused(role, response)
        assert event.title != "Nouveau titre"


@pytest.mark.parametrize("role", ROLES)
def test_creating_an_event(client, scene, role):
    _event, _registration, people, _group = scene
    response = as_role(client, people, role).get(reverse("events:create"))
    if role in MAY_CREATE:
        assert response.status_code == 200
    else:
        assert_refused(role, response)


@pytest.mark.parametrize("role", ROLES)
def test_the_organisers_links_show_to_organisers_only(client, scene, role):
    event, _registration, people, _group = scene
    content = page_text(as_role(client, people, role).get(event.get_absolute_url()))
    assert (reverse("events:attendees", args=[event.slug]) in content) == (role in ORGANISERS)


@pytest.mark.parametrize("role", ["other_member", "other_facilitator", "moderator", "partner"])
def test_the_organisers_pages_of_a_private_group_s_event_are_404_to_outsiders(client, role):
    private = GroupFactory(is_public=False)
    event = EventFactory(groups=[private])
    RegistrationFactory(event=event, name=NAME_MARKER)
    client.force_login(person(role, private))
    for page in PAGES:
        assert client.get(reverse(f"events:{page}", args=[event.slug])).status_code == 404


def test_a_facilitator_of_the_private_group_organises_its_event(client):
    private = GroupFactory(is_public=False)
    event = EventFactory(groups=[private])
    RegistrationFactory(event=event, name=NAME_MARKER)
    facilitator = person("facilitator", private)
    client.force_login(facilitator)
    assert NAME_MARKER in page_text(client.get(reverse("events:attendees", args=[event.slug])))


def test_a_facilitator_who_became_a_simple_member_is_no_longer_an_organiser(client, scene):
    event, _registration, people, group = scene
    facilitator = people["facilitator"]
    group.memberships.filter(user=facilitator).update(role="membre")
    client.force_login(facilitator)
    assert client.get(reverse("events:attendees", args=[event.slug])).status_code == 403


def test_an_inactive_account_organises_nothing(client, scene):
    event, _registration, people, _group = scene
    staff = people["staff"]
    staff.is_active = False
    staff.save()
    client.force_login(staff)
    response = client.get(reverse("events:attendees", args=[event.slug]))
    assert response.status_code in (302, 403)
    assert_no_personal_data(response)


def test_facilitators_of_one_co_organising_group_organise_the_common_event(client):
    housing, literacy = GroupFactory(), GroupFactory()
    event = EventFactory(kind=Event.Kind.INTERGROUP, groups=[housing, literacy])
    user = person("resident", None)
    MembershipFactory(user=user, group=literacy, role="animateur")
    client.force_login(user)
    assert client.get(reverse("events:attendees", args=[event.slug])).status_code == 200
