"""Questions and testimonies of residents, the group's pistes (answers), and their moderation.

The loop: a resident asks (no account needed) → personal data is masked automatically → a
moderator approves, keeps private, merges or rejects → group members classify and answer with a
piste → the asker is told and follows everything through a private link.

Privacy rules carried by the model:
- `original_text` and `email` are seen by moderators only; the public and the group see `text`,
  the masked version;
- the follow-up link's token is stored hashed: whoever reads the database cannot follow a
  question;
- reactions remember a browser by the hash of a random cookie, never by account or address.
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portail.core.tokens import hash_token, new_token
from portail.privacy.masking import mask_with_spans

TEXT_MIN_LENGTH = 10
TEXT_MAX_LENGTH = 5000
NOT_ANSWERABLE = _("Cette question n'attend pas de piste : elle est close ou pas encore relue.")


class InvalidTransition(ValueError):
    """A state change that the question's current state does not allow. The message is French
    and meant for the person who clicked."""


class QuestionQuerySet(models.QuerySet):
    VISIBLE_STATUSES = ("publiee", "piste", "resolue", "close")

    def public(self):
        """What anyone may read: approved for publication, not rejected or merged."""
        return self.filter(is_public=True, status__in=self.VISIBLE_STATUSES)

    def awaiting_moderation(self):
        return self.filter(status=Question.Status.RECEIVED)

    def for_group_work(self):
        """What group members classify and answer: every approved item, public or private
        (private ones are answered privately), never the unmoderated or rejected ones."""
        return self.filter(status__in=self.VISIBLE_STATUSES)

    def visible_to(self, user):
        from portail.accounts.roles import is_any_group_member, is_moderator

        if is_moderator(user):
            return self.all()
        if is_any_group_member(user):
            return self.for_group_work()
        return self.public()

    def in_theme(self, theme):
        return self.filter(theme=theme)

    def to_answer(self):
        """Approved and still waiting for a piste, the oldest first: the group's to-do list."""
        return self.filter(status=Question.Status.PUBLISHED).order_by("created_at", "id")

    def received_between(self, date_from=None, date_to=None):
        """Received on or after `date_from` and on or before `date_to` (dates, both optional,
        in the portal's time zone)."""
        qs = self
        if date_from:
            qs = qs.filter(created_at__date__gte=date_from)
        if date_to:
            qs = qs.filter(created_at__date__lte=date_to)
        return qs

    def containing(self, words):
        """Every word somewhere in the masked text (never the original)."""
        qs = self
        for word in words.split()[:8]:
            qs = qs.filter(text__icontains=word)
        return qs

    def with_list_relations(self):
        return self.select_related("theme", "subject", "quartier__commune")


class Question(models.Model):
    class Kind(models.TextChoices):
        QUESTION = "question", _("question")
        TESTIMONY = "temoignage", _("témoignage")

    class Status(models.TextChoices):
        RECEIVED = "recue", _("reçue")
        PUBLISHED = "publiee", _("publiée")
        ANSWERED = "piste", _("piste donnée")
        RESOLVED = "resolue", _("résolue")
        CLOSED = "close", _("close")
        REJECTED = "refusee", _("refusée")
        DUPLICATE = "doublon", _("doublon")

    class Origin(models.TextChoices):
        ONLINE = "en-ligne", _("en ligne, par la personne")
        PAPER = "papier", _("sur papier")
        PHONE = "telephone", _("par téléphone")
        PERMANENCE = "permanence", _("à une permanence")
        GAME = "jeu", _("pendant le jeu de l'oie")
        EVENT = "evenement", _("pendant un événement")

    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.QUESTION)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    original_text = models.TextField(
        _("texte d'origine"), help_text=_("Tel qu'écrit par la personne. Vu des seuls modérateurs.")
    )
    text = models.TextField(
        _("texte publié"), help_text=_("Le texte sans données personnelles, modifiable.")
    )
    detected_spans = models.JSONField(
        _("données personnelles repérées"), default=list, blank=True, editable=False
    )
    theme = models.ForeignKey(
        "places.Theme", verbose_name=_("thème"), null=True, blank=True, on_delete=models.SET_NULL
    )
    subject = models.ForeignKey(
        "places.Subject",
        verbose_name=_("sujet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    quartier = models.ForeignKey(
        "places.Quartier",
        verbose_name=_("quartier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    email = models.EmailField(
        _("e-mail pour être prévenu"), blank=True, help_text=_("Vu des seuls modérateurs.")
    )
    consent_publication = models.BooleanField(_("accepte la publication anonymisée"))
    is_public = models.BooleanField(_("publiée sur le portail"), default=False, db_index=True)
    follow_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    submission_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte de la personne"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    origin = models.CharField(
        _("origine"), max_length=12, choices=Origin.choices, default=Origin.ONLINE
    )
    origin_detail = models.CharField(_("précision sur l'origine"), max_length=200, blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("événement où elle a été posée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisie par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions_entered",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("doublon de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    rejection_reason = models.TextField(_("motif du refus"), blank=True)
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, db_index=True)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    answered_at = models.DateTimeField(_("piste donnée le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("résolue ou close le"), null=True, blank=True)
    helped_count = models.PositiveIntegerField(_("« ça m'a aidé »"), default=0)
    not_yet_count = models.PositiveIntegerField(_("« pas encore »"), default=0)
    me_too_count = models.PositiveIntegerField(_("« moi aussi »"), default=0, db_index=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("question ou témoignage")
        verbose_name_plural = _("questions et témoignages")
        indexes = [
            models.Index(fields=["is_public", "status", "-created_at"], name="question_public_new"),
            models.Index(
                fields=["is_public", "status", "-me_too_count"], name="question_public_top"
            ),
            models.Index(
                fields=["theme", "is_public", "status", "-created_at"], name="question_theme_new"
            ),
        ]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return reverse("questions:detail", args=[self.pk])

    # --- creation -----------------------------------------------------------------------------

    @classmethod
    def submit(cls, *, text, submission_key=None, **fields):
        """Store a new question with its masked text. Returns (question, token); the token is
        shown once and sent by e-mail, only its hash is kept. A second submit of the same form
        (same submission_key) returns the first question and no token."""
        result = mask_with_spans(text)
        token = new_token()
        question = cls(
            original_text=text,
            text=result.text,
            detected_spans=[span.as_dict() for span in result.spans],
            follow_token_hash=hash_token(token),
            submission_key=submission_key,
            **fields,
        )
        if submission_key:
            existing = cls.objects.filter(submission_key=submission_key).first()
            if existing:
                return existing, None
            try:
                with transaction.atomic():
                    question.save()
            except IntegrityError:
                existing = cls.objects.filter(submission_key=submission_key).first()
                if existing is None:
                    raise
                return existing, None
        else:
            question.save()
        return question, token

    @classmethod
    def from_token(cls, token):
        return cls.objects.filter(follow_token_hash=hash_token(token)).first()

    def new_follow_token(self):
        token = new_token()
        self.follow_token_hash = hash_token(token)
        self.save(update_fields=["follow_token_hash"])
        return token

    # --- state --------------------------------------------------------------------------------

    @property
    def is_awaiting_moderation(self):
        return self.status == self.Status.RECEIVED

    ANSWERABLE = ("publiee", "piste", "resolue")

    @property
    def is_approved(self):
        """Went through moderation and is worked on by the group (public or private)."""
        return self.status in QuestionQuerySet.VISIBLE_STATUSES

    @property
    def can_be_answered(self):
        return self.status in self.ANSWERABLE

    @property
    def can_be_resolved(self):
        return self.status in (self.Status.PUBLISHED, self.Status.ANSWERED)

    @property
    def can_be_closed(self):
        return self.status in self.ANSWERABLE

    def _require_status(self, allowed, message):
        if self.status not in allowed:
            raise InvalidTransition(message)

    def _require_moderation(self):
        self._require_status(
            (self.Status.RECEIVED,),
            _("Cette question a déjà été traitée par la modération."),
        )

    @property
    def followed_question(self):
        """The question the asker follows: the original one when this was merged into it."""
        return self.duplicate_of if self.status == self.Status.DUPLICATE else self

    def record(self, action, by, **details):
        return ModerationAction.objects.create(
            question=self, action=action, actor=by, details=details
        )

    def approve(self, by, text=None):
        self._require_moderation()
        changes = {}
        if text is not None and text != self.text:
            changes["text"] = [self.text, text]
            self.text = text
        self.status = self.Status.PUBLISHED
        self.is_public = self.consent_publication
        self.published_at = timezone.now()
        self.save()
        self.record(
            ModerationAction.Action.APPROVE if self.is_public else ModerationAction.Action.PRIVATE,
            by,
            changes=changes,
        )

    def keep_private(self, by, text=None):
        self._require_moderation()
        changes = {}
        if text is not None and text != self.text:
            changes["text"] = [self.text, text]
            self.text = text
        self.status = self.Status.PUBLISHED
        self.is_public = False
        self.published_at = timezone.now()
        self.save()
        self.record(ModerationAction.Action.PRIVATE, by, changes=changes)

    def reject(self, by, reason):
        self._require_moderation()
        if not reason.strip():
            raise InvalidTransition(_("Donnez le motif du refus."))
        self.status = self.Status.REJECTED
        self.is_public = False
        self.rejection_reason = reason
        self.closed_at = timezone.now()
        self.save()
        self.record(ModerationAction.Action.REJECT, by, reason=reason)

    def mark_duplicate(self, by, original):
        if original.pk == self.pk or original.followed_question.pk == self.pk:
            raise InvalidTransition(_("Une question ne peut pas être le doublon d'elle-même."))
        self._require_moderation()
        root = original.followed_question
        if not root.is_public or root.status not in QuestionQuerySet.VISIBLE_STATUSES:
            # The asker will read the original and its pistes: only a published one will do.
            raise InvalidTransition(_("La question d'origine doit être publiée sur le portail."))
        self.status = self.Status.DUPLICATE
        self.is_public = False
        self.duplicate_of = original.followed_question
        self.closed_at = timezone.now()
        self.save()
        Question.objects.filter(pk=self.duplicate_of.pk).update(me_too_count=F("me_too_count") + 1)
        self.record(ModerationAction.Action.DUPLICATE, by, original=self.duplicate_of.pk)

    def classify(self, by, theme, subject):
        changes = {}
        if theme != self.theme:
            changes["theme"] = [str(self.theme or ""), str(theme or "")]
        if subject != self.subject:
            changes["subject"] = [str(self.subject or ""), str(subject or "")]
        self.theme, self.subject = theme, subject
        self.save(update_fields=["theme", "subject"])
        self.record(ModerationAction.Action.CLASSIFY, by, changes=changes)

    def mark_answered(self, by, piste):
        self._require_status(self.ANSWERABLE, NOT_ANSWERABLE)
        if self.status in (self.Status.PUBLISHED, self.Status.ANSWERED):
            self.status = self.Status.ANSWERED
        self.answered_at = self.answered_at or timezone.now()
        self.save(update_fields=["status", "answered_at"])
        self.record(ModerationAction.Action.ANSWER, by, piste=piste.pk)

    def resolve(self, by=None):
        self._require_status(
            (self.Status.PUBLISHED, self.Status.ANSWERED),
            _("Seule une question publiée ou qui a reçu une piste peut être dite résolue."),
        )
        self.status = self.Status.RESOLVED
        self.closed_at = timezone.now()
        self.save(update_fields=["status", "closed_at"])
        self.record(ModerationAction.Action.RESOLVE, by)

    def close(self, by, reason=""):
        self._require_status(
            self.ANSWERABLE, _("Cette question est déjà close ou pas encore relue.")
        )
        self.status = self.Status.CLOSED
        self.closed_at = timezone.now()
        self.save(update_fields=["status", "closed_at"])
        self.record(ModerationAction.Action.CLOSE, by, reason=reason)

    def unpublish(self, by, reason):
        """Take the question off the public pages (after a report): the group keeps working
        on it privately."""
        if not reason.strip():
            raise InvalidTransition(_("Dites pourquoi la question est retirée du portail."))
        self.is_public = False
        self.save(update_fields=["is_public"])
        self.record(ModerationAction.Action.UNPUBLISH, by, reason=reason)

    def edit_text(self, by, text, remask=True):
        """Replace the published text. The new text goes through the masking again, so that a
        hurried edit cannot put a phone number back. Returns True when the text changed."""
        if remask:
            from portail.privacy.masking import mask

            text = mask(text)
        if text == self.text:
            return False
        before, self.text = self.text, text
        self.save(update_fields=["text"])
        self.record(ModerationAction.Action.EDIT, by, changes={"text": [before, text]})
        return True

    @transaction.atomic
    def add_piste(self, by, steps, intro="", contact="", links=None):
        """The group's answer: a new piste with its links; the question becomes « piste
        donnée »."""
        self._require_status(self.ANSWERABLE, NOT_ANSWERABLE)
        piste = Piste.objects.create(
            question=self, author=by, intro=intro, steps=list(steps), contact=contact
        )
        piste.set_links(links or {})
        self.mark_answered(by, piste)
        return piste


class Piste(models.Model):
    """The group's answer: plain-language steps so the person finds their way, links to words,
    fiches and organisations, and who to contact."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="pistes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("écrite par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="pistes",
    )
    intro = models.TextField(_("en quelques mots"), blank=True)
    steps = models.JSONField(_("étapes"), default=list)
    contact = models.CharField(_("à qui s'adresser"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("écrite le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("piste")
        verbose_name_plural = _("pistes")

    def __str__(self):
        return f"Piste pour « {self.question} »"

    def link_targets(self):
        """{kind: [target, …]} of this piste's links, in order."""
        targets = {}
        for link in self.links.all():
            targets.setdefault(link.kind, []).append(link.target)
        return targets

    def set_links(self, links):
        """Replace the links with `links`, {kind: [target, …]}, keeping the given order."""
        self.links.all().delete()
        rows, order = [], 0
        for kind, targets in links.items():
            for target in dict.fromkeys(targets):
                rows.append(PisteLink(piste=self, kind=kind, target=target, order=order))
                order += 1
        PisteLink.objects.bulk_create(rows)

    @transaction.atomic
    def revise(self, by, steps, intro="", contact="", links=None):
        """Edit the piste; the audit trail keeps what changed."""
        changes = {}
        new = {"intro": intro, "steps": list(steps), "contact": contact}
        for name, value in new.items():
            if getattr(self, name) != value:
                changes[name] = [getattr(self, name), value]
                setattr(self, name, value)
        links = links or {}
        old_links = self.link_targets()
        if {k: v for k, v in links.items() if v} != old_links:
            changes["links"] = [old_links, {k: v for k, v in links.items() if v}]
            self.set_links(links)
        if changes:
            self.save()
            self.question.record(
                ModerationAction.Action.PISTE_EDIT, by, piste=self.pk, changes=changes
            )
        return bool(changes)


class PisteLink(models.Model):
    """A link from a piste to something of the knowledge base. `kind` names a resolver
    registered in portail/questions/links.py (organisation now; glossary terms and fiches plug in
    with their apps), `target` is that object's slug."""

    piste = models.ForeignKey(Piste, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("type de lien"), max_length=20)
    target = models.CharField(_("identifiant"), max_length=160)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("lien d'une piste")
        verbose_name_plural = _("liens des pistes")
        constraints = [
            models.UniqueConstraint(fields=["piste", "kind", "target"], name="piste_link_unique")
        ]

    def __str__(self):
        return f"{self.kind}:{self.target}"


class Reaction(models.Model):
    """« ça m'a aidé » / « pas encore » (one of the two per browser) and « moi aussi » (once per
    browser). The browser is known only by the hash of a random cookie."""

    class Kind(models.TextChoices):
        HELPED = "aide", _("ça m'a aidé")
        NOT_YET = "pas-encore", _("pas encore")
        ME_TOO = "moi-aussi", _("moi aussi")

    FAMILY = {Kind.HELPED: "avis", Kind.NOT_YET: "avis", Kind.ME_TOO: "moi-aussi"}
    COUNTERS = {
        Kind.HELPED: "helped_count",
        Kind.NOT_YET: "not_yet_count",
        Kind.ME_TOO: "me_too_count",
    }

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reactions")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    family = models.CharField(max_length=12, editable=False)
    browser_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("réaction")
        verbose_name_plural = _("réactions")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "family", "browser_hash"], name="reaction_once_per_browser"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.created_at:%d/%m/%Y}"

    @classmethod
    def react(cls, question, kind, browser_id):
        """Record a reaction; changing « pas encore » into « ça m'a aidé » moves the count.
        Returns True when something changed."""
        kind = cls.Kind(kind)
        family = cls.FAMILY[kind]
        browser_hash = hash_token(browser_id)
        with transaction.atomic():
            existing = (
                cls.objects.select_for_update()
                .filter(question=question, family=family, browser_hash=browser_hash)
                .first()
            )
            if existing and existing.kind == kind:
                return False
            if existing:
                Question.objects.filter(pk=question.pk).update(
                    **{cls.COUNTERS[existing.kind]: F(cls.COUNTERS[existing.kind]) - 1}
                )
                existing.kind = kind
                existing.save(update_fields=["kind"])
            else:
                try:
                    with transaction.atomic():
                        cls.objects.create(
                            question=question, kind=kind, family=family, browser_hash=browser_hash
                        )
                except IntegrityError:
                    return False
            Question.objects.filter(pk=question.pk).update(
                **{cls.COUNTERS[kind]: F(cls.COUNTERS[kind]) + 1}
            )
        return True

    @classmethod
    def of_browser(cls, question, browser_id):
        if not browser_id:
            return set()
        return set(
            cls.objects.filter(question=question, browser_hash=hash_token(browser_id)).values_list(
                "kind", flat=True
            )
        )


class ModerationAction(models.Model):
    """The audit trail: who did what to a question, when, and what changed."""

    class Action(models.TextChoices):
        APPROVE = "publication", _("publiée")
        PRIVATE = "privee", _("gardée privée")
        REJECT = "refus", _("refusée")
        DUPLICATE = "doublon", _("marquée comme doublon")
        EDIT = "modification", _("texte modifié")
        CLASSIFY = "classement", _("classée")
        ANSWER = "piste", _("piste donnée")
        RESOLVE = "resolution", _("résolue")
        CLOSE = "cloture", _("close")
        REPORT_HANDLED = "signalement", _("signalement traité")
        UNPUBLISH = "depublication", _("retirée du portail")
        PISTE_EDIT = "piste-modifiee", _("piste modifiée")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="actions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    details = models.JSONField(_("détails"), default=dict, blank=True)
    created_at = models.DateTimeField(_("le"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("action de modération")
        verbose_name_plural = _("journal de modération")

    def __str__(self):
        return f"{self.get_action_display()} — {self.created_at:%d/%m/%Y %H:%M}"

    FIELD_LABELS = {
        "text": _("texte"),
        "theme": _("thème"),
        "subject": _("sujet"),
        "intro": _("en quelques mots"),
        "steps": _("étapes"),
        "contact": _("à qui s'adresser"),
        "links": _("liens"),
    }

    @staticmethod
    def _shown(value):
        if isinstance(value, list):
            return "\n".join(str(item) for item in value)
        if isinstance(value, dict):
            return "\n".join(f"{key} : {', '.join(map(str, v))}" for key, v in value.items())
        return str(value)

    def changes(self):
        """[(field label, before, after)] of what this action changed, for the audit view."""
        # In the order of FIELD_LABELS: PostgreSQL's jsonb does not keep the keys' order.
        order = list(self.FIELD_LABELS)
        changes = sorted(
            self.details.get("changes", {}).items(),
            key=lambda item: order.index(item[0]) if item[0] in order else len(order),
        )
        return [
            (self.FIELD_LABELS.get(name, name), self._shown(before), self._shown(after))
            for name, (before, after) in changes
        ]

    def note(self):
        """The one-line detail of the action: a reason, the original question, a report."""
        details = self.details
        if details.get("reason"):
            return details["reason"]
        if details.get("original"):
            return _("réunie avec la question n° %(pk)s") % {"pk": details["original"]}
        if details.get("report"):
            return _("signalement n° %(pk)s") % {"pk": details["report"]}
        if details.get("piste"):
            return _("piste n° %(pk)s") % {"pk": details["piste"]}
        return ""


class Report(models.Model):
    """A reader's report on public content (question or piste), handled in the moderation
    queue."""

    class Reason(models.TextChoices):
        PERSONAL_DATA = "donnees", _("il reste une information personnelle")
        ABUSE = "abus", _("propos blessants ou injurieux")
        SPAM = "spam", _("publicité ou message sans rapport")
        WRONG = "erreur", _("information fausse ou dangereuse")
        OTHER = "autre", _("autre raison")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reports")
    piste = models.ForeignKey(
        Piste, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("raison"), max_length=12, choices=Reason.choices)
    comment = models.TextField(_("précision"), blank=True, max_length=1000)
    browser_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("signalé le"), default=timezone.now)
    handled_at = models.DateTimeField(_("traité le"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")

    def __str__(self):
        return f"{self.get_reason_display()} — {self.created_at:%d/%m/%Y}"

    @property
    def is_open(self):
        return self.handled_at is None

    @classmethod
    def file(cls, question, reason, comment="", piste=None, browser_id=""):
        """One open report per browser and item: reporting twice changes nothing."""
        browser_hash = hash_token(browser_id) if browser_id else ""
        open_reports = cls.objects.filter(question=question, piste=piste, handled_at__isnull=True)
        if browser_hash and open_reports.filter(browser_hash=browser_hash).exists():
            return None
        return cls.objects.create(
            question=question,
            piste=piste,
            reason=reason,
            comment=comment,
            browser_hash=browser_hash,
        )

    def handle(self, by):
        self.handled_at = timezone.now()
        self.handled_by = by
        self.save(update_fields=["handled_at", "handled_by"])
        self.question.record(ModerationAction.Action.REPORT_HANDLED, by, report=self.pk)
