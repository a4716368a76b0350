from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "portail.search"
    label = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from portail.search import signals

        signals.connect()
