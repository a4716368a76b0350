"""The one-page list of a quartier, to print: grouped by type, with what is known and what must
be checked, on a single A4 page for a typical quartier."""

import datetime
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from portail.directory.models import Organisation
from tests.directory.factories import OrganisationFactory
from tests.letters.pdf_text import pdf_page_size, pdf_text
from tests.places.factories import CommuneFactory, QuartierFactory

pytestmark = pytest.mark.django_db


def pdf_pages(content):
    result = subprocess.run(  # noqa: S603 — a fixed program reading our own PDF
        [shutil.which("pdfinfo"), "-"], input=content, capture_output=True, check=True
    )
    line = next(line for line in result.stdout.decode().splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def layout_text(content):
    """The text column by column (pdftotext reads a two-column page in its own order)."""
    result = subprocess.run(  # noqa: S603 — a fixed program reading our own PDF
        [shutil.which("pdftotext"), "-layout", "-enc", "UTF-8", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    )
    lines = result.stdout.decode().splitlines()
    middle = max(len(line) for line in lines) // 2
    columns = [
        "\n".join(line[:middle] for line in lines),
        "\n".join(line[middle:] for line in lines),
    ]
    return " ".join(" ".join(columns).split())


@pytest.fixture
def beaulieu():
    city = CommuneFactory(name="Saint-Étienne", slug="saint-etienne")
    return QuartierFactory(commune=city, name="Beaulieu", slug="beaulieu")


def test_the_quartier_list_is_one_a4_page_grouped_by_type(client, beaulieu):
    other = QuartierFactory(commune=beaulieu.commune, name="Montreynaud", slug="montreynaud")
    OrganisationFactory(
        name="Centre social de Beaulieu",
        kind=Organisation.Kind.SOCIAL_CENTRE,
        quartiers=[beaulieu],
        phone="04 77 00 00 01",
        opening_hours="Lundi 9 h – 12 h",
        last_checked_on=timezone.localdate(),
    )
    OrganisationFactory(
        name="CAF de la Loire", kind=Organisation.Kind.CAF, website="https://www.caf.fr"
    )
    OrganisationFactory(name="ADIL de la Loire", last_checked_on=datetime.date(2020, 1, 1))
    OrganisationFactory(name="ASIM de Montreynaud", quartiers=[other])

    response = client.get(reverse("directory:quartier_pdf", args=["beaulieu"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="reseau-beaulieu.pdf"'
    assert pdf_page_size(response.content).endswith("(A4)")
    assert pdf_pages(response.content) == 1
    text = pdf_text(response.content)
    assert "Le réseau pour Beaulieu (Saint-Étienne)" in text
    assert "3 organisations" in text
    groups = [
        (str(label), [org.name for org in organisations])
        for label, organisations in response.context["kinds"]
    ]
    assert groups == [
        ("association", ["ADIL de la Loire"]),
        ("CAF", ["CAF de la Loire"]),
        ("centre social", ["Centre social de Beaulieu"]),
    ]
    layout = layout_text(response.content)
    for part in [
        "Association ADIL de la Loire Accueille et conseille les habitants. à vérifier",
        "CAF CAF de la Loire Accueille et conseille les habitants. caf.fr · à vérifier",
        "Centre social Centre social de Beaulieu · dans le quartier",
        "Tél. 04 77 00 00 01 · Lundi 9 h – 12 h · vérifié en",
    ]:
        assert part in layout, part
    assert layout.count("à vérifier") == 3  # two organisations, and the legend
    assert "Montreynaud" not in text
    assert "/reseau/?quartier=beaulieu" in text


def test_a_typical_quartier_of_thirty_organisations_fits_one_page(client, beaulieu):
    kinds = list(Organisation.Kind.values)
    for number in range(30):
        OrganisationFactory(
            name=f"Organisation numéro {number} du réseau de la Loire",
            kind=kinds[number % len(kinds)],
            summary="Une association qui accueille, écoute et oriente les habitants dans "
            "toutes leurs démarches, avec des bénévoles et des professionnels.",
            website=f"https://www.organisation-{number}.fr",
        )

    response = client.get(reverse("directory:quartier_pdf", args=["beaulieu"]))

    assert pdf_pages(response.content) == 1
    assert "Organisation numéro 29 du réseau de la Loire" in pdf_text(response.content)


def test_a_quartier_without_organisations_says_where_to_ask(client, beaulieu):
    text = pdf_text(client.get(reverse("directory:quartier_pdf", args=["beaulieu"])).content)

    assert "Aucune organisation n'est encore inscrite pour ce quartier." in text


def test_an_unknown_quartier_has_no_list(client):
    assert client.get(reverse("directory:quartier_pdf", args=["atlantide"])).status_code == 404


def test_quartier_lists_are_limited_per_address(client, beaulieu, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pdf": "1/h"}
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("directory:quartier_pdf", args=["beaulieu"])

    assert [client.get(url).status_code for _ in range(2)] == [200, 429]
