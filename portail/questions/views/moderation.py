"""Moderation: the queue of new questions, one question with its personal data highlighted and
the four decisions (publish, keep private, refuse, merge), the audit trail and the readers'
reports. For moderators only: this is where the original texts and the e-mails are seen.

Every decision goes through a method of the model, which writes the audit trail; the view only
reads the form, calls the method, tells the asker and moves on to the next question.
"""

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portail.accounts.roles import is_moderator
from portail.questions import notifications
from portail.questions.forms.team import (
    ApproveForm,
    AuditFilterForm,
    DuplicateForm,
    DuplicateSearchForm,
    EditTextForm,
    RejectForm,
    UnpublishForm,
)
from portail.questions.models import InvalidTransition, ModerationAction, Question, Report

QUEUE_PAGE_SIZE = 50
AUDIT_PAGE_SIZE = 50
REPORTS_PAGE_SIZE = 30
SEARCH_RESULTS = 10


def moderator_required(view):
    """Anonymous visitors go to the login page, signed-in people who do not moderate get the
    403 page. Moderation pages are never cached: they show private data."""

    def check(user):
        if not user.is_authenticated:
            return False
        if not is_moderator(user):
            raise PermissionDenied
        return True

    return never_cache(user_passes_test(check)(view))


def _page(request, queryset, size):
    page = Paginator(queryset, size).get_page(request.GET.get("page"))
    return page, page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


def _queue():
    return Question.objects.awaiting_moderation().order_by("created_at", "id")


# --- The queue -----------------------------------------------------------------------------------


@moderator_required
def queue(request):
    questions = _queue().select_related("theme", "quartier__commune", "entered_by")
    page, page_range = _page(request, questions, QUEUE_PAGE_SIZE)
    counts = Question.objects.awaiting_moderation().aggregate(
        testimonies=Count("pk", filter=Q(kind=Question.Kind.TESTIMONY)),
        without_consent=Count("pk", filter=Q(consent_publication=False)),
        entered=Count("pk", filter=Q(entered_by__isnull=False)),
    )
    counts["total"] = page.paginator.count
    counts["reports"] = Report.objects.filter(handled_at__isnull=True).count()
    return TemplateResponse(
        request,
        "questions/moderation/queue.html",
        {"page": page, "page_range": page_range, "counts": counts},
    )


# --- One question --------------------------------------------------------------------------------


def highlighted(question):
    """The original text in segments, [(text, kind, label)], kind and label empty outside the
    detected personal data."""
    from portail.privacy.masking import KIND_LABELS, highlight_segments

    return [
        (segment, kind or "", KIND_LABELS.get(kind, kind) if kind else "")
        for segment, kind in highlight_segments(question.original_text, question.detected_spans)
    ]


def _next_in_queue(after):
    following = _queue().exclude(pk=after.pk).only("pk").first()
    if following is None:
        return reverse("questions:moderation")
    return reverse("questions:moderate", args=[following.pk])


def _decide(request, question):
    """Apply the decision posted for `question`. Returns (success message, forms to show
    again with their errors)."""
    action = request.POST.get("action")
    if action in ("publier", "privee"):
        form = ApproveForm(request.POST)
        if not form.is_valid():
            return None, {"approve_form": form}
        text = form.cleaned_data["texte"]
        if action == "publier" and question.consent_publication:
            question.approve(request.user, text=text)
            return _("La question n° %(pk)s est publiée.") % {"pk": question.pk}, {}
        question.keep_private(request.user, text=text)
        return _("La question n° %(pk)s est gardée privée : le groupe y répondra en privé.") % {
            "pk": question.pk
        }, {}
    if action == "refuser":
        form = RejectForm(request.POST)
        if not form.is_valid():
            return None, {"reject_form": form}
        question.reject(request.user, form.cleaned_data["motif"])
        sent = notifications.notify_rejected(question)
        message = _("La question n° %(pk)s est refusée.") % {"pk": question.pk}
        if sent:
            message += " " + _("Le motif est envoyé à la personne par e-mail.")
        return message, {}
    if action == "doublon":
        form = DuplicateForm(request.POST, question=question)
        if not form.is_valid():
            return None, {"duplicate_form": form}
        question.mark_duplicate(request.user, form.cleaned_data["originale"])
        notifications.notify_duplicate(question)
        return _(
            "La question n° %(pk)s est réunie avec la question n° %(original)s, qui compte une "
            "personne concernée de plus."
        ) % {"pk": question.pk, "original": question.duplicate_of_id}, {}
    raise InvalidTransition(_("Ce bouton n'est pas reconnu. Réessayez depuis la page."))


@moderator_required
def item(request, pk):
    question = get_object_or_404(
        Question.objects.select_related(
            "theme", "subject", "quartier__commune", "entered_by", "author", "duplicate_of"
        ),
        pk=pk,
    )
    bound = {}
    if request.method == "POST":
        try:
            message, bound = _decide(request, question)
        except InvalidTransition as exc:
            messages.error(request, str(exc))
            return redirect("questions:moderate", pk=question.pk)
        if message:
            following = _next_in_queue(question)
            if following != reverse("questions:moderation"):
                message += " " + _("Voici la suivante.")
            else:
                message += " " + _("Il n'y a plus de question à relire.")
            messages.success(request, message)
            return redirect(following)

    search_form = DuplicateSearchForm(request.GET or None)
    results = []
    if question.is_awaiting_moderation and search_form.is_valid():
        words = search_form.cleaned_data["recherche"]
        if words:
            results = list(
                Question.objects.public()
                .exclude(pk=question.pk)
                .containing(words)
                .order_by("-me_too_count", "-created_at")
                .only("pk", "text", "status", "me_too_count", "created_at")[:SEARCH_RESULTS]
            )
    context = {
        "question": question,
        "segments": highlighted(question),
        "history": question.actions.select_related("actor")[:20],
        "open_reports": question.reports.filter(handled_at__isnull=True).count(),
        "approve_form": ApproveForm(initial={"texte": question.text}),
        "reject_form": RejectForm(),
        "duplicate_form": DuplicateForm(question=question),
        "search_form": search_form,
        "results": results,
        **bound,
    }
    status = 400 if bound else 200
    return TemplateResponse(request, "questions/moderation/item.html", context, status=status)


# --- The audit trail -----------------------------------------------------------------------------


@moderator_required
def audit(request):
    form = AuditFilterForm(request.GET or None)
    actions = ModerationAction.objects.select_related("actor", "question").order_by(
        "-created_at", "-id"
    )
    if form.is_bound:
        form.is_valid()
        actions = form.filter(actions)
    page, page_range = _page(request, actions, AUDIT_PAGE_SIZE)
    return TemplateResponse(
        request,
        "questions/moderation/audit.html",
        {"form": form, "page": page, "page_range": page_range},
    )


# --- Reports -------------------------------------------------------------------------------------


def _handle_report(request, report):
    """Apply the action posted on `report`. Returns (success message, bound forms)."""
    question = report.question
    action = request.POST.get("action")
    if action == "traite":
        report.handle(request.user)
        return _("Le signalement est marqué comme traité."), {}
    if action == "retirer":
        form = UnpublishForm(request.POST, prefix=f"s{report.pk}")
        if not form.is_valid():
            return None, {"unpublish_form": form}
        question.unpublish(request.user, form.cleaned_data["motif"])
        for open_report in question.reports.filter(handled_at__isnull=True):
            open_report.handle(request.user)
        return _(
            "La question n° %(pk)s est retirée du portail ; ses signalements sont traités."
        ) % {"pk": question.pk}, {}
    if action == "modifier":
        form = EditTextForm(request.POST, prefix=f"s{report.pk}")
        if not form.is_valid():
            return None, {"edit_form": form}
        changed = question.edit_text(request.user, form.cleaned_data["texte"])
        report.handle(request.user)
        if changed:
            return _("Le texte de la question n° %(pk)s est modifié.") % {"pk": question.pk}, {}
        return _("Le texte n'a pas changé ; le signalement est marqué comme traité."), {}
    raise InvalidTransition(_("Ce bouton n'est pas reconnu. Réessayez depuis la page."))


@moderator_required
def reports(request):
    bound, bound_pk = {}, None
    if request.method == "POST":
        pk = request.POST.get("signalement", "")
        report = None
        if pk.isdigit():
            report = (
                Report.objects.filter(pk=int(pk), handled_at__isnull=True)
                .select_related("question")
                .first()
            )
        if report is None:
            messages.error(request, _("Ce signalement est déjà traité ou n'existe plus."))
            return redirect("questions:reports")
        try:
            message, bound = _handle_report(request, report)
        except InvalidTransition as exc:
            messages.error(request, str(exc))
            return redirect("questions:reports")
        if message:
            messages.success(request, message)
            return redirect("questions:reports")
        bound_pk = report.pk

    open_reports = (
        Report.objects.filter(handled_at__isnull=True)
        .select_related("question", "piste")
        .order_by("created_at", "id")
    )
    page, page_range = _page(request, open_reports, REPORTS_PAGE_SIZE)
    for report in page:
        prefix = f"s{report.pk}"
        mine = bound if report.pk == bound_pk else {}
        report.unpublish_form = mine.get("unpublish_form") or UnpublishForm(prefix=prefix)
        report.edit_form = mine.get("edit_form") or EditTextForm(
            prefix=prefix, initial={"texte": report.question.text}
        )
    return TemplateResponse(
        request,
        "questions/moderation/reports.html",
        {"page": page, "page_range": page_range},
        status=400 if bound else 200,
    )
