"""The e-mails of a request: to the requester at each step (received, assigned, in progress,
closed, a message from the group), each with their private follow-up link; to the team when a
request waits too long.

Only people who left an e-mail are written to. The link is rebuilt from the request's key with
the site's secret (see `link_token`): the database alone cannot open it. The links are built from
SITE_URL: the e-mail is written for the background worker, which has no request to read a host
from.
"""

from django.conf import settings
from django.urls import reverse

from portail.core.tasks import send_templated_email

RECEIVED = "recue"
ASSIGNED = "attribuee"
STARTED = "en_cours"
CLOSED = "close"
MESSAGE = "message"
STEPS = (RECEIVED, ASSIGNED, STARTED, CLOSED, MESSAGE)


def follow_url(demande):
    token = demande.follow_token
    return f"{settings.SITE_URL}{reverse('demandes:follow', args=[token])}" if token else ""


def notify_requester(demande, step, **extra):
    """Tell the requester what happened; returns how many e-mails were queued (0 or 1)."""
    if step not in STEPS:
        raise ValueError(step)
    if not demande.contact_email or demande.anonymised_at:
        return 0
    send_templated_email(
        f"demandes/email/{step}",
        {
            "demande": demande,
            "follow_url": follow_url(demande),
            "site_name": settings.SITE_NAME,
            "contact_email": settings.CONTACT_EMAIL,
            **extra,
        },
        to=demande.contact_email,
    )
    return 1


def remind_team(demande, recipients, days):
    """A request nobody has touched for `days`: one e-mail per person, with the team page."""
    for user in recipients:
        send_templated_email(
            "demandes/email/relance",
            {
                "demande": demande,
                "days": days,
                "team_url": f"{settings.SITE_URL}{demande.get_team_url()}",
                "site_name": settings.SITE_NAME,
            },
            to=user.email,
        )
    return len(recipients)
