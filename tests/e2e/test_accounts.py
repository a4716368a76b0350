"""Sign-up by keyboard only, login, each role's landing page, and « Mes données » then
« Supprimer mon compte », in a real browser."""

import json
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from portail.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory
from tests.e2e.conftest import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    click_and_wait_for_page,
)
from tests.places.factories import QuartierFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, selector, limit=60):
    """Press Tab until the element matching `selector` has the focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} jamais atteint au clavier")


def test_a_resident_signs_up_with_the_keyboard_only_and_confirms_by_email(page, axe):
    QuartierFactory(name="Montreynaud")
    page.goto("/")
    tab_to(page, "a[href='/compte/connexion/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/compte/connexion/")
    tab_to(page, "a[href='/compte/inscription/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/compte/inscription/")
    assert_no_axe_violations(axe, page)

    tab_to(page, "#id_email")
    page.keyboard.type("nadia@exemple.org")
    tab_to(page, "#id_display_name")
    page.keyboard.type("Nadia")
    tab_to(page, "#id_quartier")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_password1")
    page.keyboard.type("un toit pour chacun 2026")
    tab_to(page, "#id_password2")
    page.keyboard.type("un toit pour chacun 2026")
    tab_to(page, "#id_accept_privacy")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/compte/inscription/envoyee/**")
    expect(page.locator("h1")).to_contain_text(
        re.compile("e-mail", re.IGNORECASE), use_inner_text=True
    )
    user = User.objects.get(email="nadia@exemple.org")
    assert not user.is_active
    assert user.quartier.name == "Montreynaud"

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/compte/confirmer/\S+/", mail.outbox[0].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.wait_for_url("**/compte/mon-espace/")
    expect(page.locator("#role-habitant")).to_be_visible()
    user.refresh_from_db()
    assert user.is_active and user.email_confirmed_at


def test_a_wrong_signup_keeps_what_was_typed_and_explains_in_french(page, axe):
    page.goto("/compte/inscription/")
    page.get_by_label("Adresse e-mail").fill("nadia@exemple.org")
    page.get_by_label("Pseudonyme (facultatif)").fill("Nadia")
    page.locator("#id_password1").fill("court")
    # The errors come back at the same address: wait for that new page, not the one leaving.
    click_and_wait_for_page(page, page.get_by_role("button", name="Créer mon compte"))
    expect(page.locator(".erreurs-formulaire")).to_be_visible()
    expect(page.get_by_label("Adresse e-mail")).to_have_value("nadia@exemple.org")
    expect(page.get_by_label("Pseudonyme (facultatif)")).to_have_value("Nadia")
    assert_no_axe_violations(axe, page)
    assert not User.objects.filter(email="nadia@exemple.org").exists()


ROLE_SECTIONS = {
    "habitant": ({}, ["role-habitant"]),
    "membre": ({"member": True}, ["role-habitant", "role-membre"]),
    "animateur": ({"facilitator": True}, ["role-habitant", "role-membre", "role-animateur"]),
    "moderateur": ({"moderator": True}, ["role-habitant", "role-moderateur"]),
    "partenaire": ({"partner": True}, ["role-habitant", "role-partenaire"]),
    "equipe": ({"staff": True}, ["role-habitant", "role-moderateur", "role-equipe"]),
}
ALL_SECTIONS = {s for _, sections in ROLE_SECTIONS.values() for s in sections}


@pytest.mark.parametrize("role", ROLE_SECTIONS)
def test_each_role_logs_in_and_lands_on_its_own_space(page, mobile_page, axe, role):
    traits, sections = ROLE_SECTIONS[role]
    user = UserFactory(email=f"{role}@exemple.org", **traits)

    page.goto("/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/compte/mon-espace/")

    for section in sections:
        expect(page.locator(f"#{section}"), section).to_be_visible()
    for section in ALL_SECTIONS - set(sections):
        expect(page.locator(f"#{section}"), section).to_have_count(0)
    assert_no_axe_violations(axe, page)

    mobile_page.context.add_cookies(page.context.cookies())
    mobile_page.goto("/compte/mon-espace/")
    assert_no_horizontal_scroll(mobile_page)


def test_repeated_wrong_passwords_lock_the_account_with_a_french_page(page, axe):
    user = UserFactory(email="cible@exemple.org")
    for _ in range(5):
        page.goto("/compte/connexion/")
        page.get_by_label("Adresse e-mail").fill(user.email)
        page.get_by_label("Mot de passe").fill("pas le bon mot de passe")
        # Wait for the answer: the next `goto` must not cancel an attempt before it counts.
        click_and_wait_for_page(page, page.get_by_role("button", name="Me connecter"))
    page.goto("/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Me connecter").click()
    assert navigation.value.status == 429
    expect(page.locator("h1")).to_have_text("Trop de tentatives")
    assert "Trop de tentatives" in page.content()
    assert_no_axe_violations(axe, page)


def test_logout_is_a_button_and_signs_out(page):
    user = UserFactory()
    page.goto("/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/compte/mon-espace/")
    page.get_by_role("button", name="Me déconnecter").first.click()
    # The sign-out is done once its answer, the home page, says so; only then ask for the space.
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))
    expect(page.locator(".messages")).to_contain_text("Vous êtes déconnecté.")
    page.goto("/compte/mon-espace/")
    assert "/compte/connexion/" in page.url


def log_in(page, user):
    page.goto("/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/compte/mon-espace/")


def test_a_resident_downloads_their_data_then_deletes_their_account(page, mobile_page, axe):
    user = UserFactory(email="karim@exemple.org", display_name="Karim")
    question = QuestionFactory(
        author=user,
        original_text="Mon bailleur refuse de réparer la fuite sous l'évier. Que faire ?",
        text="Mon bailleur refuse de réparer la fuite sous l'évier. Que faire ?",
        detected_spans=[],
    )
    log_in(page, user)

    tab_to(page, "main a[href='/compte/mes-donnees/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/compte/mes-donnees/")
    expect(page.locator("h1")).to_have_text("Mes données", use_inner_text=True)
    assert_no_axe_violations(axe, page)
    mobile_page.context.add_cookies(page.context.cookies())
    mobile_page.goto("/compte/mes-donnees/")
    assert_no_horizontal_scroll(mobile_page)

    tab_to(page, "a[href='/compte/mes-donnees/fichier.json']")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.startswith("mes-donnees-")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    dumped = json.dumps(data, ensure_ascii=False)
    assert "karim@exemple.org" in dumped
    assert "la fuite sous l'évier" in dumped

    tab_to(page, "main a[href='/compte/supprimer/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/compte/supprimer/")
    expect(page.locator("main")).to_contain_text(
        "Votre question reste sur le portail", use_inner_text=True
    )
    assert_no_axe_violations(axe, page)
    mobile_page.goto("/compte/supprimer/")
    assert_no_horizontal_scroll(mobile_page)

    password = page.get_by_label("Votre mot de passe")
    password.fill("pas le bon mot de passe")
    # Refused at the same address: `wait_for_load_state` would be satisfied by the page leaving.
    click_and_wait_for_page(
        page, page.get_by_role("button", name="Supprimer mon compte pour toujours")
    )
    expect(page.locator("main")).to_contain_text(
        "Ce n'est pas le bon mot de passe", use_inner_text=True
    )
    # A wrong password is not written back into the page; the field says it is wrong.
    expect(password).to_have_value("")
    expect(password).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(axe, page)
    assert User.objects.filter(pk=user.pk).exists()

    password.fill(PASSWORD)
    page.get_by_role("button", name="Supprimer mon compte pour toujours").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))
    expect(page.locator(".messages")).to_contain_text(
        "Votre compte est supprimé", use_inner_text=True
    )
    expect(page.get_by_role("link", name="Se connecter").first).to_be_visible()
    assert not User.objects.filter(pk=user.pk).exists()
    question.refresh_from_db()
    assert question.author is None
    assert question.email == ""

    page.goto("/compte/mon-espace/")
    assert "/compte/connexion/" in page.url
