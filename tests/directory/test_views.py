import pytest
from django.urls import reverse

from portail.directory.models import Organisation
from tests.directory.factories import OrganisationFactory
from tests.places.factories import QuartierFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    housing = ThemeFactory(slug="logement", name="Logement")
    caf_theme = ThemeFactory(slug="caf-minima-sociaux", name="CAF et minima sociaux")
    adil = OrganisationFactory(name="ADIL de la Loire", kind=Organisation.Kind.ASSOCIATION)
    adil.themes.add(housing)
    caf = OrganisationFactory(name="CAF de la Loire", kind=Organisation.Kind.CAF)
    caf.themes.add(caf_theme, housing)
    centre = OrganisationFactory(
        name="Centre social de Beaulieu", kind=Organisation.Kind.SOCIAL_CENTRE
    )
    centre.themes.add(caf_theme)
    return adil, caf, centre


def names(response):
    return [organisation.name for organisation in response.context["organisations"]]


def test_the_directory_lists_every_organisation_in_alphabetical_order(client, network):
    response = client.get(reverse("directory:list"))

    assert response.status_code == 200
    assert names(response) == ["ADIL de la Loire", "CAF de la Loire", "Centre social de Beaulieu"]
    assert "3 organisations" in response.text


def test_the_directory_filters_by_kind(client, network):
    response = client.get(reverse("directory:list"), {"type": "caf"})

    assert names(response) == ["CAF de la Loire"]
    assert "Tout afficher" in response.text


def test_the_directory_filters_by_theme(client, network):
    response = client.get(reverse("directory:list"), {"theme": "logement"})

    assert names(response) == ["ADIL de la Loire", "CAF de la Loire"]


def test_the_directory_filters_by_kind_and_theme_together(client, network):
    response = client.get(
        reverse("directory:list"), {"type": "centre-social", "theme": "caf-minima-sociaux"}
    )

    assert names(response) == ["Centre social de Beaulieu"]


def test_empty_filters_show_everything(client, network):
    response = client.get(reverse("directory:list"), {"type": "", "theme": ""})

    assert len(names(response)) == 3
    assert "Tout afficher" not in response.text


def test_an_unknown_theme_is_explained_and_the_other_filter_still_applies(client, network):
    response = client.get(reverse("directory:list"), {"type": "caf", "theme": "fusee"})

    assert response.status_code == 200
    assert "Ce thème n&#x27;existe pas" in response.text
    assert names(response) == ["CAF de la Loire"]
    assert 'aria-describedby="id_theme_error"' in response.text
    assert 'id="id_theme_error"' in response.text


def test_no_match_says_so_and_offers_the_whole_network(client, network):
    response = client.get(reverse("directory:list"), {"type": "elu"})

    assert "Aucune organisation ne correspond à ces choix." in response.text


def test_the_filter_form_works_without_javascript(client, network):
    response = client.get(reverse("directory:list"))

    assert '<form method="get" action="/reseau/"' in response.text
    assert '<label for="id_type">' in response.text
    assert '<label for="id_theme">' in response.text
    assert '<button type="submit"' in response.text


def test_an_organisation_page_shows_what_it_does_and_where(client):
    organisation = OrganisationFactory(
        name="Centre social de Beaulieu",
        kind=Organisation.Kind.SOCIAL_CENTRE,
        summary="Un lieu d'accueil ouvert à tous.",
    )
    organisation.quartiers.add(QuartierFactory(name="Beaulieu", commune__name="Saint-Étienne"))

    response = client.get(organisation.get_absolute_url())

    assert response.status_code == 200
    assert "Centre social" in response.text
    assert "Un lieu d&#x27;accueil ouvert à tous." in response.text
    assert "Beaulieu (Saint-Étienne)" in response.text


def test_without_verified_contact_details_the_page_says_so_instead_of_guessing(client):
    organisation = OrganisationFactory()

    response = client.get(organisation.get_absolute_url())

    assert "pas encore ses coordonnées vérifiées" in response.text
    assert "tel:" not in response.text


def test_verified_contact_details_are_links(client):
    organisation = OrganisationFactory(
        phone="04 00 00 00 00", email="accueil@exemple.org", website="https://exemple.org"
    )

    response = client.get(organisation.get_absolute_url())

    assert 'href="tel:0400000000"' in response.text
    assert 'href="mailto:accueil@exemple.org"' in response.text
    assert 'href="https://exemple.org"' in response.text


def test_an_unknown_organisation_is_a_404(client):
    assert client.get(reverse("directory:detail", args=["inconnue"])).status_code == 404


def test_an_organisation_page_says_to_check_the_hours_when_they_are_unknown(client):
    organisation = OrganisationFactory()

    content = client.get(organisation.get_absolute_url()).text

    assert "Horaires : à vérifier auprès de l'organisation avant de vous déplacer." in content
    assert "Nous ne savons pas : demandez en appelant." in content
    assert "Pas encore indiqué." in content


def test_an_organisation_page_shows_its_services_hours_and_accessibility(client):
    organisation = OrganisationFactory(
        services="- Aide pour le dossier FSL, pour les locataires\nAtelier numérique",
        opening_hours="Lundi 9 h – 12 h",
        step_free_access=Organisation.StepFree.YES,
        languages="français, arabe",
        accessibility_notes="Boucle magnétique à l'accueil.",
    )

    content = client.get(organisation.get_absolute_url()).text

    assert "<li>Aide pour le dossier FSL, pour les locataires</li>" in content
    assert "<li>Atelier numérique</li>" in content
    assert "Lundi 9 h – 12 h" in content
    assert "à vérifier auprès de" not in content
    assert "<dd>Oui</dd>" in content
    assert "français, arabe" in content
    assert "Boucle magnétique" in content


def test_an_organisation_page_links_the_fiches_of_its_subjects(client):
    from tests.fiches.factories import FicheFactory
    from tests.places.factories import SubjectFactory

    said = SubjectFactory(title="Dépôt de garantie")
    named_by_fiche = SubjectFactory(title="Quittance de loyer")
    organisation = OrganisationFactory(subjects=[said])
    FicheFactory(subject=named_by_fiche, organisations=[organisation])
    more = [SubjectFactory(title=f"Sujet en plus {n}") for n in range(8)]
    organisation.subjects.add(*more)

    content = client.get(organisation.get_absolute_url()).text

    assert f'href="{said.get_absolute_url()}">Dépôt de garantie</a>' in content
    assert f'href="{named_by_fiche.get_absolute_url()}">Quittance de loyer</a>' in content
    assert "<summary>Voir les 2 autres sujets</summary>" in content
