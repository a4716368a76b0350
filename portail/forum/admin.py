"""The public forum in the admin, read-only: decisions are taken on the moderation pages, which
record them. Groupes de parole are not here at all: what a group says among its members is not
the team's to read (see portail/forum/access.py)."""

from django.contrib import admin

from portail.forum.models import ForumModerationAction, ForumPost, ForumReport, ForumThread
from portail.questions.admin import ReadOnlyAdmin


@admin.register(ForumThread)
class ForumThreadAdmin(ReadOnlyAdmin):
    list_display = ["id", "title", "theme", "status", "created_at", "last_activity_at"]
    list_filter = ["status", "theme"]
    list_select_related = ["theme"]
    search_fields = ["title"]
    exclude = ["original_title", "title_spans", "group"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(group__isnull=True)


@admin.register(ForumPost)
class ForumPostAdmin(ReadOnlyAdmin):
    list_display = ["id", "__str__", "thread", "status", "is_opening", "created_at"]
    list_filter = ["status", "is_opening"]
    list_select_related = ["thread"]
    search_fields = ["text"]
    exclude = ["original_text", "detected_spans"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(thread__group__isnull=True)


@admin.register(ForumReport)
class ForumReportAdmin(ReadOnlyAdmin):
    list_display = ["id", "post", "reason", "created_at", "handled_at"]
    list_filter = ["reason"]
    exclude = ["browser_hash"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(post__thread__group__isnull=True)


@admin.register(ForumModerationAction)
class ForumModerationActionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "post", "actor"]
    list_filter = ["action"]

    def get_queryset(self, request):
        return ForumModerationAction.objects.public()
