from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemandesConfig(AppConfig):
    name = "portail.demandes"
    label = "demandes"
    verbose_name = _("Demandes de suite")

    def ready(self):
        from portail.core import panels, periodic
        from portail.demandes import jobs
        from portail.demandes.panels import espace, group

        panels.register("espace", "demandes", "demandes/_panel_espace.html", espace, order=40)
        panels.register("group", "demandes", "demandes/_panel_groupe.html", group, order=60)
        periodic.register(
            "demandes-relances",
            _("Relancer les demandes sans action depuis 15 jours"),
            jobs.remind_overdue,
        )
        periodic.register(
            "demandes-anonymisation",
            _("Rendre anonymes les demandes closes depuis longtemps"),
            jobs.anonymise_closed,
        )
