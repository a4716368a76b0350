"""Pages every visitor meets: home, information pages, preferences, errors and health."""

import logging

from django.conf import settings
from django.contrib import messages
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from django_tasks import default_task_backend

from portail.core.page_cache import public_page
from portail.core.preferences import (
    CONTRAST_COOKIE,
    CONTRASTS,
    TEXT_COOKIE,
    TEXT_SIZES,
    read_preferences,
)
from portail.places.models import Theme

logger = logging.getLogger(__name__)


@public_page
def home(request):
    themes = Theme.objects.order_by("order")
    return TemplateResponse(request, "core/home.html", {"themes": themes})


@public_page
def info_page(request, template):
    return TemplateResponse(request, f"core/pages/{template}.html")


@csrf_exempt
def preferences(request):
    """Text size and contrast. A plain form: works without JavaScript; the choice is kept in
    cookies for a year.

    No CSRF token: the form only sets two display cookies and stores nothing, so a forged post
    could at worst enlarge someone's text; without the token, the footer form on every public
    page leaves those pages identical for all anonymous visitors, hence cacheable."""
    if request.method == "POST":
        response = HttpResponseRedirect(_safe_next(request, request.POST.get("next", "")) or "/")
        size = request.POST.get("taille")
        contrast = request.POST.get("contraste")
        cookie = {
            "max_age": settings.PREFERENCE_COOKIE_AGE,
            "samesite": "Lax",
            "secure": settings.HTTPS,
            "httponly": True,
        }
        if size in TEXT_SIZES:
            response.set_cookie(TEXT_COOKIE, size, **cookie)
        if contrast in CONTRASTS:
            response.set_cookie(CONTRAST_COOKIE, contrast, **cookie)
        if size in TEXT_SIZES or contrast in CONTRASTS:
            messages.success(request, _("Votre réglage de lecture est enregistré."))
        return response
    # Where the person was before: saving comes back to this page, which links there.
    back = _safe_next(request, request.GET.get("next", ""))
    here = reverse("core:preferences")
    return TemplateResponse(
        request,
        "core/preferences.html",
        {
            "sizes": TEXT_SIZES,
            "contrasts": CONTRASTS,
            "current": read_preferences(request),
            "back": back,
            "here": f"{here}?{urlencode({'next': back})}" if back else here,
        },
    )


def _safe_next(request, url):
    """Only a page of this site: an address from outside would make the form an open redirect."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


@require_GET
@never_cache
def alive(request):
    """Liveness probe: answers without touching the database. Also the framework floor that the
    load benchmark compares the home page with (same middleware, no template, no query)."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@never_cache
def health(request):
    """For the reverse proxy and monitoring: is the database reachable, is the task queue?"""
    checks = {}
    healthy = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["base_de_donnees"] = {"etat": "ok", "moteur": connection.vendor}
    except Exception:
        logger.exception("health: database unreachable")
        checks["base_de_donnees"] = {"etat": "erreur"}
        healthy = False
    checks["taches"] = _task_queue_status()
    healthy = healthy and checks["taches"]["etat"] == "ok"
    return JsonResponse(
        {"etat": "ok" if healthy else "erreur", "verifications": checks},
        status=200 if healthy else 503,
    )


def _task_queue_status():
    backend_path = settings.TASKS["default"]["BACKEND"]
    if backend_path != "django_tasks_db.DatabaseBackend":
        return {"etat": "ok", "file": default_task_backend.alias, "mode": "immédiat"}
    from django_tasks_db.models import DBTaskResult

    try:
        waiting = DBTaskResult.objects.ready()
        oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        return {
            "etat": "ok",
            "mode": "base de données",
            "en_attente": waiting.count(),
            "attente_max_secondes": (
                int((timezone.now() - oldest).total_seconds()) if oldest else 0
            ),
        }
    except Exception:
        logger.exception("health: task queue unreachable")
        return {"etat": "erreur", "mode": "base de données"}


# --- Error pages ------------------------------------------------------------------------------


def _error(request, template, status):
    return render(request, template, status=status)


def bad_request(request, exception=None):
    return _error(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _error(request, "403.html", 403)


def page_not_found(request, exception=None):
    return _error(request, "404.html", 404)


def server_error(request):
    """Rendered without the request context processors: a 500 often means the database is down,
    and the signed-in user or the messages would query it again."""
    try:
        body = loader.get_template("500.html").render(
            {
                "site_name": settings.SITE_NAME,
                "contact_email": settings.CONTACT_EMAIL,
                "prefs": read_preferences(request),
            }
        )
    except Exception:
        logger.exception("500 page could not be rendered")
        body = _BARE_500
    return HttpResponseServerError(body)


# Last resort when even the template fails: no tag, no static file, nothing that can break.
_BARE_500 = (
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Erreur du serveur</title>'
    "</head><body><main><h1>Le site a un problème</h1><p>Ce n'est pas de votre faute. "
    'Réessayez dans quelques minutes.</p><p><a href="/">Revenir à l\'accueil</a></p>'
    "</main></body></html>"
)


def rate_limited(request, exception=None):
    """Too many attempts from one address (login, sign-up, password reset)."""
    response = render(request, "429.html", {"minutes": 10}, status=429)
    response["Retry-After"] = "600"
    return response


def locked_out(request, credentials=None, *args, **kwargs):
    """Called by django-axes once an account or address has failed too many times."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "429.html", {"locked_out": True, "minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
