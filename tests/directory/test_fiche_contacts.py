"""A fiche's « À qui s'adresser » lists the matching organisations of the network: those of its
subject first, then others of its theme; on the page and in the PDF."""

import html

import pytest
from django.urls import reverse

from tests.directory.factories import OrganisationFactory
from tests.fiches.factories import FicheFactory
from tests.letters.pdf_text import pdf_text
from tests.places.factories import SubjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fiche():
    housing = ThemeFactory(slug="logement", name="Logement")
    energy = ThemeFactory(slug="energie", name="Énergie")
    subject = SubjectFactory(key="depot-de-garantie", theme=housing)
    other_housing = SubjectFactory(key="quittance", theme=housing)
    named = OrganisationFactory(name="Commission de conciliation", slug="commission")
    OrganisationFactory(
        name="ADIL de la Loire",
        slug="adil",
        subjects=[subject],
        themes=[housing],
        phone="04 77 00 00 02",
        address="1 place de l'Exemple, Saint-Étienne",
    )
    OrganisationFactory(name="CNL", slug="cnl", themes=[housing], subjects=[other_housing])
    OrganisationFactory(name="Amicale", slug="amicale", themes=[housing])
    OrganisationFactory(name="Médiateur de l'énergie", slug="mediateur", themes=[energy])
    return FicheFactory(subject=subject, title="Récupérer son dépôt", organisations=[named])


def section(content):
    content = html.unescape(content)
    start = content.index('id="titre-contacts"')
    return content[start : content.index("</section>", start)]


def test_the_fiche_lists_its_subject_s_organisations_then_its_theme_s(client, fiche):
    contacts = section(client.get(fiche.get_absolute_url()).text)

    order = [
        contacts.index('<h3><a href="/reseau/adil/">ADIL de la Loire</a></h3>'),
        contacts.index('<h3><a href="/reseau/commission/">Commission de conciliation</a></h3>'),
        contacts.index("Aussi sur le thème « Logement »"),
        contacts.index('<a href="/reseau/cnl/">CNL</a>'),
        contacts.index('<a href="/reseau/amicale/">Amicale</a>'),
    ]
    assert order == sorted(order)
    assert "Médiateur" not in contacts
    assert contacts.count("ADIL de la Loire") == 1
    assert 'href="/reseau/?sujet=depot-de-garantie"' in contacts


def test_a_long_theme_list_is_cut_with_a_link_to_the_whole_theme(client, fiche):
    housing = fiche.subject.theme
    for number in range(8):
        OrganisationFactory(name=f"Asso {number}", themes=[housing])

    contacts = section(client.get(fiche.get_absolute_url()).text)

    theme_part = contacts[contacts.index("Aussi sur le thème") :]
    assert theme_part.count("<li>") == 6
    assert 'href="/reseau/?theme=logement"' in contacts
    assert "Voir les 11 organisations du thème « Logement »" in contacts


def test_the_cards_warn_when_information_is_stale(client, fiche):
    contacts = section(client.get(fiche.get_absolute_url()).text)

    assert "Information pas encore vérifiée : appelez avant de vous déplacer." in contacts


def test_a_fiche_without_any_matching_organisation_shows_only_its_text(client):
    lonely = FicheFactory(contacts_md="- **Mairie** : à l'accueil.")

    contacts = section(client.get(lonely.get_absolute_url()).text)

    assert "Mairie" in contacts
    assert "<h3>" not in contacts
    assert "/reseau/" not in contacts


def test_the_fiche_pdf_lists_the_same_organisations_with_how_to_reach_them(client, fiche):
    response = client.get(reverse("fiches:pdf", args=[fiche.slug]))

    text = pdf_text(response.content)
    contacts = text[text.index("À qui s'adresser") : text.index("Sources")]
    order = [
        contacts.index("ADIL de la Loire (à vérifier)"),
        contacts.index("1 place de l'Exemple, Saint-Étienne — tél. 04 77 00 00 02"),
        contacts.index("Commission de conciliation (à vérifier)"),
        contacts.index("/reseau/commission/"),
        contacts.index("Aussi sur le thème « Logement » : CNL · Amicale."),
    ]
    assert order == sorted(order)
    assert "Médiateur" not in contacts
