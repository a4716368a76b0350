"""Experience records (« récits d'expérience ») and the shared list of savoir-faire.

A Skill is named once for the whole portal, so that « savoir animer » counted in one group and in
an event is the same skill. Records, their sections, who presents them and the portfolio are
built on it (see the rest of this module)."""

from django.db import models
from django.urls import reverse  # noqa: F401
from django.utils.translation import gettext_lazy as _


class Skill(models.Model):
    name = models.CharField(_("savoir-faire"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    description = models.TextField(_("ce que cela veut dire"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("savoir-faire")
        verbose_name_plural = _("savoir-faire")

    def __str__(self):
        return self.name
