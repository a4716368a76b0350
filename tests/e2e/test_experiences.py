"""A facilitator writes the group's record in a browser without JavaScript: two sections with
their skills, then publishes it; anyone then reads it on its public page. Every page is audited
with axe."""

import pytest
from playwright.sync_api import expect

from portail.experiences.models import ExperienceRecord
from tests.accounts.factories import UserFactory
from tests.e2e.conftest import assert_no_horizontal_scroll, click_and_wait_for_page
from tests.e2e.test_core_loop import audit, sign_in
from tests.experiences.factories import AttestationFactory, SkillFactory
from tests.groups.factories import GroupFactory, MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_facilitator_writes_and_publishes_a_record(browser, live_server, axe, mobile_page):
    group = GroupFactory(name="Groupe Logement", slug="groupe-logement")
    facilitator = UserFactory(display_name="Nadia")
    MembershipFactory(user=facilitator, group=group, role="animateur")
    SkillFactory(name="savoir animer", slug="savoir-animer")
    SkillFactory(name="faire un état des lieux", slug="faire-un-etat-des-lieux")

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = sign_in(context, live_server, facilitator)
    page.goto(f"/groupes/{group.slug}/")
    page.get_by_role("link", name="Écrire un récit").click()
    page.wait_for_url("**/experiences/ecrire/**")
    audit(browser, axe, page, javascript=False)
    page.get_by_label("Titre du récit").fill("Le Groupe Logement raconte")
    page.get_by_role("button", name="Créer le brouillon").click()
    page.wait_for_url("**/modifier/")

    page.get_by_role("link", name="Ajouter une partie").click()
    page.wait_for_url("**/parties/ajouter/")
    audit(browser, axe, page, javascript=False)
    expect(page.get_by_label("Quelle partie du récit ?")).to_have_value("naissance")
    page.get_by_label("Ce que nous voulons dire").fill("Des habitants ont posté leurs questions.")
    page.get_by_label("Comment cette partie a été présentée ou animée").fill("Raconté à deux voix.")
    page.get_by_label("Nadia").check()
    page.get_by_label("faire un état des lieux").check()
    page.get_by_role("button", name="Ajouter cette partie").click()
    page.wait_for_url("**/modifier/#partie-*")

    page.get_by_role("link", name="Ajouter une partie").click()
    page.wait_for_url("**/parties/ajouter/")
    page.get_by_label("Quelle partie du récit ?").select_option("restitution")
    page.get_by_label("Ce que nous voulons dire").fill("Nous avons joué au jeu de l'oie.")
    page.get_by_label("savoir animer").check()
    page.get_by_label("Un savoir-faire qui n'est pas dans la liste").fill("Prendre la parole")
    page.get_by_role("button", name="Ajouter cette partie").click()
    page.wait_for_url("**/modifier/#partie-*")
    assert "« Prendre la parole » est ajouté à la liste commune" in page.content()
    audit(browser, axe, page, javascript=False)

    # Publishing leads back to the same editing page: wait for the new one before reading it,
    # and before reading the database.
    click_and_wait_for_page(page, page.get_by_role("button", name="Publier le récit"))
    expect(page.get_by_text("Le récit est publié")).to_be_visible()
    assert "Le récit est publié" in page.content()
    record = ExperienceRecord.objects.get()
    assert record.is_published
    assert [s.kind for s in record.sections.all()] == ["naissance", "restitution"]

    # Her portfolio now shows the skill, and a member's request waits for her signature.
    page.goto("/experiences/mon-portfolio/")
    assert "faire un état des lieux" in page.content()
    audit(browser, axe, page, javascript=False)
    member = UserFactory(display_name="Amina")
    MembershipFactory(user=member, group=group)
    attestation = AttestationFactory(user=member, group=group, holder_name="Amina Exemple")
    page.goto(f"/experiences/attestations/{attestation.pk}/")
    assert page.get_by_role("button", name="Signer l'attestation").is_visible()
    audit(browser, axe, page, javascript=False)
    context.close()

    # Anyone reads it, on a small phone, without the editing links.
    mobile_page.goto(record.get_absolute_url())
    content = mobile_page.content()
    assert "Des habitants ont posté leurs questions." in content
    assert "Nous avons joué au jeu de l'oie." in content
    assert "Prendre la parole" in content and "savoir animer" in content
    assert "Présenté par :</strong> un membre du groupe" in content  # Nadia did not consent
    assert "Modifier le récit" not in content
    assert_no_horizontal_scroll(mobile_page)
    audit(browser, axe, mobile_page, javascript=True)
    mobile_page.goto("/experiences/")
    mobile_page.get_by_role("link", name="Le Groupe Logement raconte").wait_for()
    audit(browser, axe, mobile_page, javascript=True)
    mobile_page.goto("/experiences/savoir-faire/")
    assert "Groupe Logement : 1 personne" in mobile_page.content()
    assert_no_horizontal_scroll(mobile_page)
    audit(browser, axe, mobile_page, javascript=True)
