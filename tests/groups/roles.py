"""One person of each kind the permission matrices need, relative to a group."""

from tests.accounts.factories import UserFactory
from tests.groups.factories import MembershipFactory

KINDS = [
    "anonymous",
    "resident",
    "member",
    "member_elsewhere",
    "facilitator_elsewhere",
    "facilitator",
    "moderator",
    "partner",
    "staff",
]


def person(kind, group):
    if kind == "anonymous":
        return None
    if kind == "member":
        return MembershipFactory(group=group, role="membre").user
    if kind == "facilitator":
        return MembershipFactory(group=group, role="animateur").user
    if kind == "member_elsewhere":
        return UserFactory(member=True)
    if kind == "facilitator_elsewhere":
        return UserFactory(facilitator=True)
    return UserFactory(
        **{
            "resident": {},
            "moderator": {"moderator": True},
            "partner": {"partner": True},
            "staff": {"staff": True},
        }[kind]
    )


def sign_in(client, kind, group):
    user = person(kind, group)
    if user:
        client.force_login(user)
    return user
