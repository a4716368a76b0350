from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from portail.letters.models import Letter


@admin.register(Letter)
class LetterAdmin(VersionAdmin):
    list_display = ["title", "recipient_kind", "verified_on", "updated_at"]
    list_filter = ["recipient_kind", "subjects__theme"]
    search_fields = ["title", "summary", "subject_line", "body"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["subjects"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["slug", "title", "summary", "subjects"]}),
        (
            _("La lettre"),
            {"fields": ["recipient_kind", "subject_line", "sending", "fields", "body"]},
        ),
        (
            _("Sources et relecture"),
            {"fields": ["sources", "verified_on", "verified_by", "updated_at"]},
        ),
    ]
