"""How the people who handle a request are named to others (the requester, the rest of the
group): by the pseudonym they chose, or neutrally. Never from their e-mail address
(« jean.dupont » for jean.dupont@…), which `str(user)` still shows in the administration."""

from django.utils.translation import gettext as _


def volunteer_name(user, group=None):
    """The person's pseudonym; without one, « un·e bénévole du groupe X » when they belong to
    `group`, « un·e bénévole » otherwise."""
    if user is None:
        return ""
    chosen = (user.display_name or "").strip()
    if chosen:
        return chosen
    # The group's memberships are prefetched by the team views (`assigned_group__memberships`):
    # a page naming thirty volunteers asks the database once, not thirty times.
    if (
        group is not None
        and user.is_active
        and any(membership.user_id == user.pk for membership in group.memberships.all())
    ):
        return _("un·e bénévole du groupe « %(group)s »") % {"group": group.name}
    return _("un·e bénévole")


def volunteer_choice_label(user):
    """A person in the list a facilitator picks from: people without a pseudonym must still be
    told apart, by their account number rather than their address."""
    chosen = (user.display_name or "").strip()
    return chosen or _("bénévole sans pseudonyme (n° %(pk)s)") % {"pk": user.pk}
