"""What everyone reads: the list of published questions, a question's page with its pistes,
readers' reactions (« ça m'a aidé », « pas encore », « moi aussi ») and reports.

Visibility starts from the person: `Question.objects.visible_to(request.user)` gives the public
questions to everyone, the private approved ones to group members, everything to moderators.
Readers are never asked for an account: a reaction or a report remembers the browser by a random
cookie, of which only a hash is stored.
"""

import hashlib
import re
import secrets

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from portail.core import page_cache
from portail.core.page_cache import public_page
from portail.questions import links
from portail.questions.forms.public import QuestionFilterForm, ReportForm
from portail.questions.models import Piste, Question, Reaction, Report

PAGE_SIZE = 20
RELATED_COUNT = 5
BROWSER_COOKIE = "navigateur"
BROWSER_COOKIE_AGE = 60 * 60 * 24 * 365
_BROWSER_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def rate(name):
    """Read the rate at request time, so a changed setting (or a test) takes effect at once."""

    def read(group, request):
        return settings.RATE_LIMITS[name]

    return read


# --- The browser cookie ---------------------------------------------------------------------------


def browser_id(request):
    value = request.COOKIES.get(BROWSER_COOKIE, "")
    return value if _BROWSER_ID.match(value) else ""


def browser_id_or_new(request):
    """(id, is_new): the browser's random id, created on its first reaction or report."""
    existing = browser_id(request)
    return (existing, False) if existing else (secrets.token_urlsafe(24), True)


def set_browser_cookie(response, value):
    response.set_cookie(
        BROWSER_COOKIE,
        value,
        max_age=BROWSER_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.HTTPS,
    )
    return response


# --- Pistes ---------------------------------------------------------------------------------------


def pistes_with_links(question):
    """The question's pistes, each with `resolved_links` [(kind label, title, url)] — the links
    whose target still exists, found with one query per kind for all the pistes together."""
    pistes = list(Piste.objects.filter(question=question).prefetch_related("links"))
    found = {}
    for link, title, url in links.resolve_links([link for p in pistes for link in p.links.all()]):
        kind = links.get(link.kind)
        found.setdefault(link.piste_id, []).append((kind.label if kind else "", title, url))
    for piste in pistes:
        piste.resolved_links = found.get(piste.pk, [])
    return pistes


# --- The list -------------------------------------------------------------------------------------


# The states as readers see them (a question waiting for moderation is « en cours de
# relecture », a rejected one is simply « non publiée »).
STATUS_LABELS = {
    Question.Status.RECEIVED: _lazy("En cours de relecture"),
    Question.Status.PUBLISHED: _lazy("En attente d'une piste"),
    Question.Status.ANSWERED: _lazy("Piste donnée"),
    Question.Status.RESOLVED: _lazy("Résolue"),
    Question.Status.CLOSED: _lazy("Close"),
    Question.Status.REJECTED: _lazy("Non publiée"),
    Question.Status.DUPLICATE: _lazy("Réunie avec une question proche"),
}
# Never loaded for public pages: what only moderators may read.
MODERATORS_ONLY = ("original_text", "email", "detected_spans", "rejection_reason")


def prepare_for_list(questions):
    """`piste_count` (one query whatever the page's length) and `status_label` on each
    question of a page."""
    counts = dict(
        Piste.objects.filter(question__in=[q.pk for q in questions])
        .values_list("question")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for question in questions:
        question.piste_count = counts.get(question.pk, 0)
        question.status_label = STATUS_LABELS[question.status]
    return questions


def cached(parts, build):
    """`build()` once, then from the cache until the portal's data changes (the page cache's
    version, bumped by every save) or PAGE_CACHE_SECONDS pass. For what is the same for every
    reader allowed to see it — signed in or not, unlike the whole-page cache. Counters changed
    by reactions (updated without a save) may lag by that delay."""
    timeout = settings.PAGE_CACHE_SECONDS
    if not timeout:
        return build()
    raw = ":".join(str(part) for part in (page_cache.version(), get_language(), *parts))
    key = "questions:fragment:" + hashlib.sha256(raw.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def _list_content(request):
    form = QuestionFilterForm(request.GET or None)
    questions = form.filter(Question.objects.public().with_list_relations().defer(*MODERATORS_ONLY))
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = prepare_for_list(list(page.object_list))
    context = {
        "form": form,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
        "is_filtered": form.is_filtered(),
    }
    return {
        "page_number": page.number,
        "content": render_to_string("questions/_liste.html", context, request=request),
    }


@public_page
def question_list(request):
    parts = cached(("liste", request.get_full_path()), lambda: _list_content(request))
    return TemplateResponse(request, "questions/list.html", parts)


# --- A question's page ----------------------------------------------------------------------------


def related_questions(question):
    """Up to five other public questions on the same subject, otherwise on the same theme."""
    others = Question.objects.public().exclude(pk=question.pk).only("pk", "text")
    for field in ("subject", "theme"):
        value = getattr(question, f"{field}_id")
        if value:
            # Newest by id: walks the foreign key's index backwards and stops at five, where
            # sorting by date would read every question of the theme.
            related = list(others.filter(**{f"{field}_id": value}).order_by("-pk")[:RELATED_COUNT])
            if related:
                return related
    return []


def reactions_context(request, question, has_pistes, just_done=""):
    return {
        "question": question,
        "chosen": Reaction.of_browser(question, browser_id(request)),
        "has_pistes": has_pistes,
        "just_done": just_done,
    }


def _title(question):
    kind = _("Témoignage") if question.kind == Question.Kind.TESTIMONY else _("Question")
    about = question.subject.title if question.subject else getattr(question.theme, "name", "")
    return f"{kind} : {about}" if about else kind


def _question_parts(question):
    pistes = pistes_with_links(question)
    context = {
        "question": question,
        "title": _title(question),
        "pistes": pistes,
        "related": related_questions(question),
        "is_private_approved": question.is_approved,
    }
    template = "questions/_question_parts.html"
    return {
        "title": context["title"],
        "description": Truncator(question.text).chars(150),
        "has_pistes": bool(pistes),
        "body": render_to_string(f"{template}#body", context),
        "related": render_to_string(f"{template}#related", context),
    }


def question_detail(request, pk):
    question = get_object_or_404(
        Question.objects.visible_to(request.user).with_list_relations().defer(*MODERATORS_ONLY),
        pk=pk,
    )
    parts = cached(("question", question.pk), lambda: _question_parts(question))
    context = reactions_context(request, question, has_pistes=parts["has_pistes"])
    context["parts"] = parts
    return TemplateResponse(request, "questions/detail.html", context)


@require_POST
def react(request, pk):
    question = get_object_or_404(Question.objects.visible_to(request.user), pk=pk)
    kind = request.POST.get("reaction", "")
    if kind not in Reaction.Kind.values:
        return HttpResponseBadRequest(_("Cette réaction n'existe pas."))
    identity, is_new = browser_id_or_new(request)
    has_pistes = question.pistes.exists()
    if kind != Reaction.Kind.ME_TOO and not has_pistes:
        message = _("Il n'y a pas encore de piste à juger pour cette question.")
        done = ""
    else:
        Reaction.react(question, kind, identity)
        message = _("Merci, votre réponse est comptée.")
        done = kind
    question.refresh_from_db()
    if request.htmx:
        # The partial reads the browser's choices from the cookie it is about to receive.
        request.COOKIES[BROWSER_COOKIE] = identity
        context = reactions_context(request, question, has_pistes, just_done=done)
        context["status_message"] = message
        response = TemplateResponse(request, "questions/detail.html#reactions", context)
    else:
        (messages.success if done else messages.warning)(request, message)
        response = redirect(f"{question.get_absolute_url()}#reactions")
    if is_new:
        set_browser_cookie(response, identity)
    return response


@ratelimit(key="ip", rate=rate("report_ip"), method="POST", block=False)
def report(request, pk):
    question = get_object_or_404(
        Question.objects.visible_to(request.user).with_list_relations(), pk=pk
    )
    form = ReportForm(
        request.POST if request.method == "POST" else None,
        question=question,
        initial={"piste": request.GET.get("piste")},
    )
    status = 200
    if request.method == "POST" and getattr(request, "limited", False):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Beaucoup de signalements sont partis de cette adresse en peu de temps. "
                "Attendez un peu avant de réessayer, ou écrivez-nous par la page Contact."
            ),
        )
        status = 429
    elif request.method == "POST" and form.is_valid():
        identity, is_new = browser_id_or_new(request)
        Report.file(
            question,
            form.cleaned_data["reason"],
            comment=form.cleaned_data["comment"],
            piste=form.cleaned_data["piste"],
            browser_id=identity,
        )
        messages.success(
            request,
            _(
                "Merci de nous avoir prévenus. Une personne de l'équipe va relire ce message "
                "et le corriger ou le retirer si besoin."
            ),
        )
        response = redirect(question.get_absolute_url())
        if is_new:
            set_browser_cookie(response, identity)
        return response
    return TemplateResponse(
        request, "questions/report.html", {"form": form, "question": question}, status=status
    )
