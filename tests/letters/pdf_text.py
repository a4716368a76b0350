"""The text of a PDF, read with poppler's pdftotext (installed by `make test`)."""

import shutil
import subprocess

import pytest


def pdf_text(content):
    assert content.startswith(b"%PDF"), content[:20]
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext manque : installez poppler-utils (make test le fait).")
    result = subprocess.run(  # noqa: S603 — a fixed program reading our own PDF
        [pdftotext, "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode("utf-8").split())


def pdf_page_size(content):
    """« 595.276 x 841.89 pts (A4) » as pdfinfo reports the first page."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.fail("pdfinfo manque : installez poppler-utils (make test le fait).")
    result = subprocess.run(  # noqa: S603 — a fixed program reading our own PDF
        [pdfinfo, "-"], input=content, capture_output=True, check=True
    )
    for line in result.stdout.decode().splitlines():
        if line.startswith("Page size:"):
            return line.removeprefix("Page size:").strip()
    raise AssertionError("pdfinfo ne donne pas la taille de la page")
