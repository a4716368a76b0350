"""« Ces réponses existent peut-être déjà » on the ask form: while typing with htmx, and without
JavaScript after « Chercher d'abord », which keeps the text and stores nothing."""

import pytest

from portail.questions.models import Question
from tests.fiches.knowledge import knowledge_base  # noqa: F401 — the real content, once per module

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("knowledge_base")]

TEXT = "Mon propriétaire ne veut pas me rendre la caution depuis trois mois."


def test_the_text_field_asks_for_suggestions_while_typing(client):
    content = client.get("/poser-une-question/").content.decode()
    assert 'hx-get="/recherche/suggestions/"' in content
    assert 'id="suggestions"' in content


def test_suggestions_for_the_typed_text_come_as_a_fragment(client):
    response = client.get("/recherche/suggestions/", {"text": TEXT}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "Ces réponses existent peut-être déjà" in content
    assert "/fiches/depot-de-garantie/" in content
    assert "<html" not in content
    assert content.count('class="resultat ') <= 5


def test_search_first_without_javascript_keeps_the_text_and_stores_nothing(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ask_ip": "1/h", "ask_session": "1/h"}
    response = client.post("/poser-une-question/", {"text": TEXT, "chercher": "1"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ces réponses existent peut-être déjà" in content
    assert "/fiches/depot-de-garantie/" in content
    assert "ne veut pas me rendre la caution" in content
    assert Question.objects.count() == 0

    # Searching did not use up the limit: the real submission still goes through.
    sent = client.post("/poser-une-question/", {"text": TEXT, "kind": "question"})
    assert sent.status_code == 302
    assert Question.objects.count() == 1
