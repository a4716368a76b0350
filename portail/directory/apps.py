from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "portail.directory"
    label = "directory"
    verbose_name = _("Réseau des partenaires")

    def ready(self):
        from portail.core import panels, periodic
        from portail.directory import panels as directory_panels
        from portail.directory.reminders import ask_for_confirmation
        from portail.questions import links

        from .models import Organisation

        def resolve(slugs):
            return {
                org.slug: (org.name, org.get_absolute_url())
                for org in Organisation.objects.filter(slug__in=slugs)
            }

        def choices():
            return list(Organisation.objects.order_by("name").values_list("slug", "name"))

        links.register("organisation", _("Organisation"), resolve, choices)
        panels.register(
            "fiche_contacts",
            "organisations",
            "directory/panels/fiche_contacts.html",
            directory_panels.fiche_contacts,
        )
        # The same organisations on the fiche's PDF (paper layout, no cards).
        panels.register(
            "fiche_contacts_pdf",
            "organisations",
            "directory/panels/fiche_contacts_pdf.html",
            directory_panels.fiche_contacts,
        )
        panels.register(
            "espace",
            "organisations",
            "directory/panels/espace.html",
            directory_panels.partner_organisations,
            order=40,
        )
        periodic.register(
            "directory-confirmation",
            _("Demander aux organisations de confirmer leurs informations (1 fois par an)"),
            ask_for_confirmation,
        )
