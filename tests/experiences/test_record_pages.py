"""A record's public page and its print version in the three columns of the original: what we
want to say · animation · savoir-faire developed. Presenters are named only with their consent."""

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.experiences.factories import (
    PortfolioSettingsFactory,
    RecordFactory,
    SectionFactory,
    SkillFactory,
)
from tests.groups.factories import MembershipFactory
from tests.letters.pdf_text import pdf_page_size, pdf_text

pytestmark = pytest.mark.django_db

COLUMNS = ["Ce que nous voulons dire", "Animation", "Savoir-faire développés"]


@pytest.fixture
def record(group):
    record = RecordFactory(group=group, published=True, title="Le Groupe Logement raconte")
    named = UserFactory(display_name="Karim")
    PortfolioSettingsFactory(user=named, named_in_records=True)
    shy = UserFactory(display_name="Secrète")
    for user in (named, shy):
        MembershipFactory(user=user, group=group)
    SectionFactory(
        record=record,
        kind="naissance",
        text="Des habitants ont posté leurs **questions** en ligne.",
        animation="Raconté à deux voix.",
        presenters=[named, shy],
        presenter_names="Joëlle",
        skills=[SkillFactory(name="travailler en groupe", slug="travailler-en-groupe")],
    )
    SectionFactory(
        record=record,
        kind="restitution",
        text="Un jeu de l'oie géant.\n\n<script>alert(1)</script>",
        animation="",
        skills=[
            SkillFactory(name="savoir animer", slug="savoir-animer"),
            SkillFactory(name="prendre la parole en public", slug="prendre-la-parole"),
        ],
    )
    return record


def test_the_page_shows_each_section_in_three_parts(client, record):
    html = client.get(record.get_absolute_url()).content.decode()

    assert html.count("<h3>Ce que nous voulons dire</h3>") == 2
    assert html.count("<h3>Animation</h3>") == 2
    assert html.count("<h3>Savoir-faire développés</h3>") == 2
    assert "Naissance du groupe" in html and "Restitution" in html
    assert "<strong>questions</strong>" in html
    assert "<script>alert" not in html
    assert html.index("Naissance du groupe</h2>") < html.index("Restitution</h2>")
    assert 'href="/experiences/savoir-faire/#savoir-faire-savoir-animer"' in html


def test_a_member_is_named_only_with_consent(client, record):
    html = client.get(record.get_absolute_url()).content.decode()

    assert "Présenté par :</strong> Karim, un membre du groupe, Joëlle" in html
    assert "Secrète" not in html


def test_several_unnamed_members_are_counted(record):
    section = record.sections.first()
    section.presenters.add(UserFactory(display_name="Autre discrète"))

    assert section.public_presenters() == ["Karim", "2 membres du groupe", "Joëlle"]


def test_the_pdf_has_the_three_columns_of_the_original(client, record):
    response = client.get(reverse("experiences:pdf", args=[record.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="recit-' in response["Content-Disposition"]
    text = pdf_text(response.content)
    for column in COLUMNS:
        assert column in text
    for part in [
        "Le Groupe Logement raconte",
        "Naissance du groupe",
        "Des habitants ont posté leurs questions en ligne.",
        "Raconté à deux voix.",
        "Présenté par : Karim, un membre du groupe, Joëlle",
        "travailler en groupe",
        "Restitution",
        "Un jeu de l'oie géant.",
        "savoir animer",
        "prendre la parole en public",
    ]:
        assert part in text, part
    assert "Secrète" not in text
    # Raw HTML in a text is shown as text, never interpreted.
    assert "<script>alert(1)</script>" in text
    width, _x, height = pdf_page_size(response.content).split()[:3]
    assert (round(float(width)), round(float(height))) == (842, 595)  # A4 landscape


def test_record_pdfs_are_limited_per_address(client, record, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pdf": "1/h"}
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("experiences:pdf", args=[record.slug])

    assert [client.get(url).status_code for _ in range(2)] == [200, 429]


def test_a_facilitator_sees_the_edit_link_and_others_do_not(client, group, record):
    assert "Modifier le récit" not in client.get(record.get_absolute_url()).content.decode()
    facilitator = UserFactory()
    MembershipFactory(user=facilitator, group=group, role="animateur")
    client.force_login(facilitator)

    assert "Modifier le récit" in client.get(record.get_absolute_url()).content.decode()


def test_the_list_shows_published_records_with_their_group(client, record):
    html = client.get(reverse("experiences:list")).content.decode()

    assert "Le Groupe Logement raconte" in html and "Groupe Logement" in html
