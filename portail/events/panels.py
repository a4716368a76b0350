"""The agenda's blocks on other pages (see portail.core.panels): a group's upcoming events on
its page, and in Mon espace the person's registrations and the events they organise."""

from datetime import timedelta

from django.utils import timezone

from portail.accounts.roles import is_facilitator_of
from portail.events.models import Event, Registration
from portail.events.permissions import can_create_events

GROUP_EVENTS = 5
ESPACE_EVENTS = 10


def group_panel(request, group):
    events = list(
        Event.objects.visible_to(request.user)
        .filter(groups=group)
        .upcoming()
        .for_list()[:GROUP_EVENTS]
    )
    can_propose = is_facilitator_of(request.user, group)
    if not events and not can_propose:
        return None
    return {"events": events, "can_propose": can_propose, "feed": group.is_public}


def my_registrations(request):
    if not request.user.is_authenticated:
        return None
    now = timezone.now()
    registrations = list(
        Registration.objects.filter(user=request.user, event__starts_at__gte=now)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at", "pk")[:ESPACE_EVENTS]
    )
    if not registrations:
        return None
    return {"registrations": registrations}


def my_events(request):
    if not can_create_events(request.user):
        return None
    now = timezone.now()
    recent = now - timedelta(days=30)
    events = list(
        Event.objects.organised_by(request.user)
        .filter(starts_at__gte=recent)
        .order_by("starts_at", "id")[:ESPACE_EVENTS]
    )
    return {"events": events, "now": now}
