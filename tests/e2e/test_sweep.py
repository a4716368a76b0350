"""Every page of the groups, network, records, agenda, requests, forum and game rooms, filled
with the demo content, seen by the role that uses it on a 320 px phone: it opens, axe finds
nothing, and nothing scrolls sideways. The journeys themselves are tested in the other files of
tests/e2e; this one makes sure no page was left out of the accessibility audit."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from portail.cards.models import Deck
from portail.core.management.commands.demo import DEFAULT_PASSWORD
from portail.demandes.models import Demande
from portail.directory.models import Organisation
from portail.events.models import Event, Registration
from portail.experiences.models import ExperienceRecord
from portail.forum.models import ForumPost, ForumThread
from portail.game.models import GameSession
from portail.groups.models import Group
from portail.questions.models import Question
from tests.e2e.conftest import assert_no_axe_violations, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True)

GROUP = "groupe-logement"


def public_pages():
    event = Event.objects.filter(minutes_published_at=None).order_by("starts_at").last()
    past = Event.objects.exclude(minutes_published_at=None).first()
    thread = ForumThread.objects.public().first()
    record = ExperienceRecord.objects.first()
    question = Question.objects.public().first()
    organisation = Organisation.objects.get(slug="adil-de-la-loire")
    deck = Deck.objects.first()
    return [
        reverse("questions:list"),
        question.get_absolute_url(),
        reverse("groups:list"),
        reverse("groups:by_quartier"),
        reverse("groups:links"),
        reverse("groups:detail", args=[GROUP]),
        reverse("groups:journal", args=[GROUP]),
        reverse("groups:documents", args=[GROUP]),
        reverse("directory:list") + "?quartier=montreynaud",
        organisation.get_absolute_url(),
        reverse("fiches:detail", args=["depot-de-garantie"]),
        reverse("experiences:list"),
        reverse("experiences:skills"),
        record.get_absolute_url(),
        reverse("events:agenda"),
        reverse("events:past"),
        event.get_absolute_url(),
        past.get_absolute_url(),
        reverse("demandes:index"),
        *[reverse("demandes:new", args=[kind]) for kind in Demande.Kind.values],
        reverse("forum:index"),
        thread.get_absolute_url(),
        reverse("forum:theme", args=[thread.theme.slug]),
        reverse("game:index"),
        reverse("cards:index"),
        reverse("cards:deck", args=[deck.slug]),
    ]


def facilitator_pages():
    event = Event.objects.filter(groups__slug=GROUP).order_by("starts_at").last()
    demande = Demande.objects.filter(assigned_group__slug=GROUP).first()
    record = ExperienceRecord.objects.first()
    game = GameSession.objects.first()
    deck = Deck.objects.first()
    # A member's reply in the groupe de parole: the facilitator, a member too, may report it.
    reply = ForumPost.objects.filter(thread__group__slug=GROUP, is_opening=False).first()
    return [
        reverse("accounts:espace"),
        reverse("groups:create"),
        reverse("groups:edit", args=[GROUP]),
        reverse("groups:manage", args=[GROUP]),
        reverse("groups:write_post", args=[GROUP]),
        reverse("groups:add_document", args=[GROUP]),
        reverse("events:create"),
        reverse("events:edit", args=[event.slug]),
        reverse("events:attendees", args=[event.slug]),
        reverse("events:minutes", args=[event.slug]),
        reverse("events:suites", args=[event.slug]),
        reverse("demandes:team"),
        reverse("demandes:work", args=[demande.pk]),
        reverse("demandes:dashboard"),
        reverse("demandes:enter", args=["accompagnement"]),
        reverse("experiences:create"),
        reverse("experiences:edit", args=[record.slug]),
        reverse("experiences:attestations"),
        reverse("experiences:my_portfolio"),
        reverse("forum:space", args=[GROUP]),
        reverse("forum:group_report", args=[GROUP, reply.pk]),
        reverse("game:new"),
        reverse("game:play", args=[game.pk]),
        reverse("cards:deck_create"),
        reverse("cards:card_create"),
        reverse("cards:deck_edit", args=[deck.slug]),
        reverse("cards:deck_add", args=[deck.slug]),
    ]


def moderator_pages():
    return [
        reverse("questions:moderation"),
        reverse("questions:reports"),
        reverse("questions:audit"),
        reverse("demandes:team"),
    ]


def partner_pages():
    return [
        reverse("accounts:espace"),
        reverse("directory:edit", args=["centre-social-de-beaulieu"]),
        reverse("directory:confirm", args=["centre-social-de-beaulieu"]),
    ]


def resident_pages():
    invitation = Group.objects.get(slug=GROUP).new_invitation()
    return [
        reverse("accounts:espace"),
        reverse("demandes:mine"),
        reverse("experiences:my_portfolio"),
        reverse("groups:invitation", args=[invitation]),
        reverse("accounts:my_data"),
        reverse("accounts:delete"),
    ]


def private_link_pages():
    """The pages a person reaches by the private link of an e-mail, without an account."""
    registration = Registration.objects.exclude(contact="").first()
    demande = Demande.objects.exclude(contact_email="").first()
    return [
        registration.get_absolute_url(),
        reverse("demandes:follow", args=[demande.follow_token]),
    ]


def sign_in(context, email):
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/compte/mon-espace/")
    return page


def audit(page, axe, paths):
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, f"{path} : {response.status}"
        expect(page.locator("h1"), f"{path} : un seul titre h1").to_have_count(1)
        assert_no_axe_violations(axe, page)
        assert_no_horizontal_scroll(page)


def test_every_page_of_the_new_rooms_is_accessible_for_the_role_that_uses_it(
    browser, live_server, axe, settings
):
    settings.DEBUG = True
    call_command("demo", stdout=None)

    by_role = [
        (None, public_pages() + private_link_pages()),
        ("animatrice@demo.portail", facilitator_pages()),
        ("moderateur@demo.portail", moderator_pages()),
        ("partenaire@demo.portail", partner_pages()),
        ("habitante@demo.portail", resident_pages()),
    ]
    for email, paths in by_role:
        context = browser.new_context(
            base_url=live_server.url, locale="fr-FR", viewport={"width": 320, "height": 640}
        )
        if email:
            page = sign_in(context, email)
        else:
            page = context.new_page()
            page.set_default_timeout(10_000)
        audit(page, axe, paths)
        context.close()
