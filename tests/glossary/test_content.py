import datetime
import json
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from portail.core.content import ContentError, content_dir
from portail.glossary.autolink import words_of
from portail.glossary.content import load_glossary, read_glossary
from portail.glossary.models import DEFINITION_MAX_WORDS, Term, count_words
from portail.places.content import load_subjects, load_themes
from tests.glossary.factories import TermFactory
from tests.places.factories import SubjectFactory, ThemeFactory

DEV_QUESTIONS = Path(settings.BASE_DIR).parent / "shared/eval/dev-questions.jsonl"

DEPOSIT = """\
terme = "Dépôt de garantie"
autres_noms = ["caution", "dépôt"]
definition = "Somme versée au propriétaire à l'entrée, rendue après le départ."
exemple = "Nadia verse 450 € de dépôt de garantie."
themes = ["logement"]
sujets = ["depot"]
voir_aussi = ["etat-des-lieux"]
sources = ["Loi n° 89-462 du 6 juillet 1989, article 22"]
verifie_le = 2026-11-24
verifie_par = "Équipe du portail"

[[ne_pas_confondre]]
terme = "Garant"
explication = "La personne qui paie si vous ne payez pas."
"""

INVENTORY = """\
terme = "État des lieux"
autres_noms = ["EDL"]
definition = "Document qui décrit le logement à l'entrée et à la sortie."
themes = ["logement"]
sujets = []
voir_aussi = ["depot-de-garantie"]
verifie_le = 2026-11-24
verifie_par = "Équipe du portail"
"""


@pytest.fixture
def glossary_dir(tmp_path, db):
    ThemeFactory(slug="logement", name="Logement")
    SubjectFactory(key="depot", title="Dépôt de garantie")
    directory = tmp_path / "glossaire"
    directory.mkdir()
    (directory / "depot-de-garantie.toml").write_text(DEPOSIT, encoding="utf-8")
    (directory / "etat-des-lieux.toml").write_text(INVENTORY, encoding="utf-8")
    return directory


def test_a_glossary_file_becomes_a_term_with_all_its_fields(glossary_dir):
    tally = load_glossary(glossary_dir)

    assert (tally.created, tally.updated, tally.unchanged) == (2, 0, 0)
    term = Term.objects.get(slug="depot-de-garantie")
    assert term.term == "Dépôt de garantie"
    assert term.aliases == ["caution", "dépôt"]
    assert term.example == "Nadia verse 450 € de dépôt de garantie."
    assert [t.slug for t in term.themes.all()] == ["logement"]
    assert [s.key for s in term.subjects.all()] == ["depot"]
    assert [t.slug for t in term.see_also.all()] == ["etat-des-lieux"]
    assert term.not_to_confuse == [
        {"terme": "Garant", "explication": "La personne qui paie si vous ne payez pas."}
    ]
    assert term.sources == ["Loi n° 89-462 du 6 juillet 1989, article 22"]
    assert term.verified_on == datetime.date(2026, 11, 24)
    assert term.verified_by == "Équipe du portail"


def test_see_also_may_name_a_word_whose_file_comes_later(glossary_dir):
    load_glossary(glossary_dir)

    inventory = Term.objects.get(slug="etat-des-lieux")
    assert [t.slug for t in inventory.see_also.all()] == ["depot-de-garantie"]
    # Not symmetrical: each file says what it points to; « seen_from » is the other way.
    assert list(Term.objects.get(slug="depot-de-garantie").seen_from.all()) == [inventory]


def test_loading_the_same_files_twice_changes_nothing_the_second_time(glossary_dir):
    load_glossary(glossary_dir)
    tally = load_glossary(glossary_dir)

    assert (tally.created, tally.updated, tally.unchanged) == (0, 0, 2)
    assert Term.objects.count() == 2


def test_a_changed_file_updates_its_term_only(glossary_dir):
    load_glossary(glossary_dir)
    path = glossary_dir / "etat-des-lieux.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('["EDL"]', '["EDL", "constat"]'),
        encoding="utf-8",
    )

    tally = load_glossary(glossary_dir)

    assert (tally.created, tally.updated, tally.unchanged) == (0, 1, 1)
    assert Term.objects.get(slug="etat-des-lieux").aliases == ["EDL", "constat"]


def test_a_changed_see_also_list_counts_as_an_update(glossary_dir):
    load_glossary(glossary_dir)
    path = glossary_dir / "etat-des-lieux.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('["depot-de-garantie"]', "[]"),
        encoding="utf-8",
    )

    tally = load_glossary(glossary_dir)

    assert tally.updated == 1
    assert not Term.objects.get(slug="etat-des-lieux").see_also.exists()


def test_a_term_added_in_the_admin_is_left_alone(glossary_dir):
    TermFactory(term="Proprio")

    load_glossary(glossary_dir)

    assert Term.objects.filter(slug="proprio").exists()


def test_an_unknown_see_also_slug_is_an_error_naming_the_file(glossary_dir):
    path = glossary_dir / "etat-des-lieux.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('["depot-de-garantie"]', '["bail-perdu"]'),
        encoding="utf-8",
    )

    with pytest.raises(ContentError, match=r"etat-des-lieux\.toml.*voir_aussi.*bail-perdu"):
        load_glossary(glossary_dir)
    assert not Term.objects.exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'sujets = ["depot"]',
            'sujets = ["sujet-inconnu"]',
            r"sujets.*sujet inconnu.*sujet-inconnu",
        ),
        ('themes = ["logement"]', 'themes = ["cuisine"]', r"themes.*thème inconnu.*cuisine"),
        ('terme = "Dépôt de garantie"', 'terme = ""', r"« terme » est obligatoire"),
        ("verifie_le = 2026-11-24", 'verifie_le = "hier"', r"verifie_le.*date sans guillemets"),
        ('autres_noms = ["caution", "dépôt"]', 'autres_noms = "caution"', r"autres_noms.*liste"),
        ('explication = "La personne', 'explications = "La personne', r"ne_pas_confondre"),
        ('exemple = "Nadia', 'exemples = "Nadia', r"champ « exemples » inconnu"),
    ],
)
def test_a_bad_field_is_reported_with_its_file_and_name(glossary_dir, old, new, message):
    path = glossary_dir / "depot-de-garantie.toml"
    path.write_text(DEPOSIT.replace(old, new), encoding="utf-8")

    with pytest.raises(ContentError, match=rf"depot-de-garantie\.toml.*{message}"):
        load_glossary(glossary_dir)


def test_a_definition_over_40_words_is_refused(glossary_dir):
    long_definition = " ".join(["mot"] * 41)
    (glossary_dir / "bail.toml").write_text(
        f'terme = "Bail"\ndefinition = "{long_definition}"\n', encoding="utf-8"
    )

    with pytest.raises(ContentError, match=r"bail\.toml.*« definition » fait 41 mots : 40 au plus"):
        load_glossary(glossary_dir)


def test_every_problem_of_every_file_is_reported_at_once(glossary_dir):
    (glossary_dir / "bail.toml").write_text('terme = "Bail"\n', encoding="utf-8")
    (glossary_dir / "Loyer.toml").write_text('terme = "Loyer"\ndefinition = "x"\n', "utf-8")

    with pytest.raises(ContentError) as error:
        load_glossary(glossary_dir)

    message = str(error.value)
    assert "bail.toml : le champ « definition » est obligatoire" in message
    assert "Loyer.toml : le nom du fichier doit être en minuscules" in message


def test_a_malformed_file_is_reported_in_french(glossary_dir):
    (glossary_dir / "bail.toml").write_text('terme = "Bail\n', encoding="utf-8")

    with pytest.raises(ContentError, match=r"bail\.toml n'est pas un fichier TOML valide"):
        load_glossary(glossary_dir)


def test_an_empty_directory_is_an_error(tmp_path, db):
    with pytest.raises(ContentError, match="Aucun fichier de glossaire"):
        load_glossary(tmp_path)


def test_the_model_refuses_a_definition_over_40_words_in_the_admin_too(db):
    term = Term(slug="bail", term="Bail", definition=" ".join(["mot"] * 41))

    with pytest.raises(Exception, match="41 mots : 40 au plus"):
        term.full_clean()


@pytest.mark.parametrize(
    ("text", "words"),
    [("l'état des lieux", 3), ("Somme : un mois – au plus.", 5), ("", 0), ("  mot  ", 1)],
)
def test_words_are_counted_as_a_reader_counts_them(text, words):
    assert count_words(text) == words


# --- The real content ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_entries():
    return read_glossary(content_dir() / "glossaire")


def test_the_glossary_has_at_least_120_words(real_entries):
    assert len(real_entries) >= 120


def test_every_real_definition_has_at_most_40_words(real_entries):
    too_long = {
        entry["slug"]: count_words(entry["values"]["definition"])
        for entry in real_entries
        if count_words(entry["values"]["definition"]) > DEFINITION_MAX_WORDS
    }
    assert too_long == {}


def test_every_real_word_has_an_example_and_a_verification(real_entries):
    incomplete = [
        entry["slug"]
        for entry in real_entries
        if not entry["values"]["example"]
        or not entry["values"]["verified_on"]
        or not entry["values"]["verified_by"]
    ]
    assert incomplete == []


def test_the_real_glossary_loads_with_its_themes_and_subjects(db):
    load_themes()
    load_subjects()

    tally = load_glossary()

    assert tally.created >= 120
    assert Term.objects.filter(themes__slug="logement").exists()
    assert Term.objects.get(slug="depot-de-garantie").subjects.filter(key="depot-de-garantie")
    again = load_glossary()
    assert again.created == again.updated == 0


def _plain(text):
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(words_of("".join(c for c in text if not unicodedata.combining(c))))


def test_every_glossary_word_of_the_dev_questions_has_a_term_or_another_name(real_entries):
    names = set()
    for entry in real_entries:
        names.add(_plain(entry["values"]["term"]))
        names.update(_plain(alias) for alias in entry["values"]["aliases"])
    wanted = set()
    with open(DEV_QUESTIONS, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                wanted.update(json.loads(line).get("glossary") or [])

    assert len(wanted) > 50
    assert sorted(word for word in wanted if _plain(word) not in names) == []
