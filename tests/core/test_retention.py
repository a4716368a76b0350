"""Login records (django-axes) are deleted after LOGIN_ATTEMPTS_RETENTION_DAYS by a periodic job,
and the confidentiality page states that period and the follow-up requests' one."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portail.core import periodic, retention
from tests.accounts.helpers import page_text

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(timezone.datetime(2026, 6, 15, 10, 0))


def login_records(days_ago):
    common = {
        "user_agent": "Mozilla",
        "ip_address": f"203.0.113.{days_ago}",
        "username": "nadia@exemple.org",
        "http_accept": "*/*",
        "path_info": "/compte/connexion/",
    }
    records = [
        AccessAttempt.objects.create(
            **common, get_data="", post_data="username=nadia", failures_since_start=3
        ),
        AccessFailureLog.objects.create(**common),
        AccessLog.objects.create(**common),
    ]
    at = NOW - timedelta(days=days_ago)
    for record in records:
        type(record).objects.filter(pk=record.pk).update(attempt_time=at)
    return records


def test_login_records_older_than_the_period_are_deleted_and_the_rest_kept(settings):
    settings.LOGIN_ATTEMPTS_RETENTION_DAYS = 30
    login_records(31)
    recent = login_records(29)

    assert retention.purge_login_attempts(NOW) == 3
    assert retention.purge_login_attempts(NOW) == 0

    for record in recent:
        assert type(record).objects.filter(pk=record.pk).exists()
    assert AccessAttempt.objects.count() == AccessFailureLog.objects.count() == 1
    assert AccessLog.objects.count() == 1


def test_the_purge_is_a_registered_periodic_job(settings):
    settings.LOGIN_ATTEMPTS_RETENTION_DAYS = 30
    login_records(40)
    assert "connexions-anciennes" in {job.key for job in periodic.jobs()}
    assert periodic.run_all(now=NOW, only={"connexions-anciennes"}) == {"connexions-anciennes": 3}


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (30, "30 jours"),
        (1, "1 jour"),
        (365, "12 mois"),
        (730, "2 ans"),
        (90, "3 mois"),
        (45, "45 jours"),
    ],
)
def test_periods_are_said_in_words(days, words):
    assert retention.duration_in_words(days) == words


def test_the_confidentiality_page_states_both_periods_from_the_settings(client, settings):
    settings.LOGIN_ATTEMPTS_RETENTION_DAYS = 14
    settings.DEMANDES_RETENTION_DAYS = 180
    content = " ".join(page_text(client.get(reverse("core:confidentialite"))).split())
    assert "effacés 6 mois après la fin de la demande" in content
    assert "Essais de connexion : ils sont effacés au bout de 14 jours." in " ".join(
        content.replace("<strong>", "").replace("</strong>", "").split()
    )


# --- The e-mails kept in the tasks' queue ---------------------------------------------------


def queued_email(status, finished_days_ago=None):
    finished_at = None if finished_days_ago is None else NOW - timedelta(days=finished_days_ago)
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={
            "args": [],
            "kwargs": {"body": "Bonjour Nadia Ferhat, appelez le 06 11 22 33 44", "to": ["n@x.fr"]},
        },
        task_path="portail.core.tasks.send_email",
        backend_name="default",
        run_after=NOW,
        finished_at=finished_at,
    )


def test_sent_and_failed_emails_leave_the_queue_after_the_period_waiting_ones_stay(settings):
    settings.TASK_RESULTS_RETENTION_DAYS = 14
    old_sent = queued_email(TaskResultStatus.SUCCESSFUL, 15)
    old_failed = queued_email(TaskResultStatus.FAILED, 30)
    recent = queued_email(TaskResultStatus.SUCCESSFUL, 13)
    waiting = queued_email(TaskResultStatus.READY)

    assert retention.purge_finished_tasks(NOW) == 2
    assert retention.purge_finished_tasks(NOW) == 0

    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert left == {recent.pk, waiting.pk}
    assert old_sent.pk not in left and old_failed.pk not in left


def test_the_queue_purge_is_a_registered_periodic_job():
    queued_email(TaskResultStatus.SUCCESSFUL, 400)
    assert periodic.run_all(now=NOW, only={"taches-terminees"}) == {"taches-terminees": 1}
