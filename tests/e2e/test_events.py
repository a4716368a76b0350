"""The agenda in a real browser: a resident registers for a restitution with the keyboard only
and without an account; a facilitator records the attendance, the minutes and two suites,
which become follow-up requests. Every page is audited with axe."""

import pytest
from playwright.sync_api import expect

from portail.demandes.models import Demande
from portail.events.models import Registration
from tests.accounts.factories import UserFactory
from tests.e2e.conftest import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    click_and_wait_for_page,
)
from tests.e2e.test_accounts import tab_to
from tests.e2e.test_core_loop import sign_in
from tests.events.factories import EventFactory
from tests.experiences.factories import SkillFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_resident_registers_for_a_restitution_with_the_keyboard_and_no_account(page, axe):
    group = GroupFactory(name="Groupe Logement")
    event = EventFactory(
        title="Restitution : le jeu de l'oie du logement", capacity=30, groups=[group]
    )

    page.goto("/agenda/")
    assert_no_axe_violations(axe, page)
    tab_to(page, f"a[href='{event.get_absolute_url()}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{event.get_absolute_url()}")
    assert_no_axe_violations(axe, page)

    tab_to(page, "#id_name")
    page.keyboard.type("Voisine du 3e")
    tab_to(page, "#id_contact")
    page.keyboard.type("voisine@exemple.org")
    tab_to(page, "form[action$='/inscription/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/agenda/inscription/**")

    assert "votre place est réservée" in page.content()
    assert_no_axe_violations(axe, page)
    registration = Registration.objects.get()
    assert registration.name == "Voisine du 3e"
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.user is None

    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scroll(page)
    page.goto(event.get_absolute_url())
    assert_no_horizontal_scroll(page)


def test_a_facilitator_records_attendance_minutes_and_two_suites(browser, live_server, axe):
    group = GroupFactory(name="Groupe Logement")
    facilitator = UserFactory()
    MembershipFactory(user=facilitator, group=group, role="animateur")
    event = EventFactory(title="Restitution à la Cotonne", groups=[group], past=True)
    came = Registration.objects.create(
        event=event, name="Yanis", contact="06 39 98 00 21", status="inscrit"
    )
    Registration.objects.create(event=event, name="Maryam", status="inscrit")

    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = sign_in(context, live_server, facilitator)
    page.set_default_timeout(10_000)

    SkillFactory(name="Prendre la parole en public", slug="parole")
    SkillFactory(name="écouter sans juger", slug="ecouter")
    page.goto("/agenda/nouveau/")
    assert page.get_by_label("écouter sans juger").is_visible()
    assert_no_axe_violations(axe, page)

    page.goto(event.get_absolute_url())
    page.get_by_role("link", name="Participants et présences").first.click()
    page.wait_for_url("**/participants/")
    assert_no_axe_violations(axe, page)
    page.get_by_label("Yanis").check()
    page.get_by_label("Nombre de personnes présentes").fill("24")
    # The form posts back to the same address: wait for the page it loads, then for its message.
    click_and_wait_for_page(page, page.get_by_role("button", name="Enregistrer les présences"))
    page.wait_for_url("**/participants/")
    expect(page.get_by_text("Les présences sont enregistrées.")).to_be_visible()
    assert "Les présences sont enregistrées." in page.content()
    came.refresh_from_db()
    event.refresh_from_db()
    assert came.attended is True and event.attendance_count == 24

    page.get_by_role("link", name="Compte rendu").click()
    page.wait_for_url("**/compte-rendu/")
    page.locator("#id_minutes").fill(
        "## Ce qui s'est dit\n\nBeaucoup de questions sur les charges. Appelez Karim au "
        "06 12 34 56 78."
    )
    click_and_wait_for_page(page, page.get_by_role("button", name="Enregistrer le compte rendu"))
    page.wait_for_url("**/compte-rendu/")
    expect(page.locator(".apercu")).to_contain_text("[téléphone masqué]")
    assert "[téléphone masqué]" in page.content()
    assert_no_axe_violations(axe, page)

    page.get_by_role("link", name="Suites", exact=True).click()
    page.wait_for_url("**/suites/")
    assert_no_axe_violations(axe, page)
    suites = [
        (
            "accompagnement d'une personne ou d'une famille",
            "Une famille voudrait être accompagnée pour son dossier de logement social.",
        ),
        (
            "réunion des locataires d'un immeuble",
            "Les locataires de la tour demandent une réunion sur le chauffage.",
        ),
    ]
    for kind, summary in suites:
        page.get_by_label(kind, exact=True).check()
        page.get_by_label("La demande, en quelques phrases").fill(summary)
        # Same address again (and the second time, the page that leaves already shows the
        # message): only the new page proves the suite is recorded.
        click_and_wait_for_page(page, page.get_by_role("button", name="Enregistrer cette suite"))
        page.wait_for_url("**/suites/")
        expect(page.get_by_text("La suite est enregistrée")).to_be_visible()
        assert "La suite est enregistrée" in page.content()
    expect(page.get_by_text("2 suites notées")).to_be_visible()
    assert "2 suites notées" in page.content()
    assert_no_axe_violations(axe, page)

    demandes = Demande.objects.filter(event=event).order_by("created_at", "id")
    assert [d.kind for d in demandes] == ["accompagnement", "immeuble"]
    assert all(d.origin == Demande.Origin.EVENT and d.entered_by == facilitator for d in demandes)

    page.goto(event.get_absolute_url())
    content = page.content()
    assert "Beaucoup de questions sur les charges." in content
    assert "06 12 34 56 78" not in content and "Yanis" not in content
    assert_no_axe_violations(axe, page)
    page.goto("/agenda/passes/")
    assert_no_axe_violations(axe, page)
    context.close()


def test_a_facilitator_cancels_an_event_then_restores_it(browser, live_server, axe):
    group = GroupFactory(name="Groupe Logement")
    facilitator = UserFactory()
    MembershipFactory(user=facilitator, group=group, role="animateur")
    event = EventFactory(title="Forum des locataires", groups=[group])
    Registration.objects.create(
        event=event, name="Awa", contact="awa@exemple.org", status="inscrit"
    )

    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = sign_in(context, live_server, facilitator)
    page.set_default_timeout(10_000)

    page.goto(event.get_absolute_url())
    page.get_by_role("link", name="Annuler l'événement").click()
    page.wait_for_url("**/annuler/")
    assert "1 reçoit votre message par e-mail." in page.content()
    click_and_wait_for_page(page, page.get_by_role("button", name="Annuler l'événement"))
    expect(page.locator(".erreurs-formulaire")).to_be_visible()
    assert "pourquoi l'événement est annulé" in page.content()
    assert_no_axe_violations(axe, page)
    page.get_by_label("Pourquoi l'événement est-il annulé ?").fill(
        "La salle est fermée pour travaux. Nous vous proposerons une autre date."
    )
    page.get_by_role("button", name="Annuler l'événement").click()
    page.wait_for_url(f"**{event.get_absolute_url()}")

    banner = page.locator(".annulation")
    expect(banner).to_contain_text("ANNULÉ", use_inner_text=True)
    expect(banner).to_contain_text("fermée pour travaux", use_inner_text=True)
    expect(page.locator("form[action$='/inscription/']")).to_have_count(0)
    assert_no_axe_violations(axe, page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scroll(page)
    event.refresh_from_db()
    assert event.is_cancelled

    page.goto("/agenda/")
    assert page.locator(".evenement-resume--annule .etiquette-annule").inner_text() == "ANNULÉ"
    assert_no_axe_violations(axe, page)

    page.goto(event.get_absolute_url())
    # The button posts elsewhere, then comes back to this same address: wait for that page.
    click_and_wait_for_page(page, page.get_by_role("button", name="Rétablir l'événement"))
    page.wait_for_url(f"**{event.get_absolute_url()}")
    expect(page.get_by_text("prévenez vous-même les personnes inscrites")).to_be_visible()
    assert "prévenez vous-même les personnes inscrites" in page.content()
    expect(page.locator(".annulation")).to_have_count(0)
    event.refresh_from_db()
    assert not event.is_cancelled
    context.close()
