"""The forum in a real browser: a signed-in resident opens a public thread, a moderator
approves it from the shared queue, and everyone reads it; a member enters a groupe de parole
through its charter and is offered to mask a phone number; a member reports a message of the
groupe de parole to its facilitators, who hide it from their block; a participant stops the
e-mails of a thread from the link of an e-mail, on a small phone, then restarts them from the
thread's page. axe on every page."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from portail.forum.models import ForumMute, ForumReport, ForumThread, Status
from portail.forum.tokens import make_mute_token
from portail.groups.models import Membership
from tests.accounts.factories import UserFactory
from tests.e2e.conftest import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    click_and_wait_for_page,
)
from tests.e2e.test_core_loop import sign_in
from tests.forum.factories import (
    CharterAcceptanceFactory,
    PrivateReplyFactory,
    PrivateThreadFactory,
    PublicThreadFactory,
)
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.places.factories import ThemeFactory

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Des moisissures dans la chambre"
MUTE_BUTTON = "Ne plus recevoir d'e-mail pour cette discussion"
TEXT = "Bonjour, je suis Nadia Benali. Il y a des taches noires au plafond, que faire ?"


def test_a_resident_starts_a_thread_that_a_moderator_publishes(browser, live_server, axe):
    theme = ThemeFactory(slug="logement", name="Logement")
    resident = UserFactory(display_name="Nadia du 3e")
    moderator = UserFactory(moderator=True)

    resident_context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = sign_in(resident_context, live_server, resident)
    page.goto("/forum/")
    assert_no_axe_violations(axe, page)
    page.get_by_role("link", name="Logement").click()
    page.wait_for_url(f"**/forum/{theme.slug}/")
    page.get_by_role("link", name="Ouvrir une discussion").click()
    page.wait_for_url(f"**/forum/{theme.slug}/nouvelle/")
    expect(page.get_by_label("Le titre de la discussion")).to_be_visible()
    assert_no_axe_violations(axe, page)
    page.get_by_label("Le titre de la discussion").fill(TITLE)
    page.get_by_label("Votre message").fill(TEXT)
    page.get_by_role("button", name="Envoyer pour relecture").click()
    # Not a glob ending in `*/`: the form's own address (…/nouvelle/) would match it at once.
    page.wait_for_url(re.compile(rf"/forum/{theme.slug}/\d+/$"))
    assert "en attente de relecture" in page.content()
    assert "Benali" not in page.content()
    assert_no_axe_violations(axe, page)
    thread = ForumThread.objects.get()
    assert thread.status == Status.PENDING

    # Nobody else reads it yet.
    visitor = browser.new_context(base_url=live_server.url, locale="fr-FR")
    anonymous = visitor.new_page()
    assert anonymous.goto(thread.get_absolute_url()).status == 404

    moderation = browser.new_context(base_url=live_server.url, locale="fr-FR")
    mod_page = sign_in(moderation, live_server, moderator)
    mod_page.goto("/moderation/")
    assert_no_axe_violations(axe, mod_page)
    mod_page.locator("#forum-a-relire").get_by_role("link", name=TITLE).click()
    mod_page.wait_for_url(re.compile(r"/forum/moderation/\d+/$"))
    expect(mod_page.locator("mark.donnee-perso").first).to_be_attached()
    assert_no_axe_violations(axe, mod_page)
    mod_page.get_by_role("button", name="Publier ce texte").click()
    mod_page.wait_for_url("**/moderation/")
    thread.refresh_from_db()
    assert thread.status == Status.PUBLISHED

    assert anonymous.goto(thread.get_absolute_url()).status == 200
    content = anonymous.content()
    assert TITLE in content and "Nadia du 3e" in content
    assert "Benali" not in content
    assert_no_axe_violations(axe, anonymous)
    anonymous.goto(f"/forum/{theme.slug}/")
    assert TITLE in anonymous.content()
    for context in (resident_context, visitor, moderation):
        context.close()


def test_a_member_enters_the_groupe_de_parole_and_masks_a_number(browser, live_server, axe):
    group = GroupFactory(name="Groupe Logement", slug="groupe-logement")
    member = UserFactory()
    MembershipFactory(group=group, user=member)

    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": 320, "height": 640}
    )
    page = sign_in(context, live_server, member)
    page.goto("/forum/groupe/groupe-logement/")
    page.wait_for_url("**/charte/**")
    assert_no_axe_violations(axe, page)
    assert_no_horizontal_scroll(page)
    page.get_by_label("J'ai lu la charte et je m'engage à la respecter.").check()
    # The charter's own address (…/charte/?suite=/forum/groupe/groupe-logement/) already ends
    # like the space's: wait for the page the button loads, then check where it is.
    click_and_wait_for_page(
        page, page.get_by_role("button", name="Entrer dans le groupe de parole")
    )
    expect(page).to_have_url(re.compile(r"/forum/groupe/groupe-logement/$"))
    page.get_by_role("link", name="Ouvrir une discussion").click()
    page.wait_for_url("**/forum/groupe/groupe-logement/nouvelle/")
    page.get_by_label("Le titre de la discussion").fill("Après la restitution")
    page.get_by_label("Votre message").fill("Appelez-moi au 06 12 34 56 78 pour en parler.")
    # The form comes back at the same address with the masked version to choose.
    click_and_wait_for_page(page, page.get_by_role("button", name="Envoyer au groupe"))
    masked = page.get_by_role("button", name="Envoyer la version masquée (conseillé)")
    expect(masked).to_be_visible()
    assert "[téléphone masqué]" in page.content()
    assert_no_axe_violations(axe, page)
    assert_no_horizontal_scroll(page)
    masked.click()
    page.wait_for_url(re.compile(r"/forum/groupe/groupe-logement/\d+/$"))
    expect(page.get_by_text("Appelez-moi au [téléphone masqué] pour en parler.")).to_be_visible()
    assert "Appelez-moi au [téléphone masqué] pour en parler." in page.content()
    assert_no_axe_violations(axe, page)
    assert_no_horizontal_scroll(page)
    context.close()


def test_a_member_reports_a_message_that_a_facilitator_then_hides(browser, live_server, axe):
    group = GroupFactory(name="Groupe Logement", slug="groupe-logement")
    member, facilitator = UserFactory(), UserFactory()
    for user, role in (
        (member, Membership.Role.MEMBER),
        (facilitator, Membership.Role.FACILITATOR),
    ):
        MembershipFactory(group=group, user=user, role=role)
        CharterAcceptanceFactory(group=group, user=user)
    thread = PrivateThreadFactory(group=group, author=facilitator, title="Après la restitution")
    PrivateReplyFactory(
        thread=thread, text="La voisine du 3e, Mme Roux, boit, tout le monde le sait."
    )

    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": 320, "height": 640}
    )
    page = sign_in(context, live_server, member)
    page.goto(thread.get_absolute_url())
    page.get_by_role("link", name="Signaler aux animateurs").last.click()
    page.wait_for_url("**/signaler/")
    assert_no_axe_violations(axe, page)
    assert_no_horizontal_scroll(page)
    page.get_by_label("propos blessants ou injurieux").check()
    page.get_by_label("Précision (facultatif)").fill("Elle ne voudrait pas que ça se dise.")
    page.get_by_role("button", name="Prévenir les animateurs").click()
    page.wait_for_url(f"**{thread.get_absolute_url()}*")
    assert "Les animateurs du groupe sont prévenus." in page.content()
    assert "Vous avez signalé ce message aux animateurs." in page.content()
    context.close()

    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": 320, "height": 640}
    )
    page = sign_in(context, live_server, facilitator)
    page.goto(reverse("groups:detail", args=[group.slug]))
    page.get_by_role("link", name="1 message signalé aux animateurs, à regarder").click()
    page.wait_for_url("**/forum/groupe/groupe-logement/*")
    assert "Elle ne voudrait pas que ça se dise." in page.content()
    assert_no_axe_violations(axe, page)
    assert_no_horizontal_scroll(page)
    block = page.locator("#signalements")
    block.get_by_label("Pourquoi masquer ce message ?").fill("Parle d'une voisine sans son accord.")
    # Back to the same address (the space, #signalements): wait for the page the button loads.
    click_and_wait_for_page(page, block.get_by_role("button", name="Masquer le message"))
    page.wait_for_url("**/forum/groupe/groupe-logement/*")
    expect(page.get_by_text("Aucun message signalé aux animateurs.")).to_be_visible()
    assert "Aucun message signalé aux animateurs." in page.content()
    assert not ForumReport.objects.filter(handled_at__isnull=True).exists()
    context.close()


def test_a_participant_stops_then_restarts_the_emails_of_a_thread(mobile_page, live_server, axe):
    thread = PublicThreadFactory(
        published=True, title="Une discussion au titre assez long sur les charges locatives"
    )
    person = thread.author
    page = mobile_page

    # As from the e-mail: no sign-in, and opening the link stops nothing by itself.
    page.goto(reverse("forum:mute_link", args=[make_mute_token(person, thread)]))
    assert not ForumMute.objects.exists()
    assert_no_axe_violations(axe, page)
    assert_no_horizontal_scroll(page)
    click_and_wait_for_page(page, page.get_by_role("button", name=MUTE_BUTTON))
    expect(page.get_by_text("Vous ne recevez plus d'e-mail pour cette discussion.")).to_be_visible()
    assert ForumMute.is_muted(person, thread)
    assert_no_axe_violations(axe, page)

    signed_in = sign_in(page.context, live_server, person)
    signed_in.goto(thread.get_absolute_url())
    assert_no_axe_violations(axe, signed_in)
    click_and_wait_for_page(
        signed_in,
        signed_in.get_by_role("button", name="Recevoir de nouveau un e-mail à chaque réponse"),
    )
    expect(signed_in.get_by_role("button", name=MUTE_BUTTON)).to_be_visible()
    assert not ForumMute.is_muted(person, thread)
