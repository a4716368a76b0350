"""Information not confirmed for 12 months is flagged, and the organisation's partner accounts
are asked to confirm it: once, then again every 30 days at most, until they do."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portail.core import periodic
from portail.directory.models import Organisation, stale_cutoff
from portail.directory.reminders import ask_for_confirmation
from tests.accounts.factories import UserFactory
from tests.directory.factories import OrganisationFactory, OrganisationMemberFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 10, 0, tzinfo=datetime.UTC)
STALE_FLAG = "Information vérifiée il y a plus d'un an : appelez avant de vous déplacer."
NEVER_FLAG = "Information pas encore vérifiée : appelez avant de vous déplacer."


@pytest.fixture
def ask(django_capture_on_commit_callbacks):
    """The job, with the e-mails it queues sent (tests run inside a transaction)."""

    def run(now):
        with django_capture_on_commit_callbacks(execute=True):
            return ask_for_confirmation(now)

    return run


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("today", "checked_on", "stale"),
    [
        (datetime.date(2026, 6, 1), datetime.date(2025, 6, 1), True),
        (datetime.date(2026, 6, 1), datetime.date(2025, 6, 2), False),
        (datetime.date(2028, 2, 29), datetime.date(2027, 2, 28), True),
        (datetime.date(2028, 2, 29), datetime.date(2027, 3, 1), False),
        (datetime.date(2026, 6, 1), None, True),
    ],
)
def test_information_is_stale_after_twelve_months_or_when_never_checked(today, checked_on, stale):
    organisation = OrganisationFactory(last_checked_on=checked_on)

    assert organisation.is_stale(today) is stale
    assert Organisation.objects.stale(today).filter(pk=organisation.pk).exists() is stale


def test_the_cutoff_of_29_february_is_28_february():
    assert stale_cutoff(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


def test_a_stale_organisation_is_flagged_on_its_page_and_in_the_list(client):
    old = OrganisationFactory(name="Ancienne", last_checked_on=days_ago(400))
    OrganisationFactory(name="Fraîche", last_checked_on=days_ago(10))

    page = client.get(old.get_absolute_url()).text
    listing = client.get(reverse("directory:list")).text

    assert STALE_FLAG in page
    assert listing.count(STALE_FLAG) == 1


def test_a_recently_checked_organisation_is_not_flagged(client):
    fresh = OrganisationFactory(last_checked_on=days_ago(10))

    page = client.get(fresh.get_absolute_url()).text

    assert "appelez avant de vous déplacer." not in page
    assert "Informations vérifiées le" in page


def test_an_organisation_never_checked_says_so(client):
    never = OrganisationFactory()

    assert NEVER_FLAG in client.get(never.get_absolute_url()).text


def test_the_job_asks_each_partner_of_a_stale_organisation_once(settings, ask):
    settings.SITE_URL = "https://droits.example.org"
    organisation = OrganisationFactory(
        name="ASIM", slug="asim", last_checked_on=datetime.date(2025, 5, 1)
    )
    OrganisationMemberFactory(organisation=organisation, user__email="a@exemple.org")
    OrganisationMemberFactory(organisation=organisation, user__email="b@exemple.org")
    OrganisationMemberFactory(
        organisation=organisation, user=UserFactory(email="parti@exemple.org", is_active=False)
    )

    assert ask(NOW) == 1

    assert sorted(message.to[0] for message in mail.outbox) == ["a@exemple.org", "b@exemple.org"]
    assert all(len(message.to) == 1 for message in mail.outbox)
    message = mail.outbox[0]
    assert message.subject == "ASIM : vos informations sur le portail sont-elles à jour ?"
    assert "https://droits.example.org/reseau/asim/confirmer/" in message.body
    assert "https://droits.example.org/reseau/asim/modifier/" in message.body
    assert "le 1 mai 2025" in message.body
    assert "&#x27;" not in message.body
    organisation.refresh_from_db()
    assert organisation.confirmation_requested_at == NOW


def test_the_job_is_idempotent_and_asks_again_after_thirty_days(ask):
    organisation = OrganisationFactory(last_checked_on=datetime.date(2025, 5, 1))
    OrganisationMemberFactory(organisation=organisation)

    assert ask(NOW) == 1
    assert ask(NOW) == 0
    assert ask(NOW + datetime.timedelta(days=29)) == 0
    assert len(mail.outbox) == 1

    assert ask(NOW + datetime.timedelta(days=30)) == 1
    assert len(mail.outbox) == 2


def test_the_job_leaves_alone_fresh_organisations_and_those_without_partners(ask):
    fresh = OrganisationFactory(last_checked_on=datetime.date(2026, 1, 1))
    OrganisationMemberFactory(organisation=fresh)
    OrganisationFactory(last_checked_on=datetime.date(2020, 1, 1))

    assert ask(NOW) == 0
    assert mail.outbox == []


def test_confirming_ends_the_reminders_until_the_next_year(ask):
    organisation = OrganisationFactory(slug="asim", last_checked_on=datetime.date(2025, 5, 1))
    partner = OrganisationMemberFactory(organisation=organisation).user
    assert ask(NOW) == 1

    organisation.refresh_from_db()
    organisation.mark_checked(by=partner, today=datetime.date(2026, 6, 2))
    organisation.save()

    assert ask(NOW + datetime.timedelta(days=60)) == 0
    next_year = datetime.datetime(2027, 6, 2, 10, 0, tzinfo=datetime.UTC)
    assert ask(next_year) == 1


def test_the_job_is_registered_with_the_periodic_jobs():
    organisation = OrganisationFactory()
    OrganisationMemberFactory(organisation=organisation)

    assert "directory-confirmation" in [job.key for job in periodic.jobs()]
    assert periodic.run_all(now=NOW, only=["directory-confirmation"]) == {
        "directory-confirmation": 1
    }
