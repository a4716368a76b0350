"""Places and the waitlist of an event.

The rules are two pure functions on numbers and lists, `status_for_new` and `to_promote`,
property-tested with hypothesis. `register`, `cancel` and `fill_places` apply them to the
database inside one transaction that first locks the event's row (SELECT … FOR UPDATE on
PostgreSQL; SQLite takes its write lock when the transaction begins, see DATABASES in settings):
two people registering at once never take the same last place, and a cancellation gives the
place to exactly the next person waiting.

The waitlist is first come, first served: by order of registration (the row's id), until the
event is over (a late cancellation then moves nobody up). Nobody ever loses a place: a confirmed
registration only ends when its person (or an organiser) cancels it, and the number of places
cannot go below the people already registered (see the event form). While the event is
cancelled, nobody registers and nobody is moved up (see `Event.cancel`).
"""

from django.db import transaction
from django.utils import timezone

from portail.events import notifications
from portail.events.models import Event, Registration

CONFIRMED = Registration.Status.CONFIRMED
WAITLIST = Registration.Status.WAITLIST
CANCELLED = Registration.Status.CANCELLED


# --- the rules ------------------------------------------------------------------------------


def status_for_new(capacity, confirmed, waiting):
    """A newcomer gets a place when one is free and nobody is waiting before them."""
    if capacity is None:
        return CONFIRMED
    if waiting == 0 and confirmed < capacity:
        return CONFIRMED
    return WAITLIST


def to_promote(capacity, confirmed, waiting):
    """Who among `waiting` (in order) gets one of the free places: the first ones."""
    waiting = list(waiting)
    if capacity is None:
        return waiting
    return waiting[: max(capacity - confirmed, 0)]


# --- applied to the database ----------------------------------------------------------------


class EventCancelled(Exception):
    """Registering for an event its organisers cancelled."""


def _lock(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def _fill(event, now):
    # Once the event is over, a freed place helps nobody: nobody is moved up, and nobody gets
    # « une place s'est libérée » for a meeting that has already taken place — nor for a
    # cancelled one.
    if event.is_past(now) or event.is_cancelled:
        return []
    confirmed = event.registrations.filter(status=CONFIRMED).count()
    waiting = event.registrations.filter(status=WAITLIST).order_by("pk")
    promoted = to_promote(event.capacity, confirmed, waiting)
    for registration in promoted:
        registration.status = CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        notifications.promoted(registration)
    return promoted


def register(event, *, name, contact="", user=None, submission_key="", now=None):
    """Register one person. Returns (registration, created): the same form sent twice (same
    submission key) gives back the first registration. Raises EventCancelled when the event
    was cancelled, even a moment before (the event's row is read under its lock)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(event)
        if submission_key:
            existing = locked.registrations.filter(submission_key=submission_key).first()
            if existing is not None:
                return existing, False
        if locked.is_cancelled:
            raise EventCancelled
        _fill(locked, now)
        confirmed = locked.registrations.filter(status=CONFIRMED).count()
        waiting = locked.registrations.filter(status=WAITLIST).count()
        registration = Registration.objects.create(
            event=locked,
            name=name,
            contact=contact,
            user=user,
            status=status_for_new(locked.capacity, confirmed, waiting),
            submission_key=submission_key,
        )
        notifications.registered(registration)
    return registration, True


def cancel(registration, now=None):
    """Cancel one registration and give its place to the next person waiting. Returns the
    registrations that got a place (each is told by e-mail when it has an address)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock(registration.event)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == CANCELLED:
            promoted = []
        else:
            current.status = CANCELLED
            current.cancelled_at = now
            current.save(update_fields=["status", "cancelled_at"])
            promoted = _fill(locked, now)
    registration.status, registration.cancelled_at = current.status, current.cancelled_at
    return promoted


def fill_places(event, now=None):
    """After the number of places grew: the people waiting get the new places."""
    with transaction.atomic():
        return _fill(_lock(event), now or timezone.now())
