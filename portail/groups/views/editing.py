"""Creating a group and editing its presentation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portail.groups.forms import GroupForm
from portail.groups.models import Group
from portail.groups.permissions import may_create_group
from portail.groups.views.common import managed_group


@never_cache
@login_required
def create(request):
    if not may_create_group(request.user):
        raise PermissionDenied
    form = GroupForm(request.POST or None, initial={"is_public": True})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        group = Group.create(
            by=request.user,
            name=data["name"],
            presentation=data["presentation"],
            how_to_join=data["how_to_join"],
            is_public=data["is_public"],
            themes=data["themes"],
            quartiers=data["quartiers"],
        )
        messages.success(
            request,
            _(
                "Le groupe est créé et vous en êtes l'animateur ou l'animatrice. Vous pouvez "
                "maintenant accueillir des membres."
            ),
        )
        return redirect(group)
    return TemplateResponse(request, "groups/form.html", {"form": form, "group": None})


@never_cache
@login_required
def edit(request, slug):
    group = managed_group(request, slug)
    # A separate instance: a refused form must not rename the page it is shown on.
    form = GroupForm(request.POST or None, instance=Group.objects.get(pk=group.pk))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("La présentation du groupe est enregistrée."))
        return redirect(group)
    return TemplateResponse(request, "groups/form.html", {"form": form, "group": group})
