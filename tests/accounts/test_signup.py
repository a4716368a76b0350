import time
from unittest import mock

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import override_settings
from django.urls import reverse

from portail.accounts.models import User
from portail.accounts.tokens import make_confirmation_token
from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.helpers import only_mail_to, page_text, path_of_link, without_csrf_tokens
from tests.places.factories import QuartierFactory

pytestmark = pytest.mark.django_db

SIGNUP = reverse("accounts:signup")
NEW_PASSWORD = "une phrase facile à retenir"


def signup_data(**overrides):
    data = {
        "email": "nouvelle@exemple.org",
        "display_name": "Samia",
        "quartier": "",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "accept_privacy": "on",
    }
    data.update(overrides)
    return data


def test_the_signup_page_offers_every_field_in_french(client):
    quartier = QuartierFactory(name="Montreynaud")
    response = client.get(SIGNUP)
    content = page_text(response)
    assert response.status_code == 200
    assert "Adresse e-mail" in content
    assert "Pseudonyme (facultatif)" in content
    assert "Je préfère ne pas le dire" in content
    assert "Montreynaud" in content
    assert f'value="{quartier.pk}"' in content
    assert reverse("core:confidentialite") in content


def test_signing_up_creates_an_inactive_account_and_sends_a_confirmation_link(
    client, send_mails, mailoutbox
):
    quartier = QuartierFactory()
    with send_mails():
        response = client.post(SIGNUP, signup_data(quartier=quartier.pk))

    assert response.status_code == 302
    assert response.url == reverse("accounts:signup_done")
    user = User.objects.get(email="nouvelle@exemple.org")
    assert not user.is_active
    assert user.email_confirmed_at is None
    assert user.display_name == "Samia"
    assert user.quartier == quartier
    assert user.check_password(NEW_PASSWORD)
    message = only_mail_to("nouvelle@exemple.org")
    assert "Activez votre compte" in message.subject
    assert "/compte/confirmer/" in message.body
    assert "&#x27;" not in message.subject + message.body
    assert SESSION_KEY not in client.session


def test_the_check_your_emails_page_shows_the_address_typed(client, send_mails):
    with send_mails():
        response = client.post(SIGNUP, signup_data(), follow=True)
    content = page_text(response)
    assert "regardez vos e-mails" in content
    assert "nouvelle@exemple.org" in content


def test_the_confirmation_link_activates_the_account_and_signs_in(client, send_mails, mailoutbox):
    with send_mails():
        client.post(SIGNUP, signup_data())
    link = path_of_link(only_mail_to("nouvelle@exemple.org"), "/compte/confirmer/")

    response = client.get(link, follow=True)

    user = User.objects.get(email="nouvelle@exemple.org")
    assert user.is_active
    assert user.email_confirmed_at is not None
    assert response.redirect_chain[-1][0] == reverse("accounts:espace")
    assert int(client.session[SESSION_KEY]) == user.pk
    assert "Votre compte est activé" in page_text(response)


def test_a_confirmation_link_does_not_sign_in_a_second_time(client, send_mails, mailoutbox):
    with send_mails():
        client.post(SIGNUP, signup_data())
    link = path_of_link(only_mail_to("nouvelle@exemple.org"), "/compte/confirmer/")
    client.get(link)
    client.cookies.clear()

    response = client.get(link, follow=True)

    assert response.redirect_chain[-1][0] == reverse("accounts:login")
    assert "déjà confirmée" in page_text(response)
    assert SESSION_KEY not in client.session


def test_an_address_already_registered_gets_a_warning_and_no_second_account(
    client, send_mails, mailoutbox
):
    owner = UserFactory(email="deja@exemple.org")
    with send_mails():
        response = client.post(SIGNUP, signup_data(email="Deja@Exemple.org"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("accounts:signup_done")
    assert "regardez vos e-mails" in page_text(response)
    assert User.objects.filter(email__iexact="deja@exemple.org").count() == 1
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)
    assert owner.display_name != "Samia"
    message = only_mail_to("deja@exemple.org")
    assert "déjà un compte" in message.subject
    assert "/compte/connexion/" in message.body
    assert "/compte/mot-de-passe/" in message.body
    assert "/compte/confirmer/" not in message.body


def test_the_page_is_the_same_whether_or_not_the_address_is_registered(client, send_mails):
    UserFactory(email="deja@exemple.org")
    with send_mails():
        known = client.post(SIGNUP, signup_data(email="deja@exemple.org"), follow=True)
    client.session.flush()
    with send_mails():
        unknown = client.post(SIGNUP, signup_data(email="inconnue@exemple.org"), follow=True)
    assert known.status_code == unknown.status_code == 200

    def anonymised(response, local_part):
        return without_csrf_tokens(page_text(response).replace(local_part, "X"))

    assert anonymised(known, "deja") == anonymised(unknown, "inconnue")


def test_signing_up_again_while_pending_sends_a_new_link_and_voids_the_old_one(
    client, send_mails, mailoutbox
):
    with send_mails():
        client.post(
            SIGNUP, signup_data(password1="premier mot de passe", password2="premier mot de passe")
        )
    old_link = path_of_link(mailoutbox[0], "/compte/confirmer/")
    with send_mails():
        client.post(SIGNUP, signup_data(display_name="Sam"))
    new_link = path_of_link(mailoutbox[1], "/compte/confirmer/")

    assert User.objects.filter(email="nouvelle@exemple.org").count() == 1
    assert client.get(old_link).status_code == 400
    client.get(new_link)
    user = User.objects.get(email="nouvelle@exemple.org")
    assert user.is_active
    assert user.display_name == "Sam"
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "pas-une-adresse"}, "email", "n'est pas complète"),
        ({"email": ""}, "email", "Écrivez votre adresse e-mail."),
        ({"password1": "court", "password2": "court"}, "password2", "trop court"),
        ({"password1": "12345678901", "password2": "12345678901"}, "password2", "numérique"),
        ({"password2": "autre chose encore"}, "password2", "ne sont pas les mêmes"),
        ({"accept_privacy": ""}, "accept_privacy", "cochez la case"),
    ],
)
def test_bad_input_keeps_the_answers_and_explains_in_french(
    client, overrides, field, message, mailoutbox
):
    data = signup_data(**overrides)
    response = client.post(SIGNUP, data)
    content = page_text(response)

    assert response.status_code == 200
    assert message in content
    assert f'id="id_{field}_error"' in content
    assert 'aria-invalid="true"' in content
    assert "Le formulaire n'est pas encore bon" in content
    assert 'value="Samia"' in content
    if data["email"]:
        assert f'value="{data["email"]}"' in content
    assert NEW_PASSWORD not in content
    assert not User.objects.exists()
    assert mailoutbox == []


def test_a_signed_in_person_is_sent_to_their_space(client):
    client.force_login(UserFactory())
    response = client.get(SIGNUP)
    assert response.status_code == 302
    assert response.url == reverse("accounts:espace")


# --- Bad links ------------------------------------------------------------------------------------


def test_a_damaged_link_gets_a_clear_page_offering_a_new_one(client):
    user = UserFactory(unconfirmed=True)
    token = make_confirmation_token(user)

    response = client.get(reverse("accounts:confirm", args=[token[:-3] + "abc"]))

    content = page_text(response)
    assert response.status_code == 400
    assert "Ce lien ne marche pas" in content
    assert reverse("accounts:resend_confirmation") in content
    user.refresh_from_db()
    assert not user.is_active


def test_an_expired_link_says_so_and_offers_a_new_one(client, settings):
    user = UserFactory(unconfirmed=True)
    long_ago = time.time() - settings.ACCOUNT_CONFIRMATION_MAX_AGE - 60
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        token = make_confirmation_token(user)

    response = client.get(reverse("accounts:confirm", args=[token]))

    content = page_text(response)
    assert response.status_code == 400
    assert "Ce lien est trop ancien" in content
    assert "Recevoir un nouvel e-mail" in content
    user.refresh_from_db()
    assert not user.is_active
    assert SESSION_KEY not in client.session


# --- Resending the confirmation -------------------------------------------------------------------

RESEND = reverse("accounts:resend_confirmation")


def test_resending_gives_a_pending_account_a_working_link(client, send_mails, mailoutbox):
    user = UserFactory(unconfirmed=True, email="attente@exemple.org")
    with send_mails():
        response = client.post(RESEND, {"email": "Attente@exemple.org"})
    assert response.status_code == 200
    assert "un nouvel e-mail vient de partir" in page_text(response)

    client.get(path_of_link(only_mail_to("attente@exemple.org"), "/compte/confirmer/"))
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.parametrize("kind", ["unknown", "confirmed", "closed"])
def test_resending_answers_the_same_without_sending_anything_else(
    client, send_mails, mailoutbox, kind
):
    if kind == "confirmed":
        UserFactory(email="adresse@exemple.org")
    elif kind == "closed":
        UserFactory(email="adresse@exemple.org", is_active=False)
    with send_mails():
        response = client.post(RESEND, {"email": "adresse@exemple.org"})
    assert response.status_code == 200
    assert "un nouvel e-mail vient de partir" in page_text(response)
    assert mailoutbox == []


def test_resending_with_a_bad_address_explains_the_mistake(client):
    response = client.post(RESEND, {"email": "adresse.exemple.org"})
    content = page_text(response)
    assert response.status_code == 200
    assert "n'est pas complète" in content
    assert 'value="adresse.exemple.org"' in content


def test_the_resend_form_is_prefilled_from_the_link(client):
    response = client.get(RESEND, {"email": "moi@exemple.org"})
    assert 'value="moi@exemple.org"' in page_text(response)


# --- Rate limits ----------------------------------------------------------------------------------

LOW_RATES = {"login": "2/h", "signup": "2/h", "password_reset": "2/h"}


@override_settings(RATE_LIMITS=LOW_RATES)
def test_signup_posts_are_rate_limited_per_address(client, send_mails):
    for n in range(2):
        with send_mails():
            assert client.post(SIGNUP, signup_data(email=f"n{n}@exemple.org")).status_code == 302
    with send_mails():
        response = client.post(SIGNUP, signup_data(email="n3@exemple.org"))
    assert response.status_code == 429
    assert "Trop de tentatives" in page_text(response)
    assert not User.objects.filter(email="n3@exemple.org").exists()


@override_settings(RATE_LIMITS=LOW_RATES)
def test_resend_posts_are_rate_limited_per_address(client, send_mails):
    for _ in range(2):
        with send_mails():
            assert client.post(RESEND, {"email": "x@exemple.org"}).status_code == 200
    with send_mails():
        response = client.post(RESEND, {"email": "x@exemple.org"})
    assert response.status_code == 429
    assert "Trop de tentatives" in page_text(response)
