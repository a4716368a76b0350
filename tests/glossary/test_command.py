import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Revision, Version

from portail.core.content import content_dir
from portail.glossary.models import Term

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("load_content", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_load_content_loads_the_knowledge_base_as_one_revision_then_reports_it_unchanged():
    output = run()

    # One revision of the admin history, each version taken once the related words were set.
    revision = Revision.objects.get()
    assert revision.comment == "chargement du contenu"
    version = Version.objects.get_for_object(Term.objects.get(slug="depot-de-garantie")).get()
    assert version.revision == revision
    assert version.field_dict["see_also"]

    assert "Thèmes : 7 créé(s)" in output
    for label in ("Glossaire : ", "Modèles de lettres : ", "Fiches pistes : "):
        assert label in output
    assert Term.objects.count() >= 120
    assert output.strip().endswith("Contenu chargé.")

    again = run()

    lines = [line for line in again.splitlines() if " créé(s), " in line]
    assert len(lines) >= 9
    assert all(" 0 créé(s), 0 mis à jour," in line for line in lines)


def test_check_writes_nothing_and_says_what_would_change():
    output = run("--check")

    assert "Glossaire : " in output
    assert "Vérification terminée : aucune erreur" in output
    assert not Term.objects.exists()
    assert not Revision.objects.exists()


@pytest.fixture
def broken_content(tmp_path, settings):
    copy = tmp_path / "content"
    shutil.copytree(content_dir(), copy)
    settings.CONTENT_DIR = copy
    bail = copy / "glossaire" / "bail.toml"
    bail.write_text(
        bail.read_text(encoding="utf-8").replace('"locataire", "bailleur"', '"locataire", "bal"'),
        encoding="utf-8",
    )
    long = " ".join(["mot"] * 45)
    (copy / "glossaire" / "mot-trop-long.toml").write_text(
        f'terme = "Mot"\ndefinition = "{long}"\n', encoding="utf-8"
    )
    return copy


def test_check_fails_with_every_error_and_exit_code_1(broken_content):
    with pytest.raises(CommandError) as error:
        run("--check")

    assert error.value.returncode == 1
    message = str(error.value)
    assert "mot-trop-long.toml : « definition » fait 45 mots : 40 au plus" in message


def test_an_error_in_one_file_loads_nothing(broken_content):
    broken_content.joinpath("glossaire", "mot-trop-long.toml").unlink()

    with pytest.raises(
        CommandError, match=r"bail\.toml : « voir_aussi » : mot du glossaire inconnu : bal"
    ):
        run()

    assert not Term.objects.exists()
