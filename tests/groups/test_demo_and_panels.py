"""The groups' demo data (idempotent) and their panel in « Mon espace »."""

from html import unescape

import pytest
from django.urls import reverse

from portail.groups import demo
from portail.groups.models import GroupLink, Post
from tests.accounts.factories import UserFactory
from tests.groups.factories import (
    GroupFactory,
    GroupLinkFactory,
    JoinRequestFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.django_db


def test_the_demo_writes_the_journal_and_the_partnership_once():
    housing = GroupFactory(slug="groupe-logement", name="Groupe Logement")
    literacy = GroupFactory(slug="groupe-alpha-montreynaud", name="Groupe alpha")
    UserFactory(email="animatrice@demo.portail")

    first = demo.load_demo()
    second = demo.load_demo()

    assert [tally.created for tally in first] == [len(demo.POSTS), 1]
    assert [tally.created for tally in second] == [0, 0]
    assert Post.objects.filter(group=housing).count() == len(demo.POSTS)
    assert Post.objects.filter(group=housing, visibility="public").count() == 3
    link = GroupLink.objects.get()
    assert (link.from_group, link.to_group, link.status) == (housing, literacy, "accepte")
    texts = " ".join(Post.objects.values_list("text", flat=True))
    assert "jeu de l'oie" in texts
    assert "état des lieux" in texts
    assert "groupe alpha" in texts


def test_the_espace_panel_lists_requests_to_answer_and_my_own(client):
    facilitated = MembershipFactory(role="animateur", group__name="Groupe Logement")
    JoinRequestFactory(group=facilitated.group, user__display_name="Nadia")
    GroupLinkFactory(from_group__name="Groupe alpha", to_group=facilitated.group)
    mine = JoinRequestFactory(user=facilitated.user, group__name="Groupe Énergie")
    JoinRequestFactory(user__display_name="Quelqu'un d'autre")
    client.force_login(facilitated.user)

    response = client.get(reverse("accounts:espace"))

    text = unescape(response.text)
    assert 'id="espace-groupes-demandes"' in response.text
    assert "<strong>Nadia</strong> demande à rejoindre le groupe Groupe Logement." in text
    assert "Le groupe Groupe alpha propose un lien avec le groupe Groupe Logement." in text
    assert "Mes demandes en attente" in text
    assert mine.group.get_absolute_url() in response.text
    assert "Quelqu'un d'autre" not in text


def test_the_espace_panel_is_absent_when_nothing_waits(client):
    client.force_login(MembershipFactory(role="animateur").user)

    response = client.get(reverse("accounts:espace"))

    assert "espace-groupes-demandes" not in response.text


def test_a_member_who_does_not_animate_sees_no_request_of_the_group(client):
    membership = MembershipFactory()
    JoinRequestFactory(group=membership.group, user__display_name="Nadia")
    client.force_login(membership.user)

    response = client.get(reverse("accounts:espace"))

    assert "Nadia" not in response.text
