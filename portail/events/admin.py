"""Events and registrations in the admin, for the portal's team. Places and the waitlist change
through the portal's pages (portail.events.waitlist) so that nobody loses a place: here a
registration's state is read-only."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portail.events import waitlist
from portail.events.models import Event, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["name", "contact", "status", "attended", "created_at"]
    readonly_fields = ["name", "contact", "status", "created_at"]
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "place", "quartier", "capacity", "is_public"]
    list_filter = ["kind", "is_public", "groups"]
    list_select_related = ["quartier__commune"]
    search_fields = ["title", "place", "description"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["groups", "themes", "skills"]
    autocomplete_fields = ["created_by"]
    # Cancelling tells the people registered: it is done from the event's page, not here.
    readonly_fields = [
        "minutes",
        "minutes_masked_count",
        "cancelled_at",
        "cancellation_reason",
        "created_at",
        "updated_at",
    ]
    inlines = [RegistrationInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "is_public", "groups", "themes", "skills"]}),
        (
            _("Date et lieu"),
            {"fields": ["starts_at", "ends_at", "place", "address", "accessibility", "quartier"]},
        ),
        (None, {"fields": ["description", "capacity", "created_by"]}),
        (
            _("Après l'événement"),
            {
                "fields": [
                    "attendance_count",
                    "minutes_original",
                    "minutes",
                    "minutes_masked_count",
                    "minutes_published_at",
                ]
            },
        ),
        (
            _("Annulation (depuis la page de l'événement)"),
            {"fields": ["cancelled_at", "cancellation_reason"]},
        ),
        (None, {"fields": ["created_at", "updated_at"]}),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The published minutes always follow the text as written, masked.
        if {"minutes_original", "minutes_published_at"} & set(form.changed_data):
            obj.record_minutes(obj.minutes_original, publish=bool(obj.minutes_published_at))
        if "capacity" in form.changed_data:
            # More places (or no limit any more): the people waiting get them and are told, as
            # when an organiser changes the number on the event's page.
            waitlist.fill_places(obj)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "status", "attended", "created_at"]
    list_filter = ["status"]
    list_select_related = ["event"]
    search_fields = ["name", "event__title"]
    raw_id_fields = ["event"]
    autocomplete_fields = ["user"]
    readonly_fields = [
        "event",
        "status",
        "created_at",
        "promoted_at",
        "cancelled_at",
        "reminded_at",
    ]
    fields = ["event", "name", "contact", "user", "status", "attended", *readonly_fields[2:]]

    def has_add_permission(self, request):
        return False
