import datetime

import pytest

from portail.letters.definitions import (
    body_error,
    compose,
    field_definition_errors,
    french_date,
    render_body,
)
from tests.letters.factories import FIELDS, LetterFactory


def test_the_field_definitions_of_the_factory_are_valid():
    assert field_definition_errors(FIELDS) == []


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        ({"nom": "Date-Départ", "label": "x", "type": "texte"}, "doit être un identifiant"),
        ({"nom": "class", "label": "x", "type": "texte"}, "doit être un identifiant"),
        ({"nom": "ville", "label": "x", "type": "texte"}, "ajouté automatiquement"),
        ({"nom": "a", "type": "texte"}, "« label » est obligatoire"),
        ({"nom": "a", "label": "x", "type": "nombre"}, "« type » doit être l'un de"),
        ({"nom": "a", "label": "x", "type": "choix"}, "liste « choix » non vide"),
        (
            {"nom": "a", "label": "x", "type": "choix", "choix": [{"valeur": "v"}]},
            "« valeur » et « libelle »",
        ),
        (
            {
                "nom": "a",
                "label": "x",
                "type": "choix",
                "choix": [{"valeur": "v", "libelle": "V"}, {"valeur": "v", "libelle": "W"}],
            },
            "en double",
        ),
        ({"nom": "a", "label": "x", "type": "texte", "obligatoire": "oui"}, "true ou false"),
        (
            {"nom": "a", "label": "x", "type": "montant", "passe": True},
            "qu'aux champs de type date",
        ),
        (
            {"nom": "a", "label": "x", "type": "texte", "choix": [{"valeur": "v", "libelle": "V"}]},
            "qu'aux champs de type choix",
        ),
        ({"nom": "a", "label": "x", "type": "texte", "obligatiore": True}, "clé(s) inconnue(s)"),
    ],
)
def test_a_wrong_field_definition_is_explained_in_french(definition, message):
    errors = field_definition_errors([definition])
    assert any(message in error for error in errors), errors


def test_two_fields_cannot_have_the_same_name():
    field = {"nom": "a", "label": "x", "type": "texte"}
    assert any("déjà utilisé" in error for error in field_definition_errors([field, field]))


def test_the_fields_must_be_a_list():
    assert field_definition_errors({"nom": "a"}) == [
        "les champs doivent être une liste ([[champs]])."
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "vide"),
        ("{% if a %}sans fin", "ne se compile pas"),
        ("{% load i18n %}{% translate 'x' %}", "ne se compile pas"),
        ("{% if a %}{% include 'base.html' %}{% endif %}", "{% include %}"),
        ("{% extends 'base.html' %}", "{% extends %}"),
        ("{% debug %}", "{% debug %}"),
        ("{% url 'core:home' %}", "{% url %}"),
    ],
)
def test_a_body_must_compile_with_the_builtin_tags_only(body, message):
    assert message in body_error(body)


def test_the_body_escapes_what_people_typed_in_html_and_not_in_plain_text():
    body = "Bonjour,\n\n{{ explication }}\n\nMerci."
    values = {"explication": "<script>alert(1)</script> & co"}

    html = render_body(body, values, autoescape=True)
    text = render_body(body, values, autoescape=False)

    assert html == ["Bonjour,", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", "Merci."]
    assert text == ["Bonjour,", "<script>alert(1)</script> & co", "Merci."]


def test_empty_paragraphs_of_conditions_not_met_disappear():
    body = "Un.\n\n{% if non %}Deux.{% endif %}\n\n  \n\nTrois."
    assert render_body(body, {"non": False}) == ["Un.", "Trois."]


def test_the_first_day_of_a_month_is_written_1er():
    body = 'Le {{ jour|date:"j F Y" }}, le {{ autre|date:"j F Y" }}.'
    values = {"jour": datetime.date(2025, 9, 1), "autre": datetime.date(2025, 9, 11)}
    assert render_body(body, values) == ["Le 1er septembre 2025, le 11 septembre 2025."]
    assert french_date(datetime.date(2026, 3, 1)) == "1er mars 2026"
    assert french_date(datetime.date(2026, 11, 24)) == "24 novembre 2026"


@pytest.mark.django_db
def test_a_composed_letter_has_every_part_in_order_as_plain_text():
    letter = LetterFactory(body="Madame, Monsieur,\n\nJ'ai rendu les clés.\n\nSalutations.")
    values = {
        "nom_expediteur": "Nadia Benali",
        "adresse_expediteur": "12 rue des Lilas\n42000 Saint-Étienne",
        "nom_destinataire": "Agence Durand",
        "adresse_destinataire": "3 place du Peuple",
        "adresse_logement": "12 rue des Lilas",
        "ville": "Saint-Étienne",
        "date_lettre": datetime.date(2026, 11, 24),
    }

    text = compose(letter, values).as_text()

    assert text == (
        "Nadia Benali\n12 rue des Lilas\n42000 Saint-Étienne\n\n"
        "Agence Durand\n3 place du Peuple\n\n"
        "À Saint-Étienne, le 24 novembre 2026\n\n"
        "Lettre recommandée avec accusé de réception\n\n"
        "Objet : Demande de restitution du dépôt de garantie\n\n"
        "Madame, Monsieur,\n\nJ'ai rendu les clés.\n\nSalutations.\n\n"
        "Nadia Benali\n"
    )


@pytest.mark.django_db
def test_line_breaks_typed_in_a_long_text_are_kept_in_the_html_letter():
    letter = LetterFactory(body="Les problèmes :\n{{ explication }}")
    values = {
        "nom_expediteur": "A",
        "adresse_expediteur": "B",
        "nom_destinataire": "C",
        "adresse_destinataire": "D",
        "adresse_logement": "E",
        "ville": "F",
        "date_lettre": datetime.date(2026, 11, 24),
        "explication": "fuite <cuisine>\nmoisissures",
    }
    assert compose(letter, values).html_paragraphs == [
        "Les problèmes :<br>fuite &lt;cuisine&gt;<br>moisissures"
    ]
