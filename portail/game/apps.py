from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GameConfig(AppConfig):
    name = "portail.game"
    label = "game"
    verbose_name = _("Jeu de l'oie")
