"""Putting decks together: a fresh slug for a new deck, and a varied first selection of cards
(kinds, sources and levels mixed) that the facilitator then curates."""

from itertools import zip_longest

from django.utils.text import slugify

from portail.cards.models import Card, Deck

# Paths of the cards app that a deck's slug must not take.
RESERVED_SLUGS = {"nouveau", "generer", "carte", "cartes"}
DECK_MAX_CARDS = 150
# The order in which kinds take turns in a mixed deck.
KIND_TURNS = [
    Card.Kind.WORD,
    Card.Kind.TRUE_FALSE,
    Card.Kind.QUESTION,
    Card.Kind.TESTIMONY,
    Card.Kind.CHALLENGE,
]


def unique_slug(name, instance=None):
    base = (slugify(name) or "paquet")[:120]
    if base in RESERVED_SLUGS:
        base = f"paquet-{base}"
    slug, number = base, 2
    others = Deck.objects.exclude(pk=getattr(instance, "pk", None))
    while others.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def _interleave(*sequences):
    for group in zip_longest(*sequences):
        yield from (item for item in group if item is not None)


def _by_level(cards):
    """Easy, medium and hard cards taking turns, so a group of cards is not all hard."""
    levels = {}
    for card in cards:
        levels.setdefault(card.level, []).append(card)
    return list(_interleave(*(levels[level] for level in sorted(levels))))


def pick_mixed(cards, count):
    """Up to `count` cards of `cards`, the kinds taking turns (word, true/false, question,
    testimony, challenge) and, within a kind, each source (e.g. true statements of the fiches
    and false ones of ours) and each level taking turns. Deterministic."""
    groups = {}
    for card in cards.order_by("id"):
        groups.setdefault(card.kind, {}).setdefault(card.source, []).append(card)
    by_kind = []
    for kind in KIND_TURNS:
        sources = groups.get(kind, {})
        by_kind.append(
            list(_interleave(*(_by_level(sources[source]) for source in sorted(sources))))
        )
    return list(_interleave(*by_kind))[:count]
