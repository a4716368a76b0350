from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "portail.places"
    label = "places"
    verbose_name = _("Lieux, thèmes et sujets")
