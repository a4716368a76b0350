"""The « Mon espace » panel: the requests in my charge or my groups', the new ones I may take
(facilitators), and those I filed while signed in."""

from django.db.models import Q

from portail.accounts.roles import is_moderator
from portail.demandes.models import Demande

LIMIT = 10


def espace(request):
    user = request.user
    if not user.is_authenticated:
        return None
    groups = list(user.memberships.values_list("group_id", flat=True))
    in_charge = (
        Demande.objects.open()
        .filter(Q(assignee=user) | Q(assigned_group__in=groups))
        .select_related("assigned_group")
    )
    is_team = is_moderator(user) or user.memberships.filter(role="animateur").exists()
    to_take = (
        Demande.objects.filter(status=Demande.Status.NEW, assigned_group__isnull=True).count()
        if is_team
        else 0
    )
    filed = Demande.objects.filter(Q(requester=user) | Q(entered_by=user)).select_related(
        "assigned_group"
    )
    context = {
        "in_charge": list(in_charge[:LIMIT]),
        "in_charge_count": in_charge.count(),
        "to_take": to_take,
        "filed": list(filed[:LIMIT]),
        "filed_count": filed.count(),
        "may_see_dashboard": is_team,
    }
    if not (context["in_charge"] or is_team or context["filed"]):
        return None
    return context


def group(request, group):
    """On a group's page: how to ask this group for help; for its members, how many requests it
    has in hand (numbers only: the page may be public)."""
    user = request.user
    is_member = user.is_authenticated and group.memberships.filter(user=user).exists()
    open_count = group.demandes.exclude(status=Demande.Status.CLOSED).count() if is_member else 0
    return {"is_member": is_member, "open_count": open_count}
