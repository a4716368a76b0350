"""The workflow of a request: nouvelle → attribuée → en cours → close, every change in the history,
invalid transitions refused in French, and the requester told by e-mail at each step with their
private link (never with an internal note)."""

import pytest
from django.core import mail
from django.urls import reverse

from portail.demandes.models import Demande, HistoryEntry, InvalidTransition
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.demandes.factories import NOTE_MARKER, DemandeFactory
from tests.directory.factories import OrganisationFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    return UserFactory(moderator=True)


# --- The model ----------------------------------------------------------------------------------


def test_the_whole_way_is_recorded_in_the_history(moderator):
    group = GroupFactory()
    member = MembershipFactory(group=group).user
    demande = DemandeFactory()

    demande.assign(moderator, group, member)
    demande.start(member)
    demande.add_note(member, "Appelée, rendez-vous jeudi.")
    demande.close(member, Demande.Outcome.DONE)

    history = list(demande.history.values_list("action", "status", "actor"))
    assert history == [
        (HistoryEntry.Action.CREATED, "nouvelle", None),
        (HistoryEntry.Action.ASSIGNED, "attribuee", moderator.pk),
        (HistoryEntry.Action.STARTED, "en-cours", member.pk),
        (HistoryEntry.Action.NOTE, "en-cours", member.pk),
        (HistoryEntry.Action.CLOSED, "close", member.pk),
    ]
    assert demande.first_action_at is not None
    assert demande.closed_at >= demande.first_action_at


@pytest.mark.parametrize(
    ("status", "action", "message"),
    [
        ("nouvelle", "start", "Attribuez d'abord la demande"),
        ("nouvelle", "close", "Une demande nouvelle ne peut pas être close"),
        ("en-cours", "start", "La demande est déjà en cours."),
        ("close", "start", "Cette demande est close"),
        ("close", "close", "Cette demande est close"),
        ("close", "assign", "Cette demande est close"),
    ],
)
def test_invalid_transitions_are_refused_in_french(moderator, status, action, message):
    demande = DemandeFactory(status=status, assigned_group=GroupFactory())
    calls = {
        "start": lambda: demande.start(moderator),
        "close": lambda: demande.close(moderator, Demande.Outcome.DONE),
        "assign": lambda: demande.assign(moderator, GroupFactory()),
    }
    with pytest.raises(InvalidTransition, match=message):
        calls[action]()
    demande.refresh_from_db()
    assert demande.status == status


def test_a_request_without_follow_up_needs_a_reason(moderator):
    demande = DemandeFactory(assigned=True)
    with pytest.raises(InvalidTransition, match="expliquez pourquoi"):
        demande.close(moderator, Demande.Outcome.DROPPED, "  ")
    demande.close(moderator, Demande.Outcome.DROPPED, "Hors du champ du groupe.")
    assert demande.outcome_reason == "Hors du champ du groupe."


def test_assigning_to_someone_outside_the_group_is_refused(moderator):
    demande = DemandeFactory()
    with pytest.raises(InvalidTransition, match="n'est pas membre du groupe"):
        demande.assign(moderator, GroupFactory(), UserFactory())
    with pytest.raises(InvalidTransition, match="Choisissez un groupe, une personne"):
        demande.assign(moderator)


def test_the_partner_is_kept_only_when_the_request_is_referred(moderator):
    partner = OrganisationFactory()
    done = DemandeFactory(assigned=True)
    done.close(moderator, Demande.Outcome.DONE, referred_to=partner)
    referred = DemandeFactory(assigned=True)
    referred.close(moderator, Demande.Outcome.REFERRED, referred_to=partner)
    assert done.referred_to is None
    assert referred.referred_to == partner


def test_a_request_created_from_an_event_starts_its_history_too():
    demande = Demande.objects.create(
        kind=Demande.Kind.BUILDING,
        summary="Les locataires du 4 veulent se réunir.",
        origin=Demande.Origin.EVENT,
        assigned_group=GroupFactory(),
    )
    assert demande.history.get().action == HistoryEntry.Action.CREATED
    assert demande.follow_token == ""
    assert demande.summary_masked == "Les locataires du 4 veulent se réunir."


# --- The pages and the e-mails --------------------------------------------------------------------


def test_each_step_is_e_mailed_to_the_requester_with_the_private_link(client, on_commit):
    group = GroupFactory(name="Groupe Logement")
    facilitator = MembershipFactory(group=group, role="animateur").user
    demande = DemandeFactory()
    link = f"/demandes/ma-demande/{demande.follow_token}/"
    client.force_login(facilitator)

    with on_commit(execute=True):
        client.post(reverse("demandes:assign", args=[demande.pk]), {"group": group.pk})
        client.post(reverse("demandes:start", args=[demande.pk]))
        client.post(
            reverse("demandes:note", args=[demande.pk]),
            {"text": NOTE_MARKER, "audience": "interne"},
        )
        client.post(
            reverse("demandes:note", args=[demande.pk]),
            {"text": "Nous venons jeudi à 18 h.", "audience": "personne"},
        )
        client.post(
            reverse("demandes:close", args=[demande.pk]),
            {"outcome": "sans-suite", "reason": "Le bailleur a déjà réparé."},
        )

    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        "Votre demande est confiée à une équipe",
        "Votre demande avance",
        "Un message du groupe sur votre demande",
        "Votre demande est terminée",
    ]
    for message in mail.outbox:
        assert message.to == [demande.contact_email]
        assert link in message.body
        assert NOTE_MARKER not in message.body
    assert "Groupe Logement" in mail.outbox[0].body
    assert "Nous venons jeudi à 18 h." in mail.outbox[2].body
    assert "Le bailleur a déjà réparé." in mail.outbox[3].body
    follow = page_text(client.get(link))
    assert "Le bailleur a déjà réparé." in follow and NOTE_MARKER not in follow


def test_no_e_mail_goes_to_a_requester_who_gave_only_a_phone(client, on_commit, moderator):
    demande = DemandeFactory(contact_email="")
    client.force_login(moderator)
    with on_commit(execute=True):
        client.post(reverse("demandes:assign", args=[demande.pk]), {"group": GroupFactory().pk})
        client.post(reverse("demandes:start", args=[demande.pk]))
    assert mail.outbox == []
    assert Demande.objects.get().status == Demande.Status.IN_PROGRESS


def test_a_refused_transition_is_explained_on_the_page(client, moderator):
    demande = DemandeFactory()
    client.force_login(moderator)

    response = client.post(reverse("demandes:start", args=[demande.pk]), follow=True)

    assert "Attribuez d'abord la demande à un groupe ou à une personne." in page_text(response)
    assert Demande.objects.get().status == Demande.Status.NEW


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choisissez comment la demande se termine."),
        ({"outcome": "perdue"}, "Choisissez comment la demande se termine."),
        ({"outcome": "sans-suite", "reason": ""}, "Pour une demande sans suite, expliquez"),
        ({"outcome": "orientee", "referred_to": "99999"}, "Choisissez une organisation"),
        ({"outcome": "realisee", "reason": "x" * 2001}, "Ce texte est trop long"),
    ],
)
def test_the_close_form_refuses_bad_input_and_keeps_the_text(client, moderator, data, message):
    demande = DemandeFactory(assigned=True)
    client.force_login(moderator)

    response = client.post(reverse("demandes:close", args=[demande.pk]), data)

    assert response.status_code == 400
    assert message in page_text(response)
    assert Demande.objects.get().status == Demande.Status.ASSIGNED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "", "audience": "interne"}, "Écrivez quelque chose avant d'enregistrer"),
        ({"text": "x" * 5001, "audience": "interne"}, "Ce texte est trop long"),
        ({"text": "Bonjour", "audience": "tout-le-monde"}, "Dites qui lira ce texte."),
    ],
)
def test_the_note_form_refuses_bad_input(client, moderator, data, message):
    demande = DemandeFactory(assigned=True)
    client.force_login(moderator)
    response = client.post(reverse("demandes:note", args=[demande.pk]), data)
    assert response.status_code == 400
    assert message in page_text(response)
    assert demande.notes.count() == 0


def test_the_assign_form_refuses_someone_outside_the_group(client, moderator):
    demande = DemandeFactory()
    outsider = MembershipFactory().user
    client.force_login(moderator)

    response = client.post(
        reverse("demandes:assign", args=[demande.pk]),
        {"group": GroupFactory().pk, "assignee": outsider.pk},
    )

    assert response.status_code == 400
    assert "n'est pas membre du groupe choisi" in page_text(response)
    assert Demande.objects.get().status == Demande.Status.NEW


def test_the_assign_form_needs_a_group_or_a_person(client, moderator):
    demande = DemandeFactory()
    client.force_login(moderator)
    response = client.post(reverse("demandes:assign", args=[demande.pk]), {})
    assert response.status_code == 400
    assert "Choisissez un groupe, une personne, ou les deux." in page_text(response)


def test_messages_to_the_requester_are_offered_only_when_there_is_a_link(client, moderator):
    demande = Demande.objects.create(
        kind=Demande.Kind.OTHER, summary="Suite de la restitution.", assigned_group=GroupFactory()
    )
    client.force_login(moderator)
    response = client.post(
        reverse("demandes:note", args=[demande.pk]), {"text": "Bonjour", "audience": "personne"}
    )
    assert response.status_code == 400
    assert demande.notes.count() == 0


def test_the_workflow_actions_refuse_get(client, moderator):
    demande = DemandeFactory(assigned=True)
    client.force_login(moderator)
    for name in ("assign", "start", "close", "note"):
        assert client.get(reverse(f"demandes:{name}", args=[demande.pk])).status_code == 405


def test_a_message_sent_twice_is_stored_and_e_mailed_once(client, moderator, on_commit):
    demande = DemandeFactory(assigned=True)
    client.force_login(moderator)
    url = reverse("demandes:note", args=[demande.pk])
    data = {"text": "Nous passons jeudi à 14 h.", "audience": "personne"}

    with on_commit(execute=True):
        first = client.post(url, data)
        second = client.post(url, data)
        client.post(url, {**data, "audience": "interne"})  # the same words as a note: another

    assert first.status_code == second.status_code == 302
    assert list(demande.notes.values_list("for_requester", flat=True)) == [True, False]
    assert len(mail.outbox) == 1
