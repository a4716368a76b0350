"""Groups of residents, volunteers and professionals working on a theme (the Groupe Logement…).

Membership carries the person's role inside the group: member or facilitator (animateur)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portail.accounts.roles import is_member_of


class GroupQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def visible_to(self, user):
        """Public groups, plus the private ones the person belongs to (staff see them all)."""
        if not user.is_authenticated or not user.is_active:
            return self.public()
        if user.is_staff:
            return self.all()
        return self.filter(models.Q(is_public=True) | models.Q(memberships__user=user)).distinct()

    def of_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user).distinct()

    def facilitated_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            memberships__user=user, memberships__role=Membership.Role.FACILITATOR
        ).distinct()


class Group(models.Model):
    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    themes = models.ManyToManyField("places.Theme", verbose_name=_("thèmes"), blank=True)
    quartiers = models.ManyToManyField("places.Quartier", verbose_name=_("quartiers"), blank=True)
    presentation = models.TextField(_("présentation"))
    how_to_join = models.TextField(_("comment nous rejoindre"), blank=True)
    is_public = models.BooleanField(
        _("visible de tous"),
        default=True,
        help_text=_("Décochez pour un groupe dont même la présentation reste entre membres."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="portal_groups",
        verbose_name=_("membres"),
    )
    partners = models.ManyToManyField(
        "directory.Organisation",
        verbose_name=_("organisations partenaires"),
        blank=True,
        related_name="groups",
    )

    objects = GroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("groupe")
        verbose_name_plural = _("groupes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("groups:detail", args=[self.slug])

    def is_visible_to(self, user):
        """A private group stays hidden (404) from everyone but its members and the staff."""
        if self.is_public:
            return True
        return is_member_of(user, self) or (user.is_active and user.is_staff)


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "membre", _("membre")
        FACILITATOR = "animateur", _("animateur ou animatrice")

    group = models.ForeignKey(
        Group, verbose_name=_("groupe"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("depuis le"), auto_now_add=True)

    class Meta:
        verbose_name = _("adhésion à un groupe")
        verbose_name_plural = _("adhésions aux groupes")
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} — {self.group} ({self.get_role_display()})"
