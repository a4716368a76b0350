"""Panels: how one room of the portal shows a block on another room's page without either
importing the other.

A page declares a slot (« espace » for Mon espace, « group » for a group's page…) and renders
`{% panels "group" group=group %}`; an app registers, in its AppConfig.ready(), a template and a
function that returns the template's context, or None when the panel has nothing to show for
this visitor (a private block for a non-member, an empty list…).
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe


@dataclass(frozen=True)
class Panel:
    slot: str
    key: str
    template: str
    context: object  # callable(request, **kwargs) -> dict | None
    order: int = 50


_PANELS = {}


def register(slot, key, template, context, order=50):
    """Add (or replace, by key) a panel of `slot`."""
    _PANELS.setdefault(slot, {})[key] = Panel(slot, key, template, context, order)


def panels(slot):
    return sorted(_PANELS.get(slot, {}).values(), key=lambda panel: (panel.order, panel.key))


def render(slot, request, **kwargs):
    """The HTML of every panel of `slot` that has something to show, in order."""
    parts = []
    for panel in panels(slot):
        context = panel.context(request, **kwargs)
        if context is None:
            continue
        parts.append(render_to_string(panel.template, {**kwargs, **context}, request=request))
    return mark_safe("\n".join(parts))  # noqa: S308 — rendered templates, escaped by Django
