"""Who sees and does what with a request, role by role: the team list, the request's page, the
contact details, the notes, the assignment, the workflow buttons, the private follow-up page.

The request is assigned to « the group », with a plain member of the group as the person in
charge; « another group » has its own member and facilitator."""

import pytest
from django.urls import reverse

from portail.demandes.models import Demande, Note
from tests.accounts.helpers import page_text
from tests.demandes.factories import (
    ADDRESS_MARKER,
    EMAIL_MARKER,
    MESSAGE_MARKER,
    NAME_MARKER,
    NOTE_MARKER,
    PHONE_MARKER,
    ROLES,
    SUMMARY_MARKER,
    DemandeFactory,
    people_around,
)
from tests.groups.factories import GroupFactory

pytestmark = pytest.mark.django_db

PRIVATE_MARKERS = (NAME_MARKER, EMAIL_MARKER, PHONE_MARKER, ADDRESS_MARKER, NOTE_MARKER)

SEES_REQUEST = {
    "membre_du_groupe",
    "animateur_du_groupe",
    "personne_chargee",
    "moderateur",
    "equipe",
}
SEES_PRIVATE = {"animateur_du_groupe", "personne_chargee", "moderateur", "equipe"}
MAY_ASSIGN = {"animateur_du_groupe", "moderateur", "equipe"}
MAY_WORK = SEES_PRIVATE
NOT_IN_TEAM = {"habitant", "partenaire"}


@pytest.fixture
def scene():
    group, other_group = GroupFactory(), GroupFactory()
    people = people_around(group, other_group)
    demande = DemandeFactory(
        assigned=True, assigned_group=group, assignee=people["personne_chargee"], with_note=True
    )
    return demande, people


def client_for(client, people, role):
    user = people[role]
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_the_team_list_shows_the_request_only_to_those_who_may_see_it(client, scene, role):
    demande, people = scene
    response = client_for(client, people, role).get(reverse("demandes:team"))

    if role == "anonyme":
        assert response.status_code == 302 and "/compte/connexion/" in response.url
        return
    if role in NOT_IN_TEAM:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    listed = reverse("demandes:work", args=[demande.pk]) in response.content.decode()
    assert listed == (role in SEES_REQUEST)
    content = page_text(response)
    for marker in PRIVATE_MARKERS:
        assert marker not in content  # the list never shows contact details, even to moderators


@pytest.mark.parametrize("role", ROLES)
def test_the_request_page_shows_contacts_and_notes_only_to_those_in_charge(client, scene, role):
    demande, people = scene
    response = client_for(client, people, role).get(reverse("demandes:work", args=[demande.pk]))

    if role == "anonyme":
        assert response.status_code == 302
        return
    if role in NOT_IN_TEAM:
        assert response.status_code == 403
        return
    if role not in SEES_REQUEST:
        assert response.status_code == 404
        return
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    content = page_text(response)
    assert SUMMARY_MARKER in content
    for marker in PRIVATE_MARKERS:
        assert (marker in content) == (role in SEES_PRIVATE), marker
    assert (reverse("demandes:assign", args=[demande.pk]) in content) == (role in MAY_ASSIGN)
    assert (reverse("demandes:note", args=[demande.pk]) in content) == (role in MAY_WORK)


@pytest.mark.parametrize("role", ROLES)
def test_free_texts_keep_their_personal_data_for_those_in_charge_only(client, role):
    """People type names and numbers in any box: the word to the person at closing, the place
    and the dates of an intervention. The rest of the group reads them masked."""
    group, other_group = GroupFactory(), GroupFactory()
    people = people_around(group, other_group)
    demande = DemandeFactory(
        kind=Demande.Kind.INTERVENTION,
        assigned=True,
        assigned_group=group,
        assignee=people["personne_chargee"],
        place=f"chez {NAME_MARKER.replace('Nadia', 'Mme')}, {ADDRESS_MARKER}",
        wished_dates=f"appeler le {PHONE_MARKER} pour fixer",
    )
    demande.close(
        people["animateur_du_groupe"],
        Demande.Outcome.DROPPED,
        f"Madame {NAME_MARKER} ne répond plus au {PHONE_MARKER}.",
    )
    response = client_for(client, people, role).get(reverse("demandes:work", args=[demande.pk]))
    if role not in SEES_REQUEST:
        assert response.status_code != 200
        return
    content = page_text(response)
    assert "ne répond plus" in content and "pour fixer" in content
    for marker in (NAME_MARKER.split()[-1], PHONE_MARKER, ADDRESS_MARKER):
        assert (marker in content) == (role in SEES_PRIVATE), marker


@pytest.mark.parametrize("role", ROLES)
def test_a_private_event_s_name_stays_with_those_who_may_see_the_event(client, role):
    """A suite noted at a private group's meeting and offered to every facilitator: its origin
    does not tell them what the private meeting was."""
    from tests.events.factories import EventFactory

    group, other_group = GroupFactory(is_public=False), GroupFactory()
    people = people_around(group, other_group)
    event = EventFactory(groups=[group], title="Parole des locataires menacés d'expulsion")
    demande = event.add_suite(
        by=people["animateur_du_groupe"],
        kind=Demande.Kind.ACCOMPANIMENT,
        summary="Une famille à accompagner au tribunal.",
    )
    response = client_for(client, people, role).get(reverse("demandes:work", args=[demande.pk]))
    if response.status_code != 200:
        assert role not in {"animateur_du_groupe", "animateur_autre_groupe", "moderateur"}
        return
    content = page_text(response)
    assert "Une famille à accompagner" in content
    sees_event = role in {"membre_du_groupe", "animateur_du_groupe", "personne_chargee", "equipe"}
    assert ("menacés d'expulsion" in content) == sees_event


@pytest.mark.parametrize("role", ROLES)
def test_only_the_facilitators_and_moderators_may_assign(client, scene, role):
    demande, people = scene
    other = people["animateur_du_groupe"]
    response = client_for(client, people, role).post(
        reverse("demandes:assign", args=[demande.pk]),
        {"group": demande.assigned_group_id, "assignee": other.pk},
    )

    demande.refresh_from_db()
    if role in MAY_ASSIGN:
        assert response.status_code == 302
        assert demande.assignee == other
    else:
        assert response.status_code in (302, 403, 404)
        if role == "anonyme":
            assert "/compte/connexion/" in response.url
        assert demande.assignee == people["personne_chargee"]


@pytest.mark.parametrize("role", ROLES)
def test_only_those_in_charge_may_start_close_and_write_notes(client, scene, role):
    demande, people = scene
    client = client_for(client, people, role)
    notes_before = Note.objects.count()

    start = client.post(reverse("demandes:start", args=[demande.pk]))
    note = client.post(
        reverse("demandes:note", args=[demande.pk]), {"text": "Appelée.", "audience": "interne"}
    )
    close = client.post(
        reverse("demandes:close", args=[demande.pk]), {"outcome": "realisee", "reason": ""}
    )

    demande.refresh_from_db()
    if role in MAY_WORK:
        assert [start.status_code, note.status_code, close.status_code] == [302, 302, 302]
        assert demande.status == Demande.Status.CLOSED
        assert Note.objects.count() == notes_before + 1
    else:
        expected = 302 if role == "anonyme" else 403 if role in NOT_IN_TEAM | SEES_REQUEST else 404
        assert [start.status_code, note.status_code, close.status_code] == [expected] * 3
        assert demande.status == Demande.Status.ASSIGNED
        assert Note.objects.count() == notes_before


def test_a_member_of_the_group_sees_the_summary_without_personal_data(client, scene):
    demande, people = scene
    client.force_login(people["membre_du_groupe"])

    content = page_text(client.get(reverse("demandes:work", args=[demande.pk])))

    assert SUMMARY_MARKER in content
    assert "[" in demande.summary_masked  # the name and the phone were masked
    assert "Notes et messages" not in content and "Historique" not in content


# --- A new request no group has taken -------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_a_new_request_is_offered_to_every_facilitator_without_its_contacts(client, role):
    group, other_group = GroupFactory(), GroupFactory()
    people = people_around(group, other_group)
    demande = DemandeFactory()
    response = client_for(client, people, role).get(reverse("demandes:work", args=[demande.pk]))

    sees = {"animateur_du_groupe", "animateur_autre_groupe", "moderateur", "equipe"}
    if role == "anonyme":
        assert response.status_code == 302
    elif role in NOT_IN_TEAM:
        assert response.status_code == 403
    elif role not in sees:
        assert response.status_code == 404
    else:
        content = page_text(response)
        assert reverse("demandes:assign", args=[demande.pk]) in content
        private = role in {"moderateur", "equipe"}
        assert (EMAIL_MARKER in content) == private
        assert (PHONE_MARKER in content) == private


def test_a_facilitator_takes_a_new_request_for_their_group_and_then_sees_the_contacts(client):
    group, other_group = GroupFactory(), GroupFactory()
    people = people_around(group, other_group)
    facilitator = people["animateur_autre_groupe"]
    demande = DemandeFactory()
    client.force_login(facilitator)

    response = client.post(
        reverse("demandes:assign", args=[demande.pk]), {"group": other_group.pk, "assignee": ""}
    )

    assert response.status_code == 302
    demande.refresh_from_db()
    assert demande.status == Demande.Status.ASSIGNED and demande.assigned_group == other_group
    content = page_text(client.get(reverse("demandes:work", args=[demande.pk])))
    assert EMAIL_MARKER in content
    # The first group's facilitator no longer sees it at all.
    client.force_login(people["animateur_du_groupe"])
    assert client.get(reverse("demandes:work", args=[demande.pk])).status_code == 404


def test_a_facilitator_cannot_give_a_request_to_a_group_they_do_not_facilitate(client):
    group, other_group = GroupFactory(), GroupFactory()
    people = people_around(group, other_group)
    demande = DemandeFactory()
    client.force_login(people["animateur_autre_groupe"])

    response = client.post(
        reverse("demandes:assign", args=[demande.pk]), {"group": group.pk, "assignee": ""}
    )

    assert response.status_code == 400
    assert "Choisissez un groupe dans la liste." in page_text(response)
    demande.refresh_from_db()
    assert demande.status == Demande.Status.NEW and demande.assigned_group is None


def test_a_facilitator_of_another_group_cannot_take_a_request_already_assigned(client, scene):
    demande, people = scene
    client.force_login(people["animateur_autre_groupe"])

    response = client.post(
        reverse("demandes:assign", args=[demande.pk]),
        {"group": people["animateur_autre_groupe"].memberships.get().group_id},
    )

    assert response.status_code == 404
    demande.refresh_from_db()
    assert demande.assignee == people["personne_chargee"]


# --- The private follow-up page ---------------------------------------------------------------


def test_the_requester_sees_the_state_and_the_messages_but_never_the_notes(client, scene):
    demande, _people = scene

    response = client.get(reverse("demandes:follow", args=[demande.follow_token]))

    content = page_text(response)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert MESSAGE_MARKER in content
    assert NOTE_MARKER not in content
    for marker in (NAME_MARKER, EMAIL_MARKER, PHONE_MARKER, ADDRESS_MARKER):
        assert marker not in content
    assert demande.assigned_group.name in content
    assert people_name(_people["personne_chargee"]) not in content


def people_name(user):
    return user.display_name


@pytest.mark.parametrize("token", ["mauvais-jeton", "x" * 65, "a" * 43])
def test_a_wrong_token_opens_nothing_and_says_why(client, scene, token):
    response = client.get(reverse("demandes:follow", args=[token]))
    assert response.status_code == 404
    content = page_text(response)
    assert "Ce lien de suivi ne marche pas" in content
    assert SUMMARY_MARKER not in content
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_link_of_an_anonymised_request_says_it_was_erased(client, settings):
    settings.DEMANDES_RETENTION_DAYS = 365
    demande = DemandeFactory(closed=True)
    token = demande.follow_token
    demande.anonymise()

    response = client.get(reverse("demandes:follow", args=[token]))

    assert response.status_code == 404
    assert "12 mois après la fin d'une demande" in " ".join(page_text(response).split())


@pytest.mark.parametrize("role", ROLES)
def test_the_follow_up_page_is_the_same_for_everyone_with_the_link(client, scene, role):
    """The link is the key: holding it shows the requester's page, never the team's."""
    demande, people = scene
    response = client_for(client, people, role).get(
        reverse("demandes:follow", args=[demande.follow_token])
    )
    content = page_text(response)
    assert response.status_code == 200
    assert NOTE_MARKER not in content and EMAIL_MARKER not in content


@pytest.mark.parametrize("role", ["habitant", "membre_du_groupe", "moderateur"])
def test_mes_demandes_shows_only_the_persons_own_requests(client, scene, role):
    demande, people = scene
    owner = people["habitant"]
    Demande.objects.filter(pk=demande.pk).update(requester=owner)
    user = people[role]
    client.force_login(user)

    detail = client.get(reverse("demandes:mine_detail", args=[demande.pk]))
    listing = client.get(reverse("demandes:mine"))

    mine_url = reverse("demandes:mine_detail", args=[demande.pk])
    if user == owner:
        assert detail.status_code == 200
        assert NOTE_MARKER not in page_text(detail) and MESSAGE_MARKER in page_text(detail)
        assert mine_url in listing.content.decode()
    else:
        assert detail.status_code == 404
        assert mine_url not in listing.content.decode()


def test_mes_demandes_requires_an_account(client):
    response = client.get(reverse("demandes:mine"))
    assert response.status_code == 302 and "/compte/connexion/" in response.url
