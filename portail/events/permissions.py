"""Who may do what with an event, written once.

The organisers of an event are: the facilitators of its organising groups, the person who
created it, the moderators and the staff. They alone edit the event, see the names and contacts
of the people registered, record attendance, the minutes and the suites. A simple member of an
organising group is not an organiser: the list of who comes to a groupe de parole or a tenants'
meeting is kept to the few people who run it. Partners, residents and members of other groups
see what the public sees.

Creating an event is open to the facilitators of at least one group, the moderators and the
staff; a facilitator must name one of their groups among the organisers.
"""

from portail.accounts.roles import is_moderator


def can_create_events(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return is_moderator(user) or user.memberships.filter(role="animateur").exists()


def is_organiser(user, event):
    if not user.is_authenticated or not user.is_active:
        return False
    if is_moderator(user) or (event.created_by_id and event.created_by_id == user.pk):
        return True
    return event.groups.filter(memberships__user=user, memberships__role="animateur").exists()
