import datetime

import factory
from django.utils.text import slugify

from portail.glossary.models import Term


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    term = factory.Sequence(lambda n: f"Mot {n}")
    aliases = factory.LazyFunction(list)
    definition = "Une explication courte et simple."
    example = "Un exemple de la vie de tous les jours."
    verified_on = datetime.date(2026, 11, 24)
    verified_by = "Équipe du portail"

    @factory.lazy_attribute
    def slug(self):
        return slugify(self.term)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def subjects(self, create, extracted, **kwargs):
        if create and extracted:
            self.subjects.set(extracted)

    @factory.post_generation
    def see_also(self, create, extracted, **kwargs):
        if create and extracted:
            self.see_also.set(extracted)
