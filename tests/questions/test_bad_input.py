"""Every kind of bad input on the ask form gets a clear French message, keeps the person's text
in the form, and stores nothing."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from portail.questions.models import Question
from tests.accounts.helpers import page_text
from tests.questions.factories import make_question
from tests.questions.test_ask import ASK, ask_data

pytestmark = pytest.mark.django_db


def textarea_value(response):
    match = re.search(
        r"<textarea[^>]*name=\"text\"[^>]*>(.*?)</textarea>", response.content.decode(), re.S
    )
    assert match, "le champ de texte n'est plus dans la page"
    return html.unescape(match.group(1)).strip()


def refused(client, message, **overrides):
    response = client.post(ASK, ask_data(**overrides))
    assert response.status_code == 200
    assert message in page_text(response), page_text(response)
    assert "Le formulaire n'est pas encore bon" in page_text(response)
    assert not Question.objects.exists()
    return response


@pytest.mark.parametrize("text", ["", "   ", "\n\t \r\n  "])
def test_an_empty_text_is_refused(client, text):
    refused(client, "la case est vide", text=text)


def test_a_text_that_is_too_short_says_the_minimum_and_stays_in_the_form(client):
    response = refused(client, "écrivez au moins 10 caractères (il en a 8)", text="  Aide moi  ")
    assert textarea_value(response) == "Aide moi"


def test_a_text_that_is_too_long_says_the_limit_and_stays_in_the_form(client):
    text = "Mon loyer. " * 500  # 5 500 characters

    response = refused(client, "pour une limite de 5000", text=text)

    assert "5499 caractères" in page_text(response)
    assert textarea_value(response) == text.strip()


def test_a_one_megabyte_text_gets_a_message_not_a_crash(client):
    text = "a" * 1_000_000

    response = refused(client, "Votre texte est trop long : 1000000 caractères", text=text)

    assert len(textarea_value(response)) == 1_000_000


def test_a_post_beyond_the_upload_limit_gets_the_french_bad_request_page(client):
    response = client.post(ASK, ask_data(text="a" * 3_000_000))
    assert response.status_code == 400
    assert "Code de l'erreur" in page_text(response)
    assert not Question.objects.exists()


def test_a_nul_character_is_refused_and_shown_back_without_it(client):
    response = refused(
        client,
        "caractère nul",
        text="Mon bailleur\x00 ne répare pas le chauffage.",
    )
    assert textarea_value(response) == "Mon bailleur ne répare pas le chauffage."
    assert "\x00" not in response.content.decode()


def test_control_and_bidi_override_characters_are_removed(client):
    text = "Mon\x07 loyer \u202eaugmente\u202c trop\u2066 vite,\x1b je\u2069 paie\x7f comment ?"

    response = client.post(ASK, ask_data(text=text))

    assert response.status_code == 302
    question = Question.objects.get()
    assert question.original_text == "Mon loyer augmente trop vite, je paie comment ?"
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", question.text)


def test_line_breaks_and_tabs_are_kept(client):
    client.post(ASK, ask_data(text="Bonjour,\r\n\tmon bailleur ne répond pas.\r\nMerci"))
    assert Question.objects.get().original_text == "Bonjour,\n\tmon bailleur ne répond pas.\nMerci"


def test_a_text_made_only_of_invisible_characters_counts_as_empty(client):
    refused(client, "la case est vide", text="\u202e\u202c\x07\x1b")


@pytest.mark.parametrize("text", ["😀😀😀😀😀😀😀😀😀😀😀😀", "!!!!!!!!!!!!????", "1234567890 12"])
def test_a_text_without_words_is_refused(client, text):
    response = refused(client, "Écrivez au moins quelques mots", text=text)
    assert textarea_value(response) == text


def test_html_and_javascript_are_stored_as_text_and_shown_escaped(client):
    text = (
        '<script>alert("x")</script> <b>Mon bailleur</b> ne répond pas <img src=x onerror=alert(1)>'
    )

    response = client.post(ASK, ask_data(text=text))
    receipt = client.get(response.url)

    question = Question.objects.get()
    assert question.original_text == text
    content = receipt.content.decode()
    assert "&lt;script&gt;" in content
    assert "<script>alert" not in content
    assert "<img src=x" not in content
    assert "<b>Mon bailleur</b>" not in content


def test_html_is_escaped_when_the_form_comes_back_with_an_error(client):
    response = refused(
        client, "Ce thème n'existe pas", text="<script>alert(1)</script> aidez moi", theme="999999"
    )
    content = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; aidez moi" in content
    assert "<script>alert(1)" not in content


@pytest.mark.parametrize("theme", ["999999", "abc", "-1", "1 OR 1=1"])
def test_a_forged_theme_is_refused_in_french(client, theme):
    response = refused(
        client, "Ce thème n'existe pas. Choisissez-en un dans la liste.", theme=theme
    )
    assert "ne me rend pas ma caution" in textarea_value(response)


@pytest.mark.parametrize("quartier", ["999999", "quartier"])
def test_a_forged_quartier_is_refused_in_french(client, quartier):
    refused(client, "Ce quartier n'existe pas. Choisissez-en un dans la liste.", quartier=quartier)


@pytest.mark.parametrize("kind", ["", "plainte"])
def test_a_wrong_kind_is_refused_in_french(client, kind):
    refused(client, "Choisissez « question » ou « témoignage ».", kind=kind)


def test_a_wrong_email_is_refused_in_french(client):
    response = refused(client, "Cette adresse e-mail n'est pas complète", email="samia@")
    assert 'value="samia@"' in response.content.decode()


def test_a_post_without_the_csrf_token_gets_the_french_expired_form_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post(ASK, ask_data())

    assert response.status_code == 403
    assert "Le formulaire n'a pas pu être envoyé" in page_text(response)
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    "token",
    ["pas-le-bon-lien", "a" * 32, "x" * 500, "%00", "..%2F..%2Fadmin"],
)
def test_a_wrong_follow_up_token_is_not_found(client, token):
    make_question(published=True)
    assert client.get(f"/suivi/{token}/").status_code == 404
    assert client.post(f"/suivi/{token}/", {"action": "resolue"}).status_code == 404


def test_a_replaced_follow_up_token_no_longer_works(client):
    question, old_token = make_question(answered=True)
    new_token = question.new_follow_token()

    assert client.get(reverse("questions:follow", args=[old_token])).status_code == 404
    assert client.get(reverse("questions:follow", args=[new_token])).status_code == 200
