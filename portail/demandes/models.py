"""Follow-up requests: a family to accompany, a building's tenants asking for a meeting, a group
asking the housing group to come. Contact details and internal notes are private (see the
permission rules in this app); the requester follows the request through a private link."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Demande(models.Model):
    class Kind(models.TextChoices):
        ACCOMPANIMENT = "accompagnement", _("accompagnement d'une personne ou d'une famille")
        BUILDING = "immeuble", _("réunion des locataires d'un immeuble")
        INTERVENTION = "intervention", _("intervention dans un groupe")
        OTHER = "autre", _("autre demande")

    class Status(models.TextChoices):
        NEW = "nouvelle", _("nouvelle")
        ASSIGNED = "attribuee", _("attribuée")
        IN_PROGRESS = "en-cours", _("en cours")
        CLOSED = "close", _("close")

    class Origin(models.TextChoices):
        ONLINE = "en-ligne", _("en ligne, par la personne")
        ON_BEHALF = "pour-autrui", _("saisie par un membre pour la personne")
        EVENT = "evenement", _("suite d'un événement")

    kind = models.CharField(_("type de demande"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    summary = models.TextField(_("la demande"))
    quartier = models.ForeignKey(
        "places.Quartier",
        verbose_name=_("quartier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    origin = models.CharField(
        _("origine"), max_length=12, choices=Origin.choices, default=Origin.ONLINE
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("événement d'origine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suites",
    )
    assigned_group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("groupe chargé de la demande"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="demandes",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne chargée de la demande"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="demandes_assigned",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisie par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="demandes_entered",
    )
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("demande de suite")
        verbose_name_plural = _("demandes de suite")

    def __str__(self):
        return f"{self.get_kind_display()} n° {self.pk}"
