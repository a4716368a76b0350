"""What everyone sees and does: the agenda, past events with their minutes, an event's page,
registering without an account, and the private page of a registration (see it, cancel it).

Registering is protected like asking a question: a honeypot field, a rate limit per address
and per browser, and the form's key (the same form sent twice is one registration, and leads
to the same private link)."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from portail.core.page_cache import public_page
from portail.demandes.models import Demande
from portail.events import waitlist
from portail.events.forms import EventFilterForm, RegistrationForm
from portail.events.models import Event, Registration
from portail.events.permissions import can_create_events, is_organiser
from portail.events.views import visible_event

PAGE_SIZE = 20
MAX_TOKEN_LENGTH = 64
# A form sent twice leads to the same registration for this long; later, the old form's key
# opens nothing.
RESEND_WINDOW = timedelta(hours=1)
# Until settings.RATE_LIMITS names them (RATE_LIMIT_EVENT_REGISTER_IP / _SESSION).
DEFAULT_RATES = {"event_register_ip": "30/h", "event_register_session": "10/10m"}

RATE_LIMITED = gettext_lazy(
    "Beaucoup d'inscriptions sont parties de cet appareil ou de cette adresse en peu de temps. "
    "Pour la sécurité de tous, attendez une dizaine de minutes, puis validez à nouveau : ce "
    "que vous avez écrit est gardé ci-dessous."
)


EVENT_CANCELLED = gettext_lazy(
    "Cet événement est annulé : on ne peut plus s'y inscrire. Les autres rendez-vous sont dans "
    "l'agenda."
)


def rate(name):
    def read(group, request):
        return settings.RATE_LIMITS.get(name, DEFAULT_RATES[name])

    return read


def session_key(group, request):
    if not request.session.session_key:
        request.session.save()
        request.session.modified = True
    return request.session.session_key


def _registration_limited(request):
    limited = False
    for key, name in (("ip", "event_register_ip"), (session_key, "event_register_session")):
        limited |= is_ratelimited(
            request,
            group=f"events.register.{name}",
            key=key,
            rate=rate(name),
            method="POST",
            increment=True,
        )
    return limited


def _with_confirmed_counts(events):
    return events.annotate(
        confirmed=Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.CONFIRMED),
            distinct=True,
        )
    )


def _page_range(page):
    return page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)


@public_page
def agenda(request):
    form = EventFilterForm(request.GET or None, user=request.user)
    events = form.filter(Event.objects.visible_to(request.user).upcoming()).for_list()
    page = Paginator(_with_confirmed_counts(events), PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "events/agenda.html",
        {
            "form": form,
            "page": page,
            "page_range": _page_range(page),
            "can_create": can_create_events(request.user),
        },
    )


@public_page
def past(request):
    events = Event.objects.visible_to(request.user).past().for_list()
    events = events.annotate(suites_count=Count("suites", distinct=True))
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "events/past.html", {"page": page, "page_range": _page_range(page)}
    )


def _my_registration(request, event):
    if not request.user.is_authenticated:
        return None
    return (
        event.registrations.filter(user=request.user)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def _detail(request, event, form=None, status=200):
    now = timezone.now()
    is_open = event.registration_is_open(now)
    mine = _my_registration(request, event)
    if is_open and form is None and mine is None:
        initial = {}
        if request.user.is_authenticated:
            initial = {"name": request.user.public_name, "contact": request.user.email}
        form = RegistrationForm(initial=initial)
    groups = list(event.groups.all())
    visible_groups = set(event.groups.visible_to(request.user).values_list("pk", flat=True))
    is_past = event.is_past(now)
    # After the event, the public sees how many suites of each kind, never what they say.
    suites = event.suites.values_list("kind").annotate(n=Count("id")).order_by("kind")
    kinds = dict(Demande.Kind.choices)
    context = {
        "event": event,
        "groups": [(group, group.pk in visible_groups) for group in groups],
        "themes": list(event.themes.all()),
        "counts": event.counts(),
        "places_left": event.places_left(),
        "is_open": is_open,
        "is_past": is_past,
        "form": form,
        "my_registration": mine,
        "is_organiser": is_organiser(request.user, event),
        "suites": [(kinds.get(kind, kind), n) for kind, n in suites] if is_past else [],
    }
    return TemplateResponse(request, "events/detail.html", context, status=status)


@never_cache
def detail(request, slug):
    return _detail(request, visible_event(request, slug))


@require_POST
@sensitive_post_parameters("name", "contact")
@never_cache
def register(request, slug):
    event = visible_event(request, slug)
    if RegistrationForm.is_robot(request.POST):
        # A robot filled the field people never see: it is told all went well; nothing is kept.
        return TemplateResponse(request, "events/merci.html", {"event": event})
    if event.is_cancelled:
        messages.error(request, EVENT_CANCELLED)
        return redirect(event)
    if not event.registration_is_open():
        messages.error(request, _("Les inscriptions sont closes : l'événement a commencé."))
        return redirect(event)
    form = RegistrationForm(request.POST)
    if _registration_limited(request):
        form.is_valid()
        form.add_error(None, RATE_LIMITED)
        return _detail(request, event, form, status=429)
    if not form.is_valid():
        return _detail(request, event, form)
    data = form.cleaned_data
    try:
        registration, created = waitlist.register(
            event,
            name=data["name"],
            contact=data["contact"],
            user=request.user if request.user.is_authenticated else None,
            submission_key=data["submission_key"],
        )
    except waitlist.EventCancelled:
        # Cancelled while the form was being filled in.
        messages.error(request, EVENT_CANCELLED)
        return redirect(event)
    if not created and registration.created_at < timezone.now() - RESEND_WINDOW:
        return TemplateResponse(request, "events/deja_envoye.html", {"event": event})
    return redirect(registration.get_absolute_url() + "?nouvelle=1")


@never_cache
def registration_page(request, token):
    registration = Registration.from_token(token) if len(token) <= MAX_TOKEN_LENGTH else None
    if registration is None:
        # A link cut in two by a mail program, or copied by hand: say so, not « page not found ».
        response = TemplateResponse(request, "events/lien_invalide.html", status=404)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
    event = registration.event
    if request.method == "POST":
        if request.POST.get("action") != "annuler":
            messages.error(request, _("Ce bouton n'est pas reconnu. Réessayez depuis la page."))
        elif not registration.is_active:
            messages.info(request, _("Cette inscription était déjà annulée."))
        elif event.is_past():
            messages.error(request, _("L'événement est passé : il n'y a plus rien à annuler."))
        else:
            waitlist.cancel(registration)
            messages.success(
                request,
                _(
                    "Votre inscription est annulée. Merci d'avoir prévenu : la place peut servir "
                    "à quelqu'un d'autre."
                ),
            )
        return redirect(request.path)
    context = {
        "registration": registration,
        "event": event,
        "position": registration.waitlist_position(),
        "is_new": request.GET.get("nouvelle") == "1",
        "link": settings.SITE_URL + request.path,
        "can_cancel": registration.is_active and not event.is_past() and not event.is_cancelled,
    }
    response = TemplateResponse(request, "events/registration.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
