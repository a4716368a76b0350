"""The audit trail: every action with who, when and what changed, filterable and paginated."""

import re

import pytest
from django.urls import reverse

from portail.questions.models import ModerationAction
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

AUDIT = reverse("questions:audit")
Action = ModerationAction.Action


def text_of(response):
    return " ".join(re.sub(r"<[^>]+>", " ", page_text(response)).split())


@pytest.fixture
def moderator(client):
    user = UserFactory(moderator=True, display_name="Modé", email="mode@exemple.org")
    client.force_login(user)
    return user


def test_the_audit_shows_who_did_what_and_when(client, moderator):
    question = QuestionFactory()
    question.reject(moderator, "Hors sujet.")

    response = client.get(AUDIT)

    content = text_of(response)
    assert response.status_code == 200
    assert f"Refusée — question n° {question.pk}" in content
    assert "par Modé" in content
    assert "mode@exemple.org" not in content
    assert "Hors sujet." in content
    assert reverse("questions:moderate", args=[question.pk]) in response.content.decode()


def test_a_text_edit_shows_the_text_before_and_after_escaped(client, moderator):
    question = QuestionFactory(text="Avant <b>gras</b>")
    question.approve(moderator, text="Après <i>modif</i>")

    response = client.get(AUDIT)

    content = response.content.decode()
    assert "Avant &lt;b&gt;gras&lt;/b&gt;" in content
    assert "Après &lt;i&gt;modif&lt;/i&gt;" in content
    assert "<b>gras</b>" not in content
    assert content.index("Avant &lt;b&gt;") < content.index("Après &lt;i&gt;")
    assert "Texte Avant Avant" in text_of(response)


def test_the_asker_resolving_is_named_as_such(client, moderator):
    QuestionFactory(answered=True).resolve()

    assert "par la personne elle-même" in text_of(client.get(AUDIT))


def test_the_audit_lists_the_most_recent_first(client, moderator):
    first = QuestionFactory()
    first.approve(moderator)
    second = QuestionFactory()
    second.reject(moderator, "Non.")

    actions = list(client.get(AUDIT).context["page"].object_list)

    assert [a.question_id for a in actions] == [second.pk, first.pk]


def test_the_audit_filters_by_action_and_by_question(client, moderator):
    kept = QuestionFactory()
    kept.approve(moderator)
    kept.classify(moderator, None, None)
    other = QuestionFactory()
    other.approve(moderator)

    by_action = client.get(AUDIT, {"action": Action.CLASSIFY})
    by_question = client.get(AUDIT, {"question": kept.pk})

    assert [a.action for a in by_action.context["page"].object_list] == [Action.CLASSIFY]
    assert {a.question_id for a in by_question.context["page"].object_list} == {kept.pk}
    assert by_question.context["page"].paginator.count == 2


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"question": "abc"}, "Le numéro de la question s'écrit avec des chiffres."),
        ({"action": "effacement"}, "Cette action n'existe pas"),
    ],
)
def test_a_wrong_filter_is_explained_and_ignored(client, moderator, params, message):
    QuestionFactory().approve(moderator)

    response = client.get(AUDIT, params)

    assert message in page_text(response)
    assert response.context["page"].paginator.count == 1


def test_the_audit_is_paginated(client, moderator):
    question = QuestionFactory(published=True)
    for _ in range(51):
        question.record(Action.CLASSIFY, moderator)

    first = client.get(AUDIT)
    second = client.get(AUDIT, {"page": 2})

    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 1


def test_the_audit_runs_a_bounded_number_of_queries(
    client, moderator, django_assert_max_num_queries
):
    actors = UserFactory.create_batch(5, moderator=True)
    for number in range(40):
        question = QuestionFactory()
        question.approve(actors[number % 5], text=f"Texte {number}")

    with django_assert_max_num_queries(7):
        response = client.get(AUDIT)

    assert len(response.context["page"].object_list) == 40


def test_a_moderation_page_links_to_the_question_history(client, moderator):
    question = QuestionFactory(rejected=True)

    content = client.get(reverse("questions:moderate", args=[question.pk])).content.decode()

    assert f"{AUDIT}?question={question.pk}" in content
