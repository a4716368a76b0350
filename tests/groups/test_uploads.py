"""Uploaded photos and documents are checked by their content: limits, bad files, and photos
that come out smaller and without any metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from portail.groups import uploads
from tests.groups import files

MB = 1024 * 1024


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def refusal(clean, *args):
    with pytest.raises(ValidationError) as caught:
        clean(*args)
    return " ".join(caught.value.messages)


# --- Photos of the journal -----------------------------------------------------------------------


def test_a_phone_photo_loses_its_gps_position_and_every_other_metadata():
    original = files.jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    clean = uploads.clean_post_image(upload("photo.jpg", original, "image/jpeg"))

    result = Image.open(io.BytesIO(clean.content))
    assert result.format == "JPEG"
    assert not result.getexif()
    assert not result.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert b"Exif" not in clean.content
    assert b"TelephoneTest" not in clean.content
    assert b"Rue des Lilas" not in clean.content
    assert not {"exif", "icc_profile", "comment", "xmp"} & set(result.info)


def test_a_large_photo_is_reduced_to_1600_pixels_keeping_its_proportions():
    clean = uploads.clean_post_image(upload("photo.jpg", files.jpeg_with_gps((3000, 2000))))

    assert (clean.width, clean.height) == (1600, 1067)
    assert Image.open(io.BytesIO(clean.content)).size == (1600, 1067)


def test_a_photo_taken_sideways_is_turned_upright_before_its_metadata_goes():
    clean = uploads.clean_post_image(
        upload("photo.jpg", files.jpeg_with_gps((300, 200), orientation=6))
    )

    assert (clean.width, clean.height) == (200, 300)


def test_a_small_png_keeps_its_size_and_format():
    clean = uploads.clean_post_image(upload("dessin.png", files.png_bytes((40, 30))))

    assert (clean.format, clean.width, clean.height) == ("PNG", 40, 30)
    assert clean.content_type == "image/png"


def test_a_webp_photo_is_accepted_and_stays_webp():
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), "blue").save(buffer, "WEBP")

    clean = uploads.clean_post_image(upload("photo.webp", buffer.getvalue()))

    assert clean.format == "WEBP"
    assert Image.open(io.BytesIO(clean.content)).format == "WEBP"


def test_a_photo_over_5_mb_is_refused_before_being_read():
    message = refusal(uploads.clean_post_image, upload("photo.jpg", b"\xff\xd8\xff" * (2 * MB)))

    assert "trop lourd" in message
    assert "5 Mo" in message


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("dessin.svg", files.SVG),
        ("dessin.png", files.SVG),
        ("page.jpg", files.HTML),
        ("programme.jpg", files.EXECUTABLE),
        ("document.jpg", files.PDF),
        ("coupee.jpg", files.corrupt_jpeg()),
        ("vide.png", b""),
    ],
    ids=["svg", "svg-renamed-png", "html", "executable", "pdf", "truncated-jpeg", "empty"],
)
def test_a_file_that_is_not_a_photo_is_refused(name, data):
    message = refusal(uploads.clean_post_image, upload(name, data))

    assert "Nous n'arrivons pas à lire ce fichier comme une photo" in message


def test_a_decompression_bomb_is_refused_without_being_decoded():
    bomb = files.decompression_bomb()
    assert len(bomb) < 100_000

    message = refusal(uploads.clean_post_image, upload("bombe.png", bomb))

    assert "beaucoup trop grande" in message


def test_an_image_over_our_pixel_limit_is_refused_before_decoding(settings):
    settings.UPLOAD_IMAGE_MAX_PIXELS = 1000
    data = files.png_bytes((40, 30))

    message = refusal(uploads.clean_post_image, upload("photo.png", data))

    assert "beaucoup trop grande (40 × 30 pixels)" in message


@pytest.mark.parametrize("pixels", [1000, 500], ids=["pillow-warning", "pillow-error"])
def test_pillow_own_bomb_guards_are_refusals_too(settings, monkeypatch, pixels):
    settings.UPLOAD_IMAGE_MAX_PIXELS = 10**9
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", pixels)
    data = files.png_bytes((40, 30))  # 1,200 pixels: a warning over 1,000, an error over 2×500

    message = refusal(uploads.clean_post_image, upload("photo.png", data))

    assert "beaucoup trop grande" in message


def test_the_limits_are_5_mb_for_photos_and_10_mb_for_documents(settings):
    assert settings.UPLOAD_IMAGE_MAX_BYTES == 5 * MB
    assert settings.UPLOAD_DOCUMENT_MAX_BYTES == 10 * MB
    assert settings.UPLOAD_IMAGE_MAX_SIDE == 1600


# --- Documents ----------------------------------------------------------------------------------


def test_a_pdf_is_accepted_as_a_pdf():
    clean = uploads.clean_document(upload("compte-rendu.pdf", files.PDF))

    assert clean.kind == "pdf"
    assert clean.size == len(files.PDF)


def test_an_odt_text_is_accepted():
    assert uploads.clean_document(upload("Compte rendu.ODT", files.odt())).kind == "odt"


def test_a_jpeg_document_is_re_encoded_without_its_gps_position_but_keeps_its_size():
    clean = uploads.clean_document(upload("scan.jpeg", files.jpeg_with_gps((2400, 1800))))

    assert clean.kind == "jpeg"
    content = clean.file.read()
    assert b"Exif" not in content
    assert Image.open(io.BytesIO(content)).size == (2400, 1800)


def test_a_png_document_is_accepted():
    assert uploads.clean_document(upload("plan.png", files.png_bytes())).kind == "png"


def test_a_document_over_10_mb_is_refused():
    message = refusal(uploads.clean_document, upload("gros.pdf", files.PDF + b" " * (10 * MB)))

    assert "trop lourd" in message
    assert "10 Mo" in message


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("faux.pdf", b"Ceci n'est pas un PDF, juste du texte.", "ni un PDF"),
        ("page.pdf", files.HTML, "ni un PDF"),
        ("page.html", files.HTML, "type de fichier n'est pas accepté"),
        ("dessin.svg", files.SVG, "type de fichier n'est pas accepté"),
        ("dessin.png", files.SVG, "ni un PDF"),
        ("programme.exe", files.EXECUTABLE, "type de fichier n'est pas accepté"),
        ("programme.pdf", files.EXECUTABLE, "ni un PDF"),
        ("sans-extension", files.PDF, "type de fichier n'est pas accepté"),
        ("rapport.odt", files.PDF, "fichier renommé n'est pas accepté"),
        ("photo.pdf", files.png_bytes(), "fichier renommé n'est pas accepté"),
        ("coupe.pdf", files.PDF[:40], "abîmé ou incomplet"),
        ("coupee.jpg", files.corrupt_jpeg(), "Nous n'arrivons pas à lire ce fichier"),
        ("bombe.png", files.decompression_bomb(), "beaucoup trop grande"),
        ("sans-mimetype.odt", files.odt(with_mimetype=False), "ni un PDF"),
        ("tableur.odt", files.odt("application/vnd.oasis.opendocument.spreadsheet"), "ni un PDF"),
        ("macros.odt", files.odt(macros=True), "macros"),
        ("archive.odt", b"PK\x03\x04" + b"\x00" * 100, "ni un PDF"),
        ("vide.pdf", b"", "ni un PDF"),
    ],
    ids=[
        "fake-pdf",
        "html-renamed-pdf",
        "html",
        "svg",
        "svg-renamed-png",
        "executable",
        "executable-renamed-pdf",
        "no-extension",
        "pdf-renamed-odt",
        "png-renamed-pdf",
        "truncated-pdf",
        "corrupt-image",
        "decompression-bomb",
        "odt-without-mimetype",
        "spreadsheet-renamed-odt",
        "odt-with-macros",
        "broken-zip",
        "empty",
    ],
)
def test_a_bad_document_is_refused_with_its_reason(name, data, expected):
    assert expected in refusal(uploads.clean_document, upload(name, data))


def test_a_truncated_photo_is_refused_even_after_weasyprint_was_imported():
    # WeasyPrint turns on Pillow's process-wide LOAD_TRUNCATED_IMAGES when imported.
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    message = refusal(uploads.clean_post_image, upload("coupee.jpg", files.corrupt_jpeg()))
    assert message
    assert ImageFile.LOAD_TRUNCATED_IMAGES, "the setting is put back for WeasyPrint"
