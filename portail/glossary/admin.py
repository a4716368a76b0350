from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from portail.glossary.autolink import words_of
from portail.glossary.models import Term


@admin.register(Term)
class TermAdmin(VersionAdmin):
    """Edits keep their history (« Historique »): any version can be compared and restored.
    The files of content/glossaire/ stay the reference: a later `load_content` overwrites an
    admin edit of a word they describe, so report lasting changes in the file too."""

    list_display = ["term", "slug", "verified_on", "updated_at"]
    list_filter = ["themes", "subjects__theme"]
    search_fields = ["term", "slug", "definition"]
    prepopulated_fields = {"slug": ["term"]}
    filter_horizontal = ["themes", "subjects", "see_also"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["term", "slug", "aliases", "definition", "example"]}),
        (_("Classement"), {"fields": ["themes", "subjects", "see_also"]}),
        (_("Pour bien comprendre"), {"fields": ["not_to_confuse", "sources"]}),
        (_("Vérification"), {"fields": ["verified_on", "verified_by", "updated_at"]}),
    ]

    def get_search_results(self, request, queryset, search_term):
        """Also finds a word by its other names, accents and plural ignored (« dépôts » finds
        « Dépôt de garantie », whose other names include « dépôt »): the JSON list of other names
        is searched in Python, the glossary being a few hundred words."""
        filtered = queryset
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        wanted = words_of(search_term)
        if not wanted:
            return queryset, may_have_duplicates
        matching = [
            pk
            for pk, aliases in filtered.values_list("pk", "aliases")
            if any(_contains(words_of(alias), wanted) for alias in aliases or [])
        ]
        if matching:
            queryset = queryset | filtered.filter(pk__in=matching)
        return queryset, may_have_duplicates


def _contains(words, wanted):
    size = len(wanted)
    return any(words[i : i + size] == wanted for i in range(len(words) - size + 1))
