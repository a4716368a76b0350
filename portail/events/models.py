"""The agenda: restitutions, forums, groupes de parole, tenants' meetings, permanences, common
times between groups and workshops; registrations with a waitlist; what happened afterwards.

Who sees what:
- an event is private when it says so (`is_public` unchecked) or when one of its organising
  groups is private: then only the members of its groups, its creator and the staff see it, and
  it never appears in a public list, feed or panel;
- the organisers (see `portail.events.permissions`) edit the event and alone see the names and
  contacts of the people registered;
- a registration is opened by its private link, whose token is derived from a stored key with
  the site's secret and stored hashed (see `Registration.link_token`).

A cancelled event (`Event.cancel`) stays in the agenda until its date, marked « Annulé » with
its reason, so that people who planned to come see it; registrations stay as they were, so that
`Event.restore` puts everything back.
"""

import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portail.core.markdown import render_markdown
from portail.core.tokens import derived_token, hash_token
from portail.privacy.masking import mask_with_spans


def _hour(value):
    """« 18 h 30 », « 9 h »: how the French write a time."""
    return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"


def french_date(value):
    """« mardi 3 décembre 2026 », « lundi 1er juin 2026 »."""
    local = timezone.localtime(value)
    day = "1er" if local.day == 1 else str(local.day)
    return f"{dateformat.format(local, 'l')} {day} {dateformat.format(local, 'F Y')}"


class EventQuerySet(models.QuerySet):
    def public(self):
        """What anyone may see: open events none of whose organising groups is private."""
        return self.filter(is_public=True).exclude(groups__is_public=False)

    def visible_to(self, user):
        if not user.is_authenticated or not user.is_active:
            return self.public()
        if user.is_staff:
            return self.all()
        public = Event.objects.public().values("pk")
        of_my_groups = Event.objects.filter(groups__memberships__user=user).values("pk")
        return self.filter(Q(pk__in=public) | Q(pk__in=of_my_groups) | Q(created_by=user))

    def upcoming(self, now=None):
        """Not finished yet (an event under way is still « à venir »), the soonest first."""
        now = now or timezone.now()
        return self.filter(
            Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now)
        ).order_by("starts_at", "id")

    def past(self, now=None):
        now = now or timezone.now()
        return self.filter(
            Q(ends_at__lt=now) | Q(ends_at__isnull=True, starts_at__lt=now)
        ).order_by("-starts_at", "-id")

    def organised_by(self, user):
        """The events a person organises as creator or facilitator of an organising group
        (moderators and staff may manage every event, but these are *theirs*)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        facilitated = Event.objects.filter(
            groups__memberships__user=user, groups__memberships__role="animateur"
        ).values("pk")
        return self.filter(Q(created_by=user) | Q(pk__in=facilitated))

    def for_list(self):
        return self.select_related("quartier__commune").prefetch_related("groups", "themes")


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
    is_public = models.BooleanField(
        _("ouvert à tous"),
        default=True,
        help_text=_(
            "Décochez pour un temps réservé aux membres des groupes organisateurs : il "
            "n'apparaît alors ni dans l'agenda public ni dans les calendriers."
        ),
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
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    # After the event.
    attendance_count = models.PositiveIntegerField(
        _("nombre de personnes présentes"), null=True, blank=True
    )
    minutes_original = models.TextField(
        _("compte rendu, tel qu'écrit"),
        blank=True,
        help_text=_("Vu des seuls organisateurs ; le public lit la version masquée."),
    )
    minutes = models.TextField(
        _("compte rendu publié (données personnelles masquées)"), blank=True, editable=False
    )
    minutes_masked_count = models.PositiveIntegerField(default=0, editable=False)
    minutes_published_at = models.DateTimeField(_("compte rendu publié le"), null=True, blank=True)

    # Cancelled by its organisers (see `cancel`): listed until its date, marked « Annulé ».
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)
    cancellation_reason = models.TextField(
        _("raison de l'annulation (données personnelles masquées)"), blank=True
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    @classmethod
    def unique_slug(cls, title, starts_at):
        """« restitution-du-groupe-logement-2026-12-03 », with -2, -3… when taken. The date
        keeps a slug from ever being one of the agenda's own words (« nouveau », « passes »)."""
        day = timezone.localtime(starts_at).date().isoformat()
        base = f"{slugify(title)[:150].strip('-') or 'evenement'}-{day}"
        slug, number = base, 1
        while cls.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    # --- what the pages show -------------------------------------------------------------

    @property
    def is_private(self):
        return not self.is_public or self.groups.filter(is_public=False).exists()

    def is_visible_to(self, user):
        return Event.objects.visible_to(user).filter(pk=self.pk).exists()

    def is_past(self, now=None):
        now = now or timezone.now()
        return (self.ends_at or self.starts_at) < now

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    def registration_is_open(self, now=None):
        return not self.is_cancelled and self.starts_at > (now or timezone.now())

    @property
    def date_display(self):
        return french_date(self.starts_at)

    @property
    def when_display(self):
        """« mardi 3 décembre 2026, de 18 h 30 à 20 h 30 »."""
        start = timezone.localtime(self.starts_at)
        if not self.ends_at:
            return _("%(date)s, à %(start)s") % {
                "date": french_date(start),
                "start": _hour(start),
            }
        end = timezone.localtime(self.ends_at)
        if end.date() != start.date():
            return _("du %(start_date)s, %(start)s, au %(end_date)s, %(end)s") % {
                "start_date": french_date(start),
                "start": _hour(start),
                "end_date": french_date(end),
                "end": _hour(end),
            }
        return _("%(date)s, de %(start)s à %(end)s") % {
            "date": french_date(start),
            "start": _hour(start),
            "end": _hour(end),
        }

    @property
    def description_html(self):
        return render_markdown(self.description)

    @property
    def minutes_html(self):
        """The published minutes (masked), or "" before publication."""
        if not self.minutes_published_at:
            return ""
        return render_markdown(self.minutes)

    @property
    def minutes_summary(self):
        """The published minutes as plain text, for a list."""
        return strip_tags(self.minutes_html)

    def counts(self):
        """{status: number of registrations}."""
        rows = self.registrations.values_list("status").annotate(n=models.Count("id"))
        found = dict(rows)
        return {status: found.get(status, 0) for status in Registration.Status.values}

    def places_left(self):
        """Free places, or None when the event has no limit."""
        if self.capacity is None:
            return None
        confirmed = getattr(self, "confirmed", None)  # annotated by the lists
        if confirmed is None:
            confirmed = self.registrations.filter(status=Registration.Status.CONFIRMED).count()
        return max(self.capacity - confirmed, 0)

    # --- cancelling ---------------------------------------------------------------------

    def cancel(self, reason, now=None):
        """Cancel the event and tell, by e-mail once the transaction commits, everyone
        registered or waiting who left an e-mail address. The reason is public (page, e-mails,
        calendars): names, addresses and phone numbers in it are masked, as in the minutes.
        Returns the registrations told, or None when the event was already cancelled: the same
        form sent twice (a double tap, two organisers at once) sends each person one e-mail."""
        from portail.events import notifications

        now = now or timezone.now()
        with transaction.atomic():
            locked = Event.objects.select_for_update().get(pk=self.pk)
            if locked.is_cancelled:
                told = None
            else:
                locked.cancelled_at = now
                locked.cancellation_reason = mask_with_spans(reason).text
                locked.save(update_fields=["cancelled_at", "cancellation_reason", "updated_at"])
                waiting_or_confirmed = locked.registrations.exclude(
                    status=Registration.Status.CANCELLED
                ).order_by("pk")
                told = [r for r in waiting_or_confirmed if notifications.event_cancelled(r)]
        self.cancelled_at = locked.cancelled_at
        self.cancellation_reason = locked.cancellation_reason
        self.updated_at = locked.updated_at
        return told

    def restore(self, now=None):
        """Undo `cancel`. Nobody is e-mailed (the organisers are asked to tell the people
        themselves: a second automatic e-mail contradicting the first one confuses more than
        it helps); the places freed meanwhile go to the people waiting, as always. Returns
        False when the event was not cancelled."""
        from portail.events import waitlist

        with transaction.atomic():
            locked = Event.objects.select_for_update().get(pk=self.pk)
            restored = locked.is_cancelled
            if restored:
                locked.cancelled_at = None
                locked.cancellation_reason = ""
                locked.save(update_fields=["cancelled_at", "cancellation_reason", "updated_at"])
                waitlist.fill_places(locked, now=now)
        self.cancelled_at = locked.cancelled_at
        self.cancellation_reason = locked.cancellation_reason
        self.updated_at = locked.updated_at
        return restored

    # --- after the event ----------------------------------------------------------------

    def record_minutes(self, text, publish, now=None):
        """Keep the minutes as written for the organisers and publish (or not) their masked
        version: names, addresses and phone numbers never reach the public page. Returns how
        many pieces of personal data were masked."""
        result = mask_with_spans(text)
        self.minutes_original = text
        self.minutes = result.text
        self.minutes_masked_count = len(result.spans)
        if publish and text.strip():
            self.minutes_published_at = self.minutes_published_at or now or timezone.now()
        else:
            self.minutes_published_at = None
        self.save(
            update_fields=[
                "minutes_original",
                "minutes",
                "minutes_masked_count",
                "minutes_published_at",
                "updated_at",
            ]
        )
        return self.minutes_masked_count

    def record_attendance(self, count, present_ids):
        """How many came (registered or not), and who of the registered people was there."""
        confirmed = self.registrations.filter(status=Registration.Status.CONFIRMED)
        confirmed.filter(pk__in=present_ids).update(attended=True)
        confirmed.exclude(pk__in=present_ids).update(attended=False)
        self.attendance_count = count
        self.save(update_fields=["attendance_count", "updated_at"])

    def add_suite(self, by, kind, summary, quartier=None, group=None):
        """A follow-up request born from this event (a family to accompany, a building's
        tenants to meet…): a demande like any other, which says where it comes from."""
        from portail.demandes.models import Demande

        demande = Demande.objects.create(
            kind=kind,
            summary=summary,
            quartier=quartier,
            origin=Demande.Origin.EVENT,
            event=self,
            entered_by=by,
        )
        if group is not None:
            demande.assign(by=by, group=group)
        return demande


PHONE_SEPARATORS = re.compile(r"[\s.\-()/]")
PHONE = re.compile(r"^(0\d{9}|\+\d{8,15}|00\d{8,15})$")


def normalise_contact(value):
    """An e-mail address (lower-cased domain) or a phone number; ValidationError otherwise."""
    value = value.strip()
    if not value:
        return ""
    if "@" in value:
        validate_email(value)
        local, _at, domain = value.rpartition("@")
        return f"{local}@{domain.lower()}"
    digits = PHONE_SEPARATORS.sub("", value)
    if not PHONE.match(digits):
        raise ValidationError("invalid phone", code="invalid")
    return value


class Registration(models.Model):
    """One person (one place) registered, on the waitlist, or cancelled. `user` is set when the
    person was signed in; `attended` is recorded by the organisers afterwards. Places and the
    waitlist change only through `portail.events.waitlist`."""

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

    # The private link: the key (from the form, so that a form sent twice is one registration)
    # gives the token through the site's secret; only the token's hash is looked up.
    submission_key = models.CharField(max_length=64, default="", editable=False)
    link_token_hash = models.CharField(max_length=64, default="", db_index=True, editable=False)
    promoted_at = models.DateTimeField(_("passé de l'attente à inscrit le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "submission_key"], name="registration_unique_submission"
            )
        ]

    def __str__(self):
        return f"{self.name} — {self.event}"

    def save(self, *args, **kwargs):
        if not self.submission_key:
            self.submission_key = uuid.uuid4().hex
        if not self.link_token_hash:
            self.link_token_hash = hash_token(link_token(self.submission_key))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The private page of this registration (see, cancel)."""
        return reverse("events:registration", args=[self.link_token()])

    @classmethod
    def from_token(cls, token):
        return cls.objects.select_related("event").filter(link_token_hash=hash_token(token)).first()

    def link_token(self):
        return link_token(self.submission_key)

    @property
    def email(self):
        """The contact when it is an e-mail address: only those get e-mails."""
        return self.contact if "@" in self.contact else ""

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED

    def waitlist_position(self):
        """1 for the next person to get a place, or None when not waiting."""
        if self.status != self.Status.WAITLIST:
            return None
        ahead = self.event.registrations.filter(status=self.Status.WAITLIST, pk__lt=self.pk)
        return ahead.count() + 1


def link_token(submission_key):
    """The token of a registration's private link, computed with the site's secret: the same
    form sent twice leads to the same link, and the reminder and « une place s'est libérée »
    e-mails can carry the link, while the database alone never opens it."""
    return derived_token("portail.events.inscription", submission_key)
