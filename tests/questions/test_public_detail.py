import re

import pytest
from django.urls import reverse

from portail.core.tokens import hash_token
from portail.questions.models import Question, Reaction, Report
from tests.accounts.helpers import page_text
from tests.directory.factories import OrganisationFactory
from tests.places.factories import QuartierFactory, SubjectFactory, ThemeFactory
from tests.questions.factories import (
    ORIGINAL_MARKER,
    ROLES,
    PisteFactory,
    PisteLinkFactory,
    QuestionFactory,
    sign_in,
)

pytestmark = pytest.mark.django_db


def detail(question):
    return reverse("questions:detail", args=[question.pk])


def react_url(question):
    return reverse("questions:react", args=[question.pk])


def report_url(question):
    return reverse("questions:report", args=[question.pk])


# --- The page ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_a_public_question_is_shown_to_everyone_masked(client, role):
    theme = ThemeFactory(name="Logement")
    subject = SubjectFactory(title="La caution", theme=theme)
    quartier = QuartierFactory(name="Montreynaud")
    question = QuestionFactory(
        answered=True, kind="temoignage", theme=theme, subject=subject, quartier=quartier
    )
    sign_in(client, role)

    response = client.get(detail(question))

    content = page_text(response)
    assert response.status_code == 200
    assert question.text in content
    assert ORIGINAL_MARKER not in content
    assert "Témoignage : La caution" in content
    assert "Logement" in content
    assert "Montreynaud" in content
    assert "Posée le" in content
    assert "Question privée" not in content


def test_the_pistes_are_shown_with_links_and_contact(client):
    OrganisationFactory(name="Maison de l'habitat", slug="maison-habitat")
    question = QuestionFactory(answered=True)
    piste = question.pistes.get()
    piste.steps = ["Première étape.", "Deuxième étape."]
    piste.contact = "Le CCAS, au rez-de-chaussée."
    piste.save()
    PisteLinkFactory(piste=piste, kind="organisation", target="maison-habitat")

    content = page_text(client.get(detail(question)))

    assert "<li>Première étape.</li>" in content
    assert "<li>Deuxième étape.</li>" in content
    assert "Le CCAS, au rez-de-chaussée." in content
    assert "Maison de l'habitat" in content
    assert f"{report_url(question)}?piste={piste.pk}" in content


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("anonyme", False),
        ("habitant", False),
        ("membre", True),
        ("moderateur", True),
        ("equipe", True),
    ],
)
def test_a_private_question_is_shown_to_the_group_only_with_a_notice(client, role, visible):
    question = QuestionFactory(private=True)
    sign_in(client, role)

    response = client.get(detail(question))

    if visible:
        assert response.status_code == 200
        assert "Question privée : visible du groupe seulement." in page_text(response)
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("state", ["received", "rejected", "duplicate"])
@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("anonyme", False),
        ("habitant", False),
        ("membre", False),
        ("moderateur", True),
        ("equipe", True),
    ],
)
def test_an_unpublished_question_is_shown_to_moderators_only(client, state, role, visible):
    question = QuestionFactory(**({} if state == "received" else {state: True}))
    sign_in(client, role)

    response = client.get(detail(question))

    assert response.status_code == (200 if visible else 404)
    if visible:
        assert "Cette question n'est pas publiée" in page_text(response)


def test_related_questions_share_the_subject_first(client):
    theme = ThemeFactory()
    subject = SubjectFactory(theme=theme)
    question = QuestionFactory(published=True, theme=theme, subject=subject)
    same_subject = QuestionFactory.create_batch(6, published=True, theme=theme, subject=subject)
    same_theme = QuestionFactory(published=True, theme=theme)
    private = QuestionFactory(private=True, theme=theme, subject=subject)

    content = client.get(detail(question)).content.decode()
    related = re.findall(r'<li><a href="/questions/(\d+)/">', content)

    assert len(related) == 5
    assert set(map(int, related)) <= {q.pk for q in same_subject}
    assert str(question.pk) not in related
    assert str(same_theme.pk) not in related
    assert str(private.pk) not in related


def test_related_questions_fall_back_on_the_theme(client):
    theme = ThemeFactory()
    question = QuestionFactory(published=True, theme=theme, subject=SubjectFactory(theme=theme))
    same_theme = QuestionFactory(published=True, theme=theme)
    QuestionFactory(published=True)

    content = client.get(detail(question)).content.decode()

    assert re.findall(r'<li><a href="/questions/(\d+)/">', content) == [str(same_theme.pk)]


def test_the_page_is_printable(client):
    content = client.get(detail(QuestionFactory(answered=True))).content.decode()
    assert "css/questions.css" in content
    assert "js-imprimer" in content


def test_the_page_needs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    theme = ThemeFactory()
    question = QuestionFactory(answered=True, theme=theme, subject=SubjectFactory(theme=theme))
    for piste in PisteFactory.create_batch(5, question=question):
        PisteLinkFactory(piste=piste, kind="organisation", target=OrganisationFactory().slug)
    QuestionFactory.create_batch(8, published=True, theme=theme)

    client.cookies["navigateur"] = "a" * 32
    # +1 on a cold cache: the glossary index for the automatic links is built once, then cached.
    with django_assert_max_num_queries(8):
        response = client.get(detail(question))

    assert response.status_code == 200


# --- Reactions ---------------------------------------------------------------------------------


def test_moi_aussi_counts_once_per_browser_without_javascript(client):
    question = QuestionFactory(published=True)

    first = client.post(react_url(question), {"reaction": "moi-aussi"})
    client.post(react_url(question), {"reaction": "moi-aussi"})

    assert first.status_code == 302
    assert first.url == detail(question) + "#reactions"
    question.refresh_from_db()
    assert question.me_too_count == 1
    assert Reaction.objects.count() == 1
    content = page_text(client.get(detail(question)))
    assert "Merci, votre réponse est comptée." in content
    assert re.search(r'value="moi-aussi"[^>]*aria-pressed="true"', content)


def test_the_browser_cookie_is_random_long_lived_and_not_readable_by_scripts(client, settings):
    settings.HTTPS = False
    question = QuestionFactory(published=True)

    response = client.post(react_url(question), {"reaction": "moi-aussi"})

    cookie = response.cookies["navigateur"]
    assert len(cookie.value) >= 32
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 60 * 60 * 24 * 365
    reaction = Reaction.objects.get()
    assert reaction.browser_hash == hash_token(cookie.value)
    assert cookie.value not in reaction.browser_hash


def test_the_cookie_is_secure_over_https(client, settings):
    settings.HTTPS = True
    response = client.post(react_url(QuestionFactory(published=True)), {"reaction": "moi-aussi"})
    assert response.cookies["navigateur"]["secure"]


def test_another_browser_counts_again(client):
    question = QuestionFactory(published=True)
    client.post(react_url(question), {"reaction": "moi-aussi"})
    client.cookies.clear()
    client.post(react_url(question), {"reaction": "moi-aussi"})
    question.refresh_from_db()
    assert question.me_too_count == 2


def test_changing_from_not_yet_to_helped_moves_the_count(client):
    question = QuestionFactory(answered=True)

    client.post(react_url(question), {"reaction": "pas-encore"})
    question.refresh_from_db()
    assert (question.helped_count, question.not_yet_count) == (0, 1)

    client.post(react_url(question), {"reaction": "aide"})
    question.refresh_from_db()
    assert (question.helped_count, question.not_yet_count) == (1, 0)

    content = client.get(detail(question)).content.decode()
    assert re.search(r'value="aide"[^>]*aria-pressed="true"', content)
    assert re.search(r'value="pas-encore"[^>]*aria-pressed="false"', content)


def test_helped_and_not_yet_need_a_piste(client):
    question = QuestionFactory(published=True)

    page = client.get(detail(question)).content.decode()
    response = client.post(react_url(question), {"reaction": "aide"}, follow=True)

    assert 'value="aide"' not in page
    assert "Il n'y a pas encore de piste" in page_text(response)
    question.refresh_from_db()
    assert question.helped_count == 0


def test_htmx_gets_only_the_reactions_block(client):
    question = QuestionFactory(answered=True)

    response = client.post(
        react_url(question), {"reaction": "aide"}, headers={"HX-Request": "true"}
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert content.strip().startswith('<section id="reactions"')
    assert "<html" not in content
    assert re.search(r'value="aide"[^>]*aria-pressed="true"', content)
    assert "(1)" in content
    assert "navigateur" in response.cookies


@pytest.mark.parametrize("kind", ["", "adore", "aide'--"])
def test_an_unknown_reaction_is_refused(client, kind):
    question = QuestionFactory(answered=True)
    assert client.post(react_url(question), {"reaction": kind}).status_code == 400
    assert not Reaction.objects.exists()


def test_reacting_needs_a_post(client):
    assert client.get(react_url(QuestionFactory(published=True))).status_code == 405


@pytest.mark.parametrize("state", [{}, {"private": True}, {"rejected": True}])
def test_an_anonymous_visitor_cannot_react_to_what_they_cannot_see(client, state):
    question = QuestionFactory(**state)
    assert client.post(react_url(question), {"reaction": "moi-aussi"}).status_code == 404
    assert not Reaction.objects.exists()


def test_a_member_can_say_moi_aussi_on_a_private_question(client):
    question = QuestionFactory(private=True)
    sign_in(client, "membre")
    client.post(react_url(question), {"reaction": "moi-aussi"})
    question.refresh_from_db()
    assert question.me_too_count == 1


# --- Reports -----------------------------------------------------------------------------------


def test_the_report_page_offers_the_reasons(client):
    content = page_text(client.get(report_url(QuestionFactory(published=True))))
    for reason in Report.Reason.labels:
        assert str(reason) in content


def test_a_report_is_stored_and_thanked(client):
    question = QuestionFactory(published=True)

    response = client.post(
        report_url(question), {"reason": "donnees", "comment": "Il reste un prénom."}, follow=True
    )

    report = Report.objects.get()
    assert report.question == question
    assert report.reason == "donnees"
    assert report.comment == "Il reste un prénom."
    assert report.piste is None
    assert report.browser_hash
    assert "Merci de nous avoir prévenus" in page_text(response)


def test_a_report_on_a_piste_points_to_it(client):
    question = QuestionFactory(answered=True)
    piste = question.pistes.get()

    page = client.get(report_url(question) + f"?piste={piste.pk}").content.decode()
    client.post(report_url(question), {"reason": "erreur", "piste": piste.pk})

    assert f'name="piste" value="{piste.pk}"' in page
    assert Report.objects.get().piste == piste


def test_a_piste_of_another_question_cannot_be_reported_here(client):
    question = QuestionFactory(answered=True)
    other = PisteFactory()

    response = client.post(report_url(question), {"reason": "erreur", "piste": other.pk})

    assert response.status_code == 200
    assert not Report.objects.exists()


def test_reporting_twice_from_one_browser_stores_one_report(client):
    question = QuestionFactory(published=True)
    client.post(report_url(question), {"reason": "spam"})
    client.post(report_url(question), {"reason": "abus"})
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choisissez une raison dans la liste."),
        ({"reason": "autre-chose"}, "Choisissez une raison dans la liste."),
        ({"reason": "autre", "comment": "x" * 1001}, "1 000 caractères au plus (elle en a 1001)"),
    ],
)
def test_a_wrong_report_gets_a_french_message_and_keeps_the_comment(client, data, message):
    response = client.post(report_url(QuestionFactory(published=True)), data)
    assert response.status_code == 200
    assert message in page_text(response)
    if "comment" in data:
        assert data["comment"] in page_text(response)
    assert not Report.objects.exists()


def test_reports_are_rate_limited_per_address(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report_ip": "2/h"}
    questions = QuestionFactory.create_batch(3, published=True)
    for question in questions[:2]:
        client.post(report_url(question), {"reason": "spam"})

    response = client.post(report_url(questions[2]), {"reason": "spam", "comment": "Encore"})

    assert response.status_code == 429
    assert "Attendez un peu" in page_text(response)
    assert Report.objects.count() == 2


def test_nobody_can_report_what_they_cannot_see(client):
    question = QuestionFactory()
    assert client.get(report_url(question)).status_code == 404
    assert client.post(report_url(question), {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


def test_question_states_are_unchanged_by_reports(client):
    question = QuestionFactory(published=True)
    client.post(report_url(question), {"reason": "spam"})
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED
    assert question.is_public


# --- The cached parts of the page ----------------------------------------------------------------


def test_a_new_piste_shows_at_once_despite_the_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    question = QuestionFactory(published=True)
    assert "Le groupe n'a pas encore donné de piste" in page_text(client.get(detail(question)))

    PisteFactory(question=question, intro="Une piste toute neuve.")

    content = page_text(client.get(detail(question)))
    assert "Une piste toute neuve." in content
    assert "Le groupe n'a pas encore donné de piste" not in content


@pytest.mark.parametrize(("state", "seen_by"), [({}, "moderateur"), ({"private": True}, "membre")])
def test_what_was_cached_for_the_team_is_never_served_to_others(client, settings, state, seen_by):
    settings.PAGE_CACHE_SECONDS = 300
    question = QuestionFactory(**state)
    sign_in(client, seen_by)
    assert client.get(detail(question)).status_code == 200
    client.logout()

    assert client.get(detail(question)).status_code == 404


def test_the_counts_and_choices_are_fresh_on_each_visit(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    question = QuestionFactory(answered=True)
    client.get(detail(question))

    client.post(react_url(question), {"reaction": "aide"})

    content = client.get(detail(question)).content.decode()
    assert re.search(
        r'value="aide"[^>]*aria-pressed="true"[^>]*>[^<]*<span class="compte">\(1\)', content
    )
