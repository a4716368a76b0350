"""Attestations (« reconnaissance »): a member asks their group; a facilitator of that group,
never the person, signs or declines; only the person and the staff download the signed PDF;
an unsigned request never gives a PDF."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portail.experiences.models import Attestation, InvalidTransition
from tests.accounts.factories import UserFactory
from tests.experiences.factories import (
    AttestationFactory,
    EventFactory,
    RecordFactory,
    SectionFactory,
    SkillFactory,
    attend,
)
from tests.experiences.roles import ROLES, assert_login_redirect, person, sign_in
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.letters.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder(group):
    """Amina, member of the group, who presented a part of its record and came to its forum."""
    amina = UserFactory(display_name="Amina", email="amina@exemple.org")
    MembershipFactory(user=amina, group=group)
    record = RecordFactory(group=group, published=True, title="Notre histoire")
    SectionFactory(
        record=record,
        kind="restitution",
        presenters=[amina],
        skills=[SkillFactory(name="savoir animer", slug="savoir-animer")],
    )
    attend(
        EventFactory(
            title="Forum logement",
            groups=[group],
            skills=[SkillFactory(name="prendre la parole en public", slug="parole")],
        ),
        amina,
    )
    return amina


@pytest.fixture
def signer(group):
    user = UserFactory(display_name="Nadia", email="nadia@exemple.org")
    MembershipFactory(user=user, group=group, role="animateur")
    return user


@pytest.fixture
def pending(holder, group, signer):
    return AttestationFactory(user=holder, group=group, holder_name="Amina Exemple")


def signed_attestation(pending, signer):
    from portail.experiences.portfolio import actions_of, as_content

    pending.sign(by=signer, content=as_content(actions_of(pending.user, group=pending.group)))
    return pending


# --- Asking --------------------------------------------------------------------------------------


def test_a_member_asks_and_the_facilitators_are_told(
    client, holder, group, signer, django_capture_on_commit_callbacks
):
    client.force_login(holder)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("experiences:attestation_request"),
            {"group": group.pk, "holder_name": " Amina  Exemple ", "note": "Pour ma formation."},
        )

    assert response.status_code == 302
    attestation = Attestation.objects.get()
    assert attestation.status == Attestation.Status.REQUESTED
    assert attestation.holder_name == "Amina Exemple"
    assert [message.to for message in mail.outbox] == [["nadia@exemple.org"]]
    assert f"/experiences/attestations/{attestation.pk}/" in mail.outbox[0].body


def test_one_cannot_ask_a_group_one_is_not_in(client, holder, signer):
    other = GroupFactory()
    MembershipFactory(group=other, role="animateur")
    client.force_login(holder)

    response = client.post(
        reverse("experiences:attestation_request"), {"group": other.pk, "holder_name": "Amina"}
    )

    assert response.status_code == 400
    assert "Vous ne pouvez demander une attestation qu&#x27;à vos groupes." in (
        response.content.decode()
    )
    assert not Attestation.objects.exists()


def test_one_cannot_ask_without_any_action_and_the_name_is_kept(client, group, signer):
    newcomer = UserFactory()
    MembershipFactory(user=newcomer, group=group)
    client.force_login(newcomer)

    response = client.post(
        reverse("experiences:attestation_request"),
        {"group": group.pk, "holder_name": "Nom Gardé"},
    )

    html = response.content.decode()
    assert "aucune action de vous avec ce groupe" in html
    assert 'value="Nom Gardé"' in html
    assert not Attestation.objects.exists()


def test_one_request_at_a_time_per_group(client, pending, holder, group):
    client.force_login(holder)

    response = client.post(
        reverse("experiences:attestation_request"), {"group": group.pk, "holder_name": "Amina"}
    )

    assert "déjà une demande en attente pour ce groupe" in response.content.decode()
    assert Attestation.objects.count() == 1


def test_a_sole_facilitator_cannot_sign_for_themself(client, group):
    alone = UserFactory()
    MembershipFactory(user=alone, group=group, role="animateur")
    record = RecordFactory(group=group, published=True)
    SectionFactory(record=record, presenters=[alone])
    client.force_login(alone)

    response = client.post(
        reverse("experiences:attestation_request"), {"group": group.pk, "holder_name": "Moi"}
    )

    assert "pas d&#x27;autre animateur" in response.content.decode()


def test_a_closed_account_does_not_count_as_the_facilitator_who_would_sign(client, holder, group):
    MembershipFactory(group=group, role="animateur", user__is_active=False)
    client.force_login(holder)

    response = client.post(
        reverse("experiences:attestation_request"), {"group": group.pk, "holder_name": "Amina"}
    )

    assert response.status_code == 400
    assert "pas d&#x27;autre animateur" in response.content.decode()
    assert not Attestation.objects.exists()


def test_a_request_sent_twice_at_the_same_moment_is_kept_once_without_error(
    client, pending, holder, group, monkeypatch
):
    # The second sending checked before the first one was saved: no pending request seen.
    monkeypatch.setattr(
        "portail.experiences.forms.AttestationRequestForm.clean_group",
        lambda form: form.cleaned_data["group"],
    )
    client.force_login(holder)

    response = client.post(
        reverse("experiences:attestation_request"), {"group": group.pk, "holder_name": "Amina"}
    )

    assert response.status_code == 302
    assert Attestation.objects.count() == 1


def test_a_pending_request_can_be_withdrawn_by_its_author_only(client, pending, signer):
    url = reverse("experiences:attestation_withdraw", args=[pending.pk])
    client.force_login(signer)
    assert client.post(url).status_code == 404

    client.force_login(pending.user)
    client.post(url)

    assert not Attestation.objects.exists()


# --- Seeing and signing --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_a_request_is_seen_by_the_person_the_groups_facilitators_and_the_staff(
    client, role, group, pending
):
    sign_in(client, role, group)

    response = client.get(reverse("experiences:attestation", args=[pending.pk]))

    if role == "anonymous":
        assert_login_redirect(response)
    elif role in {"facilitator", "staff"}:
        assert response.status_code == 200
        assert "Amina Exemple" in response.content.decode()
        assert "A présenté « Restitution » du récit « Notre histoire »" in (
            response.content.decode()
        )
    else:
        assert response.status_code == 404


def test_the_person_sees_their_own_request(client, pending):
    client.force_login(pending.user)

    response = client.get(reverse("experiences:attestation", args=[pending.pk]))

    assert response.status_code == 200
    assert "Signer l&#x27;attestation" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_only_a_facilitator_of_the_group_signs(client, role, group, pending):
    user = sign_in(client, role, group)

    response = client.post(reverse("experiences:attestation_sign", args=[pending.pk]))

    pending.refresh_from_db()
    if role == "facilitator":
        assert response.status_code == 302
        assert pending.status == Attestation.Status.SIGNED
        assert pending.signed_by == user and pending.signed_at is not None
        assert pending.signer_name == user.display_name
    else:
        assert pending.status == Attestation.Status.REQUESTED and pending.signed_by is None
        if role == "anonymous":
            assert_login_redirect(response)
        else:
            assert response.status_code == (403 if role == "staff" else 404)


def test_the_person_cannot_sign_their_own_request_even_as_facilitator(client, pending, group):
    pending.user.memberships.update(role="animateur")
    client.force_login(pending.user)

    response = client.post(reverse("experiences:attestation_sign", args=[pending.pk]))

    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.status == Attestation.Status.REQUESTED
    with pytest.raises(InvalidTransition):
        pending.sign(by=pending.user, content={"actions": [{"label": "x"}]})


def test_signing_freezes_the_actions_and_tells_the_person(
    client, pending, signer, django_capture_on_commit_callbacks
):
    client.force_login(signer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("experiences:attestation_sign", args=[pending.pk]))

    pending.refresh_from_db()
    labels = [action["label"] for action in pending.content["actions"]]
    assert "A présenté « Restitution » du récit « Notre histoire »" in labels
    assert "A participé : Forum logement" in labels
    assert mail.outbox[-1].to == ["amina@exemple.org"]
    assert "Nadia a signé votre attestation" in mail.outbox[-1].body
    # A later change to the records does not change what was signed.
    pending.user.presented_sections.all().delete()
    pending.refresh_from_db()
    assert len(pending.content["actions"]) == 2


def test_a_request_is_answered_once(client, pending, signer):
    client.force_login(signer)
    client.post(reverse("experiences:attestation_sign", args=[pending.pk]))

    response = client.post(
        reverse("experiences:attestation_decline", args=[pending.pk]),
        {"motif": "Trop tard"},
        follow=True,
    )

    pending.refresh_from_db()
    assert pending.status == Attestation.Status.SIGNED
    assert "Cette demande a déjà reçu une réponse." in response.content.decode()


def test_two_facilitators_answering_at_the_same_moment_give_one_answer(pending, signer, group):
    other = UserFactory(display_name="Karim")
    MembershipFactory(user=other, group=group, role="animateur")
    # Both read the request while it was waiting; Nadia signs first.
    seen_by_karim = Attestation.objects.get(pk=pending.pk)
    signed_attestation(pending, signer)

    with pytest.raises(InvalidTransition, match="déjà reçu une réponse"):
        seen_by_karim.decline(by=other, reason="Pas assez d'actions")

    pending.refresh_from_db()
    assert pending.status == Attestation.Status.SIGNED
    assert pending.signer_name == "Nadia"


def test_declining_needs_a_reason_and_tells_the_person(
    client, pending, signer, django_capture_on_commit_callbacks
):
    client.force_login(signer)
    url = reverse("experiences:attestation_decline", args=[pending.pk])

    response = client.post(url, {"motif": ""})
    assert response.status_code == 400
    assert "Dites à la personne pourquoi" in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"motif": "Parlons-en à la prochaine réunion."})
    pending.refresh_from_db()
    assert pending.status == Attestation.Status.DECLINED
    assert "Parlons-en à la prochaine réunion." in mail.outbox[-1].body


@pytest.mark.parametrize("role", ["facilitator", "other_facilitator", "staff", "member"])
def test_the_list_of_requests_to_sign(client, role, group, pending):
    sign_in(client, role, group)

    response = client.get(reverse("experiences:attestations"))

    if role == "member":
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        assert ("Amina Exemple" in response.content.decode()) == (role != "other_facilitator")


# --- The PDF -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [*ROLES, "holder"])
def test_only_the_person_and_the_staff_download_the_signed_attestation(
    client, role, group, pending, signer
):
    signed_attestation(pending, signer)
    if role == "holder":
        client.force_login(pending.user)
    else:
        sign_in(client, role, group)

    response = client.get(reverse("experiences:attestation_pdf", args=[pending.pk]))

    if role == "anonymous":
        assert_login_redirect(response)
    elif role in {"holder", "staff"}:
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert "no-cache" in response["Cache-Control"]
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("status", [Attestation.Status.REQUESTED, Attestation.Status.DECLINED])
def test_an_unsigned_request_gives_no_pdf(client, pending, status):
    pending.status = status
    pending.save()
    for user in (pending.user, person("staff", pending.group)):
        client.force_login(user)
        response = client.get(reverse("experiences:attestation_pdf", args=[pending.pk]))
        assert response.status_code == 404


def test_the_signed_pdf_says_who_what_when_and_which_group(client, pending, signer):
    signed_attestation(pending, signer)
    client.force_login(pending.user)

    text = pdf_text(client.get(reverse("experiences:attestation_pdf", args=[pending.pk])).content)

    for part in [
        "Attestation de savoir-faire",
        "Reconnaissance des savoir-faire développés dans un groupe",
        "Le groupe « Groupe Logement » reconnaît que Amina Exemple a pris part aux actions",
        "A présenté « Restitution » du récit « Notre histoire »",
        "A participé : Forum logement",
        "savoir animer",
        "prendre la parole en public",
        "signé par Nadia, animateur ou animatrice du groupe « Groupe Logement ».",
    ]:
        assert part in text, part
    assert f"Fait le {timezone.localtime(pending.signed_at).day} " in text
