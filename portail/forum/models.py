"""Forums and groupes de parole: threads, their messages, readers' reports, the moderation trail
and the acceptances of the confidentiality charter.

One thread model serves two rooms:
- public discussions, in a theme: anyone reads, a signed-in resident writes; every new thread
  and reply is masked by the personal-data engine and waits for a moderator before anyone else
  reads it (the same queue as the questions);
- groupes de parole, private to the members of one group: nothing waits for a moderator (the
  group talks among people who know each other), the masking is offered as a suggestion while
  writing, and the group's facilitators may hide a message.

Privacy rules carried by the model:
- `original_title` and `original_text` are seen by moderators only, and kept only for public
  messages: a private message has no moderator to read an original, so only what the member
  chose to send is stored;
- a thread follows its opening message: it is public only once that message is published;
- the moderation trail of a private group never reaches the moderators' pages (see
  `ForumModerationActionQuerySet.public`);
- the people who take part in a public thread are told by e-mail of each new published reply
  (without its text), unless they muted the thread or the whole forum (`ForumMute`); nothing
  is ever sent about a groupe de parole.
"""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portail.core.tokens import hash_token
from portail.privacy.masking import mask_with_spans
from portail.questions.models import InvalidTransition, Report

TITLE_MAX_LENGTH = 140
TEXT_MIN_LENGTH = 2
TEXT_MAX_LENGTH = 5000

# The charter's text lives in templates/forum/_charte.html; change this number with the text,
# and every member accepts the new version before writing again.
CHARTER_VERSION = 1


class Status(models.TextChoices):
    PENDING = "en-attente", _("en attente de relecture")
    PUBLISHED = "publie", _("publié")
    REJECTED = "refuse", _("refusé")
    HIDDEN = "masque", _("masqué")


class ThreadQuerySet(models.QuerySet):
    def public(self):
        """Open discussions anyone may read: published, outside any group."""
        return self.filter(group__isnull=True, status=Status.PUBLISHED)

    def in_theme(self, theme):
        return self.filter(theme=theme)

    def of_group(self, group):
        return self.filter(group=group)

    def readable_in_group(self, user, group, is_facilitator):
        """A group's threads as one of its members sees them: hidden ones only for the
        facilitators, and for their author."""
        threads = self.of_group(group)
        if is_facilitator:
            return threads
        return threads.filter(Q(status=Status.PUBLISHED) | Q(author=user))

    def newest_activity_first(self):
        return self.order_by("-last_activity_at", "-id")

    def with_counts(self):
        """`reply_count`: the published replies (the opening message is not a reply)."""
        return self.annotate(
            reply_count=models.Count(
                "posts", filter=Q(posts__status=Status.PUBLISHED, posts__is_opening=False)
            )
        )

    def recent_duplicate(self, author, title, since):
        """The thread this author opened with the same title since `since`: a form sent twice
        (a double tap on a slow phone) opens one thread."""
        return (
            self.filter(author=author, created_at__gte=since)
            .filter(Q(original_title=title) | Q(original_title="", title=title))
            .first()
        )


class ForumThread(models.Model):
    theme = models.ForeignKey(
        "places.Theme",
        verbose_name=_("thème"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forum_threads",
    )
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("groupe de parole"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="forum_threads",
        help_text=_("Vide pour une discussion publique."),
    )
    title = models.CharField(_("titre publié"), max_length=TITLE_MAX_LENGTH + 60)
    original_title = models.CharField(
        _("titre d'origine"),
        max_length=TITLE_MAX_LENGTH,
        blank=True,
        help_text=_("Tel qu'écrit. Vu des seuls modérateurs ; vide dans un groupe de parole."),
    )
    title_spans = models.JSONField(default=list, blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ouverte par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_threads",
    )
    status = models.CharField(
        _("état"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("ouverte le"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("dernier message le"), default=timezone.now)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at", "-id"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")
        constraints = [
            models.CheckConstraint(
                condition=Q(group__isnull=False) | Q(theme__isnull=False),
                name="forum_thread_public_has_theme",
            )
        ]
        indexes = [
            models.Index(
                fields=["theme", "status", "-last_activity_at"], name="forum_thread_theme"
            ),
            models.Index(
                fields=["group", "status", "-last_activity_at"], name="forum_thread_group"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.is_private:
            return reverse("forum:group_thread", args=[self.group.slug, self.pk])
        return reverse("forum:thread", args=[self.theme.slug, self.pk])

    @property
    def is_private(self):
        return self.group_id is not None

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def opening(self):
        return self.posts.filter(is_opening=True).first()

    def participant_ids(self):
        """Who takes part: the person who opened it and everyone with a published message in
        it. A message waiting for review, refused or hidden does not count."""
        ids = set(self.posts.published().exclude(author=None).values_list("author_id", flat=True))
        if self.author_id is not None:
            ids.add(self.author_id)
        return ids

    def is_participant(self, user):
        """Signed in, and the opener or the author of a message still alive (published or
        waiting for review): the person to whom the thread's e-mails are offered."""
        if not user.is_authenticated:
            return False
        if self.author_id == user.pk:
            return True
        alive = [Status.PUBLISHED, Status.PENDING]
        return self.posts.filter(author=user, status__in=alive).exists()

    # --- creation -----------------------------------------------------------------------------

    @classmethod
    @transaction.atomic
    def start_public(cls, *, author, theme, title, text):
        """A new public discussion, masked and waiting for a moderator. Returns the thread."""
        masked_title = mask_with_spans(title)
        thread = cls.objects.create(
            theme=theme,
            author=author,
            title=masked_title.text,
            original_title=title,
            title_spans=[span.as_dict() for span in masked_title.spans],
            status=Status.PENDING,
        )
        ForumPost.submit_public(thread=thread, author=author, text=text, is_opening=True)
        return thread

    @classmethod
    @transaction.atomic
    def start_private(cls, *, author, group, title, text):
        """A new thread in a groupe de parole, readable at once by the group's members. `title`
        and `text` are what the member chose to send (masked or not)."""
        now = timezone.now()
        thread = cls.objects.create(
            group=group,
            author=author,
            title=title,
            status=Status.PUBLISHED,
            created_at=now,
            last_activity_at=now,
        )
        ForumPost.objects.create(
            thread=thread,
            author=author,
            text=text,
            is_opening=True,
            status=Status.PUBLISHED,
            created_at=now,
            published_at=now,
        )
        return thread

    def reply(self, *, author, text):
        """A reply: public ones wait for a moderator, private ones are read at once."""
        if not self.is_published:
            raise InvalidTransition(_("Cette discussion n'est pas ouverte aux réponses."))
        if self.is_private:
            now = timezone.now()
            post = ForumPost.objects.create(
                thread=self,
                author=author,
                text=text,
                status=Status.PUBLISHED,
                created_at=now,
                published_at=now,
            )
            self.touch(now)
            return post
        return ForumPost.submit_public(thread=self, author=author, text=text)

    def touch(self, when):
        ForumThread.objects.filter(pk=self.pk).update(last_activity_at=when)
        self.last_activity_at = when


class PostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def public(self):
        """Messages anyone may read: published, in a published public thread."""
        return self.filter(
            status=Status.PUBLISHED,
            thread__group__isnull=True,
            thread__status=Status.PUBLISHED,
        )

    def awaiting_moderation(self):
        """Public messages a moderator has not read yet, the oldest first. Private messages
        never wait: they are not in the queue."""
        return self.filter(status=Status.PENDING, thread__group__isnull=True).order_by(
            "created_at", "id"
        )

    def by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(author=user)

    def recent_duplicate(self, thread, author, text, since):
        """The reply this author sent with the same text since `since` (a form sent twice)."""
        return (
            self.filter(thread=thread, author=author, created_at__gte=since)
            .filter(Q(original_text=text) | Q(original_text="", text=text))
            .first()
        )


class ForumPost(models.Model):
    thread = models.ForeignKey(
        ForumThread, verbose_name=_("discussion"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("écrit par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_posts",
    )
    is_opening = models.BooleanField(_("premier message"), default=False)
    original_text = models.TextField(
        _("texte d'origine"),
        blank=True,
        help_text=_("Tel qu'écrit. Vu des seuls modérateurs ; vide dans un groupe de parole."),
    )
    text = models.TextField(_("texte publié"))
    detected_spans = models.JSONField(
        _("données personnelles repérées"), default=list, blank=True, editable=False
    )
    status = models.CharField(
        _("état"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    rejection_reason = models.TextField(_("motif du refus"), blank=True)
    hidden_reason = models.TextField(_("motif du masquage"), blank=True)
    created_at = models.DateTimeField(_("écrit le"), default=timezone.now, db_index=True)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message du forum")
        verbose_name_plural = _("messages du forum")
        constraints = [
            models.UniqueConstraint(
                fields=["thread"], condition=Q(is_opening=True), name="forum_one_opening_post"
            )
        ]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return f"{self.thread.get_absolute_url()}#message-{self.pk}"

    @classmethod
    def submit_public(cls, *, thread, author, text, is_opening=False):
        result = mask_with_spans(text)
        return cls.objects.create(
            thread=thread,
            author=author,
            is_opening=is_opening,
            original_text=text,
            text=result.text,
            detected_spans=[span.as_dict() for span in result.spans],
            status=Status.PENDING,
        )

    # --- state --------------------------------------------------------------------------------

    @property
    def is_pending(self):
        return self.status == Status.PENDING

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def is_hidden(self):
        return self.status == Status.HIDDEN

    @property
    def is_private(self):
        return self.thread.is_private

    def record(self, action, by, **details):
        return ForumModerationAction.objects.create(
            post=self, action=action, actor=by, details=details
        )

    def _require_pending(self):
        """Read the state again, locked: when a moderator clicks twice on a slow connection, or
        two moderators decide at once, only the first decision counts and is announced by
        e-mail. Called inside the decision's transaction."""
        current = (
            ForumPost.objects.select_for_update()
            .filter(pk=self.pk)
            .values_list("status", flat=True)
            .first()
        )
        if current != Status.PENDING or self.is_private:
            raise InvalidTransition(_("Ce message a déjà été traité par la modération."))

    def _set_thread_status(self, status):
        """A thread follows its opening message."""
        if self.is_opening:
            self.thread.status = status
            self.thread.save(update_fields=["status", "title"])

    @transaction.atomic
    def approve(self, by, text=None, title=None):
        """Publish the (masked, possibly edited) text; for an opening message, the thread and
        its (possibly edited) title too."""
        self._require_pending()
        changes = {}
        if text is not None and text != self.text:
            changes["text"] = [self.text, text]
            self.text = text
        if self.is_opening and title is not None and title != self.thread.title:
            changes["title"] = [self.thread.title, title]
            self.thread.title = title
        now = timezone.now()
        self.status = Status.PUBLISHED
        self.published_at = now
        self.save(update_fields=["text", "status", "published_at"])
        self._set_thread_status(Status.PUBLISHED)
        self.thread.touch(now)
        self.record(ForumModerationAction.Action.APPROVE, by, changes=changes)

    @transaction.atomic
    def reject(self, by, reason):
        self._require_pending()
        if not reason.strip():
            raise InvalidTransition(_("Donnez le motif du refus."))
        self.status = Status.REJECTED
        self.rejection_reason = reason
        self.save(update_fields=["status", "rejection_reason"])
        self._set_thread_status(Status.REJECTED)
        self.record(ForumModerationAction.Action.REJECT, by, reason=reason)

    @transaction.atomic
    def hide(self, by, reason):
        """Take a published message off (after a report, or by a group's facilitator). Hiding
        the opening message hides the whole thread."""
        if not self.is_published:
            raise InvalidTransition(_("Seul un message publié peut être masqué."))
        if not reason.strip():
            raise InvalidTransition(_("Dites pourquoi le message est masqué."))
        self.status = Status.HIDDEN
        self.hidden_reason = reason
        self.save(update_fields=["status", "hidden_reason"])
        self._set_thread_status(Status.HIDDEN)
        self.record(ForumModerationAction.Action.HIDE, by, reason=reason)

    @transaction.atomic
    def restore(self, by):
        if not self.is_hidden:
            raise InvalidTransition(_("Ce message n'est pas masqué."))
        self.status = Status.PUBLISHED
        self.hidden_reason = ""
        self.save(update_fields=["status", "hidden_reason"])
        self._set_thread_status(Status.PUBLISHED)
        self.record(ForumModerationAction.Action.RESTORE, by)


class ForumModerationActionQuerySet(models.QuerySet):
    def public(self):
        """What moderators may read in their audit trail: actions on public messages only.
        A groupe de parole's facilitators hide messages in private; the trail stays in the
        database for the record but never reaches a page outside the group."""
        return self.filter(post__thread__group__isnull=True)


class ForumModerationAction(models.Model):
    """The audit trail of the forum: who did what to a message, when, and what changed. Its own
    model, not the questions' one: that one's `question` is required, and a forum message is
    not a question. Both trails are shown on the same moderation page."""

    class Action(models.TextChoices):
        # The values of the questions' trail where the meaning is the same, so that one filter
        # of the audit page applies to both.
        APPROVE = "publication", _("publié")
        REJECT = "refus", _("refusé")
        HIDE = "masquage", _("masqué")
        RESTORE = "retablissement", _("rétabli")
        REPORT_HANDLED = "signalement", _("signalement traité")

    post = models.ForeignKey(ForumPost, on_delete=models.CASCADE, related_name="actions")
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

    objects = ForumModerationActionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("action de modération du forum")
        verbose_name_plural = _("journal de modération du forum")

    def __str__(self):
        return f"{self.get_action_display()} — {self.created_at:%d/%m/%Y %H:%M}"

    FIELD_LABELS = {"title": _("titre"), "text": _("texte")}

    def changes(self):
        """[(field label, before, after)], in a fixed order (jsonb does not keep one)."""
        found = self.details.get("changes", {})
        return [(label, *found[name]) for name, label in self.FIELD_LABELS.items() if name in found]

    def note(self):
        if self.details.get("reason"):
            return self.details["reason"]
        if self.details.get("report"):
            return _("signalement n° %(pk)s") % {"pk": self.details["report"]}
        return ""


class ForumReportQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(handled_at__isnull=True)

    def public(self):
        """Reports on public messages: the only ones the moderators' pages may list."""
        return self.filter(post__thread__group__isnull=True)

    def of_group(self, group):
        """Reports on the messages of one groupe de parole: its facilitators' business."""
        return self.filter(post__thread__group=group)


class ForumReport(models.Model):
    """A report on a message. On a public message, by any reader (no account needed), handled
    in the moderators' reports page. On a message of a groupe de parole, by a member, routed by
    the thread's group to that group's facilitators and to nobody else: the same model, since
    the report is the same thing (a message, a reason, a comment, a decision), and the rule
    that moderators never see a group from the inside is one filter (`public`), already the
    one of their page and of the admin.

    `reporter` is kept for private reports only, so that a member reports a message once; it
    is never shown, to the facilitators neither: in a small group, the name would say who
    complained about whom."""

    Reason = Report.Reason

    post = models.ForeignKey(ForumPost, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signalé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_reports",
        help_text=_("Seulement dans un groupe de parole, et jamais affiché."),
    )
    reason = models.CharField(_("raison"), max_length=12, choices=Report.Reason.choices)
    comment = models.TextField(_("précision"), blank=True, max_length=1000)
    browser_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("signalé le"), default=timezone.now)
    handled_at = models.DateTimeField(_("traité le"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ForumReportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("signalement d'un message")
        verbose_name_plural = _("signalements de messages")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(reporter__isnull=False),
                name="forum_report_once_per_member",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.created_at:%d/%m/%Y}"

    @property
    def is_open(self):
        return self.handled_at is None

    @classmethod
    def open(cls):
        """What the moderators handle: open reports on public messages."""
        return cls.objects.unhandled().public()

    @classmethod
    def file(cls, post, reason, comment="", browser_id=""):
        """One open report per browser and message: reporting twice changes nothing."""
        browser_hash = hash_token(browser_id) if browser_id else ""
        open_reports = cls.objects.filter(post=post, handled_at__isnull=True)
        if browser_hash and open_reports.filter(browser_hash=browser_hash).exists():
            return None
        return cls.objects.create(
            post=post, reason=reason, comment=comment, browser_hash=browser_hash
        )

    @classmethod
    def file_in_group(cls, post, reporter, reason, comment=""):
        """A member alerts the group's facilitators. Once per member and message, even after
        the facilitators decided: returns None for a second report."""
        if not post.is_private:
            raise InvalidTransition(_("Ce message n'est pas dans un groupe de parole."))
        if cls.objects.filter(post=post, reporter=reporter).exists():
            return None
        try:
            with transaction.atomic():
                return cls.objects.create(
                    post=post, reporter=reporter, reason=reason, comment=comment
                )
        except IntegrityError:
            # The same form sent twice at once: the constraint kept one.
            return None

    @classmethod
    def handle_all(cls, post, by):
        """Close every open report on `post`; returns how many were open."""
        reports = list(post.reports.unhandled())
        for report in reports:
            report.handle(by)
        return len(reports)

    def handle(self, by):
        self.handled_at = timezone.now()
        self.handled_by = by
        self.save(update_fields=["handled_at", "handled_by"])
        self.post.record(ForumModerationAction.Action.REPORT_HANDLED, by, report=self.pk)


class CharterAcceptance(models.Model):
    """A member read and accepted the confidentiality charter of a groupe de parole, in a given
    version, on a given day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="charter_acceptances",
    )
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("groupe"),
        on_delete=models.CASCADE,
        related_name="charter_acceptances",
    )
    version = models.PositiveSmallIntegerField(_("version de la charte"))
    accepted_at = models.DateTimeField(_("acceptée le"), default=timezone.now)

    class Meta:
        verbose_name = _("acceptation de la charte")
        verbose_name_plural = _("acceptations de la charte")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "group", "version"], name="charter_accepted_once"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.group} (v{self.version})"

    @classmethod
    def has_accepted(cls, user, group, version=CHARTER_VERSION):
        if not user.is_authenticated:
            return False
        return cls.objects.filter(user=user, group=group, version=version).exists()

    @classmethod
    def accept(cls, user, group, version=CHARTER_VERSION):
        acceptance, _created = cls.objects.get_or_create(user=user, group=group, version=version)
        return acceptance


class ForumMuteQuerySet(models.QuerySet):
    def covering(self, thread):
        """The mutes that silence `thread`: its own, and every forum-wide one."""
        return self.filter(Q(thread=thread) | Q(thread__isnull=True))


class ForumMute(models.Model):
    """A person asked for no more e-mails about new replies: in one public thread, or (thread
    empty) anywhere in the forum. Nothing else: the e-mails about one's own message (published,
    refused) keep coming, they say what became of what one wrote."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="forum_mutes",
    )
    thread = models.ForeignKey(
        ForumThread,
        verbose_name=_("discussion"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mutes",
        help_text=_("Vide : aucun e-mail de tout le forum."),
    )
    created_at = models.DateTimeField(_("demandé le"), default=timezone.now)

    objects = ForumMuteQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mails arrêtés")
        verbose_name_plural = _("e-mails arrêtés")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="forum_mute_thread_once",
            ),
            models.UniqueConstraint(
                fields=["user"], condition=Q(thread__isnull=True), name="forum_mute_all_once"
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.thread or _('tout le forum')}"

    @classmethod
    def mute(cls, user, thread=None):
        """Idempotent: a second click (or a mail scanner after the person) changes nothing."""
        mute, _created = cls.objects.get_or_create(user=user, thread=thread)
        return mute

    @classmethod
    def unmute(cls, user, thread=None):
        if thread is None:
            cls.objects.filter(user=user, thread__isnull=True).delete()
        else:
            cls.objects.filter(user=user, thread=thread).delete()

    @classmethod
    def is_muted(cls, user, thread):
        return cls.objects.filter(user=user, thread=thread).exists()

    @classmethod
    def is_muted_everywhere(cls, user):
        return cls.objects.filter(user=user, thread__isnull=True).exists()
