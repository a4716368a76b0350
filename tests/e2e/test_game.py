"""The jeu de l'oie in a real browser: a facilitator starts a game with the keyboard, plays it
to the end with two teams (a card revealed, a question of the table noted, a reload on the way),
the projector's screen follows; then the same game on a phone without JavaScript. Every page is
audited with axe."""

import re

import pytest
from playwright.sync_api import expect

from portail.game.models import GameSession
from portail.questions.models import Question
from tests.accounts.factories import UserFactory
from tests.e2e.conftest import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    click_and_wait_for_page,
)
from tests.e2e.test_accounts import tab_to
from tests.e2e.test_core_loop import audit, sign_in
from tests.events.factories import EventFactory
from tests.game.factories import CardFactory, DeckFactory, game_for

pytestmark = pytest.mark.django_db(transaction=True)

# On the classic board « avec nos cartes », seed 709 gives: Bleue 5 (a question card), Orange
# 5+4 → 53 at the first throw, Bleue 11, Orange 63. Four throws, one card.
SEED = 709
TABLE_QUESTION = "Est-ce que le bailleur peut garder toute la caution pour un trou dans le mur ?"


def assert_focus(page, element_id):
    """The focus lands on `element_id`: game.js moves it once the swapped block is settled,
    a moment after the new version appears, so wait for it (the usual 10 s at most)."""
    expect(page.locator(f"#{element_id}")).to_be_focused()


def deck():
    question = CardFactory(
        kind="question",
        prompt="Que veut dire « dépôt de garantie » ?",
        answer="L'argent versé à l'entrée dans le logement, rendu au départ.",
        discussion="Qui a déjà attendu le retour de sa caution ?",
    )
    others = [CardFactory(kind=kind) for kind in ("vrai-faux", "mot", "temoignage", "defi")]
    return DeckFactory(name="Paquet logement", cards=[question, *others])


def throw_by_keyboard(page, version):
    """Enter on the focused « Lancer » button; wait for the swapped block."""
    assert_focus(page, "bouton-lancer")
    page.keyboard.press("Enter")
    page.wait_for_selector(f'#partie[data-version="{version + 1}"]')
    return version + 1


def test_a_facilitator_plays_a_whole_game_with_the_keyboard(browser, live_server, axe):
    facilitator = UserFactory(facilitator=True)
    deck()
    event = EventFactory(title="Restitution du Groupe Logement")
    # This screen asked for reduced motion; the projector's did not.
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", reduced_motion="reduce")
    page = sign_in(context, live_server, facilitator)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/jeu/")
    assert_no_axe_violations(axe, page)
    tab_to(page, "a[href='/jeu/nouvelle-partie/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/jeu/nouvelle-partie/")
    assert_no_axe_violations(axe, page)

    # The two teams are already written; the deck, the event and the seed by keyboard.
    tab_to(page, "#id_deck")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_event")
    page.keyboard.press("ArrowDown")
    tab_to(page, "details.options summary")
    page.keyboard.press("Enter")
    tab_to(page, "#id_seed")
    page.keyboard.type(str(SEED))
    tab_to(page, "form.formulaire button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/jeu/\d+/$"))
    game = GameSession.objects.get()
    assert game.event == event and game.seed == SEED and game.deck.name == "Paquet logement"
    expect(page.locator("#partie .pion")).to_have_count(2)
    assert_no_axe_violations(axe, page)

    # Bleue throws and lands on a question card: the answer stays hidden.
    tab_to(page, "#bouton-lancer")
    version = throw_by_keyboard(page, 0)
    card = page.locator(".carte-jeu")
    assert "Que veut dire « dépôt de garantie » ?" in card.inner_text()
    assert "rendu au départ" not in card.inner_text()
    assert "Qui a déjà attendu le retour de sa caution ?" in card.inner_text()
    page.wait_for_function(
        "() => document.getElementById('annonce').textContent.includes('Équipe Bleue lance')"
    )
    assert "case 5" in page.locator("#annonce").inner_text()
    assert page.evaluate("() => document.getAnimations().length") == 0
    assert_no_axe_violations(axe, page)

    # The projector's screen shows the card, not the answer, nor anything to press.
    screen_url = page.locator("#lien-ecran").input_value()
    projector = browser.new_context(locale="fr-FR", viewport={"width": 1600, "height": 900})
    screen = projector.new_page()
    screen.goto(screen_url)
    assert "dépôt de garantie" in screen.locator(".carte-jeu").inner_text()
    assert screen.locator("#partie button").count() == 0
    assert_no_axe_violations(axe, screen)

    # « Montrer la réponse »: on the page and, soon after, on the screen.
    tab_to(page, "#bouton-reponse")
    page.keyboard.press("Enter")
    page.wait_for_selector(f'#partie[data-version="{version + 1}"]')
    version += 1
    assert "rendu au départ" in page.locator(".carte-jeu__reponse").inner_text()
    assert_focus(page, "reponse")
    # The screen polls every 4 s: the usual 10 s of patience cover a poll and its answer.
    expect(screen.locator(".carte-jeu__reponse")).to_be_visible()

    # A question of the table goes to moderation; the game goes on.
    tab_to(page, "details.noter summary")
    page.keyboard.press("Enter")
    tab_to(page, "#id_text")
    page.keyboard.type(TABLE_QUESTION)
    tab_to(page, "#id_person_agrees")
    page.keyboard.press("Space")
    tab_to(page, "#noter button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**#noter")
    assert "La question est notée." in page.locator(".messages").inner_text()
    assert "/suivi/" in page.locator("#lien-suivi-texte").input_value()
    question = Question.objects.get()
    assert question.origin == "jeu" and question.event == event
    assert question.status == Question.Status.RECEIVED

    # A reload resumes the game where it was: Orange's turn, Bleue on 5.
    page.reload()
    assert page.locator('.pion[data-joueur="0"]').get_attribute("data-case") == "5"
    assert "Lancer les dés pour Équipe Orange" in page.locator("#bouton-lancer").inner_text()

    # Orange, Bleue, Orange: to the end.
    tab_to(page, "#bouton-lancer")
    version = throw_by_keyboard(page, version)
    assert page.locator('.pion[data-joueur="1"]').get_attribute("data-case") == "53"
    version = throw_by_keyboard(page, version)
    # On the projector the winner's pawn walks to the end, square by square: a walk of about two
    # seconds, which a check made after the winner shows could miss on a busy machine. So the
    # screen notes, the moment the block with the winner is settled (game.js has started the
    # walk by then: its listener came first), whether the pawn is moving.
    screen.evaluate(
        """() => document.addEventListener("htmx:afterSettle", () => {
            if (!document.querySelector("#partie .partie__gagnant")) return;
            const pawn = document.querySelector('.pion[data-joueur="1"]');
            window.marcheDuGagnant = pawn.getAnimations().length;
        })"""
    )
    assert_focus(page, "bouton-lancer")
    page.keyboard.press("Enter")
    page.wait_for_selector(".partie__gagnant")
    assert "Équipe Orange a gagné !" in page.locator(".partie__gagnant").inner_text()
    assert page.locator("#bouton-lancer").count() == 0
    assert_focus(page, "dernier-coup")
    assert GameSession.objects.get().is_finished
    assert_no_axe_violations(axe, page)
    expect(screen.locator(".partie__gagnant")).to_be_visible()
    screen.wait_for_function("() => window.marcheDuGagnant !== undefined")
    assert screen.evaluate("() => window.marcheDuGagnant") > 0
    assert errors == []
    projector.close()
    context.close()


def test_on_a_phone_without_javascript_the_game_goes_on_by_forms(browser, live_server, axe):
    facilitator = UserFactory(facilitator=True)
    game = game_for(facilitator, deck=deck(), seed=SEED)
    context = browser.new_context(
        base_url=live_server.url,
        locale="fr-FR",
        java_script_enabled=False,
        viewport={"width": 320, "height": 640},
    )
    page = sign_in(context, live_server, facilitator)
    page.goto(game.get_absolute_url())
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Lancer les dés pour Équipe Bleue").click()
    page.wait_for_url("**#dernier-coup")
    assert "Équipe Bleue lance" in page.locator(".partie__recit").inner_text()
    # The answer comes back at the same address (#dernier-coup): wait for that new page.
    click_and_wait_for_page(page, page.get_by_role("button", name="Montrer la réponse"))
    expect(page.locator(".carte-jeu__reponse")).to_contain_text("rendu au départ")
    assert_no_horizontal_scroll(page)
    audit(browser, axe, page, javascript=False)
    page.reload()
    assert "Lancer les dés pour Équipe Orange" in page.content()
    context.close()


def test_the_game_block_answers_at_once_after_a_swap(browser, live_server):
    """The block is swapped and made live in one go (settle:0ms): a press that comes the moment
    after a throw still goes through htmx instead of reloading the page. And an action and the
    4-second poll can both answer with the same new version: the poll's copy is not swapped in
    again, since a second swap right after the first used to lose the keyboard focus and could
    replay the turn's announcement."""
    facilitator = UserFactory(facilitator=True)
    game = game_for(facilitator, deck=deck(), seed=SEED)
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", reduced_motion="reduce")
    page = sign_in(context, live_server, facilitator)
    page.goto(game.get_absolute_url())
    version = int(page.locator("#partie").get_attribute("data-version"))
    # The next team's button is pressed as early as a person could: the first task after the swap.
    # The block of the first throw lives only until the second press is answered, too briefly
    # for a check from outside the page: the swap notes the version it brought in.
    page.evaluate(
        """() => {
            window.memePage = true;
            document.body.addEventListener("htmx:afterSwap", () => {
                window.premierBloc = document.getElementById("partie").dataset.version;
                setTimeout(() => document.getElementById("bouton-lancer").click(), 0);
            }, {once: true});
        }"""
    )
    page.locator("#bouton-lancer").focus()
    assert_focus(page, "bouton-lancer")
    page.keyboard.press("Enter")
    page.wait_for_selector(f'#partie[data-version="{version + 2}"]')
    assert page.evaluate("() => window.premierBloc") == str(version + 1)
    version += 2
    assert page.evaluate("() => window.memePage") is True
    assert_focus(page, "bouton-lancer")
    page.wait_for_function(
        "() => document.getElementById('annonce').textContent.includes('Équipe Orange lance')"
    )

    # What a poll sent before the last throw asks for: the version the screen showed then.
    answered = page.evaluate(
        """(stale) => new Promise((resolve) => {
            const block = document.getElementById("partie");
            block.dataset.marque = "déjà là";
            document.getElementById("annonce").textContent = "";
            const url = block.getAttribute("hx-get").replace(/version=\\d+/, "version=" + stale);
            // Only the answer to this request counts: the 4-second poll may be on its way too
            // (this one then waits behind it), and its answer must not end the wait too early.
            const done = (event) => {
                if (!event.detail.pathInfo.requestPath.includes("version=" + stale)) return;
                document.body.removeEventListener("htmx:afterRequest", done);
                setTimeout(() => resolve(event.detail.successful), 200);
            };
            document.body.addEventListener("htmx:afterRequest", done);
            htmx.ajax("GET", url, {source: block, target: "#partie", swap: "outerHTML settle:0ms"});
        })""",
        version - 1,
    )
    assert answered is True
    assert page.locator("#partie").get_attribute("data-marque") == "déjà là"
    assert page.evaluate("() => document.activeElement.id") == "bouton-lancer"
    assert page.locator("#annonce").inner_text() == ""
    context.close()
