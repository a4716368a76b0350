"""Where the groups room meets the agenda: the « Proposer un temps commun » link of a
partnership, and the upcoming common times (events of kind « inter-groupes ») of groups.

The agenda builds the form; until its page exists (or if it is removed), the link is simply not
offered rather than pointing to a missing page."""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from portail.events.models import Event


def common_time_url(*groups):
    """/agenda/nouveau/?type=inter-groupes&groupes=<slug1>,<slug2>, or None without agenda."""
    try:
        base = reverse("events:create")
    except NoReverseMatch:
        return None
    slugs = ",".join(group.slug for group in groups)
    return f"{base}?type={Event.Kind.INTERGROUP.value}&groupes={slugs}"


def event_url(event):
    try:
        return event.get_absolute_url()
    except NoReverseMatch:
        return None


def upcoming_common_times(user, groups, now=None, limit=20):
    """Upcoming inter-group events organised by at least one of `groups` that `user` may see,
    the soonest first, each with `.url` (None when the agenda has no page for it)."""
    now = now or timezone.now()
    events = list(
        Event.objects.visible_to(user)
        .filter(kind=Event.Kind.INTERGROUP, starts_at__gte=now, groups__in=list(groups))
        .filter(cancelled_at__isnull=True)
        .distinct()
        .order_by("starts_at", "id")
        .prefetch_related("groups")[:limit]
    )
    for event in events:
        event.url = event_url(event)
    return events
