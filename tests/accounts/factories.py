import factory
from django.utils import timezone

from portail.accounts.models import User

PASSWORD = "un-mot-de-passe-solide-42"


class UserFactory(factory.django.DjangoModelFactory):
    """A confirmed resident. Traits give every other role:
    UserFactory(moderator=True), (staff=True), (member=True), (facilitator=True), (partner=True),
    (unconfirmed=True)."""

    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.org")
    display_name = factory.Sequence(lambda n: f"Personne {n}")
    email_confirmed_at = factory.LazyFunction(timezone.now)
    is_active = True
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Params:
        moderator = factory.Trait(is_moderator=True)
        staff = factory.Trait(is_staff=True)
        unconfirmed = factory.Trait(is_active=False, email_confirmed_at=None)
        member = factory.Trait(
            membership=factory.RelatedFactory(
                "tests.groups.factories.MembershipFactory", factory_related_name="user"
            )
        )
        facilitator = factory.Trait(
            membership=factory.RelatedFactory(
                "tests.groups.factories.MembershipFactory",
                factory_related_name="user",
                role="animateur",
            )
        )
        partner = factory.Trait(
            organisation_membership=factory.RelatedFactory(
                "tests.directory.factories.OrganisationMemberFactory",
                factory_related_name="user",
            )
        )

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()
