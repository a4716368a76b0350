"""The network's pages: who can help, on which themes and subjects, in which quartier, and how to
reach them; the one-page list of a quartier to print; and, for an organisation's partner accounts
(or the team), the pages to keep its information up to date."""

import reversion
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models.functions import Lower
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from portail.accounts.roles import is_partner_of
from portail.core.page_cache import public_page
from portail.core.pdf import pdf_rate, render_pdf
from portail.directory.forms import OrganisationFilterForm, OrganisationForm
from portail.directory.models import Organisation
from portail.places.models import Quartier

PAGE_SIZE = 20


@public_page
def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    organisations = form.filter(Organisation.objects.prefetch_related("themes", "quartiers"))
    quartier = form.cleaned_data.get("quartier") if form.is_bound else None
    ordering = ["-in_quartier", Lower("name")] if quartier else [Lower("name")]
    page = Paginator(organisations.order_by(*ordering), PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "directory/list.html",
        {
            "form": form,
            "page": page,
            "organisations": page.object_list,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "active_filters": form.active_filters(),
            "quartier": quartier,
        },
    )


@public_page
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.prefetch_related("themes", "quartiers__commune", "subjects__theme"),
        slug=slug,
    )
    # The subjects it says it deals with first, then those whose fiche sends people to it.
    declared = set(organisation.subjects.all())
    subjects = declared | {
        fiche.subject for fiche in organisation.fiches.select_related("subject__theme")
    }
    groups = list(organisation.groups.visible_to(request.user))
    response = TemplateResponse(
        request,
        "directory/detail.html",
        {
            "organisation": organisation,
            "groups": groups,
            "subjects": sorted(
                subjects, key=lambda s: (s not in declared, s.theme.order, s.theme.name, s.title)
            ),
            "checked_by_itself": organisation.checked_by_itself(),
            "may_edit": is_partner_of(request.user, organisation),
        },
    )
    if any(not group.is_public for group in groups):
        # A private group named to its members must not stay in a shared browser's cache.
        add_never_cache_headers(response)
    return response


@public_page
@ratelimit(key="ip", rate=pdf_rate, block=True)
def quartier_pdf(request, slug):
    """One A4 page to pin up or hand out: who can help the residents of this quartier,
    grouped by type of organisation."""
    quartier = get_object_or_404(Quartier.objects.select_related("commune"), slug=slug)
    organisations = list(
        Organisation.objects.serving(quartier).order_by("-in_quartier", Lower("name"))
    )
    kinds = [
        (label, [org for org in organisations if org.kind == kind])
        for kind, label in Organisation.Kind.choices
    ]
    context = {
        "quartier": quartier,
        "kinds": [(label, items) for label, items in kinds if items],
        "count": len(organisations),
        "today": timezone.localdate(),
        "site_url": settings.SITE_URL,
    }
    pdf = render_pdf(
        "directory/quartier_pdf.html", context, request=request, stylesheets=["css/pdf-reseau.css"]
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="reseau-{quartier.slug}.pdf"'
    return response


def _editable(user, slug):
    """The organisation, if this person speaks for it (one of its partner accounts) or is on
    the team; anyone else signed in gets the 403 page."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not is_partner_of(user, organisation):
        raise PermissionDenied
    return organisation


@never_cache
@login_required
def organisation_edit(request, slug):
    organisation = _editable(request.user, slug)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic(), reversion.create_revision():
            organisation = form.save(commit=False)
            organisation.mark_checked(by=request.user)
            organisation.save()
            form.save_m2m()
            reversion.set_user(request.user)
            reversion.set_comment(_("modifiée sur le portail"))
        messages.success(
            request,
            _(
                "C'est enregistré. Merci : la page dit maintenant que ces informations sont "
                "vérifiées d'aujourd'hui."
            ),
        )
        return redirect(organisation)
    return TemplateResponse(
        request, "directory/edit.html", {"organisation": organisation, "form": form}
    )


@never_cache
@login_required
def organisation_confirm(request, slug):
    """The page the yearly e-mail leads to: the information as it stands, and one button to
    say « Tout est à jour » (or a link to correct it)."""
    organisation = _editable(request.user, slug)
    if request.method == "POST":
        return _confirm(request, organisation)
    return TemplateResponse(
        request,
        "directory/confirm.html",
        {
            "organisation": Organisation.objects.prefetch_related(
                "themes", "subjects", "quartiers__commune"
            ).get(pk=organisation.pk),
        },
    )


def _confirm(request, organisation):
    with transaction.atomic(), reversion.create_revision():
        organisation.mark_checked(by=request.user)
        organisation.save(
            update_fields=["last_checked_on", "last_checked_by", "confirmation_requested_at"]
        )
        reversion.set_user(request.user)
        reversion.set_comment(_("confirmée à jour"))
    messages.success(
        request,
        _("Merci ! Les informations de %(name)s sont confirmées à jour.")
        % {"name": organisation.name},
    )
    return redirect(organisation)
