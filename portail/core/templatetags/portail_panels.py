from django import template

from portail.core import panels as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, slot, **kwargs):
    """`{% panels "group" group=group %}`: the blocks other apps add to this page."""
    return registry.render(slot, context.get("request"), **kwargs)
