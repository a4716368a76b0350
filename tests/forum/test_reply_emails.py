"""The e-mails of new replies in a public thread: who is told (the thread's author and the
people with a published message, never the replier, never an account closed or unconfirmed,
never a message waiting, refused or hidden, never a groupe de parole), once per publication,
what the e-mail says (the title and the link, never the text), and how each person stops them:
the thread's button, the one-click link of the e-mail (asks before acting), Mon espace."""

import pytest
from django.conf import settings
from django.core import signing
from django.urls import reverse

from portail.accounts.tokens import make_confirmation_token
from portail.forum import notifications
from portail.forum.models import ForumMute, ForumPost, Status
from portail.forum.tokens import make_mute_token
from portail.questions.models import InvalidTransition
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text, path_of_link
from tests.forum.factories import (
    ORIGINAL_MARKER,
    PHONE_MARKER,
    CharterAcceptanceFactory,
    PrivateReplyFactory,
    PrivateThreadFactory,
    PublicThreadFactory,
    ReplyFactory,
)
from tests.groups.factories import MembershipFactory

pytestmark = pytest.mark.django_db

NEW_REPLY_SUBJECT = "Nouvelle réponse dans la discussion"
MUTE_BUTTON = "Ne plus recevoir d'e-mail pour cette discussion"


@pytest.fixture
def moderator():
    return UserFactory(moderator=True)


@pytest.fixture
def thread():
    return PublicThreadFactory(published=True, title="Le chauffage est en panne")


def publish(client, moderator, post, capture):
    """The moderator publishes `post` from the moderation page; returns the response."""
    data = {"action": "publier", "texte": post.text}
    if post.is_opening:
        data["title"] = post.thread.title
    client.force_login(moderator)
    with capture(execute=True):
        response = client.post(reverse("forum:moderate", args=[post.pk]), data)
    client.logout()
    return response


def reply_mails(outbox):
    return [mail for mail in outbox if mail.subject.startswith(NEW_REPLY_SUBJECT)]


def told(outbox):
    """The addresses told of a new reply, one entry per e-mail."""
    return sorted(address for mail in reply_mails(outbox) for address in mail.to)


def mute_link_path(mail):
    return path_of_link(mail, "/forum/e-mails/")


def link_url(user, thread):
    return reverse("forum:mute_link", args=[make_mute_token(user, thread)])


def thread_emails_url(thread):
    return reverse("forum:thread_emails", args=[thread.theme.slug, thread.pk])


# --- Who is told --------------------------------------------------------------------------------


def test_publishing_a_reply_tells_the_author_and_each_participant_once(
    client, moderator, thread, mailoutbox, django_capture_on_commit_callbacks
):
    participant = UserFactory()
    ReplyFactory(thread=thread, author=participant, published=True)
    ReplyFactory(thread=thread, author=participant, published=True)
    reply = ReplyFactory(thread=thread)

    response = publish(client, moderator, reply, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert told(mailoutbox) == sorted([thread.author.email, participant.email])
    # The replier hears only that their reply is published, not that « someone » replied.
    replier_mails = [mail for mail in mailoutbox if reply.author.email in mail.to]
    assert [mail.subject for mail in replier_mails] == ["Votre réponse est publiée sur le forum"]


def test_messages_waiting_refused_or_hidden_make_nobody_a_participant(
    client, moderator, thread, mailoutbox, django_capture_on_commit_callbacks
):
    waiting = ReplyFactory(thread=thread)
    refused = ReplyFactory(thread=thread, status=Status.REJECTED, rejection_reason="Hors sujet.")
    hidden = ReplyFactory(thread=thread, status=Status.HIDDEN, hidden_reason="Signalé.")
    reply = ReplyFactory(thread=thread)

    publish(client, moderator, reply, django_capture_on_commit_callbacks)

    assert told(mailoutbox) == [thread.author.email]
    everyone_told = {address for mail in mailoutbox for address in mail.to}
    assert not everyone_told & {waiting.author.email, refused.author.email, hidden.author.email}


@pytest.mark.parametrize(
    "account",
    [
        {"is_active": False, "email_confirmed_at": None},  # never confirmed
        {"is_active": True, "email_confirmed_at": None},
        {"is_active": False},  # closed by the team after confirmation
    ],
    ids=["unconfirmed", "active-unconfirmed", "closed"],
)
def test_closed_or_unconfirmed_accounts_are_not_told(
    client, moderator, thread, account, mailoutbox, django_capture_on_commit_callbacks
):
    absent = UserFactory(**account)
    ReplyFactory(thread=thread, author=absent, published=True)
    reply = ReplyFactory(thread=thread)

    publish(client, moderator, reply, django_capture_on_commit_callbacks)

    assert told(mailoutbox) == [thread.author.email]


def test_the_author_of_the_thread_who_replies_is_not_told_of_their_own_reply(
    client, moderator, thread, mailoutbox, django_capture_on_commit_callbacks
):
    participant = UserFactory()
    ReplyFactory(thread=thread, author=participant, published=True)
    reply = ReplyFactory(thread=thread, author=thread.author)

    publish(client, moderator, reply, django_capture_on_commit_callbacks)

    assert told(mailoutbox) == [participant.email]


def test_publishing_a_new_thread_tells_only_its_author(
    client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    thread = PublicThreadFactory()

    publish(client, moderator, thread.opening, django_capture_on_commit_callbacks)

    assert [mail.to for mail in mailoutbox] == [[thread.author.email]]
    assert reply_mails(mailoutbox) == []


def test_a_refused_reply_tells_no_participant(
    client, moderator, thread, mailoutbox, django_capture_on_commit_callbacks
):
    reply = ReplyFactory(thread=thread)
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("forum:moderate", args=[reply.pk]), {"action": "refuser", "motif": "Un nom."}
        )

    assert [mail.to for mail in mailoutbox] == [[reply.author.email]]
    assert reply_mails(mailoutbox) == []


# --- Once per publication ----------------------------------------------------------------------


def test_a_double_click_on_publish_sends_each_email_once(
    client, moderator, thread, mailoutbox, django_capture_on_commit_callbacks
):
    reply = ReplyFactory(thread=thread)

    first = publish(client, moderator, reply, django_capture_on_commit_callbacks)
    second = publish(client, moderator, reply, django_capture_on_commit_callbacks)

    assert first.status_code == second.status_code == 302
    assert told(mailoutbox) == [thread.author.email]
    assert len(mailoutbox) == 2  # the participant's, and the replier's « publiée »


def test_two_moderators_deciding_the_same_reply_at_once_publish_it_once(moderator, thread):
    reply = ReplyFactory(thread=thread)
    seen_by_one = ForumPost.objects.get(pk=reply.pk)
    seen_by_other = ForumPost.objects.get(pk=reply.pk)

    seen_by_one.approve(moderator)

    # The second page was opened before the first decision: its copy still says « waiting ».
    assert seen_by_other.is_pending
    with pytest.raises(InvalidTransition):
        seen_by_other.approve(UserFactory(moderator=True))
    with pytest.raises(InvalidTransition):
        seen_by_other.reject(moderator, "Trop tard.")
    assert reply.actions.count() == 1


# --- What the e-mail says ---------------------------------------------------------------------


def test_the_email_gives_the_title_and_the_link_but_never_the_text(
    client, moderator, thread, mailoutbox, django_capture_on_commit_callbacks
):
    reply = ReplyFactory(thread=thread, text="Appelez la mairie, mot-témoin zébrure.")

    publish(client, moderator, reply, django_capture_on_commit_callbacks)

    [mail] = reply_mails(mailoutbox)
    assert mail.subject == "Nouvelle réponse dans la discussion « Le chauffage est en panne »"
    assert "« Le chauffage est en panne »" in mail.body
    assert f"{settings.SITE_URL}{reply.get_absolute_url()}" in mail.body
    assert "zébrure" not in mail.body and "zébrure" not in mail.subject
    assert ORIGINAL_MARKER not in mail.body and PHONE_MARKER not in mail.body
    assert reply.author.public_name not in mail.body
    assert mute_link_path(mail).startswith("/forum/e-mails/")


# --- Never for a groupe de parole ---------------------------------------------------------------


def test_nothing_is_ever_sent_about_a_groupe_de_parole(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    thread = PrivateThreadFactory()
    group = thread.group
    MembershipFactory(group=group, user=thread.author)
    other = UserFactory()
    MembershipFactory(group=group, user=other)
    PrivateReplyFactory(thread=thread, author=other)
    writer = UserFactory()
    MembershipFactory(group=group, user=writer)
    CharterAcceptanceFactory(user=writer, group=group)
    client.force_login(writer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("forum:group_thread", args=[group.slug, thread.pk]),
            {"text": "Merci pour samedi, à jeudi."},
        )

    post = ForumPost.objects.latest("id")
    assert response.status_code == 302 and post.status == Status.PUBLISHED
    assert mailoutbox == []
    assert list(notifications.reply_recipients(post)) == []
    assert notifications.notify_participants(post) == 0
    assert notifications.notify_published(post) is False


# --- Stopping the e-mails from the thread's page ------------------------------------------------


def test_a_participant_stops_the_emails_of_a_thread_with_its_button(
    client, moderator, thread, mailoutbox, django_capture_on_commit_callbacks
):
    participant = UserFactory()
    ReplyFactory(thread=thread, author=participant, published=True)
    client.force_login(participant)

    page = page_text(client.get(thread.get_absolute_url()))
    response = client.post(thread_emails_url(thread), {"action": "arreter"})
    after = page_text(client.get(thread.get_absolute_url()))

    assert MUTE_BUTTON in page
    assert response.status_code == 302
    assert response["Location"] == f"{thread.get_absolute_url()}#e-mails"
    assert "vous ne recevrez plus d'e-mail pour cette discussion" in after
    assert "Recevoir de nouveau un e-mail à chaque réponse" in after
    publish(client, moderator, ReplyFactory(thread=thread), django_capture_on_commit_callbacks)
    assert told(mailoutbox) == [thread.author.email]


def test_a_participant_starts_the_emails_again(
    client, moderator, thread, mailoutbox, django_capture_on_commit_callbacks
):
    ForumMute.mute(thread.author, thread)
    client.force_login(thread.author)

    client.post(thread_emails_url(thread), {"action": "reprendre"})

    assert not ForumMute.is_muted(thread.author, thread)
    publish(client, moderator, ReplyFactory(thread=thread), django_capture_on_commit_callbacks)
    assert told(mailoutbox) == [thread.author.email]


@pytest.mark.parametrize(
    "who, shown",
    [
        ("anonymous", False),
        ("resident", False),
        ("refused_writer", False),
        ("waiting_writer", True),
        ("participant", True),
        ("opener", True),
    ],
)
def test_the_button_is_offered_to_participants_only(client, thread, who, shown):
    user = None
    if who == "opener":
        user = thread.author
    elif who != "anonymous":
        user = UserFactory()
        statuses = {
            "refused_writer": Status.REJECTED,
            "waiting_writer": Status.PENDING,
            "participant": Status.PUBLISHED,
        }
        if who in statuses:
            ReplyFactory(thread=thread, author=user, status=statuses[who])
    if user is not None:
        client.force_login(user)

    content = page_text(client.get(thread.get_absolute_url()))

    assert (MUTE_BUTTON in content) is shown


def test_the_thread_button_needs_a_signed_in_post(client, thread):
    url = thread_emails_url(thread)

    anonymous = client.post(url, {"action": "arreter"})
    client.force_login(thread.author)
    by_get = client.get(url)
    unknown = client.post(url, {"action": "autre-chose"}, follow=True)

    assert anonymous.status_code == 302 and "/compte/connexion/" in anonymous["Location"]
    assert by_get.status_code == 405
    assert "Ce bouton n'est pas reconnu" in page_text(unknown)
    assert not ForumMute.objects.exists()


def test_the_thread_button_does_not_exist_for_a_groupe_de_parole(client):
    thread = PrivateThreadFactory()
    client.force_login(thread.author)

    response = client.post(
        reverse("forum:thread_emails", args=["logement", thread.pk]), {"action": "arreter"}
    )

    assert response.status_code == 404
    assert not ForumMute.objects.exists()


# --- Stopping the e-mails from the link of the e-mail -------------------------------------------


def test_the_link_of_the_email_asks_before_stopping_and_needs_no_sign_in(
    client, moderator, thread, mailoutbox, django_capture_on_commit_callbacks
):
    publish(client, moderator, ReplyFactory(thread=thread), django_capture_on_commit_callbacks)
    [mail] = reply_mails(mailoutbox)
    url = mute_link_path(mail)

    shown = client.get(url)
    assert shown.status_code == 200
    assert not ForumMute.objects.exists()  # a mail scanner opening the link stops nothing
    assert MUTE_BUTTON in page_text(shown)
    assert "Le chauffage est en panne" in page_text(shown)
    assert thread.author.email not in page_text(shown)
    assert "no-store" in shown["Cache-Control"] and shown["X-Robots-Tag"] == "noindex, nofollow"

    done = client.post(url, {"action": "arreter"})
    again = client.post(url, {"action": "arreter"})
    after = client.get(url)

    assert done.status_code == again.status_code == 302 and done["Location"] == url
    assert ForumMute.is_muted(thread.author, thread)
    assert ForumMute.objects.count() == 1
    assert "Vous ne recevez plus d'e-mail pour cette discussion." in page_text(after)
    first_replier = ForumPost.objects.filter(thread=thread, is_opening=False).get().author
    mailoutbox.clear()
    publish(client, moderator, ReplyFactory(thread=thread), django_capture_on_commit_callbacks)
    assert told(mailoutbox) == [first_replier.email]


def test_the_link_stops_and_restarts_every_email_of_the_forum(
    client, moderator, thread, mailoutbox, django_capture_on_commit_callbacks
):
    other_thread = PublicThreadFactory(published=True, author=thread.author)
    url = link_url(thread.author, thread)
    replier = UserFactory()
    capture = django_capture_on_commit_callbacks

    client.post(url, {"action": "arreter-tout"})
    page = page_text(client.get(url))
    publish(client, moderator, ReplyFactory(thread=other_thread, author=replier), capture)

    assert ForumMute.is_muted_everywhere(thread.author)
    assert "Vous ne recevez plus aucun e-mail quand quelqu'un répond sur le forum." in page
    assert told(mailoutbox) == []

    client.post(url, {"action": "reprendre-tout"})
    publish(client, moderator, ReplyFactory(thread=other_thread, author=replier), capture)
    assert told(mailoutbox) == [thread.author.email]


def test_the_link_restarts_the_emails_of_its_thread(client, thread):
    ForumMute.mute(thread.author, thread)
    url = link_url(thread.author, thread)

    client.post(url, {"action": "reprendre"})

    assert not ForumMute.is_muted(thread.author, thread)


def test_an_unknown_button_on_the_link_page_changes_nothing(client, thread):
    response = client.post(link_url(thread.author, thread), {"action": "tout-effacer"})

    assert response.status_code == 400
    assert "Ce bouton n'est pas reconnu" in page_text(response)
    assert not ForumMute.objects.exists()


def tampered(token):
    signed, signature = token.rsplit(":", 1)
    return f"{signed}:{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"


@pytest.mark.parametrize(
    "make_token",
    [
        lambda user, thread: tampered(make_mute_token(user, thread)),
        lambda user, thread: "pas-un-lien",
        lambda user, thread: make_mute_token(user, thread)[:-6],  # cut by the mail reader
        lambda user, thread: make_confirmation_token(user),  # another link of the site
        lambda user, thread: signing.dumps([user.pk, thread.pk]),  # not for this purpose
        lambda user, thread: signing.dumps(["a", "b"], salt="portail.forum.mute"),
    ],
    ids=["tampered", "garbage", "cut", "other-link", "no-salt", "wrong-content"],
)
def test_a_damaged_link_shows_a_clear_page_and_changes_nothing(client, thread, make_token):
    url = reverse("forum:mute_link", args=[make_token(thread.author, thread)])

    shown = client.get(url)
    posted = client.post(url, {"action": "arreter-tout"})

    assert shown.status_code == posted.status_code == 400
    assert "Ce lien ne marche pas" in page_text(shown)
    assert "copiez-le en entier" in page_text(shown)
    assert not ForumMute.objects.exists()


def test_a_link_to_a_deleted_thread_or_account_is_not_found(client, thread):
    gone_account = UserFactory()
    url_account = link_url(gone_account, thread)
    gone_account.delete()
    gone_thread = PublicThreadFactory(published=True)
    url_thread = link_url(thread.author, gone_thread)
    gone_thread.delete()

    for url in (url_account, url_thread):
        response = client.post(url, {"action": "arreter"})
        assert response.status_code == 404
        assert "Ce lien ne marche pas" in page_text(response)
    assert not ForumMute.objects.exists()


def test_a_link_never_names_a_groupe_de_parole(client):
    private = PrivateThreadFactory()

    response = client.get(link_url(private.author, private))

    assert response.status_code == 404
    assert private.title not in page_text(response)


def test_the_link_of_a_thread_taken_off_the_forum_does_not_show_its_title(client, thread):
    thread.opening.hide(UserFactory(moderator=True), "Signalé.")

    response = client.get(link_url(thread.author, thread))

    assert response.status_code == 200
    assert thread.title not in page_text(response)
    assert "n'est plus sur le forum" in page_text(response)


# --- Mon espace -------------------------------------------------------------------------------


def test_mon_espace_stops_and_restarts_every_email_of_the_forum(client, thread):
    client.force_login(thread.author)
    espace = reverse("accounts:espace")
    settings_url = reverse("forum:email_settings")

    before = page_text(client.get(espace))
    stopped = client.post(settings_url, {"action": "arreter-tout"})
    during = page_text(client.get(espace))
    thread_page = page_text(client.get(thread.get_absolute_url()))

    assert "Ne plus recevoir aucun e-mail du forum" in before
    assert stopped["Location"] == f"{espace}#mon-forum"
    assert ForumMute.is_muted_everywhere(thread.author)
    assert "Recevoir de nouveau les e-mails du forum" in during
    assert MUTE_BUTTON not in thread_page
    assert "Changer dans mon espace" in thread_page

    client.post(settings_url, {"action": "reprendre-tout"})
    assert not ForumMute.is_muted_everywhere(thread.author)


def test_the_forum_wide_switch_needs_a_signed_in_post(client):
    url = reverse("forum:email_settings")

    anonymous = client.post(url, {"action": "arreter-tout"})
    client.force_login(UserFactory())
    by_get = client.get(url)

    assert anonymous.status_code == 302 and "/compte/connexion/" in anonymous["Location"]
    assert by_get.status_code == 405
    assert not ForumMute.objects.exists()


def test_muting_twice_keeps_one_record(thread):
    ForumMute.mute(thread.author, thread)
    ForumMute.mute(thread.author, thread)
    ForumMute.mute(thread.author)
    ForumMute.mute(thread.author)

    assert ForumMute.objects.filter(user=thread.author).count() == 2
