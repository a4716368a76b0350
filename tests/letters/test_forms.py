import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from portail.letters.forms import LetterForm, format_amount, parse_amount, parse_date
from tests.letters.factories import LetterFactory, valid_values

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: TODAY)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("450", Decimal("450")),
        ("1 200,50", Decimal("1200.50")),
        ("1200.50", Decimal("1200.50")),
        ("1\u202f200,5", Decimal("1200.5")),
        ("1.200,50", Decimal("1200.50")),
        ("1,200.50", Decimal("1200.50")),
        ("450 €", Decimal("450")),
        ("450euros", Decimal("450")),
        ("0", Decimal("0")),
        ("1 000 000", Decimal("1000000")),
    ],
)
def test_amounts_are_read_the_way_people_write_them(typed, amount):
    assert parse_amount(typed) == amount


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-50", "ne peut pas être négatif"),
        ("1 000 000,01", "trop grand"),
        ("99999999", "trop grand"),
        ("quatre cents", "en chiffres"),
        ("12,345", "deux chiffres après la virgule"),
        ("1,2,3", "en chiffres"),
        ("45.", "en chiffres"),
    ],
)
def test_a_wrong_amount_is_explained_in_french(typed, message):
    with pytest.raises(ValidationError, match=message):
        parse_amount(typed)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("1200.5"), "1 200,50 €"),
        (Decimal("450"), "450,00 €"),
        (Decimal("0.5"), "0,50 €"),
        (Decimal("1000000"), "1 000 000,00 €"),
    ],
)
def test_amounts_are_written_back_the_french_way(amount, text):
    assert format_amount(amount) == text


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("15/03/2025", datetime.date(2025, 3, 15)),
        ("5/3/2025", datetime.date(2025, 3, 5)),
        ("15-03-2025", datetime.date(2025, 3, 15)),
        ("15.03.2025", datetime.date(2025, 3, 15)),
        ("15 03 2025", datetime.date(2025, 3, 15)),
        ("15/03/25", datetime.date(2025, 3, 15)),
        ("2025-03-15", datetime.date(2025, 3, 15)),
        ("29/02/2024", datetime.date(2024, 2, 29)),
    ],
)
def test_dates_are_read_day_first(typed, day):
    assert parse_date(typed) == day


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2025", "Cette date n'existe pas"),
        ("29/02/2025", "Cette date n'existe pas"),
        ("12/13/2025", "Cette date n'existe pas"),
        ("hier", "Écrivez la date en chiffres"),
        ("15 mars 2025", "Écrivez la date en chiffres"),
        ("2025/03/15", "Écrivez la date en chiffres"),
    ],
)
def test_a_wrong_date_is_explained_in_french(typed, message):
    with pytest.raises(ValidationError, match=message):
        parse_date(typed)


def form_with(**changes):
    form = LetterForm(LetterFactory(), data=valid_values(**changes))
    form.is_valid()
    return form


def test_the_form_of_a_letter_has_the_standard_fields_and_its_own():
    form = LetterForm(LetterFactory())
    assert list(form.fields) == [
        "nom_expediteur",
        "adresse_expediteur",
        "nom_destinataire",
        "adresse_destinataire",
        "adresse_logement",
        "reference",
        "explication",
        "date_depart",
        "date_limite",
        "montant",
        "etat",
        "photos",
        "ville",
        "date_lettre",
    ]
    assert form["date_lettre"].value() == "24/11/2026"


def test_valid_values_are_cleaned_into_dates_formatted_amounts_and_booleans():
    form = form_with()
    assert form.errors == {}
    assert form.cleaned_data["date_depart"] == datetime.date(2025, 3, 15)
    assert form.cleaned_data["date_lettre"] == TODAY
    assert form.cleaned_data["montant"] == "1 200,50 €"
    assert form.cleaned_data["photos"] is True
    assert form.cleaned_data["date_limite"] is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"date_depart": "31/02/2025"}, "date_depart", "Cette date n'existe pas"),
        ({"date_depart": "25/11/2026"}, "date_depart", "Cette date est dans le futur"),
        ({"date_depart": "01/01/1890"}, "date_depart", "trop ancienne"),
        ({"date_limite": "01/01/2099"}, "date_limite", "trop lointaine"),
        ({"date_lettre": "24/11/2024"}, "date_lettre", "trop ancienne"),
        ({"date_lettre": "24/11/2027"}, "date_lettre", "trop lointaine"),
        ({"montant": "-1"}, "montant", "ne peut pas être négatif"),
        ({"montant": "2 000 000"}, "montant", "trop grand"),
        ({"montant": ""}, "montant", "nécessaire pour écrire la lettre"),
        ({"explication": "  "}, "explication", "nécessaire pour écrire la lettre"),
        ({"nom_expediteur": ""}, "nom_expediteur", "nécessaire pour écrire la lettre"),
        ({"etat": None}, "etat", "Choisissez une réponse"),
        ({"etat": "autre"}, "etat", "Choisissez une des réponses proposées"),
    ],
)
def test_each_mistake_gets_a_french_message_on_its_field(changes, field, message):
    form = form_with(**changes)
    assert list(form.errors) == [field]
    assert message in form.errors[field][0]


def test_a_future_date_is_accepted_where_the_letter_does_not_ask_for_a_past_one():
    assert form_with(date_limite="15/12/2026").errors == {}


def test_an_optional_choice_can_be_left_without_answer():
    letter = LetterFactory(
        fields=[
            {
                "nom": "motif",
                "label": "Motif",
                "type": "choix",
                "choix": [{"valeur": "a", "libelle": "A"}],
            }
        ]
    )
    form = LetterForm(letter, data=valid_values(motif=""))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["motif"] == ""
    assert ("", "Je ne précise pas") in form.fields["motif"].choices


def test_a_required_box_must_be_ticked():
    letter = LetterFactory(
        fields=[{"nom": "accord", "label": "J'accepte", "type": "case", "obligatoire": True}]
    )
    form = LetterForm(letter, data=valid_values())
    assert form.errors == {"accord": ["Cochez cette case pour continuer."]}


def test_typed_values_are_the_strings_people_typed():
    form = form_with(montant="1200.5", photos=None)
    assert form.is_valid()
    values = form.typed_values()
    assert values["montant"] == "1200.5"
    assert values["photos"] == ""
    assert values["adresse_expediteur"] == "12 rue des Lilas\n42000 Saint-Étienne"
    assert LetterForm(form.letter, data=values).is_valid()


def test_the_sections_follow_the_order_a_person_fills_them():
    form = LetterForm(LetterFactory())
    titles = [str(title) for title, _ in form.sections]
    assert titles == ["Vous", "Le destinataire", "Votre situation", "Le lieu et la date"]
    assert sum(len(fields) for _, fields in form.sections) == len(form.fields)
