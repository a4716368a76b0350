from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from portail.accounts.admin import UserPicker
from portail.directory.models import Organisation, OrganisationMember


class OrganisationMemberInline(UserPicker, admin.TabularInline):
    model = OrganisationMember
    extra = 1
    fields = ["user", "since"]
    readonly_fields = ["since"]


@admin.register(Organisation)
class OrganisationAdmin(VersionAdmin):
    list_display = ["name", "kind", "last_checked_on"]
    list_filter = ["kind", "themes", "quartiers", "step_free_access"]
    search_fields = ["name", "summary", "services"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["themes", "subjects", "quartiers"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["last_checked_by", "confirmation_requested_at"]
    inlines = [OrganisationMemberInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "summary", "services"]}),
        (_("Pour qui, sur quoi, où"), {"fields": ["themes", "subjects", "quartiers"]}),
        (
            _("Coordonnées (seulement si elles sont vérifiées)"),
            {"fields": ["address", "opening_hours", "phone", "email", "website"]},
        ),
        (
            _("Accès et accueil"),
            {"fields": ["step_free_access", "languages", "accessibility_notes"]},
        ),
        (
            _("Vérification"),
            {"fields": ["last_checked_on", "last_checked_by", "confirmation_requested_at"]},
        ),
    ]


@admin.register(OrganisationMember)
class OrganisationMemberAdmin(UserPicker, admin.ModelAdmin):
    list_display = ["user", "organisation", "since"]
    list_filter = ["organisation"]
    search_fields = ["user__email", "user__display_name", "organisation__name"]
    list_select_related = ["user", "organisation"]
