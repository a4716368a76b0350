"""The network around the groups: associations, public services, CAF, centres sociaux,
landlords, elected officials. Partner accounts are people who speak for an organisation: they
keep its page up to date, and are asked to confirm it once a year."""

import datetime

import reversion
from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# An organisation whose information was not confirmed for this long is flagged as stale.
STALE_AFTER_MONTHS = 12
# While it stays stale, its partner accounts are asked again at most this often.
REMIND_EVERY = datetime.timedelta(days=30)


def stale_cutoff(today):
    """Checked on or before this day means « not checked for 12 months »."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


class OrganisationQuerySet(models.QuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self

    def in_theme(self, theme):
        # One theme matches at most one row of the through table: no duplicates to remove.
        return self.filter(themes=theme) if theme else self

    def on_subject(self, subject):
        """Organisations that deal with this subject: they say so, or its fiche sends people
        to them."""
        if not subject:
            return self
        matching = Organisation.objects.filter(Q(subjects=subject) | Q(fiches__subject=subject))
        return self.filter(pk__in=matching.values("pk"))

    def serving(self, quartier):
        """Organisations a resident of this quartier can go to: those of the quartier, of its
        whole commune, and those that serve every quartier (no quartier given). Those of the
        quartier itself are marked `in_quartier`."""
        if not quartier:
            return self
        commune_wide = quartier.commune.quartiers.filter(name=quartier.commune.name)
        served = Organisation.objects.filter(
            Q(quartiers=quartier) | Q(quartiers__in=commune_wide) | Q(quartiers__isnull=True)
        )
        through = Organisation.quartiers.through
        return self.filter(pk__in=served.values("pk")).annotate(
            in_quartier=Exists(
                through.objects.filter(organisation=OuterRef("pk"), quartier=quartier)
            )
        )

    def stale(self, today):
        """Never checked, or not checked for 12 months."""
        return self.filter(
            Q(last_checked_on__isnull=True) | Q(last_checked_on__lte=stale_cutoff(today))
        )

    def due_for_confirmation(self, now):
        """Stale, with someone to ask, and not asked in the last 30 days."""
        return (
            self.stale(timezone.localdate(now))
            .filter(
                Q(confirmation_requested_at__isnull=True)
                | Q(confirmation_requested_at__lte=now - REMIND_EVERY)
            )
            .filter(memberships__user__is_active=True)
            .distinct()
        )

    def for_fiche(self, fiche, theme_limit=6):
        """The organisations a fiche sends people to: first those of its subject (named by the
        fiche, or saying they deal with it), then a few others of the same theme (those with
        the most subjects of that theme first). Returns (same_subject, same_theme, how many
        organisations the whole theme has)."""
        same_subject = list(self.on_subject(fiche.subject_id).order_by(Lower("name")))
        theme = fiche.subject.theme_id
        in_theme = self.in_theme(theme)
        ranked = (
            in_theme.exclude(pk__in=[org.pk for org in same_subject])
            .annotate(n_subjects=Count("subjects", filter=Q(subjects__theme=theme)))
            .order_by("-n_subjects", Lower("name"))
        )
        return same_subject, list(ranked[:theme_limit]), in_theme.count()


@reversion.register(exclude=["confirmation_requested_at"])
class Organisation(models.Model):
    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("association")
        PUBLIC_SERVICE = "service-public", _("service public")
        CAF = "caf", _("CAF")
        SOCIAL_CENTRE = "centre-social", _("centre social")
        SOCIAL_LANDLORD = "bailleur-social", _("bailleur social")
        LOCAL_AUTHORITY = "collectivite", _("collectivité")
        ELECTED = "elu", _("élu ou conseil de quartier")

    class StepFree(models.TextChoices):
        YES = "oui", _("Oui, on entre sans marche")
        NO = "non", _("Non, il y a des marches")
        UNKNOWN = "inconnu", _("Nous ne savons pas")

    name = models.CharField(_("nom"), max_length=160, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=160, unique=True)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    summary = models.TextField(_("ce qu'elle fait, pour qui"))
    services = models.TextField(
        _("services proposés"),
        blank=True,
        help_text=_(
            "Un service par ligne, avec pour qui : « Aide pour le dossier FSL, pour "
            "les locataires du quartier »."
        ),
    )
    themes = models.ManyToManyField("places.Theme", verbose_name=_("thèmes"), blank=True)
    subjects = models.ManyToManyField(
        "places.Subject",
        verbose_name=_("sujets"),
        related_name="organisations",
        blank=True,
        help_text=_("Les sujets des fiches pistes sur lesquels elle peut aider."),
    )
    quartiers = models.ManyToManyField(
        "places.Quartier", verbose_name=_("quartiers desservis"), blank=True
    )
    address = models.CharField(_("adresse"), max_length=240, blank=True)
    opening_hours = models.TextField(_("horaires d'accueil"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("site internet"), blank=True)
    step_free_access = models.CharField(
        _("accès sans marche"),
        max_length=10,
        choices=StepFree.choices,
        default=StepFree.UNKNOWN,
    )
    languages = models.CharField(
        _("langues parlées à l'accueil"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : français, arabe, anglais."),
    )
    accessibility_notes = models.TextField(
        _("accessibilité : autres informations"),
        blank=True,
        help_text=_(
            "Ascenseur, place de parking, boucle magnétique, accueil en langue des signes…"
        ),
    )
    last_checked_on = models.DateField(_("informations vérifiées le"), null=True, blank=True)
    last_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vérifiées par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmation_requested_at = models.DateTimeField(
        _("vérification demandée le"),
        null=True,
        blank=True,
        help_text=_("Dernier e-mail demandant aux comptes partenaires de confirmer."),
    )
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

    @property
    def service_list(self):
        return [line.strip(" -•\t") for line in self.services.splitlines() if line.strip(" -•\t")]

    @property
    def website_short(self):
        """The site as people type it: « caf.fr » for https://www.caf.fr/."""
        short = self.website.split("://", 1)[-1].removeprefix("www.")
        return short.rstrip("/")

    @property
    def has_contact(self):
        return bool(self.address or self.phone or self.email or self.website)

    def is_stale(self, today=None):
        today = today or timezone.localdate()
        return self.last_checked_on is None or self.last_checked_on <= stale_cutoff(today)

    @property
    def stale(self):
        """For templates: never checked, or not checked for 12 months (as of today)."""
        return self.is_stale()

    def checked_by_itself(self):
        """Whether the last check was made by one of its own partner accounts (else by the
        portal's team). Never says who: only « the organisation » or « the team »."""
        if self.last_checked_by_id is None:
            return False
        return self.memberships.filter(user_id=self.last_checked_by_id).exists()

    def mark_checked(self, by, today=None):
        """Its information is confirmed as it stands today, by `by`."""
        self.last_checked_on = today or timezone.localdate()
        self.last_checked_by = by
        self.confirmation_requested_at = None


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
