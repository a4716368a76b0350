from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "portail.core"
    label = "core"
    verbose_name = _("Socle du portail")

    def ready(self):
        from portail.core import page_cache, retention

        page_cache.connect_signals()
        retention.register_jobs()
