"""Every public page and every error page: zero axe violations, no horizontal scroll at 320 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    click_and_wait_for_page,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls("tests.core.urls_errors")]

PUBLIC_PAGES = [
    ("/", "Connaître ses droits"),
    ("/poser-une-question/", "Poser une question"),
    ("/glossaire/", "Comprendre les mots"),
    ("/fiches/", "Trouver des pistes"),
    ("/contact/", "Contact"),
    ("/mentions-legales/", "Mentions légales"),
    ("/accessibilite/", "accessibilité"),
    ("/confidentialite/", "onfidentialité"),
    ("/a-propos/", "Qui sommes-nous"),
    ("/preferences/", "onfort de lecture"),
    ("/groupes/", "roupes"),
    ("/reseau/", "éseau"),
    ("/compte/connexion/", "Se connecter"),
    ("/compte/inscription/", "Créer un compte"),
    ("/compte/mot-de-passe/", "Mot de passe oublié"),
]

ERROR_PAGES = [
    ("/cette-page-n-existe-pas/", 404, "Cette page n'existe pas"),
    ("/essai/interdit/", 403, "Vous ne pouvez pas voir cette page"),
    ("/essai/panne/", 500, "Le site a un problème"),
]


@pytest.mark.parametrize(("path", "heading"), PUBLIC_PAGES)
def test_public_page_is_accessible_and_fits_320px(page, mobile_page, axe, path, heading):
    response = page.goto(path)
    assert response.status == 200
    assert heading.lower() in page.locator("h1").inner_text().lower()
    assert_no_axe_violations(axe, page)

    mobile_page.goto(path)
    assert_no_horizontal_scroll(mobile_page)


@pytest.mark.parametrize(("path", "status", "heading"), ERROR_PAGES)
def test_error_page_is_french_accessible_and_fits_320px(
    page, mobile_page, axe, path, status, heading
):
    response = page.goto(path)
    assert response.status == status
    assert heading.lower() in page.locator("h1").inner_text().lower()
    assert page.get_by_role("link", name="Accueil").first.is_visible()
    assert_no_axe_violations(axe, page)

    mobile_page.goto(path)
    assert_no_horizontal_scroll(mobile_page)


def test_skip_link_is_first_and_moves_focus_to_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Aller au contenu")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#contenu$"))
    assert page.evaluate("() => location.hash") == "#contenu"


def test_text_size_and_contrast_toggles_work_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    # Each button posts and comes back to this same address: wait for the page that comes back.
    click_and_wait_for_page(page, page.get_by_role("button", name="Agrandir le texte"))
    expect(page.locator("html")).to_contain_class("texte-grand")
    click_and_wait_for_page(page, page.get_by_role("button", name="Contraste renforcé"))
    expect(page.locator("html")).to_contain_class("texte-grand contraste-eleve")
    assert page.url.rstrip("/") == live_server.url.rstrip("/")
    context.close()


def test_high_contrast_and_large_text_pages_have_no_axe_violations(browser, live_server, axe):
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(
        [
            {"name": "taille_texte", "value": "tres-grand", "url": live_server.url},
            {"name": "contraste", "value": "eleve", "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.goto("/")
    assert "contraste-eleve" in page.locator("html").get_attribute("class")
    assert_no_axe_violations(axe, page)
    context.close()
