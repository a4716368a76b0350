"""Markdown of the reviewed content (fiches, answers) turned into safe HTML.

CommonMark through markdown-it-py, with raw HTML written as text, then nh3 keeps only the tags a
plain text needs: a content file or an admin edit can never slip a script, a style or an image
into a page."""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "h2", "h3", "br", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# Relative links (to our own pages) are always kept; absolute ones only with these schemes.
URL_SCHEMES = {"http", "https", "mailto"}

_parser = MarkdownIt("commonmark", {"html": False})


def render_markdown(text) -> SafeString:
    """The HTML of `text` (Markdown), sanitised; an empty string for empty text."""
    if not text or not text.strip():
        return SafeString("")
    html = _parser.render(text)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
    )
    return mark_safe(cleaned.strip())  # noqa: S308 — sanitised by nh3 just above
