import pytest
from reversion.models import Version

from portail.core.content import ContentError
from portail.letters.content import load_letters
from portail.letters.models import Letter
from tests.places.factories import SubjectFactory

pytestmark = pytest.mark.django_db

GOOD = """+++
titre = "Demander ses quittances"
sujets = ["quittance"]
resume = "Pour obtenir la preuve que vous avez payé."
objet = "Demande de quittances de loyer"
envoi = "Lettre simple"
destinataire = "bailleur"
verifie_le = 2026-11-24
verifie_par = "Équipe du portail"

[[sources]]
texte = "Loi n° 89-462 du 6 juillet 1989, article 21"
url = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000509310"

[[champs]]
nom = "periode"
label = "Pour quels mois ?"
type = "texte"
obligatoire = true
+++
Madame, Monsieur,

Je vous demande les quittances pour : {{ periode }}.

Je vous prie d'agréer, Madame, Monsieur, mes salutations distinguées.
"""


@pytest.fixture
def content(settings, tmp_path):
    (tmp_path / "lettres").mkdir()
    settings.CONTENT_DIR = tmp_path
    SubjectFactory(key="quittance")

    def write(text, name="demande-quittances.md"):
        (tmp_path / "lettres" / name).write_text(text, encoding="utf-8")

    return write


def test_a_letter_file_becomes_a_letter_with_its_fields_and_subjects(content):
    content(GOOD)

    tally = load_letters()

    assert (tally.created, tally.updated, tally.unchanged) == (1, 0, 0)
    letter = Letter.objects.get(slug="demande-quittances")
    assert letter.title == "Demander ses quittances"
    assert letter.subject_line == "Demande de quittances de loyer"
    assert letter.sending == "Lettre simple"
    assert letter.recipient_kind == "bailleur"
    assert [s.key for s in letter.subjects.all()] == ["quittance"]
    assert letter.fields == [
        {"nom": "periode", "label": "Pour quels mois ?", "type": "texte", "obligatoire": True}
    ]
    assert letter.body.startswith("Madame, Monsieur,")
    assert letter.body.endswith("salutations distinguées.")
    assert letter.sources[0]["url"].startswith("https://www.legifrance.gouv.fr/")
    assert str(letter.verified_on) == "2026-11-24"


def test_loading_twice_changes_nothing_and_an_edit_is_an_update(content):
    content(GOOD)
    load_letters()

    again = load_letters()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)

    content(GOOD.replace("Lettre simple", "Lettre recommandée avec accusé de réception"))
    edited = load_letters()
    assert (edited.created, edited.updated, edited.unchanged) == (0, 1, 0)
    assert Letter.objects.get().sending == "Lettre recommandée avec accusé de réception"


def test_loading_records_a_revision_for_the_admin_history(content):
    content(GOOD)
    load_letters()

    versions = Version.objects.get_for_object(Letter.objects.get())
    assert versions.count() == 1
    assert versions[0].revision.comment == "chargement du contenu"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("+++\ntitre", "titre"), "doit commencer par une ligne « +++ »"),
        (
            ('verifie_par = "Équipe du portail"\n', 'verifie_par = "Équipe du portail"\nx = 1\n'),
            "clé(s) inconnue(s)",
        ),
        (('titre = "Demander ses quittances"\n', ""), "« titre » est obligatoire"),
        (
            ('destinataire = "bailleur"', 'destinataire = "voisin"'),
            "« destinataire » doit être l'un de",
        ),
        (('sujets = ["quittance"]', 'sujets = ["inconnu"]'), "sujet inconnu(e) : inconnu"),
        (('type = "texte"', 'type = "nombre"'), "« type » doit être l'un de"),
        (('nom = "periode"', 'nom = "la période"'), "doit être un identifiant"),
        (("{{ periode }}.", "{% if periode %}{{ periode }}."), "ne se compile pas"),
        (("verifie_le = 2026-11-24", 'verifie_le = "24/11/2026"'), "doit être une date"),
        (('url = "https://www', 'url = "ftp://www'), "doit commencer par https://"),
        (("verifie_le = 2026-11-24", "verifie_le = 2026-11-24\ntitre = 1"), "TOML valide"),
    ],
)
def test_a_broken_letter_file_is_refused_with_its_name_and_the_problem(content, change, message):
    old, new = change
    assert old in GOOD
    content(GOOD.replace(old, new, 1))

    with pytest.raises(ContentError) as error:
        load_letters()

    assert "lettres/demande-quittances.md" in str(error.value)
    assert message in str(error.value)
    assert not Letter.objects.exists()


def test_a_missing_closing_line_is_reported(content):
    content(GOOD.replace("+++\nMadame", "Madame"))
    with pytest.raises(ContentError, match="la ligne « \\+\\+\\+ » qui ferme l'en-tête manque"):
        load_letters()


def test_the_file_name_is_the_slug_and_must_be_a_plain_one(content):
    content(GOOD, name="Quittances.md")
    with pytest.raises(ContentError, match=r"lettres/Quittances\.md : le nom du fichier"):
        load_letters()


def test_a_missing_folder_is_reported(settings, tmp_path):
    settings.CONTENT_DIR = tmp_path
    with pytest.raises(ContentError, match="Dossier de contenu introuvable"):
        load_letters()


def test_an_admin_edit_with_a_broken_body_is_refused():
    from django.core.exceptions import ValidationError

    from tests.letters.factories import LetterFactory

    letter = LetterFactory(body="{% if %}")
    with pytest.raises(ValidationError) as error:
        letter.full_clean()
    assert "body" in error.value.message_dict
