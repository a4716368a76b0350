import pytest
from django.urls import reverse

from portail.groups.models import Membership
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text, section_ids
from tests.directory.factories import OrganisationMemberFactory
from tests.groups.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ESPACE = reverse("accounts:espace")


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(ESPACE)
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={ESPACE}"


@pytest.mark.parametrize(
    ("traits", "sections"),
    [
        ({}, {"role-habitant"}),
        ({"member": True}, {"role-habitant", "role-membre"}),
        ({"facilitator": True}, {"role-habitant", "role-membre", "role-animateur"}),
        ({"moderator": True}, {"role-habitant", "role-moderateur"}),
        ({"partner": True}, {"role-habitant", "role-partenaire"}),
        ({"staff": True}, {"role-habitant", "role-moderateur", "role-equipe"}),
        (
            {"facilitator": True, "moderator": True, "partner": True},
            {
                "role-habitant",
                "role-membre",
                "role-animateur",
                "role-moderateur",
                "role-partenaire",
            },
        ),
    ],
)
def test_my_space_shows_exactly_the_sections_of_my_roles(client, traits, sections):
    client.force_login(UserFactory(**traits))
    response = client.get(ESPACE)
    assert response.status_code == 200
    assert "<h1>Mon espace</h1>" in response.content.decode()
    assert section_ids(response) == sections


def test_the_resident_section_points_to_questions_and_profile(client):
    client.force_login(UserFactory())
    content = page_text(client.get(ESPACE))
    assert reverse("questions:ask") in content
    assert reverse("accounts:profile") in content


def test_members_see_links_to_their_own_groups_only(client):
    user = UserFactory()
    mine = MembershipFactory(user=user).group
    other = MembershipFactory().group
    client.force_login(user)
    content = page_text(client.get(ESPACE))
    assert reverse("groups:detail", args=[mine.slug]) in content
    assert other.name not in content


def test_facilitators_see_the_groups_they_lead(client):
    user = UserFactory()
    led = MembershipFactory(user=user, role=Membership.Role.FACILITATOR).group
    joined = MembershipFactory(user=user).group
    client.force_login(user)
    content = page_text(client.get(ESPACE))
    assert f"Animer le groupe {led.name}" in content
    assert f"Animer le groupe {joined.name}" not in content


def test_partners_see_their_organisations(client):
    user = UserFactory()
    organisation = OrganisationMemberFactory(user=user).organisation
    client.force_login(user)
    content = page_text(client.get(ESPACE))
    assert reverse("directory:detail", args=[organisation.slug]) in content
    assert organisation.name in content


@pytest.mark.parametrize(
    ("traits", "shows_admin"), [({"moderator": True}, False), ({"staff": True}, True)]
)
def test_only_staff_moderators_get_the_admin_link(client, traits, shows_admin):
    client.force_login(UserFactory(**traits))
    content = client.get(ESPACE).content.decode()
    assert (reverse("admin:index") in content) is shows_admin


@pytest.mark.parametrize(
    "url_name", ["accounts:espace", "accounts:profile", "accounts:password_change"]
)
def test_the_private_pages_of_an_account_are_never_kept_in_a_shared_computer_s_cache(
    client, url_name
):
    client.force_login(UserFactory())

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
