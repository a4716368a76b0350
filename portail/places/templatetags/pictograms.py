from django import template

from portail.places.pictograms import render_pictogram

register = template.Library()


@register.simple_tag
def pictogram(key, css_class="picto"):
    """{% pictogram theme.pictogram %} → the theme's inline SVG (decorative; put a label beside)."""
    return render_pictogram(key, css_class)
