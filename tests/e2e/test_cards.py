"""A facilitator curates a deck in a real browser without JavaScript: takes a card out, moves
another up; every page audited with axe, and the deck page fits a 320 px screen."""

import re

import pytest
from playwright.sync_api import expect

from portail.cards.models import Deck
from tests.accounts.factories import UserFactory
from tests.cards.factories import CardFactory, DeckFactory
from tests.e2e.conftest import assert_no_horizontal_scroll, click_and_wait_for_page
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
    expect(page.locator(".messages")).to_contain_text("La carte est retirée du paquet.")
    page.get_by_role("button", name="Monter la carte n° 2").click()
    page.wait_for_url(f"**/restitution/#carte-{cards[2].pk}")
    expect(page.locator(".messages")).to_contain_text("La carte est montée d'une place.")

    deck = Deck.objects.get(pk=deck.pk)
    assert [card.prompt for card in deck.cards_in_order()] == [
        "Vrai ou faux ? Carte C.",
        "Vrai ou faux ? Carte B.",
    ]
    expect(page.locator("ol.paquet > li h3").first).to_have_text(re.compile(r"^\s*n° 1"))
    expect(page.locator("ol.paquet > li").first).to_contain_text("Carte C.")
    expect(
        page.get_by_role("button", name="Remettre dans le paquet : Vrai ou faux ? Carte A.")
    ).to_be_visible()
    audit(browser, axe, page, javascript=False)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scroll(page)

    page.goto(f"{deck.get_absolute_url()}ajouter/")
    page.get_by_label("Vrai ou faux ? Carte D").check()
    audit(browser, axe, page, javascript=False)
    # The form posts back to this same page: wait for the one that says the card is added
    # before reading the deck from the database.
    click_and_wait_for_page(page, page.get_by_role("button", name="Ajouter les cartes cochées"))
    expect(page.locator(".messages")).to_contain_text("1 carte(s) ajoutée(s) au paquet.")
    assert (
        Deck.objects.get(pk=deck.pk)
        .cards_in_order()
        .last()
        .prompt.endswith("Carte D, pas encore dans le paquet.")
    )
    context.close()
