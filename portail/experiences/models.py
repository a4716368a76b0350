"""Experience records (« récits d'expérience ») and the shared list of savoir-faire.

A Skill is named once for the whole portal, so that « savoir animer » counted in one group and in
an event is the same skill: every name is reduced to a key (no case, no accents, single spaces)
and a name whose key already exists is that skill. A group tells its story in a record made of
sections (« naissance du groupe », « réalisations »…), each saying what we want to say, how it
was presented and by whom, and the savoir-faire it developed. A person's portfolio gathers those
and the events they took part in; an attestation of it is signed by a facilitator of the group.
"""

import datetime
import re
import secrets
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portail.accounts.roles import is_facilitator_of, is_member_of
from portail.core.markdown import render_markdown

SKILL_NAME_MAX_LENGTH = 120

# Letters that Unicode does not decompose into a base letter and an accent.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o"})
_NOT_WORD = re.compile(r"[\W_]+")


def skill_key(name):
    """The form under which two names are the same skill: « Savoir  Animer » = « savoir animer »,
    « Prendre la parole en public » = « prendre la parole en PUBLIC », « état » = « etat »,
    « l’état des lieux » = « l'état-des-lieux »."""
    text = unicodedata.normalize("NFKD", (name or "").translate(_LIGATURES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def clean_skill_name(name):
    """A proposed name as it will be shown: blanks collapsed, nothing else changed."""
    return " ".join((name or "").split())


def _unique_slug(model, text, max_length, reserved=()):
    base = (slugify(text) or "x")[: max_length - 8].strip("-") or "x"
    slug, counter = base, 2
    while slug in reserved or model.objects.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


class SkillQuerySet(models.QuerySet):
    def shown_publicly(self):
        """The list as anyone may read it: a skill noted only in drafts, in a private group's
        records or in private events is not shown before it appears somewhere public (its
        name alone could tell what a private group is working on). A skill nobody noted yet
        (the shared list's seed) is shown."""
        from portail.events.models import Event

        public_records = ExperienceRecord.objects.published().filter(group__is_public=True)
        shown = Skill.objects.filter(
            Q(sections__record__in=public_records) | Q(events__in=Event.objects.public())
        )
        noted = Skill.objects.filter(Q(sections__isnull=False) | Q(events__isnull=False))
        return self.filter(Q(pk__in=shown.values("pk")) | ~Q(pk__in=noted.values("pk")))

    def choosable_by(self, user, keep=()):
        """The list a form offers to `user`: what anyone may read, what their own groups and
        the events they see have noted, and `keep` (the ones already chosen on the object being
        edited). A skill named only inside a private group stays out of other people's forms."""
        from portail.events.models import Event
        from portail.groups.models import Group

        if user.is_staff:
            return self.all()
        theirs = Skill.objects.filter(
            Q(sections__record__group__in=Group.objects.of_user(user))
            | Q(events__in=Event.objects.visible_to(user))
        )
        return self.filter(
            Q(pk__in=self.shown_publicly().values("pk"))
            | Q(pk__in=theirs.values("pk"))
            | Q(pk__in=[skill.pk for skill in keep])
        )

    def matching(self, name):
        """The skill that `name` means, whatever its case, accents or spaces; None if new."""
        key = skill_key(name)
        return self.filter(key=key).first() if key else None


class SkillManager(models.Manager.from_queryset(SkillQuerySet)):
    def find_or_create(self, name):
        """(skill, created): the existing skill this name means, or a new one in the list."""
        name = clean_skill_name(name)
        key = skill_key(name)
        if not key:
            raise ValueError("Un savoir-faire doit avoir un nom.")
        existing = self.filter(key=key).first()
        if existing:
            return existing, False
        try:
            with transaction.atomic():
                skill = self.create(
                    name=name[:SKILL_NAME_MAX_LENGTH],
                    slug=_unique_slug(self.model, name, SKILL_NAME_MAX_LENGTH),
                )
        except IntegrityError:
            # Someone added the same skill at the same moment: theirs is ours.
            skill = self.filter(key=key).first()
            if skill is None:
                raise
            return skill, False
        return skill, True


class Skill(models.Model):
    name = models.CharField(_("savoir-faire"), max_length=SKILL_NAME_MAX_LENGTH, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    description = models.TextField(_("ce que cela veut dire"), blank=True)
    key = models.CharField(
        _("forme comparée"),
        max_length=SKILL_NAME_MAX_LENGTH,
        unique=True,
        blank=True,
        editable=False,
        help_text=_(
            "Le nom sans majuscules, accents ni espaces en trop : un seul savoir-faire par forme."
        ),
        error_messages={"unique": _("Ce savoir-faire est déjà dans la liste.")},
    )

    objects = SkillManager()

    class Meta:
        ordering = ["key"]  # alphabetical, « écouter » with the e
        verbose_name = _("savoir-faire")
        verbose_name_plural = _("savoir-faire")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = skill_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("experiences:skills") + f"#savoir-faire-{self.slug}"

    def clean(self):
        self.name = clean_skill_name(self.name)
        self.key = skill_key(self.name)
        if not self.key:
            raise ValidationError({"name": _("Donnez un nom à ce savoir-faire.")})
        # Checked here too: a form without the key (the admin's) would not check it.
        same = Skill.objects.filter(key=self.key).exclude(pk=self.pk).first()
        if same is not None:
            raise ValidationError(
                {
                    "name": _("Ce savoir-faire est déjà dans la liste : « %(name)s ».")
                    % {"name": same.name}
                }
            )


# --- Records -------------------------------------------------------------------------------------


class RecordQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ExperienceRecord.Status.PUBLISHED)

    def drafts(self):
        return self.filter(status=ExperienceRecord.Status.DRAFT)

    def visible_to(self, user):
        """Published records of the groups this person may see; drafts only for the group's
        members and facilitators; everything for the staff."""
        if user.is_authenticated and user.is_active and user.is_staff:
            return self.all()
        published = Q(status=ExperienceRecord.Status.PUBLISHED)
        if not user.is_authenticated or not user.is_active:
            return self.filter(published, group__is_public=True)
        mine = Q(group__memberships__user=user)
        return self.filter((published & Q(group__is_public=True)) | mine).distinct()

    def editable_by(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(
            group__memberships__user=user, group__memberships__role="animateur"
        ).distinct()


class ExperienceRecord(models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", _("brouillon")
        PUBLISHED = "publie", _("publié")

    # Paths of /experiences/ that a record's slug must never take.
    RESERVED_SLUGS = frozenset(
        {"ecrire", "savoir-faire", "mon-portfolio", "portfolio", "attestations"}
    )

    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("groupe"),
        on_delete=models.CASCADE,
        related_name="experience_records",
    )
    title = models.CharField(_("titre"), max_length=160)
    slug = models.SlugField(_("identifiant"), max_length=180, unique=True)
    summary = models.TextField(_("en quelques mots"), blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("écrit par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at", "id"]
        verbose_name = _("récit d'expérience")
        verbose_name_plural = _("récits d'expérience")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = _unique_slug(
                ExperienceRecord, self.title, 180, reserved=self.RESERVED_SLUGS
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("experiences:detail", args=[self.slug])

    def get_edit_url(self):
        return reverse("experiences:edit", args=[self.slug])

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def is_visible_to(self, user):
        if user.is_authenticated and user.is_active and user.is_staff:
            return True
        if is_member_of(user, self.group):
            return True
        return self.is_published and self.group.is_public

    def is_editable_by(self, user):
        if not user.is_authenticated or not user.is_active:
            return False
        return user.is_staff or is_facilitator_of(user, self.group)

    def publish(self):
        """Make the record public. A record without any section has nothing to say yet."""
        if not self.sections.exists():
            raise ValidationError(_("Ajoutez au moins une partie avant de publier le récit."))
        self.status = self.Status.PUBLISHED
        if self.published_at is None:
            self.published_at = timezone.now()
        self.save(update_fields=["status", "published_at", "updated_at"])

    def unpublish(self):
        self.status = self.Status.DRAFT
        self.save(update_fields=["status", "updated_at"])

    def renumber(self):
        """Positions 1, 2, 3… in the current order (after a deletion or a move)."""
        for position, section in enumerate(self.sections.order_by("position", "id"), start=1):
            if section.position != position:
                RecordSection.objects.filter(pk=section.pk).update(position=position)

    def next_kind(self):
        """The first kind of the usual order that the record does not have yet."""
        used = set(self.sections.values_list("kind", flat=True))
        for kind in RecordSection.Kind.values:
            if kind not in used:
                return kind
        return RecordSection.Kind.OTHER


class RecordSection(models.Model):
    class Kind(models.TextChoices):
        BIRTH = "naissance", _("naissance du groupe")
        WHY = "pourquoi", _("pourquoi chacun est venu et resté")
        ACHIEVEMENTS = "realisations", _("réalisations")
        RESTITUTION = "restitution", _("restitution")
        FOLLOWUPS = "suites", _("suites")
        CHANGES = "changements", _("ce que cela a changé")
        NEXT = "continuer", _("comment continuer")
        OTHER = "autre", _("autre")

    record = models.ForeignKey(
        ExperienceRecord,
        verbose_name=_("récit"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    position = models.PositiveIntegerField(_("place dans le récit"), default=0)
    kind = models.CharField(_("partie"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titre de la partie"), max_length=160, blank=True)
    text = models.TextField(_("ce que nous voulons dire"))
    animation = models.TextField(_("animation"), blank=True)
    presenters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membres du groupe qui présentent"),
        blank=True,
        related_name="presented_sections",
    )
    presenter_names = models.CharField(
        _("autres personnes qui présentent"), max_length=300, blank=True
    )
    skills = models.ManyToManyField(
        Skill, verbose_name=_("savoir-faire développés"), blank=True, related_name="sections"
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("partie d'un récit")
        verbose_name_plural = _("parties d'un récit")

    def __str__(self):
        return f"{self.record} — {self.heading}"

    @property
    def heading(self):
        label = self.title or self.get_kind_display()
        return label[:1].upper() + label[1:]

    @property
    def text_html(self):
        return render_markdown(self.text)

    @property
    def free_names(self):
        return [name for name in (n.strip() for n in self.presenter_names.split(",")) if name]

    def public_presenters(self):
        """Who presents, as anyone may read it: a member's pseudonym only if they agreed to be
        named in the records, otherwise « un membre du groupe »; the names typed by the
        facilitator as they are."""
        named, unnamed = [], 0
        for user in self.presenters.all():
            if named_in_records(user):
                named.append(str(user.public_name))
            else:
                unnamed += 1
        if unnamed:
            named.append(
                ngettext("un membre du groupe", "%(count)d membres du groupe", unnamed)
                % {"count": unnamed}
            )
        return named + self.free_names

    def move(self, direction):
        """Swap with the previous (direction < 0) or next section; False at either end."""
        siblings = list(self.record.sections.order_by("position", "id"))
        index = next(i for i, section in enumerate(siblings) if section.pk == self.pk)
        other = index + (1 if direction > 0 else -1)
        if not 0 <= other < len(siblings):
            return False
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, section in enumerate(siblings, start=1):
            RecordSection.objects.filter(pk=section.pk).update(position=position)
        return True


# --- Portfolio and attestations ------------------------------------------------------------------


def new_public_key():
    return secrets.token_urlsafe(9)


def named_in_records(user):
    """Has this person agreed to be named (by their pseudonym) in the public records?"""
    try:
        return user.portfolio_settings.named_in_records
    except PortfolioSettings.DoesNotExist:
        return False


class PortfolioSettings(models.Model):
    """What the person agreed to show. Nothing is public until they say so."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="portfolio_settings",
    )
    named_in_records = models.BooleanField(
        _("mon pseudonyme peut apparaître dans les récits"),
        default=False,
        help_text=_(
            "Sinon, les récits publiés disent « un membre du groupe » quand vous présentez une "
            "partie."
        ),
    )
    portfolio_public = models.BooleanField(
        _("mon portfolio de savoir-faire est visible de tous"),
        default=False,
        help_text=_(
            "Une page publique avec votre pseudonyme, vos savoir-faire et les actions qui les "
            "montrent. Vous pouvez la retirer à tout moment."
        ),
    )
    public_key = models.CharField(
        _("adresse de la page publique"),
        max_length=20,
        unique=True,
        default=new_public_key,
        editable=False,
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("réglages du portfolio")
        verbose_name_plural = _("réglages des portfolios")

    def __str__(self):
        return str(self.user)

    @classmethod
    def of(cls, user):
        """The person's settings, or unsaved defaults (nothing public) when they have none."""
        settings_ = cls.objects.filter(user=user).first()
        return settings_ or cls(user=user)

    def get_public_url(self):
        return reverse("experiences:public_portfolio", args=[self.public_key])


class InvalidTransition(ValueError):
    """A change the attestation's state or the person does not allow; a French message."""


class AttestationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Attestation.Status.REQUESTED)

    def to_sign_by(self, user):
        """Pending requests of the groups this person facilitates, never their own."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return (
            self.pending()
            .filter(group__memberships__user=user, group__memberships__role="animateur")
            .exclude(user=user)
            .distinct()
        )


class Attestation(models.Model):
    """A person's request for an attestation of their savoir-faire in a group, and, once a
    facilitator of the group has validated it, the signed content (frozen at signing)."""

    class Status(models.TextChoices):
        REQUESTED = "demandee", _("demandée")
        SIGNED = "signee", _("signée")
        DECLINED = "refusee", _("refusée")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="attestations",
    )
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("groupe"),
        on_delete=models.CASCADE,
        related_name="attestations",
    )
    holder_name = models.CharField(_("nom inscrit sur l'attestation"), max_length=120)
    note = models.TextField(_("message pour l'animateur ou l'animatrice"), blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    requested_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signée le"), null=True, blank=True)
    signer_name = models.CharField(_("nom du signataire"), max_length=120, blank=True)
    decline_reason = models.TextField(_("motif du refus"), blank=True)
    content = models.JSONField(_("contenu attesté"), default=dict, blank=True)

    objects = AttestationQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("attestation de savoir-faire")
        verbose_name_plural = _("attestations de savoir-faire")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "group"],
                condition=Q(status="demandee"),
                name="attestation_one_pending_per_group",
            )
        ]

    def __str__(self):
        return f"{self.holder_name} — {self.group}"

    @property
    def is_signed(self):
        return self.status == self.Status.SIGNED

    def signed_actions(self):
        """The actions frozen at signing, their dates as dates again."""
        actions = []
        for action in self.content.get("actions", []):
            try:
                day = datetime.date.fromisoformat(action.get("date", ""))
            except ValueError:
                day = None
            actions.append({**action, "date": day})
        return actions

    def may_be_signed_by(self, user):
        return (
            self.status == self.Status.REQUESTED
            and user.pk != self.user_id
            and is_facilitator_of(user, self.group)
        )

    def _lock_pending(self):
        """Re-read the state under a lock: two facilitators answering at the same moment (or
        one button pressed twice) give one answer, and one e-mail."""
        current = Attestation.objects.select_for_update().filter(pk=self.pk).first()
        if current is None or current.status != self.Status.REQUESTED:
            raise InvalidTransition(_("Cette demande a déjà reçu une réponse."))

    @transaction.atomic
    def sign(self, *, by, content):
        """Validate the request: `by` (a facilitator of the group, not the person) signs
        `content`, the actions and skills as they stand now."""
        if self.status != self.Status.REQUESTED:
            raise InvalidTransition(_("Cette demande a déjà reçu une réponse."))
        self._lock_pending()
        if not self.may_be_signed_by(by):
            raise InvalidTransition(
                _(
                    "Seul un animateur ou une animatrice du groupe (pas la personne elle-même) "
                    "peut signer cette attestation."
                )
            )
        if not content.get("actions"):
            raise InvalidTransition(
                _("Il n'y a aucune action enregistrée à attester pour l'instant.")
            )
        self.status = self.Status.SIGNED
        self.signed_by = by
        self.signed_at = timezone.now()
        self.signer_name = str(by.public_name)
        self.content = content
        self.save(update_fields=["status", "signed_by", "signed_at", "signer_name", "content"])

    @transaction.atomic
    def decline(self, *, by, reason):
        if self.status != self.Status.REQUESTED:
            raise InvalidTransition(_("Cette demande a déjà reçu une réponse."))
        self._lock_pending()
        if not self.may_be_signed_by(by):
            raise InvalidTransition(
                _("Seul un animateur ou une animatrice du groupe peut répondre à cette demande.")
            )
        self.status = self.Status.DECLINED
        self.signed_by = by
        self.signed_at = timezone.now()
        self.signer_name = str(by.public_name)
        self.decline_reason = reason
        self.save(
            update_fields=["status", "signed_by", "signed_at", "signer_name", "decline_reason"]
        )
