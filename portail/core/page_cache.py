"""Whole-page cache for anonymous visitors of public pages.

Most visitors arrive without an account on a slow connection; the pages they read first (home,
information pages, groups, network) are the same for all of them but for the text-size and
contrast preferences. Those pages are rendered once and served from the cache.

Safe by construction, whatever the page contains:
- only GET/HEAD requests without a session cookie or pending messages are served or stored;
- only 200 responses are stored, and never one whose rendering asked for the CSRF token
  (a page with a POST form carries a per-visitor token) or set a cookie;
- any change to the portal's own data bumps a version, so no stale page outlives a write.
"""

import functools

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from portail.core.preferences import read_preferences

VERSION_KEY = "page-cache:version"


def version():
    """The current generation of cached pages; changes on every write to portail data."""
    return _version()


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def invalidate():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _cacheable_response(request, response):
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(response, "streaming", False)
    )


def _key(request):
    prefs = read_preferences(request)
    return ":".join(
        [
            "page-cache",
            str(_version()),
            get_language() or "",
            prefs.text_size,
            prefs.contrast,
            request.get_full_path(),
        ]
    )


def public_page(view):
    """Decorator for views whose output is the same for every anonymous visitor."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        timeout = settings.PAGE_CACHE_SECONDS
        if not timeout or not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        patch_vary_headers(response, ["Cookie"])
        if _cacheable_response(request, response):
            cache.set(key, response, timeout)
        return response

    return wrapper


def _on_change(sender, **kwargs):
    if sender._meta.app_label in _PORTAL_APPS:
        invalidate()


_PORTAL_APPS = set()


def connect_signals():
    _PORTAL_APPS.update(
        config.label for config in apps.get_app_configs() if config.name.startswith("portail.")
    )
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"page-cache-{signal}")
