"""E-mails to the people registered. Only a contact that is an e-mail address gets them; each
carries the private link, where the person sees their place and may cancel it."""

from django.conf import settings
from django.urls import reverse

from portail.core.tasks import send_templated_email


def _context(registration, **extra):
    return {
        "registration": registration,
        "event": registration.event,
        "link": settings.SITE_URL + registration.get_absolute_url(),
        "event_url": settings.SITE_URL + registration.event.get_absolute_url(),
        "site_name": settings.SITE_NAME,
        **extra,
    }


def _send(prefix, registration, **extra):
    if not registration.email:
        return False
    send_templated_email(
        f"events/email/{prefix}", _context(registration, **extra), to=registration.email
    )
    return True


def registered(registration):
    """Confirmed or on the waitlist: the link to keep."""
    return _send("inscription", registration)


def promoted(registration):
    """A place was freed and it is theirs."""
    return _send("place_liberee", registration)


def reminder(registration):
    """The day before."""
    return _send("rappel", registration)


def event_changed(registration, changes):
    """The date, the time or the place changed."""
    return _send("changement", registration, changes=changes)


def event_cancelled(registration):
    """The organisers cancelled the event; the reason is in the e-mail."""
    return _send(
        "annulation", registration, agenda_url=settings.SITE_URL + reverse("events:agenda")
    )
