from django.contrib import admin

from portail.cards.models import Card, Deck, DeckCard


@admin.register(Card)
class CardAdmin(admin.ModelAdmin):
    list_display = ["prompt", "kind", "level", "theme", "source"]
    list_filter = ["kind", "level", "source", "theme"]
    search_fields = ["prompt", "answer"]
    readonly_fields = ["source", "source_key", "created_by", "created_at"]


class DeckCardInline(admin.TabularInline):
    model = DeckCard
    extra = 0
    raw_id_fields = ["card"]


@admin.register(Deck)
class DeckAdmin(admin.ModelAdmin):
    list_display = ["name", "theme", "group", "event", "updated_at"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["created_by", "event"]
    inlines = [DeckCardInline]
