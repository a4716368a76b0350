"""The e-mails of the account journey. Links are built from SITE_URL because the e-mail is
written for the background worker, which has no request to read a host from."""

from django.conf import settings
from django.urls import reverse

from portail.accounts.tokens import make_confirmation_token
from portail.core.tasks import send_templated_email


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def _context(user, **extra):
    return {
        "user": user,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "contact_email": settings.CONTACT_EMAIL,
        "max_age_days": settings.ACCOUNT_CONFIRMATION_MAX_AGE // (60 * 60 * 24),
        **extra,
    }


def send_confirmation(user):
    """The link that activates a new account."""
    link = absolute_url(reverse("accounts:confirm", args=[make_confirmation_token(user)]))
    send_templated_email(
        "accounts/email/confirmation", _context(user, confirmation_url=link), user.email
    )


def send_signup_attempt(user):
    """Someone tried to sign up with an address that already has an account: tell its owner,
    never the person in front of the form."""
    send_templated_email(
        "accounts/email/signup_attempt",
        _context(
            user,
            login_url=absolute_url(reverse("accounts:login")),
            password_reset_url=absolute_url(reverse("accounts:password_reset")),
        ),
        user.email,
    )


def send_password_reset(user, uidb64, token):
    path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uidb64, "token": token})
    send_templated_email(
        "accounts/email/password_reset",
        _context(
            user,
            reset_url=absolute_url(path),
            reset_days=settings.PASSWORD_RESET_TIMEOUT // (60 * 60 * 24),
        ),
        user.email,
    )
