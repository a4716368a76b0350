"""Accounts unused for years are warned, then deleted, as the confidentiality page says."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from portail.accounts.inactivity import forget_inactive_accounts
from portail.accounts.models import User
from portail.questions.models import Question
from tests.accounts.factories import UserFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

DAYS = 3 * 365
WARNING = 30


@pytest.fixture(autouse=True)
def periods(settings):
    settings.ACCOUNTS_INACTIVE_DAYS = DAYS
    settings.ACCOUNTS_INACTIVE_WARNING_DAYS = WARNING


def last_seen(days_ago, **traits):
    return UserFactory(last_login=timezone.now() - timedelta(days=days_ago), **traits)


def test_an_account_close_to_the_limit_is_warned_once_by_email(send_mails):
    now = timezone.now()
    user = last_seen(DAYS - WARNING + 1)

    with send_mails():
        assert forget_inactive_accounts(now) == 1
        assert forget_inactive_accounts(now) == 0

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "va être supprimé" in mail.outbox[0].subject
    assert "/compte/connexion/" in mail.outbox[0].body
    user.refresh_from_db()
    assert user.inactivity_warned_at == now


def test_a_warned_account_still_unused_after_the_delay_is_deleted_its_questions_stay():
    now = timezone.now()
    user = last_seen(DAYS + 1)
    question = QuestionFactory(author=user)
    forget_inactive_accounts(now - timedelta(days=WARNING))

    assert forget_inactive_accounts(now) == 1

    assert not User.objects.filter(pk=user.pk).exists()
    assert Question.objects.get(pk=question.pk).author is None


def test_an_account_is_never_deleted_without_a_warning_first(send_mails):
    now = timezone.now()
    user = last_seen(DAYS + 400)

    with send_mails():
        forget_inactive_accounts(now)

    assert User.objects.filter(pk=user.pk).exists()
    assert len(mail.outbox) == 1


def test_signing_in_again_keeps_the_account(client):
    now = timezone.now()
    user = last_seen(DAYS + 1)
    forget_inactive_accounts(now - timedelta(days=WARNING))
    client.force_login(user)
    user.refresh_from_db()
    assert user.inactivity_warned_at is None

    forget_inactive_accounts(now)

    assert User.objects.filter(pk=user.pk).exists()


def test_active_and_staff_accounts_are_left_alone(send_mails):
    now = timezone.now()
    active = last_seen(10)
    never_signed_in_recently_created = UserFactory(last_login=None)
    staff = last_seen(DAYS + 400, staff=True)

    with send_mails():
        for _ in range(2):
            forget_inactive_accounts(now)
            now += timedelta(days=WARNING + 1)

    assert (
        User.objects.filter(
            pk__in=[active.pk, never_signed_in_recently_created.pk, staff.pk]
        ).count()
        == 3
    )
    assert mail.outbox == []
