"""Groups of residents, volunteers and professionals working on a theme (the Groupe Logement…).

Membership carries the person's role inside the group: member or facilitator (animateur). A
person joins through a join request that a facilitator accepts. The group keeps a journal of
short posts (with an optional photo) and documents, each public or for members only, and may be
linked to partner groups (a link proposed by one group and accepted by the other)."""

import uuid
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portail.accounts.roles import is_member_of
from portail.core.tokens import hash_token, new_token

# Paths of the groups room itself: a group may not take them as its slug.
RESERVED_SLUGS = {"nouveau", "quartiers", "liens"}


class GroupError(ValueError):
    """A change the group's rules forbid (e.g. leaving it without a facilitator). The message
    is French and meant for the person who clicked."""


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
    # A private group cannot be found, so nobody can ask to join it: its facilitators give out
    # an invitation link instead. Only the token's hash is kept; a new link replaces the old.
    invitation_token_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    invitation_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
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

    INVITATION_DAYS = 14

    def new_invitation(self):
        """A new invitation token (shown once to the facilitator), valid INVITATION_DAYS; the
        previous link stops working."""
        token = new_token()
        self.invitation_token_hash = hash_token(token)
        self.invitation_expires_at = timezone.now() + timedelta(days=self.INVITATION_DAYS)
        self.save(update_fields=["invitation_token_hash", "invitation_expires_at"])
        return token

    def end_invitation(self):
        self.invitation_token_hash = ""
        self.invitation_expires_at = None
        self.save(update_fields=["invitation_token_hash", "invitation_expires_at"])

    @property
    def has_invitation(self):
        return bool(self.invitation_token_hash) and self.invitation_expires_at > timezone.now()

    @classmethod
    def from_invitation(cls, token):
        """The group this invitation token opens, or None (unknown, replaced or expired)."""
        if not token:
            return None
        return cls.objects.filter(
            invitation_token_hash=hash_token(token),
            invitation_expires_at__gt=timezone.now(),
        ).first()

    def is_visible_to(self, user):
        """A private group stays hidden (404) from everyone but its members and the staff."""
        if self.is_public:
            return True
        return is_member_of(user, self) or (user.is_active and user.is_staff)

    @staticmethod
    def unique_slug(name):
        """A free slug for a new group, never one of the room's own paths."""
        base = slugify(name)[:100] or "groupe"
        slug, n = base, 1
        while slug in RESERVED_SLUGS or Group.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    @classmethod
    def create(cls, *, by, themes=(), quartiers=(), **fields):
        """A new group; the person who creates it becomes its first facilitator."""
        with transaction.atomic():
            group = cls.objects.create(slug=cls.unique_slug(fields["name"]), **fields)
            group.themes.set(themes)
            group.quartiers.set(quartiers)
            Membership.objects.create(group=group, user=by, role=Membership.Role.FACILITATOR)
        return group

    def facilitators(self):
        return get_user_model().objects.filter(
            memberships__group=self, memberships__role=Membership.Role.FACILITATOR, is_active=True
        )

    def add_member(self, user, role=None):
        membership, _created = Membership.objects.get_or_create(
            group=self, user=user, defaults={"role": role or Membership.Role.MEMBER}
        )
        return membership


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

    @property
    def is_facilitator(self):
        return self.role == self.Role.FACILITATOR

    def _is_last_facilitator(self):
        # A closed account does not animate anything: another *active* facilitator is needed.
        return (
            self.is_facilitator
            and not self.group.memberships.filter(role=self.Role.FACILITATOR, user__is_active=True)
            .exclude(pk=self.pk)
            .exists()
        )

    def set_role(self, role):
        """Promote to facilitator, or back to member — never the group's last facilitator."""
        role = self.Role(role)
        with transaction.atomic():
            # Locks the group's facilitators so that two facilitators stepping down at the
            # same moment cannot both succeed.
            list(self.group.memberships.select_for_update().filter(role=self.Role.FACILITATOR))
            if role == self.Role.MEMBER and self._is_last_facilitator():
                raise GroupError(
                    _(
                        "Le groupe doit toujours avoir au moins un animateur ou une animatrice : "
                        "nommez d'abord quelqu'un d'autre."
                    )
                )
            self.role = role
            self.save(update_fields=["role"])

    def end(self):
        """Remove the person from the group (they leave, or a facilitator removes them)."""
        with transaction.atomic():
            list(self.group.memberships.select_for_update().filter(role=self.Role.FACILITATOR))
            if self._is_last_facilitator():
                raise GroupError(
                    _(
                        "Le groupe ne peut pas rester sans animateur ou animatrice : nommez "
                        "d'abord quelqu'un d'autre."
                    )
                )
            self.delete()


# --- Join requests ---------------------------------------------------------------------------


class JoinRequestQuerySet(models.QuerySet):
    def pending(self):
        """Waiting for an answer, from people whose account is still open."""
        return self.filter(status=JoinRequest.Status.PENDING, user__is_active=True)

    def for_facilitator(self, user):
        """Pending requests of the groups this person animates."""
        return self.pending().filter(group__in=Group.objects.facilitated_by(user))


class JoinRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "en-attente", _("en attente")
        ACCEPTED = "acceptee", _("acceptée")
        DECLINED = "refusee", _("refusée")

    group = models.ForeignKey(
        Group, verbose_name=_("groupe"), on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="group_join_requests",
    )
    message = models.TextField(_("message au groupe"), blank=True)
    status = models.CharField(
        _("état"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    response = models.TextField(_("réponse du groupe"), blank=True)
    created_at = models.DateTimeField(_("demandée le"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("demande pour rejoindre un groupe")
        verbose_name_plural = _("demandes pour rejoindre un groupe")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"],
                condition=models.Q(status="en-attente"),
                name="join_request_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.group} ({self.get_status_display()})"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def _decide(self, status, by, response):
        # Two facilitators answering at the same moment: the second one is told.
        current = JoinRequest.objects.select_for_update().get(pk=self.pk)
        if current.status != self.Status.PENDING:
            raise GroupError(_("Cette demande a déjà reçu une réponse."))
        self.status = status
        self.decided_by = by
        self.decided_at = timezone.now()
        self.response = response
        self.save(update_fields=["status", "decided_by", "decided_at", "response"])

    def accept(self, by, response=""):
        with transaction.atomic():
            self._decide(self.Status.ACCEPTED, by, response)
            self.group.add_member(self.user)

    def decline(self, by, response=""):
        with transaction.atomic():
            self._decide(self.Status.DECLINED, by, response)


# --- Journal and documents --------------------------------------------------------------------


class Visibility(models.TextChoices):
    PUBLIC = "public", _("tout le monde")
    MEMBERS = "membres", _("les membres du groupe seulement")


class VisibleQuerySet(models.QuerySet):
    def visible_to(self, user, group):
        """What this person may see of `group`: everything for members and staff, the public
        part for everyone else (the group itself must already be visible to them)."""
        if is_member_of(user, group) or (user.is_active and user.is_staff):
            return self.filter(group=group)
        return self.filter(group=group, visibility=Visibility.PUBLIC)


def _random_name(folder, extension):
    # Random names: nothing about the person or the file's original name reaches the disk.
    return str(PurePosixPath("groupes") / folder / f"{uuid.uuid4().hex}{extension}")


def post_image_path(instance, filename):
    return _random_name("journal", PurePosixPath(filename).suffix.lower())


def document_path(instance, filename):
    return _random_name("documents", PurePosixPath(filename).suffix.lower())


class Post(models.Model):
    """A short news of the group's activity, with an optional photo (re-encoded, metadata
    removed: see portail/groups/uploads.py)."""

    group = models.ForeignKey(
        Group, verbose_name=_("groupe"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("écrit par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="group_posts",
    )
    text = models.TextField(_("message"))
    image = models.FileField(_("photo"), upload_to=post_image_path, blank=True)
    image_type = models.CharField(_("type de la photo"), max_length=20, blank=True)
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(_("description de la photo"), max_length=200, blank=True)
    visibility = models.CharField(
        _("qui peut le lire"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    created_at = models.DateTimeField(_("publié le"), default=timezone.now, db_index=True)

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("message du journal")
        verbose_name_plural = _("messages du journal")

    def __str__(self):
        return self.text[:60]

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    def image_url(self):
        return reverse("groups:post_image", args=[self.group.slug, self.pk])


class Document(models.Model):
    """A file the group shares. Stored under MEDIA_ROOT with a random name, never served by a
    public URL: portail/groups/views/files.py checks the reader's rights and sends it with safe
    headers."""

    class Kind(models.TextChoices):
        PDF = "pdf", _("PDF")
        ODT = "odt", _("texte OpenDocument (ODT)")
        JPEG = "jpeg", _("photo JPEG")
        PNG = "png", _("image PNG")

    CONTENT_TYPES = {
        Kind.PDF: "application/pdf",
        Kind.ODT: "application/vnd.oasis.opendocument.text",
        Kind.JPEG: "image/jpeg",
        Kind.PNG: "image/png",
    }
    EXTENSIONS = {Kind.PDF: ".pdf", Kind.ODT: ".odt", Kind.JPEG: ".jpg", Kind.PNG: ".png"}

    group = models.ForeignKey(
        Group, verbose_name=_("groupe"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("titre"), max_length=160)
    description = models.TextField(_("en quelques mots"), blank=True)
    file = models.FileField(_("fichier"), upload_to=document_path)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    size = models.PositiveIntegerField(_("taille (octets)"), default=0)
    visibility = models.CharField(
        _("qui peut le lire"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ajouté par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="group_documents",
    )
    created_at = models.DateTimeField(_("ajouté le"), default=timezone.now, db_index=True)

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("document du groupe")
        verbose_name_plural = _("documents des groupes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("groups:document", args=[self.group.slug, self.pk])

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    @property
    def content_type(self):
        return self.CONTENT_TYPES[self.Kind(self.kind)]

    @property
    def download_name(self):
        return f"{slugify(self.title)[:80] or 'document'}{self.EXTENSIONS[self.Kind(self.kind)]}"


# --- Links between groups ---------------------------------------------------------------------


class GroupLinkQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=GroupLink.Status.ACCEPTED)

    def pending(self):
        return self.filter(status=GroupLink.Status.PENDING)

    def involving(self, group):
        return self.filter(models.Q(from_group=group) | models.Q(to_group=group))

    def between(self, group, other):
        return self.filter(
            models.Q(from_group=group, to_group=other) | models.Q(from_group=other, to_group=group)
        )


class GroupLink(models.Model):
    """Two partner groups: proposed by a facilitator of `from_group`, accepted (or declined) by
    a facilitator of `to_group`."""

    class Status(models.TextChoices):
        PENDING = "en-attente", _("proposé")
        ACCEPTED = "accepte", _("accepté")
        DECLINED = "refuse", _("refusé")

    from_group = models.ForeignKey(
        Group,
        verbose_name=_("groupe qui propose"),
        on_delete=models.CASCADE,
        related_name="links_proposed",
    )
    to_group = models.ForeignKey(
        Group,
        verbose_name=_("groupe invité"),
        on_delete=models.CASCADE,
        related_name="links_received",
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("état"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("proposé le"), default=timezone.now)
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)

    objects = GroupLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lien entre groupes")
        verbose_name_plural = _("liens entre groupes")
        constraints = [
            models.UniqueConstraint(fields=["from_group", "to_group"], name="group_link_unique"),
            models.CheckConstraint(
                condition=~models.Q(from_group=models.F("to_group")), name="group_link_two_groups"
            ),
        ]

    def __str__(self):
        return f"{self.from_group} ↔ {self.to_group} ({self.get_status_display()})"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def other(self, group):
        return self.to_group if self.from_group_id == group.pk else self.from_group

    @classmethod
    def propose(cls, *, from_group, to_group, by, message=""):
        """Propose a partnership; a declined one may be proposed again, any other existing
        link between the two groups (in either direction) is refused."""
        if from_group.pk == to_group.pk:
            raise GroupError(_("Un groupe ne peut pas être partenaire de lui-même."))
        with transaction.atomic():
            existing = cls.objects.select_for_update().between(from_group, to_group).first()
            if existing and existing.status != cls.Status.DECLINED:
                if existing.status == cls.Status.ACCEPTED:
                    raise GroupError(_("Ces deux groupes sont déjà partenaires."))
                raise GroupError(_("Une proposition attend déjà la réponse de l'un des groupes."))
            if existing:
                existing.delete()
            try:
                with transaction.atomic():
                    return cls.objects.create(
                        from_group=from_group, to_group=to_group, proposed_by=by, message=message
                    )
            except IntegrityError as exc:
                # The same proposal sent twice at the same moment: the first one stands.
                raise GroupError(
                    _("Une proposition attend déjà la réponse de l'un des groupes.")
                ) from exc

    def _decide(self, status, by):
        with transaction.atomic():
            current = GroupLink.objects.select_for_update().get(pk=self.pk)
            if current.status != self.Status.PENDING:
                raise GroupError(_("Cette proposition a déjà reçu une réponse."))
            self.status = status
            self.decided_by = by
            self.decided_at = timezone.now()
            self.save(update_fields=["status", "decided_by", "decided_at"])

    def accept(self, by):
        self._decide(self.Status.ACCEPTED, by)

    def decline(self, by):
        self._decide(self.Status.DECLINED, by)


@receiver(post_delete, sender=Post)
@receiver(post_delete, sender=Document)
def _delete_stored_file(sender, instance, **kwargs):
    """A deleted post or document takes its file with it (also when its group is deleted)."""
    field = instance.image if sender is Post else instance.file
    if field:
        # After the commit: a rolled-back deletion must not lose the file.
        transaction.on_commit(lambda: field.storage.delete(field.name))
