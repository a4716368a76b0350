"""Files for the upload tests, built in memory: good ones, and every kind of bad one."""

import io
import zipfile

from PIL import ExifTags, Image

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
GPS_LATITUDE = (45.0, 26.0, 2.0)


def png_bytes(size=(40, 30), color="green", mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_with_gps(size=(3000, 2000), orientation=None):
    """A phone-like photo: GPS position, camera make and a comment in its metadata."""
    image = Image.new("RGB", size, (200, 80, 40))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TelephoneTest"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps.update({1: "N", 2: GPS_LATITUDE, 3: "E", 4: (4.0, 23.0, 1.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"Rue des Lilas 12", quality=80)
    return buffer.getvalue()


def decompression_bomb():
    """A tiny file (a few kilobytes) that would take 100 million pixels once decoded."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def corrupt_jpeg():
    data = jpeg_with_gps(size=(400, 300))
    return data[: len(data) // 2]


def odt(mimetype=ODT_MIMETYPE, with_mimetype=True, macros=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if with_mimetype:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
        if macros:
            archive.writestr("Basic/Standard/Module1.xml", "<script:module/>")
    return buffer.getvalue()
