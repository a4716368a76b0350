"""The forum's rules carried by the models: masking on submission, moderation before
publication, a thread following its opening message, the audit trail."""

import pytest

from portail.forum.models import ForumModerationAction, ForumPost, ForumThread, Status
from portail.questions.models import InvalidTransition
from tests.accounts.factories import UserFactory
from tests.forum.factories import PrivateThreadFactory, PublicThreadFactory, ReplyFactory
from tests.groups.factories import GroupFactory
from tests.places.factories import ThemeFactory

pytestmark = pytest.mark.django_db

Action = ForumModerationAction.Action
ORIGINAL = "Je suis Nadia Benali, appelez-moi au 06 12 34 56 78, le chauffage est en panne."


def test_a_new_public_thread_is_masked_and_waits_for_a_moderator():
    thread = ForumThread.start_public(
        author=UserFactory(),
        theme=ThemeFactory(),
        title="Chauffage en panne, appelez le 06 12 34 56 78",
        text=ORIGINAL,
    )

    opening = thread.opening
    assert thread.status == Status.PENDING and opening.status == Status.PENDING
    assert opening.original_text == ORIGINAL
    assert "06 12 34 56 78" not in opening.text and "Benali" not in opening.text
    assert {span["kind"] for span in opening.detected_spans} >= {"telephone", "nom"}
    assert "06 12 34 56 78" not in thread.title
    assert thread.original_title == "Chauffage en panne, appelez le 06 12 34 56 78"
    assert [span["kind"] for span in thread.title_spans] == ["telephone"]
    assert not ForumThread.objects.public().exists()
    assert list(ForumPost.objects.awaiting_moderation()) == [opening]


def test_approving_the_opening_publishes_the_thread_with_the_edited_text_and_title():
    thread = PublicThreadFactory()
    moderator = UserFactory(moderator=True)
    opening = thread.opening

    opening.approve(moderator, text="Le texte corrigé.", title="Un titre corrigé")

    thread.refresh_from_db()
    opening.refresh_from_db()
    assert thread.status == Status.PUBLISHED and thread.title == "Un titre corrigé"
    assert opening.status == Status.PUBLISHED and opening.text == "Le texte corrigé."
    assert opening.published_at is not None
    assert list(ForumThread.objects.public()) == [thread]
    action = opening.actions.get()
    assert action.action == Action.APPROVE and action.actor == moderator
    assert [label for label, *_ in action.changes()] == ["titre", "texte"]


def test_rejecting_needs_a_reason_and_keeps_the_thread_off_the_forum():
    thread = PublicThreadFactory()
    opening = thread.opening
    with pytest.raises(InvalidTransition):
        opening.reject(UserFactory(moderator=True), "  ")

    opening.reject(UserFactory(moderator=True), "Ce message parle d'une personne.")

    thread.refresh_from_db()
    assert thread.status == Status.REJECTED
    assert opening.rejection_reason == "Ce message parle d'une personne."
    assert not ForumThread.objects.public().exists()
    assert not ForumPost.objects.public().exists()


def test_a_message_is_moderated_only_once():
    reply = ReplyFactory()
    reply.approve(UserFactory(moderator=True))

    with pytest.raises(InvalidTransition):
        reply.reject(UserFactory(moderator=True), "Trop tard.")
    with pytest.raises(InvalidTransition):
        reply.approve(UserFactory(moderator=True))


def test_a_reply_cannot_be_written_in_a_thread_that_is_not_published():
    thread = PublicThreadFactory()

    with pytest.raises(InvalidTransition):
        thread.reply(author=UserFactory(), text="Une réponse trop tôt.")


def test_hiding_the_opening_message_hides_the_thread_and_restoring_brings_it_back():
    thread = PublicThreadFactory(published=True)
    moderator = UserFactory(moderator=True)

    thread.opening.hide(moderator, "Un nom restait.")
    thread.refresh_from_db()
    assert thread.status == Status.HIDDEN
    assert not ForumThread.objects.public().exists()

    thread.opening.restore(moderator)
    thread.refresh_from_db()
    assert thread.status == Status.PUBLISHED
    actions = [a.action for a in ForumModerationAction.objects.order_by("id")]
    assert actions == [Action.HIDE, Action.RESTORE]


def test_publishing_a_reply_moves_the_thread_up():
    thread = PublicThreadFactory(published=True)
    before = thread.last_activity_at
    reply = thread.reply(author=UserFactory(), text="Moi aussi, même souci avec le bailleur.")
    assert reply.status == Status.PENDING
    thread.refresh_from_db()
    assert thread.last_activity_at == before

    reply.approve(UserFactory(moderator=True))

    thread.refresh_from_db()
    assert thread.last_activity_at > before


def test_a_private_thread_is_read_at_once_and_keeps_no_original():
    group = GroupFactory()
    thread = ForumThread.start_private(
        author=UserFactory(), group=group, title="Entre nous", text="Ce que je choisis d'écrire."
    )
    reply = thread.reply(author=UserFactory(), text="Une réponse lue tout de suite.")

    assert thread.status == Status.PUBLISHED
    assert reply.status == Status.PUBLISHED
    assert thread.original_title == "" and reply.original_text == ""
    assert not ForumPost.objects.awaiting_moderation().exists()
    assert not ForumThread.objects.public().exists()
    assert not ForumPost.objects.public().exists()


def test_a_private_message_is_never_moderated_by_the_portal():
    thread = PrivateThreadFactory()

    with pytest.raises(InvalidTransition):
        thread.opening.approve(UserFactory(moderator=True))


def test_the_public_audit_trail_leaves_out_the_groupes_de_parole():
    public = ReplyFactory(published=True)
    private = PrivateThreadFactory().opening
    facilitator = UserFactory()
    public.hide(UserFactory(moderator=True), "Propos blessants.")
    private.hide(facilitator, "Hors charte.")

    assert ForumModerationAction.objects.count() == 2
    assert [a.post for a in ForumModerationAction.objects.public()] == [public]
