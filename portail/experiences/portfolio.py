"""A person's savoir-faire, gathered from what they did: the parts of published records they
presented, the events they attended (marked present by the organisers) and the events they
organised. Also the counts per group shown on the public savoir-faire page.

Actions are computed from the records and the agenda each time; an attestation freezes them
(`as_content`) when a facilitator signs it.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from portail.events.models import Event, Registration
from portail.experiences.models import (
    ExperienceRecord,
    RecordSection,
    Skill,
    named_in_records,
    skill_key,
)
from portail.groups.models import Group, Membership


@dataclass
class Action:
    kind: str  # "section", "participation" or "organisation"
    label: str
    date: object  # datetime or None
    groups: list = field(default_factory=list)  # list[Group]
    skills: list = field(default_factory=list)  # list[Skill]
    url: str = ""
    public: bool = True  # may appear on a public page (public group, published record)


@dataclass
class SkillTally:
    skill: Skill
    count: int


def actions_of(user, *, group=None, now=None):
    """Everything `user` did that shows a savoir-faire, newest first; only what relates to
    `group` when given."""
    now = now or timezone.now()
    actions = []

    sections = (
        RecordSection.objects.filter(
            presenters=user, record__status=ExperienceRecord.Status.PUBLISHED
        )
        .select_related("record__group")
        .prefetch_related("skills")
    )
    if group is not None:
        sections = sections.filter(record__group=group)
    for section in sections:
        record = section.record
        actions.append(
            Action(
                kind="section",
                label=_("A présenté « %(part)s » du récit « %(record)s »")
                % {"part": section.heading, "record": record.title},
                date=record.published_at,
                groups=[record.group],
                skills=list(section.skills.all()),
                url=record.get_absolute_url(),
                public=record.group.is_public,
            )
        )

    events = Event.objects.prefetch_related(
        "skills", Prefetch("groups", queryset=Group.objects.order_by("name"))
    )
    organised = events.filter(created_by=user, starts_at__lte=now, cancelled_at__isnull=True)
    attended = events.filter(
        pk__in=Registration.objects.filter(user=user, attended=True).values("event")
    ).exclude(created_by=user)
    if group is not None:
        organised = organised.filter(groups=group)
        attended = attended.filter(groups=group)
    for kind, label, queryset in (
        ("organisation", _("A organisé : %(event)s"), organised),
        ("participation", _("A participé : %(event)s"), attended),
    ):
        for event in queryset:
            groups = list(event.groups.all())
            actions.append(
                Action(
                    kind=kind,
                    label=label % {"event": event.title},
                    date=event.starts_at,
                    groups=groups,
                    skills=list(event.skills.all()),
                    url=event.get_absolute_url(),
                    public=getattr(event, "is_public", True) and all(g.is_public for g in groups),
                )
            )

    actions.sort(key=lambda action: (action.date is None, action.date), reverse=True)
    return actions


def public_actions(user, actions):
    """What a public portfolio shows: nothing from a private group, and the parts of records
    the person presented only if they agreed to be named in the records."""
    named = named_in_records(user)
    return [a for a in actions if a.public and (a.kind != "section" or named)]


def skills_from(actions):
    """Each skill shown by the actions, with how many actions show it, most shown first."""
    counts = Counter()
    skills = {}
    for action in actions:
        for skill in action.skills:
            counts[skill.pk] += 1
            skills[skill.pk] = skill
    return [
        SkillTally(skills[pk], count)
        for pk, count in sorted(counts.items(), key=lambda item: (-item[1], skills[item[0]].name))
    ]


def as_content(actions):
    """The JSON an attestation keeps once signed: it no longer changes with the records."""
    return {
        "actions": [
            {
                "label": action.label,
                "date": action.date.date().isoformat() if action.date else "",
                "skills": [skill.name for skill in action.skills],
            }
            for action in actions
        ],
        "skills": [[tally.skill.name, tally.count] for tally in skills_from(actions)],
    }


# --- Counts per group ----------------------------------------------------------------------------


def skill_counts_by_group(groups):
    """{skill_pk: {group_pk: number of people}}: the people of each group who developed each
    skill, counted once however many times they did. People are the members who presented a
    part of the group's published records, the names typed as presenters (once per group), and
    the members who attended a public event the group organised: the page is public, so an
    event kept for members (or co-organised by a private group) counts nobody."""
    groups = list(groups)
    group_ids = {g.pk for g in groups}
    people = defaultdict(set)  # (skill_pk, group_pk) -> {person}

    sections = RecordSection.objects.filter(
        record__status=ExperienceRecord.Status.PUBLISHED, record__group__in=group_ids
    ).prefetch_related("skills", "presenters")
    for section in sections.select_related("record"):
        group_id = section.record.group_id
        persons = {("user", user.pk) for user in section.presenters.all()}
        persons |= {("name", skill_key(name)) for name in section.free_names}
        for skill in section.skills.all():
            people[(skill.pk, group_id)] |= persons

    members = set(Membership.objects.filter(group__in=group_ids).values_list("group_id", "user_id"))
    attendances = Registration.objects.filter(
        attended=True,
        user__isnull=False,
        event__groups__in=group_ids,
        event__skills__isnull=False,
        event__in=Event.objects.public(),
    ).values_list("event__groups", "event__skills", "user")
    for group_id, skill_id, user_id in attendances:
        if (group_id, user_id) in members:
            people[(skill_id, group_id)].add(("user", user_id))

    counts = defaultdict(dict)
    for (skill_id, group_id), persons in people.items():
        if persons:
            counts[skill_id][group_id] = len(persons)
    return counts
