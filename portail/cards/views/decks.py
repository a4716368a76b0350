"""Decks: the list, a deck's page (the facilitator's answer sheet, with the curation buttons
for those who may change it), creating and editing a deck, adding cards to it and moving them.

Every change is a plain POST form followed by a redirect: curation works without JavaScript."""

from collections import Counter

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portail.cards.decks import DECK_MAX_CARDS, pick_mixed, unique_slug
from portail.cards.forms import CandidateFilterForm, DeckForm
from portail.cards.kit import KIT_PARTS
from portail.cards.models import Card, Deck, kind_count
from portail.cards.permissions import may_edit_card, may_edit_deck, may_prepare_decks
from portail.cards.views.common import editable_deck, require_preparer, visible_deck
from portail.events.models import Event

CANDIDATES_PAGE_SIZE = 40


@never_cache
def deck_list(request):
    decks = (
        Deck.objects.visible_to(request.user)
        .select_related("theme", "event", "group")
        .annotate(card_count=Count("deckcard", filter=Q(deckcard__included=True)))
        .order_by("name")
    )
    context = {
        "decks": decks,
        "visible_events": _visible_events(request.user, [deck.event_id for deck in decks]),
        "may_prepare": may_prepare_decks(request.user),
    }
    if context["may_prepare"]:
        counts = dict(Card.objects.values_list("kind").annotate(n=Count("pk")).order_by())
        context["pool"] = [kind_count(kind, counts.get(kind, 0)) for kind in Card.Kind.values]
    return TemplateResponse(request, "cards/index.html", context)


@never_cache
def deck_detail(request, slug):
    deck = visible_deck(request, slug)
    cards = list(deck.cards_in_order().select_related("theme"))
    may_edit = may_edit_deck(request.user, deck)
    # A public deck may be for a private group's event: its title stays among those who may
    # see the event.
    event = deck.event if deck.event_id in _visible_events(request.user, [deck.event_id]) else None
    context = {
        "deck": deck,
        "event": event,
        "cards": cards,
        "kinds": _kind_counts(cards),
        "may_edit": may_edit,
        "excluded": list(deck.excluded_cards()) if may_edit else [],
        "kit_parts": KIT_PARTS,
        "editable_cards": {card.pk for card in cards if may_edit_card(request.user, card)},
    }
    return TemplateResponse(request, "cards/deck.html", context)


def _visible_events(user, event_ids):
    """The ids among ``event_ids`` of the events this person may see."""
    ids = {pk for pk in event_ids if pk}
    if not ids:
        return set()
    return set(Event.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def _kind_counts(cards):
    counts = Counter(card.kind for card in cards)
    return [kind_count(kind, counts[kind]) for kind in Card.Kind.values if counts[kind]]


@never_cache
def deck_create(request):
    refused = require_preparer(request)
    if refused:
        return refused
    form = DeckForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            deck = form.save(commit=False)
            deck.slug = unique_slug(deck.name)
            deck.created_by = request.user
            deck.save()
            if form.cleaned_data["fill"] == "melange":
                candidates = Card.objects.all()
                if deck.theme:
                    candidates = candidates.filter(theme=deck.theme)
                deck.add(pick_mixed(candidates, form.cleaned_data["count"]))
        messages.success(request, _("Le paquet est prêt. Vous pouvez maintenant le trier."))
        return redirect(deck)
    return TemplateResponse(request, "cards/deck_form.html", {"form": form, "deck": None})


@never_cache
def deck_edit(request, slug):
    deck, refused = editable_deck(request, slug)
    if refused:
        return refused
    form = DeckForm(request.POST or None, instance=deck, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le paquet est enregistré."))
        return redirect(deck)
    return TemplateResponse(request, "cards/deck_form.html", {"form": form, "deck": deck})


@never_cache
def deck_add(request, slug):
    """The candidate cards (filtered by type, level, theme, words), to add by ticking them."""
    deck, refused = editable_deck(request, slug)
    if refused:
        return refused
    if request.method == "POST":
        return _add_ticked(request, deck)
    form = CandidateFilterForm(request.GET or None)
    candidates = form.filter(Card.objects.not_in(deck).select_related("theme")).order_by(
        "kind", "level", "id"
    )
    page = Paginator(candidates, CANDIDATES_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "deck": deck,
        "form": form,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "query": query.urlencode(),
        "included": deck.deckcard_set.filter(included=True).count(),
        "max_cards": DECK_MAX_CARDS,
    }
    return TemplateResponse(request, "cards/deck_add.html", context)


def _add_ticked(request, deck):
    ids = [int(value) for value in request.POST.getlist("cartes") if value.isdigit()]
    back = request.POST.get("retour", "")
    back_url = reverse("cards:deck_add", args=[deck.slug]) + (f"?{back}" if back else "")
    if not ids:
        messages.error(request, _("Cochez au moins une carte à ajouter."))
        return redirect(back_url)
    room = DECK_MAX_CARDS - deck.deckcard_set.filter(included=True).count()
    cards = list(Card.objects.filter(pk__in=ids).order_by("kind", "level", "id"))
    if len(cards) > room:
        messages.error(
            request,
            _("Un paquet a au plus %(max)d cartes : il reste de la place pour %(room)d.")
            % {"max": DECK_MAX_CARDS, "room": max(room, 0)},
        )
        return redirect(back_url)
    added = deck.add(cards)
    messages.success(request, _("%(count)d carte(s) ajoutée(s) au paquet.") % {"count": added})
    return redirect(back_url)


MOVES = {
    "monter": (-1, _("La carte est montée d'une place.")),
    "descendre": (1, _("La carte est descendue d'une place.")),
}


@never_cache
@require_POST
def deck_card_action(request, slug, card_pk):
    """Move a card up or down, take it out of the deck, or put it back."""
    deck, refused = editable_deck(request, slug)
    if refused:
        return refused
    card = get_object_or_404(Card, pk=card_pk, deckcard__deck=deck)
    action = request.POST.get("action")
    if action in MOVES:
        offset, done = MOVES[action]
        if deck.move(card, offset):
            messages.success(request, done)
        else:
            messages.info(request, _("La carte est déjà à cette place."))
    elif action == "retirer":
        deck.exclude(card)
        messages.success(
            request, _("La carte est retirée du paquet. Elle reste en bas de la page.")
        )
        return redirect(deck.get_absolute_url() + "#retirees")
    elif action == "remettre":
        if deck.deckcard_set.filter(included=True).count() >= DECK_MAX_CARDS:
            messages.error(request, _("Le paquet est plein : retirez d'abord une carte."))
        else:
            deck.add([card])
            messages.success(request, _("La carte est remise à la fin du paquet."))
    else:
        messages.error(request, _("Cette action n'existe pas."))
    return redirect(deck.get_absolute_url() + f"#carte-{card.pk}")
