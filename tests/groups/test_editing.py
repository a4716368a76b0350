"""Creating a group (the creator animates it) and editing its presentation."""

from html import unescape

import pytest
from django.urls import reverse

from portail.groups.models import Group, Membership
from tests.accounts.factories import UserFactory
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.places.factories import QuartierFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def group_data(**overrides):
    return {
        "name": "Groupe Énergie de Beaulieu",
        "presentation": "Nous parlons des factures de chauffage.",
        "how_to_join": "Le jeudi au centre social.",
        "is_public": "on",
        **overrides,
    }


def test_a_moderator_creates_a_group_and_becomes_its_facilitator(client):
    moderator = UserFactory(moderator=True)
    theme = ThemeFactory(name="Énergie")
    quartier = QuartierFactory(name="Beaulieu")
    client.force_login(moderator)

    response = client.post(
        reverse("groups:create"),
        group_data(themes=[theme.pk], quartiers=[quartier.pk]),
    )

    group = Group.objects.get(name="Groupe Énergie de Beaulieu")
    assert response["Location"] == group.get_absolute_url()
    assert group.slug == "groupe-energie-de-beaulieu"
    assert group.is_public
    assert list(group.themes.all()) == [theme]
    assert list(group.quartiers.all()) == [quartier]
    assert Membership.objects.get(group=group).user == moderator
    assert Membership.objects.get(group=group).role == "animateur"


def test_a_group_named_like_one_of_the_rooms_pages_gets_another_slug(client):
    client.force_login(UserFactory(staff=True))

    client.post(reverse("groups:create"), group_data(name="Nouveau"))
    client.post(reverse("groups:create"), group_data(name="Liens"))

    assert set(Group.objects.values_list("slug", flat=True)) == {"nouveau-2", "liens-2"}


def test_a_name_already_taken_is_refused_and_the_text_stays(client):
    GroupFactory(name="Groupe Logement")
    client.force_login(UserFactory(moderator=True))

    response = client.post(
        reverse("groups:create"), group_data(name="groupe logement", presentation="Mon texte.")
    )

    assert response.status_code == 200
    assert "Un groupe porte déjà ce nom" in unescape(response.text)
    assert "Mon texte." in response.text
    assert Group.objects.count() == 1


def test_the_creation_form_sent_twice_makes_one_group_and_leads_to_it(client):
    moderator = UserFactory(moderator=True)
    client.force_login(moderator)

    first = client.post(reverse("groups:create"), group_data())
    second = client.post(reverse("groups:create"), group_data())

    group = Group.objects.get()
    assert first["Location"] == second["Location"] == group.get_absolute_url()
    page = client.get(second["Location"])
    assert "Le groupe est créé" in unescape(page.text)


def test_the_creation_form_sent_twice_at_the_same_moment_leads_to_the_group(client, monkeypatch):
    from portail.groups.views import editing

    moderator = UserFactory(moderator=True)
    client.force_login(moderator)
    client.post(reverse("groups:create"), group_data())
    real = editing._just_created
    # The second sending checked before the first one was saved: name free, no recent group.
    calls = iter([None])
    monkeypatch.setattr(editing, "_just_created", lambda *a: next(calls, None) or real(*a))
    monkeypatch.setattr(editing.GroupForm, "clean_name", lambda form: form.cleaned_data["name"])

    response = client.post(reverse("groups:create"), group_data())

    group = Group.objects.get()
    assert response.status_code == 302
    assert response["Location"] == group.get_absolute_url()


def test_a_name_taken_by_someone_else_long_ago_is_still_refused(client):
    other = MembershipFactory(role="animateur", group__name="Groupe Énergie de Beaulieu")
    client.force_login(other.user)
    # The same person, but not a creation of a moment ago.
    Group.objects.filter(pk=other.group.pk).update(created_at="2020-01-01T00:00:00Z")

    response = client.post(reverse("groups:create"), group_data())

    assert response.status_code == 200
    assert "Un groupe porte déjà ce nom" in unescape(response.text)
    assert Group.objects.count() == 1


def test_a_group_without_presentation_is_refused_with_a_clear_message(client):
    client.force_login(UserFactory(moderator=True))

    response = client.post(reverse("groups:create"), group_data(presentation=""))

    assert "Présentez le groupe en quelques phrases" in unescape(response.text)
    assert not Group.objects.exists()


def test_a_facilitator_makes_the_group_private_and_it_disappears_for_outsiders(client):
    membership = MembershipFactory(role="animateur", group__name="Groupe Logement")
    group = membership.group
    client.force_login(membership.user)

    client.post(
        reverse("groups:edit", args=[group.slug]),
        group_data(name="Groupe Logement", is_public=""),
    )

    group.refresh_from_db()
    assert not group.is_public
    assert group.presentation == "Nous parlons des factures de chauffage."
    client.logout()
    assert client.get(group.get_absolute_url()).status_code == 404


def test_a_refused_edit_does_not_rename_the_page(client):
    membership = MembershipFactory(role="animateur", group__name="Groupe Logement")
    GroupFactory(name="Groupe alpha")
    client.force_login(membership.user)

    response = client.post(
        reverse("groups:edit", args=[membership.group.slug]), group_data(name="Groupe alpha")
    )

    assert response.status_code == 200
    assert "Modifier la présentation du groupe Groupe Logement" in unescape(response.text)
    membership.group.refresh_from_db()
    assert membership.group.name == "Groupe Logement"


def test_the_list_offers_creation_only_to_those_who_may(client):
    assert reverse("groups:create") not in client.get(reverse("groups:list")).text

    client.force_login(UserFactory(facilitator=True))

    assert reverse("groups:create") in client.get(reverse("groups:list")).text
