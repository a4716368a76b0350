from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperiencesConfig(AppConfig):
    name = "portail.experiences"
    label = "experiences"
    verbose_name = _("Récits d'expérience et savoir-faire")
