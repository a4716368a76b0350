from django import template

from portail.core.retention import retention_periods as periods

register = template.Library()


@register.simple_tag
def retention_periods():
    """`{% retention_periods as periods %}`: how long the portal keeps what, in words, from the
    settings that the periodic jobs apply."""
    return periods()
