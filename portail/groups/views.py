"""Public pages of the groups: who they are, where, on which themes, how to join."""

from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from portail.accounts.roles import is_member_of
from portail.core.page_cache import public_page
from portail.groups.models import Group
from portail.places.models import Quartier


@public_page
def group_list(request):
    visible = Group.objects.visible_to(request.user).order_by(Lower("name"))
    groups = visible.prefetch_related("themes", "quartiers")
    # "Par quartier": each quartier that has a group this person may see, with those groups.
    quartiers = (
        Quartier.objects.with_commune()
        .filter(group__in=visible)
        .distinct()
        .prefetch_related(Prefetch("group_set", queryset=visible, to_attr="visible_groups"))
    )
    return TemplateResponse(request, "groups/list.html", {"groups": groups, "quartiers": quartiers})


@public_page
def group_detail(request, slug):
    group = get_object_or_404(
        Group.objects.prefetch_related("themes", "quartiers__commune", "partners"), slug=slug
    )
    if not group.is_visible_to(request.user):
        # 404, not 403: a private group's very existence stays between its members.
        raise Http404
    return TemplateResponse(
        request,
        "groups/detail.html",
        {
            "group": group,
            "is_member": is_member_of(request.user, group),
        },
    )
