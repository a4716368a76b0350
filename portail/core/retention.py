"""How long the portal keeps what it records for security, and the job that forgets it.

django-axes writes every failed login (with the address and the name typed), every lockout and
every sign-in. They serve to block someone guessing a password, for minutes; after
LOGIN_ATTEMPTS_RETENTION_DAYS they are deleted. The periods are stated on the confidentiality
page (`retention_periods`), in words, from the same settings.

The background tasks' queue (django-tasks-db) keeps every e-mail it sent, with its address and
its text: a follow-up request's messages, a registration's name and link. Once sent (or given
up), a task is kept TASK_RESULTS_RETENTION_DAYS for the record, then deleted; otherwise those
copies would outlive the anonymisation of the requests they were about.
"""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.models import DBTaskResult

from portail.core import periodic


def purge_login_attempts(now):
    """Delete the login records older than the retention period; returns how many."""
    limit = now - timedelta(days=settings.LOGIN_ATTEMPTS_RETENTION_DAYS)
    deleted = 0
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        count, _by_model = model.objects.filter(attempt_time__lt=limit).delete()
        deleted += count
    return deleted


def purge_finished_tasks(now):
    """Delete the background tasks finished (sent or failed) before the retention period, with
    the e-mails they carried; tasks still waiting or running are never touched."""
    days = settings.TASK_RESULTS_RETENTION_DAYS
    finished = DBTaskResult.objects.finished().filter(finished_at__lt=now - timedelta(days=days))
    count, _by_model = finished.delete()
    return count


def duration_in_words(days):
    """« 12 mois », « 30 jours », « 3 ans »: what a reader understands at once."""
    if days % 365 == 0 and days >= 2 * 365:
        years = days // 365
        return ngettext("%(count)d an", "%(count)d ans", years) % {"count": years}
    if days % 365 == 0:
        months = days // 365 * 12
        return ngettext("%(count)d mois", "%(count)d mois", months) % {"count": months}
    if days % 30 == 0 and days >= 60:
        months = days // 30
        return ngettext("%(count)d mois", "%(count)d mois", months) % {"count": months}
    return ngettext("%(count)d jour", "%(count)d jours", days) % {"count": days}


def retention_periods():
    """The periods, in words, for the confidentiality page."""
    return {
        "login_attempts": duration_in_words(settings.LOGIN_ATTEMPTS_RETENTION_DAYS),
        "demandes": duration_in_words(settings.DEMANDES_RETENTION_DAYS),
        "task_results": duration_in_words(settings.TASK_RESULTS_RETENTION_DAYS),
        "registrations": duration_in_words(settings.EVENT_REGISTRATIONS_RETENTION_DAYS),
        "accounts": duration_in_words(settings.ACCOUNTS_INACTIVE_DAYS),
        "accounts_warning": duration_in_words(settings.ACCOUNTS_INACTIVE_WARNING_DAYS),
    }


def register_jobs():
    periodic.register(
        "connexions-anciennes",
        _("Effacer les essais de connexion anciens"),
        purge_login_attempts,
    )
    periodic.register(
        "taches-terminees",
        _("Effacer les e-mails envoyés depuis longtemps de la file des tâches"),
        purge_finished_tasks,
    )
