"""The real URLconf plus views that fail on purpose, so that each error page can be shown."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path
from django_ratelimit.exceptions import Ratelimited

from portail.urls import *  # noqa: F403 (the error handlers come with the real URLconf)
from portail.urls import urlpatterns as portal_urlpatterns


def bad_request(request):
    raise SuspiciousOperation("demande volontairement incorrecte")


def forbidden(request):
    raise PermissionDenied


def rate_limited(request):
    raise Ratelimited


def broken(request):
    raise RuntimeError("panne volontaire pour le test de la page 500")


urlpatterns = [
    path("essai/incorrect/", bad_request),
    path("essai/interdit/", forbidden),
    path("essai/trop/", rate_limited),
    path("essai/panne/", broken),
    *portal_urlpatterns,
]
