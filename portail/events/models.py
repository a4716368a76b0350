"""The agenda: restitutions, forums, groupes de parole, tenants' meetings, permanences, common
times between groups and workshops; registrations with a waitlist; what happened afterwards."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    class Kind(models.TextChoices):
        RESTITUTION = "restitution", _("restitution")
        FORUM = "forum", _("forum thématique")
        PAROLE = "parole", _("groupe de parole")
        TENANTS = "locataires", _("réunion de locataires")
        PERMANENCE = "permanence", _("permanence")
        INTERGROUP = "inter-groupes", _("temps commun inter-groupes")
        WORKSHOP = "atelier", _("atelier")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titre"), max_length=160)
    slug = models.SlugField(_("identifiant"), max_length=180, unique=True)
    starts_at = models.DateTimeField(_("début"), db_index=True)
    ends_at = models.DateTimeField(_("fin"), null=True, blank=True)
    place = models.CharField(_("lieu"), max_length=200)
    address = models.CharField(_("adresse du lieu"), max_length=250, blank=True)
    accessibility = models.TextField(_("accessibilité du lieu"), blank=True)
    quartier = models.ForeignKey(
        "places.Quartier",
        verbose_name=_("quartier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    themes = models.ManyToManyField("places.Theme", verbose_name=_("thèmes"), blank=True)
    groups = models.ManyToManyField(
        "groups.Group", verbose_name=_("groupes organisateurs"), related_name="events", blank=True
    )
    description = models.TextField(_("description"))
    capacity = models.PositiveIntegerField(
        _("nombre de places"), null=True, blank=True, help_text=_("Vide : sans limite.")
    )
    skills = models.ManyToManyField(
        "experiences.Skill",
        verbose_name=_("savoir-faire mis en œuvre"),
        related_name="events",
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])


class Registration(models.Model):
    """One person (or a family: `seats`) registered, on the waitlist, or cancelled. `user` is set
    when the person was signed in; `attended` is recorded by the organisers afterwards."""

    class Status(models.TextChoices):
        CONFIRMED = "inscrit", _("inscrit")
        WAITLIST = "attente", _("en liste d'attente")
        CANCELLED = "annule", _("annulé")

    event = models.ForeignKey(
        Event, verbose_name=_("événement"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("nom ou pseudonyme"), max_length=80)
    contact = models.CharField(_("e-mail ou téléphone"), max_length=120, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    status = models.CharField(_("état"), max_length=10, choices=Status.choices)
    attended = models.BooleanField(_("présent"), null=True, blank=True)
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")

    def __str__(self):
        return f"{self.name} — {self.event}"
