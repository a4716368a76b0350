from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from portail.directory.models import Organisation


def organisation_list(request):
    organisations = Organisation.objects.prefetch_related("themes", "quartiers")
    return TemplateResponse(request, "directory/list.html", {"organisations": organisations})


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    return TemplateResponse(request, "directory/detail.html", {"organisation": organisation})
