import factory

from portail.directory.models import Organisation, OrganisationMember


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Association {n}")
    slug = factory.Sequence(lambda n: f"association-{n}")
    kind = Organisation.Kind.ASSOCIATION
    summary = "Accueille et conseille les habitants."

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def subjects(self, create, extracted, **kwargs):
        if create and extracted:
            self.subjects.set(extracted)

    @factory.post_generation
    def quartiers(self, create, extracted, **kwargs):
        if create and extracted:
            self.quartiers.set(extracted)


class OrganisationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMember

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory("tests.accounts.factories.UserFactory")
