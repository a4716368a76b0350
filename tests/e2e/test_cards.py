"""A facilitator curates a deck in a real browser without JavaScript: takes a card out, moves
another up; every page audited with axe, and the deck page fits a 320 px screen."""

import pytest

from portail.cards.models import Deck
from tests.accounts.factories import UserFactory
from tests.cards.factories import CardFactory, DeckFactory
from tests.e2e.conftest import assert_no_horizontal_scroll
from tests.e2e.test_core_loop import audit, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_facilitator_takes_a_card_out_and_moves_one_up_without_javascript(
    browser, live_server, axe
):
    facilitator = UserFactory(facilitator=True)
    cards = [CardFactory(prompt=f"Vrai ou faux ? Carte {letter}.") for letter in "ABC"]
    CardFactory(prompt="Vrai ou faux ? Carte D, pas encore dans le paquet.")
    deck = DeckFactory(name="Restitution", slug="restitution", created_by=facilitator, cards=cards)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = sign_in(context, live_server, facilitator)
    page.set_default_timeout(10_000)

    page.goto(deck.get_absolute_url())
    audit(browser, axe, page, javascript=False)
    page.get_by_role("button", name="Retirer du paquet la carte n° 1").click()
    page.wait_for_url("**/restitution/#retirees")
    assert "La carte est retirée du paquet." in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Monter la carte n° 2").click()
    page.wait_for_url(f"**/restitution/#carte-{cards[2].pk}")

    deck = Deck.objects.get(pk=deck.pk)
    assert [card.prompt for card in deck.cards_in_order()] == [
        "Vrai ou faux ? Carte C.",
        "Vrai ou faux ? Carte B.",
    ]
    assert page.locator("ol.paquet > li h3").all_inner_texts()[0].startswith("n° 1")
    assert "Carte C." in page.locator("ol.paquet > li").first.inner_text()
    assert page.get_by_role(
        "button", name="Remettre dans le paquet : Vrai ou faux ? Carte A."
    ).is_visible()
    audit(browser, axe, page, javascript=False)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scroll(page)

    page.goto(f"{deck.get_absolute_url()}ajouter/")
    page.get_by_label("Vrai ou faux ? Carte D").check()
    audit(browser, axe, page, javascript=False)
    page.get_by_role("button", name="Ajouter les cartes cochées").click()
    assert (
        Deck.objects.get(pk=deck.pk)
        .cards_in_order()
        .last()
        .prompt.endswith("Carte D, pas encore dans le paquet.")
    )
    context.close()
