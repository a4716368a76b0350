import pytest

from portail.accounts.tokens import (
    ExpiredToken,
    InvalidToken,
    make_confirmation_token,
    user_from_confirmation_token,
)
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_fresh_token_gives_back_its_account():
    user = UserFactory(unconfirmed=True)
    assert user_from_confirmation_token(make_confirmation_token(user)) == user


def test_a_token_stops_working_when_the_password_changes():
    user = UserFactory(unconfirmed=True)
    token = make_confirmation_token(user)
    user.set_password("un autre mot de passe")
    user.save()
    with pytest.raises(InvalidToken):
        user_from_confirmation_token(token)


def test_a_token_stops_working_when_the_address_changes():
    user = UserFactory(unconfirmed=True)
    token = make_confirmation_token(user)
    user.email = "autre@exemple.org"
    user.save()
    with pytest.raises(InvalidToken):
        user_from_confirmation_token(token)


def test_a_token_of_a_deleted_account_is_invalid():
    user = UserFactory(unconfirmed=True)
    token = make_confirmation_token(user)
    user.delete()
    with pytest.raises(InvalidToken):
        user_from_confirmation_token(token)


@pytest.mark.parametrize("token", ["", "n-importe-quoi", "a:b:c", "W10:1u:abc"])
def test_garbage_is_an_invalid_token(token):
    with pytest.raises(InvalidToken):
        user_from_confirmation_token(token)


def test_an_old_token_is_expired(settings):
    user = UserFactory(unconfirmed=True)
    token = make_confirmation_token(user)
    settings.ACCOUNT_CONFIRMATION_MAX_AGE = -1
    with pytest.raises(ExpiredToken):
        user_from_confirmation_token(token)
