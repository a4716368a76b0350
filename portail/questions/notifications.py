"""The e-mails that tell an asker what became of their question: a piste was given, the
question was not published (and why), or it was merged with a question already asked.

Only people who left an e-mail are written to. Those people already received their private
follow-up link by e-mail when they asked, so these messages do not carry a new link: the token
is stored hashed and cannot be rebuilt, and issuing a fresh one would silently break the link
they kept, and the printed receipt of a question collected on paper. Instead the e-mail says
everything that matters (the piste itself, the reason of a refusal) and points to the link they
already have, to « Mes questions » for an account, and to the public page when there is one.

The links are built from SITE_URL: the e-mail is written for the background worker, which has
no request to read a host from.
"""

from django.conf import settings
from django.urls import reverse

from portail.core.tasks import send_templated_email
from portail.questions import links
from portail.questions.models import Question


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


def _context(question, **extra):
    followed = question.followed_question or question
    return {
        "question": question,
        "followed": followed,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "contact_email": settings.CONTACT_EMAIL,
        "public_url": _absolute(followed.get_absolute_url()) if followed.is_public else "",
        "mine_url": _absolute(reverse("questions:mine")) if question.author_id else "",
        **extra,
    }


def notify_answered(question, piste):
    """Tell the asker, and the askers of the questions merged into this one, that the group
    gave a piste. One e-mail per person: nobody sees another's address. Returns how many
    e-mails were queued."""
    askers = [question] if question.email else []
    askers += list(
        Question.objects.filter(duplicate_of=question, status=Question.Status.DUPLICATE).exclude(
            email=""
        )
    )
    piste_links = [
        (title, _absolute(url)) for _, title, url in links.resolve_links(list(piste.links.all()))
    ]
    for asker in askers:
        send_templated_email(
            "questions/email/piste",
            _context(
                asker, piste=piste, piste_links=piste_links, is_merged=asker.pk != question.pk
            ),
            asker.email,
        )
    return len(askers)


def notify_rejected(question):
    """The reason of the refusal, written by the moderator for the asker."""
    if not question.email:
        return 0
    send_templated_email(
        "questions/email/refus",
        _context(question, ask_url=_absolute(reverse("questions:ask"))),
        question.email,
    )
    return 1


def notify_duplicate(question):
    """The question joins one already asked: the asker follows that one from now on."""
    if not question.email or question.duplicate_of_id is None:
        return 0
    original = question.followed_question
    has_piste = original.status in (Question.Status.ANSWERED, Question.Status.RESOLVED)
    send_templated_email(
        "questions/email/doublon", _context(question, has_piste=has_piste), question.email
    )
    return 1
