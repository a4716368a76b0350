import pytest
from axes.utils import reset as reset_lockout
from django.contrib.auth import SESSION_KEY
from django.test import override_settings
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.helpers import page_text

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
LOGOUT = reverse("accounts:logout")
ESPACE = reverse("accounts:espace")
WRONG_MESSAGE = "L'adresse e-mail ou le mot de passe n'est pas le bon"


def log_in(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": email, "password": password, **extra})


def test_the_login_page_asks_for_an_email_address(client):
    response = client.get(LOGIN)
    content = page_text(response)
    assert response.status_code == 200
    assert '<label for="id_username">Adresse e-mail' in content
    assert 'type="email" name="username"' in content
    assert reverse("accounts:password_reset") in content
    assert reverse("accounts:signup") in content


def test_the_right_password_signs_in_and_lands_on_my_space(client):
    user = UserFactory()
    response = log_in(client, user.email)
    assert response.status_code == 302
    assert response.url == ESPACE
    assert int(client.session[SESSION_KEY]) == user.pk


def test_the_address_is_not_case_sensitive(client):
    user = UserFactory(email="camille@exemple.org")
    response = log_in(client, "  Camille@Exemple.ORG ")
    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == user.pk


def test_login_follows_a_safe_next_address(client):
    user = UserFactory()
    response = log_in(client, user.email, next=reverse("accounts:profile"))
    assert response.url == reverse("accounts:profile")


def test_login_ignores_a_next_address_on_another_site(client):
    user = UserFactory()
    response = log_in(client, user.email, next="https://arnaque.example/")
    assert response.url == ESPACE


def test_the_login_page_keeps_next_in_the_form(client):
    response = client.get(LOGIN, {"next": "/compte/profil/"})
    assert 'name="next" value="/compte/profil/"' in response.content.decode()


def test_a_wrong_password_is_explained_and_keeps_the_address(client):
    user = UserFactory(email="camille@exemple.org")
    response = log_in(client, user.email, "pas le bon mot de passe")
    content = page_text(response)
    assert response.status_code == 200
    assert WRONG_MESSAGE in content
    assert 'value="camille@exemple.org"' in content
    assert "pas le bon mot de passe" not in content
    assert SESSION_KEY not in client.session


def test_an_unknown_address_gets_the_same_message_as_a_wrong_password(client):
    response = log_in(client, "personne@nulle-part.example")
    assert WRONG_MESSAGE in page_text(response)
    assert "pas encore activé" not in page_text(response)


def test_empty_fields_are_explained(client):
    response = client.post(LOGIN, {"username": "", "password": ""})
    content = page_text(response)
    assert "Écrivez votre adresse e-mail." in content
    assert "Écrivez votre mot de passe." in content


def test_an_unconfirmed_account_with_its_password_is_told_to_confirm_and_can_resend(client):
    user = UserFactory(unconfirmed=True, email="attente@exemple.org")
    response = log_in(client, user.email)
    content = page_text(response)
    assert response.status_code == 200
    assert "Votre compte n'est pas encore activé" in content
    assert f"{reverse('accounts:resend_confirmation')}?email=attente%40exemple.org" in content
    assert SESSION_KEY not in client.session


def test_an_unconfirmed_account_is_not_revealed_without_its_password(client):
    user = UserFactory(unconfirmed=True)
    response = log_in(client, user.email, "pas le bon mot de passe")
    content = page_text(response)
    assert WRONG_MESSAGE in content
    assert "pas encore activé" not in content


def test_a_closed_account_is_told_so(client):
    user = UserFactory(is_active=False)
    response = log_in(client, user.email)
    assert "Ce compte a été désactivé" in page_text(response)
    assert SESSION_KEY not in client.session


def test_a_signed_in_person_visiting_login_goes_to_their_space(client):
    client.force_login(UserFactory())
    response = client.get(LOGIN)
    assert response.status_code == 302
    assert response.url == ESPACE


# --- Logout ---------------------------------------------------------------------------------------


def test_logout_by_get_only_shows_a_confirmation_button(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get(LOGOUT)
    content = response.content.decode()
    assert response.status_code == 200
    assert f'<form method="post" action="{LOGOUT}"' in content
    assert "Me déconnecter" in content
    assert int(client.session[SESSION_KEY]) == user.pk


def test_logout_by_post_signs_out_and_says_so(client):
    client.force_login(UserFactory())
    response = client.post(LOGOUT, follow=True)
    assert response.redirect_chain[-1][0] == reverse("core:home")
    assert "Vous êtes déconnecté" in page_text(response)
    assert SESSION_KEY not in client.session


def test_an_anonymous_visitor_on_logout_goes_home(client):
    response = client.get(LOGOUT)
    assert response.status_code == 302
    assert response.url == reverse("core:home")


def test_my_space_and_profile_offer_the_logout_button(client):
    client.force_login(UserFactory())
    for url in (ESPACE, reverse("accounts:profile")):
        assert f'<form method="post" action="{LOGOUT}"' in client.get(url).content.decode()


# --- Lockout (django-axes) -----------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, settings):
    user = UserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, user.email, "mauvais mot de passe").status_code == 200
    assert log_in(client, user.email, "mauvais mot de passe").status_code == 429

    response = log_in(client, user.email)

    assert response.status_code == 429
    assert "Trop de tentatives" in page_text(response)
    assert SESSION_KEY not in client.session


def test_the_lockout_applies_to_the_account_from_another_address(client, settings):
    user = UserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, user.email, "mauvais mot de passe", REMOTE_ADDR="10.0.0.1")
    response = client.post(
        LOGIN, {"username": user.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert response.status_code == 429


def test_the_account_can_sign_in_again_once_the_lockout_is_lifted(client, settings):
    user = UserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, user.email, "mauvais mot de passe")
    assert log_in(client, user.email).status_code == 429

    reset_lockout(username=user.email)
    reset_lockout(ip="127.0.0.1")

    response = log_in(client, user.email)
    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == user.pk


# --- Rate limits (django-ratelimit) -------------------------------------------------------------

LOW_RATES = {"login": "2/h", "signup": "2/h", "password_reset": "2/h"}


@override_settings(RATE_LIMITS=LOW_RATES)
def test_login_posts_are_rate_limited_per_address(client):
    user = UserFactory()
    for _ in range(2):
        log_in(client, user.email, "mauvais mot de passe")
    response = log_in(client, user.email)
    assert response.status_code == 429
    assert "Trop de tentatives" in page_text(response)
    assert SESSION_KEY not in client.session


@override_settings(RATE_LIMITS=LOW_RATES)
def test_reading_the_login_page_is_not_rate_limited(client):
    for _ in range(3):
        assert client.get(LOGIN).status_code == 200
