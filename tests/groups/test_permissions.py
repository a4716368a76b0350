"""The permission matrix of a group, each role against each private object: editing the group,
reading members-only posts and documents, downloading a members-only file, managing join
requests, creating a group."""

import pytest
from django.urls import reverse

from portail.groups.models import JoinRequest
from tests.groups.factories import DocumentFactory, GroupFactory, JoinRequestFactory, PostFactory
from tests.groups.roles import KINDS, sign_in

pytestmark = pytest.mark.django_db

MANAGERS = {"facilitator", "staff"}
INSIDERS = {"member", "facilitator", "staff"}
CREATORS = {"facilitator", "facilitator_elsewhere", "moderator", "staff"}


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement", presentation="Présentation d'origine.")


def outcome(response, allowed, allowed_status=200):
    """Anonymous visitors go to the login page; signed-in people without the right get 403."""
    if allowed:
        return response.status_code == allowed_status
    return response.status_code in (302, 403)


@pytest.mark.parametrize("kind", KINDS)
def test_only_facilitators_and_staff_may_edit_a_group(client, group, kind):
    sign_in(client, kind, group)
    url = reverse("groups:edit", args=[group.slug])

    page = client.get(url)
    post = client.post(
        url, {"name": "Groupe Logement", "presentation": "Texte changé.", "is_public": "on"}
    )

    allowed = kind in MANAGERS
    assert outcome(page, allowed)
    assert outcome(post, allowed, allowed_status=302)
    if kind == "anonymous":
        assert page["Location"].startswith(reverse("accounts:login"))
    elif not allowed:
        assert page.status_code == 403
    group.refresh_from_db()
    assert (group.presentation == "Texte changé.") is allowed


@pytest.mark.parametrize("kind", KINDS)
def test_only_facilitators_of_any_group_moderators_and_staff_may_create_a_group(client, kind):
    group = GroupFactory()
    sign_in(client, kind, group)

    page = client.get(reverse("groups:create"))

    assert outcome(page, kind in CREATORS)


@pytest.mark.parametrize("kind", KINDS)
def test_members_only_posts_and_documents_are_shown_only_to_members_and_staff(client, group, kind):
    PostFactory(group=group, public=True, text="Message ouvert à tous.")
    PostFactory(group=group, members_only=True, text="Message entre membres.")
    DocumentFactory(group=group, public=True, title="Affiche publique")
    DocumentFactory(group=group, title="Liste des présents")
    sign_in(client, kind, group)

    pages = [
        client.get(group.get_absolute_url()).text,
        client.get(reverse("groups:journal", args=[group.slug])).text,
        client.get(reverse("groups:documents", args=[group.slug])).text,
    ]

    text = "\n".join(pages)
    assert "Message ouvert à tous." in text
    assert "Affiche publique" in text
    assert ("Message entre membres." in text) is (kind in INSIDERS)
    assert ("Liste des présents" in text) is (kind in INSIDERS)


@pytest.mark.parametrize("kind", KINDS)
def test_a_members_only_document_downloads_only_for_members_and_staff(client, group, kind):
    document = DocumentFactory(group=group)
    sign_in(client, kind, group)

    response = client.get(document.get_absolute_url())

    assert response.status_code == (200 if kind in INSIDERS else 404)
    if kind in INSIDERS:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_members_only_photo_is_sent_only_to_members_and_staff(client, group, kind):
    post = PostFactory(group=group, members_only=True, with_image=True)
    sign_in(client, kind, group)

    response = client.get(reverse("groups:post_image", args=[group.slug, post.pk]))

    assert response.status_code == (200 if kind in INSIDERS else 404)


@pytest.mark.parametrize("kind", KINDS)
def test_even_the_public_things_of_a_private_group_are_404_to_outsiders(client, kind):
    group = GroupFactory(is_public=False)
    post = PostFactory(group=group, public=True, with_image=True)
    document = DocumentFactory(group=group, public=True)
    sign_in(client, kind, group)

    responses = [
        client.get(reverse("groups:journal", args=[group.slug])),
        client.get(reverse("groups:documents", args=[group.slug])),
        client.get(reverse("groups:post_image", args=[group.slug, post.pk])),
        client.get(document.get_absolute_url()),
    ]

    expected = 200 if kind in INSIDERS else 404
    assert [response.status_code for response in responses] == [expected] * 4


@pytest.mark.parametrize("kind", KINDS)
def test_only_facilitators_and_staff_see_and_answer_join_requests(client, group, kind):
    join_request = JoinRequestFactory(group=group, message="Je voudrais venir.")
    sign_in(client, kind, group)

    page = client.get(reverse("groups:manage", args=[group.slug]))
    decision = client.post(
        reverse("groups:decide_request", args=[group.slug, join_request.pk]),
        {"decision": "accepter"},
    )

    allowed = kind in MANAGERS
    assert outcome(page, allowed)
    assert ("Je voudrais venir." in page.text) is allowed
    assert outcome(decision, allowed, allowed_status=302)
    join_request.refresh_from_db()
    expected = JoinRequest.Status.ACCEPTED if allowed else JoinRequest.Status.PENDING
    assert join_request.status == expected


@pytest.mark.parametrize("kind", KINDS)
def test_a_private_group_management_page_is_404_to_outsiders(client, kind):
    group = GroupFactory(is_public=False)
    sign_in(client, kind, group)

    response = client.get(reverse("groups:manage", args=[group.slug]))

    if kind == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == {"facilitator": 200, "staff": 200, "member": 403}.get(
            kind, 404
        )


@pytest.mark.parametrize("kind", KINDS)
def test_only_members_may_write_in_the_journal_and_add_documents(client, group, kind):
    sign_in(client, kind, group)

    post = client.post(
        reverse("groups:write_post", args=[group.slug]),
        {"text": "Réunion mardi prochain.", "visibility": "membres"},
    )
    document = client.get(reverse("groups:add_document", args=[group.slug]))

    may = kind in {"member", "facilitator"}
    assert outcome(post, may, allowed_status=302)
    assert outcome(document, may)
    assert group.posts.filter(text="Réunion mardi prochain.").exists() is may


@pytest.mark.parametrize("kind", KINDS)
def test_a_post_is_deleted_by_its_author_the_facilitators_and_staff_only(client, group, kind):
    post = PostFactory(group=group, public=True)
    user = sign_in(client, kind, group)
    if kind == "member":
        post.author = user
        post.save()

    response = client.post(reverse("groups:delete_post", args=[group.slug, post.pk]))

    may = kind in {"member", "facilitator", "staff"}
    assert outcome(response, may, allowed_status=302)
    assert group.posts.filter(pk=post.pk).exists() is not may


def test_a_member_may_not_delete_another_members_post(client, group):
    post = PostFactory(group=group, public=True)
    sign_in(client, "member", group)

    response = client.post(reverse("groups:delete_post", args=[group.slug, post.pk]))

    assert response.status_code == 403
    assert group.posts.filter(pk=post.pk).exists()
