"""The 48 fiches pistes of content/fiches/ as loaded by `manage.py load_content`: one per subject
of ../shared/eval/subjects.json, complete, and stating every public fact correctly."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from portail.fiches.models import Fiche
from tests.fiches.knowledge import knowledge_base  # noqa: F401 — the fixture
from tests.letters.pdf_text import pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("knowledge_base")]

EVAL = Path(settings.BASE_DIR).parent / "shared" / "eval"
SUBJECTS = [subject["key"] for subject in json.loads((EVAL / "subjects.json").read_text())]
FACTS = [
    json.loads(line) for line in (EVAL / "facts-public.jsonl").read_text().splitlines() if line
]


def test_there_is_exactly_one_fiche_for_each_of_the_48_subjects():
    assert len(SUBJECTS) == 48
    fiches = dict(Fiche.objects.values_list("slug", "subject__key"))
    assert sorted(fiches) == sorted(SUBJECTS)
    assert all(slug == key for slug, key in fiches.items())


@pytest.mark.parametrize("key", SUBJECTS)
def test_each_fiche_is_complete(key):
    fiche = Fiche.objects.get(slug=key)

    assert 1 <= len(fiche.summary_falc) <= 5
    assert all(len(sentence.split()) <= 15 for sentence in fiche.summary_falc)
    assert fiche.rights_md and fiche.steps_md and fiche.contacts_md
    assert re.search(r"^1\. ", fiche.steps_md, re.M) and re.search(r"^2\. ", fiche.steps_md, re.M)
    assert "<ol>" in fiche.steps_html
    assert 150 <= len(" ".join([fiche.rights_md, fiche.steps_md, fiche.contacts_md]).split()) <= 450
    assert fiche.sources and all(source["texte"] for source in fiche.sources)
    assert all(s["url"].startswith("https://") for s in fiche.sources if s["url"])
    assert fiche.verified_on and fiche.verified_by
    assert fiche.terms.exists()
    assert fiche.organisations.exists()


@pytest.mark.parametrize("fact", FACTS, ids=[fact["id"] for fact in FACTS])
def test_each_public_fact_appears_in_the_fiche_of_its_subject(fact):
    fiche = Fiche.objects.get(slug=fact["topic"])
    assert re.search(fact["check"], fiche.full_text(), re.I), fact["claim"]


def test_every_fiche_page_opens(client):
    for key in SUBJECTS:
        response = client.get(reverse("fiches:detail", args=[key]))
        assert response.status_code == 200, key


def test_the_list_groups_the_48_fiches_under_their_themes(client):
    content = client.get(reverse("fiches:index")).content.decode()
    assert content.count('<li class="carte">') == 48
    assert content.index('id="theme-logement"') < content.index('id="theme-energie"')


def test_a_real_fiche_prints_to_a_readable_pdf(client):
    response = client.get(reverse("fiches:pdf", args=["depot-de-garantie"]))
    text = pdf_text(response.content)
    assert "Récupérer son dépôt de garantie" in text
    assert "un mois de loyer hors charges" in text
    assert "Loi n° 89-462 du 6 juillet 1989, article 22" in text
