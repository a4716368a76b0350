"""The team's side: the list of requests (each person sees only those they may), a request's
page where it is given to a group or a person, started, closed, and annotated, and the dashboard
of numbers.

Who sees what is decided by `Demande.objects.visible_to` and `Demande.access_for`: contact details
and notes only for the assigned group's facilitators, the assignee and moderators; the rest of
the group sees the request without them; anyone else gets a 404.
"""

import statistics
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portail.accounts.roles import Role, is_any_group_member, is_moderator, roles_of
from portail.demandes import notifications
from portail.demandes.forms.team import AssignForm, CloseForm, NoteForm, TeamFilterForm
from portail.demandes.models import Demande, InvalidTransition
from portail.places.models import Quartier
from portail.privacy.masking import mask

PAGE_SIZE = 30
# A note or message sent twice within this delay is stored (and e-mailed) once.
DUPLICATE_WINDOW = timedelta(minutes=10)


def _required(allowed):
    """Anonymous visitors go to the login page, anyone else without the role gets the 403."""

    def check(user):
        if not user.is_authenticated:
            return False
        if not allowed(user):
            raise PermissionDenied
        return True

    return lambda view: never_cache(user_passes_test(check)(view))


def may_see_team_list(user):
    return is_moderator(user) or is_any_group_member(user)


def may_see_dashboard(user):
    return bool({Role.MODERATOR, Role.FACILITATOR} & roles_of(user))


team_required = _required(may_see_team_list)
dashboard_required = _required(may_see_dashboard)


@team_required
def team_list(request):
    form = TeamFilterForm(request.GET or None)
    demandes = (
        form.filter(Demande.objects.visible_to(request.user))
        .select_related("assigned_group", "assignee", "quartier__commune")
        .prefetch_related("assigned_group__memberships")
    )
    page = Paginator(demandes, PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "demandes/team/list.html", {"form": form, "page": page})


def _demande_for(request, pk):
    """The request and what this person may do with it; 404 for those who may not see it."""
    demande = get_object_or_404(
        Demande.objects.select_related(
            "assigned_group", "assignee", "quartier__commune", "landlord", "referred_to"
        ).prefetch_related("assigned_group__memberships"),
        pk=pk,
    )
    access = demande.access_for(request.user)
    if not access.see:
        raise Http404
    return demande, access


def _page(request, demande, access, status=200, **forms):
    """The request's page; after a refused form, with that form and what was written in it."""
    may_write = access.private and not demande.anonymised_at
    context = {
        "demande": demande,
        "access": access,
        "assign_form": AssignForm(user=request.user, demande=demande) if access.assign else None,
        "close_form": CloseForm() if access.work else None,
        "note_form": NoteForm(demande=demande) if may_write else None,
        **forms,
    }
    context.update(_readable_texts(request, demande, access))
    if access.private:
        context["notes"] = demande.notes.select_related("author")
        context["history"] = demande.history.select_related("actor")
    return TemplateResponse(request, "demandes/team/work.html", context, status=status)


def _readable_texts(request, demande, access):
    """The free texts of the request as this person may read them: as written for those in
    charge, masked for the rest of the group and the facilitators who may take it (people type
    names and numbers anywhere, not only in the contact fields). The event it comes from only
    for those who may see that event: a private group's meeting keeps its name to itself."""
    texts = {
        name: getattr(demande, name) if access.private else mask(getattr(demande, name))
        for name in ("place", "wished_dates", "outcome_reason")
    }
    event = demande.event
    texts["origin_event"] = event if event and event.is_visible_to(request.user) else None
    return texts


@team_required
def work(request, pk):
    demande, access = _demande_for(request, pk)
    return _page(request, demande, access)


def _refused(request, demande, refusal):
    messages.error(request, str(refusal))
    return redirect(demande.get_team_url())


@require_POST
@team_required
def assign(request, pk):
    demande, access = _demande_for(request, pk)
    if not access.assign:
        raise PermissionDenied
    form = AssignForm(request.POST, user=request.user, demande=demande)
    if not form.is_valid():
        return _page(request, demande, access, 400, assign_form=form)
    was_new = demande.status == Demande.Status.NEW
    try:
        demande.assign(request.user, form.cleaned_data["group"], form.cleaned_data["assignee"])
    except InvalidTransition as refusal:
        return _refused(request, demande, refusal)
    if was_new:
        notifications.notify_requester(demande, notifications.ASSIGNED)
    messages.success(request, _("La demande est attribuée."))
    if not demande.access_for(request.user).see:
        return redirect("demandes:team")
    return redirect(demande.get_team_url())


@require_POST
@team_required
def start(request, pk):
    demande, access = _demande_for(request, pk)
    if not access.work:
        raise PermissionDenied
    try:
        demande.start(request.user)
    except InvalidTransition as refusal:
        return _refused(request, demande, refusal)
    notifications.notify_requester(demande, notifications.STARTED)
    messages.success(request, _("La demande est en cours."))
    return redirect(demande.get_team_url())


@require_POST
@team_required
def close(request, pk):
    demande, access = _demande_for(request, pk)
    if not access.work:
        raise PermissionDenied
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _page(request, demande, access, 400, close_form=form)
    data = form.cleaned_data
    try:
        demande.close(request.user, data["outcome"], data["reason"], data["referred_to"])
    except InvalidTransition as refusal:
        return _refused(request, demande, refusal)
    notifications.notify_requester(demande, notifications.CLOSED)
    messages.success(request, _("La demande est close."))
    return redirect(demande.get_team_url())


@require_POST
@team_required
def note(request, pk):
    demande, access = _demande_for(request, pk)
    if not access.private or demande.anonymised_at:
        raise PermissionDenied
    form = NoteForm(request.POST, demande=demande)
    if not form.is_valid():
        return _page(request, demande, access, 400, note_form=form)
    text, for_requester = form.cleaned_data["text"].strip(), form.for_requester
    # The form sent twice (a double tap on a slow phone): one note, one e-mail to the person.
    written = demande.notes.filter(
        author=request.user,
        text=text,
        for_requester=for_requester,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()
    if written is None:
        try:
            written = demande.add_note(request.user, text, for_requester)
        except InvalidTransition as refusal:
            return _refused(request, demande, refusal)
        if written.for_requester:
            notifications.notify_requester(demande, notifications.MESSAGE, note=written)
    if written.for_requester:
        messages.success(request, _("Le message est envoyé à la personne."))
    else:
        messages.success(request, _("La note est enregistrée."))
    return redirect(demande.get_team_url())


# --- Dashboard ------------------------------------------------------------------------------


def _days(pairs):
    """Median and mean of the delays, in days with one decimal, or None without data."""
    delays = [(end - start).total_seconds() / 86400 for start, end in pairs if start and end]
    if not delays:
        return None
    return {
        "count": len(delays),
        "median": round(statistics.median(delays), 1),
        "mean": round(statistics.fmean(delays), 1),
    }


def _counts(queryset, field, labels):
    found = dict(queryset.values_list(field).annotate(n=Count("pk")).order_by())
    return [(label, found.get(value, 0)) for value, label in labels]


def dashboard_numbers(demandes):
    """Numbers only: counts by kind, state, issue and quartier, and the delays."""
    by_quartier = dict(demandes.values_list("quartier").annotate(n=Count("pk")).order_by())
    quartiers = Quartier.objects.with_commune().filter(pk__in=[pk for pk in by_quartier if pk])
    return {
        "total": demandes.count(),
        "by_kind": _counts(demandes, "kind", Demande.Kind.choices),
        "by_status": _counts(demandes, "status", Demande.Status.choices),
        "by_outcome": _counts(
            demandes.filter(status=Demande.Status.CLOSED), "outcome", Demande.Outcome.choices
        ),
        "by_quartier": [
            *sorted(((str(q), by_quartier[q.pk]) for q in quartiers), key=lambda row: row[0]),
            *([(_("Quartier non précisé"), by_quartier[None])] if by_quartier.get(None) else []),
        ],
        "first_action": _days(demandes.values_list("created_at", "first_action_at")),
        "closure": _days(demandes.values_list("created_at", "closed_at")),
    }


@dashboard_required
def dashboard(request):
    return TemplateResponse(
        request, "demandes/team/dashboard.html", dashboard_numbers(Demande.objects.all())
    )
