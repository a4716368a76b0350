"""Who may do what in the forum, written once.

Public discussions: anyone reads; a signed-in person with a confirmed address writes (the
pseudonym is shown, never the address). Moderators read originals and decide.

Groupes de parole: only the group's members (members and facilitators) enter, and only after
accepting the confidentiality charter; the charter itself is readable by every member. Nobody
else, whatever their role: not moderators, not partners of the group, not the staff. What is
said in a groupe de parole is said to the people in the room; moderation there is the
facilitators' job (they may hide a message), and the staff maintains the database, not the
conversations. Outsiders get a 404, as for a private group: the space's existence is the group's
business.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from portail.accounts.roles import is_facilitator_of, is_member_of
from portail.forum.models import CharterAcceptance
from portail.groups.models import Group


def can_write_publicly(user):
    """Signed in, active, and the e-mail address confirmed."""
    return bool(
        user.is_authenticated and user.is_active and getattr(user, "email_confirmed_at", None)
    )


def group_for_member(user, slug):
    """The group of this groupe de parole, or a 404 for anyone but its members."""
    group = get_object_or_404(Group, slug=slug)
    if not is_member_of(user, group):
        raise Http404
    return group


def has_accepted_charter(user, group):
    return CharterAcceptance.has_accepted(user, group)


def can_hide_in_group(user, group):
    return is_facilitator_of(user, group)
