from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "portail.directory"
    label = "directory"
    verbose_name = _("Réseau des partenaires")

    def ready(self):
        from django.utils.translation import gettext_lazy as _

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
