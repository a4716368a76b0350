import datetime

import factory
from django.utils import timezone

from portail.events.models import Event, Registration
from portail.experiences.models import (
    Attestation,
    ExperienceRecord,
    PortfolioSettings,
    RecordSection,
    Skill,
)
from tests.groups.factories import GroupFactory


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"savoir-faire numéro {n}")
    slug = factory.Sequence(lambda n: f"savoir-faire-{n}")


class RecordFactory(factory.django.DjangoModelFactory):
    """A draft; RecordFactory(published=True) for a published one."""

    class Meta:
        model = ExperienceRecord

    class Params:
        published = factory.Trait(
            status=ExperienceRecord.Status.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
        )

    group = factory.SubFactory(GroupFactory)
    title = factory.Sequence(lambda n: f"Notre récit {n}")
    slug = factory.Sequence(lambda n: f"notre-recit-{n}")
    summary = "Ce que le groupe a vécu."


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecordSection
        skip_postgeneration_save = True

    record = factory.SubFactory(RecordFactory)
    position = factory.LazyAttribute(lambda section: section.record.sections.count() + 1)
    kind = RecordSection.Kind.BIRTH
    text = "Des habitants ont posé leurs questions."
    animation = "Raconté à deux voix."

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set(extracted)

    @factory.post_generation
    def presenters(self, create, extracted, **kwargs):
        if create and extracted:
            self.presenters.set(extracted)


class PortfolioSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PortfolioSettings

    user = factory.SubFactory("tests.accounts.factories.UserFactory")


class AttestationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attestation

    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    group = factory.SubFactory(GroupFactory)
    holder_name = "Fatou Exemple"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    kind = Event.Kind.RESTITUTION
    title = factory.Sequence(lambda n: f"Restitution {n}")
    slug = factory.Sequence(lambda n: f"restitution-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    place = "Centre social"
    description = "Une restitution publique."

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(extracted)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set(extracted)


def attend(event, user, attended=True):
    return Registration.objects.create(
        event=event,
        name=user.display_name,
        user=user,
        status=Registration.Status.CONFIRMED,
        attended=attended,
    )
