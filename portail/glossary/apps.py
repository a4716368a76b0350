from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "portail.glossary"
    label = "glossary"
    verbose_name = _("Glossaire")

    def ready(self):
        from portail.glossary import signals  # noqa: F401 — connects the index invalidation
