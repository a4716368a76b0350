"""« Ces réponses existent peut-être déjà »: what the portal already has for a question being
typed (the ask form shows them while typing, with htmx, or after « Chercher d'abord »)."""

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
