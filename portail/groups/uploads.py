"""Checking what people upload to a group, by its content and never by its name alone.

Photos of the journal are decoded with Pillow (so a file that only pretends to be an image is
refused), limited in weight and in pixels before decoding (decompression bombs), turned upright,
reduced to UPLOAD_IMAGE_MAX_SIDE pixels and re-encoded from their pixels alone: no EXIF (the GPS
position of a phone photo), no ICC profile, no comment survives.

Documents are PDF, ODT or JPEG/PNG images: a PDF must start with its signature and end like a
PDF, an ODT must be a zip whose `mimetype` entry says it is an OpenDocument text (and carry no
macros), an image must decode (and is re-encoded the same way, without being resized). The
extension must match the content: a program or a web page renamed « .pdf » is refused.
"""

import io
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps

IMAGE_FORMATS = {
    "JPEG": (".jpg", "image/jpeg"),
    "PNG": (".png", "image/png"),
    "WEBP": (".webp", "image/webp"),
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ODT_MAX_ENTRIES = 5000
ODT_MAX_UNCOMPRESSED = 300 * 1024 * 1024
MACRO_FOLDERS = ("Basic/", "Scripts/")

DOCUMENT_EXTENSIONS = {
    ".pdf": "pdf",
    ".odt": "odt",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
}
KIND_LABELS = {"pdf": "PDF", "odt": "ODT", "jpeg": "JPEG", "png": "PNG"}

NOT_AN_IMAGE = "pas-une-image"


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f}".replace(".", ",").replace(",0", "")


def check_size(upload, limit, what):
    if upload.size > limit:
        raise ValidationError(
            _(
                "%(what)s est trop lourd : %(size)s Mo, pour une limite de %(limit)s Mo. "
                "Réduisez-le ou envoyez-en un plus petit."
            ),
            params={"what": what, "size": _megabytes(upload.size), "limit": _megabytes(limit)},
            code="trop-lourd",
        )


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    format: str
    width: int
    height: int

    @property
    def extension(self):
        return IMAGE_FORMATS[self.format][0]

    @property
    def content_type(self):
        return IMAGE_FORMATS[self.format][1]

    def as_file(self, stem="photo"):
        return ContentFile(self.content, name=f"{stem}{self.extension}")


def _not_an_image():
    return ValidationError(
        _(
            "Nous n'arrivons pas à lire ce fichier comme une photo. Envoyez une photo JPEG, "
            "PNG ou WebP (les dessins SVG et les autres fichiers ne sont pas acceptés)."
        ),
        code=NOT_AN_IMAGE,
    )


def _normalise_mode(image, output_format):
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if output_format == "JPEG":
        return image if image.mode in ("RGB", "L") else image.convert("RGB")
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    return image.convert("RGBA" if has_alpha else "RGB")


def _too_big(size=None):
    message = _(
        "Cette image est beaucoup trop grande (en pixels). Envoyez une photo prise avec un "
        "téléphone, ou réduite."
    )
    if size:
        message = _(
            "Cette image est beaucoup trop grande (%(width)s × %(height)s pixels). Envoyez une "
            "photo prise avec un téléphone, ou réduite."
        ) % {"width": size[0], "height": size[1]}
    return ValidationError(message, code="trop-de-pixels")


def _load_whole(image):
    """Decode every pixel, refusing a truncated file. WeasyPrint sets Pillow's process-wide
    LOAD_TRUNCATED_IMAGES when it is imported (by any PDF view), which would let a cut-off
    upload through with grey pixels: switched off for this one decoding."""
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        image.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


def clean_image(upload, *, formats=tuple(IMAGE_FORMATS), max_side=None, quality=85):
    """Decode, check and re-encode an uploaded image. Raises ValidationError (French)."""
    max_pixels = settings.UPLOAD_IMAGE_MAX_PIXELS
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that: any warning is a refusal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            # Reads the header only: the size is known before any pixel is decoded.
            image = Image.open(upload, formats=list(formats))
            width, height = image.size
            if width * height > max_pixels or max(width, height) > 30_000:
                raise _too_big((width, height))
            if image.format == "JPEG" and max_side:
                # Decodes a smaller version straight away: fast and light on a small server.
                image.draft("RGB", (max_side, max_side))
            output_format = image.format
            _load_whole(image)
            image = ImageOps.exif_transpose(image)
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_big() from exc
        except (
            Image.UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            EOFError,
            zipfile.BadZipFile,
        ) as exc:
            raise _not_an_image() from exc
    if max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    image = _normalise_mode(image, output_format)
    # A new image made of the pixels alone: no metadata of the original can follow.
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    buffer = io.BytesIO()
    if output_format == "JPEG":
        clean.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    elif output_format == "PNG":
        clean.save(buffer, "PNG", optimize=False, compress_level=7)
    else:
        clean.save(buffer, "WEBP", quality=quality, method=4)
    return CleanImage(buffer.getvalue(), output_format, clean.width, clean.height)


def clean_post_image(upload):
    check_size(upload, settings.UPLOAD_IMAGE_MAX_BYTES, _("Ce fichier"))
    return clean_image(upload, max_side=settings.UPLOAD_IMAGE_MAX_SIDE)


# --- Documents ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanDocument:
    kind: str
    file: File
    size: int


def _refused_content():
    return ValidationError(
        _(
            "Ce fichier n'est ni un PDF, ni un texte ODT, ni une photo JPEG ou PNG. Les pages "
            "web, les dessins SVG, les programmes et les autres fichiers ne sont pas acceptés."
        ),
        code="contenu-refuse",
    )


def _sniff(head):
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "odt"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    return None


def _check_pdf(upload):
    upload.seek(max(0, upload.size - 4096))
    if b"%%EOF" not in upload.read():
        raise ValidationError(
            _(
                "Ce PDF semble abîmé ou incomplet. Ouvrez-le sur votre appareil, enregistrez-le "
                "à nouveau, puis réessayez."
            ),
            code="pdf-abime",
        )


def _check_odt(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if len(entries) > ODT_MAX_ENTRIES or (
                sum(entry.file_size for entry in entries) > ODT_MAX_UNCOMPRESSED
            ):
                raise _refused_content()
            if "mimetype" not in names or "content.xml" not in names:
                raise _refused_content()
            with archive.open("mimetype") as handle:
                mimetype = handle.read(len(ODT_MIMETYPE) + 1).strip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError) as exc:
        raise _refused_content() from exc
    if mimetype != ODT_MIMETYPE:
        raise _refused_content()
    if any(name.startswith(MACRO_FOLDERS) for name in names):
        raise ValidationError(
            _(
                "Ce document contient des macros (des petits programmes). Enregistrez-le sans "
                "macros, ou en PDF, puis réessayez."
            ),
            code="macros",
        )


def clean_document(upload):
    """Check an uploaded document by its content. Returns a CleanDocument to store."""
    check_size(upload, settings.UPLOAD_DOCUMENT_MAX_BYTES, _("Ce document"))
    extension = PurePosixPath(upload.name or "").suffix.lower()
    expected = DOCUMENT_EXTENSIONS.get(extension)
    if expected is None:
        raise ValidationError(
            _(
                "Ce type de fichier n'est pas accepté. Envoyez un PDF, un texte ODT, ou une "
                "photo JPEG ou PNG."
            ),
            code="extension",
        )
    upload.seek(0)
    kind = _sniff(upload.read(16))
    if kind is None:
        raise _refused_content()
    if kind != expected:
        raise ValidationError(
            _(
                "Le nom de ce fichier finit par « %(extension)s » mais son contenu est celui "
                "d'un fichier %(kind)s : un fichier renommé n'est pas accepté."
            ),
            params={"extension": extension, "kind": KIND_LABELS[kind]},
            code="renomme",
        )
    if kind == "pdf":
        _check_pdf(upload)
        upload.seek(0)
        return CleanDocument(kind, File(upload, name=f"document{extension}"), upload.size)
    if kind == "odt":
        _check_odt(upload)
        upload.seek(0)
        return CleanDocument(kind, File(upload, name="document.odt"), upload.size)
    image = clean_image(upload, formats=("JPEG",) if kind == "jpeg" else ("PNG",), quality=90)
    return CleanDocument(kind, image.as_file("document"), len(image.content))
