"""Invitation links: how one joins a private group, which nobody outside can find."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portail.accounts.roles import is_member_of
from portail.groups.models import Group
from tests.accounts.factories import UserFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return GroupFactory(name="Groupe de parole", slug="groupe-de-parole", is_public=False)


@pytest.fixture
def facilitator(group):
    return MembershipFactory(group=group, role="animateur").user


def create_link(client, group):
    response = client.post(reverse("groups:invitation_link", args=[group.slug]))
    assert response.status_code == 200
    match = re.search(r'value="(http[^"]+/groupes/invitation/[^"]+/)"', response.text)
    assert match, "le lien est montré une fois sur la page"
    return match.group(1).split("testserver", 1)[1]


def test_a_facilitator_gives_a_link_and_an_outsider_joins_the_private_group(
    client, group, facilitator
):
    client.force_login(facilitator)
    link = create_link(client, group)
    token = link.rstrip("/").rsplit("/", 1)[1]
    group.refresh_from_db()
    assert token not in group.invitation_token_hash, "only the hash is kept"

    outsider = UserFactory()
    client.force_login(outsider)
    assert client.get(group.get_absolute_url()).status_code == 404
    page = client.get(link)
    assert page.status_code == 200 and "Groupe de parole" in page.text
    assert not is_member_of(outsider, group), "opening the link is not joining"

    response = client.post(link)

    assert response.status_code == 302 and response["Location"] == group.get_absolute_url()
    assert is_member_of(outsider, group)
    assert client.get(group.get_absolute_url()).status_code == 200


def test_an_anonymous_visitor_is_asked_to_sign_in_first(client, group, facilitator):
    client.force_login(facilitator)
    link = create_link(client, group)
    client.logout()

    response = client.get(link)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("traits", [{}, {"moderator": True}, {"partner": True}, {"member": True}])
def test_only_the_groups_facilitators_create_links(client, group, traits):
    client.force_login(UserFactory(**traits))
    response = client.post(reverse("groups:invitation_link", args=[group.slug]))
    assert response.status_code == 404  # a private group stays hidden
    group.refresh_from_db()
    assert not group.invitation_token_hash


def test_a_plain_member_cannot_create_a_link(client, group):
    client.force_login(MembershipFactory(group=group).user)
    response = client.post(reverse("groups:invitation_link", args=[group.slug]))
    assert response.status_code == 403


def test_a_new_link_replaces_the_old_one_and_a_link_can_be_stopped(client, group, facilitator):
    client.force_login(facilitator)
    first = create_link(client, group)
    second = create_link(client, group)
    client.force_login(UserFactory())
    assert client.get(first).status_code == 404
    assert "ne marche pas" in client.get(first).text
    assert client.get(second).status_code == 200

    client.force_login(facilitator)
    client.post(reverse("groups:invitation_link", args=[group.slug]), {"action": "supprimer"})
    client.force_login(UserFactory())
    assert client.get(second).status_code == 404


def test_an_expired_link_no_longer_opens_the_group(client, group):
    token = group.new_invitation()
    Group.objects.filter(pk=group.pk).update(
        invitation_expires_at=timezone.now() - timedelta(minutes=1)
    )
    person = UserFactory()
    client.force_login(person)

    response = client.post(reverse("groups:invitation", args=[token]))

    assert response.status_code == 404
    assert not is_member_of(person, group)
