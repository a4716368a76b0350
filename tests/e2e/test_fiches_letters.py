"""Fiches pistes and model letters in a real browser: accessible, 320 px wide, and a letter
written from the form to the PDF with the keyboard only."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from portail.core.content import load_content
from portail.letters.models import SavedLetter
from tests.e2e.conftest import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    click_and_wait_for_page,
)
from tests.letters.pdf_text import pdf_text

pytestmark = pytest.mark.django_db(transaction=True)

LETTER = "/lettres/restitution-depot-de-garantie/"


@pytest.fixture
def knowledge(live_server):
    load_content()


def press_and_wait_for_page(page, key):
    """Press `key` on the focused control and wait for the page its form or link loads, even
    at the same address (the keyboard twin of `click_and_wait_for_page`)."""
    with page.expect_navigation():
        page.keyboard.press(key)


def tab_to(page, selector, limit=120):
    """Press Tab until the element matching `selector` has the focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} jamais atteint au clavier")


PAGES = ["/fiches/", "/fiches/depot-de-garantie/", "/fiches/preavis-depart/", "/lettres/"]


def test_fiche_pages_are_accessible_fit_320px_and_open_glossary_words(
    knowledge, page, mobile_page, axe
):
    # One test for the pages (the whole knowledge base is loaded once for them).
    for path in PAGES:
        response = page.goto(path)
        assert response.status == 200, path
        assert_no_axe_violations(axe, page)

        mobile_page.goto(path)
        assert_no_horizontal_scroll(mobile_page)

    page.goto("/fiches/depot-de-garantie/")
    word = page.locator("#titre-droits + div .terme-glossaire__mot").first
    word.click()
    definition = page.locator("[popover]:popover-open")
    expect(definition).to_have_count(1)
    expect(definition).to_be_visible()


def test_the_letter_form_its_errors_and_its_preview_are_accessible_at_320px(
    knowledge, page, mobile_page, axe
):
    page.goto(LETTER)
    assert_no_axe_violations(axe, page)
    mobile_page.goto(LETTER)
    assert_no_horizontal_scroll(mobile_page)

    page.get_by_label("Date où vous avez rendu les clés").fill("31/02/2025")
    click_and_wait_for_page(page, page.get_by_role("button", name="Voir ma lettre"))
    expect(page.locator(".erreurs-formulaire")).to_be_visible()
    assert page.get_by_label("Date où vous avez rendu les clés").input_value() == "31/02/2025"
    assert_no_axe_violations(axe, page)

    fill_restitution(page)
    click_and_wait_for_page(page, page.get_by_role("button", name="Voir ma lettre"))
    expect(page.locator("h1")).to_have_text("Relisez votre lettre")
    assert_no_axe_violations(axe, page)

    fill_restitution(mobile_page)
    click_and_wait_for_page(mobile_page, mobile_page.get_by_role("button", name="Voir ma lettre"))
    expect(mobile_page.locator("h1")).to_have_text("Relisez votre lettre")
    assert_no_horizontal_scroll(mobile_page)


def fill_restitution(page):
    page.get_by_label("Votre prénom et votre nom").fill("Nadia Benali")
    page.get_by_label("Votre adresse").fill("12 rue des Lilas\n42000 Saint-Étienne")
    page.get_by_label("À qui vous écrivez").fill("Agence Durand")
    page.get_by_label("Son adresse").fill("3 place du Peuple\n42000 Saint-Étienne")
    page.get_by_label("L'adresse du logement loué").fill("12 rue des Lilas, Saint-Étienne")
    page.get_by_label("Date où vous avez rendu les clés").fill("15/03/2025")
    page.get_by_label("Montant du dépôt de garantie versé à l'entrée (en euros)").fill("450")
    page.get_by_label("Oui, aucun nouveau dégât n'est noté à la sortie").check()
    page.get_by_label("Ville où vous écrivez la lettre").fill("Saint-Étienne")


def test_a_resident_writes_a_letter_with_the_keyboard_only(knowledge, page):
    page.goto("/fiches/depot-de-garantie/")
    tab_to(page, f"a[href='{LETTER}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{LETTER}")

    typed = [
        ("#id_nom_expediteur", "Nadia Benali"),
        ("#id_adresse_expediteur", "12 rue des Lilas"),
        ("#id_nom_destinataire", "Agence Durand"),
        ("#id_adresse_destinataire", "3 place du Peuple"),
        ("#id_adresse_logement", "12 rue des Lilas"),
        ("#id_date_remise_cles", "15/03/2025"),
        ("#id_montant_depot", "1 200,50"),
    ]
    for selector, text in typed:
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "#id_etat_des_lieux_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_ville")
    page.keyboard.type("Saint-Étienne")
    tab_to(page, "button[type=submit].bouton")
    press_and_wait_for_page(page, "Enter")

    expect(page.locator("h1")).to_have_text("Relisez votre lettre")
    letter = page.locator(".lettre")
    expect(letter).to_contain_text(
        "Objet : Demande de restitution du dépôt de garantie", use_inner_text=True
    )
    expect(letter).to_contain_text("1 200,50 €", use_inner_text=True)
    expect(letter).to_contain_text("15 mars 2025", use_inner_text=True)

    # « Modifier » brings the form back with what was typed (same address: wait for the page).
    tab_to(page, "button[name=modifier]")
    press_and_wait_for_page(page, "Enter")
    expect(page.locator("#id_montant_depot")).to_have_value("1 200,50")
    tab_to(page, "button[type=submit].bouton")
    press_and_wait_for_page(page, "Enter")
    expect(page.locator("h1")).to_have_text("Relisez votre lettre")

    tab_to(page, "form.actions-lettre button[type=submit]:not([formaction])")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "lettre-restitution-depot-de-garantie.pdf"
    text = pdf_text(Path(download.path()).read_bytes())
    assert "Nadia Benali" in text
    assert "Objet : Demande de restitution du dépôt de garantie" in text
    assert SavedLetter.objects.count() == 0
