"""How long browsers and proxies may keep a group's files. Public photos and documents may be
kept only if checked again on every use (`no-cache` with an ETag, 304 when unchanged), so a
photo deleted because someone withdrew their consent is gone at once; members-only files are
never stored at all."""

import pytest
from django.urls import reverse

from tests.groups import files
from tests.groups.factories import DocumentFactory, GroupFactory, MembershipFactory, PostFactory

pytestmark = pytest.mark.django_db


def public_photo(group):
    post = PostFactory(group=group, public=True, with_image=True)
    return post, post.image_url(), "delete_post"


def public_document(group):
    document = DocumentFactory(group=group, public=True)
    return document, document.get_absolute_url(), "delete_document"


def members_photo(group):
    return PostFactory(group=group, members_only=True, with_image=True).image_url()


def members_document(group):
    return DocumentFactory(group=group).get_absolute_url()


PUBLIC_FILES = [public_photo, public_document]
MEMBERS_FILES = [members_photo, members_document]


@pytest.fixture
def group():
    return GroupFactory(slug="groupe-logement")


def body(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("make", PUBLIC_FILES)
def test_a_public_file_must_be_revalidated_and_carries_a_strong_etag(client, group, make):
    _, url, _ = make(group)

    response = client.get(url)

    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "no-cache" in cache_control
    assert not any(part.startswith("max-age") for part in cache_control)
    assert response["ETag"].startswith('"')  # strong: no W/ prefix
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize("make", PUBLIC_FILES)
def test_asking_again_with_the_etag_gives_304_with_an_empty_body(client, group, make):
    _, url, _ = make(group)
    etag = client.get(url)["ETag"]

    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert "no-cache" in response["Cache-Control"]


def test_a_head_request_with_the_etag_also_gives_304(client, group):
    _, url, _ = public_photo(group)
    etag = client.get(url)["ETag"]

    assert client.head(url, headers={"if-none-match": etag}).status_code == 304


@pytest.mark.parametrize("make", PUBLIC_FILES)
def test_an_old_etag_gets_the_whole_file_again(client, group, make):
    _, url, _ = make(group)

    response = client.get(url, headers={"if-none-match": '"ancienne-version"'})

    assert response.status_code == 200
    assert body(response)


def test_two_files_never_share_an_etag(client, group):
    first = client.get(public_document(group)[1])["ETag"]
    second = client.get(public_document(group)[1])["ETag"]

    assert first != second


def test_a_renamed_document_gets_a_new_etag_so_its_download_name_is_not_stale(client, group):
    document, url, _ = public_document(group)
    before = client.get(url)["ETag"]
    document.title = "Compte rendu de mars"
    document.save()

    response = client.get(url, headers={"if-none-match": before})

    assert response.status_code == 200
    assert 'filename="compte-rendu-de-mars.pdf"' in response["Content-Disposition"]


@pytest.mark.parametrize("make", PUBLIC_FILES)
def test_once_deleted_the_same_url_answers_404_even_to_a_cache_revalidating(
    client, group, make, on_commit
):
    item, url, delete_view = make(group)
    etag = client.get(url)["ETag"]
    client.force_login(MembershipFactory(group=group, role="animateur").user)

    with on_commit(execute=True):
        client.post(reverse(f"groups:{delete_view}", args=[group.slug, item.pk]))
    client.logout()

    assert client.get(url, headers={"if-none-match": etag}).status_code == 404
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("make", PUBLIC_FILES)
def test_a_file_made_members_only_answers_404_to_an_outsider_revalidating(client, group, make):
    item, url, _ = make(group)
    etag = client.get(url)["ETag"]
    item.visibility = "membres"
    item.save()

    assert client.get(url, headers={"if-none-match": etag}).status_code == 404


def test_a_public_file_lost_from_the_disk_answers_404_rather_than_304(client, group, settings):
    document, url, _ = public_document(group)
    etag = client.get(url)["ETag"]
    (settings.MEDIA_ROOT / document.file.name).unlink()

    assert client.get(url, headers={"if-none-match": etag}).status_code == 404


@pytest.mark.parametrize("make", MEMBERS_FILES)
def test_a_members_only_file_is_still_never_stored_and_has_no_etag(client, group, make):
    url = make(group)
    client.force_login(MembershipFactory(group=group).user)

    response = client.get(url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_a_members_only_file_ignores_if_none_match(client, group):
    url = members_document(group)
    client.force_login(MembershipFactory(group=group).user)

    response = client.get(url, headers={"if-none-match": "*"})

    assert response.status_code == 200
    assert body(response) == files.PDF


def test_a_public_post_of_a_private_group_is_never_stored(client):
    group = GroupFactory(is_public=False)
    url = PostFactory(group=group, public=True, with_image=True).image_url()
    client.force_login(MembershipFactory(group=group).user)

    response = client.get(url)

    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("ETag")
