import html

import pytest
from django.urls import reverse

from tests.directory.factories import OrganisationFactory
from tests.fiches.factories import FicheFactory
from tests.glossary.factories import TermFactory
from tests.letters.factories import LetterFactory
from tests.letters.pdf_text import pdf_page_size, pdf_text
from tests.places.factories import SubjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def text_of(response):
    return html.unescape(response.content.decode())


def test_the_list_groups_fiches_by_theme_with_pictogram_title_and_first_sentence(client):
    housing = ThemeFactory(slug="logement", name="Logement", order=1, pictogram="maison")
    energy = ThemeFactory(slug="energie", name="Énergie", order=2, pictogram="energie")
    FicheFactory(
        subject=SubjectFactory(theme=energy),
        title="Payer ses factures d'énergie",
        summary_falc=["Le chèque énergie aide à payer.", "Il arrive au printemps."],
    )
    FicheFactory(subject=SubjectFactory(theme=housing), title="Récupérer son dépôt")

    response = client.get(reverse("fiches:index"))

    content = text_of(response)
    assert response.status_code == 200
    order = [
        content.index('<h2 id="theme-logement" class="titre-theme">'),
        content.index("Récupérer son dépôt"),
        content.index('<h2 id="theme-energie" class="titre-theme">'),
        content.index("Payer ses factures d'énergie"),
        content.index("Le chèque énergie aide à payer."),
    ]
    assert order == sorted(order)
    assert "Il arrive au printemps." not in content
    assert 'href="#theme-energie"' in content
    assert content.count('class="picto"') >= 4


def test_the_list_without_fiches_says_they_are_coming(client):
    content = text_of(client.get(reverse("fiches:index")))
    assert "Les fiches arrivent" in content


def test_an_unknown_fiche_is_a_404(client):
    assert client.get(reverse("fiches:detail", args=["inconnue"])).status_code == 404
    assert client.get(reverse("fiches:pdf", args=["inconnue"])).status_code == 404


@pytest.fixture
def fiche():
    theme = ThemeFactory(name="Logement", pictogram="maison")
    term = TermFactory(
        slug="depot-de-garantie",
        term="Dépôt de garantie",
        aliases=["caution"],
        definition="L'argent versé à l'entrée.",
    )
    adil = OrganisationFactory(slug="adil", name="ADIL de la Loire", summary="Des juristes.")
    letter = LetterFactory(slug="depot", title="Demander la restitution du dépôt")
    fiche = FicheFactory(
        subject=SubjectFactory(key="depot-de-garantie", theme=theme),
        title="Récupérer son dépôt de garantie",
        summary_falc=["Le propriétaire doit rendre l'argent.", "Il a un ou deux mois."],
        rights_md="Le **dépôt de garantie** est rendu en un mois. Le dépôt de garantie sert…",
        steps_md="1. Écrivez au propriétaire.\n2. Saisissez la commission.",
        contacts_md="- **ADIL** : conseil gratuit.",
        terms=[term],
        organisations=[adil],
    )
    fiche.letter = letter
    fiche.save()
    return fiche


def test_a_fiche_shows_its_sections_in_order(client, fiche):
    response = client.get(fiche.get_absolute_url())

    content = text_of(response)
    assert response.status_code == 200
    headings = [
        "<h1>Récupérer son dépôt de garantie</h1>",
        '<h2 id="titre-en-bref">En bref</h2>',
        "<li>Le propriétaire doit rendre l'argent.</li>",
        '<h2 id="titre-droits">Vos droits</h2>',
        '<h2 id="titre-etapes">Ce que vous pouvez faire</h2>',
        "<ol>\n<li>Écrivez au propriétaire.</li>",
        '<h2 id="titre-lettre">Un modèle de lettre</h2>',
        '<h2 id="titre-contacts">À qui s\'adresser</h2>',
        '<h2 id="titre-mots">Mots à connaître</h2>',
        '<h2 id="titre-sources">Sources</h2>',
        "Vérifiée le 24 novembre 2026 par Équipe du portail.",
    ]
    positions = [content.index(part) for part in headings]
    assert positions == sorted(positions)


def test_the_sections_link_glossary_words_once(client, fiche):
    content = text_of(client.get(fiche.get_absolute_url()))
    rights = content[content.index('id="titre-droits"') : content.index('id="titre-etapes"')]

    assert rights.count('data-glossaire="depot-de-garantie"') == 1
    assert "L'argent versé à l'entrée." in rights


def test_a_fiche_links_its_letter_organisations_words_and_sources(client, fiche):
    content = text_of(client.get(fiche.get_absolute_url()))

    assert f'href="{reverse("letters:fill", args=["depot"])}"' in content
    assert "Demander la restitution du dépôt" in content
    adil_url = reverse("directory:detail", args=["adil"])
    assert f'<h3><a href="{adil_url}">ADIL de la Loire</a></h3>' in content
    assert "Des juristes." in content
    assert (
        f'<dt><a href="{reverse("glossary:term", args=["depot-de-garantie"])}">Dépôt de garantie'
        in content
    )
    assert "<dd>L'argent versé à l'entrée.</dd>" in content
    assert (
        '<a href="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000509310" rel="noopener">'
        "Loi n° 89-462 du 6 juillet 1989, article 22</a>"
    ) in content
    assert "<li>Décret n° 87-713 du 26 août 1987</li>" in content


def test_a_fiche_offers_its_pdf_and_a_print_button_that_needs_javascript(client, fiche):
    content = text_of(client.get(fiche.get_absolute_url()))

    assert f'href="{reverse("fiches:pdf", args=[fiche.slug])}"' in content
    assert 'class="bouton bouton--secondaire js-imprimer" hidden>Imprimer</button>' in content
    assert '<script src="/static/js/imprimer.js" defer></script>' in content


def test_a_fiche_without_letter_has_no_letter_section(client, fiche):
    fiche.letter = None
    fiche.save()
    assert "Un modèle de lettre" not in text_of(client.get(fiche.get_absolute_url()))


def test_the_markdown_of_a_fiche_cannot_inject_html(client, fiche):
    fiche.rights_md = "<script>alert(1)</script> [lien](javascript:alert(1)) <b style='x'>gras</b>"
    fiche.save()

    content = client.get(fiche.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in content
    assert 'href="javascript' not in content
    assert "&lt;script&gt;" in content


def test_the_pdf_of_a_fiche_is_an_a4_download_with_its_text(client, fiche):
    response = client.get(reverse("fiches:pdf", args=[fiche.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="fiche-depot-de-garantie.pdf"'
    assert pdf_page_size(response.content).endswith("(A4)")
    text = pdf_text(response.content)
    for part in [
        "Récupérer son dépôt de garantie",
        "En bref",
        "Le propriétaire doit rendre l'argent.",
        "Vos droits",
        "Ce que vous pouvez faire",
        "1. Écrivez au propriétaire.",
        "À qui s'adresser",
        "Mots à connaître",
        "Dépôt de garantie",
        "Sources",
        "Vérifiée le 24 novembre 2026 par Équipe du portail.",
    ]:
        assert part in text, part


def test_a_subject_links_to_its_fiche(fiche):
    assert fiche.subject.get_absolute_url() == reverse("fiches:detail", args=[fiche.slug])


def test_fiche_pdfs_are_limited_per_address(client, fiche, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pdf": "1/h"}
    settings.PAGE_CACHE_SECONDS = 0
    pdf_url = reverse("fiches:pdf", args=[fiche.slug])
    assert [client.get(pdf_url).status_code for _ in range(2)] == [200, 429]


@pytest.mark.parametrize("name", ["fiches:index", "fiches:detail"])
def test_fiche_pages_are_served_from_the_cache_to_anonymous_visitors(
    client, fiche, settings, django_assert_num_queries, name
):
    settings.PAGE_CACHE_SECONDS = 60
    page_url = reverse(name, args=[fiche.slug] if name == "fiches:detail" else [])
    first = client.get(page_url)

    with django_assert_num_queries(0):
        second = client.get(page_url)

    assert second.content == first.content
