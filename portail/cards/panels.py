"""The cards room's blocks on other rooms' pages: « Mes paquets de cartes » in Mon espace (for
those who prepare decks), and the decks of a group or of an event on their pages."""

from django.db.models import Count, Q

from portail.cards.models import Deck
from portail.cards.permissions import may_prepare_decks
from portail.groups.models import Group

ESPACE_DECKS = 8


def _with_counts(decks):
    return decks.annotate(card_count=Count("deckcard", filter=Q(deckcard__included=True)))


def espace_panel(request, **kwargs):
    user = request.user
    if not may_prepare_decks(user):
        return None
    mine = Q(created_by=user) | Q(group__in=Group.objects.facilitated_by(user))
    decks = _with_counts(Deck.objects.filter(mine).distinct()).order_by("-updated_at")
    return {"decks": list(decks[:ESPACE_DECKS])}


def group_panel(request, group, **kwargs):
    # The group's page is only shown to those who may see the group: its decks go with it.
    user = request.user
    decks = list(_with_counts(Deck.objects.filter(group=group)).order_by("name"))
    may_prepare = may_prepare_decks(user) and (
        user.is_staff or Group.objects.facilitated_by(user).filter(pk=group.pk).exists()
    )
    if not decks and not may_prepare:
        return None
    return {"decks": decks, "may_prepare": may_prepare}


def event_panel(request, event, **kwargs):
    decks = list(_with_counts(Deck.objects.visible_to(request.user).filter(event=event)))
    return {"decks": decks} if decks else None
