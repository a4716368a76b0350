"""Theme pictograms as inline SVG (24×24, drawn with strokes in the current text colour).

Inline so that they cost no request and follow the contrast setting; always shown beside a text
label, never alone, so they are hidden from screen readers."""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

PICTOGRAMS = {
    "maison": ('<path d="M3 11 12 3l9 8"/><path d="M5 10v10h5v-6h4v6h5V10"/>'),
    "sante": (
        '<path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"/>'
        '<path d="M12 9v5M9.5 11.5h5"/>'
    ),
    "emploi": ('<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M9 7V5h6v2M3 13h18"/>'),
    "allocations": (
        '<circle cx="12" cy="12" r="9"/><path d="M15 8.5a4 4 0 1 0 0 7M7 11h6M7 13.5h6"/>'
    ),
    "energie": '<path d="M13 2 4 14h7l-1 8 9-12h-7z"/>',
    "ecole": ('<path d="M2 9l10-5 10 5-10 5z"/><path d="M6 11v5c3 2 9 2 12 0v-5M22 9v6"/>'),
    "budget": (
        '<rect x="3" y="6" width="18" height="13" rx="2"/><path d="M16 12h5M3 10h13"/>'
        '<circle cx="17" cy="12.5" r=".8"/>'
    ),
    "demarches": ('<path d="M7 3h7l5 5v13H7z"/><path d="M14 3v5h5M10 13h6M10 17h6"/>'),
}

PICTOGRAM_CHOICES = [
    ("maison", "Maison (logement)"),
    ("sante", "Cœur (santé)"),
    ("emploi", "Mallette (emploi)"),
    ("allocations", "Pièce (CAF, minima sociaux)"),
    ("energie", "Éclair (énergie)"),
    ("ecole", "Toque (école)"),
    ("budget", "Porte-monnaie (budget, dettes)"),
    ("demarches", "Document (démarches)"),
]


def render_pictogram(key, css_class="picto"):
    body = PICTOGRAMS.get(key, PICTOGRAMS["demarches"])
    return format_html(
        '<svg class="{}" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" '
        'focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" '
        'stroke-linecap="round" stroke-linejoin="round">{}</svg>',
        css_class,
        mark_safe(body),  # noqa: S308 - constant markup defined above
    )
