"""A small knowledge base made of real subjects (the 48 of subjects.json) with a few glossary
words, fiches and a letter written here, enough to check the search on both databases."""

import pytest
from django.db import transaction

from portail.core.content import load_content
from portail.places.content import load_subjects, load_themes
from portail.places.models import Subject
from tests.fiches.factories import FicheFactory
from tests.glossary.factories import TermFactory
from tests.letters.factories import LetterFactory


@pytest.fixture
def subjects(db):
    load_themes()
    load_subjects()
    return {subject.key: subject for subject in Subject.objects.all()}


@pytest.fixture
def small_kb(subjects):
    deposit = TermFactory(
        term="Dépôt de garantie",
        slug="depot-de-garantie",
        aliases=["caution", "dépôt"],
        definition="Somme versée au propriétaire à l'entrée, rendue après le départ.",
        subjects=[subjects["depot-de-garantie"]],
    )
    humidity = TermFactory(
        term="Humidité",
        slug="humidite",
        aliases=["murs humides", "condensation"],
        definition="Trop d'eau dans l'air ou dans les murs d'un logement.",
        subjects=[subjects["humidite-moisissures"]],
    )
    landlord = TermFactory(
        term="Bailleur",
        slug="bailleur",
        aliases=["propriétaire", "proprio"],
        definition="La personne ou l'organisme qui vous loue le logement.",
    )
    water = TermFactory(
        term="Dégât des eaux",
        slug="degat-des-eaux",
        aliases=["dégâts des eaux", "inondation"],
        definition="De l'eau qui abîme le logement : fuite, infiltration, débordement.",
        subjects=[subjects["degat-des-eaux"]],
    )
    apl = TermFactory(
        term="APL",
        slug="apl",
        aliases=["aide personnalisée au logement", "l'APL", "aide au logement"],
        definition="Aide de la CAF pour payer une partie du loyer.",
        subjects=[subjects["apl-aide-logement"]],
    )
    fiches = {
        "depot-de-garantie": FicheFactory(
            subject=subjects["depot-de-garantie"],
            title="Récupérer son dépôt de garantie",
            summary_falc=["Le propriétaire doit rendre le dépôt de garantie après votre départ."],
            rights_md="Le dépôt est rendu en un mois si l'état des lieux de sortie est conforme.",
            terms=[deposit, landlord],
        ),
        "humidite-moisissures": FicheFactory(
            subject=subjects["humidite-moisissures"],
            title="Humidité et moisissures : qui doit agir ?",
            summary_falc=["Des moisissures sur les murs : le bailleur doit trouver la cause."],
            rights_md="Un logement humide peut être indécent. La ventilation doit marcher.",
            terms=[humidity, landlord],
        ),
        "degat-des-eaux": FicheFactory(
            subject=subjects["degat-des-eaux"],
            title="Dégât des eaux : les bons réflexes",
            summary_falc=["Prévenez votre assurance dans les cinq jours ouvrés."],
            rights_md="Remplissez un constat amiable avec le voisin du dessus.",
            terms=[water],
        ),
        "apl-aide-logement": FicheFactory(
            subject=subjects["apl-aide-logement"],
            title="Les aides au logement de la CAF",
            summary_falc=["La CAF peut vous aider à payer le loyer."],
            rights_md="L'aide est versée chaque mois, souvent au bailleur.",
            terms=[apl],
        ),
    }
    letter = LetterFactory(
        slug="restitution-depot-de-garantie",
        title="Demander la restitution du dépôt de garantie",
        summary="Pour réclamer l'argent versé à l'entrée quand il n'a pas été rendu.",
    )
    letter.subjects.set([subjects["depot-de-garantie"]])
    return {
        "terms": {t.slug: t for t in (deposit, humidity, landlord, water, apl)},
        "fiches": fiches,
        "letter": letter,
    }


@pytest.fixture(scope="module")
def real_content(django_db_setup, django_db_blocker):
    """The whole knowledge base of content/, loaded once for a module, rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_content()
        yield
        transaction.set_rollback(True)
