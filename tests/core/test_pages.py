import re

import pytest
from django.urls import reverse

from tests.places.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def h1_of(response):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert match, "la page n'a pas de titre h1"
    return " ".join(match.group(1).split())


@pytest.mark.parametrize(
    ("url_name", "title"),
    [
        ("questions:ask", "Poser une question"),
        ("glossary:index", "Comprendre les mots"),
        ("fiches:index", "Trouver des pistes"),
    ],
)
def test_each_door_of_the_home_page_leads_to_a_page_with_its_title(client, url_name, title):
    home = client.get(reverse("core:home"))
    assert f'href="{reverse(url_name)}"' in home.content.decode()

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert h1_of(response) == title


def test_the_question_page_suggests_a_permanence_of_a_partner_for_urgent_cases(client):
    content = client.get(reverse("questions:ask")).content.decode()
    assert "Aller à une permanence" in content


def test_the_home_page_lists_the_themes_in_order(client):
    ThemeFactory(name="Santé", order=2, pictogram="sante")
    ThemeFactory(name="Logement", order=1, pictogram="maison")

    content = client.get(reverse("core:home")).content.decode()

    assert "Les thèmes du portail" in content
    assert content.index("Logement") < content.index("Santé")


def test_the_home_page_hides_the_theme_section_when_there_is_none(client):
    content = client.get(reverse("core:home")).content.decode()
    assert "Les thèmes du portail" not in content


@pytest.mark.parametrize(
    ("url_name", "title", "expected"),
    [
        ("core:contact", "Nous contacter", ["jamais d'argent", "coordonnées bancaires"]),
        (
            "core:mentions",
            "Mentions légales",
            ["Groupe Logement de Saint-Étienne", "Union européenne", "CC BY-SA 4.0", "AGPL-3.0"],
        ),
        (
            "core:accessibilite",
            "Déclaration d'accessibilité",
            [
                "partiellement conforme",
                "axe",
                "24 novembre 2026",
                "Libre réponse 71120",
                "75342 Paris CEDEX 07",
            ],
        ),
        (
            "core:confidentialite",
            "Confidentialité et données personnelles",
            ["3 ans", "12 mois", "taille_texte", "contraste", "portabilité", "cnil.fr"],
        ),
        (
            "core:a_propos",
            "Qui sommes-nous ?",
            ["jeu de l'oie", "Connaître ses droits et y accéder", "Maîtriser internet"],
        ),
    ],
)
def test_each_information_page_has_its_title_and_content(client, url_name, title, expected):
    response = client.get(reverse(url_name))

    assert response.status_code == 200
    content = response.content.decode().replace("&#x27;", "'")
    assert h1_of(response).replace("&#x27;", "'") == title
    for text in expected:
        assert text in content


@pytest.mark.parametrize(
    "url_name",
    ["core:contact", "core:mentions", "core:accessibilite", "core:confidentialite"],
)
def test_information_pages_show_the_contact_address(client, settings, url_name):
    settings.CONTACT_EMAIL = "equipe@droits.example"
    content = client.get(reverse(url_name)).content.decode()
    assert 'href="mailto:equipe@droits.example"' in content


@pytest.mark.parametrize(
    ("url_name", "label"),
    [
        ("core:contact", "Contact"),
        ("core:accessibilite", "Accessibilité"),
        ("core:preferences", "Confort de lecture"),
        ("glossary:index", "Comprendre les mots"),
    ],
)
def test_the_breadcrumb_ends_with_the_current_page_not_a_link(client, url_name, label):
    content = client.get(reverse(url_name)).content.decode()
    assert f'<li aria-current="page">{label}</li>' in content
    assert f'<li><a href="{reverse("core:home")}">Accueil</a></li>' in content


def test_the_home_page_has_no_breadcrumb(client):
    content = client.get(reverse("core:home")).content.decode()
    assert "fil-ariane" not in content


def test_the_current_door_is_marked_in_the_main_menu(client):
    content = client.get(reverse("glossary:index")).content.decode()
    assert f'<a href="{reverse("glossary:index")}" aria-current="page">' in content


@pytest.mark.parametrize(
    "url_name",
    [
        "events:agenda",
        "demandes:index",
        "forum:index",
        "groups:list",
        "directory:list",
        "experiences:list",
        "game:index",
    ],
)
def test_the_home_page_leads_to_each_way_of_acting_together(client, url_name):
    home = client.get(reverse("core:home")).content.decode()
    section = home[home.index('id="titre-ensemble"') :]
    assert f'href="{reverse(url_name)}"' in section
    # Each of them is a real page for an anonymous visitor: open, or a sign-in page.
    response = client.get(reverse(url_name))
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:login"))
