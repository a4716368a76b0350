"""The names and contacts of an event's registrations are erased EVENT_REGISTRATIONS_RETENTION_DAYS
after the event (90 days by default, stated on the confidentiality page). What stays: the number
of places taken, who was on the waitlist or cancelled, the attendance, and the link to an account
when the person registered while signed in (their own savoir-faire portfolio counts the events
they attended; deleting the account removes that link). The private link stops working.
A periodic job (portail.core.periodic), idempotent: an erased registration has no contact and
the erased name."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db.models import Q

from portail.events.models import Registration

ERASED_NAME = "(effacé)"


def forget_registrations(now):
    limit = now - timedelta(days=settings.EVENT_REGISTRATIONS_RETENTION_DAYS)
    old = (
        Registration.objects.filter(
            Q(event__ends_at__lt=limit) | Q(event__ends_at__isnull=True, event__starts_at__lt=limit)
        )
        .exclude(name=ERASED_NAME, contact="", link_token_hash="")
        .only("pk")
    )
    erased = 0
    for registration in old:
        # A new random key: the token of the old private link no longer leads anywhere.
        Registration.objects.filter(pk=registration.pk).update(
            name=ERASED_NAME, contact="", link_token_hash="", submission_key=uuid.uuid4().hex
        )
        erased += 1
    return erased
