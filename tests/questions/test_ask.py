import re
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portail.core.tokens import hash_token
from portail.questions.models import Question
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.places.factories import QuartierFactory, ThemeFactory
from tests.questions.factories import ROLES, sign_in

pytestmark = pytest.mark.django_db

ASK = reverse("questions:ask")
PHONE = "06 12 34 56 78"
TEXT = f"Mon propriétaire ne me rend pas ma caution. Vous pouvez m'appeler au {PHONE}."


def ask_data(**overrides):
    data = {
        "text": TEXT,
        "kind": "question",
        "theme": "",
        "quartier": "",
        "email": "",
        "consent_publication": "on",
        "submission_key": uuid.uuid4().hex,
        "site_web": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def token_of(response):
    match = re.fullmatch(r"/suivi/([A-Za-z0-9_-]+)/\?nouvelle=1", response.url)
    assert match, response.url
    return match.group(1)


# --- The page ---------------------------------------------------------------------------------


def test_the_form_offers_every_field_in_plain_french(client):
    ThemeFactory(name="Logement", pictogram="maison")
    QuartierFactory(name="Montreynaud")

    response = client.get(ASK)

    content = page_text(response)
    assert response.status_code == 200
    for words in (
        "Votre question ou votre témoignage",
        "témoignage",
        "Logement",
        "Je ne sais pas",
        "Montreynaud",
        "Je préfère ne pas le dire",
        "pour être prévenu de la réponse",
        "le groupe vous répond quand même, en privé",
        "nous enlevons les noms, les adresses et les numéros de téléphone",
        "Aller à une permanence",
        "Envoyer ma question",
    ):
        assert words in content, words
    assert f'href="{reverse("directory:list")}"' in content


def test_the_themes_are_tiles_with_their_pictogram(client):
    theme = ThemeFactory(name="Santé", pictogram="sante")

    content = client.get(ASK).content.decode()

    tile = re.search(rf'<li class="tuile">\s*<input[^>]*value="{theme.pk}".*?</li>', content, re.S)
    assert tile, "pas de tuile pour le thème"
    assert "<svg" in tile.group(0)
    assert "Santé" in tile.group(0)


def test_the_honeypot_is_hidden_from_people_and_assistive_technologies(client):
    content = client.get(ASK).content.decode()

    block = re.search(
        r'<div class="visuellement-cache" aria-hidden="true">(.*?)</div>', content, re.S
    )
    assert block
    assert "Ne pas remplir" in block.group(1)
    assert 'tabindex="-1"' in block.group(1)
    assert 'autocomplete="off"' in block.group(1)


def test_each_form_carries_a_new_submission_key(client):
    first = re.search(
        r'name="submission_key" value="([0-9a-f]{32})"', client.get(ASK).content.decode()
    )
    second = re.search(
        r'name="submission_key" value="([0-9a-f]{32})"', client.get(ASK).content.decode()
    )
    assert first and second
    assert first.group(1) != second.group(1)


def test_the_page_is_never_cached(client):
    response = client.get(ASK)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_can_open_the_form(client, role):
    sign_in(client, role)
    assert client.get(ASK).status_code == 200


def test_a_signed_in_person_finds_their_address_already_written(client):
    client.force_login(UserFactory(email="samia@exemple.org"))
    assert 'value="samia@exemple.org"' in client.get(ASK).content.decode()


# --- Sending -----------------------------------------------------------------------------------


def test_sending_stores_the_question_masked_and_leads_to_its_receipt(client):
    theme = ThemeFactory()
    quartier = QuartierFactory()

    response = client.post(ASK, ask_data(theme=theme.pk, quartier=quartier.pk))

    assert response.status_code == 302
    question = Question.objects.get()
    assert question.original_text == TEXT
    assert PHONE not in question.text
    assert "masqué" in question.text
    assert question.detected_spans
    assert question.status == Question.Status.RECEIVED
    assert not question.is_public
    assert question.consent_publication
    assert question.theme == theme
    assert question.quartier == quartier
    assert question.kind == Question.Kind.QUESTION
    assert question.origin == Question.Origin.ONLINE
    assert question.author is None
    assert question.entered_by is None
    assert Question.from_token(token_of(response)) == question


def test_the_receipt_shows_the_private_link_in_full(client, settings):
    settings.SITE_URL = "https://droits.example"
    response = client.post(ASK, ask_data())
    token = token_of(response)

    receipt = client.get(response.url)

    content = page_text(receipt)
    assert receipt.status_code == 200
    assert "Votre question est envoyée" in content
    assert "Gardez ce lien" in content
    assert f"https://droits.example/suivi/{token}/" in content
    assert PHONE not in content


def test_a_testimony_without_consent_is_stored_as_such(client):
    client.post(ASK, ask_data(kind="temoignage", consent_publication=None))

    question = Question.objects.get()
    assert question.kind == Question.Kind.TESTIMONY
    assert not question.consent_publication


def test_the_link_is_sent_to_the_address_given(
    client, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://droits.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK, ask_data(email="samia@exemple.org"))

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["samia@exemple.org"]
    assert "suivre votre question" in message.subject
    assert f"https://droits.example/suivi/{token_of(response)}/" in message.body
    assert PHONE not in message.body
    assert "&#x27;" not in message.body
    assert Question.objects.get().email == "samia@exemple.org"


def test_no_email_is_sent_when_no_address_is_given(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ASK, ask_data())
    assert mail.outbox == []


def test_a_signed_in_resident_is_the_author_and_finds_it_in_my_questions(client):
    user = UserFactory()
    client.force_login(user)

    client.post(ASK, ask_data())

    question = Question.objects.get()
    assert question.author == user
    assert (
        reverse("questions:mine_detail", args=[question.pk])
        in client.get(reverse("questions:mine")).content.decode()
    )


# --- Spam and double submits -------------------------------------------------------------------


def test_a_filled_honeypot_pretends_success_and_stores_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK, ask_data(site_web="http://spam.example", email="a@b.fr"))

    assert response.status_code == 200
    assert "Merci, votre message est envoyé" in page_text(response)
    assert not Question.objects.exists()
    assert mail.outbox == []


def test_sending_the_same_form_twice_stores_one_question_and_shows_the_same_link(
    client, django_capture_on_commit_callbacks
):
    data = ask_data(email="samia@exemple.org")

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(ASK, data)
        second = client.post(ASK, data)

    assert Question.objects.count() == 1
    assert second.status_code == 302
    assert second.url == first.url
    assert len(mail.outbox) == 1
    assert client.get(second.url).status_code == 200


def test_a_double_click_from_a_new_browser_leads_to_the_same_link(client):
    """The browser drops the first answer and shows the second, which came with other cookies."""
    data = ask_data()
    first = client.post(ASK, data)
    client.cookies.clear()

    second = client.post(ASK, data)

    assert second.url == first.url
    assert Question.objects.count() == 1


def test_the_follow_up_token_is_stored_only_as_a_hash(client):
    data = ask_data()
    token = token_of(client.post(ASK, data))
    question = Question.objects.get()
    assert question.follow_token_hash == hash_token(token)
    assert token not in question.follow_token_hash
    assert token not in question.submission_key


def test_an_old_form_sent_again_opens_nothing(client):
    data = ask_data()
    client.post(ASK, data)
    Question.objects.update(created_at=timezone.now() - timedelta(hours=2))

    response = client.post(ASK, data)

    assert response.status_code == 200
    assert "Votre question est déjà envoyée" in page_text(response)
    assert "/suivi/" not in response.content.decode()
    assert Question.objects.count() == 1


def test_a_form_sent_again_after_its_link_was_replaced_opens_nothing(client):
    data = ask_data()
    client.post(ASK, data)
    Question.objects.get().new_follow_token()

    response = client.post(ASK, data)

    assert response.status_code == 200
    assert "Votre question est déjà envoyée" in page_text(response)


def test_a_forged_submission_key_is_ignored_not_refused(client):
    client.post(ASK, ask_data(submission_key="pas-une-cle"))
    client.post(ASK, ask_data(submission_key="pas-une-cle"))

    assert Question.objects.count() == 2
    assert not Question.objects.exclude(submission_key=None).exists()


def test_too_many_questions_from_one_address_are_refused_with_the_text_kept(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ask_ip": "2/h", "ask_session": "100/h"}
    for _ in range(2):
        client.cookies.clear()
        assert client.post(ASK, ask_data()).status_code == 302
    client.cookies.clear()

    response = client.post(ASK, ask_data(text="Une troisième question sur mon loyer impayé."))

    assert response.status_code == 429
    content = page_text(response)
    assert "attendez une dizaine de minutes" in content
    assert "Une troisième question sur mon loyer impayé." in content
    assert Question.objects.count() == 2


def test_too_many_questions_from_one_browser_are_refused(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ask_ip": "100/h", "ask_session": "2/10m"}
    for _ in range(2):
        assert client.post(ASK, ask_data()).status_code == 302

    response = client.post(ASK, ask_data())

    assert response.status_code == 429
    assert Question.objects.count() == 2


def test_reading_the_form_does_not_count_against_the_limit(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ask_ip": "1/h", "ask_session": "1/h"}
    for _ in range(3):
        client.get(ASK)
    assert client.post(ASK, ask_data()).status_code == 302
