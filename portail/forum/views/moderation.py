"""Moderation of the public forum, in the same place as the questions': the queue
(questions:moderation) lists the forum's messages awaiting review next to the questions, the
reports page (questions:reports) its reported messages, the audit trail (questions:audit) its
decisions. The pages here are the forum's own actions: one message with its personal data
highlighted and the decisions (publish the masked text, corrected if needed, or refuse with a
reason), and the two answers to a report (keep, hide).

Messages of a groupe de parole never come here: they are not moderated by the portal's team.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portail.forum import notifications
from portail.forum.forms import ApproveForm, HideForm, RejectForm
from portail.forum.models import ForumPost, ForumReport
from portail.privacy.masking import KIND_LABELS, highlight_segments
from portail.questions.models import InvalidTransition
from portail.questions.views.moderation import highlighted, moderator_required


def title_segments(thread):
    return [
        (segment, kind or "", KIND_LABELS.get(kind, kind) if kind else "")
        for segment, kind in highlight_segments(thread.original_title, thread.title_spans)
    ]


def _next_in_queue(after):
    following = ForumPost.objects.awaiting_moderation().exclude(pk=after.pk).only("pk").first()
    if following is None:
        return reverse("questions:moderation")
    return reverse("forum:moderate", args=[following.pk])


def _decide(request, post):
    """Apply the decision posted for `post`. Returns (success message, bound forms)."""
    action = request.POST.get("action")
    if action == "publier":
        form = ApproveForm(request.POST, with_title=post.is_opening)
        if not form.is_valid():
            return None, {"approve_form": form}
        post.approve(
            request.user, text=form.cleaned_data["texte"], title=form.cleaned_data.get("title")
        )
        notifications.notify_published(post)
        notifications.notify_participants(post)
        return _("Le message n° %(pk)s est publié.") % {"pk": post.pk}, {}
    if action == "refuser":
        form = RejectForm(request.POST)
        if not form.is_valid():
            return None, {"reject_form": form}
        post.reject(request.user, form.cleaned_data["motif"])
        notifications.notify_rejected(post)
        return _("Le message n° %(pk)s est refusé ; le motif est envoyé à la personne.") % {
            "pk": post.pk
        }, {}
    if action == "retablir":
        post.restore(request.user)
        return _("Le message n° %(pk)s est de nouveau publié.") % {"pk": post.pk}, {}
    raise InvalidTransition(_("Ce bouton n'est pas reconnu. Réessayez depuis la page."))


@moderator_required
def moderate(request, pk):
    post = get_object_or_404(
        ForumPost.objects.filter(thread__group__isnull=True).select_related(
            "thread__theme", "thread__author", "author"
        ),
        pk=pk,
    )
    bound = {}
    if request.method == "POST":
        try:
            message, bound = _decide(request, post)
        except InvalidTransition as exc:
            messages.error(request, str(exc))
            return redirect("forum:moderate", pk=post.pk)
        if message:
            following = _next_in_queue(post)
            messages.success(request, message)
            return redirect(following)
    thread = post.thread
    context = {
        "post": post,
        "thread": thread,
        "segments": highlighted(post),
        "title_segments": title_segments(thread) if post.is_opening else [],
        "history": post.actions.select_related("actor")[:20],
        "earlier": thread.posts.published()
        .exclude(pk=post.pk)
        .filter(created_at__lt=post.created_at)
        .select_related("author")
        .order_by("-created_at")[:3],
        "approve_form": ApproveForm(
            initial={"texte": post.text, "title": thread.title}, with_title=post.is_opening
        ),
        "reject_form": RejectForm(),
        **bound,
    }
    return TemplateResponse(
        request, "forum/moderation/item.html", context, status=400 if bound else 200
    )


@moderator_required
@require_POST
def handle_report(request, pk):
    """Keep the message (the report is handled) or hide it (every open report on it is)."""
    report = ForumReport.open().filter(pk=pk).select_related("post__thread").first()
    if report is None:
        messages.error(request, _("Ce signalement est déjà traité ou n'existe plus."))
        return redirect("questions:reports")
    post = report.post
    action = request.POST.get("action")
    if action == "garder":
        report.handle(request.user)
        messages.success(request, _("Le signalement est traité : le message reste publié."))
    elif action == "masquer":
        form = HideForm(request.POST, prefix=f"f{report.pk}")
        if not form.is_valid():
            # The reports page belongs to the questions; the form comes back here, with what
            # was typed and the error next to it.
            return TemplateResponse(
                request,
                "forum/moderation/hide.html",
                {"report": report, "post": post, "form": form},
                status=400,
            )
        try:
            post.hide(request.user, form.cleaned_data["motif"])
        except InvalidTransition as exc:
            messages.error(request, str(exc))
            return redirect("questions:reports")
        ForumReport.handle_all(post, by=request.user)
        messages.success(
            request,
            _("Le message n° %(pk)s est masqué ; ses signalements sont traités.") % {"pk": post.pk},
        )
    else:
        messages.error(request, _("Ce bouton n'est pas reconnu. Réessayez depuis la page."))
    return redirect("questions:reports")
