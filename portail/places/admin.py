from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from portail.places.models import Commune, Quartier, Subject, Theme
from portail.places.pictograms import render_pictogram


class QuartierInline(admin.TabularInline):
    model = Quartier
    extra = 1
    fields = ["name", "slug", "is_priority", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["name", "postal_code", "insee_code", "quartier_count"]
    search_fields = ["name", "postal_code", "insee_code"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [QuartierInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quartier_count=Count("quartiers"))

    @admin.display(description=_("quartiers"), ordering="quartier_count")
    def quartier_count(self, obj):
        return obj.quartier_count


@admin.register(Quartier)
class QuartierAdmin(admin.ModelAdmin):
    list_display = ["name", "commune", "is_priority"]
    list_filter = ["commune", "is_priority"]
    search_fields = ["name", "commune__name"]
    list_select_related = ["commune"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "pictogram_preview", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "description"]
    list_filter = ["pictogram"]
    prepopulated_fields = {"slug": ["name"]}

    @admin.display(description=_("pictogramme"))
    def pictogram_preview(self, obj):
        return render_pictogram(obj.pictogram)


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "theme"]
    list_filter = ["theme"]
    search_fields = ["key", "title", "description"]
    list_select_related = ["theme"]

    # Fiches, questions and the search evaluation refer to the key: it is set once.
    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else {"key": ["title"]}

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj else []
