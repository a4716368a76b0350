"""The group's journal (short posts with an optional photo) and documents: reading them,
adding them, deleting them, and sending their files.

Files are never served from a public URL. The views below check that the person may see the
post or document (404 otherwise: a members-only file does not exist for outsiders), then send
it with headers that stop a browser from running anything in it: the type we found by checking
the content, `X-Content-Type-Options: nosniff`, `Content-Security-Policy: sandbox`, documents as
attachments, and no caching of members-only files. Public files may be kept, but only if checked
again on every use (`no-cache` and an ETag): a photo deleted because someone withdrew their
consent then disappears at once from browsers and proxies instead of lingering there."""

import hashlib
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    quote_etag,
)
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portail.groups.forms import DocumentForm, PostForm
from portail.groups.models import Document, Post
from portail.groups.permissions import may_contribute, may_delete, sees_members_part
from portail.groups.views.common import visible_group

PAGE_SIZE = 20
# Nothing in a file may run, load anything or reach the portal's cookies.
FILE_CSP = "sandbox; default-src 'none'"
IMAGE_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
# A form sent twice within this delay (a double tap on a slow phone, a photo that takes long to
# send) stores one post or one document.
DUPLICATE_WINDOW = timedelta(minutes=10)


def _just_sent(model, **fields):
    """The same post or document this person added a moment ago, or None."""
    since = timezone.now() - DUPLICATE_WINDOW
    return model.objects.filter(created_at__gte=since, **fields).first()


def _contributor_group(request, slug):
    group = visible_group(request, slug)
    if not may_contribute(request.user, group):
        raise PermissionDenied
    return group


def _list(request, slug, model, template):
    group = visible_group(request, slug)
    items = model.objects.visible_to(request.user, group)
    if model is Post:
        items = items.select_related("author")
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    for item in page:
        item.deletable = may_delete(request.user, item, group)
    response = TemplateResponse(
        request,
        template,
        {
            "group": group,
            "page": page,
            "members_part": sees_members_part(request.user, group),
            "may_contribute": may_contribute(request.user, group),
        },
    )
    if sees_members_part(request.user, group):
        add_never_cache_headers(response)
    return response


def journal(request, slug):
    return _list(request, slug, Post, "groups/journal.html")


def documents(request, slug):
    return _list(request, slug, Document, "groups/documents.html")


@never_cache
@login_required
def write_post(request, slug):
    group = _contributor_group(request, slug)
    form = PostForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not _just_sent(Post, group=group, author=request.user, text=data["text"]):
            post = Post(
                group=group,
                author=request.user,
                text=data["text"],
                visibility=data["visibility"],
                image_alt=data["image_alt"] if data["image"] else "",
            )
            image = data["image"]
            if image:
                post.image = image.as_file()
                post.image_type = image.content_type
                post.image_width, post.image_height = image.width, image.height
            post.save()
        messages.success(request, _("Votre message est publié dans le journal du groupe."))
        return redirect("groups:journal", group.slug)
    return TemplateResponse(request, "groups/post_form.html", {"group": group, "form": form})


@never_cache
@login_required
def add_document(request, slug):
    group = _contributor_group(request, slug)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        clean = data["file"]
        same = {"group": group, "uploaded_by": request.user, "title": data["title"]}
        if not _just_sent(Document, kind=clean.kind, size=clean.size, **same):
            Document.objects.create(
                description=data["description"],
                file=clean.file,
                kind=clean.kind,
                size=clean.size,
                visibility=data["visibility"],
                **same,
            )
        messages.success(request, _("Le document est ajouté."))
        return redirect("groups:documents", group.slug)
    return TemplateResponse(request, "groups/document_form.html", {"group": group, "form": form})


def _delete(request, slug, model, pk, done, next_view):
    group = visible_group(request, slug)
    item = get_object_or_404(model.objects.visible_to(request.user, group), pk=pk)
    if not may_delete(request.user, item, group):
        raise PermissionDenied
    item.delete()
    messages.success(request, done)
    return redirect(next_view, group.slug)


@require_POST
@login_required
def delete_post(request, slug, pk):
    return _delete(request, slug, Post, pk, _("Le message est supprimé."), "groups:journal")


@require_POST
@login_required
def delete_document(request, slug, pk):
    return _delete(request, slug, Document, pk, _("Le document est supprimé."), "groups:documents")


def _etag(field, filename):
    """A strong validator for a stored file. Stored files are never rewritten in place (a new
    upload gets a new random name), so its name and size identify its content; the download name
    is part of it because a 304 keeps the cached Content-Disposition."""
    key = f"{field.name}\n{field.size}\n{filename}"
    return quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])


def _send_file(request, field, content_type, *, public, attachment, filename):
    try:
        etag = _etag(field, filename) if public else None
        handle = field.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=attachment, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if not public:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response
    # Caches must ask again each time: a deleted or hidden file then answers 404 at once, an
    # unchanged one a cheap 304 (Django's own handling of If-None-Match).
    patch_cache_control(response, public=True, no_cache=True)
    response["ETag"] = etag
    conditional = get_conditional_response(request, etag=etag, response=response)
    if conditional is not response:
        response.close()
    return conditional


def post_image(request, slug, pk):
    group = visible_group(request, slug)
    post = get_object_or_404(Post.objects.visible_to(request.user, group).exclude(image=""), pk=pk)
    return _send_file(
        request,
        post.image,
        post.image_type or "application/octet-stream",
        public=group.is_public and post.is_public,
        attachment=False,
        filename=f"photo-{post.pk}{IMAGE_EXTENSIONS.get(post.image_type, '')}",
    )


def document(request, slug, pk):
    group = visible_group(request, slug)
    item = get_object_or_404(Document.objects.visible_to(request.user, group), pk=pk)
    return _send_file(
        request,
        item.file,
        item.content_type,
        public=group.is_public and item.is_public,
        attachment=True,
        filename=item.download_name,
    )
