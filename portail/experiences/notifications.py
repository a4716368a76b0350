"""E-mails about attestations: a request waits for the group's facilitators, and the person
learns the answer. Links are built from SITE_URL (the worker has no request)."""

from django.conf import settings
from django.urls import reverse

from portail.core.tasks import send_templated_email
from portail.groups.models import Membership


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


def notify_requested(attestation):
    """One e-mail per facilitator of the group (never to the person asking). Returns how many."""
    facilitators = (
        Membership.objects.filter(
            group=attestation.group, role=Membership.Role.FACILITATOR, user__is_active=True
        )
        .exclude(user=attestation.user)
        .select_related("user")
    )
    context = {
        "attestation": attestation,
        "group": attestation.group,
        "person": attestation.user.public_name,
        "url": _absolute(reverse("experiences:attestation", args=[attestation.pk])),
        "site_name": settings.SITE_NAME,
    }
    count = 0
    for membership in facilitators:
        send_templated_email(
            "experiences/email/attestation_demandee", context, membership.user.email
        )
        count += 1
    return count


def notify_answered(attestation):
    send_templated_email(
        "experiences/email/attestation_reponse",
        {
            "attestation": attestation,
            "group": attestation.group,
            "url": _absolute(reverse("experiences:my_portfolio")),
            "site_name": settings.SITE_NAME,
        },
        attestation.user.email,
    )
