"""The journal and the documents through the pages: writing, uploading, the files' headers,
deleting (file included), and what a refused form keeps."""

import io
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from portail.groups.models import Document, Post
from tests.groups import files
from tests.groups.factories import DocumentFactory, GroupFactory, MembershipFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement", slug="groupe-logement")


@pytest.fixture
def member(client, group):
    user = MembershipFactory(group=group, user__display_name="Fatou").user
    client.force_login(user)
    return user


def text(response):
    return unescape(response.text)


def body(response):
    return b"".join(response.streaming_content)


def write(client, group, **data):
    return client.post(reverse("groups:write_post", args=[group.slug]), data)


def add_document(client, group, name, content, **data):
    fields = {"title": "Compte rendu", "visibility": "membres", **data}
    return client.post(
        reverse("groups:add_document", args=[group.slug]),
        {**fields, "file": SimpleUploadedFile(name, content)},
    )


# --- Journal -----------------------------------------------------------------------------------


def test_a_member_posts_a_photo_that_is_stored_reduced_without_gps_under_a_random_name(
    client, group, member, settings
):
    response = write(
        client,
        group,
        text="La restitution avec le jeu de l'oie.",
        visibility="public",
        image=SimpleUploadedFile("IMG_2024_famille.jpg", files.jpeg_with_gps()),
        image_alt="Des habitants autour du plateau de jeu",
    )

    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.author, post.visibility) == (member, "public")
    assert post.image.name.startswith("groupes/journal/")
    assert "IMG_2024" not in post.image.name
    assert (post.image_width, post.image_height) == (1600, 1067)
    stored = (settings.MEDIA_ROOT / post.image.name).read_bytes()
    image = Image.open(io.BytesIO(stored))
    assert image.size == (1600, 1067)
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert b"TelephoneTest" not in stored

    page = client.get(group.get_absolute_url())
    assert f'src="{post.image_url()}"' in page.text
    assert 'alt="Des habitants autour du plateau de jeu"' in page.text


def test_the_photo_is_sent_with_safe_headers_and_public_caching_when_public(client, group):
    post = PostFactory(group=group, public=True, with_image=True)

    response = client.get(post.image_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Disposition"].startswith("inline")
    assert "public" in response["Cache-Control"]
    assert body(response).startswith(b"\x89PNG")


def test_a_members_only_photo_is_never_cached(client, group, member):
    post = PostFactory(group=group, members_only=True, with_image=True)

    response = client.get(post.image_url())

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_bad_photo_is_refused_and_the_text_stays_in_the_form(client, group, member):
    response = write(
        client,
        group,
        text="Notre réunion de mardi.",
        visibility="membres",
        image=SimpleUploadedFile("photo.jpg", files.SVG),
    )

    assert response.status_code == 200
    assert "Nous n'arrivons pas à lire ce fichier comme une photo" in text(response)
    assert "Notre réunion de mardi." in text(response)
    assert "choisissez-la à nouveau" in text(response)
    assert not Post.objects.exists()


def test_a_post_sent_twice_is_published_once(client, group, member):
    first = write(client, group, text="Réunion mardi à 18 h.", visibility="membres")
    second = write(client, group, text="Réunion mardi à 18 h.", visibility="membres")

    assert first.status_code == second.status_code == 302
    assert Post.objects.count() == 1


def test_the_same_text_may_be_posted_again_later(client, group, member):
    old = PostFactory(group=group, author=member, text="Réunion mardi à 18 h.")
    Post.objects.filter(pk=old.pk).update(created_at="2020-01-01T00:00:00Z")

    write(client, group, text="Réunion mardi à 18 h.", visibility="membres")

    assert Post.objects.count() == 2


def test_an_empty_post_is_refused_with_a_clear_message(client, group, member):
    response = write(client, group, text="   ", visibility="membres")

    assert "Écrivez votre message : la case est vide." in text(response)
    assert not Post.objects.exists()


def test_a_public_post_with_a_phone_number_is_refused_but_may_stay_between_members(
    client, group, member
):
    message = "Pour venir, appelez Fatou au 06 12 34 56 78."

    refused = write(client, group, text=message, visibility="public")
    kept = write(client, group, text=message, visibility="membres")

    assert "informations personnelles (nom, téléphone)" in text(refused)
    assert message in text(refused)
    assert kept.status_code == 302
    assert Post.objects.get().visibility == "membres"


def test_a_post_defaults_to_members_only(client, group, member):
    response = client.get(reverse("groups:write_post", args=[group.slug]))

    assert response.context["form"]["visibility"].value() == "membres"
    assert 'value="membres" id="id_visibility_1" required checked' in response.text


def test_the_journal_shows_the_latest_posts_first_and_pages_after_twenty(client, group):
    for n in range(22):
        PostFactory(group=group, public=True, text=f"Message numéro {n:02d}")

    first = client.get(reverse("groups:journal", args=[group.slug]))
    second = client.get(reverse("groups:journal", args=[group.slug]), {"page": 2})

    assert first.text.index("Message numéro 21") < first.text.index("Message numéro 02")
    assert "Message numéro 01" not in first.text
    assert "Message numéro 01" in second.text
    assert "Page 2 sur 2" in second.text


def test_deleting_a_post_deletes_its_photo_file(client, group, on_commit, settings):
    facilitator = MembershipFactory(group=group, role="animateur").user
    post = PostFactory(group=group, public=True, with_image=True)
    path = settings.MEDIA_ROOT / post.image.name
    assert path.exists()
    client.force_login(facilitator)

    with on_commit(execute=True):
        client.post(reverse("groups:delete_post", args=[group.slug, post.pk]))

    assert not Post.objects.exists()
    assert not path.exists()


# --- Documents ----------------------------------------------------------------------------------


def test_a_member_adds_a_pdf_stored_under_a_random_name_and_downloads_it_safely(
    client, group, member, settings
):
    response = add_document(client, group, "Liste de Mme Dupont.pdf", files.PDF)

    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.kind, document.size, document.uploaded_by) == ("pdf", len(files.PDF), member)
    assert document.file.name.startswith("groupes/documents/")
    assert document.file.name.endswith(".pdf")
    assert "Dupont" not in document.file.name
    assert (settings.MEDIA_ROOT / document.file.name).read_bytes() == files.PDF

    download = client.get(document.get_absolute_url())

    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="compte-rendu.pdf"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    assert "no-store" in download["Cache-Control"]
    assert body(download) == files.PDF


def test_a_document_sent_twice_is_added_once(client, group, member):
    first = add_document(client, group, "cr.pdf", files.PDF)
    second = add_document(client, group, "cr.pdf", files.PDF)

    assert first.status_code == second.status_code == 302
    assert Document.objects.count() == 1


def test_another_file_with_the_same_title_is_a_new_document(client, group, member):
    add_document(client, group, "cr.pdf", files.PDF)
    add_document(client, group, "cr.odt", files.odt())

    assert Document.objects.count() == 2


def test_an_odt_is_sent_with_its_own_type(client, group, member):
    add_document(client, group, "cr.odt", files.odt(), visibility="public")

    download = client.get(Document.objects.get().get_absolute_url())

    assert download["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert download["Content-Disposition"].startswith("attachment")


def test_a_jpeg_document_is_stored_without_its_gps_position(client, group, member, settings):
    add_document(client, group, "scan.jpg", files.jpeg_with_gps((800, 600)))

    document = Document.objects.get()
    stored = (settings.MEDIA_ROOT / document.file.name).read_bytes()
    assert document.kind == "jpeg"
    assert b"Exif" not in stored
    assert Image.open(io.BytesIO(stored)).size == (800, 600)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("page.pdf", files.HTML, "ni un PDF"),
        ("dessin.svg", files.SVG, "type de fichier n'est pas accepté"),
        ("rapport.odt", files.odt(with_mimetype=False), "ni un PDF"),
        ("bombe.png", files.decompression_bomb(), "beaucoup trop grande"),
    ],
    ids=["html-renamed-pdf", "svg", "odt-without-mimetype", "decompression-bomb"],
)
def test_a_bad_document_is_refused_through_the_form_and_the_title_is_kept(
    client, group, member, name, content, expected
):
    response = add_document(client, group, name, content, title="Mon titre gardé")

    assert response.status_code == 200
    assert expected in text(response)
    assert 'value="Mon titre gardé"' in response.text
    assert not Document.objects.exists()


def test_an_oversized_document_is_refused_through_the_form(client, group, member, settings):
    settings.UPLOAD_DOCUMENT_MAX_BYTES = 1024

    response = add_document(client, group, "gros.pdf", files.PDF + b" " * 2000)

    assert "trop lourd" in text(response)
    assert not Document.objects.exists()


def test_a_document_of_another_group_is_a_404_here(client, group, member):
    other = DocumentFactory(public=True)

    response = client.get(reverse("groups:document", args=[group.slug, other.pk]))

    assert response.status_code == 404


def test_a_missing_file_is_a_404_not_an_error(client, group, member, settings):
    document = DocumentFactory(group=group)
    (settings.MEDIA_ROOT / document.file.name).unlink()

    assert client.get(document.get_absolute_url()).status_code == 404


def test_deleting_a_document_deletes_its_file(client, group, on_commit, settings):
    document = DocumentFactory(group=group)
    client.force_login(document.uploaded_by)
    MembershipFactory(group=group, user=document.uploaded_by)
    path = settings.MEDIA_ROOT / document.file.name

    with on_commit(execute=True):
        client.post(reverse("groups:delete_document", args=[group.slug, document.pk]))

    assert not Document.objects.exists()
    assert not path.exists()


def test_media_files_have_no_public_url(client, group, member):
    document = DocumentFactory(group=group, public=True)

    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_a_public_document_whose_title_names_someone_is_refused_but_may_stay_between_members(
    client, group, member
):
    title = "Compte rendu chez Fatou, 06 12 34 56 78"

    refused = add_document(client, group, "cr.pdf", files.PDF, title=title, visibility="public")
    kept = add_document(client, group, "cr.pdf", files.PDF, title=title, visibility="membres")

    assert refused.status_code == 200
    assert "informations personnelles" in text(refused)
    assert kept.status_code == 302
    assert Document.objects.get().visibility == "membres"
