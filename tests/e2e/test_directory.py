"""The network in a real browser: a resident goes from a fiche's « À qui s'adresser » to an
organisation, then filters the network by quartier; a partner corrects their organisation's page
and confirms it. axe on every page, and no sideways scrolling at 320 px."""

import pytest
from playwright.sync_api import expect

from portail.directory.models import Organisation
from tests.accounts.factories import PASSWORD, UserFactory
from tests.directory.factories import OrganisationFactory, OrganisationMemberFactory
from tests.e2e.conftest import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    click_and_wait_for_page,
)
from tests.fiches.factories import FicheFactory
from tests.places.factories import CommuneFactory, QuartierFactory, SubjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def network(live_server):
    housing = ThemeFactory(slug="logement", name="Logement")
    subject = SubjectFactory(key="depot-de-garantie", title="Dépôt de garantie", theme=housing)
    city = CommuneFactory(name="Saint-Étienne", slug="saint-etienne")
    beaulieu = QuartierFactory(commune=city, name="Beaulieu", slug="beaulieu")
    montreynaud = QuartierFactory(commune=city, name="Montreynaud", slug="montreynaud")
    OrganisationFactory(
        name="ADIL de la Loire",
        slug="adil-de-la-loire",
        summary="Des juristes répondent gratuitement aux questions sur le logement.",
        subjects=[subject],
        themes=[housing],
        website="https://www.anil.org",
    )
    centre = OrganisationFactory(
        name="Centre social de Beaulieu",
        slug="centre-social-de-beaulieu",
        kind=Organisation.Kind.SOCIAL_CENTRE,
        themes=[housing],
        quartiers=[beaulieu],
    )
    OrganisationFactory(name="ASIM de Montreynaud", themes=[housing], quartiers=[montreynaud])
    fiche = FicheFactory(subject=subject, title="Récupérer son dépôt de garantie")
    return {"fiche": fiche, "centre": centre}


def test_a_resident_finds_an_organisation_from_a_fiche_then_the_network_of_their_quartier(
    network, page, mobile_page, axe
):
    page.goto(network["fiche"].get_absolute_url())
    contacts = page.locator("section", has=page.locator("#titre-contacts"))
    contacts.get_by_role("link", name="ADIL de la Loire").click()
    page.wait_for_url("**/reseau/adil-de-la-loire/")
    expect(page.locator("h1")).to_have_text("ADIL de la Loire")
    expect(page.get_by_text("Horaires : à vérifier auprès de l'organisation")).to_be_visible()
    expect(page.get_by_text("Information pas encore vérifiée")).to_be_visible()
    assert_no_axe_violations(axe, page)

    breadcrumb = page.get_by_role("navigation", name="Vous êtes ici")
    breadcrumb.get_by_role("link", name="Le réseau").click()
    page.wait_for_url("**/reseau/")
    page.get_by_label("Quartier").select_option("beaulieu")
    page.get_by_role("button", name="Afficher").click()
    page.wait_for_url("**/reseau/?**quartier=beaulieu**")
    cards = page.locator(".cartes h3")
    expect(cards.first).to_have_text("Centre social de Beaulieu")
    assert "ASIM de Montreynaud" not in cards.all_inner_texts()
    expect(page.get_by_role("link", name="Imprimer la liste du quartier Beaulieu")).to_be_visible()
    assert_no_axe_violations(axe, page)

    for path in [page.url, "/reseau/adil-de-la-loire/"]:
        mobile_page.goto(path)
        assert_no_horizontal_scroll(mobile_page)


def test_a_partner_corrects_their_organisation_and_confirms_it(network, page, mobile_page, axe):
    centre = network["centre"]
    partner = OrganisationMemberFactory(organisation=centre, user=UserFactory()).user
    page.goto("/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(partner.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/compte/mon-espace/")
    never = "À vérifier : ces informations n'ont jamais été confirmées."
    expect(page.get_by_text(never)).to_be_visible()
    assert_no_axe_violations(axe, page)

    page.get_by_role("link", name="Modifier les informations de Centre social de Beaulieu").click()
    page.wait_for_url("**/modifier/")
    assert_no_axe_violations(axe, page)
    page.get_by_label("Horaires d'accueil").fill("Lundi et jeudi, 9 h – 12 h")
    page.get_by_label("Téléphone").fill("appelez-nous")
    # The form posts back to the same address with its errors: wait for that new page.
    click_and_wait_for_page(page, page.get_by_role("button", name="Enregistrer"))
    expect(page.locator(".erreurs-formulaire")).to_be_visible()
    assert page.get_by_label("Horaires d'accueil").input_value() == "Lundi et jeudi, 9 h – 12 h"
    assert_no_axe_violations(axe, page)

    page.get_by_label("Téléphone").fill("04 77 00 00 00")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(f"**{centre.get_absolute_url()}")
    expect(page.get_by_role("link", name="04 77 00 00 00")).to_be_visible()
    expect(page.get_by_text("par l'organisation.")).to_be_visible()

    page.goto(f"{centre.get_absolute_url()}confirmer/")
    assert_no_axe_violations(axe, page)
    page.get_by_role("button", name="Tout est à jour").click()
    page.wait_for_url(f"**{centre.get_absolute_url()}")
    expect(page.get_by_text("sont confirmées à jour")).to_be_visible()

    mobile_page.context.add_cookies(page.context.cookies())
    mobile_page.goto(f"{centre.get_absolute_url()}modifier/")
    assert_no_horizontal_scroll(mobile_page)
