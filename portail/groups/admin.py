from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from portail.accounts.admin import UserPicker
from portail.groups import uploads
from portail.groups.models import Document, Group, GroupLink, JoinRequest, Membership, Post


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


@admin.register(JoinRequest)
class JoinRequestAdmin(UserPicker, admin.ModelAdmin):
    list_display = ["user", "group", "status", "created_at", "decided_at"]
    list_filter = ["status", "group"]
    search_fields = ["user__email", "user__display_name", "group__name"]
    list_select_related = ["user", "group"]
    readonly_fields = ["decided_by", "decided_at"]


class PostAdminForm(forms.ModelForm):
    """A photo added here goes through the same checks and re-encoding as in the journal."""

    class Meta:
        model = Post
        fields = ["group", "author", "text", "image", "image_alt", "visibility", "created_at"]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            clean = uploads.clean_post_image(image)
            self.instance.image_type = clean.content_type
            self.instance.image_width, self.instance.image_height = clean.width, clean.height
            return clean.as_file()
        return image


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    form = PostAdminForm
    list_display = ["__str__", "group", "author", "visibility", "created_at"]
    list_filter = ["visibility", "group"]
    search_fields = ["text", "group__name"]
    list_select_related = ["group", "author"]
    raw_id_fields = ["author"]


class DocumentAdminForm(forms.ModelForm):
    """A file added here is checked by its content, like in the group's form."""

    class Meta:
        model = Document
        fields = ["group", "title", "description", "file", "visibility", "uploaded_by"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            clean = uploads.clean_document(upload)
            self.instance.kind, self.instance.size = clean.kind, clean.size
            return clean.file
        return upload


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    form = DocumentAdminForm
    list_display = ["title", "group", "kind", "visibility", "created_at"]
    list_filter = ["kind", "visibility", "group"]
    search_fields = ["title", "group__name"]
    list_select_related = ["group"]
    raw_id_fields = ["uploaded_by"]
    readonly_fields = ["kind", "size"]


@admin.register(GroupLink)
class GroupLinkAdmin(admin.ModelAdmin):
    list_display = ["from_group", "to_group", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["from_group", "to_group"]
    readonly_fields = ["proposed_by", "decided_by", "decided_at"]
