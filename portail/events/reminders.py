"""The reminder the day before an event, a periodic job (see portail.core.periodic).

From 8 a.m. (local time) on the day before, every confirmed registration with an e-mail address
gets one reminder — none for an event its organisers cancelled (they got the cancellation
e-mail instead). `reminded_at` makes the job idempotent: run twice, late or by two workers at
once, each person gets one e-mail."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from portail.events import notifications
from portail.events.models import Registration

REMINDER_HOUR = 8


def send_reminders(now):
    local = timezone.localtime(now)
    if local.hour < REMINDER_HOUR:
        return 0
    tomorrow = local.date() + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(tomorrow, time.min))
    end = timezone.make_aware(datetime.combine(tomorrow + timedelta(days=1), time.min))
    due = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        contact__contains="@",
        event__starts_at__gte=start,
        event__starts_at__lt=end,
        event__cancelled_at__isnull=True,
    ).select_related("event")
    sent = 0
    for registration in due:
        with transaction.atomic():
            # Claimed first, so that a second run at the same time finds nothing to send.
            claimed = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed and notifications.reminder(registration):
                sent += 1
    return sent
