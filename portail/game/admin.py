from django.contrib import admin

from portail.game.models import GameSession


@admin.register(GameSession)
class GameSessionAdmin(admin.ModelAdmin):
    list_display = ["name", "variant", "created_by", "created_at", "finished_at"]
    list_filter = ["variant"]
    search_fields = ["name"]
    raw_id_fields = ["deck", "event", "current_card", "created_by"]
    readonly_fields = ["events", "version", "turn_start"]
