from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "portail.accounts"
    label = "accounts"
    verbose_name = _("Comptes et rôles")

    def ready(self):
        from portail.accounts import export_sections, inactivity
        from portail.core import periodic

        inactivity.connect()
        export_sections.connect()
        periodic.register(
            "comptes-inactifs",
            _("Prévenir puis supprimer les comptes inutilisés depuis longtemps"),
            inactivity.forget_inactive_accounts,
        )
