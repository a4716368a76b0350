"""« S'abonner dans mon agenda »: each iCal feed is offered as a webcal:// link, which opens the
calendar application, next to its https address for phones that do not handle webcal."""

import pytest
from django.urls import reverse

from tests.accounts.helpers import page_text
from tests.events.factories import EventFactory
from tests.events.test_panels import group_panel
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.places.factories import QuartierFactory

pytestmark = pytest.mark.django_db

SITE = "droits.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = f"https://{SITE}"


def both_links(url_name, *args):
    path = reverse(url_name, args=args)
    return f'href="webcal://{SITE}{path}"', f'href="https://{SITE}{path}"'


def test_the_agenda_offers_the_webcal_link_and_the_https_address_of_the_whole_agenda(client):
    html = client.get(reverse("events:agenda")).content.decode()

    webcal, https = both_links("events:feed")
    assert webcal in html and https in html
    assert "S'abonner dans mon agenda" in page_text(client.get(reverse("events:agenda")))


def test_the_agenda_filtered_by_group_or_quartier_offers_their_own_feeds(client):
    group = GroupFactory(slug="groupe-logement")
    quartier = QuartierFactory(slug="montreynaud")

    html = client.get(
        reverse("events:agenda"), {"groupe": group.slug, "quartier": quartier.slug}
    ).content.decode()

    for url_name, slug in (
        ("events:group_feed", group.slug),
        ("events:quartier_feed", quartier.slug),
    ):
        for link in both_links(url_name, slug):
            assert link in html
    for link in both_links("events:feed"):
        assert link in html


def test_a_private_group_filtered_by_its_member_has_no_feed_link(client):
    group = GroupFactory(slug="groupe-secret", is_public=False)
    client.force_login(MembershipFactory(group=group).user)

    html = client.get(reverse("events:agenda"), {"groupe": group.slug}).content.decode()

    assert "groupe-secret/agenda.ics" not in html


def test_a_group_s_panel_offers_the_webcal_link_of_its_feed():
    group = GroupFactory(slug="groupe-logement")
    EventFactory(groups=[group])

    html = group_panel(group)

    for link in both_links("events:group_feed", group.slug):
        assert link in html


def test_the_webcal_link_replaces_an_http_address_too(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"

    html = client.get(reverse("events:agenda")).content.decode()

    assert f'href="webcal://127.0.0.1:8000{reverse("events:feed")}"' in html
