import pytest

from portail.core.content import ContentError, load_content
from portail.places.content import load_places, load_subjects, load_themes
from portail.places.models import Commune, Quartier, Theme
from portail.places.pictograms import PICTOGRAMS

pytestmark = pytest.mark.django_db


def test_themes_start_with_housing_and_each_has_a_known_pictogram():
    load_themes()

    themes = list(Theme.objects.all())
    assert [t.slug for t in themes] == [
        "logement",
        "sante",
        "emploi",
        "caf-minima-sociaux",
        "energie",
        "ecole",
        "budget-dettes",
    ]
    assert all(t.pictogram in PICTOGRAMS for t in themes)


def test_places_are_loaded_with_their_postal_codes_and_priority_quartiers():
    load_places()

    assert Commune.objects.get(slug="saint-etienne").postal_code == "42000"
    assert Commune.objects.get(slug="firminy").postal_code == "42700"
    assert Quartier.objects.get(slug="la-ronze").commune.name == "Saint-Jean-Bonnefonds"
    assert Quartier.objects.get(slug="la-dame-blanche").commune.name == "Saint-Étienne"
    priority = set(Quartier.objects.filter(is_priority=True).values_list("slug", flat=True))
    assert priority == {
        "montreynaud",
        "beaulieu",
        "tarentaize",
        "beaubrun",
        "cret-de-roc",
        "la-cotonne",
    }


def test_loading_places_twice_creates_nothing_the_second_time():
    load_places()
    communes, quartiers = load_places()

    assert communes.created == quartiers.created == 0
    assert communes.updated == quartiers.updated == 0
    assert Quartier.objects.filter(slug="montreynaud").count() == 1


def test_subjects_cannot_be_loaded_before_their_themes():
    with pytest.raises(ContentError, match=r"chargez d'abord content/themes\.toml"):
        load_subjects()


def test_a_malformed_file_is_reported_in_french_with_its_name(settings, tmp_path):
    (tmp_path / "themes.toml").write_text('[[themes]]\nslug = "logement\n', encoding="utf-8")
    settings.CONTENT_DIR = tmp_path

    with pytest.raises(ContentError, match=r"themes\.toml n'est pas un fichier TOML valide"):
        load_themes()


def test_a_missing_file_is_reported(settings, tmp_path):
    settings.CONTENT_DIR = tmp_path

    with pytest.raises(ContentError, match="Fichier de contenu introuvable"):
        load_themes()


def test_an_unknown_pictogram_is_refused(settings, tmp_path):
    (tmp_path / "themes.toml").write_text(
        '[[themes]]\nslug = "logement"\nname = "Logement"\npictogram = "fusee"\n',
        encoding="utf-8",
    )
    settings.CONTENT_DIR = tmp_path

    with pytest.raises(ContentError, match="pictogram"):
        load_themes()
    assert not Theme.objects.exists()


def test_a_required_field_left_empty_is_named(settings, tmp_path):
    (tmp_path / "themes.toml").write_text(
        '[[themes]]\nslug = "logement"\nname = ""\npictogram = "maison"\n', encoding="utf-8"
    )
    settings.CONTENT_DIR = tmp_path

    with pytest.raises(ContentError, match="« name » est obligatoire"):
        load_themes()


def test_a_group_naming_an_unknown_quartier_is_refused(settings, tmp_path):
    source = settings.BASE_DIR / "content"
    for name in ("themes.toml", "places.toml", "organisations.toml"):
        (tmp_path / name).write_text((source / name).read_text(encoding="utf-8"))
    (tmp_path / "groups.toml").write_text(
        '[[groups]]\nname = "G"\nslug = "g"\npresentation = "P"\nquartiers = ["atlantide"]\n',
        encoding="utf-8",
    )
    settings.CONTENT_DIR = tmp_path

    with pytest.raises(ContentError, match="atlantide"):
        load_content()


def test_a_quoted_yes_no_value_is_refused_rather_than_read_as_yes(settings, tmp_path):
    (tmp_path / "places.toml").write_text(
        '[[communes]]\nname = "Firminy"\nslug = "firminy"\n'
        '[[communes.quartiers]]\nname = "Firminy-Vert"\nslug = "firminy-vert"\nqpv = "false"\n',
        encoding="utf-8",
    )
    settings.CONTENT_DIR = tmp_path

    with pytest.raises(ContentError, match="doit valoir true ou false"):
        load_places()


def test_loading_again_never_overwrites_what_a_group_changed_on_the_portal():
    from portail.groups.models import Group

    load_content()
    group = Group.objects.get(slug="groupe-logement")
    group.presentation = "Présentation réécrite par les animateurs."
    group.save()
    group.themes.clear()

    load_content()

    group.refresh_from_db()
    assert group.presentation == "Présentation réécrite par les animateurs."
    assert not group.themes.exists()
