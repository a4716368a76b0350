"""Where people live (communes, quartiers) and what they ask about (themes, subjects)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portail.places.pictograms import PICTOGRAM_CHOICES


class Commune(models.Model):
    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    insee_code = models.CharField(_("code INSEE"), max_length=5, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return self.name


class QuartierQuerySet(models.QuerySet):
    def with_commune(self):
        return self.select_related("commune").order_by("commune__name", "name")


class Quartier(models.Model):
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="quartiers"
    )
    name = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(_("identifiant"), max_length=140, unique=True)
    description = models.TextField(_("présentation"), blank=True)
    is_priority = models.BooleanField(
        _("quartier prioritaire (QPV)"),
        default=False,
        help_text=_("Quartier prioritaire de la politique de la ville."),
    )

    objects = QuartierQuerySet.as_manager()

    class Meta:
        ordering = ["commune__name", "name"]
        verbose_name = _("quartier")
        verbose_name_plural = _("quartiers")
        constraints = [
            models.UniqueConstraint(fields=["commune", "name"], name="quartier_unique_in_commune")
        ]

    def __str__(self):
        if self.name == self.commune.name:
            return self.name
        return f"{self.name} ({self.commune.name})"


class ThemeManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Theme(models.Model):
    """A broad area of rights (logement, santé…). Shown with a pictogram and its text label."""

    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    name = models.CharField(_("nom"), max_length=80, unique=True)
    description = models.CharField(_("en une phrase"), max_length=240, blank=True)
    pictogram = models.CharField(_("pictogramme"), max_length=40, choices=PICTOGRAM_CHOICES)
    order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)

    objects = ThemeManager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class SubjectManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class Subject(models.Model):
    """One of the knowledge base's subjects (../shared/eval/subjects.json): each fiche belongs to
    exactly one, and questions are classified by them."""

    key = models.SlugField(_("clé"), max_length=60, unique=True)
    title = models.CharField(_("titre"), max_length=120)
    description = models.TextField(_("description"))
    theme = models.ForeignKey(
        Theme, verbose_name=_("thème"), on_delete=models.PROTECT, related_name="subjects"
    )

    objects = SubjectManager()

    class Meta:
        ordering = ["theme__order", "title"]
        verbose_name = _("sujet")
        verbose_name_plural = _("sujets")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("fiches:detail", args=[self.key])

    def natural_key(self):
        return (self.key,)

    natural_key.dependencies = ["places.theme"]
