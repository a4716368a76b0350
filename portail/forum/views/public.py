"""The public forum: themes, their threads, a thread with its replies, writing (signed in), and
reporting a message (anyone, without an account).

Everything written here waits for a moderator: until then only its author (and the moderators)
see it, « en attente de relecture ». Readers see the masked text, never the original.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from portail.accounts.roles import is_moderator
from portail.core.page_cache import public_page
from portail.forum.access import can_write_publicly
from portail.forum.forms import ReplyForm, ReportForm, ThreadForm
from portail.forum.models import ForumMute, ForumPost, ForumReport, ForumThread, Status
from portail.forum.views.common import (
    RATE_LIMITED,
    duplicate_since,
    noindex,
    paginate,
    post_rate,
)
from portail.groups.models import Group
from portail.places.models import Theme
from portail.questions.views.public import browser_id_or_new, rate, set_browser_cookie

LATEST_COUNT = 8
# What only moderators may read, never loaded for the public pages.
MODERATORS_ONLY = ("original_text", "detected_spans")


# --- Reading --------------------------------------------------------------------------------


@public_page
def index(request):
    public = ForumThread.objects.public()
    themes = Theme.objects.order_by("order", "name")
    counts = dict(
        public.order_by().values("theme").annotate(count=Count("pk")).values_list("theme", "count")
    )
    for theme in themes:
        theme.thread_count = counts.get(theme.pk, 0)
    latest = (
        public.with_counts()
        .select_related("theme", "author")
        .newest_activity_first()[:LATEST_COUNT]
    )
    return TemplateResponse(
        request,
        "forum/index.html",
        {
            "themes": themes,
            "latest": latest,
            "my_groups": Group.objects.of_user(request.user).order_by("name"),
        },
    )


@public_page
def theme(request, theme_slug):
    theme = get_object_or_404(Theme, slug=theme_slug)
    threads = (
        ForumThread.objects.public()
        .in_theme(theme)
        .with_counts()
        .select_related("author")
        .newest_activity_first()
    )
    page, page_range = paginate(request, threads)
    return TemplateResponse(
        request,
        "forum/theme.html",
        {"theme": theme, "page": page, "page_range": page_range},
    )


def _readable_thread(request, pk):
    """A public thread as this reader may see it: published for everyone; still waiting,
    refused or hidden only for its author and the moderators."""
    thread = get_object_or_404(
        ForumThread.objects.filter(group__isnull=True).select_related("theme", "author"), pk=pk
    )
    user = request.user
    if thread.is_published:
        return thread
    if is_moderator(user) or (user.is_authenticated and thread.author_id == user.pk):
        return thread
    raise Http404


def _visible_posts(request, thread):
    """The published messages, plus this reader's own ones whatever their state; a moderator
    also sees those waiting for review (their masked text: the original is on the moderation
    page)."""
    user = request.user
    posts = thread.posts.select_related("author").defer(*MODERATORS_ONLY)
    if is_moderator(user):
        return posts.filter(Q(status__in=[Status.PUBLISHED, Status.PENDING]) | Q(author=user))
    if user.is_authenticated:
        return posts.filter(Q(status=Status.PUBLISHED) | Q(author=user))
    return posts.filter(status=Status.PUBLISHED)


def _email_choices(user, thread):
    """What the « e-mails » block of a published thread shows its participants; None for
    everyone else."""
    if not thread.is_published or not thread.is_participant(user):
        return None
    return {
        "muted": ForumMute.is_muted(user, thread),
        "muted_everywhere": ForumMute.is_muted_everywhere(user),
    }


def _thread_response(request, thread, form=None, status=200):
    user = request.user
    can_reply = thread.is_published and can_write_publicly(user)
    context = {
        "thread": thread,
        "posts": list(_visible_posts(request, thread)),
        "form": form if form is not None else (ReplyForm() if can_reply else None),
        "can_reply": can_reply,
        "is_moderator": is_moderator(user),
        "emails": _email_choices(user, thread),
    }
    response = TemplateResponse(request, "forum/thread.html", context, status=status)
    if not thread.is_published:
        noindex(response)
    return response


@public_page
def thread(request, theme_slug, pk):
    thread = _readable_thread(request, pk)
    if thread.theme.slug != theme_slug:
        return redirect(thread, permanent=True)
    response = _thread_response(request, thread)
    if not thread.is_published:
        # Seen by its author or a moderator only: no cache may keep it.
        add_never_cache_headers(response)
    return response


# --- Writing --------------------------------------------------------------------------------


def _require_writer(request):
    if not can_write_publicly(request.user):
        raise PermissionDenied


@login_required
@never_cache
@ratelimit(key="user", rate=post_rate, method="POST", block=False)
def new_thread(request, theme_slug):
    theme = get_object_or_404(Theme, slug=theme_slug)
    _require_writer(request)
    form = ThreadForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and getattr(request, "limited", False):
        form.is_valid()
        form.add_error(None, RATE_LIMITED)
        status = 429
    elif request.method == "POST" and form.is_valid():
        title, text = form.cleaned_data["title"], form.cleaned_data["text"]
        thread = ForumThread.objects.recent_duplicate(request.user, title, duplicate_since())
        if thread is None:
            thread = ForumThread.start_public(
                author=request.user, theme=theme, title=title, text=text
            )
        messages.success(
            request,
            _(
                "Merci ! Votre discussion est en attente de relecture : une personne de l'équipe "
                "enlève ce qui permettrait de vous reconnaître, puis la publie. Vous serez "
                "prévenu par e-mail."
            ),
        )
        return redirect(thread)
    elif request.method == "POST":
        status = 400
    return TemplateResponse(
        request,
        "forum/nouvelle.html",
        {"form": form, "theme": theme, "group": None},
        status=status,
    )


@login_required
@never_cache
@require_POST
@ratelimit(key="user", rate=post_rate, method="POST", block=False)
def reply(request, theme_slug, pk):
    thread = get_object_or_404(ForumThread.objects.public().select_related("theme"), pk=pk)
    _require_writer(request)
    form = ReplyForm(request.POST)
    if getattr(request, "limited", False):
        form.is_valid()
        form.add_error(None, RATE_LIMITED)
        return _thread_response(request, thread, form, status=429)
    if not form.is_valid():
        return _thread_response(request, thread, form, status=400)
    text = form.cleaned_data["text"]
    post = ForumPost.objects.recent_duplicate(thread, request.user, text, duplicate_since())
    if post is None:
        post = thread.reply(author=request.user, text=text)
    messages.success(
        request,
        _(
            "Merci ! Votre réponse est en attente de relecture. Elle sera visible de tous une "
            "fois relue ; en attendant, vous seul la voyez ici."
        ),
    )
    return redirect(post.get_absolute_url())


# --- Reporting ------------------------------------------------------------------------------


@never_cache
@ratelimit(key="ip", rate=rate("report_ip"), method="POST", block=False)
def report(request, pk):
    post = get_object_or_404(
        ForumPost.objects.public().select_related("thread__theme").defer(*MODERATORS_ONLY), pk=pk
    )
    form = ReportForm(request.POST if request.method == "POST" else None)
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
        ForumReport.file(
            post,
            form.cleaned_data["reason"],
            comment=form.cleaned_data["comment"],
            browser_id=identity,
        )
        messages.success(
            request,
            _(
                "Merci de nous avoir prévenus. Une personne de l'équipe va relire ce message "
                "et le retirer si besoin."
            ),
        )
        response = redirect(post.get_absolute_url())
        if is_new:
            set_browser_cookie(response, identity)
        return response
    elif request.method == "POST":
        status = 400
    return noindex(
        TemplateResponse(request, "forum/report.html", {"form": form, "post": post}, status=status)
    )
