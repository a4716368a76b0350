"""The shared helpers of portail/core: Markdown to safe HTML, and PDFs from a template."""

import pytest
from django.template import engines

from portail.core.markdown import render_markdown
from portail.core.pdf import render_pdf
from tests.letters.pdf_text import pdf_text


def test_markdown_keeps_the_plain_text_structure():
    html = render_markdown(
        "## Titre\n\n**gras** et *italique*\n\n- un\n- deux\n\n1. premier\n2. second\n\n"
        "> cité\n\n`code` [lien](https://www.service-public.fr) [ici](/fiches/) "
        "[mail](mailto:a@b.fr)"
    )
    assert "<h2>Titre</h2>" in html
    assert "<strong>gras</strong> et <em>italique</em>" in html
    assert "<ul>\n<li>un</li>" in html and "<ol>\n<li>premier</li>" in html
    assert "<blockquote>" in html and "<code>code</code>" in html
    assert '<a href="https://www.service-public.fr" rel="noopener">lien</a>' in html
    assert '<a href="/fiches/" rel="noopener">ici</a>' in html
    assert '<a href="mailto:a@b.fr" rel="noopener">mail</a>' in html


@pytest.mark.parametrize(
    ("markdown", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("<img src=x onerror=alert(1)>", "<img"),
        ("[x](javascript:alert(1))", 'href="javascript'),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", 'href="data'),
        ("![image](https://exemple.org/a.png)", "<img"),
        ("# Grand titre", "<h1"),
        ('<a href="https://x.fr" onclick="x()">a</a>', '<a href="https://x.fr" onclick'),
        ("<div style='color:red'>x</div>", "<div"),
    ],
)
def test_markdown_never_lets_html_or_scripts_through(markdown, forbidden):
    assert forbidden not in render_markdown(markdown)


def test_empty_markdown_is_empty_html():
    assert render_markdown("") == "" and render_markdown("   \n") == ""


def test_a_pdf_is_drawn_from_a_template_with_our_stylesheet(tmp_path, settings):
    (tmp_path / "essai.html").write_text(
        '<!doctype html><html lang="fr"><body><h1>{{ titre }}</h1></body></html>',
        encoding="utf-8",
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    engines._engines = {}
    engines.__dict__.pop("templates", None)

    pdf = render_pdf("essai.html", {"titre": "Un titre <accentué> é"})

    assert pdf_text(pdf) == "Un titre <accentué> é 1/1"


def test_a_pdf_never_fetches_anything_outside_our_static_files(tmp_path, settings):
    secret = tmp_path / "secret.css"
    secret.write_text("h1::after { content: 'FUITE'; }", encoding="utf-8")
    (tmp_path / "essai.html").write_text(
        f'<html><head><link rel="stylesheet" href="file://{secret}">'
        '<link rel="stylesheet" href="https://exemple.org/a.css"></head>'
        "<body><h1>Titre</h1></body></html>",
        encoding="utf-8",
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    engines._engines = {}
    engines.__dict__.pop("templates", None)

    text = pdf_text(render_pdf("essai.html", {}))

    assert "Titre" in text
    assert "FUITE" not in text
