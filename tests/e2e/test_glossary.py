"""The glossary in a real browser: accessible A–Z and word pages at any width, the auto-linked
words' definitions opened from the keyboard, and the « Écouter » button."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations, assert_no_horizontal_scroll
from tests.glossary.factories import TermFactory
from tests.places.factories import ThemeFactory

pytestmark = pytest.mark.django_db(transaction=True)

# A fake speech engine, installed before the page's scripts: the test browser has no voices.
FAKE_SPEECH = """
(() => {
  window.__spoken = [];
  const voices = %s;
  Object.defineProperty(window, "speechSynthesis", {
    configurable: true,
    value: {
      speaking: false,
      getVoices: () => voices,
      speak: (utterance) => { window.__spoken.push({text: utterance.text, lang: utterance.lang}); },
      cancel: () => {},
      addEventListener: () => {},
    },
  });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""


@pytest.fixture
def glossary():
    housing = ThemeFactory(slug="logement", name="Logement")
    tenant = TermFactory(
        term="Locataire",
        aliases=["preneur"],
        definition="La personne qui loue le logement et paie le loyer.",
        themes=[housing],
    )
    deposit = TermFactory(
        term="Dépôt de garantie",
        aliases=["caution"],
        definition="Somme versée au propriétaire à l'entrée, rendue après le départ.",
        example="À son départ, le locataire récupère son dépôt de garantie.",
        not_to_confuse=[{"terme": "Garant", "explication": "La personne qui paie à votre place."}],
        sources=["Loi n° 89-462 du 6 juillet 1989, article 22"],
        themes=[housing],
        see_also=[tenant],
    )
    TermFactory(
        term="Commission de coordination des actions de prévention des expulsions locatives",
        slug="ccapex",
        definition="Commission qui cherche des solutions pour éviter une expulsion.",
        themes=[housing],
    )
    return {"deposit": deposit, "tenant": tenant}


@pytest.mark.parametrize(
    "path",
    [
        "/glossaire/",
        "/glossaire/?theme=logement",
        "/glossaire/depot-de-garantie/",
        "/glossaire/theme/logement/lexique/",
    ],
)
def test_glossary_pages_are_accessible_and_fit_320px(page, mobile_page, axe, glossary, path):
    assert page.goto(path).status == 200
    assert_no_axe_violations(axe, page)

    mobile_page.goto(path)
    assert_no_horizontal_scroll(mobile_page)


def test_a_letter_of_the_a_to_z_leads_to_its_words(page, glossary):
    page.goto("/glossaire/")

    page.get_by_role("link", name="Lettre D").click()

    expect(page).to_have_url(re.compile(r"#lettre-D$"))
    expect(page.locator("#lettre-D")).to_be_visible()
    expect(page.locator("#lettre-D")).to_be_in_viewport()
    page.get_by_role("link", name="Dépôt de garantie").click()
    page.wait_for_url("**/glossaire/depot-de-garantie/")
    expect(page.locator("h1")).to_have_text("Dépôt de garantie")


def test_an_auto_linked_word_opens_its_definition_from_the_keyboard(page, axe, glossary):
    page.goto("/glossaire/depot-de-garantie/")
    word = page.locator(".terme-glossaire__mot", has_text="locataire")
    definition = page.locator(".terme-glossaire__definition")
    assert not definition.is_visible()

    for _ in range(40):
        page.keyboard.press("Tab")
        if word.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("le mot « locataire » n'est pas atteignable au clavier")
    page.keyboard.press("Enter")

    expect(definition).to_be_visible()
    expect(definition).to_contain_text("La personne qui loue le logement")
    assert word.get_attribute("aria-expanded") in (None, "true")  # set by the browser itself
    assert_no_axe_violations(axe, page)
    page.keyboard.press("Tab")
    more = page.get_by_role("link", name="En savoir plus sur « Locataire »")
    expect(more).to_be_focused()
    page.keyboard.press("Escape")
    expect(definition).to_be_hidden()


def test_the_open_definition_fits_a_320px_screen(mobile_page, glossary):
    mobile_page.goto("/glossaire/depot-de-garantie/")

    mobile_page.locator(".terme-glossaire__mot").first.click()

    definition = mobile_page.locator(".terme-glossaire__definition:popover-open")
    expect(definition).to_have_count(1)
    expect(definition).to_be_visible()
    box = definition.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 320
    assert_no_horizontal_scroll(mobile_page)


def test_the_listen_button_stays_hidden_without_a_french_voice(page, glossary):
    page.add_init_script(FAKE_SPEECH % '[{"lang": "en-US", "name": "English"}]')
    page.goto("/glossaire/depot-de-garantie/")

    assert page.locator(".js-ecouter").is_hidden()


def test_the_listen_button_reads_the_word_and_its_definition_in_french(page, glossary):
    page.add_init_script(FAKE_SPEECH % '[{"lang": "fr_FR", "name": "Amélie"}]')
    page.goto("/glossaire/depot-de-garantie/")

    page.get_by_role("button", name="Écouter").click()

    page.wait_for_function("window.__spoken.length > 0")
    spoken = page.evaluate("window.__spoken")
    assert spoken == [
        {
            "text": "Dépôt de garantie. Somme versée au propriétaire à l'entrée, rendue après le "
            "départ.",
            "lang": "fr_FR",
        }
    ]


def test_without_javascript_the_listen_button_never_shows(browser, live_server, glossary):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()

    page.goto("/glossaire/depot-de-garantie/")

    assert page.locator(".js-ecouter").is_hidden()
    assert page.locator("#mot-definition").is_visible()
    context.close()
