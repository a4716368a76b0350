from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from portail.fiches.models import Fiche


@admin.register(Fiche)
class FicheAdmin(VersionAdmin):
    list_display = ["title", "subject", "verified_on", "updated_at"]
    list_filter = ["subject__theme", "verified_on"]
    search_fields = ["title", "rights_md", "steps_md", "contacts_md"]
    list_select_related = ["subject"]
    autocomplete_fields = ["letter"]
    filter_horizontal = ["terms", "organisations"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["subject", "slug", "title", "summary_falc"]}),
        (
            _("Les trois parties (Markdown)"),
            {"fields": ["rights_md", "steps_md", "contacts_md"]},
        ),
        (_("Liens"), {"fields": ["terms", "organisations", "letter"]}),
        (
            _("Sources et relecture"),
            {"fields": ["sources", "verified_on", "verified_by", "updated_at"]},
        ),
    ]
