"""The printable poster of an event: a QR code that opens the event's page, drawn by segno as
inline SVG (WeasyPrint draws it as vectors: sharp at any size, and nothing to fetch)."""

import segno
from django.utils.safestring import mark_safe


def qr_svg(url):
    """The QR code of `url` as an inline <svg> element (medium error correction: a poster may
    be folded or stained)."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr", dark="#000", light="#fff"
    )
    return mark_safe(svg)  # noqa: S308 — segno's own SVG of our own URL
