"""Factories of the agenda.

`EventFactory()` is a public event next week, 18 h – 20 h, without a group; `past=True` moves
it three weeks back. `RegistrationFactory(event=…)` is a confirmed place; registrations that
must respect the waitlist go through `portail.events.waitlist.register` instead.

`people_around(group)` gives one person per role of the permission matrices around `group`.
"""

from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from portail.events.models import Event, Registration
from tests.accounts.factories import UserFactory
from tests.groups.factories import GroupFactory, MembershipFactory

NAME_MARKER = "Zoé Inscrite-Témoin"
CONTACT_MARKER = "zoe.temoin@exemple.org"
PHONE_MARKER = "06 39 98 01 23"


def next_week(hour=18, minute=0):
    day = timezone.localdate() + timedelta(days=7)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    kind = Event.Kind.RESTITUTION
    title = factory.Sequence(lambda n: f"Restitution n° {n}")
    slug = factory.Sequence(lambda n: f"restitution-{n}")
    starts_at = factory.LazyFunction(next_week)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place = "Maison de quartier"
    address = "2 place du Marché"
    accessibility = "Salle de plain-pied."
    description = "On présente le travail du groupe et on joue au jeu de l'oie."
    capacity = 20

    class Params:
        past = factory.Trait(
            starts_at=factory.LazyFunction(lambda: next_week() - timedelta(days=28))
        )

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(extracted)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Personne inscrite {n}")
    contact = factory.Sequence(lambda n: f"inscrite{n}@exemple.org")
    status = Registration.Status.CONFIRMED


ROLES = [
    "anonymous",
    "resident",
    "member",
    "other_member",
    "facilitator",
    "other_facilitator",
    "moderator",
    "partner",
    "staff",
    "creator",
]
ORGANISERS = {"facilitator", "moderator", "staff", "creator"}


def person(role, group):
    """A user holding `role` with regard to `group` (None for anonymous). The creator is a plain
    resident who created the event (see `scene` in the tests)."""
    if role == "anonymous":
        return None
    if role == "moderator":
        return UserFactory(moderator=True)
    if role == "staff":
        return UserFactory(staff=True)
    if role == "partner":
        return UserFactory(partner=True)
    user = UserFactory()
    if role == "member":
        MembershipFactory(user=user, group=group)
    elif role == "facilitator":
        MembershipFactory(user=user, group=group, role="animateur")
    elif role == "other_member":
        MembershipFactory(user=user, group=GroupFactory())
    elif role == "other_facilitator":
        MembershipFactory(user=user, group=GroupFactory(), role="animateur")
    return user
