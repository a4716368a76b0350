"""Links to subscribe to an iCal feed of the agenda: `webcal://`, which opens the calendar
application of the phone or computer, and the same address in https, to copy by hand where
webcal is not handled. Built from SITE_URL, like the feed links of the e-mails: the pages that
carry them are cached and shared by everyone."""

from django import template
from django.conf import settings
from django.urls import reverse

register = template.Library()


def feed_addresses(url_name, *args):
    """(https address, webcal address) of the feed `url_name`."""
    https = settings.SITE_URL + reverse(url_name, args=args)
    return https, "webcal://" + https.split("://", 1)[1]


@register.inclusion_tag("events/_abonnement.html")
def feed_links(url_name, *args, label=""):
    """`{% feed_links "events:group_feed" group.slug label=group.name %}`."""
    https, webcal = feed_addresses(url_name, *args)
    return {"https_url": https, "webcal_url": webcal, "label": label}
