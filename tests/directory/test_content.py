"""content/organisations.toml: the new fields load, the real file loads, loading twice changes
nothing, and what an organisation wrote on the portal is never overwritten by the file."""

import pytest

from portail.core.content import ContentError
from portail.directory.content import load_organisations
from portail.directory.models import Organisation
from tests.accounts.factories import UserFactory
from tests.places.factories import QuartierFactory, SubjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db

ENTRY = """
[[organisations]]
name = "ADIL de la Loire"
slug = "adil"
kind = "association"
summary = "Des juristes répondent gratuitement."
services = \"\"\"
Conseil juridique gratuit, pour les locataires et les propriétaires
\"\"\"
themes = ["logement"]
subjects = ["depot-de-garantie"]
quartiers = ["beaulieu"]
step_free_access = "oui"
languages = "français"
"""


@pytest.fixture
def content(settings, tmp_path):
    settings.CONTENT_DIR = tmp_path
    ThemeFactory(slug="logement")
    SubjectFactory(key="depot-de-garantie")
    QuartierFactory(slug="beaulieu")

    def write(text):
        (tmp_path / "organisations.toml").write_text(text, encoding="utf-8")

    return write


def test_the_new_fields_are_loaded_and_loading_again_changes_nothing(content):
    content(ENTRY)

    first = load_organisations()
    second = load_organisations()

    organisation = Organisation.objects.get(slug="adil")
    assert (first.created, second.unchanged) == (1, 1)
    assert organisation.service_list == [
        "Conseil juridique gratuit, pour les locataires et les propriétaires"
    ]
    assert [s.key for s in organisation.subjects.all()] == ["depot-de-garantie"]
    assert organisation.step_free_access == Organisation.StepFree.YES
    assert organisation.languages == "français"
    assert organisation.opening_hours == ""


def test_an_unknown_subject_is_refused_with_its_name(content):
    content(ENTRY.replace('"depot-de-garantie"', '"fusee"'))

    with pytest.raises(ContentError, match="fusee"):
        load_organisations()


def test_a_wrong_step_free_value_is_refused(content):
    content(ENTRY.replace('step_free_access = "oui"', 'step_free_access = "peut-être"'))

    with pytest.raises(ContentError, match="step_free_access"):
        load_organisations()


def test_what_the_organisation_wrote_on_the_portal_is_kept(content):
    content(ENTRY)
    load_organisations()
    organisation = Organisation.objects.get(slug="adil")
    organisation.phone = "04 77 00 00 00"
    organisation.opening_hours = "Mardi 9 h – 12 h"
    organisation.mark_checked(by=UserFactory())
    organisation.save()
    organisation.subjects.clear()

    content(ENTRY.replace('name = "ADIL de la Loire"', 'name = "ADIL 42"'))
    tally = load_organisations()

    organisation.refresh_from_db()
    assert tally.updated == 1
    assert organisation.name == "ADIL 42"
    assert organisation.phone == "04 77 00 00 00"
    assert organisation.opening_hours == "Mardi 9 h – 12 h"
    assert not organisation.subjects.exists()


def test_the_real_file_loads_with_subjects_and_invents_no_contact_details(settings):
    from portail.places.content import load_places, load_subjects, load_themes

    load_themes()
    load_subjects()
    load_places()
    load_organisations()

    caf = Organisation.objects.get(slug="caf-de-la-loire")
    adil = Organisation.objects.get(slug="adil-de-la-loire")
    assert {"apl-aide-logement", "rsa"} <= set(caf.subjects.values_list("key", flat=True))
    assert {"depot-de-garantie", "impayes-loyer"} <= set(
        adil.subjects.values_list("key", flat=True)
    )
    assert not Organisation.objects.exclude(opening_hours="").exists()
    assert not Organisation.objects.exclude(address="").exists()
    assert not Organisation.objects.exclude(email="").exists()
    assert list(Organisation.objects.exclude(phone="").values_list("phone", flat=True)) == ["115"]
