"""The public side's part of the permission matrix: who sees an unpublished question, and proof
that no page of the public side ever shows a question's original text or e-mail address — not
even to moderators, who read those in the moderation pages only."""

import pytest
from django.urls import reverse

from tests.accounts.helpers import page_text
from tests.questions.factories import (
    EMAIL_MARKER,
    ORIGINAL_MARKER,
    PHONE_MARKER,
    ROLES,
    QuestionFactory,
    sign_in,
)

pytestmark = pytest.mark.django_db

STATES = {
    "recue": {},
    "publiee": {"published": True},
    "privee": {"private": True},
    "piste": {"answered": True},
    "resolue": {"resolved": True},
    "refusee": {"rejected": True},
    "doublon": {"duplicate": True},
}

# Who may open /questions/<pk>/ for a question in each state.
CAN_SEE = {
    "anonyme": {"publiee", "piste", "resolue"},
    "habitant": {"publiee", "piste", "resolue"},
    "membre": {"publiee", "privee", "piste", "resolue"},
    "moderateur": set(STATES),
    "equipe": set(STATES),
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_who_sees_a_question_page_in_each_state(client, role, state):
    question = QuestionFactory(**STATES[state])
    sign_in(client, role)

    status = client.get(reverse("questions:detail", args=[question.pk])).status_code

    assert status == (200 if state in CAN_SEE[role] else 404)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_a_question_only_when_public(client, role, state):
    question = QuestionFactory(**STATES[state])
    sign_in(client, role)

    content = client.get(reverse("questions:list")).content.decode()

    assert (f'href="/questions/{question.pk}/"' in content) == (
        state in {"publiee", "piste", "resolue"}
    )


def public_side_pages(question, user):
    pages = [
        reverse("questions:list"),
        reverse("questions:detail", args=[question.pk]),
        reverse("questions:report", args=[question.pk]),
        reverse("questions:follow", args=[question.token]),
        reverse("questions:follow", args=[question.token]) + "?nouvelle=1",
        reverse("questions:ask"),
    ]
    if question.duplicate_of_id:
        pages.append(reverse("questions:detail", args=[question.duplicate_of_id]))
    if user is not None:
        pages += [reverse("questions:mine"), reverse("questions:mine_detail", args=[question.pk])]
    return pages


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_no_public_page_shows_the_original_text_or_the_email(client, role, state):
    user = sign_in(client, role)
    question = QuestionFactory(**STATES[state], email=EMAIL_MARKER, author=user)

    for url in public_side_pages(question, user):
        response = client.get(url)
        content = page_text(response)
        assert ORIGINAL_MARKER not in content, url
        assert PHONE_MARKER not in content, url
        assert EMAIL_MARKER not in content, url


@pytest.mark.parametrize("role", ROLES)
def test_the_rejection_reason_is_shown_only_through_the_askers_link(client, role):
    question = QuestionFactory(rejected=True, rejection_reason="Motif réservé à la personne.")
    sign_in(client, role)

    detail = client.get(reverse("questions:detail", args=[question.pk]))
    follow = client.get(reverse("questions:follow", args=[question.token]))

    assert "Motif réservé à la personne." not in page_text(detail)
    assert "Motif réservé à la personne." in page_text(follow)
