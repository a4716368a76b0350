"""« Supprimer mon compte »: the password confirms, what is only the person's goes, what they
published stays without their name, and no group is left without a facilitator."""

from datetime import timedelta

import pytest
from axes.models import AccessLog
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portail.accounts import erasure
from portail.accounts.erasure import AccountError, delete_account
from portail.accounts.inactivity import forget_inactive_accounts
from portail.accounts.models import User
from portail.events.models import Registration
from portail.events.retention import ERASED_NAME
from portail.forum.models import ForumPost
from portail.groups.models import Group, Membership
from portail.letters.models import SavedLetter
from portail.questions.models import Question
from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.helpers import page_text
from tests.demandes.factories import DemandeFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.forum.factories import ReplyFactory
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.letters.factories import SavedLetterFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

DELETE = reverse("accounts:delete")


def exists(user):
    return User.objects.filter(pk=user.pk).exists()


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def member_since(group, user, days_ago, role=Membership.Role.MEMBER):
    membership = MembershipFactory(group=group, user=user, role=role)
    Membership.objects.filter(pk=membership.pk).update(
        joined_at=timezone.now() - timedelta(days=days_ago)
    )
    return membership


# --- The page ----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(DELETE)

    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={DELETE}"


def test_the_page_says_what_goes_and_what_stays_before_anything_is_deleted(client):
    user = UserFactory()
    QuestionFactory(author=user, published=True)
    client.force_login(user)

    response = client.get(DELETE)

    text = page_text(response)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Ce qui sera effacé" in text
    assert "Votre question reste sur le portail, sans votre nom" in text
    assert 'type="password"' in text
    assert exists(user)


def test_a_wrong_password_deletes_nothing_and_says_so(client, send_mails):
    user = UserFactory()
    client.force_login(user)

    with send_mails():
        response = client.post(DELETE, {"password": "pas-le-bon"})

    assert response.status_code == 200
    assert "Ce n'est pas le bon mot de passe : votre compte n'a pas été supprimé" in page_text(
        response
    )
    assert exists(user)
    assert mail.outbox == []
    assert client.get(reverse("accounts:espace")).status_code == 200


def test_the_right_password_deletes_the_account_signs_out_and_confirms_by_email(client, send_mails):
    user = UserFactory()
    letter = SavedLetterFactory(user=user)
    client.force_login(user)

    with send_mails():
        response = client.post(DELETE, {"password": PASSWORD}, follow=True)

    assert response.redirect_chain == [(reverse("core:home"), 302)]
    assert "Votre compte est supprimé" in page_text(response)
    assert not exists(user)
    assert not SavedLetter.objects.filter(pk=letter.pk).exists()
    assert client.get(reverse("accounts:espace")).status_code == 302
    (message,) = mails_to(user.email)
    assert "est supprimé" in message.subject
    assert "Comme vous l'avez demandé" in message.body


def test_published_questions_stay_without_author_address_or_original_text(client):
    user = UserFactory()
    question = QuestionFactory(author=user, published=True, email=user.email)
    reply = ReplyFactory(author=user, published=True)
    client.force_login(user)

    client.post(DELETE, {"password": PASSWORD})

    question.refresh_from_db()
    assert question.author is None
    assert question.is_public
    assert question.email == ""
    assert question.original_text == question.text
    assert question.detected_spans == []
    reply = ForumPost.objects.get(pk=reply.pk)
    assert reply.author is None
    assert reply.original_text == reply.text


@pytest.mark.parametrize("traits", [{"staff": True}, {"is_superuser": True}])
def test_a_staff_account_cannot_delete_itself_here(client, traits):
    user = UserFactory(**traits)
    client.force_login(user)

    page = client.get(DELETE)
    refused = client.post(DELETE, {"password": PASSWORD})

    assert "autre personne de l'équipe" in page_text(page)
    assert 'type="password"' not in page_text(page)
    assert refused.status_code == 403
    assert exists(user)
    with pytest.raises(AccountError):
        delete_account(user)
    assert exists(user)


# --- What stays, what goes -------------------------------------------------------------------


def test_past_registrations_lose_the_name_upcoming_ones_keep_the_place():
    user = UserFactory()
    past = RegistrationFactory(
        user=user, event=EventFactory(past=True), name="Zoé", contact="z@x.fr"
    )
    upcoming = RegistrationFactory(user=user, name="Zoé", contact="z@x.fr")

    delete_account(user)

    past = Registration.objects.get(pk=past.pk)
    upcoming = Registration.objects.get(pk=upcoming.pk)
    assert (past.name, past.contact, past.link_token_hash) == (ERASED_NAME, "", "")
    assert (upcoming.name, upcoming.contact, upcoming.status) == ("Zoé", "z@x.fr", "inscrit")
    assert upcoming.user is None


def test_the_sign_in_records_of_the_account_are_deleted():
    user = UserFactory()
    AccessLog.objects.create(username=user.email, ip_address="203.0.113.7", user_agent="x")
    other = AccessLog.objects.create(username="autre@exemple.org", user_agent="y")

    delete_account(user)

    assert list(AccessLog.objects.all()) == [other]


# --- Last facilitator ------------------------------------------------------------------------


def test_the_longest_standing_member_becomes_facilitator_and_is_told(send_mails):
    group = GroupFactory(name="Groupe des Tilleuls")
    leaving = UserFactory()
    member_since(group, leaving, 900, role=Membership.Role.FACILITATOR)
    first = UserFactory()
    member_since(group, first, 500)
    later = UserFactory()
    member_since(group, later, 100)
    closed = UserFactory(is_active=False)
    member_since(group, closed, 800)

    with send_mails():
        delete_account(leaving)

    roles = dict(group.memberships.values_list("user_id", "role"))
    assert roles == {first.pk: "animateur", later.pk: "membre", closed.pk: "membre"}
    (message,) = mails_to(first.email)
    assert "Vous animez maintenant le groupe Groupe des Tilleuls" in message.subject
    assert "a supprimé son compte" in message.body
    assert reverse("groups:manage", args=[group.slug]) in message.body
    assert mails_to(later.email) == []


def test_nobody_is_promoted_when_another_facilitator_remains(send_mails):
    group = GroupFactory()
    leaving = UserFactory()
    member_since(group, leaving, 900, role=Membership.Role.FACILITATOR)
    other = UserFactory()
    member_since(group, other, 10, role=Membership.Role.FACILITATOR)
    oldest = UserFactory()
    member_since(group, oldest, 800)

    with send_mails():
        delete_account(leaving)

    assert group.memberships.get(user=oldest).role == "membre"
    assert mails_to(oldest.email) == []


def test_a_group_left_without_anyone_stays_and_the_team_is_told(send_mails):
    group = GroupFactory(name="Groupe vide")
    leaving = UserFactory()
    member_since(group, leaving, 900, role=Membership.Role.FACILITATOR)
    staff = UserFactory(staff=True)
    former_staff = UserFactory(staff=True, is_active=False)

    with send_mails():
        delete_account(leaving)

    assert Group.objects.filter(pk=group.pk).exists()
    assert not group.memberships.exists()
    (message,) = mails_to(staff.email)
    assert "Le groupe Groupe vide n'a plus personne" in message.subject
    assert f"/admin/groups/group/{group.pk}/" in message.body
    assert mails_to(former_staff.email) == []


def test_the_page_announces_the_handover_before_confirming(client):
    group = GroupFactory(name="Groupe des Tilleuls")
    user = UserFactory()
    member_since(group, user, 900, role=Membership.Role.FACILITATOR)
    member_since(group, UserFactory(), 100)
    client.force_login(user)

    text = page_text(client.get(DELETE))

    assert "seule personne qui anime le groupe Groupe des Tilleuls" in text


# --- The inactivity job goes through the same function -----------------------------------------


def test_the_inactivity_job_hands_groups_over_and_tells_the_person(settings, send_mails):
    settings.ACCOUNTS_INACTIVE_DAYS = 3 * 365
    settings.ACCOUNTS_INACTIVE_WARNING_DAYS = 30
    now = timezone.now()
    group = GroupFactory()
    leaving = UserFactory(last_login=now - timedelta(days=3 * 365 + 1))
    member_since(group, leaving, 2000, role=Membership.Role.FACILITATOR)
    successor = UserFactory()
    member_since(group, successor, 10)
    question = QuestionFactory(author=leaving, published=True, email=leaving.email)
    forget_inactive_accounts(now - timedelta(days=30))

    with send_mails():
        assert forget_inactive_accounts(now) == 1

    assert not exists(leaving)
    assert group.memberships.get(user=successor).role == "animateur"
    assert Question.objects.get(pk=question.pk).email == ""
    (message,) = mails_to(leaving.email)
    assert "n'était plus utilisé depuis longtemps" in message.body
    # The successor is told why: the account was unused, not deleted by its owner.
    (handover,) = mails_to(successor.email)
    assert "n'utilisait plus son compte depuis longtemps" in handover.body
    assert "a supprimé son compte" not in handover.body


def test_a_second_deletion_of_the_same_account_does_nothing_and_sends_nothing(send_mails):
    """Two clicks at once, or the person and the inactivity job: the second finds the account
    gone (its row is locked first) and neither hands the groups over nor writes again."""
    group = GroupFactory()
    leaving = UserFactory()
    member_since(group, leaving, 900, role=Membership.Role.FACILITATOR)
    member_since(group, UserFactory(), 500)
    stale_copy = User.objects.get(pk=leaving.pk)

    with send_mails():
        delete_account(leaving)
        delete_account(stale_copy)

    assert len(mail.outbox) == 2  # one handover, one confirmation


def test_the_handover_is_decided_after_the_facilitators_are_locked(monkeypatch):
    """A co-facilitator leaving at the same moment must wait for the lock, so that the group is
    never left with nobody: the lock comes before the question « is someone else there? »."""
    if not connection.features.has_select_for_update:
        pytest.skip("SQLite serialises writers: there is no row lock to take")
    group = GroupFactory()
    leaving = UserFactory()
    member_since(group, leaving, 900, role=Membership.Role.FACILITATOR)
    member_since(group, UserFactory(), 500, role=Membership.Role.FACILITATOR)
    decided_at = []
    real = erasure.handovers

    def spy(user):
        decided_at.append(len(queries.captured_queries))
        return real(user)

    monkeypatch.setattr(erasure, "handovers", spy)
    with CaptureQueriesContext(connection) as queries:
        delete_account(leaving)

    locks = [
        i
        for i, query in enumerate(queries.captured_queries)
        if "FOR UPDATE" in query["sql"] and "groups_membership" in query["sql"]
    ]
    assert locks and decided_at and locks[0] < decided_at[0]


def test_the_page_counts_closed_requests_that_still_hold_the_contact_details(client):
    user = UserFactory()
    DemandeFactory(requester=user, closed=True)
    client.force_login(user)

    text = page_text(client.get(DELETE))

    assert "Votre demande de suite reste, avec vos coordonnées" in text
