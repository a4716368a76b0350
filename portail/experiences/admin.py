from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from portail.experiences.models import (
    Attestation,
    ExperienceRecord,
    PortfolioSettings,
    RecordSection,
    Skill,
)


@admin.register(Skill)
class SkillAdmin(VersionAdmin):
    list_display = ["name", "slug", "section_count"]
    search_fields = ["name", "key", "description"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["key"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(section_count=Count("sections"))

    @admin.display(description=_("parties de récits"), ordering="section_count")
    def section_count(self, obj):
        return obj.section_count


class SectionInline(admin.StackedInline):
    model = RecordSection
    extra = 0
    fields = [
        "position",
        "kind",
        "title",
        "text",
        "animation",
        "presenters",
        "presenter_names",
        "skills",
    ]
    autocomplete_fields = ["presenters", "skills"]


@admin.register(ExperienceRecord)
class ExperienceRecordAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "status", "published_at", "updated_at"]
    list_filter = ["status", "group"]
    search_fields = ["title", "summary", "sections__text"]
    list_select_related = ["group"]
    readonly_fields = ["created_by", "created_at", "updated_at", "published_at"]
    inlines = [SectionInline]


@admin.register(PortfolioSettings)
class PortfolioSettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "named_in_records", "portfolio_public", "updated_at"]
    list_filter = ["named_in_records", "portfolio_public"]
    search_fields = ["user__email", "user__display_name"]
    autocomplete_fields = ["user"]
    readonly_fields = ["public_key", "updated_at"]


@admin.register(Attestation)
class AttestationAdmin(admin.ModelAdmin):
    list_display = ["holder_name", "group", "status", "requested_at", "signer_name", "signed_at"]
    list_filter = ["status", "group"]
    search_fields = ["holder_name", "user__email", "group__name"]
    list_select_related = ["group"]
    # What a facilitator signed is not rewritten afterwards.
    readonly_fields = [
        "user",
        "group",
        "status",
        "requested_at",
        "signed_by",
        "signed_at",
        "signer_name",
        "content",
    ]
