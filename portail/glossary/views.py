"""The glossary's public pages: A–Z with a theme filter, one page per word, and a printable
mini-lexique per theme (HTML, and PDF for those who print elsewhere)."""

from itertools import groupby

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify

from portail.core.page_cache import public_page
from portail.glossary.models import Term
from portail.places.models import Theme


def _themes_with_terms():
    return Theme.objects.filter(glossary_terms__isnull=False).distinct().order_by("order", "name")


def _by_letter(terms):
    return [(letter, list(group)) for letter, group in groupby(terms, key=lambda t: t.letter)]


@public_page
def index(request):
    themes = list(_themes_with_terms())
    theme = None
    unknown_theme = False
    terms = Term.objects.all()
    wanted = request.GET.get("theme", "").strip()
    if wanted:
        theme = next((candidate for candidate in themes if candidate.slug == wanted), None)
        if theme is None:
            unknown_theme = True
        else:
            terms = terms.in_theme(theme)
    terms = terms.alphabetical()
    return TemplateResponse(
        request,
        "glossary/index.html",
        {
            "themes": themes,
            "theme": theme,
            "unknown_theme": unknown_theme,
            "letters": _by_letter(terms),
            "count": len(terms),
        },
    )


@public_page
def term(request, slug):
    term = get_object_or_404(Term.objects.prefetch_related("themes"), slug=slug)
    return TemplateResponse(
        request,
        "glossary/term.html",
        {
            "term": term,
            "see_also": term.see_also.all().alphabetical(),
            "fiches": _fiches_of(term),
            "themes": term.themes.all(),
        },
    )


def _fiches_of(term):
    """The fiches pistes of the word's subjects or that list it among their words to know,
    when the fiches app is there."""
    if not apps.is_installed("portail.fiches"):
        return []
    fiche_model = apps.get_model("fiches", "Fiche")
    return list(
        fiche_model.objects.filter(Q(subject__in=term.subjects.all()) | Q(terms=term))
        .distinct()
        .order_by("title")
    )


def _lexicon_context(slug):
    theme = get_object_or_404(Theme, slug=slug)
    terms = Term.objects.in_theme(theme).alphabetical()
    return {"theme": theme, "terms": terms, "letters": _by_letter(terms)}


@public_page
def lexicon(request, slug):
    return TemplateResponse(request, "glossary/lexicon.html", _lexicon_context(slug))


@public_page
def lexicon_pdf(request, slug):
    # Imported here: WeasyPrint is heavy and only this view needs it.
    from portail.core.pdf import render_pdf

    context = {**_lexicon_context(slug), "site_url": settings.SITE_URL}
    pdf = render_pdf("glossary/lexicon_pdf.html", context, request=request)
    filename = f"mini-lexique-{slugify(context['theme'].name)}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Language"] = "fr"
    response["X-Robots-Tag"] = "noindex"
    return response
