"""The real URLconf plus two views that fail on purpose, to show the 403 and 500 pages."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from portail.urls import *  # noqa: F403
from portail.urls import urlpatterns as portal_urlpatterns


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("panne volontaire pour le test de la page 500")


urlpatterns = [
    path("essai/interdit/", forbidden),
    path("essai/panne/", broken),
    *portal_urlpatterns,
]
