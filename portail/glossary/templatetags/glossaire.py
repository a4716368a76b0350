"""`{% load glossaire %}` then `{{ html|glossaire }}`: links the glossary words of a text."""

from django import template

from portail.glossary.autolink import autolink

register = template.Library()


@register.filter(name="glossaire")
def glossaire(html, exclude=""):
    """Safe HTML (escaped text, sanitised Markdown) with its glossary words made disclosures;
    plain text is escaped first. `{{ html|glossaire:term.slug }}` leaves that word alone."""
    return autolink(html, exclude=[exclude] if exclude else ())
