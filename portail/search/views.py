"""The search page (/recherche/) and the suggestions of the ask form (/recherche/suggestions/).
Both work without JavaScript; the suggestions are a fragment for htmx."""

import functools

from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from portail.core.page_cache import public_page
from portail.places.models import Theme
from portail.search.models import Kind
from portail.search.service import MAX_LIMIT, search
from portail.search.suggest import suggestions

# How each kind of result is introduced, and how many are shown.
SECTIONS = {
    Kind.FICHE: (
        _("Des fiches pour agir"),
        _("Ce que dit la loi, ce que vous pouvez faire étape par étape, et à qui vous adresser."),
        5,
    ),
    Kind.GLOSSARY: (
        _("Des mots expliqués"),
        _("Les mots du logement et des droits, expliqués simplement."),
        6,
    ),
    Kind.LETTER: (
        _("Des lettres types"),
        _("Des modèles de lettres à remplir, puis à imprimer ou à envoyer."),
        3,
    ),
    Kind.QUESTION: (
        _("Des questions déjà posées"),
        _("D'autres habitants ont posé une question proche. Lisez les pistes du groupe."),
        5,
    ),
    Kind.FORUM: (
        _("Discussions du forum"),
        _(
            "Des habitants en ont parlé entre eux sur le forum public. Ce sont leurs expériences, "
            "pas des réponses vérifiées par le groupe."
        ),
        3,
    ),
    Kind.ORGANISATION: (
        _("Des organisations qui peuvent vous aider"),
        _("Des associations et des services publics du réseau."),
        3,
    ),
    Kind.GROUP: (
        _("Des groupes d'habitants"),
        _("Des groupes qui travaillent sur ces questions, que vous pouvez rejoindre."),
        3,
    ),
}
SECTION_ORDER = [
    Kind.FICHE,
    Kind.GLOSSARY,
    Kind.LETTER,
    Kind.QUESTION,
    Kind.FORUM,
    Kind.ORGANISATION,
    Kind.GROUP,
]


# Longer addresses (a pasted testimony) are not worth caching, and would make cache keys longer
# than some cache servers accept.
MAX_CACHED_PATH = 200


def public_search_page(view):
    """@public_page for a search view, except for very long queries."""
    cached = public_page(view)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if len(request.get_full_path()) > MAX_CACHED_PATH:
            return view(request, *args, **kwargs)
        return cached(request, *args, **kwargs)

    return wrapper


def _link(query, exact=False):
    params = {"q": query}
    if exact:
        params["exact"] = "1"
    return "?" + urlencode(params)


@require_GET
@public_search_page
def results(request):
    query = request.GET.get("q", "")
    exact = request.GET.get("exact") == "1"
    context = {"query": query, "exact": exact}
    if not query.strip():
        context["themes"] = Theme.objects.order_by("order")
        return TemplateResponse(request, "search/results.html", context)
    response = search(query, limit=MAX_LIMIT, correct=not exact)
    grouped = dict(response.by_kind())
    sections = []
    for kind in SECTION_ORDER:
        if kind in grouped:
            title, explanation, shown = SECTIONS[kind]
            sections.append(
                {
                    "kind": kind,
                    "id": f"resultats-{kind}",
                    "title": title,
                    "explanation": explanation,
                    "results": grouped[kind][:shown],
                }
            )
    context.update(
        {
            "response": response,
            "sections": sections,
            "count": sum(len(section["results"]) for section in sections),
            "original_link": _link(response.query, exact=True),
            "corrected_link": _link(response.corrected_query or ""),
        }
    )
    if exact:
        # The correction the person turned down, offered again as a question.
        suggested = search(query, limit=1)
        context["suggested_query"] = suggested.corrected_query
        context["corrected_link"] = _link(suggested.corrected_query or "")
    return TemplateResponse(request, "search/results.html", context)


@require_GET
def suggestions_view(request):
    """The fragment for htmx; the whole page without JavaScript. Not in the page cache: the same
    address serves two different responses."""
    # `text` when htmx sends the ask form's textarea as it is typed.
    query = request.GET.get("q") or request.GET.get("text", "")
    context = {"query": query, "suggestions": suggestions(query)}
    template = "search/_suggestions.html" if request.htmx else "search/suggestions.html"
    return TemplateResponse(request, template, context)
