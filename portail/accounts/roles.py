"""Every role check of the portal lives here, so that a rule is written once and tested once.

Roles are not exclusive: a resident may also be a group member, a facilitator of one group and a
moderator. What a person may do is the union of their roles.
"""

from enum import StrEnum

from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    RESIDENT = "habitant"
    GROUP_MEMBER = "membre"
    FACILITATOR = "animateur"
    MODERATOR = "moderateur"
    PARTNER = "partenaire"
    STAFF = "equipe"

    @property
    def label(self):
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.RESIDENT: _("Habitant ou habitante"),
    Role.GROUP_MEMBER: _("Membre d'un groupe"),
    Role.FACILITATOR: _("Animateur ou animatrice de groupe"),
    Role.MODERATOR: _("Modérateur ou modératrice"),
    Role.PARTNER: _("Membre d'une organisation partenaire"),
    Role.STAFF: _("Équipe du portail"),
}


def roles_of(user):
    """The set of roles a user holds (empty for an anonymous visitor)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    roles = {Role.RESIDENT}
    memberships = {m.role for m in user.memberships.all()}
    if memberships:
        roles.add(Role.GROUP_MEMBER)
    if "animateur" in memberships:
        roles.add(Role.FACILITATOR)
    if user.is_moderator or user.is_staff:
        roles.add(Role.MODERATOR)
    if user.organisation_memberships.exists():
        roles.add(Role.PARTNER)
    if user.is_staff:
        roles.add(Role.STAFF)
    return frozenset(roles)


def has_role(user, role):
    return Role(role) in roles_of(user)


def is_moderator(user):
    return user.is_authenticated and user.is_active and (user.is_moderator or user.is_staff)


def is_member_of(user, group):
    """Member or facilitator of this group."""
    if not user.is_authenticated or not user.is_active:
        return False
    return group.memberships.filter(user=user).exists()


def is_any_group_member(user):
    """Member or facilitator of at least one group: may classify and answer questions."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.memberships.exists()


def is_facilitator_of(user, group):
    if not user.is_authenticated or not user.is_active:
        return False
    return group.memberships.filter(user=user, role="animateur").exists()


def is_partner_of(user, organisation):
    """May speak for (and update) this organisation: one of its partner accounts, or staff."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or organisation.memberships.filter(user=user).exists()


def require_role(role):
    """View decorator: anonymous visitors go to the login page, signed-in people without the
    role get the 403 page."""

    def check(user):
        if not user.is_authenticated:
            return False
        if not has_role(user, role):
            raise PermissionDenied
        return True

    return user_passes_test(check)
