"""The portal's read-only JSON API. For now one endpoint: the search (the contract of
../shared/eval/README.md), anonymous, cacheable.

GET /api/v1/search?q=…&limit=10[&type=…]: `type` (repeated or comma-separated) is one of the
search's kinds (portail/search/models.py `Kind`): glossaire, fiche, lettre, question,
organisation, groupe, forum. A `forum` result is a published discussion of the public forum (its
masked text only; never a groupe de parole): `subject`, `term` are null, `aliases` empty, `url`
the discussion's page, `excerpt` from its opening message."""

from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portail.search.models import Kind
from portail.search.service import MAX_LIMIT, search
from portail.search.views import public_search_page

DEFAULT_LIMIT = 10
CACHE_SECONDS = 60


def _error(message):
    return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})


def _limit(raw):
    if raw in (None, ""):
        return DEFAULT_LIMIT
    try:
        value = int(raw.strip())
    except ValueError:
        return None
    return value if 1 <= value <= MAX_LIMIT else None


def _kinds(request):
    raw = [part.strip() for value in request.GET.getlist("type") for part in value.split(",")]
    raw = [part for part in raw if part]
    unknown = [part for part in raw if part not in Kind.values]
    return raw, unknown


@require_GET
@public_search_page
def search_view(request):
    """GET /api/v1/search?q=…&limit=10[&type=glossaire]"""
    limit = _limit(request.GET.get("limit"))
    if limit is None:
        return _error(
            _("« limit » doit être un nombre entier entre 1 et %(max)d.") % {"max": MAX_LIMIT}
        )
    kinds, unknown = _kinds(request)
    if unknown:
        return _error(
            _("« type » inconnu : %(unknown)s. Types possibles : %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(Kind.values)}
        )
    query = request.GET.get("q", "")
    response = search(query, kinds=kinds or None, limit=limit)
    data = {
        "query": response.query,
        "corrected_query": response.corrected_query,
        "results": [
            {
                "type": result.kind,
                "title": result.title,
                "url": request.build_absolute_uri(result.url),
                "subject": result.subject,
                "term": result.term,
                "aliases": result.aliases,
                "excerpt": result.excerpt,
            }
            for result in response.results
        ],
    }
    json_response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(json_response, public=True, max_age=CACHE_SECONDS)
    return json_response
