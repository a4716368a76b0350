"""Cards written by a facilitator (and added right away to the deck they came from), and the
button that brings the generated cards in step with the glossary, the fiches and the questions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portail.cards.decks import DECK_MAX_CARDS
from portail.cards.forms import CardForm
from portail.cards.generate import generate_cards
from portail.cards.models import Card, Deck
from portail.cards.permissions import may_edit_card, may_edit_deck
from portail.cards.views.common import require_preparer


def _deck_from(request):
    """The deck named by ?paquet= (or the posted `paquet`) when the person may change it."""
    slug = request.POST.get("paquet") or request.GET.get("paquet")
    if not slug:
        return None
    deck = Deck.objects.visible_to(request.user).filter(slug=slug).first()
    return deck if deck and may_edit_deck(request.user, deck) else None


@never_cache
def card_create(request):
    refused = require_preparer(request)
    if refused:
        return refused
    deck = _deck_from(request)
    form = CardForm(request.POST or None, initial={"level": 1})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            card = form.save(commit=False)
            card.created_by = request.user
            card.save()
            full = deck and deck.deckcard_set.filter(included=True).count() >= DECK_MAX_CARDS
            if deck and not full:
                deck.add([card])
        if deck and not full:
            messages.success(request, _("La carte est écrite et ajoutée à la fin du paquet."))
            return redirect(deck.get_absolute_url() + f"#carte-{card.pk}")
        if deck:
            messages.info(request, _("La carte est écrite, mais le paquet est plein."))
            return redirect(deck)
        messages.success(request, _("La carte est écrite : ajoutez-la à un paquet."))
        return redirect("cards:index")
    return TemplateResponse(
        request, "cards/card_form.html", {"form": form, "deck": deck, "card": None}
    )


@never_cache
def card_edit(request, pk):
    refused = require_preparer(request)
    if refused:
        return refused
    card = get_object_or_404(Card, pk=pk)
    if not may_edit_card(request.user, card):
        raise PermissionDenied
    deck = _deck_from(request)
    form = CardForm(request.POST or None, instance=card)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("La carte est enregistrée."))
        if deck:
            return redirect(deck.get_absolute_url() + f"#carte-{card.pk}")
        return redirect("cards:index")
    return TemplateResponse(
        request, "cards/card_form.html", {"form": form, "deck": deck, "card": card}
    )


@never_cache
@require_POST
def generate(request):
    refused = require_preparer(request)
    if refused:
        return refused
    tallies = generate_cards()
    created = sum(tally.created for tally in tallies)
    updated = sum(tally.updated for tally in tallies)
    deleted = sum(tally.deleted for tally in tallies)
    messages.success(
        request,
        _(
            "Les cartes sont à jour : %(created)d nouvelle(s), %(updated)d modifiée(s), "
            "%(deleted)d retirée(s) parce que leur contenu n'est plus sur le portail."
        )
        % {"created": created, "updated": updated, "deleted": deleted},
    )
    return redirect("cards:index")
