"""Accounts in the admin: people sign in with their e-mail address, so the username columns of
Django's UserAdmin give way to e-mail, pseudonym, moderation and confirmation."""

from django.contrib import admin, messages
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import forms as auth_forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portail.accounts.models import User
from portail.directory.models import OrganisationMember
from portail.groups.models import Membership


class UserPicker:
    """For inlines of other apps' admins: choose the person with this admin's search."""

    autocomplete_fields = ["user"]


class UserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["group", "role", "joined_at"]
    readonly_fields = ["joined_at"]
    autocomplete_fields = ["group"]
    verbose_name = _("groupe")
    verbose_name_plural = _("groupes de la personne")


class OrganisationMemberInline(admin.TabularInline):
    model = OrganisationMember
    extra = 0
    fields = ["organisation", "since"]
    readonly_fields = ["since"]
    autocomplete_fields = ["organisation"]
    verbose_name = _("organisation")
    verbose_name_plural = _("organisations pour lesquelles la personne parle")


class ConfirmationFilter(admin.SimpleListFilter):
    title = _("adresse confirmée")
    parameter_name = "confirmee"

    def lookups(self, request, model_admin):
        return [("oui", _("Oui")), ("non", _("Non, en attente"))]

    def queryset(self, request, queryset):
        if self.value() == "oui":
            return queryset.filter(email_confirmed_at__isnull=False)
        if self.value() == "non":
            return queryset.filter(email_confirmed_at__isnull=True)
        return queryset


@admin.register(User)
class UserAdmin(auth_admin.UserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Ce que les autres voient"), {"fields": ("display_name", "quartier")}),
        (
            _("Rôles et droits"),
            {
                "fields": (
                    "is_active",
                    "is_moderator",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ),
            },
        ),
        (_("Dates"), {"fields": ("email_confirmed_at", "last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ["email_confirmed_at", "last_login", "date_joined"]
    list_display = [
        "email",
        "display_name",
        "is_moderator",
        "is_staff",
        "is_active",
        "email_confirmed_at",
    ]
    list_filter = ["is_moderator", "is_staff", "is_active", ConfirmationFilter, "quartier"]
    search_fields = ["email", "display_name"]
    ordering = ["email"]
    list_select_related = ["quartier__commune"]
    inlines = [MembershipInline, OrganisationMemberInline]
    actions = ["confirm_addresses"]

    def get_inlines(self, request, obj):
        # No memberships to show on the creation page: the person does not exist yet.
        return self.inlines if obj is not None else []

    @admin.action(description=_("Confirmer l'adresse et activer les comptes choisis"))
    def confirm_addresses(self, request, queryset):
        count = queryset.filter(email_confirmed_at__isnull=True).update(
            email_confirmed_at=timezone.now(), is_active=True
        )
        self.message_user(
            request,
            ngettext("%(count)d compte activé.", "%(count)d comptes activés.", count)
            % {"count": count},
            messages.SUCCESS,
        )
