"""The agenda's files: iCal feeds (all public events, one group's, one quartier's), the « ajouter
à mon agenda » file of one event, and the printable poster (PDF, A4) with its QR code.

A feed is read by calendar applications without any account: it only ever holds public events
(`Event.objects.public()`: never an event of a private group or one kept for members)."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from portail.core.page_cache import public_page
from portail.core.pdf import pdf_rate, render_pdf
from portail.events import ical
from portail.events.models import Event
from portail.events.poster import qr_svg
from portail.events.views import visible_event
from portail.groups.models import Group
from portail.places.models import Quartier

# A feed keeps the recent past (people look back at what they went to) and a bounded size.
FEED_PAST = timedelta(days=60)
FEED_LIMIT = 500


def _calendar_response(content, filename, attachment=False):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _feed(events, name, filename):
    since = timezone.now() - FEED_PAST
    events = events.public().filter(starts_at__gte=since).order_by("starts_at", "id")
    return _calendar_response(ical.calendar(events[:FEED_LIMIT], name), filename)


@public_page
def feed(request):
    return _feed(
        Event.objects.all(), _("Agenda — %(site)s") % {"site": settings.SITE_NAME}, "agenda.ics"
    )


@public_page
def group_feed(request, slug):
    group = get_object_or_404(Group.objects.public(), slug=slug)
    return _feed(
        Event.objects.filter(groups=group),
        _("Agenda — %(group)s") % {"group": group.name},
        f"agenda-{group.slug}.ics",
    )


@public_page
def quartier_feed(request, slug):
    quartier = get_object_or_404(Quartier.objects.select_related("commune"), slug=slug)
    return _feed(
        Event.objects.filter(quartier=quartier),
        _("Agenda — %(quartier)s") % {"quartier": quartier},
        f"agenda-{quartier.slug}.ics",
    )


@public_page
def event_ics(request, slug):
    event = visible_event(request, slug)
    return _calendar_response(
        ical.calendar([event], event.title), f"{event.slug}.ics", attachment=True
    )


@public_page
@ratelimit(key="ip", rate=pdf_rate, block=True)
def poster(request, slug):
    event = visible_event(request, slug)
    url = settings.SITE_URL + event.get_absolute_url()
    context = {
        "event": event,
        "groups": list(event.groups.all()),
        "url": url,
        "qr": qr_svg(url),
        "site_name": settings.SITE_NAME,
    }
    pdf = render_pdf(
        "events/affiche.html", context, request=request, stylesheets=["css/pdf-evenement.css"]
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="affiche-{event.slug}.pdf"'
    return response
