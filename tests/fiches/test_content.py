import pytest
from reversion.models import Version

from portail.core.content import ContentError
from portail.fiches.content import load_fiches
from portail.fiches.models import Fiche
from tests.directory.factories import OrganisationFactory
from tests.glossary.factories import TermFactory
from tests.letters.factories import LetterFactory
from tests.places.factories import SubjectFactory

pytestmark = pytest.mark.django_db

GOOD = """+++
sujet = "quittance"
titre = "Obtenir ses quittances"
en_bref = [
  "La quittance prouve que vous avez payé.",
  "Elle est gratuite.",
]
mots = ["quittance"]
organisations = ["adil-de-la-loire"]
lettre = "demande-quittances"
verifie_le = 2026-11-24
verifie_par = "Équipe du portail"

[[sources]]
texte = "Loi n° 89-462 du 6 juillet 1989, article 21"
url = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000509310"
+++

## Vos droits

Le propriétaire donne la quittance **gratuitement** (article 21).

## Ce que vous pouvez faire

1. Demandez-la par écrit.
2. Gardez une copie.

## À qui s'adresser

- **ADIL de la Loire** : conseil gratuit.
"""


@pytest.fixture
def content(settings, tmp_path):
    (tmp_path / "fiches").mkdir()
    settings.CONTENT_DIR = tmp_path
    SubjectFactory(key="quittance")
    TermFactory(slug="quittance", term="Quittance")
    OrganisationFactory(slug="adil-de-la-loire", name="ADIL de la Loire")
    LetterFactory(slug="demande-quittances")

    def write(text, name="quittance.md"):
        (tmp_path / "fiches" / name).write_text(text, encoding="utf-8")

    return write


def test_a_fiche_file_becomes_the_fiche_of_its_subject(content):
    content(GOOD)

    tally = load_fiches()

    assert (tally.created, tally.updated, tally.unchanged) == (1, 0, 0)
    fiche = Fiche.objects.get()
    assert fiche.slug == fiche.subject.key == "quittance"
    assert fiche.title == "Obtenir ses quittances"
    assert fiche.summary_falc == ["La quittance prouve que vous avez payé.", "Elle est gratuite."]
    assert fiche.rights_md == "Le propriétaire donne la quittance **gratuitement** (article 21)."
    assert fiche.steps_md == "1. Demandez-la par écrit.\n2. Gardez une copie."
    assert fiche.contacts_md == "- **ADIL de la Loire** : conseil gratuit."
    assert [t.slug for t in fiche.terms.all()] == ["quittance"]
    assert [o.slug for o in fiche.organisations.all()] == ["adil-de-la-loire"]
    assert fiche.letter.slug == "demande-quittances"
    assert fiche.sources == [
        {
            "texte": "Loi n° 89-462 du 6 juillet 1989, article 21",
            "url": "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000509310",
        }
    ]
    assert str(fiche.verified_on) == "2026-11-24"
    assert fiche.verified_by == "Équipe du portail"


def test_loading_twice_changes_nothing_and_an_edit_is_an_update(content):
    content(GOOD)
    load_fiches()

    again = load_fiches()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)

    content(GOOD.replace('lettre = "demande-quittances"', 'lettre = ""'))
    edited = load_fiches()
    assert (edited.created, edited.updated, edited.unchanged) == (0, 1, 0)
    assert Fiche.objects.get().letter is None


def test_a_changed_list_of_words_is_an_update(content):
    content(GOOD)
    load_fiches()
    TermFactory(slug="bail", term="Bail")

    content(GOOD.replace('mots = ["quittance"]', 'mots = ["quittance", "bail"]'))
    tally = load_fiches()

    assert tally.updated == 1
    assert {t.slug for t in Fiche.objects.get().terms.all()} == {"quittance", "bail"}


def test_loading_records_a_revision_for_the_admin_history(content):
    content(GOOD)
    load_fiches()

    versions = Version.objects.get_for_object(Fiche.objects.get())
    assert versions.count() == 1
    assert versions[0].revision.comment == "chargement du contenu"


SIX = "\n".join(f'  "Phrase {n}.",' for n in range(6))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("## Vos droits", "## Nos droits", "doit avoir exactement les titres"),
        ("## À qui s'adresser\n", "", "doit avoir exactement les titres"),
        ("## Vos droits\n", "Intro.\n\n## Vos droits\n", "du texte se trouve avant"),
        ("1. Demandez-la par écrit.\n2. Gardez une copie.", "- Demandez-la.", "liste numérotée"),
        ("- **ADIL de la Loire** : conseil gratuit.\n", "", "« À qui s'adresser » est vide"),
        (
            '  "La quittance prouve que vous avez payé.",\n  "Elle est gratuite.",',
            SIX,
            "« en_bref » a 6 phrases ; 5 au plus",
        ),
        ('sujet = "quittance"', 'sujet = "inconnu"', "sujet inconnu : inconnu"),
        ('mots = ["quittance"]', 'mots = ["mot-inconnu"]', "inconnu(e) : mot-inconnu"),
        ('["adil-de-la-loire"]', '["asso-inconnue"]', "inconnu(e) : asso-inconnue"),
        ('lettre = "demande-quittances"', 'lettre = "inconnue"', "modèle de lettre inconnu"),
        ("[[sources]]\ntexte", "[[autres]]\ntexte", "clé(s) inconnue(s)"),
        ('titre = "Obtenir ses quittances"\n', "", "« titre » est obligatoire"),
        ("verifie_le = 2026-11-24", 'verifie_le = "hier"', "doit être une date"),
    ],
)
def test_a_broken_fiche_file_is_refused_with_its_name_and_the_problem(content, old, new, message):
    assert old in GOOD
    content(GOOD.replace(old, new, 1))

    with pytest.raises(ContentError) as error:
        load_fiches()

    assert "fiches/quittance.md" in str(error.value)
    assert message in str(error.value)
    assert not Fiche.objects.exists()


def test_a_fiche_without_any_source_is_refused(content):
    start = GOOD.index("[[sources]]")
    content(GOOD[:start] + GOOD[GOOD.index("+++\n\n## Vos droits") :])
    with pytest.raises(ContentError, match="il faut au moins une source"):
        load_fiches()


def test_a_subject_cannot_have_two_fiches(content):
    content(GOOD)
    content(GOOD, name="quittance-bis.md")

    with pytest.raises(ContentError) as error:
        load_fiches()

    assert "fiches/quittance.md : le sujet « quittance » a déjà une fiche" in str(error.value)
    assert not Fiche.objects.exists()


def test_every_subject_must_have_its_fiche_and_nothing_is_kept_otherwise(content):
    content(GOOD)
    SubjectFactory(key="sans-fiche")

    with pytest.raises(ContentError, match="aucune fiche pour le\\(s\\) sujet\\(s\\) : sans-fiche"):
        load_fiches()

    assert not Fiche.objects.exists()


def test_a_curly_apostrophe_in_a_heading_is_accepted(content):
    content(GOOD.replace("## À qui s'adresser", "## À qui s’adresser"))
    assert load_fiches().created == 1
