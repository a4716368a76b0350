from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperiencesConfig(AppConfig):
    name = "portail.experiences"
    label = "experiences"
    verbose_name = _("Récits d'expérience et savoir-faire")

    def ready(self):
        from portail.core import panels
        from portail.experiences import panels as ours

        panels.register(
            "group", "experiences", "experiences/panels/group.html", ours.group_records, 40
        )
        panels.register(
            "espace",
            "experiences-recits",
            "experiences/panels/espace_recits.html",
            ours.espace_records,
            40,
        )
        panels.register(
            "espace",
            "experiences-portfolio",
            "experiences/panels/espace_portfolio.html",
            ours.espace_portfolio,
            45,
        )
