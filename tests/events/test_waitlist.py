"""The waitlist: whatever the sequence of registrations and cancellations, nobody has a place
beyond the capacity, the waitlist is first come first served, a cancellation gives its place to
the next person waiting, and nobody is lost. Property-tested on the pure rules, then on the
database functions against a simple model of what must happen."""

import threading
import uuid

import pytest
from django.core import mail
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portail.events import waitlist
from portail.events.models import Registration
from tests.events.factories import EventFactory

CONFIRMED, WAITLIST, CANCELLED = waitlist.CONFIRMED, waitlist.WAITLIST, waitlist.CANCELLED

capacities = st.one_of(st.none(), st.integers(min_value=1, max_value=6))
# ("register",) or ("cancel", index among the registrations made so far).
actions = st.lists(
    st.one_of(
        st.just(("register", 0)),
        st.tuples(st.just("cancel"), st.integers(min_value=0, max_value=30)),
    ),
    max_size=25,
)


class Reference:
    """What must happen, written as plainly as possible: a list of places and a queue."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.confirmed, self.queue, self.cancelled = [], [], []

    def register(self, person):
        if self.capacity is None or (len(self.confirmed) < self.capacity and not self.queue):
            self.confirmed.append(person)
        else:
            self.queue.append(person)

    def cancel(self, person):
        for line in (self.confirmed, self.queue):
            if person in line:
                line.remove(person)
                self.cancelled.append(person)
        while self.queue and (self.capacity is None or len(self.confirmed) < self.capacity):
            self.confirmed.append(self.queue.pop(0))


# --- the pure rules ------------------------------------------------------------------------


@given(capacities, st.integers(min_value=0, max_value=10), st.integers(min_value=0, max_value=5))
def test_a_newcomer_gets_a_place_only_when_one_is_free_and_nobody_waits(
    capacity, confirmed, waiting
):
    status = waitlist.status_for_new(capacity, confirmed, waiting)
    if capacity is None or (confirmed < capacity and waiting == 0):
        assert status == CONFIRMED
    else:
        assert status == WAITLIST


@given(capacities, st.integers(min_value=0, max_value=10), st.lists(st.integers(), max_size=10))
def test_the_first_people_waiting_get_the_free_places_in_order(capacity, confirmed, waiting):
    promoted = waitlist.to_promote(capacity, confirmed, waiting)
    assert promoted == waiting[: len(promoted)]
    if capacity is None:
        assert promoted == waiting
    else:
        assert confirmed + len(promoted) <= max(capacity, confirmed)
        assert len(promoted) == min(len(waiting), max(capacity - confirmed, 0))


@given(capacities, actions)
def test_the_rules_keep_capacity_order_and_everyone(capacity, steps):
    """The reference model, driven only by the two pure rules, stays consistent."""
    confirmed, queue, cancelled, made = [], [], [], 0
    for action, index in steps:
        if action == "register":
            status = waitlist.status_for_new(capacity, len(confirmed), len(queue))
            (confirmed if status == CONFIRMED else queue).append(made)
            made += 1
        elif made:
            person = index % made
            for line in (confirmed, queue):
                if person in line:
                    line.remove(person)
                    cancelled.append(person)
            promoted = waitlist.to_promote(capacity, len(confirmed), queue)
            queue = queue[len(promoted) :]
            confirmed.extend(promoted)
        if capacity is not None:
            assert len(confirmed) <= capacity
            assert not queue or len(confirmed) == capacity
        assert queue == sorted(queue)
        assert sorted(confirmed + queue + cancelled) == list(range(made))


# --- the database ---------------------------------------------------------------------------


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(capacity=capacities, steps=actions)
def test_any_sequence_of_registrations_and_cancellations_on_the_database(capacity, steps):
    # Each example has its own event: the examples share the test's transaction.
    event = EventFactory(capacity=capacity, slug=f"propriete-{uuid.uuid4().hex}")
    reference = Reference(capacity)
    made = []
    for action, index in steps:
        if action == "register":
            registration, created = waitlist.register(event, name=f"Personne {len(made)}")
            assert created
            made.append(registration)
            reference.register(registration.pk)
        elif made:
            registration = made[index % len(made)]
            waitlist.cancel(registration)
            reference.cancel(registration.pk)

        rows = list(event.registrations.order_by("pk"))
        confirmed = [r.pk for r in rows if r.status == CONFIRMED]
        queue = [r.pk for r in rows if r.status == WAITLIST]
        cancelled = [r.pk for r in rows if r.status == CANCELLED]
        if capacity is not None:
            assert len(confirmed) <= capacity
        assert sorted(confirmed) == sorted(reference.confirmed)
        assert queue == reference.queue  # first come, first served
        assert sorted(cancelled) == sorted(reference.cancelled)
        assert len(rows) == len(made)  # nobody lost
        for position, pk in enumerate(queue, start=1):
            assert Registration.objects.get(pk=pk).waitlist_position() == position


@pytest.mark.django_db
def test_cancelling_twice_promotes_only_once():
    event = EventFactory(capacity=1)
    first, _ = waitlist.register(event, name="A")
    second, _ = waitlist.register(event, name="B")
    waitlist.register(event, name="C")

    assert waitlist.cancel(first) == [second]
    assert waitlist.cancel(first) == []

    statuses = dict(event.registrations.values_list("name", "status"))
    assert statuses == {"A": CANCELLED, "B": CONFIRMED, "C": WAITLIST}


@pytest.mark.django_db
def test_more_places_go_to_the_people_waiting_in_order(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    waitlist.register(event, name="A")
    b, _ = waitlist.register(event, name="B", contact="b@exemple.org")
    c, _ = waitlist.register(event, name="C", contact="c@exemple.org")
    d, _ = waitlist.register(event, name="D")
    event.capacity = 3
    event.save()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = waitlist.fill_places(event)

    assert promoted == [b, c]
    assert sorted(m.to[0] for m in mail.outbox) == ["b@exemple.org", "c@exemple.org"]
    d.refresh_from_db()
    assert d.status == WAITLIST and d.waitlist_position() == 1


@pytest.mark.django_db(transaction=True)
def test_people_registering_at_the_same_time_never_share_the_last_places():
    """Real concurrent transactions: on PostgreSQL the event row is locked; SQLite serialises
    writers (its in-memory test database cannot be shared between threads, so it is skipped)."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need a database server (PostgreSQL)")
    event = EventFactory(capacity=3)
    barrier = threading.Barrier(8)
    errors = []

    def one(number):
        try:
            barrier.wait()
            waitlist.register(event, name=f"Personne {number}")
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    statuses = list(event.registrations.values_list("status", flat=True))
    assert statuses.count(CONFIRMED) == 3
    assert statuses.count(WAITLIST) == 5


@pytest.mark.django_db
def test_once_the_event_is_over_a_cancellation_moves_nobody_up(
    django_capture_on_commit_callbacks,
):
    """An organiser tidying the list after the meeting must not send « une place s'est
    libérée » for an evening that is over."""
    event = EventFactory(capacity=1, past=True)
    came = Registration.objects.create(event=event, name="A", status=CONFIRMED)
    waiting = Registration.objects.create(
        event=event, name="B", contact="b@exemple.org", status=WAITLIST
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert waitlist.cancel(came) == []
        event.capacity = None
        event.save()
        assert waitlist.fill_places(event) == []

    waiting.refresh_from_db()
    assert waiting.status == WAITLIST and waiting.promoted_at is None
    assert mail.outbox == []
