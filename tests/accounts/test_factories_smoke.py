import pytest

from portail.accounts.roles import Role, roles_of
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("traits", "expected"),
    [
        ({}, {Role.RESIDENT}),
        ({"member": True}, {Role.RESIDENT, Role.GROUP_MEMBER}),
        ({"facilitator": True}, {Role.RESIDENT, Role.GROUP_MEMBER, Role.FACILITATOR}),
        ({"moderator": True}, {Role.RESIDENT, Role.MODERATOR}),
        ({"partner": True}, {Role.RESIDENT, Role.PARTNER}),
        ({"staff": True}, {Role.RESIDENT, Role.MODERATOR, Role.STAFF}),
        ({"unconfirmed": True}, set()),
    ],
)
def test_each_factory_trait_gives_exactly_its_roles(traits, expected):
    user = UserFactory(**traits)
    assert roles_of(user) == expected
