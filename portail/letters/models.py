"""Model letters a person fills in (restitution of the deposit, repairs, notice…), and the letters
a signed-in person chose to keep in their space. Nothing typed is stored otherwise."""

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portail.letters import definitions


class LetterQuerySet(models.QuerySet):
    def with_subjects(self):
        return self.prefetch_related("subjects")


@reversion.register()
class Letter(models.Model):
    class RecipientKind(models.TextChoices):
        LANDLORD = "bailleur", _("le propriétaire ou le bailleur")
        CAF = "caf", _("la CAF")
        COMMISSION = "commission", _("la commission départementale de conciliation")
        TOWN_HALL = "mairie", _("la mairie")
        FSL = "fsl", _("le Fonds de solidarité pour le logement")
        OTHER = "autre", _("un autre destinataire")

    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    title = models.CharField(_("titre"), max_length=200)
    subjects = models.ManyToManyField(
        "places.Subject", verbose_name=_("sujets"), related_name="letters", blank=True
    )
    summary = models.TextField(_("à quoi elle sert"))
    subject_line = models.CharField(_("objet"), max_length=200)
    sending = models.CharField(_("envoi"), max_length=120, blank=True)
    recipient_kind = models.CharField(
        _("destinataire"), max_length=20, choices=RecipientKind.choices
    )
    fields = models.JSONField(
        _("champs à remplir"),
        default=list,
        blank=True,
        help_text=_("Liste des champs : nom, label, type, obligatoire, aide, passe, choix."),
    )
    body = models.TextField(
        _("texte de la lettre"),
        help_text=_(
            "Gabarit Django : {{ nom_du_champ }}, {% if … %}. De « Madame, Monsieur, » "
            "à la formule de politesse."
        ),
    )
    sources = models.JSONField(_("sources"), default=list, blank=True)
    verified_on = models.DateField(_("vérifiée le"))
    verified_by = models.CharField(_("vérifiée par"), max_length=120)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("modèle de lettre")
        verbose_name_plural = _("modèles de lettres")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("letters:fill", args=[self.slug])

    def clean(self):
        errors = {}
        field_errors = definitions.field_definition_errors(self.fields)
        if field_errors:
            errors["fields"] = field_errors
        body_error = definitions.body_error(self.body)
        if body_error:
            errors["body"] = body_error
        if errors:
            raise ValidationError(errors)

    def compose(self, values):
        """The letter laid out with the cleaned values of its form."""
        return definitions.compose(self, values)


class SavedLetterQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(user=user).select_related("letter")


class SavedLetter(models.Model):
    """A letter a signed-in person chose to keep: the values they typed, for them alone."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="saved_letters",
    )
    letter = models.ForeignKey(
        Letter, verbose_name=_("modèle"), on_delete=models.PROTECT, related_name="saved_copies"
    )
    values = models.JSONField(_("ce qui a été écrit"), default=dict)
    created_at = models.DateTimeField(_("enregistrée le"), auto_now_add=True)

    objects = SavedLetterQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lettre enregistrée")
        verbose_name_plural = _("lettres enregistrées")

    def __str__(self):
        return f"{self.letter} — {self.created_at:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("letters:saved_detail", args=[self.pk])

    @property
    def recipient(self):
        return self.values.get("nom_destinataire", "")
