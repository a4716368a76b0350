"""The public side: what the housing group can do for you (the landing page), one form per kind
of request (filled by the person, or by a group member on their behalf), the private follow-up
page reached through the link's token, and « Mes demandes » for people signed in.

Abuse is kept out as for questions (portail/questions/views/ask.py, whose helpers are used
here): a honeypot field, a rate limit per address and per browser session, and the form's
submission key, so that sending the same form twice stores one request and shows the same link.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.core import is_ratelimited

from portail.accounts.roles import is_any_group_member, is_moderator
from portail.core.page_cache import public_page
from portail.demandes import notifications
from portail.demandes.forms.public import FORMS
from portail.demandes.models import Demande
from portail.questions.views.ask import MAX_TOKEN_LENGTH, RESEND_WINDOW, session_key
from portail.questions.views.public import rate

PRIVATE_FIELDS = ("summary", "contact_name", "contact_email", "contact_phone", "address")

RATE_LIMITED = gettext_lazy(
    "Beaucoup de demandes sont parties de cet appareil ou de cette adresse en peu de temps. "
    "Pour la sécurité de tous, attendez une dizaine de minutes, puis envoyez à nouveau : "
    "votre texte est gardé ci-dessous."
)


TITLES = {
    Demande.Kind.ACCOMPANIMENT: gettext_lazy("Demander un accompagnement"),
    Demande.Kind.BUILDING: gettext_lazy("Demander une réunion des locataires d'un immeuble"),
    Demande.Kind.INTERVENTION: gettext_lazy("Demander une intervention dans votre groupe"),
    Demande.Kind.OTHER: gettext_lazy("Faire une autre demande"),
}


def form_class(kind):
    try:
        return FORMS[Demande.Kind(kind)]
    except ValueError:
        raise Http404 from None


def follow_path(demande):
    return reverse("demandes:follow", args=[demande.follow_token])


def _submission_limited(request):
    """Per address and per browser, with the rates of the questions' form but counters of
    their own."""
    limited = False
    for key, name in (("ip", "ask_ip"), (session_key, "ask_session")):
        limited |= is_ratelimited(
            request,
            group=f"demandes.new.{name}",
            key=key,
            rate=rate(name),
            method="POST",
            increment=True,
        )
    return limited


def _store(request, form, **extra):
    """Store the request once, tell the requester, show the link (post/redirect/get)."""
    with transaction.atomic():
        demande, created = Demande.submit(**form.demande_fields(), **extra)
        if created:
            notifications.notify_requester(demande, notifications.RECEIVED)
    if not created and demande.created_at <= timezone.now() - RESEND_WINDOW:
        return TemplateResponse(request, "demandes/deja_envoyee.html")
    suffix = "?nouvelle=1&saisie=1" if extra.get("entered_by") else "?nouvelle=1"
    return redirect(follow_path(demande) + suffix)


@public_page
def index(request):
    may_enter = request.user.is_authenticated and (
        is_moderator(request.user) or is_any_group_member(request.user)
    )
    return TemplateResponse(
        request, "demandes/index.html", {"kinds": Demande.Kind, "may_enter": may_enter}
    )


@sensitive_post_parameters(*PRIVATE_FIELDS)
@never_cache
def new(request, kind):
    form_cls = form_class(kind)
    status = 200
    if request.method == "POST":
        if form_cls.is_robot(request.POST):
            # A robot filled the field people never see: told all went well, nothing stored.
            return TemplateResponse(request, "demandes/merci.html")
        form = form_cls(request.POST)
        if _submission_limited(request):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            requester = request.user if request.user.is_authenticated else None
            return _store(request, form, requester=requester, origin=Demande.Origin.ONLINE)
    else:
        initial = {}
        if request.user.is_authenticated:
            user = request.user
            initial = {"contact_email": user.email, "contact_name": user.display_name}
        form = form_cls(initial=initial)
    context = {"form": form, "kind": form_cls.kind, "title": TITLES[form_cls.kind]}
    return TemplateResponse(request, "demandes/new.html", context, status=status)


@login_required
@sensitive_post_parameters(*PRIVATE_FIELDS)
@never_cache
def enter_on_behalf(request, kind):
    """A group member files a request for someone met at a permanence, by phone, at an event."""
    if not (is_moderator(request.user) or is_any_group_member(request.user)):
        raise PermissionDenied
    form_cls = form_class(kind)
    form = form_cls(request.POST if request.method == "POST" else None, on_behalf=True)
    if request.method == "POST" and form.is_valid():
        return _store(request, form, entered_by=request.user, origin=Demande.Origin.ON_BEHALF)
    context = {
        "form": form,
        "kind": form_cls.kind,
        "title": TITLES[form_cls.kind],
        "on_behalf": True,
    }
    return TemplateResponse(request, "demandes/new.html", context)


# --- Following a request ---------------------------------------------------------------------

STEPS = (
    (Demande.Status.NEW, gettext_lazy("Reçue")),
    (Demande.Status.ASSIGNED, gettext_lazy("Confiée à une équipe")),
    (Demande.Status.IN_PROGRESS, gettext_lazy("En cours")),
    (Demande.Status.CLOSED, gettext_lazy("Terminée")),
)


def progress(demande):
    """The steps of the follow-up page, each (label, done, current)."""
    reached = [status for status, _label in STEPS].index(demande.status)
    return [(label, index <= reached, index == reached) for index, (_s, label) in enumerate(STEPS)]


def follow_context(request, demande, **extra):
    """What the requester sees: the steps, the group in charge, the messages written for them,
    the issue. Never the internal notes, never who in the group, never the contact details."""
    return {
        "demande": demande,
        "steps": progress(demande),
        "messages_for_requester": demande.notes.filter(for_requester=True),
        "is_new": request.GET.get("nouvelle") == "1",
        "entered_for_someone": request.GET.get("saisie") == "1",
        **extra,
    }


def _noindex(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def follow(request, token):
    demande = Demande.from_token(token) if len(token) <= MAX_TOKEN_LENGTH else None
    if demande is None:
        # A link cut in two, copied by hand, or erased with the request after the retention
        # period: say which, not « page not found ».
        return _noindex(TemplateResponse(request, "demandes/lien_invalide.html", status=404))
    context = follow_context(request, demande, follow_link=notifications.follow_url(demande))
    return _noindex(TemplateResponse(request, "demandes/follow.html", context))


@login_required
@never_cache
def mine(request):
    demandes = Demande.objects.filter(requester=request.user).select_related("assigned_group")
    page = Paginator(demandes, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "demandes/mine.html", {"page": page})


@login_required
@never_cache
def mine_detail(request, pk):
    demande = get_object_or_404(Demande.objects.filter(requester=request.user), pk=pk)
    context = follow_context(request, demande, from_mine=True)
    return _noindex(TemplateResponse(request, "demandes/follow.html", context))
