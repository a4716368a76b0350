"""Glossary words in questions and pistes link to their definition (first occurrence only)."""

import pytest

from tests.glossary.factories import TermFactory
from tests.questions.factories import PisteFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def test_a_glossary_word_in_a_public_question_and_its_piste_links_to_the_term(client):
    TermFactory(slug="bail", term="bail", aliases=[])
    question = QuestionFactory(
        published=True, text="Mon bail se termine bientôt. Le bail est à mon nom."
    )
    PisteFactory(question=question, steps=["Relisez votre bail avec l'ADIL."])

    content = client.get(question.get_absolute_url()).content.decode()

    assert content.count('href="/glossaire/bail/"') == 2  # the question once, the piste once
