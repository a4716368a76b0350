"""The people of the permission matrices, around one group: anonymous, resident, member and
facilitator of the group, member and facilitator of another group, moderator, staff."""

from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.groups.factories import GroupFactory, MembershipFactory

ROLES = [
    "anonymous",
    "resident",
    "member",
    "other_member",
    "facilitator",
    "other_facilitator",
    "moderator",
    "staff",
]


def person(role, group):
    """A user holding `role` with regard to `group` (None for anonymous)."""
    if role == "anonymous":
        return None
    if role == "moderator":
        return UserFactory(moderator=True)
    if role == "staff":
        return UserFactory(staff=True)
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


def sign_in(client, role, group):
    user = person(role, group)
    if user is not None:
        client.force_login(user)
    return user


def assert_login_redirect(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
