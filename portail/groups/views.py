from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from portail.groups.models import Group


def group_list(request):
    groups = Group.objects.public().prefetch_related("themes", "quartiers")
    return TemplateResponse(request, "groups/list.html", {"groups": groups})


def group_detail(request, slug):
    group = get_object_or_404(Group.objects.public(), slug=slug)
    return TemplateResponse(request, "groups/detail.html", {"group": group})
