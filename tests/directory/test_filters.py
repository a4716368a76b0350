"""The filters of /reseau/: subject, quartier, pagination, and what an empty result says."""

import pytest
from django.urls import reverse

from portail.directory.models import Organisation
from tests.directory.factories import OrganisationFactory
from tests.fiches.factories import FicheFactory
from tests.places.factories import CommuneFactory, QuartierFactory, SubjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def names(response):
    return [organisation.name for organisation in response.context["organisations"]]


@pytest.fixture
def places():
    city = CommuneFactory(name="Saint-Étienne", slug="saint-etienne")
    other = CommuneFactory(name="Firminy", slug="firminy")
    return {
        "beaulieu": QuartierFactory(commune=city, name="Beaulieu", slug="beaulieu"),
        "montreynaud": QuartierFactory(commune=city, name="Montreynaud", slug="montreynaud"),
        "whole-city": QuartierFactory(commune=city, name="Saint-Étienne", slug="saint-etienne"),
        "firminy": QuartierFactory(commune=other, name="Firminy", slug="firminy"),
    }


def test_a_quartier_shows_its_own_organisations_first_then_the_city_wide_and_everywhere(
    client, places
):
    OrganisationFactory(name="Centre social de Beaulieu", quartiers=[places["beaulieu"]])
    OrganisationFactory(name="ASIM de Montreynaud", quartiers=[places["montreynaud"]])
    OrganisationFactory(name="CCAS de Saint-Étienne", quartiers=[places["whole-city"]])
    OrganisationFactory(name="Amicale de Firminy", quartiers=[places["firminy"]])
    OrganisationFactory(name="ADIL de la Loire")

    response = client.get(reverse("directory:list"), {"quartier": "beaulieu"})

    assert names(response) == [
        "Centre social de Beaulieu",
        "ADIL de la Loire",
        "CCAS de Saint-Étienne",
    ]
    assert "dans le quartier" in response.text


def test_an_organisation_serving_several_quartiers_is_listed_once(client, places):
    OrganisationFactory(name="Centre social", quartiers=[places["beaulieu"], places["whole-city"]])

    response = client.get(reverse("directory:list"), {"quartier": "beaulieu"})

    assert names(response) == ["Centre social"]
    assert "1 organisation" in response.text


def test_a_subject_matches_organisations_that_say_so_or_that_its_fiche_names(client):
    subject = SubjectFactory(key="depot-de-garantie", title="Dépôt de garantie")
    adil = OrganisationFactory(name="ADIL de la Loire", subjects=[subject])
    commission = OrganisationFactory(name="Commission de conciliation")
    FicheFactory(subject=subject, organisations=[commission, adil])
    OrganisationFactory(name="CAF de la Loire")

    response = client.get(reverse("directory:list"), {"sujet": "depot-de-garantie"})

    assert names(response) == ["ADIL de la Loire", "Commission de conciliation"]


def test_subjects_are_grouped_by_theme_and_quartiers_by_commune(client, places):
    housing = ThemeFactory(name="Logement")
    SubjectFactory(theme=housing, key="quittance", title="Quittance de loyer")

    content = client.get(reverse("directory:list")).text

    assert '<optgroup label="Logement">' in content
    assert '<option value="quittance">Quittance de loyer</option>' in content
    assert '<optgroup label="Saint-Étienne">' in content
    assert '<option value="beaulieu">Beaulieu</option>' in content


def test_all_four_filters_apply_together(client, places):
    housing = ThemeFactory(slug="logement")
    subject = SubjectFactory(key="expulsion", theme=housing)
    OrganisationFactory(
        name="La bonne",
        kind=Organisation.Kind.SOCIAL_CENTRE,
        themes=[housing],
        subjects=[subject],
        quartiers=[places["beaulieu"]],
    )
    OrganisationFactory(
        name="Mauvais type", themes=[housing], subjects=[subject], quartiers=[places["beaulieu"]]
    )
    OrganisationFactory(
        name="Mauvais quartier",
        kind=Organisation.Kind.SOCIAL_CENTRE,
        themes=[housing],
        subjects=[subject],
        quartiers=[places["montreynaud"]],
    )
    OrganisationFactory(
        name="Sans le sujet",
        kind=Organisation.Kind.SOCIAL_CENTRE,
        themes=[housing],
        quartiers=[places["beaulieu"]],
    )

    response = client.get(
        reverse("directory:list"),
        {
            "type": "centre-social",
            "theme": "logement",
            "sujet": "expulsion",
            "quartier": "beaulieu",
        },
    )

    assert names(response) == ["La bonne"]


def test_each_active_filter_can_be_removed_alone(client, places):
    ThemeFactory(slug="logement", name="Logement")
    response = client.get(reverse("directory:list"), {"theme": "logement", "quartier": "beaulieu"})

    content = response.text
    assert "Thème : Logement — enlever ce choix" in content
    assert 'href="?quartier=beaulieu"' in content
    assert "Quartier : Beaulieu (Saint-Étienne) — enlever ce choix" in content
    assert 'href="?theme=logement"' in content


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"sujet": "fusee"}, "Ce sujet n&#x27;existe pas"),
        ({"quartier": "atlantide"}, "Ce quartier n&#x27;existe pas"),
    ],
)
def test_an_unknown_subject_or_quartier_is_explained_and_ignored(client, params, message):
    OrganisationFactory(name="ADIL")

    response = client.get(reverse("directory:list"), params)

    assert response.status_code == 200
    assert message in response.text
    assert names(response) == ["ADIL"]


def test_an_empty_result_offers_the_whole_network_and_the_groups(client, places):
    OrganisationFactory(quartiers=[places["montreynaud"]])
    response = client.get(reverse("directory:list"), {"quartier": "beaulieu", "type": "elu"})

    content = response.text
    assert "0 organisation" in content
    assert "Aucune organisation ne correspond à ces choix." in content
    assert "Essayez d'enlever un de vos choix" in content
    assert f'href="{reverse("directory:list")}">Voir tout le réseau' in content
    assert f'href="{reverse("groups:list")}"' in content


def test_the_list_is_paginated_and_the_pages_keep_the_filters(client):
    housing = ThemeFactory(slug="logement")
    for number in range(25):
        OrganisationFactory(name=f"Organisation {number:02}", themes=[housing])
    OrganisationFactory(name="Hors thème")

    first = client.get(reverse("directory:list"), {"theme": "logement"})
    second = client.get(reverse("directory:list"), {"theme": "logement", "page": 2})

    assert len(names(first)) == 20
    assert "25 organisations" in first.text
    assert 'href="?theme=logement&amp;page=2"' in first.text
    assert names(second) == [f"Organisation {n}" for n in range(20, 25)]


def test_a_selected_quartier_offers_its_printable_list(client, places):
    response = client.get(reverse("directory:list"), {"quartier": "beaulieu"})

    pdf_url = reverse("directory:quartier_pdf", args=["beaulieu"])
    assert f'href="{pdf_url}"' in response.text
    assert "Imprimer la liste du quartier Beaulieu" in response.text
    assert "/reseau/quartier/" not in client.get(reverse("directory:list")).text
