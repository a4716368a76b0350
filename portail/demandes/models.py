"""Follow-up requests: a family to accompany, a building's tenants asking for a meeting, a group
asking the housing group to come. Contact details and internal notes are private (see
`Demande.access_for`); the requester follows the request through a private link.

The workflow: nouvelle → attribuée (to a group and/or a person) → en cours → close (réalisée,
orientée vers un partenaire, sans suite with its reason). Every change is written in the
request's history. Once a closed request is old enough, `anonymise()` removes everything that
could tell who asked, and keeps what the statistics need (kind, states, quartier, dates).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portail.accounts.roles import is_moderator
from portail.core.tokens import derived_token, hash_token
from portail.privacy.masking import mask
from portail.questions.models import InvalidTransition

__all__ = ["Demande", "HistoryEntry", "InvalidTransition", "Note", "link_token"]


def link_token(submission_key):
    """The follow-up token of the request filed with this key, computed with the site's secret.
    Only its hash is stored; the key alone (in the database) does not open the link, and the
    same key always leads to the same link (a form sent twice, the status e-mails)."""
    return derived_token("portail.demandes.suivi", submission_key)


@dataclass(frozen=True)
class Access:
    """What one person may do with one request."""

    see: bool = False  # the request itself: kind, state, masked summary, group
    private: bool = False  # contact details, the full summary, notes, history's details
    work: bool = False  # start, close, write notes and messages
    assign: bool = False


NO_ACCESS = Access()


class DemandeQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Demande.Status.CLOSED)

    def visible_to(self, user):
        """The requests a person sees in the team list: moderators and staff all of them; the
        others those of their groups, those assigned to them, and — for facilitators — the
        new requests no group has taken yet, so that they can take them."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if is_moderator(user):
            return self.all()
        memberships = list(user.memberships.values_list("group_id", "role"))
        groups = [group for group, _role in memberships]
        condition = Q(assignee=user) | Q(assigned_group__in=groups)
        if any(role == "animateur" for _group, role in memberships):
            condition |= Q(status=Demande.Status.NEW, assigned_group__isnull=True)
        return self.filter(condition)

    def private_to(self, user):
        """The requests whose contact details and notes the person may read."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if is_moderator(user):
            return self.all()
        facilitated = user.memberships.filter(role="animateur").values("group_id")
        return self.filter(Q(assignee=user) | Q(assigned_group__in=facilitated))

    def overdue(self, now, days):
        """Open, nothing done for `days`, and not reminded in the last `days`."""
        limit = now - timedelta(days=days)
        return (
            self.open()
            .filter(last_activity_at__lte=limit)
            .filter(Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lte=limit))
        )

    def due_for_anonymisation(self, now, days):
        return self.filter(
            status=Demande.Status.CLOSED,
            closed_at__lte=now - timedelta(days=days),
            anonymised_at__isnull=True,
        )


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

    class GroupType(models.TextChoices):
        LITERACY = "alpha", _("groupe alpha ou atelier d'alphabétisation")
        SOCIAL_CENTRE = "centre-social", _("centre social")
        ASSOCIATION = "association", _("association")
        COMMUNE = "autre-commune", _("une autre commune")
        OTHER = "autre", _("autre groupe")

    class Outcome(models.TextChoices):
        DONE = "realisee", _("réalisée")
        REFERRED = "orientee", _("orientée vers un partenaire")
        DROPPED = "sans-suite", _("sans suite")

    kind = models.CharField(_("type de demande"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    summary = models.TextField(_("la demande"))
    summary_masked = models.TextField(
        _("la demande, sans données personnelles"), blank=True, editable=False
    )
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

    # Who asked and how to reach them: private (see Access.private), erased by anonymise().
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte de la personne"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="demandes_filed",
    )
    contact_name = models.CharField(_("nom ou pseudonyme"), max_length=100, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    contact_consent = models.BooleanField(
        _("accepte d'être recontactée et l'usage de ces données"), default=False
    )

    # A building's tenants.
    address = models.CharField(_("adresse de l'immeuble"), max_length=240, blank=True)
    landlord = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("bailleur (réseau)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="demandes_as_landlord",
    )
    landlord_name = models.CharField(_("bailleur"), max_length=160, blank=True)
    households = models.PositiveIntegerField(_("nombre de foyers"), null=True, blank=True)

    # A group asking for the housing group to come.
    group_type = models.CharField(
        _("type de groupe"), max_length=20, choices=GroupType.choices, blank=True
    )
    place = models.CharField(_("commune ou quartier"), max_length=160, blank=True)
    wished_dates = models.CharField(_("dates souhaitées"), max_length=300, blank=True)

    # The end.
    outcome = models.CharField(_("issue"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(_("précision sur l'issue"), blank=True)
    referred_to = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("orientée vers"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="demandes_referred",
    )

    follow_token_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    submission_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    last_activity_at = models.DateTimeField(
        _("dernière action le"), default=timezone.now, db_index=True
    )
    first_action_at = models.DateTimeField(_("première action le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)
    last_reminded_at = models.DateTimeField(_("dernière relance le"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("rendue anonyme le"), null=True, blank=True)

    objects = DemandeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("demande de suite")
        verbose_name_plural = _("demandes de suite")

    def __str__(self):
        return f"{self.get_kind_display()} n° {self.pk}"

    def save(self, *args, **kwargs):
        """The masked summary follows the summary; a new request starts its history, whoever
        creates it (the forms, an event's suites, the administration)."""
        adding = self._state.adding
        self.summary_masked = mask(self.summary) if self.summary else ""
        if "update_fields" in kwargs and "summary" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "summary_masked"}
        super().save(*args, **kwargs)
        if adding:
            self.record(HistoryEntry.Action.CREATED, by=self.entered_by, at=self.created_at)

    def get_team_url(self):
        return reverse("demandes:work", args=[self.pk])

    # --- creation and follow-up link ------------------------------------------------------

    @classmethod
    def submit(cls, *, submission_key, **fields):
        """Store a new request filed through a form. Returns (demande, created): the same form
        sent twice (same key) stores one request."""
        existing = cls.objects.filter(submission_key=submission_key).first()
        if existing:
            return existing, False
        demande = cls(
            submission_key=submission_key,
            follow_token_hash=hash_token(link_token(submission_key)),
            **fields,
        )
        try:
            with transaction.atomic():
                demande.save()
        except IntegrityError:
            existing = cls.objects.filter(submission_key=submission_key).first()
            if existing is None:
                raise
            return existing, False
        return demande, True

    @classmethod
    def from_token(cls, token):
        return cls.objects.filter(follow_token_hash=hash_token(token)).first()

    @property
    def follow_token(self):
        """The token of the private link, or "" for a request without one (entered from an
        event, or anonymised)."""
        if not self.submission_key or not self.follow_token_hash:
            return ""
        return link_token(self.submission_key)

    # --- who may do what ------------------------------------------------------------------

    def access_for(self, user):
        """One place for every rule of a request's privacy (see the module docstring)."""
        if not user.is_authenticated or not user.is_active:
            return NO_ACCESS
        is_open = self.status != self.Status.CLOSED and not self.anonymised_at
        if is_moderator(user):
            return Access(see=True, private=True, work=is_open, assign=is_open)
        roles = dict(user.memberships.values_list("group_id", "role"))
        in_group = self.assigned_group_id is not None and self.assigned_group_id in roles
        facilitates_group = in_group and roles[self.assigned_group_id] == "animateur"
        is_assignee = self.assignee_id is not None and self.assignee_id == user.pk
        if facilitates_group:
            return Access(see=True, private=True, work=is_open, assign=is_open)
        if is_assignee:
            return Access(see=True, private=True, work=is_open)
        if in_group:
            return Access(see=True)
        takeable = self.status == self.Status.NEW and self.assigned_group_id is None
        if takeable and "animateur" in roles.values():
            return Access(see=True, assign=True)
        return NO_ACCESS

    # --- the workflow -----------------------------------------------------------------------

    @property
    def is_closed(self):
        return self.status == self.Status.CLOSED

    def _require_open(self):
        if self.anonymised_at:
            raise InvalidTransition(_("Cette demande a été rendue anonyme : elle est archivée."))
        if self.is_closed:
            raise InvalidTransition(_("Cette demande est close : elle ne peut plus changer."))

    def _touch(self, now):
        self.last_activity_at = now
        self.first_action_at = self.first_action_at or now

    def record(self, action, by=None, details="", at=None):
        return HistoryEntry.objects.create(
            demande=self,
            action=action,
            actor=by,
            status=self.status,
            details=details,
            at=at or timezone.now(),
        )

    def assign(self, by, group=None, assignee=None):
        """Give the request to a group and/or a person (again, to change who has it)."""
        self._require_open()
        if group is None and assignee is None:
            raise InvalidTransition(_("Choisissez un groupe, une personne, ou les deux."))
        if (
            group is not None
            and assignee is not None
            and not group.memberships.filter(user=assignee).exists()
        ):
            raise InvalidTransition(
                _(
                    "Cette personne n'est pas membre du groupe choisi. Choisissez une personne "
                    "du groupe, ou laissez la case vide."
                )
            )
        if (
            self.status != self.Status.NEW
            and group == self.assigned_group
            and assignee == self.assignee
        ):
            raise InvalidTransition(_("La demande est déjà attribuée ainsi : rien n'a changé."))
        now = timezone.now()
        self.assigned_group, self.assignee = group, assignee
        if self.status == self.Status.NEW:
            self.status = self.Status.ASSIGNED
        self._touch(now)
        self.save()
        who = [str(value) for value in (group, assignee and assignee.public_name) if value]
        self.record(HistoryEntry.Action.ASSIGNED, by, details=" — ".join(who), at=now)

    def start(self, by):
        self._require_open()
        if self.status == self.Status.NEW:
            raise InvalidTransition(
                _("Attribuez d'abord la demande à un groupe ou à une personne.")
            )
        if self.status == self.Status.IN_PROGRESS:
            raise InvalidTransition(_("La demande est déjà en cours."))
        now = timezone.now()
        self.status = self.Status.IN_PROGRESS
        self._touch(now)
        self.save()
        self.record(HistoryEntry.Action.STARTED, by, at=now)

    def close(self, by, outcome, reason="", referred_to=None):
        self._require_open()
        if self.status == self.Status.NEW:
            raise InvalidTransition(
                _("Une demande nouvelle ne peut pas être close : attribuez-la d'abord.")
            )
        if outcome not in self.Outcome.values:
            raise InvalidTransition(_("Choisissez comment la demande se termine."))
        reason = reason.strip()
        if outcome == self.Outcome.DROPPED and not reason:
            raise InvalidTransition(
                _("Pour une demande sans suite, expliquez pourquoi : la personne le lira.")
            )
        now = timezone.now()
        self.status = self.Status.CLOSED
        self.outcome = outcome
        self.outcome_reason = reason
        self.referred_to = referred_to if outcome == self.Outcome.REFERRED else None
        self.closed_at = now
        self._touch(now)
        self.save()
        details = self.get_outcome_display()
        if self.referred_to:
            details = f"{details} : {self.referred_to}"
        self.record(HistoryEntry.Action.CLOSED, by, details=details, at=now)

    def add_note(self, by, text, for_requester=False):
        """An internal note for the team, or a message the requester reads on their link."""
        if self.anonymised_at:
            raise InvalidTransition(_("Cette demande a été rendue anonyme : elle est archivée."))
        text = text.strip()
        if not text:
            raise InvalidTransition(_("Écrivez quelque chose avant d'enregistrer."))
        now = timezone.now()
        note = Note.objects.create(
            demande=self, author=by, text=text, for_requester=for_requester, created_at=now
        )
        self._touch(now)
        self.save(update_fields=["last_activity_at", "first_action_at"])
        action = HistoryEntry.Action.MESSAGE if for_requester else HistoryEntry.Action.NOTE
        self.record(action, by, at=now)
        return note

    # --- retention --------------------------------------------------------------------------

    TEXT_FIELDS_ERASED = (
        "summary",
        "summary_masked",
        "contact_name",
        "contact_email",
        "contact_phone",
        "address",
        "landlord_name",
        "place",
        "wished_dates",
        "outcome_reason",
    )

    def anonymise(self, now=None):
        """Erase who asked and everything written about them; keep the kind, the states, the
        quartier, the dates (so the delays) and the issue. The history keeps states and dates
        only. The private link stops working."""
        now = now or timezone.now()
        for name in self.TEXT_FIELDS_ERASED:
            setattr(self, name, "")
        self.requester = None
        self.entered_by = None
        self.contact_consent = False
        self.follow_token_hash = None
        self.submission_key = None
        self.anonymised_at = now
        # Straight to the database: save() would recompute the masked summary from nothing,
        # which is what we want, and start no history.
        Demande.objects.filter(pk=self.pk).update(
            **dict.fromkeys(self.TEXT_FIELDS_ERASED, ""),
            requester=None,
            entered_by=None,
            contact_consent=False,
            follow_token_hash=None,
            submission_key=None,
            anonymised_at=now,
        )
        self.notes.all().delete()
        self.history.update(actor=None, details="")
        HistoryEntry.objects.create(
            demande=self, action=HistoryEntry.Action.ANONYMISED, status=self.status, at=now
        )


class Note(models.Model):
    demande = models.ForeignKey(Demande, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("écrite par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("texte"))
    for_requester = models.BooleanField(
        _("message pour la personne"),
        default=False,
        help_text=_("Lu par la personne sur son lien de suivi ; sinon, note interne."),
    )
    created_at = models.DateTimeField(_("écrite le"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("note ou message")
        verbose_name_plural = _("notes et messages")

    def __str__(self):
        return f"{self.demande} — {self.created_at:%d/%m/%Y}"


class HistoryEntry(models.Model):
    class Action(models.TextChoices):
        CREATED = "creee", _("demande reçue")
        ASSIGNED = "attribuee", _("attribuée")
        STARTED = "en-cours", _("passée en cours")
        CLOSED = "close", _("close")
        NOTE = "note", _("note interne")
        MESSAGE = "message", _("message à la personne")
        ANONYMISED = "anonymisee", _("rendue anonyme")

    demande = models.ForeignKey(Demande, on_delete=models.CASCADE, related_name="history")
    at = models.DateTimeField(_("le"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    status = models.CharField(_("état après"), max_length=10, choices=Demande.Status.choices)
    details = models.CharField(_("détails"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("étape de l'historique")
        verbose_name_plural = _("historique")

    def __str__(self):
        return f"{self.get_action_display()} — {self.at:%d/%m/%Y}"
