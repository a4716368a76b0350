"""The whole core loop in a real browser: an anonymous resident asks with the keyboard only, a
moderator approves, a group member answers with a piste, and the resident opens the private
follow-up link and reads the piste. Every page is audited with axe. The same journey runs again
with JavaScript disabled."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from playwright.sync_api import expect

from portail.questions.models import Question
from tests.accounts.factories import PASSWORD, UserFactory
from tests.e2e.conftest import assert_no_axe_violations
from tests.e2e.test_accounts import tab_to
from tests.places.factories import QuartierFactory, SubjectFactory

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = (
    "Bonjour, le chauffage de mon appartement ne marche plus depuis dix jours. "
    "Appelez-moi au 06 12 34 56 78, je suis Nadia Benali. Que faire ?"
)


def sign_in(context, live_server, user):
    page = context.new_page()
    page.goto(f"{live_server.url}/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/compte/mon-espace/")
    return page


def ask_with_keyboard(page):
    page.goto("/")
    tab_to(page, "a[href='/poser-une-question/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/poser-une-question/")
    tab_to(page, "#id_text")
    page.keyboard.type(QUESTION)
    tab_to(page, "#id_email")
    page.keyboard.type("nadia@exemple.org")
    tab_to(page, "#id_consent_publication")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]:not([name=chercher])")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suivi/**")


def ask_by_mouse(page):
    page.goto("/poser-une-question/")
    page.locator("#id_text").fill(QUESTION)
    page.locator("#id_email").fill("nadia@exemple.org")
    page.locator("#id_consent_publication").check()
    page.get_by_role("button", name="Envoyer ma question").click()
    page.wait_for_url("**/suivi/**")


def audit(browser, axe, page, javascript):
    """axe needs JavaScript to run: without it, the same page (same cookies, same URL) is
    audited from a twin context where JavaScript is on."""
    if javascript:
        assert_no_axe_violations(axe, page)
        return
    twin_context = browser.new_context(storage_state=page.context.storage_state())
    twin = twin_context.new_page()
    twin.goto(page.url)
    assert_no_axe_violations(axe, twin)
    twin_context.close()


def run_journey(browser, live_server, axe, *, javascript, keyboard):
    SubjectFactory(key="chauffage-panne", title="Chauffage en panne")
    QuartierFactory(name="Montreynaud")
    moderator = UserFactory(moderator=True)
    member = UserFactory(member=True)

    resident = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    page = resident.new_page()
    page.set_default_timeout(10_000)
    if keyboard:
        ask_with_keyboard(page)
    else:
        ask_by_mouse(page)
    follow_url = page.url.split("?")[0]
    assert "06 12 34 56 78" not in page.content()
    assert "Benali" not in page.content()
    audit(browser, axe, page, javascript)
    question = Question.objects.get()
    assert question.status == Question.Status.RECEIVED
    mailed_paths = {
        urlparse(link).path for link in re.findall(r"https?://\S+", mail.outbox[0].body)
    }
    assert urlparse(follow_url).path in mailed_paths

    # The moderator sees the original with the detected data highlighted, and publishes.
    moderation = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    mod_page = sign_in(moderation, live_server, moderator)
    mod_page.goto("/moderation/")
    audit(browser, axe, mod_page, javascript)
    mod_page.goto(f"/moderation/{question.pk}/")
    assert mod_page.locator("mark.donnee-perso").count() >= 2
    audit(browser, axe, mod_page, javascript)
    mod_page.get_by_role("button", name="Publier ce texte").click()
    # Wait for the page the decision leads to before reading the database: the click returns
    # before the server has handled the POST.
    mod_page.wait_for_url("**/moderation/")
    expect(mod_page.get_by_text(f"La question n° {question.pk} est publiée.")).to_be_visible()
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED and question.is_public
    assert "06 12 34 56 78" not in question.text

    # A group member classifies and answers with a piste.
    team = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    member_page = sign_in(team, live_server, member)
    member_page.goto(f"/etat-des-lieux/{question.pk}/")
    assert "06 12 34 56 78" not in member_page.content()
    audit(browser, axe, member_page, javascript)
    member_page.goto(f"/etat-des-lieux/{question.pk}/piste/")
    audit(browser, axe, member_page, javascript)
    member_page.get_by_label("Les étapes, une par ligne").fill(
        "Écrivez au bailleur pour signaler la panne.\nGardez une copie de votre lettre."
    )
    member_page.get_by_role("button", name="Envoyer la piste").click()
    member_page.wait_for_url(f"**/etat-des-lieux/{question.pk}/")
    expect(member_page.get_by_text("La piste est enregistrée.")).to_be_visible()
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED

    # The resident opens the private link and reads the piste.
    page.goto(follow_url)
    assert "Écrivez au bailleur pour signaler la panne." in page.content()
    audit(browser, axe, page, javascript)

    # The public page shows the masked question and the piste.
    page.goto(f"/questions/{question.pk}/")
    content = page.content()
    assert "Gardez une copie de votre lettre." in content
    assert "Benali" not in content and "06 12 34 56 78" not in content
    audit(browser, axe, page, javascript)
    for context in (resident, moderation, team):
        context.close()


def test_the_core_loop_with_the_keyboard_and_javascript(browser, live_server, axe):
    run_journey(browser, live_server, axe, javascript=True, keyboard=True)


def test_the_core_loop_without_javascript(browser, live_server, axe):
    run_journey(browser, live_server, axe, javascript=False, keyboard=False)
