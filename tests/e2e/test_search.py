"""The search in a real browser (Debian's Chromium): from the header of any page, at 320 px,
without horizontal scrolling and without axe violations."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations, assert_no_horizontal_scroll
from tests.search.conftest import *  # noqa: F403 - the small knowledge base fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_resident_searches_from_the_header_on_a_small_phone(mobile_page, axe, small_kb):
    mobile_page.goto("/")
    assert_no_horizontal_scroll(mobile_page)
    mobile_page.get_by_label("Rechercher", exact=True).fill("ma cosion")
    mobile_page.get_by_role("button", name="Chercher", exact=True).click()
    mobile_page.wait_for_url("**/recherche/?q=ma+cosion")
    expect(mobile_page.get_by_text("Résultats pour « ma caution »")).to_be_visible()
    expect(mobile_page.get_by_role("heading", name="Des fiches pour agir")).to_be_visible()
    expect(mobile_page.get_by_role("link", name="Récupérer son dépôt de garantie")).to_be_visible()
    assert_no_horizontal_scroll(mobile_page)
    assert_no_axe_violations(axe, mobile_page)


def test_the_original_words_are_one_link_away(mobile_page, small_kb):
    mobile_page.goto("/recherche/?q=cosion")
    mobile_page.get_by_role("link", name="Chercher plutôt vos mots : « cosion »").click()
    # wait_for_url waits for the new page's load, so the scroll check below measures it styled.
    mobile_page.wait_for_url(re.compile(r"/recherche/\?q=cosion&exact=1$"))
    expect(mobile_page.get_by_text("Vous vouliez dire")).to_be_visible()
    assert_no_horizontal_scroll(mobile_page)


def test_the_empty_search_page_is_accessible(page, axe, subjects):
    page.goto("/recherche/")
    assert page.get_by_role("heading", name="Rechercher", exact=True).is_visible()
    assert page.get_by_role("link", name="Poser une question").first.is_visible()
    assert_no_axe_violations(axe, page)


def test_a_long_testimony_and_no_result_pages_are_accessible(mobile_page, axe, small_kb):
    mobile_page.goto("/recherche/?q=" + "humidité+moisissures+chambre+" * 120)
    assert mobile_page.get_by_text("les 2 000 premiers caractères").is_visible()
    assert_no_horizontal_scroll(mobile_page)
    assert_no_axe_violations(axe, mobile_page)
    mobile_page.goto("/recherche/?q=xylophone")
    assert mobile_page.get_by_text("Nous n'avons rien trouvé").is_visible()
    assert_no_axe_violations(axe, mobile_page)


def test_the_suggestions_page_works_without_javascript(page, axe, small_kb):
    page.goto("/recherche/suggestions/?q=mon+proprio+garde+ma+caution")
    assert page.get_by_role("heading", name="Ces réponses existent peut-être déjà").is_visible()
    assert page.get_by_role("link", name="Récupérer son dépôt de garantie").is_visible()
    assert_no_axe_violations(axe, page)
