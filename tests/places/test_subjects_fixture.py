import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from portail.places.content import SUBJECTS_FIXTURE, load_subjects, load_themes
from portail.places.models import Subject

pytestmark = pytest.mark.django_db

SUBJECTS_FILE = Path(settings.BASE_DIR).parent / "shared" / "eval" / "subjects.json"
NON_HOUSING = {
    "caf-declaration-ressources": "caf-minima-sociaux",
    "rsa": "caf-minima-sociaux",
    "css-sante": "sante",
    "cheque-energie": "energie",
    "coupure-electricite-gaz": "energie",
    "surendettement": "budget-dettes",
}


def fixture_items():
    return json.loads(SUBJECTS_FIXTURE.read_text(encoding="utf-8"))


def test_the_fixture_has_exactly_the_subjects_of_the_shared_list_with_their_descriptions():
    reference = {s["key"]: s["description"] for s in json.loads(SUBJECTS_FILE.read_text())}
    items = fixture_items()
    fixture = {item["fields"]["key"]: item["fields"]["description"] for item in items}

    assert len(items) == len(reference) == 48
    assert fixture == reference


def test_every_subject_has_a_short_title_and_the_expected_theme():
    for item in fixture_items():
        fields = item["fields"]
        assert item["model"] == "places.subject"
        assert "pk" not in item, "natural keys only, so loading twice updates"
        assert 0 < len(fields["title"]) <= 120
        assert fields["theme"] == [NON_HOUSING.get(fields["key"], "logement")]


def test_loaddata_twice_keeps_48_subjects_once_themes_exist():
    load_themes()

    call_command("loaddata", "subjects", verbosity=0)
    call_command("loaddata", "subjects", verbosity=0)

    assert Subject.objects.count() == 48
    assert Subject.objects.get(key="rsa").theme.slug == "caf-minima-sociaux"
    assert Subject.objects.get_by_natural_key("dalo").natural_key() == ("dalo",)


def test_loading_the_subjects_again_restores_a_title_changed_in_the_database():
    load_themes()
    load_subjects()
    Subject.objects.filter(key="dalo").update(title="Autre titre")

    tally = load_subjects()

    assert (tally.created, tally.updated, tally.unchanged) == (0, 1, 47)
    assert Subject.objects.get(key="dalo").title == "Droit au logement opposable (DALO)"
