"""Creating a group and editing its presentation."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portail.groups.forms import GroupForm
from portail.groups.models import Group
from portail.groups.permissions import may_create_group
from portail.groups.views.common import managed_group

# The creation form sent twice within this delay (a double tap on a slow phone) leads to the
# group the first one created, not to « Un groupe porte déjà ce nom ».
DUPLICATE_WINDOW = timedelta(minutes=10)


def _just_created(user, name):
    name = " ".join((name or "").split())
    if not name:
        return None
    return (
        Group.objects.facilitated_by(user)
        .filter(name__iexact=name, created_at__gte=timezone.now() - DUPLICATE_WINDOW)
        .first()
    )


def _created(request, group):
    messages.success(
        request,
        _(
            "Le groupe est créé et vous en êtes l'animateur ou l'animatrice. Vous pouvez "
            "maintenant accueillir des membres."
        ),
    )
    return redirect(group)


@never_cache
@login_required
def create(request):
    if not may_create_group(request.user):
        raise PermissionDenied
    form = GroupForm(request.POST or None, initial={"is_public": True})
    if request.method == "POST":
        group = _just_created(request.user, request.POST.get("name"))
        if group is None and form.is_valid():
            data = form.cleaned_data
            try:
                group = Group.create(
                    by=request.user,
                    name=data["name"],
                    presentation=data["presentation"],
                    how_to_join=data["how_to_join"],
                    is_public=data["is_public"],
                    themes=data["themes"],
                    quartiers=data["quartiers"],
                )
            except IntegrityError:
                # Sent twice at the same moment: both checked the name, the first created it.
                group = _just_created(request.user, data["name"])
                if group is None:
                    form.add_error(
                        "name", _("Un groupe porte déjà ce nom : choisissez-en un autre.")
                    )
        if group is not None:
            return _created(request, group)
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
