import uuid

import pytest
from django.core import mail
from django.urls import reverse

from portail.questions.models import Question
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.questions.factories import sign_in

pytestmark = pytest.mark.django_db

ENTER = reverse("questions:enter")


def enter_data(**overrides):
    data = {
        "origin": "papier",
        "origin_detail": "Fête de quartier de Montreynaud",
        "text": "Madame D. demande si la CAF peut verser l'APL directement au bailleur.",
        "kind": "question",
        "theme": "",
        "quartier": "",
        "email": "",
        "consent_publication": "on",
        "person_agrees": "on",
        "submission_key": uuid.uuid4().hex,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(ENTER)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_an_anonymous_post_stores_nothing(client):
    client.post(ENTER, enter_data())
    assert not Question.objects.exists()


@pytest.mark.parametrize("role", ["habitant"])
def test_a_resident_who_is_in_no_group_is_refused(client, role):
    sign_in(client, role)
    assert client.get(ENTER).status_code == 403
    assert client.post(ENTER, enter_data()).status_code == 403
    assert not Question.objects.exists()


@pytest.mark.parametrize("role", ["membre", "moderateur", "equipe"])
def test_members_and_moderators_can_open_the_form(client, role):
    sign_in(client, role)
    response = client.get(ENTER)
    content = page_text(response)
    assert response.status_code == 200
    assert "La personne est d'accord pour que sa question soit enregistrée." in content
    for origin in (
        "sur papier",
        "par téléphone",
        "à une permanence",
        "pendant le jeu de l'oie",
        "pendant un événement",
    ):
        assert origin in content
    assert "en ligne, par la personne" not in content


def test_a_facilitator_can_enter_a_question(client):
    client.force_login(UserFactory(facilitator=True))
    assert client.post(ENTER, enter_data()).status_code == 302


def test_entering_records_the_origin_and_who_entered_it(client):
    member = sign_in(client, "membre")

    response = client.post(ENTER, enter_data(origin="evenement"))

    question = Question.objects.get()
    assert question.origin == Question.Origin.EVENT
    assert question.origin_detail == "Fête de quartier de Montreynaud"
    assert question.entered_by == member
    assert question.author is None
    assert question.consent_publication
    assert response.url.endswith("?nouvelle=1&saisie=1")


def test_the_receipt_tells_the_member_to_give_the_link_to_the_person(client):
    sign_in(client, "membre")
    response = client.post(ENTER, enter_data(), follow=True)
    content = page_text(response)
    assert "La question est enregistrée" in content
    assert "Donnez ce lien à la personne" in content


def test_the_person_is_told_by_email_when_an_address_is_given(
    client, django_capture_on_commit_callbacks
):
    sign_in(client, "membre")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ENTER, enter_data(email="personne@exemple.org"))
    assert [m.to for m in mail.outbox] == [["personne@exemple.org"]]
    assert "/suivi/" in mail.outbox[0].body


def test_without_the_persons_agreement_nothing_is_stored(client):
    sign_in(client, "membre")

    response = client.post(ENTER, enter_data(person_agrees=None))

    assert response.status_code == 200
    assert "Sans l'accord de la personne" in page_text(response)
    assert "Madame D. demande si la CAF" in page_text(response)
    assert not Question.objects.exists()


def test_publication_follows_what_the_person_said(client):
    sign_in(client, "membre")
    client.post(ENTER, enter_data(consent_publication=None))
    assert not Question.objects.get().consent_publication


@pytest.mark.parametrize(
    ("origin", "message"),
    [
        ("en-ligne", "Choisissez une des façons proposées."),
        ("pigeon", "Choisissez une des façons proposées."),
        ("", "Dites comment la question a été recueillie."),
    ],
)
def test_the_origin_must_be_one_of_the_offline_ways(client, origin, message):
    sign_in(client, "membre")

    response = client.post(ENTER, enter_data(origin=origin))

    assert response.status_code == 200
    assert message in page_text(response)
    assert not Question.objects.exists()
