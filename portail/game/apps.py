"""The jeu de l'oie played on screen at a restitution: the rules (rules.py, free of Django), the
board's drawing (board.py, shared with the printed kit), games kept server-side, and the
questions a table raises, sent to the moderation queue."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GameConfig(AppConfig):
    name = "portail.game"
    label = "game"
    verbose_name = _("Jeu de l'oie")

    def ready(self):
        from portail.core import panels
        from portail.game import panels as game_panels

        panels.register("espace", "game", "game/panels/espace.html", game_panels.espace_panel, 70)
        panels.register("event", "game", "game/panels/event.html", game_panels.event_panel, 70)
