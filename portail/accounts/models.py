"""People who sign in. A resident needs no more than an e-mail address and a password; anything
else (pseudonym, quartier) is optional, because people fear exposing their private life."""

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("L'adresse e-mail est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, email_confirmed_at=timezone.now())
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("adresse e-mail"), unique=True)
    display_name = models.CharField(
        _("pseudonyme"),
        max_length=60,
        blank=True,
        help_text=_("Le nom affiché aux autres. Un prénom ou un surnom suffit."),
    )
    quartier = models.ForeignKey(
        "places.Quartier",
        verbose_name=_("quartier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_moderator = models.BooleanField(
        _("modérateur ou modératrice"),
        default=False,
        help_text=_("Peut relire, masquer et publier les questions et messages."),
    )
    email_confirmed_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)
    inactivity_warned_at = models.DateTimeField(
        _("prévenu de la suppression pour inactivité le"), null=True, blank=True, editable=False
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("compte")
        verbose_name_plural = _("comptes")

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return self.display_name or self.email

    def get_short_name(self):
        # Never the start of the e-mail address (« jean.dupont »): it often names the person.
        return self.public_name

    @property
    def public_name(self):
        """What others may see: the pseudonym, never the e-mail address."""
        return self.display_name or _("Un membre")

    @property
    def awaits_confirmation(self):
        """Signed up but never clicked the confirmation link (unlike an account the team
        closed, which is inactive with a confirmation date)."""
        return not self.is_active and self.email_confirmed_at is None

    def confirm_email(self):
        self.email_confirmed_at = timezone.now()
        self.is_active = True
        self.save(update_fields=["email_confirmed_at", "is_active"])
