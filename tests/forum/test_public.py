"""The public forum, as readers and writers see it: only published messages, masked; writing
for signed-in people with a confirmed address, every message waiting for review first."""

import pytest
from django.urls import reverse

from portail.forum.models import ForumPost, ForumThread, Status
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.forum.factories import (
    ORIGINAL_MARKER,
    PHONE_MARKER,
    PrivateThreadFactory,
    PublicThreadFactory,
    ReplyFactory,
)
from tests.places.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def thread_url(thread):
    return reverse("forum:thread", args=[thread.theme.slug, thread.pk])


def test_the_forum_lists_themes_and_recent_published_threads(client):
    published = PublicThreadFactory(published=True)
    waiting = PublicThreadFactory(theme=published.theme)
    private = PrivateThreadFactory()

    content = page_text(client.get(reverse("forum:index")))

    assert published.title in content
    assert waiting.title not in content
    assert private.title not in content
    assert published.theme.name in content
    assert "1 discussion" in content


def test_a_theme_lists_its_published_threads_only(client):
    theme = ThemeFactory()
    published = PublicThreadFactory(theme=theme, published=True)
    ReplyFactory(thread=published, published=True)
    ReplyFactory(thread=published)
    waiting = PublicThreadFactory(theme=theme)
    refused = PublicThreadFactory(theme=theme, status=Status.REJECTED)
    elsewhere = PublicThreadFactory(published=True)

    response = client.get(reverse("forum:theme", args=[theme.slug]))

    content = page_text(response)
    assert published.title in content
    assert "1 réponse" in content
    for other in (waiting, refused, elsewhere):
        assert other.title not in content


def test_an_unknown_theme_is_a_404(client):
    assert client.get(reverse("forum:theme", args=["inconnu"])).status_code == 404


def test_a_published_thread_shows_the_masked_text_never_the_original(client):
    thread = PublicThreadFactory(published=True)
    reply = ReplyFactory(thread=thread, published=True)

    response = client.get(thread_url(thread))

    content = page_text(response)
    assert response.status_code == 200
    assert thread.opening.text in content and reply.text in content
    assert ORIGINAL_MARKER not in content and PHONE_MARKER not in content
    assert "X-Robots-Tag" not in response
    assert thread.author.public_name in content
    assert thread.author.email not in content


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.HIDDEN])
def test_a_thread_not_published_is_a_404_for_readers(client, status):
    thread = PublicThreadFactory(status=status)

    assert client.get(thread_url(thread)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(thread_url(thread)).status_code == 404


def test_its_author_sees_a_waiting_thread_marked_en_attente_never_cached_nor_indexed(client):
    thread = PublicThreadFactory()
    client.force_login(thread.author)

    response = client.get(thread_url(thread))

    content = page_text(response)
    assert response.status_code == 200
    assert "en attente de relecture" in content
    assert thread.opening.text in content
    assert ORIGINAL_MARKER not in content
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_a_pending_reply_is_shown_to_its_author_only(client):
    thread = PublicThreadFactory(published=True)
    reply = ReplyFactory(thread=thread)

    assert reply.text not in page_text(client.get(thread_url(thread)))
    client.force_login(UserFactory())
    assert reply.text not in page_text(client.get(thread_url(thread)))
    client.force_login(reply.author)
    content = page_text(client.get(thread_url(thread)))
    assert reply.text in content and "En attente de relecture" in content


def test_a_refused_reply_shows_its_reason_to_its_author_only(client):
    reply = ReplyFactory()
    reply.reject(UserFactory(moderator=True), "Ce message parle d'une voisine.")
    url = thread_url(reply.thread)

    assert "Ce message parle d'une voisine." not in page_text(client.get(url))
    client.force_login(reply.author)
    content = page_text(client.get(url))
    assert "Non publié" in content and "Ce message parle d'une voisine." in content


def test_a_thread_url_with_another_theme_redirects_to_the_right_one(client):
    thread = PublicThreadFactory(published=True)
    other = ThemeFactory()

    response = client.get(reverse("forum:thread", args=[other.slug, thread.pk]))

    assert response.status_code == 301
    assert response["Location"] == thread_url(thread)


def test_a_private_thread_is_not_reachable_through_the_public_urls(client):
    thread = PrivateThreadFactory()
    theme = ThemeFactory()
    client.force_login(UserFactory(staff=True))

    assert client.get(reverse("forum:thread", args=[theme.slug, thread.pk])).status_code == 404


# --- Writing ---------------------------------------------------------------------------------


def test_anonymous_visitors_are_asked_to_sign_in_to_write(client):
    theme = ThemeFactory()
    thread = PublicThreadFactory(published=True)

    new = client.get(reverse("forum:new_thread", args=[theme.slug]))
    reply = client.post(reverse("forum:reply", args=[thread.theme.slug, thread.pk]), {"text": "Hé"})
    page = page_text(client.get(thread_url(thread)))

    assert new.status_code == 302 and "/compte/connexion/" in new["Location"]
    assert reply.status_code == 302 and "/compte/connexion/" in reply["Location"]
    assert "Me connecter pour répondre" in page
    assert ForumPost.objects.count() == 1


def test_an_account_without_a_confirmed_address_cannot_write(client):
    user = UserFactory(email_confirmed_at=None)
    client.force_login(user)
    theme = ThemeFactory()

    assert client.get(reverse("forum:new_thread", args=[theme.slug])).status_code == 403


def test_a_resident_opens_a_thread_that_waits_for_review(client, mailoutbox):
    theme = ThemeFactory()
    user = UserFactory(display_name="Nadia du 3e")
    client.force_login(user)

    response = client.post(
        reverse("forum:new_thread", args=[theme.slug]),
        {
            "title": "Une fuite au plafond",
            "text": "Bonjour, je suis Nadia Benali, mon plafond fuit, appelez le 06 12 34 56 78.",
        },
        follow=True,
    )

    thread = ForumThread.objects.get()
    content = page_text(response)
    assert thread.status == Status.PENDING and thread.author == user and thread.theme == theme
    assert response.redirect_chain[-1][0] == thread_url(thread)
    assert "en attente de relecture" in content
    assert "06 12 34 56 78" not in content
    assert "Une fuite au plafond" not in page_text(
        client.get(reverse("forum:theme", args=[theme.slug]))
    )


def test_sending_the_same_thread_twice_opens_one_thread(client):
    theme = ThemeFactory()
    client.force_login(UserFactory())
    data = {"title": "Une fuite au plafond", "text": "Mon plafond fuit depuis un mois."}

    client.post(reverse("forum:new_thread", args=[theme.slug]), data)
    client.post(reverse("forum:new_thread", args=[theme.slug]), data)

    assert ForumThread.objects.count() == 1
    assert ForumPost.objects.count() == 1


def test_a_thread_form_with_errors_keeps_what_was_typed(client):
    theme = ThemeFactory()
    client.force_login(UserFactory())

    response = client.post(
        reverse("forum:new_thread", args=[theme.slug]),
        {"title": "", "text": "Mon texte <b>précieux</b> que je ne veux pas perdre."},
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert "Donnez un titre à la discussion" in page_text(response)
    assert "Mon texte &lt;b&gt;précieux&lt;/b&gt; que je ne veux pas perdre." in content
    assert not ForumThread.objects.exists()


def test_a_too_long_message_is_refused_with_its_length_and_kept(client):
    thread = PublicThreadFactory(published=True)
    client.force_login(UserFactory())
    text = "mot " * 1300

    response = client.post(
        reverse("forum:reply", args=[thread.theme.slug, thread.pk]), {"text": text}
    )

    assert response.status_code == 400
    assert "Votre message est trop long" in page_text(response)
    assert "mot mot mot" in page_text(response)
    assert ForumPost.objects.count() == 1


def test_a_resident_replies_and_the_reply_waits_for_review(client):
    thread = PublicThreadFactory(published=True)
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("forum:reply", args=[thread.theme.slug, thread.pk]),
        {"text": "Écrivez au bailleur, et gardez une copie. Mon numéro : 06 98 76 54 32."},
    )

    reply = ForumPost.objects.get(is_opening=False)
    assert response.status_code == 302
    assert response["Location"] == f"{thread_url(thread)}#message-{reply.pk}"
    assert reply.status == Status.PENDING and reply.author == user
    assert "06 98 76 54 32" in reply.original_text
    assert "06 98 76 54 32" not in reply.text


def test_writing_is_rate_limited_and_the_text_is_kept(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "forum_post": "2/h"}
    thread = PublicThreadFactory(published=True)
    client.force_login(UserFactory())
    url = reverse("forum:reply", args=[thread.theme.slug, thread.pk])
    for n in range(2):
        client.post(url, {"text": f"Réponse numéro {n}, bien différente."})

    response = client.post(url, {"text": "Une réponse de trop, gardée dans la case."})

    assert response.status_code == 429
    assert "Attendez un peu" in page_text(response)
    assert "Une réponse de trop, gardée dans la case." in page_text(response)
    assert ForumPost.objects.filter(is_opening=False).count() == 2


def test_nobody_replies_to_a_thread_that_is_not_published(client):
    thread = PublicThreadFactory()
    client.force_login(thread.author)

    response = client.post(
        reverse("forum:reply", args=[thread.theme.slug, thread.pk]), {"text": "Je complète."}
    )

    assert response.status_code == 404
    assert ForumPost.objects.count() == 1
