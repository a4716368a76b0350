"""Finding the group a request is about, starting from the person who asks."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers

from portail.groups.models import Group
from portail.groups.permissions import may_manage_group


def visible_group(request, slug, queryset=None):
    """The group, or a 404 when it is private and the person is not one of its members: its
    very existence stays between them."""
    group = get_object_or_404(queryset if queryset is not None else Group.objects, slug=slug)
    if not group.is_visible_to(request.user):
        raise Http404
    return group


def managed_group(request, slug):
    """The group, for its facilitators and the staff only (403 for others who may see it)."""
    group = visible_group(request, slug)
    if not may_manage_group(request.user, group):
        raise PermissionDenied
    return group


def shows_private_groups(response, groups):
    """A page that names a private group (to its members or the staff) must not stay in the
    browser's cache, on a social centre's shared computer for instance."""
    if any(not group.is_public for group in groups):
        add_never_cache_headers(response)
    return response
