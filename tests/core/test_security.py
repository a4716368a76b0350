"""Strict Content-Security-Policy and a small weight: checked on the responses and on the files."""

import gzip
import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
TEMPLATE_FILES = sorted(
    p for p in (BASE_DIR / "templates").rglob("*") if p.is_file() and p.suffix in {".html", ".txt"}
)
BUDGET_BYTES = 50 * 1024


def csp_directives(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.django_db
def test_the_home_page_sends_a_strict_content_security_policy(client):
    response = client.get("/")

    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_pages_cannot_be_framed_or_sniffed(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_json_health_check_also_carries_the_policy(client):
    assert "default-src 'self'" in client.get("/sante/")["Content-Security-Policy"]


def test_templates_were_found_to_scan():
    assert any(p.name == "base.html" for p in TEMPLATE_FILES)


INLINE_CODE = [
    (re.compile(r"""\sstyle\s*=\s*["']""", re.I), 'attribut style="…"'),
    (re.compile(r"<style[\s>]", re.I), "bloc <style>"),
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I), "<script> sans src"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "attribut onclick=… (gestionnaire en ligne)"),
    (re.compile(r"\shx-on[:-]", re.I), "attribut hx-on (code en ligne)"),
    (re.compile(r"""href\s*=\s*["']\s*javascript:""", re.I), "lien javascript:"),
]


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_no_template_holds_inline_style_or_script(path):
    text = path.read_text(encoding="utf-8")
    found = [label for pattern, label in INLINE_CODE if pattern.search(text)]
    assert found == [], f"{path.relative_to(BASE_DIR)} : {', '.join(found)} (bloqué par la CSP)"


def test_the_scan_catches_inline_code():
    samples = [
        '<p style="color: red">',
        "<style>p{}</style>",
        "<script>alert(1)</script>",
        '<button onclick="x()">',
        '<form hx-on:submit="x()">',
        '<a href="javascript:x()">',
    ]
    for sample in samples:
        assert any(pattern.search(sample) for pattern, _ in INLINE_CODE), sample
    assert not any(
        pattern.search('<script src="/static/vendor/htmx.min.js" defer></script>')
        for pattern, _ in INLINE_CODE
    )


def test_css_and_javascript_weigh_at_most_50_kb_compressed():
    files = [
        *sorted((BASE_DIR / "static" / "css").glob("*.css")),
        *sorted((BASE_DIR / "static" / "js").glob("*.js")),
        *sorted((BASE_DIR / "static" / "vendor").glob("htmx-*.min.js")),
    ]
    assert any(f.name.startswith("htmx-") for f in files)
    sizes = {f.name: len(gzip.compress(f.read_bytes())) for f in files}
    total = sum(sizes.values())
    assert total <= BUDGET_BYTES, f"{total} octets compressés > {BUDGET_BYTES} : {sizes}"
