from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CardsConfig(AppConfig):
    name = "portail.cards"
    label = "cards"
    verbose_name = _("Cartes du jeu")

    def ready(self):
        from portail.cards import panels as cards_panels
        from portail.cards import signals  # noqa: F401 — connects the receivers
        from portail.core import panels

        for slot, template, context, order in (
            ("espace", "cards/panels/espace.html", cards_panels.espace_panel, 75),
            ("group", "cards/panels/group.html", cards_panels.group_panel, 70),
            ("event", "cards/panels/event.html", cards_panels.event_panel, 75),
        ):
            panels.register(slot, "cards", template, context, order)
