"""What the views of the cards room share: finding a deck the person may see, and the checks
of who may change what (see permissions.py)."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse

from portail.cards.models import Deck
from portail.cards.permissions import may_edit_deck, may_prepare_decks


def visible_deck(request, slug):
    """The deck, or 404 when it does not exist or belongs to a private group the person is not
    part of."""
    return get_object_or_404(
        Deck.objects.visible_to(request.user).select_related(
            "theme", "event", "group", "created_by"
        ),
        slug=slug,
    )


def require_preparer(request):
    """Anonymous visitors go to the login page (returned), others without the role get 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_prepare_decks(request.user):
        raise PermissionDenied
    return None


def editable_deck(request, slug):
    """(deck, None) when the person may change it; (None, login redirect) for an anonymous
    visitor (back to the deck's page after signing in); 404 when it is hidden from them, 403
    when they may only look."""
    if not request.user.is_authenticated:
        next_url = (
            request.get_full_path()
            if request.method == "GET"
            else reverse("cards:deck", args=[slug])
        )
        return None, redirect_to_login(next_url)
    deck = visible_deck(request, slug)
    if not may_edit_deck(request.user, deck):
        raise PermissionDenied
    return deck, None
