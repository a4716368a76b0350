import factory

from portail.places.models import Commune, Quartier, Subject, Theme


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Commune {n}")
    slug = factory.Sequence(lambda n: f"commune-{n}")
    postal_code = "42000"


class QuartierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quartier

    commune = factory.SubFactory(CommuneFactory)
    name = factory.Sequence(lambda n: f"Quartier {n}")
    slug = factory.Sequence(lambda n: f"quartier-{n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"Thème {n}")
    pictogram = "maison"
    order = factory.Sequence(int)


class SubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subject

    key = factory.Sequence(lambda n: f"sujet-{n}")
    title = factory.Sequence(lambda n: f"Sujet {n}")
    description = "Un sujet de test."
    theme = factory.SubFactory(ThemeFactory)
