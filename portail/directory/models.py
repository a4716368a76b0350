"""The network around the groups: associations, public services, CAF, centres sociaux,
landlords, elected officials. Partner accounts are people who speak for an organisation."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class OrganisationQuerySet(models.QuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self

    def in_theme(self, theme):
        # One theme matches at most one row of the through table: no duplicates to remove.
        return self.filter(themes=theme) if theme else self


class Organisation(models.Model):
    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("association")
        PUBLIC_SERVICE = "service-public", _("service public")
        CAF = "caf", _("CAF")
        SOCIAL_CENTRE = "centre-social", _("centre social")
        SOCIAL_LANDLORD = "bailleur-social", _("bailleur social")
        LOCAL_AUTHORITY = "collectivite", _("collectivité")
        ELECTED = "elu", _("élu ou conseil de quartier")

    name = models.CharField(_("nom"), max_length=160, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=160, unique=True)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    summary = models.TextField(_("ce qu'elle fait, pour qui"))
    themes = models.ManyToManyField("places.Theme", verbose_name=_("thèmes"), blank=True)
    quartiers = models.ManyToManyField(
        "places.Quartier", verbose_name=_("quartiers desservis"), blank=True
    )
    address = models.CharField(_("adresse"), max_length=240, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("site internet"), blank=True)
    last_checked_on = models.DateField(_("informations vérifiées le"), null=True, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="OrganisationMember",
        related_name="organisations",
        verbose_name=_("comptes partenaires"),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation partenaire")
        verbose_name_plural = _("organisations partenaires")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:detail", args=[self.slug])


class OrganisationMember(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    since = models.DateTimeField(_("depuis le"), auto_now_add=True)

    class Meta:
        verbose_name = _("compte partenaire")
        verbose_name_plural = _("comptes partenaires")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="org_member_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation}"
