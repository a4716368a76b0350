"""What the organisers do (see portail.events.permissions for who they are): create and edit
an event, cancel it (and undo that), see who registered, record attendance, the minutes and the
suites.

Every page starts from the person: a private event is a 404 to those who may not see it, and a
403 to those who see it but do not organise it. Nothing here is cached."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portail.core.markdown import render_markdown
from portail.events import notifications, waitlist
from portail.events.forms import (
    AttendanceForm,
    CancelEventForm,
    EventForm,
    MinutesForm,
    SuiteForm,
)
from portail.events.models import Event, Registration
from portail.events.permissions import can_create_events, is_organiser
from portail.events.views import visible_event
from portail.groups.models import Group

# A form sent twice within this delay creates one event.
DUPLICATE_WINDOW = timedelta(minutes=10)
# The keys of the last suites recorded in this session: a form sent twice stores one demande.
SUITE_KEYS = "events_suite_keys"
KEPT_SUITE_KEYS = 20


def organised_event(request, slug):
    event = visible_event(request, slug)
    if not is_organiser(request.user, event):
        raise PermissionDenied
    return event


def _prefill(request):
    """`?type=inter-groupes&groupes=slug1,slug2`: the groups' pages link here to propose a
    common time, or an event of one group."""
    initial = {}
    kind = request.GET.get("type", "")
    if kind in Event.Kind.values:
        initial["kind"] = kind
    slugs = [slug for slug in request.GET.get("groupes", "").split(",") if slug][:20]
    if slugs:
        groups = list(Group.objects.visible_to(request.user).filter(slug__in=slugs))
        initial["groups"] = groups
        if kind == Event.Kind.INTERGROUP and groups:
            names = ", ".join(group.name for group in groups)
            initial["title"] = _("Temps commun inter-groupes : %(groups)s") % {"groups": names}
    return initial


def _just_created(user, data):
    """The same event this person created a moment ago: the form sent twice (a double tap on
    a slow phone) makes one event, not a second one with a « -2 » address."""
    return Event.objects.filter(
        created_by=user,
        title=data["title"],
        starts_at=data["starts_at"],
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()


@login_required
@never_cache
def create(request):
    if not can_create_events(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = EventForm(request.POST, user=request.user)
        if form.is_valid():
            event = _just_created(request.user, form.cleaned_data) or form.save()
            messages.success(request, _("L'événement est dans l'agenda."))
            return redirect(event)
    else:
        form = EventForm(user=request.user, initial=_prefill(request))
    return TemplateResponse(request, "events/form.html", {"form": form, "event": None})


def _changes(before, event):
    """What people registered must know: a new date, time or place."""
    changes = []
    if before.starts_at != event.starts_at or before.ends_at != event.ends_at:
        changes.append(_("Nouvelle date : %(when)s") % {"when": event.when_display})
    if before.place != event.place or before.address != event.address:
        where = ", ".join(part for part in (event.place, event.address) if part)
        changes.append(_("Nouveau lieu : %(where)s") % {"where": where})
    return changes


@login_required
@never_cache
def edit(request, slug):
    event = organised_event(request, slug)
    before = Event.objects.get(pk=event.pk)
    if request.method == "POST":
        form = EventForm(request.POST, instance=event, user=request.user)
        if form.is_valid():
            event = form.save()
            promoted = waitlist.fill_places(event)
            changes = _changes(before, event)
            told = 0
            # A cancelled event's people were told it is off: a new date is the organisers'
            # to announce when they restore it.
            if changes and not event.is_past() and not event.is_cancelled:
                active = event.registrations.exclude(status=Registration.Status.CANCELLED)
                told = sum(notifications.event_changed(r, changes) for r in active)
            messages.success(request, _("Les changements sont enregistrés."))
            if promoted:
                messages.info(
                    request,
                    ngettext(
                        "%(count)d personne de la liste d'attente a maintenant une place.",
                        "%(count)d personnes de la liste d'attente ont maintenant une place.",
                        len(promoted),
                    )
                    % {"count": len(promoted)},
                )
            if told:
                messages.info(
                    request,
                    ngettext(
                        "%(count)d personne inscrite a été prévenue du changement par e-mail.",
                        "%(count)d personnes inscrites ont été prévenues du changement par e-mail.",
                        told,
                    )
                    % {"count": told},
                )
            return redirect(event)
    else:
        form = EventForm(instance=event, user=request.user)
    return TemplateResponse(request, "events/form.html", {"form": form, "event": event})


@login_required
@never_cache
def cancel(request, slug):
    """Cancel the event, after a page that says what will happen and asks for the reason."""
    event = organised_event(request, slug)
    if event.is_cancelled:
        messages.info(request, _("L'événement est déjà annulé."))
        return redirect(event)
    if event.is_past():
        messages.error(request, _("L'événement est passé : il ne peut plus être annulé."))
        return redirect(event)
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        told = event.cancel(reason)
        if told is None:
            messages.info(request, _("L'événement est déjà annulé."))
            return redirect(event)
        messages.success(
            request, _("L'événement est annulé. Il reste dans l'agenda, marqué « Annulé ».")
        )
        if told:
            messages.info(
                request,
                ngettext(
                    "%(count)d personne a été prévenue par e-mail.",
                    "%(count)d personnes ont été prévenues par e-mail.",
                    len(told),
                )
                % {"count": len(told)},
            )
        not_told = event.registrations.exclude(status=Registration.Status.CANCELLED).count()
        not_told -= len(told)
        if not_told:
            messages.warning(
                request,
                ngettext(
                    "%(count)d personne inscrite n'a pas laissé d'e-mail : prévenez-la "
                    "vous-même si elle a laissé un téléphone (voir « Participants et "
                    "présences »).",
                    "%(count)d personnes inscrites n'ont pas laissé d'e-mail : prévenez-les "
                    "vous-même si elles ont laissé un téléphone (voir « Participants et "
                    "présences »).",
                    not_told,
                )
                % {"count": not_told},
            )
        if event.cancellation_reason != reason:
            messages.warning(
                request,
                _(
                    "Des données personnelles ont été masquées dans la raison publiée : "
                    "relisez-la sur cette page."
                ),
            )
        return redirect(event)
    active = event.registrations.exclude(status=Registration.Status.CANCELLED)
    with_email = sum(1 for r in active.only("contact") if r.email)
    context = {
        "event": event,
        "form": form,
        "active": active.count(),
        "with_email": with_email,
    }
    return TemplateResponse(request, "events/cancel.html", context)


@login_required
@require_POST
def restore(request, slug):
    """Undo the cancellation. Nobody is e-mailed: the organisers are asked to tell people."""
    event = organised_event(request, slug)
    if event.restore():
        messages.success(request, _("L'événement est rétabli : il n'est plus marqué « Annulé »."))
        if event.registrations.exclude(status=Registration.Status.CANCELLED).exists():
            messages.warning(
                request,
                _(
                    "Aucun e-mail n'annonce que l'événement est rétabli : prévenez vous-même les "
                    "personnes inscrites, qui ont peut-être reçu l'annonce de l'annulation. "
                    "Leurs contacts sont dans « Participants et présences »."
                ),
            )
    else:
        messages.info(request, _("L'événement n'était pas annulé."))
    return redirect(event)


@login_required
@never_cache
def attendees(request, slug):
    event = organised_event(request, slug)
    registrations = list(event.registrations.select_related("user").order_by("pk"))
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    form = AttendanceForm(
        request.POST or None,
        registrations=confirmed,
        initial={"attendance_count": event.attendance_count},
    )
    if request.method == "POST" and form.is_valid():
        event.record_attendance(form.cleaned_data["attendance_count"], form.present_ids())
        messages.success(request, _("Les présences sont enregistrées."))
        return redirect("events:attendees", slug=event.slug)
    context = {
        "event": event,
        "form": form,
        "confirmed": confirmed,
        "waiting": [r for r in registrations if r.status == Registration.Status.WAITLIST],
        "cancelled": [r for r in registrations if r.status == Registration.Status.CANCELLED],
        "is_past": event.is_past(),
    }
    return TemplateResponse(request, "events/attendees.html", context)


@login_required
@require_POST
def cancel_registration(request, slug, pk):
    """An organiser cancels for someone who called to say they cannot come."""
    event = organised_event(request, slug)
    registration = get_object_or_404(event.registrations, pk=pk)
    if registration.is_active:
        promoted = waitlist.cancel(registration)
        message = _("L'inscription de %(name)s est annulée.") % {"name": registration.name}
        if promoted:
            message += " " + _("%(name)s, qui attendait, a maintenant sa place.") % {
                "name": ", ".join(r.name for r in promoted)
            }
        messages.success(request, message)
    return redirect("events:attendees", slug=event.slug)


@login_required
@never_cache
def minutes(request, slug):
    event = organised_event(request, slug)
    if request.method == "POST":
        form = MinutesForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            masked = event.record_minutes(data["minutes"], data["publish"])
            if event.minutes_published_at:
                messages.success(request, _("Le compte rendu est publié."))
            else:
                messages.success(request, _("Le compte rendu est enregistré en brouillon."))
            if masked:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)d donnée personnelle a été masquée dans la version publiée : "
                        "relisez-la ci-dessous.",
                        "%(count)d données personnelles ont été masquées dans la version "
                        "publiée : relisez-la ci-dessous.",
                        masked,
                    )
                    % {"count": masked},
                )
            return redirect("events:minutes", slug=event.slug)
    else:
        form = MinutesForm(
            initial={
                "minutes": event.minutes_original,
                "publish": bool(event.minutes_published_at) or not event.minutes_original,
            }
        )
    context = {
        "event": event,
        "form": form,
        "preview": render_markdown(event.minutes) if event.minutes else "",
    }
    return TemplateResponse(request, "events/minutes.html", context)


@login_required
@never_cache
def suites(request, slug):
    event = organised_event(request, slug)
    if request.method == "POST":
        form = SuiteForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            seen = request.session.get(SUITE_KEYS, [])
            if data["submission_key"] not in seen:
                event.add_suite(
                    by=request.user,
                    kind=data["kind"],
                    summary=data["summary"],
                    quartier=data["quartier"],
                    group=data["group"],
                )
                request.session[SUITE_KEYS] = [*seen, data["submission_key"]][-KEPT_SUITE_KEYS:]
            messages.success(
                request,
                _("La suite est enregistrée : elle est dans la liste des demandes de suite."),
            )
            return redirect("events:suites", slug=event.slug)
    else:
        form = SuiteForm(user=request.user, initial={"quartier": event.quartier})
    recorded = event.suites.select_related("assigned_group", "quartier__commune").order_by(
        "created_at", "id"
    )
    context = {
        "event": event,
        "form": form,
        "suites": [
            (demande, demande.get_team_url() if demande.access_for(request.user).see else "")
            for demande in recorded
        ],
    }
    return TemplateResponse(request, "events/suites.html", context)
