"""Groupes de parole: the private threads of one group, for its members only.

The rules (see portail/forum/access.py): outsiders get a 404, whatever their role; a member
reads the charter, accepts it, and only then reads and writes. Nothing here is ever cached,
indexed, searched or put in a feed. Messages are read at once by the group: there is no
moderation queue, but the masking engine proposes, before sending, to hide what it found
(names, addresses, numbers); the member chooses. The group's facilitators may hide a message.

A member may alert the facilitators about a message (« Signaler aux animateurs »): the report
goes to them only, never to the moderators or the staff; they find it at the top of the space,
without the name of who reported, and hide the message or leave it.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from portail.forum import notifications
from portail.forum.access import can_hide_in_group, group_for_member, has_accepted_charter
from portail.forum.forms import (
    CharterForm,
    HideForm,
    PrivateReplyForm,
    PrivateThreadForm,
    ReportForm,
)
from portail.forum.models import (
    CHARTER_VERSION,
    CharterAcceptance,
    ForumPost,
    ForumReport,
    ForumThread,
    Status,
)
from portail.forum.views.common import (
    RATE_LIMITED,
    duplicate_since,
    group_report_rate,
    paginate,
    post_rate,
    private_page,
)
from portail.privacy.masking import KIND_LABELS, mask_with_spans
from portail.questions.models import InvalidTransition

# Where the facilitators' decision on a report was taken: they go back there.
FROM_REPORTS = "signalements"

ALREADY_REPORTED = _lazy(
    "Vous avez déjà signalé ce message : les animateurs du groupe sont prévenus."
)
REPORTS_LIMITED = _lazy(
    "Vous avez envoyé beaucoup de signalements en peu de temps. Attendez un peu avant de "
    "réessayer, ou parlez-en directement à un animateur du groupe."
)

# The two buttons shown when the masking engine found personal data in a message.
SEND_MASKED = "masquee"
SEND_AS_WRITTEN = "tel-quel"


def _charter_first(request, group):
    """The redirect to the charter, or None when this member accepted its current version."""
    if has_accepted_charter(request.user, group):
        return None
    messages.info(
        request,
        _("Avant d'entrer dans le groupe de parole, lisez et acceptez sa charte."),
    )
    url = reverse("forum:charter", args=[group.slug])
    return redirect(f"{url}?suite={request.path}")


def _rate_limited(request):
    return is_ratelimited(
        request, group="forum.post", key="user", rate=post_rate, method="POST", increment=True
    )


def _report_rate_limited(request):
    return is_ratelimited(
        request,
        group="forum.group_report",
        key="user",
        rate=group_report_rate,
        method="POST",
        increment=True,
    )


# --- Masking as a suggestion ---------------------------------------------------------------


def _masking(request, **texts):
    """Decide what to send. Returns (texts to store, suggestion): the suggestion (what was
    found and the masked version) when the member still has to choose, texts otherwise."""
    results = {name: mask_with_spans(value) for name, value in texts.items()}
    found = sorted(
        {str(KIND_LABELS.get(span.kind, span.kind)) for r in results.values() for span in r.spans}
    )
    choice = request.POST.get("choix")
    if not found or choice == SEND_AS_WRITTEN:
        return texts, None
    if choice == SEND_MASKED:
        return {name: result.text for name, result in results.items()}, None
    return None, {"kinds": found, **{name: result.text for name, result in results.items()}}


# --- The space and its charter ------------------------------------------------------------


@private_page
def space(request, group_slug):
    group = group_for_member(request.user, group_slug)
    if redirect_to := _charter_first(request, group):
        return redirect_to
    is_facilitator = can_hide_in_group(request.user, group)
    return _space_response(request, group, is_facilitator)


def _reported_posts(group, bound_hide=None):
    """The group's messages with open reports, the oldest report first, each with its reports
    (reason, comment, date: never who reported) and the form to hide it."""
    reports = (
        ForumReport.objects.of_group(group)
        .unhandled()
        .select_related("post__thread", "post__author")
        .order_by("created_at", "id")
    )
    posts = {}
    for report in reports:
        post = posts.setdefault(report.post_id, report.post)
        post.open_reports = [*getattr(post, "open_reports", []), report]
    for post in posts.values():
        if bound_hide and bound_hide[0] == post.pk:
            post.hide_form = bound_hide[1]
        else:
            post.hide_form = HideForm(prefix=f"m{post.pk}")
    return list(posts.values())


def _space_response(request, group, is_facilitator, status=200, bound_hide=None):
    threads = (
        ForumThread.objects.readable_in_group(request.user, group, is_facilitator)
        .with_counts()
        .select_related("author")
        .newest_activity_first()
    )
    page, page_range = paginate(request, threads)
    context = {
        "group": group,
        "page": page,
        "page_range": page_range,
        "is_facilitator": is_facilitator,
        "reported_posts": _reported_posts(group, bound_hide) if is_facilitator else [],
        "from_reports": FROM_REPORTS,
    }
    return TemplateResponse(request, "forum/groupe/space.html", context, status=status)


@private_page
def charter(request, group_slug):
    group = group_for_member(request.user, group_slug)
    acceptance = (
        CharterAcceptance.objects.filter(user=request.user, group=group, version=CHARTER_VERSION)
        .only("accepted_at")
        .first()
    )
    form = CharterForm(request.POST if request.method == "POST" else None)
    following = request.GET.get("suite") or request.POST.get("suite") or ""
    if not following.startswith(reverse("forum:space", args=[group.slug])) or (
        not url_has_allowed_host_and_scheme(following, allowed_hosts=None)
    ):
        following = reverse("forum:space", args=[group.slug])
    status = 200
    if request.method == "POST":
        if form.is_valid():
            CharterAcceptance.accept(request.user, group)
            messages.success(request, _("Merci. Bienvenue dans le groupe de parole."))
            return redirect(following)
        status = 400
    return TemplateResponse(
        request,
        "forum/groupe/charter.html",
        {
            "group": group,
            "form": form,
            "acceptance": acceptance,
            "following": following,
            "version": CHARTER_VERSION,
        },
        status=status,
    )


# --- Writing --------------------------------------------------------------------------------


@private_page
def new_thread(request, group_slug):
    group = group_for_member(request.user, group_slug)
    if redirect_to := _charter_first(request, group):
        return redirect_to
    form = PrivateThreadForm(request.POST if request.method == "POST" else None)
    suggestion, status = None, 200
    if request.method == "POST":
        if _rate_limited(request):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            texts, suggestion = _masking(
                request, title=form.cleaned_data["title"], text=form.cleaned_data["text"]
            )
            if texts is not None:
                thread = ForumThread.objects.of_group(group).recent_duplicate(
                    request.user, texts["title"], duplicate_since()
                )
                if thread is None:
                    thread = ForumThread.start_private(author=request.user, group=group, **texts)
                messages.success(request, _("Votre message est envoyé au groupe."))
                return redirect(thread)
        else:
            status = 400
    return TemplateResponse(
        request,
        "forum/nouvelle.html",
        {"form": form, "group": group, "theme": None, "suggestion": suggestion},
        status=status,
    )


def _group_thread(request, group, pk, is_facilitator):
    thread = get_object_or_404(ForumThread.objects.of_group(group).select_related("author"), pk=pk)
    if not thread.is_published and not is_facilitator and thread.author_id != request.user.pk:
        raise Http404
    return thread


def _thread_response(request, group, thread, is_facilitator, status=200, **forms):
    posts = list(thread.posts.select_related("author").exclude(status=Status.PENDING))
    bound_hide = forms.pop("hide_form", None)
    if is_facilitator:
        reported = set(
            ForumReport.objects.filter(post__thread=thread)
            .unhandled()
            .values_list("post_id", flat=True)
        )
        for post in posts:
            post.is_reported = post.pk in reported
            if bound_hide and bound_hide[0] == post.pk:
                post.hide_form = bound_hide[1]
            else:
                post.hide_form = HideForm(prefix=f"m{post.pk}")
    context = {
        "group": group,
        "thread": thread,
        "posts": posts,
        "is_facilitator": is_facilitator,
        "reported_by_me": set(
            ForumReport.objects.filter(post__thread=thread, reporter=request.user).values_list(
                "post_id", flat=True
            )
        ),
        "form": forms.get("form") or PrivateReplyForm(),
        "suggestion": forms.get("suggestion"),
    }
    return TemplateResponse(request, "forum/groupe/thread.html", context, status=status)


@private_page
def thread(request, group_slug, pk):
    group = group_for_member(request.user, group_slug)
    if redirect_to := _charter_first(request, group):
        return redirect_to
    is_facilitator = can_hide_in_group(request.user, group)
    thread = _group_thread(request, group, pk, is_facilitator)
    if request.method != "POST":
        return _thread_response(request, group, thread, is_facilitator)

    form = PrivateReplyForm(request.POST)
    if not thread.is_published:
        messages.error(request, _("Cette discussion est masquée : on ne peut plus y répondre."))
        return redirect(thread)
    if _rate_limited(request):
        form.is_valid()
        form.add_error(None, RATE_LIMITED)
        return _thread_response(request, group, thread, is_facilitator, status=429, form=form)
    if not form.is_valid():
        return _thread_response(request, group, thread, is_facilitator, status=400, form=form)
    texts, suggestion = _masking(request, text=form.cleaned_data["text"])
    if texts is None:
        return _thread_response(
            request, group, thread, is_facilitator, form=form, suggestion=suggestion
        )
    post = ForumPost.objects.recent_duplicate(
        thread, request.user, texts["text"], duplicate_since()
    )
    if post is None:
        post = thread.reply(author=request.user, text=texts["text"])
    messages.success(request, _("Votre réponse est envoyée au groupe."))
    return redirect(post.get_absolute_url())


@private_page
@require_POST
def moderate(request, group_slug, pk):
    """A facilitator hides a message of the group, or shows it again."""
    group = group_for_member(request.user, group_slug)
    if redirect_to := _charter_first(request, group):
        return redirect_to
    if not can_hide_in_group(request.user, group):
        raise Http404
    post = get_object_or_404(
        ForumPost.objects.filter(thread__group=group).select_related("thread"), pk=pk
    )
    action = request.POST.get("action")
    from_reports = request.POST.get("depuis") == FROM_REPORTS
    following = _reports_url(group) if from_reports else post.get_absolute_url()
    try:
        if action == "masquer":
            form = HideForm(request.POST, prefix=f"m{post.pk}")
            if not form.is_valid():
                if from_reports:
                    return _space_response(
                        request, group, True, status=400, bound_hide=(post.pk, form)
                    )
                thread = post.thread
                return _thread_response(
                    request, group, thread, True, status=400, hide_form=(post.pk, form)
                )
            post.hide(request.user, form.cleaned_data["motif"])
            # Hiding answers every open report on the message.
            ForumReport.handle_all(post, by=request.user)
            messages.success(request, _("Le message est masqué pour les membres du groupe."))
        elif action == "retablir":
            post.restore(request.user)
            messages.success(request, _("Le message est de nouveau visible du groupe."))
        else:
            messages.error(request, _("Ce bouton n'est pas reconnu. Réessayez depuis la page."))
    except InvalidTransition as exc:
        messages.error(request, str(exc))
    return redirect(following)


def _reports_url(group):
    return f"{reverse('forum:space', args=[group.slug])}#signalements"


# --- Reports to the facilitators -----------------------------------------------------------


@private_page
def report(request, group_slug, pk):
    """« Signaler aux animateurs »: a member alerts the group's facilitators about a message
    of someone else. Nobody else is told."""
    group = group_for_member(request.user, group_slug)
    if redirect_to := _charter_first(request, group):
        return redirect_to
    post = get_object_or_404(
        ForumPost.objects.published()
        .filter(thread__group=group, thread__status=Status.PUBLISHED)
        .exclude(author=request.user)
        .select_related("thread", "author"),
        pk=pk,
    )
    if ForumReport.objects.filter(post=post, reporter=request.user).exists():
        messages.info(request, ALREADY_REPORTED)
        return redirect(post.get_absolute_url())
    form = ReportForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if _report_rate_limited(request):
            form.is_valid()
            form.add_error(None, REPORTS_LIMITED)
            status = 429
        elif form.is_valid():
            filed = ForumReport.file_in_group(
                post,
                request.user,
                form.cleaned_data["reason"],
                comment=form.cleaned_data["comment"],
            )
            if filed is None:
                messages.info(request, ALREADY_REPORTED)
            else:
                notifications.notify_facilitators(filed)
                messages.success(request, _("Les animateurs du groupe sont prévenus."))
            return redirect(post.get_absolute_url())
        else:
            status = 400
    return TemplateResponse(
        request,
        "forum/groupe/report.html",
        {"group": group, "post": post, "form": form},
        status=status,
    )


@private_page
@require_POST
def leave_reported(request, group_slug, pk):
    """« Laisser le message »: a facilitator closes the open reports on a message, which stays
    visible."""
    group = group_for_member(request.user, group_slug)
    if redirect_to := _charter_first(request, group):
        return redirect_to
    if not can_hide_in_group(request.user, group):
        raise Http404
    post = get_object_or_404(ForumPost.objects.filter(thread__group=group), pk=pk)
    if ForumReport.handle_all(post, by=request.user):
        messages.success(request, _("Le signalement est clos : le message reste visible."))
    else:
        messages.info(request, _("Ce signalement est déjà traité."))
    return redirect(_reports_url(group))
