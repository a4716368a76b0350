import pytest
from django.urls import reverse

from portail.questions.models import ModerationAction, Question
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.directory.factories import OrganisationFactory
from tests.places.factories import QuartierFactory, ThemeFactory
from tests.questions.factories import (
    EMAIL_MARKER,
    ORIGINAL_MARKER,
    PHONE_MARKER,
    PisteFactory,
    PisteLinkFactory,
    QuestionFactory,
    make_question,
)

pytestmark = pytest.mark.django_db


def follow(token):
    return reverse("questions:follow", args=[token])


def test_the_follow_up_page_shows_the_masked_text_never_the_original(client):
    question, token = make_question(email=EMAIL_MARKER)

    response = client.get(follow(token))

    content = page_text(response)
    assert response.status_code == 200
    assert question.text in content
    assert ORIGINAL_MARKER not in content
    assert PHONE_MARKER not in content
    assert EMAIL_MARKER not in content


def test_the_follow_up_page_is_private(client):
    _, token = make_question()

    response = client.get(follow(token))

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_the_follow_up_page_shows_theme_quartier_and_where_it_stands(client):
    theme = ThemeFactory(name="Logement")
    quartier = QuartierFactory(name="Montreynaud")
    _, token = make_question(theme=theme, quartier=quartier)

    content = page_text(client.get(follow(token)))

    assert "Logement" in content
    assert "Montreynaud" in content
    assert "Votre question est bien arrivée" in content
    for step in ("Reçue", "Relue et publiée", "Piste donnée", "Résolue"):
        assert step in content
    assert 'aria-current="step"' in content


def test_a_private_question_says_it_is_answered_privately(client):
    _, token = make_question(private=True)
    content = page_text(client.get(follow(token)))
    assert "Relue, réponse en privé" in content
    assert "le groupe vous répondra ici, en privé" in content


def test_the_pistes_are_shown_with_their_steps_links_and_contact(client):
    organisation = OrganisationFactory(name="Association Droit au logement", slug="dal")
    question, token = make_question(published=True, status=Question.Status.ANSWERED)
    piste = PisteFactory(
        question=question,
        intro="Votre bailleur doit rendre la caution.",
        steps=["Relisez l'état des lieux.", "Écrivez une lettre recommandée."],
        contact="La permanence du mardi.",
    )
    PisteLinkFactory(piste=piste, kind="organisation", target="dal")
    PisteLinkFactory(piste=piste, kind="organisation", target="disparue")
    PisteLinkFactory(piste=piste, kind="fiche-pas-encore-la", target="caution")

    response = client.get(follow(token))

    content = page_text(response)
    assert "Votre bailleur doit rendre la caution." in content
    assert "<li>Relisez l'état des lieux.</li>" in content
    assert "<li>Écrivez une lettre recommandée.</li>" in content
    assert "La permanence du mardi." in content
    assert f'href="{organisation.get_absolute_url()}"' in content
    assert "Association Droit au logement" in content
    assert "disparue" not in content
    assert "Le groupe vous propose une piste" in content


def test_the_asker_can_say_it_is_resolved_once_a_piste_is_given(client):
    question, token = make_question(answered=True)

    page = page_text(client.get(follow(token)))
    response = client.post(follow(token), {"action": "resolue"})

    assert "C'est résolu, merci" in page
    assert response.status_code == 302
    assert response.url == follow(token)
    question.refresh_from_db()
    assert question.status == Question.Status.RESOLVED
    assert question.closed_at is not None
    action = question.actions.get()
    assert action.action == ModerationAction.Action.RESOLVE
    assert action.actor is None
    assert "Nous avons noté que c'est résolu" in page_text(client.get(follow(token)))


@pytest.mark.parametrize("state", ["published", "private", "rejected", "resolved"])
def test_there_is_no_resolve_button_before_a_piste_or_after_the_end(client, state):
    question, token = make_question(**{state: True})
    status = question.status

    assert "C'est résolu, merci" not in page_text(client.get(follow(token)))
    client.post(follow(token), {"action": "resolue"})

    question.refresh_from_db()
    assert question.status == status
    assert not question.actions.filter(action=ModerationAction.Action.RESOLVE).exists()


def test_a_received_question_cannot_be_marked_resolved(client):
    question, token = make_question()

    response = client.post(follow(token), {"action": "resolue"}, follow=True)

    assert "quand le groupe vous aura donné une piste" in page_text(response)
    question.refresh_from_db()
    assert question.status == Question.Status.RECEIVED


def test_a_rejected_question_shows_the_reason_given_to_the_asker(client):
    _, token = make_question(rejected=True, rejection_reason="Votre message contient des insultes.")

    content = page_text(client.get(follow(token)))

    assert "Votre message n'a pas été publié." in content
    assert "Votre message contient des insultes." in content


def test_a_duplicate_follows_the_original_questions_status_and_pistes(client):
    original = QuestionFactory(answered=True)
    PisteFactory(question=original, intro="La piste donnée à la première personne.")
    question, token = make_question(duplicate=True, duplicate_of=original)

    content = page_text(client.get(follow(token)))

    assert "Une question très proche de la vôtre" in content
    assert "La piste donnée à la première personne." in content
    assert "Le groupe vous propose une piste" in content
    assert question.text in content
    assert original.get_absolute_url() in content
    assert "C'est résolu, merci" not in content


def test_the_receipt_explains_the_link_and_is_printable(client):
    _, token = make_question()
    content = page_text(client.get(follow(token) + "?nouvelle=1"))
    assert "Gardez ce lien" in content
    assert "js-imprimer" in content
    assert "css/questions.css" in content


def test_a_later_visit_does_not_show_the_receipt_header(client):
    _, token = make_question()
    content = page_text(client.get(follow(token)))
    assert "Votre question est envoyée" not in content
    assert "Suivre ma question" in content


# --- Mes questions -----------------------------------------------------------------------------


MINE = reverse("questions:mine")


def test_my_questions_requires_an_account(client):
    response = client.get(MINE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_my_questions_lists_mine_only(client):
    me = UserFactory()
    mine = QuestionFactory(author=me, text="Ma question à moi sur la caution.")
    QuestionFactory(author=UserFactory(), text="La question de quelqu'un d'autre.")
    QuestionFactory(text="Une question sans compte.")
    client.force_login(me)

    content = page_text(client.get(MINE))

    assert "Ma question à moi sur la caution." in content
    assert "quelqu'un d'autre" not in content
    assert "sans compte" not in content
    assert reverse("questions:mine_detail", args=[mine.pk]) in content
    assert "En cours de relecture" in content


def test_my_question_page_shows_the_same_follow_up(client):
    me = UserFactory()
    question = QuestionFactory(author=me, answered=True)
    client.force_login(me)

    response = client.get(reverse("questions:mine_detail", args=[question.pk]))

    content = page_text(response)
    assert response.status_code == 200
    assert question.text in content
    assert ORIGINAL_MARKER not in content
    assert "C'est résolu, merci" in content
    assert "Gardez ce lien" not in content


def test_i_can_say_my_question_is_resolved_from_my_questions(client):
    me = UserFactory()
    question = QuestionFactory(author=me, answered=True)
    client.force_login(me)
    url = reverse("questions:mine_detail", args=[question.pk])

    assert client.post(url, {"action": "resolue"}).url == url

    question.refresh_from_db()
    assert question.status == Question.Status.RESOLVED


@pytest.mark.parametrize("traits", [{}, {"moderator": True}, {"staff": True}, {"member": True}])
def test_nobody_else_opens_my_question_from_my_questions(client, traits):
    question = QuestionFactory(author=UserFactory(), answered=True)
    client.force_login(UserFactory(**traits))
    url = reverse("questions:mine_detail", args=[question.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "resolue"}).status_code == 404
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED


def test_my_space_links_to_my_questions(client):
    client.force_login(UserFactory())
    assert f'href="{MINE}"' in client.get(reverse("accounts:espace")).content.decode()
