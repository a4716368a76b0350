"""Factories of the questions room.

`QuestionFactory()` is a question just received (awaiting moderation). Traits give the other
states: `published`, `private`, `answered` (with one piste), `resolved`, `rejected`, `duplicate`.
Every question knows its follow-up token in `question.token` (only its hash is stored), and
`make_question(**kw)` returns `(question, token)`.

`original_text` carries invented personal data that `text` (the masked version) does not, so a
test can prove the original never reaches a page: look for ORIGINAL_MARKER / EMAIL_MARKER.
"""

import factory
from django.utils import timezone

from portail.questions.models import (
    Piste,
    PisteLink,
    Question,
    Reaction,
    Report,
    hash_token,
    new_token,
)
from tests.accounts.factories import UserFactory

ORIGINAL_MARKER = "Samia Benali"
PHONE_MARKER = "06 12 34 56 78"
EMAIL_MARKER = "samia.benali@exemple.org"


def _spans_of(original_text):
    """Where the invented name and phone number sit in the original, as the masking would say."""
    spans = []
    for marker, kind in ((ORIGINAL_MARKER, "nom"), (PHONE_MARKER, "telephone")):
        start = original_text.find(marker)
        if start >= 0:
            spans.append({"start": start, "end": start + len(marker), "kind": kind})
    return spans


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    original_text = factory.Sequence(
        lambda n: (
            f"Bonjour, je suis {ORIGINAL_MARKER}, mon propriétaire garde ma caution depuis {n} "
            f"mois. Appelez-moi au {PHONE_MARKER}."
        )
    )
    text = factory.Sequence(
        lambda n: (
            f"Bonjour, je suis [nom masqué], mon propriétaire garde ma caution depuis {n} mois. "
            "Appelez-moi au [téléphone masqué]."
        )
    )
    detected_spans = factory.LazyAttribute(lambda o: _spans_of(o.original_text))
    kind = Question.Kind.QUESTION
    status = Question.Status.RECEIVED
    consent_publication = True
    is_public = False
    token = factory.LazyFunction(new_token)

    class Params:
        published = factory.Trait(
            status=Question.Status.PUBLISHED,
            is_public=True,
            consent_publication=True,
            published_at=factory.LazyFunction(timezone.now),
        )
        private = factory.Trait(
            status=Question.Status.PUBLISHED,
            is_public=False,
            consent_publication=False,
            published_at=factory.LazyFunction(timezone.now),
        )
        answered = factory.Trait(
            status=Question.Status.ANSWERED,
            is_public=True,
            consent_publication=True,
            published_at=factory.LazyFunction(timezone.now),
            answered_at=factory.LazyFunction(timezone.now),
            piste=factory.RelatedFactory(
                "tests.questions.factories.PisteFactory", factory_related_name="question"
            ),
        )
        resolved = factory.Trait(
            status=Question.Status.RESOLVED,
            is_public=True,
            consent_publication=True,
            published_at=factory.LazyFunction(timezone.now),
            answered_at=factory.LazyFunction(timezone.now),
            closed_at=factory.LazyFunction(timezone.now),
        )
        rejected = factory.Trait(
            status=Question.Status.REJECTED,
            is_public=False,
            rejection_reason="Ce message ne pose pas de question sur vos droits.",
            closed_at=factory.LazyFunction(timezone.now),
        )
        duplicate = factory.Trait(
            status=Question.Status.DUPLICATE,
            is_public=False,
            duplicate_of=factory.SubFactory(
                "tests.questions.factories.QuestionFactory", published=True
            ),
            closed_at=factory.LazyFunction(timezone.now),
        )

    @classmethod
    def _build(cls, model_class, *args, token, **kwargs):
        question = super()._build(model_class, *args, follow_token_hash=hash_token(token), **kwargs)
        question.token = token
        return question

    @classmethod
    def _create(cls, model_class, *args, token, **kwargs):
        question = super()._create(
            model_class, *args, follow_token_hash=hash_token(token), **kwargs
        )
        question.token = token
        return question


def make_question(**kwargs):
    """(question, token): the token is what the asker's follow-up link carries."""
    question = QuestionFactory(**kwargs)
    return question, question.token


class PisteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Piste

    question = factory.SubFactory(QuestionFactory, published=True)
    author = factory.SubFactory(UserFactory)
    intro = "Votre propriétaire doit vous rendre la caution dans un délai précis."
    steps = factory.LazyFunction(
        lambda: [
            "Relisez l'état des lieux de sortie.",
            "Envoyez une lettre recommandée pour demander la caution.",
            "Sans réponse, allez voir une permanence logement.",
        ]
    )
    contact = "La permanence logement du centre social, le mardi matin."


class PisteLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PisteLink

    piste = factory.SubFactory(PisteFactory)
    kind = "organisation"
    target = "association-exemple"
    order = factory.Sequence(int)


class ReactionFactory(factory.django.DjangoModelFactory):
    """A reaction row only; counters on the question are not touched (use Reaction.react for
    that)."""

    class Meta:
        model = Reaction

    question = factory.SubFactory(QuestionFactory, published=True)
    kind = Reaction.Kind.ME_TOO
    family = factory.LazyAttribute(lambda o: Reaction.FAMILY[Reaction.Kind(o.kind)])
    browser_hash = factory.Sequence(lambda n: hash_token(f"navigateur-{n}"))


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    question = factory.SubFactory(QuestionFactory, published=True)
    reason = Report.Reason.PERSONAL_DATA
    comment = "Il reste un prénom dans la question."
    browser_hash = factory.Sequence(lambda n: hash_token(f"signalement-{n}"))


# --- Roles --------------------------------------------------------------------------------------

ROLES = ("anonyme", "habitant", "membre", "moderateur", "equipe")


def user_for(role):
    """A user of the role, or None for an anonymous visitor."""
    return {
        "anonyme": lambda: None,
        "habitant": UserFactory,
        "membre": lambda: UserFactory(member=True),
        "moderateur": lambda: UserFactory(moderator=True),
        "equipe": lambda: UserFactory(staff=True),
    }[role]()


def sign_in(client, role):
    user = user_for(role)
    if user is not None:
        client.force_login(user)
    return user
