"""The blocks this room adds to other pages (see portail/core/panels.py): a group's records on
the group page, and in Mon espace the person's savoir-faire and, for facilitators, the records
being written and the attestations waiting for a signature."""

from portail.accounts.roles import is_facilitator_of, is_member_of
from portail.experiences.models import Attestation, ExperienceRecord
from portail.experiences.portfolio import actions_of, skills_from
from portail.groups.models import Group

ESPACE_SKILLS_SHOWN = 6


def group_records(request, group):
    user = request.user
    if not group.is_visible_to(user):
        return None
    records = group.experience_records.order_by("-published_at", "-created_at")
    insider = is_member_of(user, group) or (user.is_active and user.is_staff)
    if not insider:
        records = records.published()
    may_write = user.is_authenticated and (
        (user.is_active and user.is_staff) or is_facilitator_of(user, group)
    )
    records = list(records)
    if not records and not may_write:
        return None
    return {"records": records, "may_write": may_write}


def espace_portfolio(request):
    user = request.user
    if not user.is_authenticated:
        return None
    skills = skills_from(actions_of(user))
    return {
        "skills": skills[:ESPACE_SKILLS_SHOWN],
        "more_skills": max(0, len(skills) - ESPACE_SKILLS_SHOWN),
        "signed": user.attestations.filter(status=Attestation.Status.SIGNED).count(),
    }


def espace_records(request):
    user = request.user
    if not user.is_authenticated:
        return None
    groups = Group.objects.facilitated_by(user)
    if not groups.exists():
        return None
    drafts = (
        ExperienceRecord.objects.drafts()
        .filter(group__in=groups)
        .select_related("group")
        .order_by("-updated_at")
    )
    return {
        "drafts": drafts,
        "to_sign": Attestation.objects.to_sign_by(user).count(),
    }
