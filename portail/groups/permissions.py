"""Who may do what with a group, written once: views and templates ask these questions.

Roles come from portail/accounts/roles.py; what they allow inside a group is decided here:
- create a group: facilitators of any group, moderators, staff (the creator animates it);
- edit it and manage it (join requests, members, partner groups): its facilitators and staff;
- see its members-only posts and documents: its members (facilitators included) and staff;
- write in its journal and add documents: its members;
- delete a post or a document: its author, the group's facilitators and staff.
A private group stays a 404 for everyone else (Group.is_visible_to)."""

from portail.accounts.roles import is_facilitator_of, is_member_of, is_moderator


def _active(user):
    return user.is_authenticated and user.is_active


def may_create_group(user):
    from portail.groups.models import Group

    if not _active(user):
        return False
    return is_moderator(user) or Group.objects.facilitated_by(user).exists()


def may_manage_group(user, group):
    return _active(user) and (user.is_staff or is_facilitator_of(user, group))


def sees_members_part(user, group):
    return _active(user) and (user.is_staff or is_member_of(user, group))


def may_contribute(user, group):
    return is_member_of(user, group)


def may_delete(user, item, group):
    author_id = getattr(item, "author_id", None) or getattr(item, "uploaded_by_id", None)
    if not _active(user):
        return False
    return author_id == user.pk or may_manage_group(user, group)


def may_ask_to_join(user, group):
    return _active(user) and not is_member_of(user, group)
