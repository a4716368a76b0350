"""Demo questions and testimonies with the Groupe Logement's pistes (content/demo/questions.toml),
so that the public list, the état des lieux and the game's « Que conseilleriez-vous ? » cards
have something to show after `make run`. Written by us; they go through the same steps as a real
question: masked on submission, approved by the demo moderator, answered by the demo facilitator.
"""

from django.db import transaction

from portail.accounts.roles import Role
from portail.core.content import ContentError, Tally, field, read_toml
from portail.places.models import Quartier, Subject, Theme
from portail.questions.models import Question

SOURCE = "demo/questions.toml"
KEY_PREFIX = "demo:"
STATUSES = {"publiee", "piste", "resolue"}


def _lookup(model, slug, entry_key, what):
    if not slug:
        return None
    found = model.objects.filter(slug=slug).first()
    if found is None:
        raise ContentError(f"{SOURCE} : {entry_key} — {what} « {slug} » inconnu.")
    return found


def _subject(slug, entry_key):
    if not slug:
        return None
    found = Subject.objects.filter(key=slug).first()
    if found is None:
        raise ContentError(f"{SOURCE} : {entry_key} — sujet « {slug} » inconnu.")
    return found


@transaction.atomic
def load_demo():
    # Imported here: the demo command imports this module.
    from portail.core.management.commands.demo import demo_account

    tally = Tally("Questions de démonstration")
    moderator = demo_account(Role.MODERATOR)
    facilitator = demo_account(Role.FACILITATOR)
    for entry in read_toml(SOURCE, "question"):
        key = field(entry, "key", SOURCE, required=True)
        status = field(entry, "status", SOURCE, default="publiee")
        if status not in STATUSES:
            raise ContentError(f"{SOURCE} : {key} — état « {status} » inconnu.")
        submission_key = KEY_PREFIX + key
        if Question.objects.filter(submission_key=submission_key).exists():
            tally.add("unchanged")
            continue
        question, _token = Question.submit(
            text=field(entry, "text", SOURCE, required=True),
            submission_key=submission_key,
            kind=field(entry, "kind", SOURCE, default=Question.Kind.QUESTION),
            theme=_lookup(Theme, entry.get("theme"), key, "thème"),
            subject=_subject(entry.get("subject"), key),
            quartier=_lookup(Quartier, entry.get("quartier"), key, "quartier"),
            consent_publication=True,
        )
        question.approve(by=moderator)
        for piste in entry.get("piste", []):
            question.add_piste(
                by=facilitator,
                steps=piste.get("steps", []),
                intro=piste.get("intro", ""),
                contact=piste.get("contact", ""),
                links=piste.get("links", {}),
            )
        if status == "resolue":
            question.resolve(by=facilitator)
        me_too = entry.get("me_too", 0)
        if me_too:
            Question.objects.filter(pk=question.pk).update(me_too_count=me_too)
        tally.add("created")
    return tally
