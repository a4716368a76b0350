"""The forum's blocks on other rooms' pages (see portail/core/panels.py):

- « group » (a group's page): the link to its groupe de parole, for its members only, and for
  its facilitators how many messages members reported to them;
- « espace » (Mon espace): my discussions, my messages awaiting review or refused, the
  forum-wide switch of the e-mails of new replies;
- « moderation_queue », « moderation_reports », « moderation_audit » (the moderators' pages of
  the questions room): the forum's public messages awaiting review, its open reports, its
  audit trail. Each checks the moderator role again: a panel must not rely on the page that
  shows it.
"""

from django.core.paginator import Paginator

from portail.accounts.roles import is_facilitator_of, is_member_of, is_moderator
from portail.forum.forms import HideForm
from portail.forum.models import (
    CharterAcceptance,
    ForumModerationAction,
    ForumMute,
    ForumPost,
    ForumReport,
    ForumThread,
    Status,
)

QUEUE_SHOWN = 50
REPORTS_SHOWN = 50
AUDIT_PAGE_SIZE = 20
ESPACE_SHOWN = 10


def group_panel(request, group):
    user = request.user
    if not is_member_of(user, group):
        return None
    threads = ForumThread.objects.of_group(group).filter(status=Status.PUBLISHED)
    return {
        "thread_count": threads.count(),
        "latest": threads.newest_activity_first().first(),
        "has_accepted": CharterAcceptance.has_accepted(user, group),
        "reported_count": (
            ForumReport.objects.of_group(group).unhandled().values("post").distinct().count()
            if is_facilitator_of(user, group)
            else 0
        ),
    }


def espace_panel(request):
    user = request.user
    if not user.is_authenticated:
        return None
    mine = ForumPost.objects.by(user).filter(thread__group__isnull=True)
    waiting = list(
        mine.filter(status=Status.PENDING)
        .select_related("thread__theme")
        .order_by("-created_at")[:ESPACE_SHOWN]
    )
    refused = list(
        mine.filter(status__in=[Status.REJECTED, Status.HIDDEN])
        .select_related("thread__theme")
        .order_by("-created_at")[:ESPACE_SHOWN]
    )
    threads = list(
        ForumThread.objects.filter(author=user, group__isnull=True, status=Status.PUBLISHED)
        .with_counts()
        .select_related("theme")
        .newest_activity_first()[:ESPACE_SHOWN]
    )
    groups = list(user.portal_groups.order_by("name"))
    return {
        "waiting": waiting,
        "refused": refused,
        "threads": threads,
        "groups": groups,
        "muted_everywhere": ForumMute.is_muted_everywhere(user),
    }


def moderation_queue_panel(request):
    if not is_moderator(request.user):
        return None
    waiting = ForumPost.objects.awaiting_moderation()
    return {
        "forum_count": waiting.count(),
        "forum_posts": waiting.select_related("thread__theme", "author")[:QUEUE_SHOWN],
    }


def moderation_reports_panel(request):
    if not is_moderator(request.user):
        return None
    reports = list(
        ForumReport.open().select_related("post__thread__theme", "post__author")[:REPORTS_SHOWN]
    )
    for report in reports:
        report.hide_form = HideForm(prefix=f"f{report.pk}")
    return {"forum_reports": reports, "forum_report_count": ForumReport.open().count()}


def moderation_audit_panel(request):
    """The forum's public trail, filtered like the questions' one when the filter applies
    (an action both trails know); hidden when the filter names one question."""
    if not is_moderator(request.user):
        return None
    if request.GET.get("question"):
        return None
    actions = ForumModerationAction.objects.public().select_related("actor", "post__thread")
    wanted = request.GET.get("action", "")
    if wanted:
        if wanted not in ForumModerationAction.Action.values:
            return None
        actions = actions.filter(action=wanted)
    page = Paginator(actions.order_by("-created_at", "-id"), AUDIT_PAGE_SIZE).get_page(
        request.GET.get("page_forum")
    )
    return {"forum_page": page}
