"""Signed, expiring links that confirm an e-mail address at sign-up.

The token carries the account id and a fingerprint of the account's current password hash and
address. Signing up again with the same pending address sets a new password, so any link sent
before that stops working: only the person who reads that mailbox can finish a sign-up, and
nobody can prepare an account in someone else's name and take it over once it is confirmed.
"""

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from portail.accounts.models import User

SALT = "portail.accounts.confirmation"


class InvalidToken(Exception):
    """The link is damaged, was replaced by a newer one, or its account is gone."""


class ExpiredToken(InvalidToken):
    """The link was genuine but is older than ACCOUNT_CONFIRMATION_MAX_AGE."""


def _fingerprint(user):
    value = f"{user.pk}:{user.password}:{user.email}"
    return salted_hmac(SALT, value, algorithm="sha256").hexdigest()[:24]


def make_confirmation_token(user):
    return signing.dumps([user.pk, _fingerprint(user)], salt=SALT)


def user_from_confirmation_token(token):
    try:
        user_id, fingerprint = signing.loads(
            token, salt=SALT, max_age=settings.ACCOUNT_CONFIRMATION_MAX_AGE
        )
    except signing.SignatureExpired as exc:
        raise ExpiredToken from exc
    except (signing.BadSignature, TypeError, ValueError) as exc:
        raise InvalidToken from exc
    user = User.objects.filter(pk=user_id).first()
    if user is None or not constant_time_compare(fingerprint, _fingerprint(user)):
        raise InvalidToken
    return user
