import pytest
from django.contrib.auth import SESSION_KEY
from django.test import override_settings
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.helpers import only_mail_to, page_text, path_of_link

pytestmark = pytest.mark.django_db

RESET = reverse("accounts:password_reset")
CHANGE = reverse("accounts:password_change")
NEW_PASSWORD = "un tout nouveau secret"


def ask_for_reset(client, send_mails, email):
    with send_mails():
        return client.post(RESET, {"email": email})


def test_the_reset_page_lives_under_mot_de_passe(client):
    assert RESET == "/compte/mot-de-passe/"
    response = client.get(RESET)
    assert response.status_code == 200
    assert "Mot de passe oublié" in page_text(response)


def test_asking_for_a_reset_sends_a_link_through_the_task(client, send_mails, mailoutbox):
    user = UserFactory(email="camille@exemple.org")
    response = ask_for_reset(client, send_mails, "Camille@exemple.org")

    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    message = only_mail_to(user.email)
    assert "nouveau mot de passe" in message.subject
    assert "/compte/mot-de-passe/nouveau/" in message.body
    assert "Bonjour" in message.body


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, send_mails, mailoutbox):
    response = ask_for_reset(client, send_mails, "inconnue@exemple.org")
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert mailoutbox == []


def test_a_closed_account_gets_no_reset_link(client, send_mails, mailoutbox):
    UserFactory(email="ferme@exemple.org", is_active=False)
    ask_for_reset(client, send_mails, "ferme@exemple.org")
    assert mailoutbox == []


def test_the_whole_reset_journey_sets_the_new_password_and_signs_in(client, send_mails, mailoutbox):
    user = UserFactory()
    ask_for_reset(client, send_mails, user.email)
    link = path_of_link(only_mail_to(user.email), "/compte/mot-de-passe/nouveau/")

    form_page = client.get(link, follow=True)
    assert "Choisir un nouveau mot de passe" in page_text(form_page)
    form_url = form_page.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("accounts:password_reset_complete")
    assert "votre mot de passe est changé" in page_text(response)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert int(client.session[SESSION_KEY]) == user.pk


def test_a_reset_link_works_only_once(client, send_mails, mailoutbox):
    user = UserFactory()
    ask_for_reset(client, send_mails, user.email)
    link = path_of_link(only_mail_to(user.email), "/compte/mot-de-passe/nouveau/")
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.cookies.clear()

    response = client.get(link, follow=True)

    assert "Ce lien ne marche plus" in page_text(response)
    assert reverse("accounts:password_reset") in page_text(response)


def test_a_weak_new_password_is_refused_in_french(client, send_mails, mailoutbox):
    user = UserFactory()
    ask_for_reset(client, send_mails, user.email)
    link = path_of_link(only_mail_to(user.email), "/compte/mot-de-passe/nouveau/")
    form_url = client.get(link, follow=True).redirect_chain[-1][0]

    response = client.post(form_url, {"new_password1": "azerty", "new_password2": "azerty"})

    assert response.status_code == 200
    assert "trop court" in page_text(response)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_reset_activates_an_account_still_waiting_for_confirmation(
    client, send_mails, mailoutbox
):
    user = UserFactory(unconfirmed=True)
    ask_for_reset(client, send_mails, user.email)
    link = path_of_link(only_mail_to(user.email), "/compte/mot-de-passe/nouveau/")
    form_url = client.get(link, follow=True).redirect_chain[-1][0]

    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    user.refresh_from_db()
    assert user.is_active
    assert user.email_confirmed_at is not None


def test_a_reset_lifts_a_lockout_on_the_account(client, send_mails, mailoutbox, settings):
    user = UserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("accounts:login"),
            {"username": user.email, "password": "mauvais"},
            REMOTE_ADDR="10.0.0.9",
        )
    ask_for_reset(client, send_mails, user.email)
    link = path_of_link(only_mail_to(user.email), "/compte/mot-de-passe/nouveau/")
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.cookies.clear()

    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": NEW_PASSWORD}
    )

    assert response.status_code == 302


def test_a_bad_reset_link_gets_a_clear_page(client):
    response = client.get(
        reverse("accounts:password_reset_confirm", args=["MQ", "faux-jeton"]), follow=True
    )
    assert response.status_code == 200
    assert "Ce lien ne marche plus" in page_text(response)


@override_settings(RATE_LIMITS={"login": "2/h", "signup": "2/h", "password_reset": "2/h"})
def test_reset_requests_are_rate_limited(client, send_mails):
    for _ in range(2):
        assert ask_for_reset(client, send_mails, "x@exemple.org").status_code == 302
    response = ask_for_reset(client, send_mails, "x@exemple.org")
    assert response.status_code == 429
    assert "Trop de tentatives" in page_text(response)


# --- Changing the password while signed in -------------------------------------------------------


def test_changing_the_password_needs_to_be_signed_in(client):
    response = client.get(CHANGE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_changing_the_password_keeps_me_signed_in(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        CHANGE,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    assert "Votre nouveau mot de passe est enregistré" in page_text(response)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert int(client.session[SESSION_KEY]) == user.pk
    assert client.get(reverse("accounts:espace")).status_code == 200


def test_the_current_password_must_be_right_to_change_it(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        CHANGE,
        {
            "old_password": "pas le bon",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "Ce n'est pas votre mot de passe actuel" in page_text(response)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
