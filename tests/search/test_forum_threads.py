"""Public forum discussions in the search: found by the words of their published, masked messages,
never by what the masking took away; gone as soon as they are no longer public; and never, for
anyone, a groupe de parole's thread. On the search page (their own heading), in the API, in the
rebuilt index. Runs on SQLite and on PostgreSQL."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from portail.forum.models import ForumThread, Status
from portail.groups.models import Membership
from portail.search import index
from portail.search.engines import get_engine
from portail.search.knowledge import current_knowledge
from portail.search.models import KNOWLEDGE_KINDS, Kind, SearchDocument
from portail.search.service import search
from portail.search.suggest import suggestions
from portail.search.text import process
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.forum.factories import (
    ORIGINAL_MARKER,
    PHONE_MARKER,
    CharterAcceptanceFactory,
    PrivateReplyFactory,
    PrivateThreadFactory,
    PublicThreadFactory,
    ReplyFactory,
)
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.places.factories import ThemeFactory

pytestmark = pytest.mark.django_db

# Real French words no knowledge base of the tests contains: nothing « corrects » them.
OPENING = "Le serrurier a changé la serrure sans prévenir, depuis je dors chez ma sœur."
REPLY = "Demandez une copie de la clé par écrit, le vitrier de la résidence peut témoigner."
PRIVATE = "Entre nous : le serrurier du bailleur m'a menacée, je n'ose pas porter plainte."


def forum_urls(query, **kwargs):
    return [r.url for r in search(query, kinds=[Kind.FORUM], **kwargs).results]


def public_thread(opening=OPENING, title="Une serrure changée sans prévenir", **kwargs):
    """A published public thread whose opening message says `opening` (masked text), with the
    invented personal data of the factories in its original only."""
    thread = PublicThreadFactory(published=True, title=title, **kwargs)
    post = thread.opening
    post.original_text = f"{opening} Je suis {ORIGINAL_MARKER}, appelez le {PHONE_MARKER}."
    post.text = f"{opening} Je suis [nom masqué], appelez le [téléphone masqué]."
    post.save()
    return thread


# --- What is indexed -------------------------------------------------------------------------


def test_a_published_public_thread_is_found_by_the_words_of_its_masked_text():
    thread = public_thread()

    assert forum_urls("serrurier") == [thread.get_absolute_url()]
    assert forum_urls("changée sans prévenir") == [thread.get_absolute_url()]


@pytest.mark.parametrize("typed", ["Benali", "Samia Benali", PHONE_MARKER, "0612345678"])
def test_what_the_masking_took_away_finds_nothing(typed):
    public_thread()

    assert forum_urls(typed) == []
    assert forum_urls(typed, correct=False) == []


def test_the_index_holds_the_masked_text_only():
    thread = public_thread()

    document = SearchDocument.objects.get(kind=Kind.FORUM, object_id=thread.pk)

    assert "[nom masqué]" in document.body
    for raw in (ORIGINAL_MARKER, PHONE_MARKER, "Benali"):
        assert raw not in document.body
        assert raw not in document.summary
        assert raw.lower() not in document.body_index


def test_a_published_reply_is_found_and_a_reply_awaiting_review_is_not():
    thread = public_thread()
    waiting = ReplyFactory(thread=thread, text=REPLY, original_text=REPLY)

    assert forum_urls("vitrier") == []

    waiting.approve(by=UserFactory(moderator=True))

    assert forum_urls("vitrier") == [thread.get_absolute_url()]


@pytest.mark.parametrize("status", [Status.REJECTED, Status.HIDDEN])
def test_a_refused_or_hidden_reply_is_not_found(status):
    thread = public_thread()
    ReplyFactory(thread=thread, text=REPLY, original_text=REPLY, status=status)

    assert forum_urls("vitrier") == []
    assert forum_urls("serrurier") == [thread.get_absolute_url()]


def test_a_thread_waiting_for_review_is_not_found():
    thread = ForumThread.start_public(
        author=UserFactory(), theme=ThemeFactory(), title="Serrure changée", text=OPENING
    )

    assert forum_urls("serrurier") == []
    assert not SearchDocument.objects.filter(kind=Kind.FORUM, object_id=thread.pk).exists()


def test_a_refused_thread_is_not_found():
    thread = ForumThread.start_public(
        author=UserFactory(), theme=ThemeFactory(), title="Serrure changée", text=OPENING
    )

    thread.opening.reject(UserFactory(moderator=True), "Un nom restait.")

    assert forum_urls("serrurier") == []


def test_publishing_indexes_the_thread_with_its_masked_title_and_text():
    thread = ForumThread.start_public(
        author=UserFactory(),
        theme=ThemeFactory(),
        title="Serrure changée sans prévenir",
        text=f"{OPENING} Rappelez-moi au {PHONE_MARKER}.",
    )

    thread.opening.approve(by=UserFactory(moderator=True))

    assert forum_urls("serrurier") == [thread.get_absolute_url()]
    assert forum_urls(PHONE_MARKER) == []
    document = SearchDocument.objects.get(kind=Kind.FORUM, object_id=thread.pk)
    assert PHONE_MARKER not in document.body


# --- Leaving the index -----------------------------------------------------------------------


def test_hiding_the_opening_message_removes_the_thread_and_restoring_brings_it_back():
    thread = public_thread()
    moderator = UserFactory(moderator=True)

    thread.opening.hide(moderator, "Signalé : un voisin reconnaissable.")
    assert forum_urls("serrurier") == []

    thread.opening.restore(moderator)
    assert forum_urls("serrurier") == [thread.get_absolute_url()]


def test_hiding_a_reply_takes_its_words_out_of_the_thread():
    thread = public_thread()
    reply = ReplyFactory(thread=thread, text=REPLY, original_text=REPLY, published=True)
    assert forum_urls("vitrier") == [thread.get_absolute_url()]

    reply.hide(UserFactory(moderator=True), "Hors sujet.")

    assert forum_urls("vitrier") == []
    assert forum_urls("serrurier") == [thread.get_absolute_url()]


def test_unpublishing_a_thread_removes_it():
    thread = public_thread()

    thread.status = Status.HIDDEN
    thread.save()

    assert forum_urls("serrurier") == []
    assert not SearchDocument.objects.filter(kind=Kind.FORUM).exists()


def test_deleting_a_thread_or_a_reply_removes_it():
    thread = public_thread()
    reply = ReplyFactory(thread=thread, text=REPLY, original_text=REPLY, published=True)

    reply.delete()
    assert forum_urls("vitrier") == []

    thread.delete()
    assert forum_urls("serrurier") == []
    assert not SearchDocument.objects.filter(kind=Kind.FORUM).exists()


def test_a_thread_moved_into_a_groupe_de_parole_leaves_the_index():
    thread = public_thread()

    thread.group = GroupFactory()
    thread.save()

    assert forum_urls("serrurier") == []
    assert not SearchDocument.objects.filter(kind=Kind.FORUM).exists()


def test_renaming_a_theme_updates_its_threads():
    thread = public_thread()
    theme = thread.theme

    theme.name = "Serrures et clés"
    theme.slug = "serrures"
    theme.save()

    document = SearchDocument.objects.get(kind=Kind.FORUM, object_id=thread.pk)
    assert document.details["theme"] == "Serrures et clés"
    assert document.url == f"/forum/serrures/{thread.pk}/"


# --- Groupes de parole: never ----------------------------------------------------------------


def private_thread(group=None):
    group = group or GroupFactory(is_public=True)
    thread = PrivateThreadFactory(group=group, title="Le serrurier du bailleur", opening=PRIVATE)
    PrivateReplyFactory(thread=thread, text="Le vitrier aussi nous a menacés.")
    return thread


@pytest.mark.parametrize("is_public_group", [True, False])
def test_a_groupe_de_parole_is_never_indexed_whatever_its_group(is_public_group):
    private_thread(GroupFactory(is_public=is_public_group))
    index.rebuild()

    assert not SearchDocument.objects.filter(kind=Kind.FORUM).exists()
    assert not SearchDocument.objects.filter(body__contains="menac").exists()
    assert search("serrurier vitrier menacée").results == []


def member(role, group):
    if role == "anonymous":
        return None
    if role in ("member", "facilitator"):
        user = UserFactory()
        MembershipFactory(
            group=group,
            user=user,
            role=Membership.Role.FACILITATOR if role == "facilitator" else Membership.Role.MEMBER,
        )
        CharterAcceptanceFactory(user=user, group=group)
        return user
    return UserFactory(**({} if role == "resident" else {role: True}))


@pytest.mark.parametrize(
    "role", ["anonymous", "resident", "member", "facilitator", "moderator", "staff"]
)
def test_nobody_finds_a_groupe_de_parole_page_api_or_suggestions(client, role):
    thread = private_thread()
    user = member(role, thread.group)
    if user is not None:
        client.force_login(user)
    secret_url = thread.get_absolute_url()

    page = page_text(client.get(reverse("search:results"), {"q": "serrurier menacée"}))
    api = client.get(reverse("api:search"), {"q": "serrurier menacée", "limit": 50})
    forum_only = client.get(reverse("api:search"), {"q": "serrurier", "type": "forum"})
    hints = page_text(client.get(reverse("search:suggestions"), {"q": "serrurier menacée"}))

    for text in (page, api.content.decode(), forum_only.content.decode(), hints):
        assert secret_url not in text
        for secret in ("porter plainte", "Le serrurier du bailleur", "nous a menacés"):
            assert secret not in text
        assert "Discussions du forum" not in text
    assert forum_only.json()["results"] == []
    assert suggestions("le serrurier m'a menacée") == []


def test_a_groupe_de_parole_stays_out_when_its_messages_change():
    thread = private_thread()
    reply = PrivateReplyFactory(thread=thread, text="Le serrurier est revenu.")
    reply.status = Status.HIDDEN
    reply.save()
    thread.title = "Le serrurier, encore"
    thread.save()

    assert not SearchDocument.objects.filter(kind=Kind.FORUM).exists()


# --- Rebuilding ------------------------------------------------------------------------------


def test_the_rebuild_command_indexes_the_public_threads_only():
    thread = public_thread()
    ReplyFactory(thread=thread, text=REPLY, original_text=REPLY, published=True)
    PublicThreadFactory()  # waiting for review
    private_thread()
    SearchDocument.objects.all().delete()
    assert forum_urls("serrurier") == []

    call_command("rebuild_search_index", stdout=(out := _Output()))

    assert "discussion du forum : 1 document(s)" in out.text
    assert forum_urls("serrurier") == [thread.get_absolute_url()]
    assert forum_urls("vitrier") == [thread.get_absolute_url()]
    document = SearchDocument.objects.get(kind=Kind.FORUM)
    assert document.details == {"theme": thread.theme.name, "replies": 1}


def test_the_rebuild_command_can_rebuild_the_forum_alone():
    thread = public_thread()
    SearchDocument.objects.filter(kind=Kind.FORUM).delete()

    call_command("rebuild_search_index", "--type", "forum", stdout=(out := _Output()))

    assert out.text.splitlines()[0] == "Index de recherche — discussion du forum : 1 document(s)"
    assert forum_urls("serrurier") == [thread.get_absolute_url()]


class _Output:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


# --- Apart from the knowledge base -----------------------------------------------------------


def test_the_knowledge_base_search_never_reads_the_forum(small_kb):
    thread = public_thread(opening="Ma caution n'est pas rendue, et le dépôt de garantie non plus.")
    document = SearchDocument.objects.get(kind=Kind.FORUM, object_id=thread.pk)
    terms = process("caution dépôt de garantie", current_knowledge().vocabulary).terms

    found = {pk for pk, _ in get_engine().match(terms, KNOWLEDGE_KINDS, 150)}

    assert found and document.pk not in found
    assert document.pk in {pk for pk, _ in get_engine().match(terms, [Kind.FORUM], 10)}
    assert not SearchDocument.objects.knowledge().filter(kind=Kind.FORUM).exists()


def test_a_discussion_never_comes_before_the_fiche_and_the_glossary_word(small_kb):
    public_thread(
        title="Caution pas rendue : dépôt de garantie",
        opening="Ma caution, mon dépôt de garantie, toujours pas rendue : caution, caution !",
    )

    results = search("caution pas rendue").results
    kinds = [r.kind for r in results]

    assert Kind.FORUM in kinds
    assert kinds[0] == Kind.FICHE and results[0].subject == "depot-de-garantie"
    assert kinds.index(Kind.FORUM) > kinds.index(Kind.GLOSSARY)
    assert kinds.index(Kind.FORUM) > kinds.index(Kind.LETTER)


def test_a_word_only_the_forum_uses_is_never_a_correction(small_kb):
    public_thread(opening="Le serrurier est venu avec un pied-de-biche.")

    assert search("serruriez").corrected_query != "serrurier"


# --- The search page and the API -------------------------------------------------------------


def test_the_search_page_shows_discussions_under_their_own_heading(client, small_kb):
    thread = public_thread(
        title="Ma caution toujours pas rendue",
        opening="Deux mois après l'état des lieux, ma caution n'est toujours pas rendue.",
    )
    ReplyFactory(thread=thread, published=True)
    ReplyFactory(thread=thread, published=True)
    ReplyFactory(thread=thread)  # waiting: not counted

    html = page_text(client.get(reverse("search:results"), {"q": "caution"}))

    assert '<h2 id="resultats-forum">Discussions du forum</h2>' in html
    section = html[html.index('id="resultats-forum"') :]
    assert f'<a href="{thread.get_absolute_url()}">Ma caution toujours pas rendue</a>' in section
    assert f"Thème : {thread.theme.name} · 2 réponses" in section
    assert "Deux mois après l'état des lieux" in section
    assert ORIGINAL_MARKER not in html and PHONE_MARKER not in html
    assert '<a href="#resultats-forum">Discussions du forum (1)</a>' in html
    # After the fiches and the words, before the organisations and groups.
    assert html.index("Des fiches pour agir") < html.index('<h2 id="resultats-forum">')


def test_a_discussion_without_reply_says_so(client):
    public_thread()

    html = page_text(client.get(reverse("search:results"), {"q": "serrurier"}))

    assert "· pas encore de réponse</p>" in html and "0 réponse" not in html


def test_the_api_returns_discussions_by_the_forum_type(client, small_kb):
    thread = public_thread()

    data = client.get(reverse("api:search"), {"q": "serrurier", "type": "forum"}).json()

    assert data["results"] == [
        {
            "type": "forum",
            "title": "Une serrure changée sans prévenir",
            "url": f"http://testserver{thread.get_absolute_url()}",
            "subject": None,
            "term": None,
            "aliases": [],
            "excerpt": data["results"][0]["excerpt"],
        }
    ]
    excerpt = data["results"][0]["excerpt"]
    assert "serrurier" in excerpt and ORIGINAL_MARKER not in excerpt


def test_the_api_lists_the_forum_among_all_types_and_in_its_error(client, small_kb):
    public_thread()

    everything = client.get(reverse("api:search"), {"q": "serrurier", "limit": 50}).json()
    other_types = client.get(reverse("api:search"), {"q": "serrurier", "type": "fiche"}).json()
    error = client.get(reverse("api:search"), {"q": "serrurier", "type": "recette"}).json()

    assert "forum" in [r["type"] for r in everything["results"]]
    assert "forum" not in [r["type"] for r in other_types["results"]]
    assert error["error"].endswith("organisation, groupe, forum.")


def test_the_ask_forms_suggestions_leave_the_forum_out(small_kb):
    public_thread(opening="Ma caution n'est pas rendue depuis deux mois.")

    assert Kind.FORUM not in {r.kind for r in suggestions("ma caution n'est pas rendue")}
