import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.accounts.helpers import page_text
from tests.places.factories import QuartierFactory, SubjectFactory, ThemeFactory
from tests.questions.factories import ROLES, PisteFactory, QuestionFactory, sign_in

pytestmark = pytest.mark.django_db

LIST = reverse("questions:list")


def listed(response):
    """The detail links of the questions listed, in order."""
    return [
        int(pk)
        for pk in re.findall(
            r'<h3 class="question-resume__titre"><a href="/questions/(\d+)/"',
            response.content.decode(),
        )
    ]


@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_only_public_questions_to_everyone(client, role):
    shown = [
        QuestionFactory(published=True),
        QuestionFactory(answered=True),
        QuestionFactory(resolved=True),
    ]
    hidden = [
        QuestionFactory(),
        QuestionFactory(private=True),
        QuestionFactory(rejected=True),
        QuestionFactory(duplicate=True),
    ]
    sign_in(client, role)

    ids = listed(client.get(LIST))

    assert set(ids) >= {q.pk for q in shown}
    assert not set(ids) & {q.pk for q in hidden}


def test_each_item_shows_an_excerpt_theme_quartier_state_and_counts(client):
    theme = ThemeFactory(name="Logement", pictogram="maison")
    quartier = QuartierFactory(name="Montreynaud")
    question = QuestionFactory(
        answered=True, theme=theme, quartier=quartier, me_too_count=7, text="Début. " + "x" * 400
    )
    PisteFactory(question=question)

    content = page_text(client.get(LIST))

    assert "Début. " + "x" * 200 in content
    assert "x" * 300 not in content
    assert "…" in content
    assert "Logement" in content
    assert "<svg" in content
    assert "Montreynaud" in content
    assert "Piste donnée" in content
    assert "2 pistes" in content
    assert "7 « moi aussi »" in content
    assert f'href="{question.get_absolute_url()}"' in content


def test_the_newest_come_first_by_default(client):
    now = timezone.now()
    old = QuestionFactory(published=True, created_at=now - timedelta(days=3))
    new = QuestionFactory(published=True, created_at=now)
    middle = QuestionFactory(published=True, created_at=now - timedelta(days=1))

    assert listed(client.get(LIST)) == [new.pk, middle.pk, old.pk]


def test_the_most_moi_aussi_order(client):
    few = QuestionFactory(published=True, me_too_count=1)
    many = QuestionFactory(published=True, me_too_count=12)
    none = QuestionFactory(published=True, me_too_count=0)

    assert listed(client.get(LIST, {"ordre": "moi-aussi"})) == [many.pk, few.pk, none.pk]


def test_filters_by_theme_subject_quartier_state_and_kind(client):
    logement = ThemeFactory(slug="logement")
    caution = SubjectFactory(key="caution", theme=logement)
    quartier = QuartierFactory(slug="montreynaud")
    by_theme = QuestionFactory(published=True, theme=logement)
    by_subject = QuestionFactory(published=True, theme=logement, subject=caution)
    by_quartier = QuestionFactory(published=True, quartier=quartier)
    answered = QuestionFactory(answered=True)
    resolved = QuestionFactory(resolved=True)
    testimony = QuestionFactory(published=True, kind="temoignage")

    assert set(listed(client.get(LIST, {"theme": "logement"}))) == {by_theme.pk, by_subject.pk}
    assert listed(client.get(LIST, {"sujet": "caution"})) == [by_subject.pk]
    assert listed(client.get(LIST, {"quartier": "montreynaud"})) == [by_quartier.pk]
    assert listed(client.get(LIST, {"etat": "piste"})) == [answered.pk]
    assert listed(client.get(LIST, {"etat": "resolue"})) == [resolved.pk]
    assert listed(client.get(LIST, {"type": "temoignage"})) == [testimony.pk]
    assert answered.pk not in listed(client.get(LIST, {"etat": "publiee"}))


def test_a_wrong_filter_is_reported_and_left_out(client):
    question = QuestionFactory(published=True)

    response = client.get(LIST, {"theme": "inconnu", "etat": "refusee", "ordre": "hasard"})

    assert response.status_code == 200
    assert "Un filtre n'a pas été compris" in page_text(response)
    assert listed(response) == [question.pk]


def test_the_filter_form_works_without_javascript(client):
    content = client.get(LIST).content.decode()
    assert re.search(r'<form method="get" action="/questions/"', content)
    for name in ("theme", "sujet", "quartier", "etat", "type", "ordre"):
        assert f'name="{name}"' in content


def test_twenty_questions_per_page_with_an_accessible_page_navigation(client):
    QuestionFactory.create_batch(45, published=True)

    first = client.get(LIST)
    third = client.get(LIST, {"page": 3})

    assert len(listed(first)) == 20
    assert len(listed(third)) == 5
    content = first.content.decode()
    assert '<nav class="pagination" aria-label="Pages de la liste">' in content
    assert 'aria-current="page"' in content
    assert "?page=2" in content
    assert "45 questions" in page_text(first)


def test_page_links_keep_the_filters(client):
    theme = ThemeFactory(slug="logement")
    QuestionFactory.create_batch(21, published=True, theme=theme)

    content = client.get(LIST, {"theme": "logement", "ordre": "moi-aussi"}).content.decode()

    assert "?theme=logement&amp;ordre=moi-aussi&amp;page=2" in content


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999"])
def test_a_strange_page_number_shows_a_page_not_an_error(client, page):
    QuestionFactory.create_batch(3, published=True)
    response = client.get(LIST, {"page": page})
    assert response.status_code == 200
    assert len(listed(response)) == 3


def test_the_number_of_queries_does_not_grow_with_the_questions(
    client, django_assert_max_num_queries
):
    theme = ThemeFactory()
    subject = SubjectFactory(theme=theme)
    quartier = QuartierFactory()
    for question in QuestionFactory.create_batch(
        30, answered=True, theme=theme, subject=subject, quartier=quartier
    ):
        PisteFactory(question=question)

    with django_assert_max_num_queries(8):
        response = client.get(LIST, {"ordre": "moi-aussi", "theme": theme.slug})

    assert len(listed(response)) == 20


def test_an_anonymous_visitor_gets_the_list_from_the_page_cache(
    client, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    QuestionFactory.create_batch(3, published=True)
    client.get(LIST)

    with django_assert_num_queries(0):
        response = client.get(LIST)

    assert len(listed(response)) == 3


def test_a_new_publication_shows_at_once_despite_the_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client.get(LIST)
    question = QuestionFactory(published=True)
    assert question.pk in listed(client.get(LIST))


def test_a_signed_in_reader_gets_the_list_content_from_the_cache(
    client, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    QuestionFactory.create_batch(3, answered=True)
    sign_in(client, "membre")
    client.get(LIST)

    with django_assert_max_num_queries(3):
        response = client.get(LIST)

    assert len(listed(response)) == 3
    assert "Mon espace" in page_text(response)


def test_an_unpublished_question_leaves_the_list_at_once(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    question = QuestionFactory(published=True)
    moderator = sign_in(client, "moderateur")
    assert question.pk in listed(client.get(LIST))

    question.unpublish(by=moderator, reason="Il restait un prénom.")

    assert question.pk not in listed(client.get(LIST))


def test_without_the_cache_the_list_is_rendered_each_time(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(LIST)
    question = QuestionFactory.build(published=True)
    question.save()
    assert question.pk in listed(client.get(LIST))
