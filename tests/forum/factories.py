"""Factories of the forum.

`PublicThreadFactory()` is a public thread waiting for moderation, with its opening message;
`PublicThreadFactory(published=True)` is already published. `PrivateThreadFactory(group=…)` is a
thread of a groupe de parole (published at once, as in real life). `ReplyFactory(thread=…)` is a
public reply awaiting moderation (`published=True` for a published one).

Originals carry invented personal data (ORIGINAL_MARKER, PHONE_MARKER) that the published text
does not, so a test can prove the original never reaches a page.
"""

import factory
from django.utils import timezone

from portail.forum.models import (
    CHARTER_VERSION,
    CharterAcceptance,
    ForumPost,
    ForumReport,
    ForumThread,
    Status,
)
from tests.accounts.factories import UserFactory
from tests.groups.factories import GroupFactory
from tests.places.factories import ThemeFactory

ORIGINAL_MARKER = "Samia Benali"
PHONE_MARKER = "06 12 34 56 78"


def _spans(original):
    spans = []
    for marker, kind in ((ORIGINAL_MARKER, "nom"), (PHONE_MARKER, "telephone")):
        start = original.find(marker)
        if start >= 0:
            spans.append({"start": start, "end": start + len(marker), "kind": kind})
    return spans


def original_text(n):
    return (
        f"Je suis {ORIGINAL_MARKER}, mon plafond fuit depuis {n} mois. Appelez le {PHONE_MARKER}."
    )


def masked_text(n):
    return f"Je suis [nom masqué], mon plafond fuit depuis {n} mois. Appelez le [téléphone masqué]."


class PublicThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumThread
        skip_postgeneration_save = True

    theme = factory.SubFactory(ThemeFactory)
    title = factory.Sequence(lambda n: f"Un plafond qui fuit, épisode {n}")
    original_title = factory.SelfAttribute("title")
    author = factory.SubFactory(UserFactory)
    status = Status.PENDING

    class Params:
        published = factory.Trait(status=Status.PUBLISHED)

    @factory.post_generation
    def opening(self, create, extracted, **kwargs):
        if not create:
            return
        n = self.pk
        ForumPost.objects.create(
            thread=self,
            author=self.author,
            is_opening=True,
            original_text=original_text(n),
            text=masked_text(n),
            detected_spans=_spans(original_text(n)),
            status=self.status,
            published_at=timezone.now() if self.status == Status.PUBLISHED else None,
        )


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumPost

    thread = factory.SubFactory(PublicThreadFactory, published=True)
    author = factory.SubFactory(UserFactory)
    original_text = factory.Sequence(original_text)
    text = factory.Sequence(masked_text)
    detected_spans = factory.LazyAttribute(lambda o: _spans(o.original_text))
    status = Status.PENDING

    class Params:
        published = factory.Trait(
            status=Status.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )


class PrivateThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumThread
        skip_postgeneration_save = True

    group = factory.SubFactory(GroupFactory)
    theme = None
    title = factory.Sequence(lambda n: f"Entre nous, sujet {n}")
    author = factory.SubFactory(UserFactory)
    status = Status.PUBLISHED

    @factory.post_generation
    def opening(self, create, extracted, **kwargs):
        if not create:
            return
        ForumPost.objects.create(
            thread=self,
            author=self.author,
            is_opening=True,
            text=extracted or f"Ce qui se dit dans le groupe {self.pk} reste dans le groupe.",
            status=Status.PUBLISHED,
            published_at=timezone.now(),
        )


class PrivateReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumPost

    thread = factory.SubFactory(PrivateThreadFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Une réponse privée numéro {n}.")
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class ForumReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumReport

    post = factory.SubFactory(ReplyFactory, published=True)
    reason = ForumReport.Reason.PERSONAL_DATA


class CharterAcceptanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CharterAcceptance

    user = factory.SubFactory(UserFactory)
    group = factory.SubFactory(GroupFactory)
    version = CHARTER_VERSION
