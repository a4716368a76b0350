"""Public pages of the groups: who they are, where, on which themes, how to join, what they do
(journal, documents, questions of their themes), their partners and partner groups."""

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Lower
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_noop, ngettext

from portail.accounts.roles import is_member_of
from portail.core.page_cache import public_page
from portail.groups import agenda
from portail.groups.models import Document, Group, GroupLink, JoinRequest, Post
from portail.groups.permissions import (
    may_ask_to_join,
    may_contribute,
    may_create_group,
    may_manage_group,
    sees_members_part,
)
from portail.groups.views.common import shows_private_groups, visible_group
from portail.places.models import Quartier
from portail.questions.models import Question

JOURNAL_ON_PAGE = 5
DOCUMENTS_ON_PAGE = 10
LATEST_QUESTIONS = 5
INVENTORY_LABELS = {
    "publiee": (
        gettext_noop("question attend une piste"),
        gettext_noop("questions attendent une piste"),
    ),
    "piste": (
        gettext_noop("question a reçu une piste"),
        gettext_noop("questions ont reçu une piste"),
    ),
    "resolue": (gettext_noop("question est résolue"), gettext_noop("questions sont résolues")),
    "close": (gettext_noop("question est close"), gettext_noop("questions sont closes")),
}


@public_page
def group_list(request):
    groups = (
        Group.objects.visible_to(request.user)
        .order_by(Lower("name"))
        .prefetch_related("themes", "quartiers")
    )
    response = TemplateResponse(
        request,
        "groups/list.html",
        {"groups": groups, "may_create_group": may_create_group(request.user)},
    )
    return shows_private_groups(response, groups)


@public_page
def by_quartier(request):
    """Each quartier that has a group this person may see, with those groups, commune by
    commune."""
    visible = Group.objects.visible_to(request.user).order_by(Lower("name"))
    quartiers = (
        Quartier.objects.with_commune()
        .filter(group__in=visible)
        .distinct()
        .order_by("commune__name", "name")
        .prefetch_related(Prefetch("group_set", queryset=visible, to_attr="visible_groups"))
    )
    response = TemplateResponse(request, "groups/quartiers.html", {"quartiers": quartiers})
    return shows_private_groups(
        response, [group for quartier in quartiers for group in quartier.visible_groups]
    )


def questions_inventory(group):
    """Published questions on the group's themes or in its quartiers: counts by state and the
    latest few. Only what anyone may read (Question.objects.public())."""
    questions = Question.objects.public().filter(
        Q(theme__in=group.themes.all()) | Q(quartier__in=group.quartiers.all())
    )
    counts = dict(questions.values_list("status").annotate(n=Count("pk")).order_by())
    by_status = [
        {
            "status": status,
            "count": counts.get(status, 0),
            "label": ngettext(singular, plural, counts.get(status, 0)),
        }
        for status, (singular, plural) in INVENTORY_LABELS.items()
    ]
    latest = list(questions.with_list_relations().order_by("-created_at", "-id")[:LATEST_QUESTIONS])
    return {"by_status": by_status, "total": sum(counts.values()), "latest": latest}


def partner_groups_of(request, group):
    """Accepted partnerships of `group` with groups this person may see, each with the other
    group and, for those who organise, the « temps commun » link."""
    links = (
        GroupLink.objects.accepted()
        .involving(group)
        .select_related("from_group", "to_group")
        .order_by("created_at")
    )
    partners = []
    for link in links:
        other = link.other(group)
        if not other.is_visible_to(request.user):
            continue
        organises = may_manage_group(request.user, group) or may_manage_group(request.user, other)
        partners.append(
            {
                "link": link,
                "group": other,
                "common_time_url": agenda.common_time_url(group, other) if organises else None,
            }
        )
    return partners


@public_page
def group_detail(request, slug):
    group = visible_group(
        request, slug, Group.objects.prefetch_related("themes", "quartiers__commune", "partners")
    )
    user = request.user
    members_part = sees_members_part(user, group)
    posts = Post.objects.visible_to(user, group).select_related("author")
    documents = Document.objects.visible_to(user, group)
    pending_request = (
        JoinRequest.objects.pending().filter(group=group, user=user).first()
        if user.is_authenticated
        else None
    )
    manages = may_manage_group(user, group)
    response = TemplateResponse(
        request,
        "groups/detail.html",
        {
            "group": group,
            "is_member": is_member_of(user, group),
            "members_part": members_part,
            "manages": manages,
            "pending_count": group.join_requests.pending().count() if manages else 0,
            "may_contribute": may_contribute(user, group),
            "may_ask_to_join": may_ask_to_join(user, group),
            "pending_request": pending_request,
            "posts": posts[:JOURNAL_ON_PAGE],
            "more_posts": posts.count() > JOURNAL_ON_PAGE,
            "documents": documents[:DOCUMENTS_ON_PAGE],
            "more_documents": documents.count() > DOCUMENTS_ON_PAGE,
            "inventory": questions_inventory(group),
            "partner_groups": partner_groups_of(request, group),
        },
    )
    if members_part:
        # Members-only posts and documents must not stay in a shared browser's cache.
        add_never_cache_headers(response)
    return response


@public_page
def links(request):
    """The links between groups: every accepted partnership between groups this person may
    see, and the coming common times of those groups."""
    visible = Group.objects.visible_to(request.user)
    partnerships = list(
        GroupLink.objects.accepted()
        .filter(from_group__in=visible, to_group__in=visible)
        .select_related("from_group", "to_group")
        .order_by(Lower("from_group__name"), Lower("to_group__name"))
    )
    rows = []
    involved = {}
    for link in partnerships:
        involved[link.from_group.pk] = link.from_group
        involved[link.to_group.pk] = link.to_group
        organises = may_manage_group(request.user, link.from_group) or may_manage_group(
            request.user, link.to_group
        )
        rows.append(
            {
                "link": link,
                "common_time_url": (
                    agenda.common_time_url(link.from_group, link.to_group) if organises else None
                ),
            }
        )
    events = agenda.upcoming_common_times(request.user, involved.values())
    for event in events:
        event.visible_groups = [g for g in event.groups.all() if g.is_visible_to(request.user)]
    response = TemplateResponse(request, "groups/links.html", {"rows": rows, "events": events})
    shown = list(involved.values()) + [g for event in events for g in event.visible_groups]
    return shows_private_groups(response, shown)
