"""Accounts nobody uses any more are deleted, as the confidentiality page promises.

An account without a sign-in for ACCOUNTS_INACTIVE_DAYS (3 years by default; the date of
creation counts for an account never used) is warned by e-mail ACCOUNTS_INACTIVE_WARNING_DAYS
before; signing in again keeps it (the warning is forgotten at the next sign-in). Still unused
when the delay is over, it is deleted through erasure.delete_account, like an account its owner
deletes: its questions and messages stay, without its name, and its groups keep a facilitator.
Staff accounts are never deleted this way. A periodic job (portail.core.periodic), idempotent:
one warning per account, and only a warned account can be deleted.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models import Q
from django.db.models.functions import Coalesce

from portail.accounts.erasure import INACTIVITY, delete_account
from portail.core.tasks import send_templated_email


def _candidates(limit):
    """Non-staff accounts whose last sign-in (or creation) is before `limit`."""
    return (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False)
        .alias(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=limit)
    )


def forget_inactive_accounts(now):
    """Warn the accounts close to the limit, delete those warned long enough ago. Returns how
    many accounts were warned or deleted."""
    inactive_days = settings.ACCOUNTS_INACTIVE_DAYS
    warning_days = settings.ACCOUNTS_INACTIVE_WARNING_DAYS
    handled = 0

    to_delete = _candidates(now - timedelta(days=inactive_days)).filter(
        inactivity_warned_at__lte=now - timedelta(days=warning_days)
    )
    for user in to_delete:
        delete_account(user, reason=INACTIVITY, now=now)
        handled += 1

    to_warn = _candidates(now - timedelta(days=inactive_days - warning_days)).filter(
        inactivity_warned_at__isnull=True
    )
    for user in to_warn.exclude(Q(email="")):
        # Marked first: a second run at the same moment finds nothing to send.
        claimed = (
            get_user_model()
            .objects.filter(pk=user.pk, inactivity_warned_at__isnull=True)
            .update(inactivity_warned_at=now)
        )
        if claimed:
            send_templated_email(
                "accounts/email/inactivity",
                {
                    "user": user,
                    "deletion_date": now + timedelta(days=warning_days),
                    "login_url": settings.SITE_URL + "/compte/connexion/",
                    "site_name": settings.SITE_NAME,
                    "site_url": settings.SITE_URL,
                },
                user.email,
            )
            handled += 1
    return handled


def _signed_in(sender, user, **kwargs):
    # From the database, not the instance: the warning was written by the job, elsewhere.
    type(user).objects.filter(pk=user.pk, inactivity_warned_at__isnull=False).update(
        inactivity_warned_at=None
    )
    user.inactivity_warned_at = None


def connect():
    user_logged_in.connect(_signed_in, dispatch_uid="accounts-inactivity-sign-in")
