import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from portail.accounts.roles import (
    Role,
    has_role,
    is_facilitator_of,
    is_member_of,
    is_moderator,
    is_partner_of,
)
from portail.groups.models import Membership
from tests.accounts.factories import UserFactory
from tests.directory.factories import OrganisationFactory, OrganisationMemberFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db

ALL_ROLES = set(Role)


def _person(kind, group=None, organisation=None):
    """Build the person described by `kind`, in relation to `group` and `organisation`."""
    if kind == "anonymous":
        return AnonymousUser()
    if kind == "resident":
        return UserFactory()
    if kind == "member":
        return MembershipFactory(group=group).user
    if kind == "facilitator":
        return MembershipFactory(group=group, role=Membership.Role.FACILITATOR).user
    if kind == "member_elsewhere":
        return UserFactory(member=True)
    if kind == "facilitator_elsewhere":
        return UserFactory(facilitator=True)
    if kind == "inactive_member":
        return MembershipFactory(group=group, user=UserFactory(unconfirmed=True)).user
    if kind == "moderator":
        return UserFactory(moderator=True)
    if kind == "inactive_moderator":
        return UserFactory(moderator=True, is_active=False)
    if kind == "partner":
        return OrganisationMemberFactory(organisation=organisation).user
    if kind == "partner_elsewhere":
        return UserFactory(partner=True)
    if kind == "inactive_partner":
        return OrganisationMemberFactory(
            organisation=organisation, user=UserFactory(is_active=False)
        ).user
    if kind == "staff":
        return UserFactory(staff=True)
    raise ValueError(kind)


#: kind → (is_member_of, is_facilitator_of, is_partner_of, is_moderator)
MATRIX = {
    "anonymous": (False, False, False, False),
    "resident": (False, False, False, False),
    "member": (True, False, False, False),
    "facilitator": (True, True, False, False),
    "member_elsewhere": (False, False, False, False),
    "facilitator_elsewhere": (False, False, False, False),
    "inactive_member": (False, False, False, False),
    "moderator": (False, False, False, True),
    "inactive_moderator": (False, False, False, False),
    "partner": (False, False, True, False),
    "partner_elsewhere": (False, False, False, False),
    "inactive_partner": (False, False, False, False),
    "staff": (False, False, True, True),
}


@pytest.mark.parametrize(("kind", "expected"), MATRIX.items(), ids=list(MATRIX))
def test_role_helpers_answer_for_this_group_and_organisation(kind, expected):
    group = GroupFactory()
    organisation = OrganisationFactory()
    person = _person(kind, group=group, organisation=organisation)
    answers = (
        is_member_of(person, group),
        is_facilitator_of(person, group),
        is_partner_of(person, organisation),
        is_moderator(person),
    )
    assert answers == expected


#: factory traits → the roles they give
TRAIT_ROLES = [
    ({}, {Role.RESIDENT}),
    ({"member": True}, {Role.RESIDENT, Role.GROUP_MEMBER}),
    ({"facilitator": True}, {Role.RESIDENT, Role.GROUP_MEMBER, Role.FACILITATOR}),
    ({"moderator": True}, {Role.RESIDENT, Role.MODERATOR}),
    ({"partner": True}, {Role.RESIDENT, Role.PARTNER}),
    ({"staff": True}, {Role.RESIDENT, Role.MODERATOR, Role.STAFF}),
    ({"unconfirmed": True}, set()),
]


@pytest.mark.parametrize(("traits", "roles"), TRAIT_ROLES)
@pytest.mark.parametrize("role", list(Role))
def test_has_role_matches_the_traits(traits, roles, role):
    assert has_role(UserFactory(**traits), role) is (role in roles)


@pytest.mark.parametrize("role", list(Role))
def test_an_anonymous_visitor_has_no_role(role):
    assert not has_role(AnonymousUser(), role)


@pytest.mark.urls("tests.accounts.role_urls")
@pytest.mark.parametrize(("traits", "roles"), TRAIT_ROLES[:-1])
@pytest.mark.parametrize("role", list(Role))
def test_require_role_lets_in_only_people_with_the_role(client, traits, roles, role):
    client.force_login(UserFactory(**traits))
    response = client.get(f"/essai-role/{role.value}/")
    assert response.status_code == (200 if role in roles else 403)


@pytest.mark.urls("tests.accounts.role_urls")
@pytest.mark.parametrize("role", list(Role))
def test_require_role_sends_anonymous_visitors_to_login(client, role):
    url = f"/essai-role/{role.value}/"
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={url}"
