"""Attestations of savoir-faire (« reconnaissance »): the person asks one of their groups; a
facilitator of that group (never the person themself) reads the actions and signs, or says why
not; the signed attestation is a PDF that only the person and the staff can download.

An attestation exists for the person, the facilitators of its group and the staff: a 404 for
anyone else."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from portail.accounts.roles import is_facilitator_of
from portail.core.pdf import pdf_rate, render_pdf
from portail.experiences import notifications
from portail.experiences.forms import AttestationRequestForm, DeclineForm
from portail.experiences.models import Attestation, InvalidTransition
from portail.experiences.portfolio import actions_of, as_content, skills_from
from portail.experiences.views.portfolio import portfolio_page
from portail.groups.models import Group, Membership


def private_view(view):
    return login_required(never_cache(view))


def visible_attestation(request, pk):
    attestation = get_object_or_404(
        Attestation.objects.select_related("group", "user", "signed_by"), pk=pk
    )
    user = request.user
    if not (
        attestation.user_id == user.pk
        or user.is_staff
        or is_facilitator_of(user, attestation.group)
    ):
        raise Http404
    return attestation


@private_view
@require_POST
def attestation_request(request):
    form = AttestationRequestForm(request.POST, user=request.user)
    if form.is_valid():
        group = form.cleaned_data["group"]
        # A closed account cannot sign: someone else must be there to read the request.
        other_facilitators = (
            Membership.objects.filter(
                group=group, role=Membership.Role.FACILITATOR, user__is_active=True
            )
            .exclude(user=request.user)
            .exists()
        )
        if not actions_of(request.user, group=group):
            form.add_error(
                "group",
                _(
                    "Le portail n'a encore aucune action de vous avec ce groupe (une partie de "
                    "récit présentée, un événement où vous étiez présent). Parlez-en à "
                    "l'animateur ou l'animatrice du groupe."
                ),
            )
        elif not other_facilitators:
            form.add_error(
                "group",
                _(
                    "Ce groupe n'a pas d'autre animateur ou animatrice pour signer votre "
                    "attestation."
                ),
            )
    if not form.is_valid():
        return portfolio_page(request, request_form=form, status=400)
    attestation = form.save(commit=False)
    attestation.user = request.user
    try:
        with transaction.atomic():
            attestation.save()
            notifications.notify_requested(attestation)
    except IntegrityError:
        # The form sent twice at the same moment: the first request stands, and was sent.
        pass
    messages.success(
        request,
        _(
            "Votre demande est envoyée aux animateurs du groupe « %(group)s ». Vous serez "
            "prévenu par e-mail."
        )
        % {"group": attestation.group},
    )
    return redirect("experiences:my_portfolio")


@private_view
@require_POST
def attestation_withdraw(request, pk):
    attestation = get_object_or_404(Attestation.objects.pending(), pk=pk, user=request.user)
    attestation.delete()
    messages.success(request, _("Votre demande d'attestation est retirée."))
    return redirect("experiences:my_portfolio")


@private_view
def attestation_list(request):
    user = request.user
    if not (user.is_staff or Group.objects.facilitated_by(user).exists()):
        raise PermissionDenied
    if user.is_staff:
        pending = Attestation.objects.pending()
        answered = Attestation.objects.exclude(status=Attestation.Status.REQUESTED)
    else:
        groups = Group.objects.facilitated_by(user)
        pending = Attestation.objects.to_sign_by(user)
        answered = Attestation.objects.filter(group__in=groups).exclude(
            status=Attestation.Status.REQUESTED
        )
    return TemplateResponse(
        request,
        "experiences/attestations/list.html",
        {
            "pending": pending.select_related("group"),
            "answered": answered.select_related("group")[:50],
        },
    )


def _detail(request, attestation, decline_form=None, status=200):
    frozen = attestation.status == Attestation.Status.SIGNED
    actions = [] if frozen else actions_of(attestation.user, group=attestation.group)
    return TemplateResponse(
        request,
        "experiences/attestations/detail.html",
        {
            "attestation": attestation,
            "actions": actions,
            "skills": skills_from(actions),
            "may_sign": attestation.may_be_signed_by(request.user),
            "decline_form": decline_form or DeclineForm(),
        },
        status=status,
    )


@private_view
def attestation_detail(request, pk):
    return _detail(request, visible_attestation(request, pk))


def _answerable(request, pk):
    attestation = visible_attestation(request, pk)
    if attestation.status != Attestation.Status.REQUESTED:
        messages.error(request, _("Cette demande a déjà reçu une réponse."))
        return attestation, False
    if not attestation.may_be_signed_by(request.user):
        raise PermissionDenied
    return attestation, True


@private_view
@require_POST
def attestation_sign(request, pk):
    attestation, answerable = _answerable(request, pk)
    if answerable:
        content = as_content(actions_of(attestation.user, group=attestation.group))
        try:
            attestation.sign(by=request.user, content=content)
        except InvalidTransition as exc:
            messages.error(request, str(exc))
        else:
            notifications.notify_answered(attestation)
            messages.success(
                request, _("L'attestation est signée. La personne peut la télécharger.")
            )
    return redirect("experiences:attestation", attestation.pk)


@private_view
@require_POST
def attestation_decline(request, pk):
    attestation, answerable = _answerable(request, pk)
    if answerable:
        form = DeclineForm(request.POST)
        if not form.is_valid():
            return _detail(request, attestation, decline_form=form, status=400)
        try:
            attestation.decline(by=request.user, reason=form.cleaned_data["motif"])
        except InvalidTransition as exc:
            messages.error(request, str(exc))
        else:
            notifications.notify_answered(attestation)
            messages.success(request, _("Votre réponse est envoyée à la personne."))
    return redirect("experiences:attestation", attestation.pk)


@private_view
@ratelimit(key="ip", rate=pdf_rate, block=True)
def attestation_pdf(request, pk):
    """Only the person and the staff, and only once signed: an unsigned request has no PDF."""
    attestation = get_object_or_404(
        Attestation.objects.select_related("group"), pk=pk, status=Attestation.Status.SIGNED
    )
    if not (attestation.user_id == request.user.pk or request.user.is_staff):
        raise Http404
    pdf = render_pdf(
        "experiences/attestations/pdf.html",
        {"attestation": attestation, "site_url": settings.SITE_URL},
        request=request,
        stylesheets=["css/pdf-attestation.css"],
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="attestation-savoir-faire-{attestation.pk}.pdf"'
    )
    return response
