"""PDFs of our own pages (fiches, letters) drawn by WeasyPrint from a template.

The templates are made for paper only (never served as pages, so the page CSP does not apply to
them); they share static/css/pdf.css. WeasyPrint may only read our static files: a content link
or a typed value can never make it fetch something from the network or the disk."""

import functools
import logging
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEET = "css/pdf.css"

# WeasyPrint narrates every step at INFO level: one line per stylesheet and page in our logs.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


@functools.cache
def _fetcher_class():
    # Imported on first use: WeasyPrint is slow to import and most processes never draw a PDF.
    from weasyprint.urls import URLFetcher

    class StaticFilesOnly(URLFetcher):
        """Fetches `file:` URLs inside our static directories; refuses anything else."""

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(url2pathname(parts.path)).resolve()
                roots = [Path(root).resolve() for root in settings.STATICFILES_DIRS]
                if any(path.is_relative_to(root) for root in roots):
                    return super().fetch(url, headers)
            raise ValueError(f"Ressource refusée dans un PDF : {url}")

    return StaticFilesOnly


def pdf_rate(group, request):
    """The django-ratelimit rate of PDF views, read at request time (see RATE_LIMITS)."""
    return settings.RATE_LIMITS["pdf"]


def render_pdf(template_name, context, request=None, stylesheets=()) -> bytes:
    """The PDF (A4, see pdf.css) of `template_name` rendered with `context`. `stylesheets`:
    more static CSS files for this kind of document (« css/pdf-kit.css »…), applied after
    pdf.css. Templates hold no <style> block: the same CSP-proof rule as the web pages."""
    from weasyprint import CSS, HTML

    html = render_to_string(template_name, context, request=request)
    fetcher = _fetcher_class()()
    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=fetcher)
    sheets = []
    for name in (STYLESHEET, *stylesheets):
        path = finders.find(name)
        if path is None:
            raise ValueError(f"Feuille de style introuvable pour un PDF : {name}")
        sheets.append(CSS(filename=path, url_fetcher=fetcher))
    return document.write_pdf(stylesheets=sheets)
