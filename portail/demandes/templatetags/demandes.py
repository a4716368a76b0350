from django import template

from portail.core.retention import retention_periods as periods
from portail.demandes.names import volunteer_name as _volunteer_name

register = template.Library()


@register.simple_tag
def retention_periods():
    """`{% retention_periods as periods %}`: how long the portal keeps what, in words, from the
    settings that the periodic jobs apply."""
    return periods()


@register.filter
def volunteer_name(user, group=None):
    """`{{ demande.assignee|volunteer_name:demande.assigned_group }}`: the pseudonym, or « un·e
    bénévole du groupe X »; never a name taken from the e-mail address."""
    return _volunteer_name(user, group)
