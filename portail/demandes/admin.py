"""Requests in the admin, for the portal's team (staff are moderators). The workflow is run on
the team pages, which keep the history and write to the requester: here the state and the
history are read-only."""

from django.contrib import admin

from portail.demandes.models import Demande, HistoryEntry, Note


class NoteInline(admin.StackedInline):
    model = Note
    extra = 0
    fields = ["author", "for_requester", "text", "created_at"]
    readonly_fields = ["author", "for_requester", "created_at"]


class HistoryInline(admin.TabularInline):
    model = HistoryEntry
    extra = 0
    fields = ["at", "action", "status", "actor", "details"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Demande)
class DemandeAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "status", "quartier", "assigned_group", "created_at"]
    list_filter = ["status", "kind", "origin", "assigned_group"]
    list_select_related = ["quartier__commune", "assigned_group"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "status",
        "origin",
        "outcome",
        "closed_at",
        "first_action_at",
        "last_activity_at",
        "last_reminded_at",
        "anonymised_at",
        "created_at",
    ]
    raw_id_fields = ["requester", "entered_by", "assignee", "event"]
    inlines = [NoteInline, HistoryInline]
