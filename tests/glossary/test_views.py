import re

import pytest
from django.urls import reverse

from tests.glossary.factories import TermFactory
from tests.places.factories import SubjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def housing():
    return ThemeFactory(slug="logement", name="Logement", order=1)


@pytest.fixture
def health():
    return ThemeFactory(slug="sante", name="Santé", order=2, pictogram="sante")


@pytest.fixture
def words(housing, health):
    return {
        "bail": TermFactory(term="Bail", definition="Contrat de location.", themes=[housing]),
        "etat": TermFactory(
            term="État des lieux",
            slug="etat-des-lieux",
            definition="Document qui décrit le logement.",
            themes=[housing],
        ),
        "css": TermFactory(
            term="Complémentaire santé solidaire",
            slug="css",
            definition="Mutuelle gratuite ou à petit prix.",
            themes=[health],
        ),
        "apl": TermFactory(term="APL", definition="Aide au logement.", themes=[housing]),
    }


def test_the_a_to_z_page_groups_words_by_letter_with_their_definition(client, words):
    content = client.get(reverse("glossary:index")).content.decode()

    letters = re.findall(r'<h2 id="lettre-(\w)"', content)
    assert letters == ["A", "B", "C", "E"]  # « État » filed under E, accents ignored
    assert '<a href="#lettre-E"><span class="visuellement-cache">Lettre </span>E</a>' in content
    assert '<dt><a href="/glossaire/bail/">Bail</a></dt>' in content
    assert "<dd>Contrat de location.</dd>" in content
    assert "4 mots expliqués" in content


def test_the_theme_filter_works_with_a_plain_link(client, words):
    response = client.get(reverse("glossary:index"), {"theme": "sante"})
    content = response.content.decode()

    assert response.status_code == 200
    assert "Complémentaire santé solidaire" in content
    assert "Contrat de location" not in content
    assert '?theme=sante" aria-current="page"' in content
    assert f'href="{reverse("glossary:lexicon", args=["sante"])}"' in content


def test_an_unknown_theme_shows_every_word_and_says_so(client, words):
    content = client.get(reverse("glossary:index"), {"theme": "cuisine<b>"}).content.decode()

    assert "Ce thème n'existe pas : voici tous les mots." in content
    assert "Contrat de location" in content
    assert "<b>" not in content.split("<main", 1)[1]


def test_the_a_to_z_page_links_each_theme_s_mini_lexicon(client, words):
    content = client.get(reverse("glossary:index")).content.decode()

    assert f'href="{reverse("glossary:lexicon", args=["logement"])}"' in content
    assert f'href="{reverse("glossary:lexicon", args=["sante"])}"' in content


def test_an_empty_glossary_says_so(client):
    content = client.get(reverse("glossary:index")).content.decode()

    assert "Aucun mot pour le moment" in content


def test_the_term_page_shows_everything_a_resident_needs(client, housing):
    subject = SubjectFactory(key="depot-de-garantie", theme=housing)
    inventory = TermFactory(term="État des lieux", slug="etat-des-lieux")
    term = TermFactory(
        term="Dépôt de garantie",
        aliases=["caution", "dépôt"],
        definition="Somme versée à l'entrée.",
        example="Nadia verse 450 €.",
        not_to_confuse=[{"terme": "Garant", "explication": "Celui qui paie à votre place."}],
        sources=["Loi n° 89-462 du 6 juillet 1989, article 22"],
        themes=[housing],
        subjects=[subject],
        see_also=[inventory],
    )

    content = client.get(term.get_absolute_url()).content.decode()

    assert re.search(r"<h1[^>]*>Dépôt de garantie</h1>", content)
    assert "caution, dépôt" in content
    assert '<p id="mot-definition">Somme versée à l&#x27;entrée.</p>' in content
    assert "Nadia verse 450 €." in content
    assert "À ne pas confondre avec" in content
    assert "<dt>Garant</dt>" in content
    assert '<a href="/glossaire/etat-des-lieux/">État des lieux</a>' in content
    assert "Loi n° 89-462 du 6 juillet 1989, article 22" in content
    assert "vérifiée le 24 novembre 2026 par Équipe du portail" in content
    assert '<li aria-current="page">Dépôt de garantie</li>' in content


def test_the_term_page_links_the_fiches_of_its_subjects(client, housing):
    from portail.fiches.models import Fiche

    subject = SubjectFactory(key="depot-de-garantie", theme=housing)
    term = TermFactory(term="Caution", subjects=[subject])
    fiche = Fiche.objects.create(
        subject=subject,
        slug=subject.key,
        title="Récupérer son dépôt de garantie",
        summary_falc=["Le propriétaire doit rendre le dépôt."],
        rights_md="Vos droits.",
        steps_md="1. Écrire.",
        contacts_md="- ADIL",
        sources=[{"texte": "Loi de 1989"}],
        verified_on="2026-11-24",
        verified_by="Équipe du portail",
    )

    content = client.get(term.get_absolute_url()).content.decode()

    assert "Fiches pistes pour agir" in content
    assert f'<a href="{fiche.get_absolute_url()}">Récupérer son dépôt de garantie</a>' in content


def test_the_listen_button_is_hidden_until_the_script_finds_a_french_voice(client, words):
    content = client.get(words["bail"].get_absolute_url()).content.decode()

    button = re.search(r"<button[^>]*js-ecouter[^>]*>", content).group(0)
    assert " hidden" in button
    assert 'type="button"' in button
    assert 'data-lire="mot-titre mot-definition"' in button
    assert "Écouter" in content
    assert re.search(r'<script src="/static/js/glossaire\.js" defer></script>', content)
    assert "<script>" not in content
    assert "style=" not in content


def test_the_example_links_the_other_glossary_words_but_not_the_word_itself(client):
    TermFactory(term="Locataire", definition="Personne qui loue.")
    bail = TermFactory(term="Bail", example="Le locataire signe le bail.")

    content = client.get(bail.get_absolute_url()).content.decode()

    example = re.search(r'<p class="texte">(.*?)</p>', content, re.S).group(1)
    assert 'data-glossaire="locataire"' in example
    assert 'data-glossaire="bail"' not in content


def test_an_unknown_word_is_a_404(client):
    assert client.get(reverse("glossary:term", args=["inconnu"])).status_code == 404


def test_the_mini_lexicon_lists_the_words_of_its_theme_for_printing(client, words):
    response = client.get(reverse("glossary:lexicon", args=["logement"]))
    content = response.content.decode()

    assert response.status_code == 200
    assert "Mini-lexique « Logement »" in content
    assert "<dd>Contrat de location.</dd>" in content
    assert "Mutuelle gratuite" not in content
    assert 'href="/static/css/lexique-impression.css" media="print"' in content
    assert "Imprimer" in content
    assert f'href="{reverse("glossary:lexicon_pdf", args=["logement"])}"' in content


def test_the_mini_lexicon_of_an_unknown_theme_is_a_404(client):
    assert client.get(reverse("glossary:lexicon", args=["cuisine"])).status_code == 404
    assert client.get(reverse("glossary:lexicon_pdf", args=["cuisine"])).status_code == 404


def test_the_mini_lexicon_downloads_as_a_pdf(client, words):
    response = client.get(reverse("glossary:lexicon_pdf", args=["logement"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="mini-lexique-logement.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_the_main_menu_marks_the_glossary_as_current(client):
    content = client.get(reverse("glossary:index")).content.decode()

    assert f'<a href="{reverse("glossary:index")}" aria-current="page">' in content


def test_glossary_pages_are_served_from_the_public_cache(
    client, words, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 60
    url = words["bail"].get_absolute_url()
    client.get(url)

    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_numbers_are_filed_before_the_letters(client):
    TermFactory(term="115", definition="Numéro d'urgence.")
    TermFactory(term="Bail")

    content = client.get(reverse("glossary:index")).content.decode()

    assert re.findall(r'<h2 id="lettre-([\w-]+)"', content) == ["0-9", "B"]
    assert 'href="#lettre-0-9"' in content
