"""The network's public pages: who can help, on which themes, and how to reach them."""

from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from portail.core.page_cache import public_page
from portail.directory.forms import OrganisationFilterForm
from portail.directory.models import Organisation


@public_page
def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    organisations = form.filter(
        Organisation.objects.prefetch_related("themes").order_by(Lower("name"))
    )
    return TemplateResponse(
        request,
        "directory/list.html",
        {
            "form": form,
            "organisations": organisations,
            "is_filtered": form.is_bound and any(form.cleaned_data.values()),
        },
    )


@public_page
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.prefetch_related("themes", "quartiers__commune"), slug=slug
    )
    groups = organisation.groups.visible_to(request.user)
    return TemplateResponse(
        request,
        "directory/detail.html",
        {"organisation": organisation, "groups": groups},
    )
