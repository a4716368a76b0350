"""Cancelling a whole event: only its organisers may, with a reason; everyone registered or
waiting with an e-mail is told once; the event stays in the agenda marked « Annulé » until its
date, in the calendars as STATUS:CANCELLED and on the poster; nobody registers, nobody gets a
reminder. The organisers may restore it, without any e-mail (they are asked to tell people)."""

import threading
from datetime import datetime, time, timedelta

import icalendar
import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from portail.events import waitlist
from portail.events.models import Event, Registration
from portail.events.reminders import send_reminders
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.events.factories import ORGANISERS, ROLES, EventFactory, RegistrationFactory, person
from tests.groups.factories import GroupFactory
from tests.letters.pdf_text import pdf_text

pytestmark = pytest.mark.django_db

REASON = "La salle n'est plus disponible. Nous vous proposerons une autre date."


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement")


@pytest.fixture
def event(group):
    return EventFactory(title="Forum du logement", groups=[group], capacity=2)


@pytest.fixture
def facilitator(group):
    return person("facilitator", group)


@pytest.fixture
def people(event):
    """Two places taken, one person waiting, one who gave a phone only, one who cancelled."""
    a, _ = waitlist.register(event, name="Awa", contact="awa@exemple.org")
    b, _ = waitlist.register(event, name="Bilal", contact="06 39 98 00 31")
    c, _ = waitlist.register(event, name="Chloé", contact="chloe@exemple.org")
    d, _ = waitlist.register(event, name="Dan", contact="dan@exemple.org")
    waitlist.cancel(d)
    mail.outbox.clear()
    return a, b, c, d


def cancel_url(event):
    return reverse("events:cancel", args=[event.slug])


def restore_url(event):
    return reverse("events:restore", args=[event.slug])


def cancelled_emails():
    return sorted(m.to[0] for m in mail.outbox if m.subject.startswith("Annulé :"))


# --- who may ------------------------------------------------------------------------------


def as_role(client, role, group, event):
    user = event.created_by if role == "creator" else person(role, group)
    if user is not None:
        client.force_login(user)
    return client


def assert_refused(role, response):
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_only_the_organisers_cancel_an_event(
    client, group, role, django_capture_on_commit_callbacks
):
    event = EventFactory(groups=[group], created_by=person("resident", group))
    RegistrationFactory(event=event, contact="awa@exemple.org")
    as_role(client, role, group, event)

    with django_capture_on_commit_callbacks(execute=True):
        page = client.get(cancel_url(event))
        response = client.post(cancel_url(event), {"reason": REASON})

    event.refresh_from_db()
    if role in ORGANISERS:
        assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
        assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
        assert event.is_cancelled and event.cancellation_reason == REASON
        assert cancelled_emails() == ["awa@exemple.org"]
    else:
        assert_refused(role, page)
        assert_refused(role, response)
        assert not event.is_cancelled and event.cancellation_reason == ""
        assert mail.outbox == []


@pytest.mark.parametrize("role", ROLES)
def test_only_the_organisers_restore_an_event(client, group, role):
    event = EventFactory(groups=[group], created_by=person("resident", group))
    event.cancel(REASON)
    as_role(client, role, group, event)

    response = client.post(restore_url(event))

    event.refresh_from_db()
    if role in ORGANISERS:
        assert response.status_code == 302
        assert not event.is_cancelled
    else:
        assert_refused(role, response)
        assert event.is_cancelled


@pytest.mark.parametrize("role", ["anonymous", "resident", "other_member", "member", "partner"])
def test_the_cancel_and_restore_buttons_show_to_organisers_only(client, group, role):
    event = EventFactory(groups=[group])
    as_role(client, role, group, event)
    assert cancel_url(event) not in page_text(client.get(event.get_absolute_url()))
    event.cancel(REASON)
    assert restore_url(event) not in page_text(client.get(event.get_absolute_url()))


def test_the_organisers_see_the_cancel_then_the_restore_button(client, event, facilitator):
    client.force_login(facilitator)
    assert cancel_url(event) in page_text(client.get(event.get_absolute_url()))
    event.cancel(REASON)
    content = page_text(client.get(event.get_absolute_url()))
    assert restore_url(event) in content and cancel_url(event) not in content


def test_a_private_group_s_event_cannot_be_cancelled_by_outsiders(client):
    private = GroupFactory(is_public=False)
    event = EventFactory(groups=[private])
    client.force_login(person("other_facilitator", private))
    assert client.post(cancel_url(event), {"reason": REASON}).status_code == 404
    event.refresh_from_db()
    assert not event.is_cancelled


# --- the form -----------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   \n  ", "…"])
def test_a_reason_is_required_in_plain_french(client, event, facilitator, people, reason):
    client.force_login(facilitator)
    response = client.post(cancel_url(event), {"reason": reason})

    assert response.status_code == 200
    content = page_text(response)
    assert "pourquoi l'événement est annulé" in content
    event.refresh_from_db()
    assert not event.is_cancelled and mail.outbox == []


def test_a_too_long_reason_is_refused_and_kept_in_the_form(client, event, facilitator):
    client.force_login(facilitator)
    reason = "Trop long. " * 60
    response = client.post(cancel_url(event), {"reason": reason})

    content = page_text(response)
    assert "C'est trop long" in content
    assert reason.strip() in content
    event.refresh_from_db()
    assert not event.is_cancelled


def test_the_cancel_page_says_who_will_be_told(client, event, facilitator, people):
    client.force_login(facilitator)
    content = page_text(client.get(cancel_url(event)))
    assert "3 personnes sont inscrites ou en liste d'attente." in content
    assert "2 reçoivent votre message par e-mail." in content


def test_a_past_event_cannot_be_cancelled(client, group, facilitator):
    event = EventFactory(groups=[group], past=True)
    client.force_login(facilitator)
    response = client.post(cancel_url(event), {"reason": REASON}, follow=True)
    assert "L'événement est passé : il ne peut plus être annulé." in page_text(response)
    event.refresh_from_db()
    assert not event.is_cancelled


def test_personal_data_in_the_reason_is_masked_before_it_is_published(
    client, event, facilitator, people, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            cancel_url(event),
            {"reason": "Notre animatrice est malade, appelez-la au 06 12 34 56 78."},
            follow=True,
        )

    content = page_text(response)
    assert "06 12 34 56 78" not in content and "[téléphone masqué]" in content
    assert "Des données personnelles ont été masquées" in content
    assert all("06 12 34 56 78" not in m.body for m in mail.outbox)


# --- who is told ------------------------------------------------------------------------------


def test_everyone_registered_or_waiting_with_an_email_is_told_once_with_the_reason(
    client, event, facilitator, people, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(cancel_url(event), {"reason": REASON}, follow=True)
        # The same form sent again (a double tap on a slow phone).
        second = client.post(cancel_url(event), {"reason": REASON}, follow=True)

    assert cancelled_emails() == ["awa@exemple.org", "chloe@exemple.org"]
    assert len(mail.outbox) == 2
    message = next(m for m in mail.outbox if m.to == ["chloe@exemple.org"])
    assert message.subject == "Annulé : Forum du logement"
    assert REASON in message.body and "est annulé" in message.body
    assert "Vous étiez sur la liste d'attente." in message.body
    content = page_text(first)
    assert "L'événement est annulé." in content
    assert "2 personnes ont été prévenues par e-mail." in content
    assert "1 personne inscrite n'a pas laissé d'e-mail" in content
    assert "L'événement est déjà annulé." in page_text(second)
    # The registrations stay as they were, so that restoring puts everything back.
    statuses = list(event.registrations.order_by("pk").values_list("status", flat=True))
    assert statuses == ["inscrit", "inscrit", "attente", "annule"]


def test_cancelling_twice_in_code_tells_nobody_the_second_time(
    event, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        told = event.cancel(REASON)
        again = Event.objects.get(pk=event.pk).cancel("Autre raison")

    assert [r.name for r in told] == ["Awa", "Chloé"] and again is None
    assert len(mail.outbox) == 2
    event.refresh_from_db()
    assert event.cancellation_reason == REASON


def test_no_reminder_is_sent_for_a_cancelled_event(django_capture_on_commit_callbacks):
    now = timezone.make_aware(datetime.combine(timezone.localdate(), time(9)))
    tomorrow = now + timedelta(days=1)
    kept = EventFactory(title="Maintenu", starts_at=tomorrow)
    off = EventFactory(title="Annulé demain", starts_at=tomorrow)
    RegistrationFactory(event=kept, contact="maintenu@exemple.org")
    RegistrationFactory(event=off, contact="annule@exemple.org")
    off.cancel(REASON)

    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(now) == 1

    assert [m.to for m in mail.outbox] == [["maintenu@exemple.org"]]


# --- what people see ---------------------------------------------------------------------


def test_the_event_page_says_annule_with_the_reason_and_no_registration_form(client, event):
    event.cancel(REASON)
    response = client.get(event.get_absolute_url())

    content = page_text(response)
    assert "<title>Annulé : Forum du logement" in content
    assert 'class="annulation__titre">Annulé<' in content
    assert REASON in content
    assert reverse("events:register", args=[event.slug]) not in content
    assert "Je m'inscris" not in content


def test_registering_for_a_cancelled_event_is_refused_in_french(client, event):
    event.cancel(REASON)
    response = client.post(
        reverse("events:register", args=[event.slug]),
        {"name": "Awa", "contact": "awa@exemple.org"},
        follow=True,
    )

    assert "Cet événement est annulé : on ne peut plus s'y inscrire." in page_text(response)
    assert not Registration.objects.exists()


def test_a_registration_sent_as_the_event_is_cancelled_is_refused(event):
    Event.objects.get(pk=event.pk).cancel(REASON)  # by an organiser, meanwhile
    with pytest.raises(waitlist.EventCancelled):
        waitlist.register(event, name="Awa", contact="awa@exemple.org")
    assert not Registration.objects.exists()


def test_the_agenda_lists_a_cancelled_event_marked_annule_until_its_date(client, group):
    today = timezone.localdate()
    soon = EventFactory(
        title="Réunion annulée",
        starts_at=timezone.make_aware(datetime.combine(today + timedelta(days=3), time(18))),
    )
    soon.cancel(REASON)
    EventFactory(title="Réunion maintenue")

    content = page_text(client.get(reverse("events:agenda")))
    item = content[content.index("Réunion annulée") - 600 : content.index("Réunion annulée")]
    assert 'class="etiquette-annule">Annulé<' in item
    assert "(annulé)" in content
    assert content.count('class="etiquette-annule"') == 1

    soon.starts_at = timezone.now() - timedelta(days=2)
    soon.ends_at = soon.starts_at + timedelta(hours=2)
    soon.save()
    assert "Réunion annulée" not in page_text(client.get(reverse("events:agenda")))
    past = page_text(client.get(reverse("events:past")))
    assert "Réunion annulée" in past and 'class="etiquette-annule">Annulé<' in past


def test_the_registration_page_says_the_event_is_cancelled(client, event, people):
    event.cancel(REASON)
    awa = people[0]
    content = page_text(client.get(awa.get_absolute_url()))
    assert "Les organisateurs ont annulé cet événement." in content and REASON in content
    assert "Annuler mon inscription" not in content


def test_my_registrations_panel_says_the_event_is_cancelled(client, event):
    user = UserFactory()
    waitlist.register(event, name="Moi", user=user)
    event.cancel(REASON)
    client.force_login(user)
    content = page_text(client.get(reverse("accounts:espace")))
    assert "Les organisateurs ont annulé cet événement." in content


def test_the_calendars_carry_status_cancelled(client, event):
    event.cancel(REASON)

    (item,) = icalendar.Calendar.from_ical(
        client.get(reverse("events:ics", args=[event.slug])).content
    ).walk("VEVENT")
    assert str(item["STATUS"]) == "CANCELLED"
    assert str(item["SUMMARY"]) == "Annulé : Forum du logement"
    assert REASON in str(item["DESCRIPTION"])

    feed = icalendar.Calendar.from_ical(client.get(reverse("events:feed")).content)
    (listed,) = feed.walk("VEVENT")
    assert str(listed["STATUS"]) == "CANCELLED" and str(listed["UID"]) == str(item["UID"])

    event.restore()
    (back,) = icalendar.Calendar.from_ical(
        client.get(reverse("events:ics", args=[event.slug])).content
    ).walk("VEVENT")
    assert str(back["STATUS"]) == "CONFIRMED" and str(back["SUMMARY"]) == "Forum du logement"


def test_the_poster_of_a_cancelled_event_says_annule(client, event):
    event.cancel(REASON)
    text = pdf_text(client.get(reverse("events:poster", args=[event.slug])).content)
    assert "ANNULÉ" in text
    assert "La salle n'est plus disponible." in " ".join(text.split())


# --- restoring ------------------------------------------------------------------------------


def test_restoring_sends_no_email_and_asks_the_organiser_to_tell_people(
    client, event, facilitator, people, django_capture_on_commit_callbacks
):
    event.cancel(REASON)
    client.force_login(facilitator)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(restore_url(event), follow=True)
        again = client.post(restore_url(event), follow=True)

    assert mail.outbox == []
    content = page_text(response)
    assert "L'événement est rétabli" in content
    assert "prévenez vous-même les personnes inscrites" in content
    assert "L'événement n'était pas annulé." in page_text(again)
    event.refresh_from_db()
    assert not event.is_cancelled and event.cancellation_reason == ""
    assert 'class="annulation__titre"' not in page_text(client.get(event.get_absolute_url()))
    statuses = list(event.registrations.order_by("pk").values_list("status", flat=True))
    assert statuses == ["inscrit", "inscrit", "attente", "annule"]
    assert event.registration_is_open()


def test_while_cancelled_nobody_is_moved_up_from_the_waitlist(
    event, people, django_capture_on_commit_callbacks
):
    awa, _bilal, chloe, _dan = people
    event.cancel(REASON)
    with django_capture_on_commit_callbacks(execute=True):
        waitlist.cancel(awa)
    chloe.refresh_from_db()
    assert chloe.status == Registration.Status.WAITLIST
    assert not any("place s'est libérée" in m.subject for m in mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        event.restore()
    chloe.refresh_from_db()
    assert chloe.status == Registration.Status.CONFIRMED


def test_a_new_date_for_a_cancelled_event_emails_nobody(
    client, group, event, facilitator, people, django_capture_on_commit_callbacks
):
    event.cancel(REASON)
    mail.outbox.clear()
    client.force_login(facilitator)
    new_day = timezone.localdate() + timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:edit", args=[event.slug]),
            {
                "kind": event.kind,
                "title": event.title,
                "date": new_day.isoformat(),
                "start_time": "18:00",
                "end_time": "20:00",
                "place": event.place,
                "description": event.description,
                "capacity": "2",
                "groups": [group.pk],
                "is_public": "on",
            },
        )
    assert response.status_code == 302
    assert mail.outbox == []
    event.refresh_from_db()
    assert event.is_cancelled


@pytest.mark.django_db(transaction=True)
def test_two_organisers_cancelling_at_the_same_time_send_each_person_one_email():
    """Real concurrent transactions: on PostgreSQL the event row is locked, so one cancellation
    wins and the other finds the event already cancelled (SQLite serialises writers; its
    in-memory test database cannot be shared between threads, so it is skipped)."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need a database server (PostgreSQL)")
    event = EventFactory(capacity=5)
    for number in range(3):
        RegistrationFactory(event=event, contact=f"personne{number}@exemple.org")
    mail.outbox.clear()
    barrier = threading.Barrier(2)
    results, errors = [], []

    def one():
        try:
            barrier.wait()
            results.append(Event.objects.get(pk=event.pk).cancel(REASON))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(len(r) if r is not None else -1 for r in results) == [-1, 3]
    assert len(mail.outbox) == 3
