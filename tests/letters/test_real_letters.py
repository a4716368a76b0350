"""The model letters of content/lettres/ as residents will use them."""

import datetime
import re

import pytest

from portail.letters.definitions import STANDARD_FIELDS
from portail.letters.forms import LetterForm
from portail.letters.models import Letter
from tests.fiches.knowledge import knowledge_base  # noqa: F401 — the fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("knowledge_base")]

REQUIRED_LETTERS = [
    "restitution-depot-de-garantie",
    "demande-reparations",
    "mise-en-demeure-travaux",
    "demande-justificatifs-charges",
    "contestation-regularisation-charges",
    "conge-locataire",
    "demande-quittances",
    "saisine-commission-conciliation",
    "signalement-logement-indecent",
    "demande-aide-fsl",
]
SLUGS = sorted(path.stem for path in __import__("pathlib").Path("content/lettres").glob("*.md"))
TYPED = "Texte <b>tapé</b> & co"


def test_there_are_at_least_ten_letters_including_the_required_kinds():
    slugs = set(Letter.objects.values_list("slug", flat=True))
    assert len(slugs) >= 10
    assert set(REQUIRED_LETTERS) <= slugs


def sample(definition, today):
    kind = definition["type"]
    if kind == "texte":
        return TYPED
    if kind == "texte_long":
        return f"{TYPED}\nDeuxième ligne"
    if kind == "date":
        day = today - datetime.timedelta(days=40) if definition.get("passe") else today
        return day.strftime("%d/%m/%Y")
    if kind == "montant":
        return "1 200,50"
    if kind == "choix":
        return definition["choix"][0]["valeur"]
    return "on"


def variants(letter, today):
    """Every field filled once, then each choice value and each unticked box in turn."""
    base = {
        "nom_expediteur": "Nadia Benali",
        "adresse_expediteur": "12 rue des Lilas\n42000 Saint-Étienne",
        "nom_destinataire": "Agence Durand",
        "adresse_destinataire": "3 place du Peuple\n42000 Saint-Étienne",
        "adresse_logement": "12 rue des Lilas, 42000 Saint-Étienne",
        "ville": "Saint-Étienne",
        "date_lettre": today.strftime("%d/%m/%Y"),
    }
    base.update({d["nom"]: sample(d, today) for d in letter.fields})
    yield "tout rempli", base
    for definition in letter.fields:
        if definition["type"] == "choix":
            for option in definition["choix"]:
                yield (
                    f"{definition['nom']}={option['valeur']}",
                    {
                        **base,
                        definition["nom"]: option["valeur"],
                    },
                )
        elif definition["type"] == "case":
            yield f"{definition['nom']} non cochée", {**base, definition["nom"]: ""}
    required = {d["nom"] for d in letter.fields if d.get("obligatoire")}
    yield (
        "seulement l'obligatoire",
        {
            name: value
            for name, value in base.items()
            if name in STANDARD_FIELDS or name in required
        },
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_each_letter_renders_for_every_kind_of_answer(slug):
    letter = Letter.objects.get(slug=slug)
    today = datetime.date.today()
    for label, values in variants(letter, today):
        form = LetterForm(letter, data=values)
        assert form.is_valid(), (label, form.errors)
        composed = letter.compose(form.cleaned_data)
        text = composed.as_text()
        assert "{{" not in text and "{%" not in text and "None" not in text, label
        assert composed.text_paragraphs[0] == "Madame, Monsieur,", label
        assert "salutations" in composed.text_paragraphs[-1], label
        html = " ".join(composed.html_paragraphs)
        assert "<b>" not in html, label
        if TYPED in text:
            assert "Texte &lt;b&gt;tapé&lt;/b&gt; &amp; co" in html, label


def names_used_in(body):
    body = re.sub(r"\"[^\"]*\"|'[^']*'", " ", body)
    names = set(re.findall(r"\{\{\s*([a-z_][a-z0-9_]*)", body))
    for condition in re.findall(r"\{%\s*(?:el)?if\s+(.*?)%\}", body):
        names |= set(re.findall(r"\b([a-z_][a-z0-9_]*)\b", condition))
    return names - {"and", "or", "not", "in", "is"}


@pytest.mark.parametrize("slug", SLUGS)
def test_each_letter_uses_only_its_own_fields_and_the_standard_ones(slug):
    letter = Letter.objects.get(slug=slug)
    known = set(STANDARD_FIELDS) | {d["nom"] for d in letter.fields}
    assert names_used_in(letter.body) <= known


@pytest.mark.parametrize("slug", SLUGS)
def test_each_letter_is_sourced_verified_and_for_at_least_one_subject(slug):
    letter = Letter.objects.get(slug=slug)
    assert letter.sources
    assert letter.verified_on and letter.verified_by
    assert letter.subjects.exists()
