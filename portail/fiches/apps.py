from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FichesConfig(AppConfig):
    name = "portail.fiches"
    label = "fiches"
    verbose_name = _("Fiches pistes")

    def ready(self):
        from portail.questions import links

        from .models import Fiche

        def resolve(slugs):
            return {
                fiche.slug: (fiche.title, fiche.get_absolute_url())
                for fiche in Fiche.objects.filter(slug__in=slugs)
            }

        def choices():
            return list(Fiche.objects.order_by("title").values_list("slug", "title"))

        # A piste can send the person to the fiche of their subject.
        links.register("fiche", _("Fiche piste"), resolve, choices)
