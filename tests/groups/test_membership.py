"""Joining a group: the request, the facilitators' e-mail, the decision and its e-mail; naming
facilitators, removing members and leaving, never leaving a group without a facilitator."""

import pytest
from django.core import mail
from django.urls import reverse

from portail.groups.models import GroupError, JoinRequest, Membership
from tests.accounts.factories import UserFactory
from tests.groups.factories import GroupFactory, JoinRequestFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement", slug="groupe-logement")


@pytest.fixture
def facilitators(group):
    return [
        MembershipFactory(group=group, role="animateur", user__email=f"anim{n}@exemple.org").user
        for n in (1, 2)
    ]


def test_an_anonymous_visitor_gets_a_login_link_that_comes_back_to_the_request(client, group):
    response = client.get(group.get_absolute_url())

    join_url = reverse("groups:join", args=[group.slug])
    assert f"{reverse('accounts:login')}?next={join_url}" in response.text
    assert "Se connecter pour demander à rejoindre le groupe" in response.text


def test_a_resident_sees_the_join_button(client, group):
    client.force_login(UserFactory())

    response = client.get(group.get_absolute_url())

    assert f'href="{reverse("groups:join", args=[group.slug])}"' in response.text
    assert "Demander à rejoindre le groupe" in response.text


def test_a_resident_asks_to_join_and_each_facilitator_gets_an_e_mail(
    client, group, facilitators, on_commit
):
    resident = UserFactory(display_name="Nadia", email="nadia@exemple.org")
    client.force_login(resident)

    with on_commit(execute=True):
        response = client.post(
            reverse("groups:join", args=[group.slug]),
            {"message": "Je suis locataire à Beaulieu."},
        )

    assert response.status_code == 302
    join_request = JoinRequest.objects.get()
    assert (join_request.user, join_request.status) == (resident, "en-attente")
    assert join_request.message == "Je suis locataire à Beaulieu."
    assert sorted(m.to[0] for m in mail.outbox) == ["anim1@exemple.org", "anim2@exemple.org"]
    message = mail.outbox[0]
    assert all(len(m.to) == 1 for m in mail.outbox)
    assert "Groupe Logement" in message.subject
    assert "Nadia" in message.body
    assert "Je suis locataire à Beaulieu." in message.body
    assert "/groupes/groupe-logement/animation/" in message.body
    assert "nadia@exemple.org" not in message.body
    page = client.get(group.get_absolute_url())
    assert "Vous avez demandé à rejoindre ce groupe" in page.text


def test_a_second_request_while_one_is_pending_is_not_created(
    client, group, facilitators, on_commit
):
    resident = UserFactory()
    JoinRequestFactory(group=group, user=resident)
    client.force_login(resident)

    with on_commit(execute=True):
        response = client.post(reverse("groups:join", args=[group.slug]), {"message": "Encore"})

    assert response.status_code == 200
    assert "Vous avez déjà demandé à rejoindre ce groupe" in response.text
    assert JoinRequest.objects.count() == 1
    assert mail.outbox == []


def test_a_member_asking_to_join_is_told_they_already_belong(client, group):
    member = MembershipFactory(group=group).user
    client.force_login(member)

    response = client.post(reverse("groups:join", args=[group.slug]), follow=True)

    assert "Vous faites déjà partie de ce groupe." in response.text
    assert not JoinRequest.objects.exists()


def test_a_too_long_message_is_refused_and_kept(client, group):
    client.force_login(UserFactory())
    long_message = "Bonjour " * 200

    response = client.post(reverse("groups:join", args=[group.slug]), {"message": long_message})

    assert response.status_code == 200
    assert "Ce texte est trop long" in response.text
    assert long_message.strip() in response.text
    assert not JoinRequest.objects.exists()


def test_a_private_group_cannot_be_asked_to_join_by_outsiders(client):
    group = GroupFactory(is_public=False)
    client.force_login(UserFactory())

    assert client.get(reverse("groups:join", args=[group.slug])).status_code == 404
    assert client.post(reverse("groups:join", args=[group.slug])).status_code == 404


def test_accepting_makes_a_member_and_tells_the_person(client, group, facilitators, on_commit):
    join_request = JoinRequestFactory(group=group, user__email="nadia@exemple.org")
    client.force_login(facilitators[0])

    with on_commit(execute=True):
        response = client.post(
            reverse("groups:decide_request", args=[group.slug, join_request.pk]),
            {"decision": "accepter", "response": "Bienvenue, on se retrouve mardi."},
        )

    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == "acceptee"
    assert join_request.decided_by == facilitators[0]
    assert join_request.decided_at is not None
    assert Membership.objects.filter(group=group, user=join_request.user, role="membre").exists()
    (message,) = mail.outbox
    assert message.to == ["nadia@exemple.org"]
    assert "Bienvenue dans le groupe Groupe Logement" in message.subject
    assert "Bienvenue, on se retrouve mardi." in message.body
    assert "/groupes/groupe-logement/" in message.body


def test_declining_makes_no_member_and_tells_the_person_kindly(
    client, group, facilitators, on_commit
):
    join_request = JoinRequestFactory(group=group, user__email="nadia@exemple.org")
    client.force_login(facilitators[0])

    with on_commit(execute=True):
        client.post(
            reverse("groups:decide_request", args=[group.slug, join_request.pk]),
            {"decision": "refuser"},
        )

    join_request.refresh_from_db()
    assert join_request.status == "refusee"
    assert not Membership.objects.filter(user=join_request.user).exists()
    (message,) = mail.outbox
    assert "n'a pas accepté votre demande" in message.body
    assert "/groupes/" in message.body


def test_a_request_already_answered_cannot_be_answered_again(
    client, group, facilitators, on_commit
):
    join_request = JoinRequestFactory(group=group)
    join_request.decline(by=facilitators[0])
    client.force_login(facilitators[1])

    with on_commit(execute=True):
        response = client.post(
            reverse("groups:decide_request", args=[group.slug, join_request.pk]),
            {"decision": "accepter"},
            follow=True,
        )

    assert "Cette demande a déjà reçu une réponse." in response.text
    assert not Membership.objects.filter(user=join_request.user).exists()
    assert mail.outbox == []


def test_a_decision_without_a_choice_is_refused_with_the_reason(client, group, facilitators):
    join_request = JoinRequestFactory(group=group)
    client.force_login(facilitators[0])

    response = client.post(
        reverse("groups:decide_request", args=[group.slug, join_request.pk]),
        {"response": "Un mot gardé"},
    )

    assert response.status_code == 400
    assert "Choisissez : accepter ou refuser." in response.text
    assert "Un mot gardé" in response.text


def test_a_request_of_another_group_cannot_be_answered_from_this_one(client, group, facilitators):
    elsewhere = JoinRequestFactory()
    client.force_login(facilitators[0])

    response = client.post(
        reverse("groups:decide_request", args=[group.slug, elsewhere.pk]),
        {"decision": "accepter"},
    )

    assert response.status_code == 404
    assert JoinRequest.objects.get(pk=elsewhere.pk).status == "en-attente"


def test_a_declined_person_may_ask_again_later(group):
    join_request = JoinRequestFactory(group=group)
    join_request.decline(by=None)

    JoinRequestFactory(group=group, user=join_request.user)

    assert JoinRequest.objects.filter(user=join_request.user).count() == 2


# --- Facilitators and members ------------------------------------------------------------------


def test_a_facilitator_names_a_member_facilitator(client, group, facilitators):
    membership = MembershipFactory(group=group)
    client.force_login(facilitators[0])

    client.post(reverse("groups:set_role", args=[group.slug, membership.pk]), {"role": "animateur"})

    membership.refresh_from_db()
    assert membership.role == "animateur"


def test_the_last_facilitator_cannot_step_down_nor_be_removed(client, group):
    only = MembershipFactory(group=group, role="animateur")
    client.force_login(only.user)

    step_down = client.post(
        reverse("groups:set_role", args=[group.slug, only.pk]), {"role": "membre"}, follow=True
    )
    removed = client.post(reverse("groups:remove_member", args=[group.slug, only.pk]), follow=True)
    left = client.post(reverse("groups:leave", args=[group.slug]), follow=True)

    only.refresh_from_db()
    assert only.role == "animateur"
    assert "au moins un animateur" in step_down.text
    assert "ne peut pas rester sans animateur" in removed.text
    assert "ne peut pas rester sans animateur" in left.text


def test_staff_cannot_remove_the_last_facilitator_either(client, group):
    only = MembershipFactory(group=group, role="animateur")
    client.force_login(UserFactory(staff=True))

    client.post(reverse("groups:remove_member", args=[group.slug, only.pk]))

    assert Membership.objects.filter(pk=only.pk).exists()


def test_with_two_facilitators_one_may_step_down(client, group, facilitators):
    client.force_login(facilitators[0])
    membership = Membership.objects.get(group=group, user=facilitators[1])

    client.post(reverse("groups:set_role", args=[group.slug, membership.pk]), {"role": "membre"})

    membership.refresh_from_db()
    assert membership.role == "membre"
    with pytest.raises(GroupError):
        Membership.objects.get(group=group, user=facilitators[0]).set_role("membre")


def test_a_facilitator_removes_a_member(client, group, facilitators):
    membership = MembershipFactory(group=group, user__display_name="Karim")
    client.force_login(facilitators[0])

    response = client.post(
        reverse("groups:remove_member", args=[group.slug, membership.pk]), follow=True
    )

    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert "Karim ne fait plus partie du groupe." in response.text


def test_a_member_leaves_the_group_after_confirming(client, group, facilitators):
    member = MembershipFactory(group=group).user
    client.force_login(member)

    confirm = client.get(reverse("groups:leave", args=[group.slug]))
    client.post(reverse("groups:leave", args=[group.slug]))

    assert "Oui, quitter le groupe" in confirm.text
    assert not Membership.objects.filter(group=group, user=member).exists()


def test_the_management_page_lists_members_by_pseudonym_never_by_e_mail(
    client, group, facilitators
):
    MembershipFactory(group=group, user__display_name="Karim", user__email="karim@exemple.org")
    client.force_login(facilitators[0])

    response = client.get(reverse("groups:manage", args=[group.slug]))

    assert "Karim" in response.text
    assert "karim@exemple.org" not in response.text
    assert "no-store" in response["Cache-Control"]


def test_the_group_page_tells_facilitators_how_many_requests_wait(client, group, facilitators):
    JoinRequestFactory.create_batch(2, group=group)
    client.force_login(facilitators[0])

    response = client.get(group.get_absolute_url())

    assert "2 demandes pour rejoindre le groupe attendent votre réponse." in response.text
    assert f'href="{reverse("groups:manage", args=[group.slug])}"' in response.text


def test_a_closed_account_does_not_count_as_the_other_facilitator(group):
    active = MembershipFactory(group=group, role="animateur")
    MembershipFactory(group=group, role="animateur", user__is_active=False)

    with pytest.raises(GroupError):
        active.set_role("membre")
    with pytest.raises(GroupError):
        active.end()


def test_requests_of_closed_accounts_are_not_shown_to_facilitators(client, group, facilitators):
    JoinRequestFactory(group=group, user__display_name="Compte fermé", user__is_active=False)
    client.force_login(facilitators[0])

    response = client.get(reverse("groups:manage", args=[group.slug]))

    assert "Compte fermé" not in response.text
    assert "Aucune demande en attente." in response.text
