"""What the forum's views share: the rate limits of writing and reporting, the duplicate
window, the decorator of private pages."""

import functools
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

PAGE_SIZE = 20
# A form sent twice within this delay (a double tap on a slow connection) stores one message.
DUPLICATE_WINDOW = timedelta(minutes=10)
DEFAULT_POST_RATE = "30/h"
DEFAULT_REPORT_RATE = "10/h"
NOINDEX = "noindex, nofollow"

RATE_LIMITED = _(
    "Vous avez envoyé beaucoup de messages en peu de temps. Attendez un peu avant de "
    "réessayer : votre texte est gardé ci-dessous."
)


def post_rate(group, request):
    """Messages per account; read at request time so that a changed setting takes effect."""
    return settings.RATE_LIMITS.get("forum_post", DEFAULT_POST_RATE)


def group_report_rate(group, request):
    """Reports in groupes de parole, per account: the public reports' rate unless the setting
    names one of its own."""
    limits = settings.RATE_LIMITS
    return limits.get("forum_group_report") or limits.get("report_ip", DEFAULT_REPORT_RATE)


def duplicate_since():
    return timezone.now() - DUPLICATE_WINDOW


def noindex(response):
    response["X-Robots-Tag"] = NOINDEX
    return response


def private_page(view):
    """A page of a groupe de parole: signed-in only, never stored by any cache, never
    indexed — every answer carries the headers, the login redirect included."""

    guarded = login_required(view)

    @functools.wraps(view)
    def with_headers(request, *args, **kwargs):
        return noindex(guarded(request, *args, **kwargs))

    return never_cache(with_headers)


def paginate(request, queryset, size=PAGE_SIZE):
    page = Paginator(queryset, size).get_page(request.GET.get("page"))
    return page, page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
