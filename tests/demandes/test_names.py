"""The people who handle a request are named by their pseudonym, or as « un·e bénévole du
groupe … »: never by a name taken from their e-mail address (« jean.dupont »), neither to the
requester (private link, e-mails) nor to the rest of the group."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portail.demandes.names import volunteer_name
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.demandes.factories import DemandeFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db

LOCAL_PART = "jean.dupont"


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement")


def without_pseudonym(group, role="membre", email=f"{LOCAL_PART}@exemple.org"):
    return MembershipFactory(group=group, role=role, user__email=email, user__display_name="").user


@pytest.fixture
def handled(client, group, on_commit):
    """A request taken by a facilitator and given to Jean, who both left the pseudonym empty,
    then started and answered (the requester is e-mailed at each step)."""
    facilitator = without_pseudonym(group, "animateur", "fatou.diallo@exemple.org")
    jean = without_pseudonym(group)
    demande = DemandeFactory()
    client.force_login(facilitator)
    with on_commit(execute=True):
        client.post(
            reverse("demandes:assign", args=[demande.pk]),
            {"group": group.pk, "assignee": jean.pk},
        )
        client.post(reverse("demandes:start", args=[demande.pk]))
        client.post(
            reverse("demandes:note", args=[demande.pk]),
            {"text": "Nous venons jeudi.", "audience": "personne"},
        )
    client.logout()
    demande.refresh_from_db()
    assert demande.assignee == jean
    return demande


def test_the_requester_never_reads_a_name_taken_from_an_e_mail_address(client, handled, on_commit):
    follow_url = reverse("demandes:follow", args=[handled.follow_token])
    pages = [page_text(client.get(follow_url))]
    client.force_login(handled.assignee)
    with on_commit(execute=True):
        client.post(reverse("demandes:close", args=[handled.pk]), {"outcome": "realisee"})
    client.logout()
    pages.append(page_text(client.get(follow_url)))

    assert len(mail.outbox) == 4
    for text in pages + [message.subject + message.body for message in mail.outbox]:
        assert LOCAL_PART not in text
        assert "fatou.diallo" not in text


def test_the_rest_of_the_group_reads_a_neutral_name(client, group, handled):
    client.force_login(MembershipFactory(group=group).user)

    team_list = page_text(client.get(reverse("demandes:team")))
    work = page_text(client.get(reverse("demandes:work", args=[handled.pk])))

    assert "Suivie par un·e bénévole du groupe « Groupe Logement »" in team_list
    assert "un·e bénévole du groupe « Groupe Logement »" in work
    for text in (team_list, work):
        assert LOCAL_PART not in text
        assert "fatou.diallo" not in text


def test_those_in_charge_read_neutral_names_in_the_notes_history_and_the_choice_of_person(
    client, group, handled
):
    client.force_login(UserFactory(moderator=True))

    work = page_text(client.get(reverse("demandes:work", args=[handled.pk])))

    assert "Nous venons jeudi." in work
    assert f"bénévole sans pseudonyme (n° {handled.assignee.pk})" in work
    assert LOCAL_PART not in work
    assert "fatou.diallo" not in work


def test_a_chosen_pseudonym_is_shown_as_it_is(group):
    user = MembershipFactory(group=group, user__display_name="Jeannot").user

    assert volunteer_name(user, group) == "Jeannot"


def test_someone_outside_the_group_is_only_a_volunteer(group):
    user = UserFactory(email=f"{LOCAL_PART}@exemple.org", display_name="  ")

    assert volunteer_name(user, group) == "un·e bénévole"
    assert volunteer_name(None) == ""


def test_the_team_list_names_volunteers_without_one_query_each(
    client, django_assert_max_num_queries
):
    """The group's memberships are fetched with the page, not once per volunteer named."""
    moderator = UserFactory(moderator=True)
    client.force_login(moderator)

    def give_to_a_volunteer_without_pseudonym():
        group = GroupFactory()
        volunteer = without_pseudonym(group, email=f"v{group.pk}@exemple.org")
        DemandeFactory(assigned=True, assigned_group=group, assignee=volunteer)

    give_to_a_volunteer_without_pseudonym()
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("demandes:team"))
    for _ in range(6):
        give_to_a_volunteer_without_pseudonym()

    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse("demandes:team"))

    assert page_text(response).count("Suivie par un·e bénévole du groupe") == 7
