"""The fiches pistes: the list by theme, a fiche's page, and its PDF."""

from itertools import groupby

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django_ratelimit.decorators import ratelimit

from portail.core.page_cache import public_page
from portail.core.pdf import pdf_rate, render_pdf
from portail.fiches.models import Fiche


@public_page
def fiche_list(request):
    fiches = Fiche.objects.by_theme()
    themes = [
        (theme, list(items)) for theme, items in groupby(fiches, key=lambda f: f.subject.theme)
    ]
    return TemplateResponse(request, "fiches/index.html", {"themes": themes})


@public_page
def fiche_detail(request, slug):
    fiche = get_object_or_404(Fiche.objects.for_page(), slug=slug)
    return TemplateResponse(request, "fiches/detail.html", _fiche_context(fiche))


@public_page
@ratelimit(key="ip", rate=pdf_rate, block=True)
def fiche_pdf(request, slug):
    fiche = get_object_or_404(Fiche.objects.for_page(), slug=slug)
    pdf = render_pdf("fiches/pdf.html", _fiche_context(fiche), request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="fiche-{fiche.slug}.pdf"'
    return response


def _fiche_context(fiche):
    return {
        "fiche": fiche,
        "terms": sorted(fiche.terms.all(), key=lambda term: term.sort_key),
        "site_url": settings.SITE_URL,
    }
