from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from portail.accounts.admin import UserPicker
from portail.groups.models import Group, Membership


class MembershipInline(UserPicker, admin.TabularInline):
    model = Membership
    extra = 1
    fields = ["user", "role", "joined_at"]
    readonly_fields = ["joined_at"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "is_public", "member_count", "created_at"]
    list_filter = ["is_public", "themes", "quartiers"]
    search_fields = ["name", "presentation"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["themes", "quartiers", "partners"]
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description=_("membres"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count


@admin.register(Membership)
class MembershipAdmin(UserPicker, admin.ModelAdmin):
    list_display = ["user", "group", "role", "joined_at"]
    list_filter = ["role", "group"]
    search_fields = ["user__email", "user__display_name", "group__name"]
    list_select_related = ["user", "group"]
