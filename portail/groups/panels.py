"""The groups room's block in « Mon espace »: the join requests and partnership proposals that
wait for the groups this person animates, and their own requests still waiting for an answer."""

from portail.core import panels
from portail.groups.models import Group, GroupLink, JoinRequest


def espace_requests(request, **kwargs):
    user = request.user
    if not user.is_authenticated or not user.is_active:
        return None
    to_answer = list(
        JoinRequest.objects.for_facilitator(user)
        .select_related("group", "user")
        .order_by("group__name", "created_at")
    )
    proposals = list(
        GroupLink.objects.pending()
        .filter(to_group__in=Group.objects.facilitated_by(user))
        .select_related("from_group", "to_group")
    )
    mine = list(
        JoinRequest.objects.pending()
        .filter(user=user)
        .select_related("group")
        .order_by("created_at")
    )
    if not (to_answer or proposals or mine):
        return None
    return {"to_answer": to_answer, "proposals": proposals, "my_requests": mine}


def register():
    panels.register(
        "espace", "groups-requests", "groups/panels/espace_demandes.html", espace_requests, order=20
    )
