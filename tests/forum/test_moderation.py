"""Moderation of the public forum in the moderators' pages: the shared queue, one message with
its personal data highlighted, the decisions, the e-mails to the author, the shared audit
trail. Moderators only; groupes de parole never appear."""

import pytest
from django.urls import reverse

from portail.forum.models import ForumModerationAction, Status
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.forum.factories import (
    ORIGINAL_MARKER,
    PHONE_MARKER,
    PrivateThreadFactory,
    PublicThreadFactory,
    ReplyFactory,
)
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("questions:moderation")
AUDIT = reverse("questions:audit")
Action = ForumModerationAction.Action


@pytest.fixture
def moderator(client):
    user = UserFactory(moderator=True)
    client.force_login(user)
    return user


def moderate_url(post):
    return reverse("forum:moderate", args=[post.pk])


def test_the_queue_shows_forum_messages_next_to_the_questions(client, moderator):
    question = QuestionFactory()
    thread = PublicThreadFactory()
    reply = ReplyFactory()
    published = ReplyFactory(published=True)
    private = PrivateThreadFactory()

    response = client.get(QUEUE)

    content = page_text(response)
    assert response.status_code == 200
    assert reverse("questions:moderate", args=[question.pk]) in content
    assert "Forum : 2 messages à relire" in content
    assert moderate_url(thread.opening) in content and moderate_url(reply) in content
    assert "Nouvelle discussion" in content and "Réponse" in content
    assert moderate_url(published) not in content
    assert private.title not in content
    assert ORIGINAL_MARKER not in content


@pytest.mark.parametrize("role", ["anonymous", "resident", "member", "facilitator", "partner"])
def test_only_moderators_open_a_forum_message_for_review(client, role):
    reply = ReplyFactory()
    if role != "anonymous":
        client.force_login(UserFactory(**({} if role == "resident" else {role: True})))

    response = client.get(moderate_url(reply))

    assert response.status_code == (302 if role == "anonymous" else 403)
    assert ORIGINAL_MARKER not in page_text(response)


@pytest.mark.parametrize("role", ["moderator", "staff"])
def test_moderators_see_the_original_with_the_personal_data_highlighted(client, role):
    client.force_login(UserFactory(**{role: True}))
    thread = PublicThreadFactory()

    response = client.get(moderate_url(thread.opening))

    content = response.content.decode()
    assert response.status_code == 200
    assert f'<mark class="donnee-perso" data-kind="nom">{ORIGINAL_MARKER}' in content
    assert f'<mark class="donnee-perso" data-kind="telephone">{PHONE_MARKER}' in content
    assert "no-store" in response["Cache-Control"]


def test_a_private_message_has_no_moderation_page(client, moderator):
    thread = PrivateThreadFactory()

    assert client.get(moderate_url(thread.opening)).status_code == 404


def test_publishing_a_new_thread_with_corrections_and_telling_its_author(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    thread = PublicThreadFactory()
    opening = thread.opening
    following = ReplyFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            moderate_url(opening),
            {"action": "publier", "title": "Un titre relu", "texte": "Un texte relu."},
        )

    thread.refresh_from_db()
    opening.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == moderate_url(following)
    assert thread.status == Status.PUBLISHED and thread.title == "Un titre relu"
    assert opening.text == "Un texte relu."
    public = page_text(client.get(thread.get_absolute_url()))
    assert "Un texte relu." in public
    [mail] = mailoutbox
    assert mail.to == [thread.author.email]
    assert "Un titre relu" in mail.body
    assert f"/forum/{thread.theme.slug}/{thread.pk}/" in mail.body


def test_after_the_last_message_the_moderator_goes_back_to_the_queue(client, moderator):
    reply = ReplyFactory()

    response = client.post(moderate_url(reply), {"action": "publier", "texte": reply.text})

    assert response["Location"] == QUEUE
    reply.refresh_from_db()
    assert reply.status == Status.PUBLISHED


def test_refusing_needs_a_reason_and_sends_it_to_the_author(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    reply = ReplyFactory()

    empty = client.post(moderate_url(reply), {"action": "refuser", "motif": ""})
    assert empty.status_code == 400
    assert "Donnez le motif du refus" in page_text(empty)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(moderate_url(reply), {"action": "refuser", "motif": "Il y a un nom de voisin."})

    reply.refresh_from_db()
    assert reply.status == Status.REJECTED
    assert reply.text not in page_text(client.get(reply.thread.get_absolute_url()))
    [mail] = mailoutbox
    assert mail.to == [reply.author.email]
    assert "Il y a un nom de voisin." in mail.body


def test_an_empty_text_is_refused_and_what_was_typed_stays(client, moderator):
    thread = PublicThreadFactory()

    response = client.post(
        moderate_url(thread.opening),
        {"action": "publier", "title": "Un titre gardé dans la case", "texte": "  "},
    )

    assert response.status_code == 400
    assert "Le texte à publier est vide" in page_text(response)
    assert 'value="Un titre gardé dans la case"' in page_text(response)
    thread.refresh_from_db()
    assert thread.status == Status.PENDING


def test_a_message_already_decided_cannot_be_decided_again(client, moderator):
    reply = ReplyFactory()
    reply.reject(moderator, "Hors sujet.")

    response = client.post(
        moderate_url(reply), {"action": "publier", "texte": "Finalement."}, follow=True
    )

    reply.refresh_from_db()
    assert reply.status == Status.REJECTED
    assert "déjà été traité" in page_text(response)


def test_the_audit_page_shows_the_forum_decisions_but_not_the_groupes_de_parole(client, moderator):
    reply = ReplyFactory()
    client.post(moderate_url(reply), {"action": "publier", "texte": "Texte relu et corrigé."})
    private = PrivateThreadFactory().opening
    private.hide(UserFactory(), "Motif privé du groupe.")

    response = client.get(AUDIT)

    content = page_text(response)
    assert "Forum : 1 action" in content
    assert f"message du forum n° {reply.pk}" in content
    assert "Texte relu et corrigé." in content
    assert "Motif privé du groupe." not in content
    assert private.thread.title not in content


def test_the_forum_audit_names_the_moderator_by_pseudonym_never_by_email(client, moderator):
    other = UserFactory(moderator=True, display_name="Modé", email="mode@exemple.org")
    ReplyFactory().approve(other)

    content = page_text(client.get(AUDIT))

    assert "par Modé" in content
    assert "mode@exemple.org" not in content


def test_the_audit_filters_apply_to_the_forum_where_they_make_sense(client, moderator):
    reply = ReplyFactory()
    reply.approve(moderator)

    published = page_text(client.get(AUDIT, {"action": "publication"}))
    refused = page_text(client.get(AUDIT, {"action": "refus"}))
    one_question = page_text(client.get(AUDIT, {"question": QuestionFactory().pk}))

    assert f"message du forum n° {reply.pk}" in published
    assert f"message du forum n° {reply.pk}" not in refused
    assert "Forum :" not in one_question


def test_a_moderator_shows_a_hidden_message_again(client, moderator):
    reply = ReplyFactory(published=True)
    reply.hide(moderator, "Signalé à tort ?")

    page = page_text(client.get(moderate_url(reply)))
    client.post(moderate_url(reply), {"action": "retablir"})

    assert "Rendre ce message de nouveau visible" in page
    reply.refresh_from_db()
    assert reply.status == Status.PUBLISHED
    assert reply.text in page_text(client.get(reply.thread.get_absolute_url()))


def test_the_admin_shows_the_public_forum_only_and_never_an_original(client):
    client.force_login(UserFactory(staff=True, is_superuser=True))
    public = PublicThreadFactory(published=True)
    private = PrivateThreadFactory()

    threads = page_text(client.get(reverse("admin:forum_forumthread_changelist")))
    posts = page_text(client.get(reverse("admin:forum_forumpost_changelist")))
    one = page_text(client.get(reverse("admin:forum_forumpost_change", args=[public.opening.pk])))
    hidden = client.get(reverse("admin:forum_forumpost_change", args=[private.opening.pk]))

    assert public.title in threads and private.title not in threads
    assert private.opening.text[:40] not in posts
    assert ORIGINAL_MARKER not in one and PHONE_MARKER not in one
    assert hidden.status_code == 302  # « does not exist », back to the list
