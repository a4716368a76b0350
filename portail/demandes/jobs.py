"""The periodic jobs of the requests (registered in DemandesConfig.ready, run by
`manage.py run_periodic`): remind the team of requests left waiting, and anonymise closed
requests once the retention period is over. Both look at the data, so running them twice or
late changes nothing."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from portail.demandes import notifications
from portail.demandes.models import Demande

OVERDUE_DAYS = 15


def _moderators():
    """Moderators and staff (who moderate too, see portail.accounts.roles.is_moderator)."""
    return list(
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_moderator=True) | Q(is_staff=True))
    )


def reminder_recipients(demande):
    """The assignee; without one, the assigned group's facilitators; without either (no group,
    or a group left without a facilitator), the moderators: someone must notice a request
    nobody is looking after."""
    if demande.assignee and demande.assignee.is_active:
        return [demande.assignee]
    if demande.assigned_group_id:
        facilitators = list(
            get_user_model().objects.filter(
                is_active=True,
                memberships__group_id=demande.assigned_group_id,
                memberships__role="animateur",
            )
        )
        if facilitators:
            return facilitators
    return _moderators()


def remind_overdue(now):
    """Requests with no action for OVERDUE_DAYS, reminded at most once every OVERDUE_DAYS."""
    reminded = 0
    overdue = Demande.objects.overdue(now, OVERDUE_DAYS).select_related("assignee")
    for demande in overdue:
        with transaction.atomic():
            # Claimed first: a second run at the same moment (two workers, a cron running
            # late) finds the request already reminded and sends nothing.
            claimed = Demande.objects.filter(
                pk=demande.pk, last_reminded_at=demande.last_reminded_at
            ).update(last_reminded_at=now)
            if not claimed:
                continue
            notifications.remind_team(demande, reminder_recipients(demande), OVERDUE_DAYS)
        reminded += 1
    return reminded


def anonymise_closed(now):
    """Closed for longer than DEMANDES_RETENTION_DAYS: contact details and texts erased."""
    done = 0
    due = Demande.objects.due_for_anonymisation(now, settings.DEMANDES_RETENTION_DAYS)
    for demande in due:
        with transaction.atomic():
            demande.anonymise(now)
        done += 1
    return done
