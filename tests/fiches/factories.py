"""`FicheFactory()` is a complete fiche of a new subject: « en bref », the three sections (the
steps numbered), one source, a verification date."""

import datetime

import factory

from portail.fiches.models import Fiche
from tests.places.factories import SubjectFactory


class FicheFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fiche
        skip_postgeneration_save = True

    subject = factory.SubFactory(SubjectFactory)
    slug = factory.LazyAttribute(lambda fiche: fiche.subject.key)
    title = factory.Sequence(lambda n: f"Récupérer son argent {n}")
    summary_falc = factory.LazyFunction(
        lambda: ["Le propriétaire doit rendre l'argent.", "Il a un ou deux mois."]
    )
    rights_md = "Le dépôt est rendu **en un mois** (loi n° 89-462 du 6 juillet 1989, article 22)."
    steps_md = "1. Écrivez au propriétaire.\n2. Saisissez la commission."
    contacts_md = "- **ADIL** : conseil gratuit."
    sources = factory.LazyFunction(
        lambda: [
            {
                "texte": "Loi n° 89-462 du 6 juillet 1989, article 22",
                "url": "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000509310",
            },
            {"texte": "Décret n° 87-713 du 26 août 1987", "url": ""},
        ]
    )
    verified_on = datetime.date(2026, 11, 24)
    verified_by = "Équipe du portail"

    @factory.post_generation
    def terms(self, create, extracted, **kwargs):
        if create and extracted:
            self.terms.set(extracted)

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisations.set(extracted)
