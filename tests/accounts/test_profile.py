import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.places.factories import QuartierFactory

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={PROFILE}"


def test_my_profile_shows_my_address_my_data_and_the_password_link(client):
    user = UserFactory(email="moi@exemple.org", display_name="Nadia")
    client.force_login(user)
    response = client.get(PROFILE)
    content = page_text(response)
    assert response.status_code == 200
    assert "moi@exemple.org" in content
    assert 'value="Nadia"' in content
    assert reverse("accounts:password_change") in content
    assert "Vos données" in content
    assert reverse("core:confidentialite") in content


def test_i_can_change_my_pseudonym_and_quartier(client):
    user = UserFactory(display_name="Nadia")
    quartier = QuartierFactory()
    client.force_login(user)
    response = client.post(PROFILE, {"display_name": "N.", "quartier": quartier.pk}, follow=True)
    assert "Votre profil est enregistré" in page_text(response)
    user.refresh_from_db()
    assert user.display_name == "N."
    assert user.quartier == quartier


def test_i_can_stop_saying_where_i_live(client):
    user = UserFactory(quartier=QuartierFactory())
    client.force_login(user)
    client.post(PROFILE, {"display_name": user.display_name, "quartier": ""})
    user.refresh_from_db()
    assert user.quartier is None


def test_the_profile_form_cannot_change_anything_else_or_anyone_else(client):
    user = UserFactory(email="moi@exemple.org")
    other = UserFactory(display_name="Autre")
    client.force_login(user)
    client.post(
        PROFILE,
        {
            "display_name": "Moi",
            "quartier": "",
            "email": "vol@exemple.org",
            "is_moderator": "on",
            "is_staff": "on",
            "id": other.pk,
        },
    )
    user.refresh_from_db()
    other.refresh_from_db()
    assert user.display_name == "Moi"
    assert user.email == "moi@exemple.org"
    assert not user.is_moderator
    assert not user.is_staff
    assert other.display_name == "Autre"


def test_a_too_long_pseudonym_is_refused_and_kept(client):
    client.force_login(UserFactory())
    response = client.post(PROFILE, {"display_name": "x" * 61, "quartier": ""})
    content = page_text(response)
    assert response.status_code == 200
    assert 'aria-invalid="true"' in content
    assert "x" * 61 in content


def test_an_unknown_quartier_is_refused_in_french(client):
    client.force_login(UserFactory())
    response = client.post(PROFILE, {"display_name": "Moi", "quartier": "999999"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in page_text(response)


def test_the_short_name_never_comes_from_the_email_address():
    user = UserFactory.build(email="jean.dupont@example.org", display_name="")
    assert "jean" not in user.get_short_name().lower()
    user.display_name = "Fatou"
    assert user.get_short_name() == "Fatou"
