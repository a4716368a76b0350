"""iCalendar (RFC 5545) files of the agenda, written by the icalendar library: the feeds people
subscribe to (all public events, one group's, one quartier's) and the « ajouter à mon agenda »
file of one event. Times are written in UTC; every calendar application shows them in its own
time zone. The UID of an event never changes, so that a calendar updates it instead of adding
it twice. A cancelled event stays in the feeds with STATUS:CANCELLED, and « Annulé » before its
title and reason: some calendar applications show a cancelled event like any other."""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

PRODID = "-//Portail d'accès aux droits//Agenda//FR"
# An event without an end lasts this long in a calendar.
DEFAULT_LENGTH = timedelta(hours=2)


def uid(event):
    host = urlsplit(settings.SITE_URL).hostname or "portail"
    return f"evenement-{event.pk}@{host}"


def _utc(value):
    return value.astimezone(UTC)


def vevent(event):
    url = settings.SITE_URL + event.get_absolute_url()
    item = icalendar.Event()
    item.add("uid", uid(event))
    item.add("dtstamp", _utc(event.updated_at))
    item.add("created", _utc(event.created_at))
    item.add("last-modified", _utc(event.updated_at))
    item.add("dtstart", _utc(event.starts_at))
    item.add("dtend", _utc(event.ends_at or event.starts_at + DEFAULT_LENGTH))
    summary = event.title
    description = [event.description.strip()]
    if event.is_cancelled:
        summary = _("Annulé : %(title)s") % {"title": event.title}
        reason = _("ANNULÉ. Le mot des organisateurs : %(reason)s")
        description.insert(0, reason % {"reason": event.cancellation_reason})
    item.add("summary", summary)
    item.add("location", ", ".join(part for part in (event.place, event.address) if part))
    if event.accessibility:
        description.append(f"Accès : {event.accessibility.strip()}")
    description.append(url)
    item.add("description", "\n\n".join(description))
    item.add("url", url)
    item.add("categories", [str(event.get_kind_display())])
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return item


def calendar(events, name):
    """The bytes of a calendar holding `events`."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        cal.add_component(vevent(event))
    return cal.to_ical()
