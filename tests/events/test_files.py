"""The agenda's files: iCal feeds and « ajouter à mon agenda » parsed back with icalendar,
never an event of a private group in a public feed; the poster's PDF with its QR code."""

import shutil
import subprocess
from datetime import UTC, datetime, time, timedelta

import icalendar
import pytest
import segno
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portail.events.poster import qr_svg
from tests.events.factories import EventFactory
from tests.groups.factories import GroupFactory
from tests.letters.pdf_text import pdf_page_size, pdf_text
from tests.places.factories import QuartierFactory

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events_of(calendar):
    return {str(item["SUMMARY"]): item for item in calendar.walk("VEVENT")}


@pytest.fixture
def event(settings):
    settings.SITE_URL = "https://droits.example.org"
    day = timezone.localdate() + timedelta(days=5)
    return EventFactory(
        title="Restitution : le jeu de l'oie",
        starts_at=timezone.make_aware(datetime.combine(day, time(18, 30))),
        ends_at=timezone.make_aware(datetime.combine(day, time(20, 0))),
        place="Maison de quartier, salle 2",
        address="1 place du Marché",
        description="On joue ensemble ; venez, c'est gratuit.",
    )


def test_the_event_file_parses_back_with_its_summary_start_place_and_a_stable_uid(client, event):
    url = reverse("events:ics", args=[event.slug])
    response = client.get(url)

    calendar = parse(response)
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    (item,) = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == "Restitution : le jeu de l'oie"
    assert item.decoded("DTSTART") == event.starts_at.astimezone(UTC)
    assert item.decoded("DTEND") == event.ends_at.astimezone(UTC)
    assert str(item["LOCATION"]) == "Maison de quartier, salle 2, 1 place du Marché"
    assert str(item["URL"]) == "https://droits.example.org" + event.get_absolute_url()
    assert "venez, c'est gratuit." in str(item["DESCRIPTION"])
    assert str(item["UID"]) == f"evenement-{event.pk}@droits.example.org"
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar

    event.title = "Restitution déplacée"
    event.starts_at += timedelta(days=1)
    event.save()
    (moved,) = parse(client.get(url)).walk("VEVENT")
    assert str(moved["UID"]) == str(item["UID"])
    assert moved.decoded("DTSTART") == item.decoded("DTSTART") + timedelta(days=1)


def test_the_global_feed_holds_public_events_only(client, event):
    private_group = GroupFactory(is_public=False)
    public_group = GroupFactory()
    EventFactory(title="Réunion du groupe privé", groups=[private_group])
    EventFactory(title="Co-organisé avec un groupe privé", groups=[public_group, private_group])
    EventFactory(title="Réservé aux membres", is_public=False, groups=[public_group])
    EventFactory(title="Il y a longtemps", starts_at=timezone.now() - timedelta(days=200))

    response = client.get(reverse("events:feed"))

    assert response["Content-Disposition"] == 'inline; filename="agenda.ics"'
    assert set(events_of(parse(response))) == {"Restitution : le jeu de l'oie"}


def test_the_feeds_are_the_same_for_a_member_of_the_private_group(client, event):
    private_group = GroupFactory(is_public=False)
    EventFactory(title="Réunion du groupe privé", groups=[private_group])
    from tests.groups.factories import MembershipFactory

    client.force_login(MembershipFactory(group=private_group).user)
    assert "Réunion du groupe privé" not in events_of(parse(client.get(reverse("events:feed"))))


def test_a_group_feed_holds_that_group_s_public_events(client, event):
    group = GroupFactory(slug="groupe-logement")
    event.groups.set([group])
    EventFactory(title="Un autre groupe", groups=[GroupFactory()])
    EventFactory(title="Entre membres", is_public=False, groups=[group])

    calendar = parse(client.get(reverse("events:group_feed", args=["groupe-logement"])))

    assert set(events_of(calendar)) == {"Restitution : le jeu de l'oie"}
    assert str(calendar["X-WR-CALNAME"]) == f"Agenda — {group.name}"


def test_a_private_group_has_no_feed(client):
    private_group = GroupFactory(is_public=False)
    EventFactory(groups=[private_group])
    url = reverse("events:group_feed", args=[private_group.slug])
    assert client.get(url).status_code == 404


def test_a_quartier_feed_holds_that_quartier_s_public_events(client, event):
    montreynaud = QuartierFactory(name="Montreynaud", slug="montreynaud")
    event.quartier = montreynaud
    event.save()
    EventFactory(title="Ailleurs", quartier=QuartierFactory())
    EventFactory(title="Privé", quartier=montreynaud, is_public=False)

    calendar = parse(client.get(reverse("events:quartier_feed", args=["montreynaud"])))

    assert set(events_of(calendar)) == {"Restitution : le jeu de l'oie"}
    assert client.get(reverse("events:quartier_feed", args=["inconnu"])).status_code == 404


# --- the poster -----------------------------------------------------------------------------


def test_the_poster_is_an_a4_pdf_with_title_date_place_and_the_page_address(client, event):
    response = client.get(reverse("events:poster", args=[event.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="affiche-{event.slug}.pdf"'
    assert pdf_page_size(response.content).endswith("(A4)")
    text = pdf_text(response.content)
    assert "Restitution : le jeu de l'oie" in text
    assert event.when_display.capitalize() in text
    assert "Maison de quartier, salle 2, 1 place du Marché" in text
    url = "https://droits.example.org" + event.get_absolute_url()
    assert url in text.replace(" ", "")
    # The QR code is a link to the page too (clickable in a PDF viewer).
    result = subprocess.run(  # noqa: S603 — a fixed program reading our own PDF
        [shutil.which("pdfinfo"), "-url", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    )
    assert url in result.stdout.decode()


def test_the_poster_s_qr_code_encodes_the_event_page(event):
    url = "https://droits.example.org" + event.get_absolute_url()
    html = render_to_string(
        "events/affiche.html", {"event": event, "groups": [], "url": url, "qr": qr_svg(url)}
    )
    expected = segno.make(url, error="m").svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr", dark="#000", light="#fff"
    )
    assert expected in html
    # A different address would draw a different code: the test above is about this one.
    assert segno.make(url + "x", error="m").svg_inline(scale=1, border=4) not in html


def test_the_poster_is_rate_limited(client, settings, event):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pdf": "1/h"}
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("events:poster", args=[event.slug])
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 429
