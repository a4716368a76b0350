from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "portail.groups"
    label = "groups"
    verbose_name = _("Groupes")

    def ready(self):
        from portail.groups import panels

        panels.register()
