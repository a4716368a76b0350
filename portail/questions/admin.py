"""Questions, pistes, reports and the audit trail in the admin, for the portal's team (staff are
moderators). State changes are made on the moderation pages, which record them: here the state
is read-only, and a text edited in the admin is recorded in the audit trail too."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portail.questions.models import (
    ModerationAction,
    Piste,
    PisteLink,
    Question,
    Reaction,
    Report,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written by the portal itself (audit trail, reactions): seen, never edited."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PisteInline(admin.StackedInline):
    model = Piste
    extra = 0
    fields = ["author", "intro", "steps", "contact", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["author"]
    show_change_link = True


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "__str__",
        "status",
        "is_public",
        "theme",
        "subject",
        "quartier",
        "created_at",
    ]
    list_display_links = ["id", "__str__"]
    list_filter = ["status", "is_public", "kind", "origin", "consent_publication", "theme"]
    list_select_related = ["theme", "subject", "quartier__commune"]
    search_fields = ["text"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    raw_id_fields = ["duplicate_of"]
    autocomplete_fields = ["author", "entered_by"]
    inlines = [PisteInline]
    readonly_fields = [
        "status",
        "is_public",
        "original_text",
        "detected_spans",
        "rejection_reason",
        "duplicate_of",
        "created_at",
        "published_at",
        "answered_at",
        "closed_at",
        "helped_count",
        "not_yet_count",
        "me_too_count",
    ]
    fieldsets = [
        (None, {"fields": ["kind", "status", "is_public", "text"]}),
        (
            _("Classement"),
            {"fields": ["theme", "subject", "quartier"]},
        ),
        (
            _("Réservé aux modérateurs"),
            {
                "fields": [
                    "original_text",
                    "detected_spans",
                    "email",
                    "consent_publication",
                    "rejection_reason",
                    "duplicate_of",
                ]
            },
        ),
        (
            _("Origine"),
            {"fields": ["origin", "origin_detail", "entered_by", "author"]},
        ),
        (
            _("Dates et compteurs"),
            {
                "fields": [
                    "created_at",
                    "published_at",
                    "answered_at",
                    "closed_at",
                    "helped_count",
                    "not_yet_count",
                    "me_too_count",
                ]
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        if change and "text" in form.changed_data:
            before = form.initial.get("text", "")
            super().save_model(request, obj, form, change)
            obj.record(
                ModerationAction.Action.EDIT, request.user, changes={"text": [before, obj.text]}
            )
            return
        super().save_model(request, obj, form, change)


class PisteLinkInline(admin.TabularInline):
    model = PisteLink
    extra = 1
    fields = ["kind", "target", "order"]


@admin.register(Piste)
class PisteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "created_at", "updated_at"]
    list_select_related = ["question", "author"]
    search_fields = ["intro", "contact", "question__text"]
    raw_id_fields = ["question"]
    autocomplete_fields = ["author"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [PisteLinkInline]


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "question_id", "actor"]
    list_filter = ["action"]
    list_select_related = ["actor"]
    search_fields = ["=question__id"]
    date_hierarchy = "created_at"
    fields = ["created_at", "action", "question", "actor", "details"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "question_id", "reason", "handled_at", "handled_by"]
    list_filter = ["reason", ("handled_at", admin.EmptyFieldListFilter)]
    list_select_related = ["handled_by"]
    search_fields = ["=question__id", "comment"]
    raw_id_fields = ["question", "piste"]
    readonly_fields = ["created_at", "handled_at", "handled_by"]
    exclude = ["browser_hash"]
    actions = ["mark_handled"]

    @admin.action(description=_("Marquer comme traités"))
    def mark_handled(self, request, queryset):
        reports = list(queryset.filter(handled_at__isnull=True).select_related("question"))
        for report in reports:
            report.handle(request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d signalement marqué comme traité.",
                "%(count)d signalements marqués comme traités.",
                len(reports),
            )
            % {"count": len(reports)},
            messages.SUCCESS,
        )


@admin.register(Reaction)
class ReactionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "question_id"]
    list_filter = ["kind"]
    search_fields = ["=question__id"]
    exclude = ["browser_hash"]
