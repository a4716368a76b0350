import factory

from portail.groups.models import Group, Membership


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"Groupe {n}")
    slug = factory.Sequence(lambda n: f"groupe-{n}")
    presentation = "Un groupe d'habitants qui s'entraident."
    is_public = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    group = factory.SubFactory(GroupFactory)
    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    role = Membership.Role.MEMBER
