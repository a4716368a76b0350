from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from portail.accounts.admin import UserPicker
from portail.directory.models import Organisation, OrganisationMember


class OrganisationMemberInline(UserPicker, admin.TabularInline):
    model = OrganisationMember
    extra = 1
    fields = ["user", "since"]
    readonly_fields = ["since"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "last_checked_on"]
    list_filter = ["kind", "themes", "quartiers"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["themes", "quartiers"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [OrganisationMemberInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "summary", "themes", "quartiers"]}),
        (
            _("Coordonnées (seulement si elles sont vérifiées)"),
            {"fields": ["address", "phone", "email", "website", "last_checked_on"]},
        ),
    ]


@admin.register(OrganisationMember)
class OrganisationMemberAdmin(UserPicker, admin.ModelAdmin):
    list_display = ["user", "organisation", "since"]
    list_filter = ["organisation"]
    search_fields = ["user__email", "user__display_name", "organisation__name"]
    list_select_related = ["user", "organisation"]
