"""A building's tenant asks the housing group to come, with the keyboard only and no account; a
facilitator of the group takes the request; the tenant follows it through the private link.
Every page is audited with axe, and the form and the follow-up page fit a 320 px screen."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from playwright.sync_api import expect

from portail.demandes.models import Demande
from tests.e2e.conftest import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    click_and_wait_for_page,
)
from tests.e2e.test_accounts import tab_to
from tests.e2e.test_core_loop import sign_in
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.places.factories import QuartierFactory

pytestmark = pytest.mark.django_db(transaction=True)

PROBLEMS = (
    "Le chauffage collectif tombe en panne chaque semaine et plusieurs logements ont de "
    "l'humidité. Les voisins voudraient se réunir avec le groupe."
)


def file_with_the_keyboard(page):
    page.goto("/demandes/")
    tab_to(page, "a[href='/demandes/nouvelle/immeuble/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/demandes/nouvelle/immeuble/")
    tab_to(page, "#id_address")
    page.keyboard.type("8 rue des Acacias, Saint-Étienne")
    tab_to(page, "#id_landlord_name")
    page.keyboard.type("Bailleur des Tilleuls")
    tab_to(page, "#id_households")
    page.keyboard.type("24")
    tab_to(page, "#id_summary")
    page.keyboard.type(PROBLEMS)
    tab_to(page, "#id_contact_name")
    page.keyboard.type("Karima")
    tab_to(page, "#id_contact_email")
    page.keyboard.type("karima@exemple.org")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/demandes/ma-demande/**")


def test_a_tenant_files_a_building_request_and_follows_it(browser, live_server, axe, page):
    QuartierFactory(name="Montreynaud")
    group = GroupFactory(name="Groupe Logement", slug="groupe-logement")
    facilitator = MembershipFactory(group=group, role="animateur").user

    page.goto("/demandes/")
    assert_no_axe_violations(axe, page)
    page.goto("/demandes/nouvelle/immeuble/")
    assert_no_axe_violations(axe, page)
    file_with_the_keyboard(page)
    follow_url = page.url.split("?")[0]
    assert "Gardez ce lien" in page.content()
    assert_no_axe_violations(axe, page)
    demande = Demande.objects.get()
    assert demande.kind == Demande.Kind.BUILDING and demande.households == 24
    mailed = {urlparse(link).path for link in re.findall(r"https?://\S+", mail.outbox[0].body)}
    assert urlparse(follow_url).path in mailed

    # The facilitator takes it for the group.
    team = browser.new_context(base_url=live_server.url)
    team_page = sign_in(team, live_server, facilitator)
    team_page.set_default_timeout(10_000)
    team_page.goto("/demandes/suivi/")
    assert_no_axe_violations(axe, team_page)
    team_page.get_by_role("link", name=re.compile(f"N° {demande.pk}")).click()
    team_page.wait_for_url(f"**/demandes/suivi/{demande.pk}/")
    expect(team_page.get_by_role("button", name="Attribuer la demande")).to_be_visible()
    # Before taking it, the facilitator reads the request without its contact details.
    assert "karima@exemple.org" not in team_page.content()
    assert_no_axe_violations(axe, team_page)
    # The button posts elsewhere, then comes back to this same address: wait for that page
    # (`wait_for_load_state` alone answers at once for the page that is leaving).
    click_and_wait_for_page(team_page, team_page.get_by_role("button", name="Attribuer la demande"))
    team_page.wait_for_url(f"**/demandes/suivi/{demande.pk}/")
    expect(team_page.get_by_text("La demande est attribuée.")).to_be_visible()
    assert "La demande est attribuée." in team_page.content()
    assert "karima@exemple.org" in team_page.content()
    assert_no_axe_violations(axe, team_page)
    team_page.goto("/demandes/tableau-de-bord/")
    assert_no_axe_violations(axe, team_page)
    demande.refresh_from_db()
    assert demande.status == Demande.Status.ASSIGNED and demande.assigned_group == group
    team.close()

    # The tenant opens the private link again: the group has it.
    page.goto(follow_url)
    current = page.locator("[aria-current=step]")
    assert current.inner_text().startswith("Confiée à une équipe")
    assert "Groupe Logement" in page.content()
    assert "karima@exemple.org" not in page.content()
    assert_no_axe_violations(axe, page)

    small = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    phone = small.new_page()
    for url in ("/demandes/nouvelle/immeuble/", follow_url):
        phone.goto(url)
        assert_no_horizontal_scroll(phone)
    small.close()
