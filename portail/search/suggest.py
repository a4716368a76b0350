"""« Ces réponses existent peut-être déjà »: what the portal already has for a question being
typed (the ask form shows them while typing, with htmx, or after « Chercher d'abord »), and the
subjects the text most likely speaks of (to pre-select one for the moderators)."""

from portail.search.models import Kind
from portail.search.service import search

SUGGESTION_KINDS = [Kind.FICHE, Kind.QUESTION, Kind.LETTER, Kind.GLOSSARY]
MIN_LENGTH = 3


def suggestions(text, limit=5):
    """At most `limit` Results (fiches, questions already answered, letters, words) for the
    text of a question; [] for a text too short to say anything."""
    if len((text or "").strip()) < MIN_LENGTH:
        return []
    return search(text, kinds=SUGGESTION_KINDS, limit=limit).results


def likely_subjects(text, limit=3):
    """[(subject key, title)] the text most likely speaks of, likeliest first, from the same
    evidence as the search's ranking; [] when nothing points to a subject."""
    if len((text or "").strip()) < MIN_LENGTH:
        return []
    return search(text, kinds=[Kind.FICHE], limit=1).subjects[:limit]
