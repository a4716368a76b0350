"""A facilitator creates a group, a resident (without JavaScript) asks to join it, the
facilitator accepts: every page visited is audited with axe."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from portail.groups.models import Group, JoinRequest, Membership
from tests.accounts.factories import UserFactory
from tests.e2e.conftest import click_and_wait_for_page
from tests.e2e.test_core_loop import audit, sign_in
from tests.places.factories import QuartierFactory, ThemeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_facilitator_creates_a_group_a_resident_asks_to_join_and_is_accepted(
    browser, live_server, axe
):
    ThemeFactory(name="Logement")
    QuartierFactory(name="Beaulieu")
    facilitator = UserFactory(facilitator=True, display_name="Aïcha")
    resident = UserFactory(display_name="Nadia", email="nadia@exemple.org")

    # The facilitator creates the group from the list of groups.
    organiser = browser.new_context(base_url=live_server.url)
    page = sign_in(organiser, live_server, facilitator)
    page.goto("/groupes/")
    audit(browser, axe, page, javascript=True)
    page.get_by_role("link", name="Créer un groupe").click()
    page.wait_for_url("**/groupes/nouveau/")
    # Empty: refused, explained, at the same address; wait for that page, not the one leaving.
    click_and_wait_for_page(page, page.get_by_role("button", name="Créer le groupe"))
    expect(page.get_by_role("alert")).to_be_visible()
    audit(browser, axe, page, javascript=True)
    page.get_by_label("Nom du groupe").fill("Groupe Énergie de Beaulieu")
    page.locator("#id_presentation").fill("Nous parlons des factures de chauffage.")
    page.get_by_label("Logement").check()
    page.get_by_label("Beaulieu").check()
    page.get_by_role("button", name="Créer le groupe").click()
    page.wait_for_url("**/groupes/groupe-energie-de-beaulieu/")
    assert "Animer le groupe" in page.content()
    audit(browser, axe, page, javascript=True)
    group = Group.objects.get(slug="groupe-energie-de-beaulieu")
    assert group.memberships.get().user == facilitator

    # The resident, without JavaScript, asks to join.
    visitor = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    resident_page = sign_in(visitor, live_server, resident)
    resident_page.goto(group.get_absolute_url())
    audit(browser, axe, resident_page, javascript=False)
    resident_page.get_by_role("link", name="Demander à rejoindre le groupe").click()
    resident_page.wait_for_url("**/rejoindre/")
    audit(browser, axe, resident_page, javascript=False)
    resident_page.get_by_label("Un mot pour le groupe (facultatif)").fill(
        "Mes factures ont doublé cet hiver."
    )
    resident_page.get_by_role("button", name="Envoyer ma demande").click()
    resident_page.wait_for_url(f"**{group.get_absolute_url()}")
    assert "Votre demande est envoyée" in resident_page.content()
    audit(browser, axe, resident_page, javascript=False)
    assert JoinRequest.objects.get().status == "en-attente"
    assert [message.to for message in mail.outbox] == [[facilitator.email]]

    # The facilitator accepts from the group's management page.
    page.goto(group.get_absolute_url())
    page.get_by_role("link", name="Membres, demandes et partenaires").click()
    page.wait_for_url("**/animation/")
    assert "Mes factures ont doublé cet hiver." in page.content()
    audit(browser, axe, page, javascript=True)
    page.get_by_label("Un mot pour la personne (facultatif)").fill("Bienvenue !")
    # The answer comes back to this same /animation/ page: `wait_for_url` would not wait.
    click_and_wait_for_page(page, page.get_by_role("button", name="Accepter Nadia"))
    expect(page).to_have_url(re.compile(r"/animation/$"))
    expect(page.locator(".messages")).to_contain_text("Nadia fait maintenant partie du groupe.")
    assert "Nadia fait maintenant partie du groupe." in page.content()
    audit(browser, axe, page, javascript=True)
    assert Membership.objects.filter(group=group, user=resident, role="membre").exists()
    assert mail.outbox[-1].to == ["nadia@exemple.org"]

    # The resident is now a member.
    resident_page.goto(group.get_absolute_url())
    assert "Vous faites partie de ce groupe." in resident_page.content()
    audit(browser, axe, resident_page, javascript=False)
    organiser.close()
    visitor.close()
