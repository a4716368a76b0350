"""Private threads stay out of the search (page and API) and the search index; the forum's
blocks on a group's page and in Mon espace show each person only what is theirs."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from portail.core import panels
from portail.search.models import SearchDocument
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.forum.factories import (
    CharterAcceptanceFactory,
    PrivateThreadFactory,
    PublicThreadFactory,
    ReplyFactory,
)
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

WORD = "infiltration"
PRIVATE_TEXT = f"Une {WORD} dans la cave, je n'ose pas en parler au bailleur."


def test_private_threads_are_never_in_the_search_page_nor_the_api(client):
    question = QuestionFactory(published=True, text=f"Une {WORD} par le toit de la cuisine.")
    group = GroupFactory()
    member = UserFactory()
    MembershipFactory(group=group, user=member)
    thread = PrivateThreadFactory(group=group, title=f"{WORD} dans la cave", opening=PRIVATE_TEXT)
    client.force_login(member)

    page = page_text(client.get(reverse("search:results"), {"q": WORD}))
    api = client.get(reverse("api:search"), {"q": WORD, "limit": 50}).json()

    assert f"/questions/{question.pk}/" in page  # the search works…
    assert "/forum/" not in page and "je n'ose pas" not in page  # …without the private thread
    urls = [result["url"] for result in api["results"]]
    assert [url for url in urls if url.endswith(f"/questions/{question.pk}/")]
    assert not [url for url in urls if "/forum/" in url]
    assert "je n'ose pas" not in str(api)
    assert not SearchDocument.objects.filter(body__contains="je n'ose pas").exists()
    assert not SearchDocument.objects.filter(url__contains="/forum/").exists()
    assert not SearchDocument.objects.filter(title__contains=thread.title).exists()


def render(slot, user, **kwargs):
    request = RequestFactory().get("/")
    request.user = user
    return str(panels.render(slot, request, **kwargs))


def test_the_group_panel_links_members_to_their_groupe_de_parole():
    group = GroupFactory()
    member = UserFactory()
    MembershipFactory(group=group, user=member)
    PrivateThreadFactory(group=group)

    before = render("group", member, group=group)
    CharterAcceptanceFactory(user=member, group=group)
    after = render("group", member, group=group)

    assert "Notre groupe de parole" in before and "1 discussion" in before
    assert reverse("forum:charter", args=[group.slug]) in before
    assert reverse("forum:space", args=[group.slug]) in after


@pytest.mark.parametrize("role", ["resident", "other_group_member", "moderator", "staff"])
def test_the_group_panel_is_invisible_to_non_members(role):
    group = GroupFactory()
    user = UserFactory(**({} if role in ("resident", "other_group_member") else {role: True}))
    if role == "other_group_member":
        MembershipFactory(user=user)

    assert "groupe-de-parole" not in render("group", user, group=group)


def test_the_group_panel_shows_on_the_groups_page_for_members_only(client):
    group = GroupFactory()
    member = UserFactory()
    MembershipFactory(group=group, user=member)

    anonymous = page_text(client.get(group.get_absolute_url()))
    client.force_login(member)
    signed_in = page_text(client.get(group.get_absolute_url()))

    assert "Notre groupe de parole" not in anonymous
    assert "Notre groupe de parole" in signed_in


def test_mon_espace_lists_my_messages_awaiting_review_refused_and_my_threads(client):
    user = UserFactory()
    mine = PublicThreadFactory(author=user, published=True, title="Mon fil publié")
    waiting = ReplyFactory(author=user, thread=mine)
    refused = ReplyFactory(author=user)
    refused.reject(UserFactory(moderator=True), "Un nom de voisin restait.")
    others = PublicThreadFactory(published=True, title="Le fil de quelqu'un d'autre")
    group = GroupFactory(name="Groupe des locataires")
    MembershipFactory(group=group, user=user)
    client.force_login(user)

    content = page_text(client.get(reverse("accounts:espace")))

    assert 'id="mon-forum"' in content
    assert "En attente de relecture" in content and waiting.get_absolute_url() in content
    assert "Un nom de voisin restait." in content
    assert "Mon fil publié" in content
    assert others.title not in content
    assert reverse("forum:space", args=[group.slug]) in content


def test_mon_espace_invites_to_the_forum_when_nothing_was_written(client):
    client.force_login(UserFactory())

    content = page_text(client.get(reverse("accounts:espace")))

    assert "Vous n'avez encore rien écrit sur le forum." in content
