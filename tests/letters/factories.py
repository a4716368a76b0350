"""Factories of the model letters.

`LetterFactory()` is a small letter to a landlord with one field of each type (texte,
texte_long, date in the past, montant, choix, case); `VALID_VALUES` fills its form correctly.
`SavedLetterFactory(user=…)` is a letter kept in a person's space."""

import datetime

import factory

from portail.letters.models import Letter, SavedLetter
from tests.accounts.factories import UserFactory

FIELDS = [
    {"nom": "reference", "label": "Votre numéro de locataire", "type": "texte"},
    {
        "nom": "explication",
        "label": "Ce qui s'est passé",
        "type": "texte_long",
        "obligatoire": True,
        "aide": "Les faits, simplement.",
    },
    {
        "nom": "date_depart",
        "label": "Date où vous avez rendu les clés",
        "type": "date",
        "obligatoire": True,
        "passe": True,
    },
    {"nom": "date_limite", "label": "Date limite de réponse", "type": "date"},
    {
        "nom": "montant",
        "label": "Montant du dépôt (en euros)",
        "type": "montant",
        "obligatoire": True,
    },
    {
        "nom": "etat",
        "label": "L'état des lieux de sortie",
        "type": "choix",
        "obligatoire": True,
        "choix": [
            {"valeur": "conforme", "libelle": "Pareil qu'à l'entrée"},
            {"valeur": "differences", "libelle": "Avec des différences"},
        ],
    },
    {"nom": "photos", "label": "Je joins des photos", "type": "case"},
]

BODY = """Madame, Monsieur,

Je loue le logement situé {{ adresse_logement }}.

J'ai rendu les clés le {{ date_depart|date:"j F Y" }}.

Mon dépôt de garantie était de {{ montant }}.

{% if reference %}Mon numéro de locataire : {{ reference }}.{% endif %}

{% if etat == "conforme" %}État des lieux conforme.{% else %}Des différences.{% endif %}

{{ explication }}

{% if photos %}Je joins des photos.{% endif %}

{% if date_limite %}Merci de me répondre avant le {{ date_limite|date:"j F Y" }}.{% endif %}

Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."""

VALID_VALUES = {
    "nom_expediteur": "Nadia Benali",
    "adresse_expediteur": "12 rue des Lilas\n42000 Saint-Étienne",
    "nom_destinataire": "Agence Durand",
    "adresse_destinataire": "3 place du Peuple\n42000 Saint-Étienne",
    "adresse_logement": "12 rue des Lilas, 42000 Saint-Étienne",
    "ville": "Saint-Étienne",
    "date_lettre": "",  # today, set by valid_values()
    "reference": "A-1234",
    "explication": "Je n'ai rien reçu depuis mon départ.",
    "date_depart": "15/03/2025",
    "date_limite": "",
    "montant": "1 200,50",
    "etat": "conforme",
    "photos": "on",
}


def valid_values(**changes):
    from django.utils import timezone

    values = {**VALID_VALUES, "date_lettre": timezone.localdate().strftime("%d/%m/%Y")}
    values.update(changes)
    return {name: value for name, value in values.items() if value is not None}


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"lettre-{n}")
    title = factory.Sequence(lambda n: f"Demander son dépôt de garantie {n}")
    summary = "Pour réclamer l'argent versé à l'entrée."
    subject_line = "Demande de restitution du dépôt de garantie"
    sending = "Lettre recommandée avec accusé de réception"
    recipient_kind = Letter.RecipientKind.LANDLORD
    fields = factory.LazyFunction(lambda: [dict(field) for field in FIELDS])
    body = BODY
    sources = factory.LazyFunction(
        lambda: [{"texte": "Loi n° 89-462 du 6 juillet 1989, article 22", "url": ""}]
    )
    verified_on = datetime.date(2026, 11, 24)
    verified_by = "Équipe du portail"

    @factory.post_generation
    def subjects(self, create, extracted, **kwargs):
        if create and extracted:
            self.subjects.set(extracted)


class SavedLetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedLetter

    user = factory.SubFactory(UserFactory)
    letter = factory.SubFactory(LetterFactory)
    values = factory.LazyFunction(valid_values)
