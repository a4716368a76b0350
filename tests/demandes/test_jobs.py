"""The periodic jobs, called with a fixed `now`: overdue requests reminded to whoever is in charge
(at most once every 15 days), and closed requests anonymised after the retention period —
nothing personal left, statistics unchanged."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import models
from django.utils import timezone

from portail.core import periodic
from portail.demandes import jobs
from portail.demandes.models import Demande, HistoryEntry, Note
from portail.demandes.views.team import dashboard_numbers
from tests.accounts.factories import UserFactory
from tests.demandes.factories import (
    ADDRESS_MARKER,
    EMAIL_MARKER,
    MESSAGE_MARKER,
    NAME_MARKER,
    NOTE_MARKER,
    PHONE_MARKER,
    SUMMARY_MARKER,
    DemandeFactory,
)
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.places.factories import QuartierFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(timezone.datetime(2026, 6, 15, 10, 0))


def waiting_since(days, **kwargs):
    at = NOW - timedelta(days=days)
    return DemandeFactory(created_at=at, last_activity_at=at, **kwargs)


def test_both_jobs_are_registered():
    keys = {job.key for job in periodic.jobs()}
    assert {"demandes-relances", "demandes-anonymisation"} <= keys


# --- Overdue ------------------------------------------------------------------------------------


def test_an_overdue_request_is_reminded_to_its_assignee_once(on_commit):
    group = GroupFactory()
    assignee = MembershipFactory(group=group).user
    MembershipFactory(group=group, role="animateur")
    demande = waiting_since(16, assigned=True, assigned_group=group, assignee=assignee)

    with on_commit(execute=True):
        assert jobs.remind_overdue(NOW) == 1
        assert jobs.remind_overdue(NOW + timedelta(days=1)) == 0

    assert [message.to for message in mail.outbox] == [[assignee.email]]
    body = mail.outbox[0].body
    assert f"/demandes/suivi/{demande.pk}/" in body
    for marker in (NAME_MARKER, EMAIL_MARKER, PHONE_MARKER, SUMMARY_MARKER):
        assert marker not in body
    demande.refresh_from_db()
    assert demande.last_reminded_at == NOW


def test_without_an_assignee_the_groups_facilitators_are_reminded(on_commit):
    group = GroupFactory()
    facilitators = {MembershipFactory(group=group, role="animateur").user.email for _ in "ab"}
    MembershipFactory(group=group)  # a plain member is not reminded
    waiting_since(20, assigned=True, assigned_group=group)

    with on_commit(execute=True):
        jobs.remind_overdue(NOW)

    assert {message.to[0] for message in mail.outbox} == facilitators


def test_a_new_request_nobody_took_is_reminded_to_the_moderators(on_commit):
    moderator = UserFactory(moderator=True)
    UserFactory()
    waiting_since(15)
    with on_commit(execute=True):
        jobs.remind_overdue(NOW)
    assert [message.to for message in mail.outbox] == [[moderator.email]]


def test_a_group_without_a_facilitator_falls_back_to_the_moderators_and_staff(on_commit):
    group = GroupFactory()
    MembershipFactory(group=group)  # a plain member is not reminded
    moderator, staff = UserFactory(moderator=True), UserFactory(staff=True)
    waiting_since(20, assigned=True, assigned_group=group)

    with on_commit(execute=True):
        assert jobs.remind_overdue(NOW) == 1

    assert {message.to[0] for message in mail.outbox} == {moderator.email, staff.email}


def test_two_runs_at_the_same_moment_send_one_reminder(on_commit, monkeypatch):
    waiting_since(16, assigned=True, assignee=UserFactory())
    # What a second worker read before the first one wrote.
    stale = list(Demande.objects.overdue(NOW, jobs.OVERDUE_DAYS))

    class Snapshot:
        def select_related(self, *fields):
            return stale

    with on_commit(execute=True):
        assert jobs.remind_overdue(NOW) == 1
        monkeypatch.setattr(Demande.objects, "overdue", lambda now, days: Snapshot())
        assert jobs.remind_overdue(NOW) == 0

    assert len(mail.outbox) == 1


def test_a_reminder_comes_back_15_days_later_if_still_nothing_happens(on_commit):
    waiting_since(16, assigned=True, assignee=UserFactory())
    with on_commit(execute=True):
        assert jobs.remind_overdue(NOW) == 1
        assert jobs.remind_overdue(NOW + timedelta(days=14)) == 0
        assert jobs.remind_overdue(NOW + timedelta(days=15)) == 1
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("days", "status", "reminded"),
    [
        (14, "attribuee", False),
        (15, "attribuee", True),
        (40, "en-cours", True),
        (40, "close", False),
    ],
)
def test_only_open_requests_without_action_for_15_days_are_reminded(days, status, reminded):
    waiting_since(days, status=status, assignee=UserFactory())
    assert jobs.remind_overdue(NOW) == int(reminded)


def test_an_action_puts_the_clock_back_to_zero():
    demande = waiting_since(30, assigned=True, assignee=UserFactory())
    demande.add_note(demande.assignee, "Appelée.")
    assert jobs.remind_overdue(timezone.now() + timedelta(days=14)) == 0
    assert jobs.remind_overdue(timezone.now() + timedelta(days=15, minutes=1)) == 1


# --- Retention ----------------------------------------------------------------------------------


def closed_since(days, **kwargs):
    closed_at = NOW - timedelta(days=days)
    return DemandeFactory(
        closed=True,
        created_at=closed_at - timedelta(days=20),
        first_action_at=closed_at - timedelta(days=18),
        closed_at=closed_at,
        with_note=True,
        **kwargs,
    )


def every_text(instance):
    return {
        field.name: getattr(instance, field.name)
        for field in instance._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | models.EmailField)
    }


PERSONAL = (
    NAME_MARKER,
    EMAIL_MARKER,
    PHONE_MARKER,
    ADDRESS_MARKER,
    SUMMARY_MARKER,
    NOTE_MARKER,
    MESSAGE_MARKER,
    "Bailleur des Tilleuls",
    "La réunion a eu lieu.",
)


def test_nothing_personal_is_left_after_the_retention_period(settings):
    settings.DEMANDES_RETENTION_DAYS = 365
    requester, member = UserFactory(), UserFactory()
    demande = closed_since(
        366,
        requester=requester,
        entered_by=member,
        place="Salle du centre social",
        wished_dates="un mardi",
    )
    demande.record(HistoryEntry.Action.ASSIGNED, by=member, details=f"Groupe — {NAME_MARKER}")
    token = demande.follow_token

    assert jobs.anonymise_closed(NOW) == 1

    demande.refresh_from_db()
    texts = every_text(demande)
    for name, value in texts.items():
        for marker in (*PERSONAL, "Salle du centre social", "un mardi"):
            assert marker not in (value or ""), name
    for name in Demande.TEXT_FIELDS_ERASED:
        assert texts[name] == "", name
    assert demande.requester is None and demande.entered_by is None
    assert demande.follow_token_hash is None and demande.submission_key is None
    assert demande.contact_consent is False
    assert Note.objects.filter(demande=demande).count() == 0
    for entry in demande.history.all():
        assert entry.actor is None and entry.details == ""
    assert Demande.from_token(token) is None


def test_statistics_are_the_same_before_and_after(settings):
    settings.DEMANDES_RETENTION_DAYS = 365
    quartier = QuartierFactory()
    closed_since(400, quartier=quartier, kind=Demande.Kind.ACCOMPANIMENT)
    closed_since(370, quartier=quartier, outcome=Demande.Outcome.DROPPED)
    closed_since(10, quartier=None)
    DemandeFactory(quartier=quartier)
    kept = (
        "kind",
        "status",
        "quartier_id",
        "created_at",
        "first_action_at",
        "closed_at",
        "outcome",
    )
    before_rows = list(Demande.objects.order_by("pk").values_list(*kept))
    before = dashboard_numbers(Demande.objects.all())
    statuses_before = list(HistoryEntry.objects.order_by("pk").values_list("status", "at"))

    assert jobs.anonymise_closed(NOW) == 2

    assert list(Demande.objects.order_by("pk").values_list(*kept)) == before_rows
    assert dashboard_numbers(Demande.objects.all()) == before
    statuses_after = list(
        HistoryEntry.objects.exclude(action=HistoryEntry.Action.ANONYMISED)
        .order_by("pk")
        .values_list("status", "at")
    )
    assert statuses_after == statuses_before


def test_the_retention_job_is_idempotent_and_spares_recent_or_open_requests(settings):
    settings.DEMANDES_RETENTION_DAYS = 30
    old = closed_since(31)
    recent = closed_since(29)
    still_open = waiting_since(400, assigned=True)

    assert jobs.anonymise_closed(NOW) == 1
    assert jobs.anonymise_closed(NOW) == 0

    old.refresh_from_db()
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert old.anonymised_at == NOW
    assert recent.contact_email == EMAIL_MARKER and recent.anonymised_at is None
    assert still_open.contact_email == EMAIL_MARKER
    assert old.history.filter(action=HistoryEntry.Action.ANONYMISED).count() == 1


def test_an_anonymised_request_shows_only_numbers_to_the_team(client, settings):
    settings.DEMANDES_RETENTION_DAYS = 30
    demande = closed_since(40)
    jobs.anonymise_closed(NOW)
    client.force_login(UserFactory(moderator=True))

    content = client.get(f"/demandes/suivi/{demande.pk}/").content.decode()

    assert "rendue anonyme" in content
    for marker in PERSONAL:
        assert marker not in content
    assert 'action="/demandes/suivi/' not in content  # no form left to write with
