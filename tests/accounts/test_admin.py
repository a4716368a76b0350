import pytest
from django.urls import reverse

from portail.accounts.models import User
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(staff=True, is_superuser=True))
    return client


def test_the_account_list_shows_email_and_roles_and_can_be_searched(admin_client):
    UserFactory(email="cherchee@exemple.org", display_name="Léa", moderator=True)
    UserFactory(email="autre@exemple.org")
    response = admin_client.get(reverse("admin:accounts_user_changelist"), {"q": "cherchee"})
    content = page_text(response)
    assert response.status_code == 200
    assert "cherchee@exemple.org" in content
    assert "autre@exemple.org" not in content
    assert "Léa" in content


@pytest.mark.parametrize("confirmed", ["oui", "non"])
def test_the_account_list_filters_on_confirmation(admin_client, confirmed):
    UserFactory(email="confirmee@exemple.org")
    UserFactory(email="attente@exemple.org", unconfirmed=True)
    response = admin_client.get(reverse("admin:accounts_user_changelist"), {"confirmee": confirmed})
    content = page_text(response)
    assert ("confirmee@exemple.org" in content) is (confirmed == "oui")
    assert ("attente@exemple.org" in content) is (confirmed == "non")


def test_staff_can_create_an_account_with_an_email_and_a_password(admin_client):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "creee@exemple.org",
            "usable_password": "true",
            "password1": "une phrase solide",
            "password2": "une phrase solide",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="creee@exemple.org")
    assert user.check_password("une phrase solide")


def test_the_account_page_shows_groups_and_organisations(admin_client):
    user = UserFactory(facilitator=True, partner=True)
    response = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    content = page_text(response)
    assert response.status_code == 200
    assert "Groupes de la personne" in content
    assert "Organisations pour lesquelles la personne parle" in content
    assert user.memberships.get().group.name in content


def test_staff_can_confirm_waiting_accounts_in_bulk(admin_client):
    waiting = UserFactory(unconfirmed=True)
    response = admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "confirm_addresses", "_selected_action": [waiting.pk]},
        follow=True,
    )
    assert "1 compte activé" in page_text(response)
    waiting.refresh_from_db()
    assert waiting.is_active
    assert waiting.email_confirmed_at is not None


def test_people_without_staff_status_cannot_open_the_account_admin(client):
    client.force_login(UserFactory(moderator=True))
    response = client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 302
