"""Links between groups: a facilitator proposes, the other group's facilitator accepts; the
link shows on both group pages and on the inter-group page with its « temps commun » link and
the coming common times."""

from datetime import timedelta
from html import unescape

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from portail.events.models import Event
from portail.groups import agenda
from portail.groups.models import GroupError, GroupLink
from tests.groups.factories import GroupFactory, GroupLinkFactory, MembershipFactory
from tests.groups.roles import KINDS, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def logement():
    return GroupFactory(name="Groupe Logement", slug="groupe-logement")


@pytest.fixture
def alpha():
    return GroupFactory(name="Groupe alpha", slug="groupe-alpha")


def facilitator_of(group, **user):
    return MembershipFactory(group=group, role="animateur", **user).user


def event(title, groups, days=7, kind=Event.Kind.INTERGROUP, **fields):
    item = Event.objects.create(
        kind=kind,
        title=title,
        slug=f"{title.lower().replace(' ', '-')}-{days}",
        starts_at=timezone.now() + timedelta(days=days),
        place="Centre social",
        description="Un temps pour se rencontrer.",
        **fields,
    )
    item.groups.set(groups)
    return item


def test_a_facilitator_proposes_a_link_and_the_other_groups_facilitators_are_told(
    client, logement, alpha, on_commit
):
    client.force_login(facilitator_of(logement))
    facilitator_of(alpha, user__email="alpha@exemple.org")

    with on_commit(execute=True):
        response = client.post(
            reverse("groups:propose_link", args=[logement.slug]),
            {"other": alpha.pk, "message": "On vient vous présenter notre jeu de l'oie ?"},
        )

    assert response.status_code == 302
    link = GroupLink.objects.get()
    assert (link.from_group, link.to_group, link.status) == (logement, alpha, "en-attente")
    (message,) = mail.outbox
    assert message.to == ["alpha@exemple.org"]
    assert "Groupe Logement" in message.subject
    assert "On vient vous présenter notre jeu de l'oie ?" in message.body
    assert "/groupes/groupe-alpha/animation/" in message.body


def test_the_other_group_accepts_and_the_link_shows_on_both_pages(client, logement, alpha):
    link = GroupLinkFactory(from_group=logement, to_group=alpha)
    client.force_login(facilitator_of(alpha))

    client.post(reverse("groups:decide_link", args=[alpha.slug, link.pk]), {"action": "accepter"})

    link.refresh_from_db()
    assert link.status == "accepte"
    client.logout()
    assert f'href="{alpha.get_absolute_url()}"' in client.get(logement.get_absolute_url()).text
    assert f'href="{logement.get_absolute_url()}"' in client.get(alpha.get_absolute_url()).text


def test_the_proposing_group_cannot_accept_its_own_proposal(client, logement, alpha):
    link = GroupLinkFactory(from_group=logement, to_group=alpha)
    client.force_login(facilitator_of(logement))

    response = client.post(
        reverse("groups:decide_link", args=[logement.slug, link.pk]),
        {"action": "accepter"},
        follow=True,
    )

    link.refresh_from_db()
    assert link.status == "en-attente"
    assert "Cette action n'est pas possible sur ce lien." in unescape(response.text)


def test_a_pending_or_declined_link_is_not_shown(client, logement, alpha):
    GroupLinkFactory(from_group=logement, to_group=alpha)
    other = GroupFactory(name="Groupe refusé")
    GroupLinkFactory(from_group=logement, to_group=other, status="refuse")

    page = client.get(logement.get_absolute_url()).text
    links_page = client.get(reverse("groups:links")).text

    for text in (page, links_page):
        assert "Groupe alpha" not in text
        assert "Groupe refusé" not in text


@pytest.mark.parametrize("kind", KINDS)
def test_only_the_facilitators_and_staff_propose_or_answer_links(client, logement, alpha, kind):
    link = GroupLinkFactory(from_group=alpha, to_group=logement)
    third = GroupFactory()
    sign_in(client, kind, logement)

    answer = client.post(
        reverse("groups:decide_link", args=[logement.slug, link.pk]), {"action": "accepter"}
    )
    propose = client.post(reverse("groups:propose_link", args=[logement.slug]), {"other": third.pk})

    may = kind in {"facilitator", "staff"}
    expected = 302 if may or kind == "anonymous" else 403
    assert (answer.status_code, propose.status_code) == (expected, expected)
    link.refresh_from_db()
    assert (link.status == "accepte") is may
    assert GroupLink.objects.filter(to_group=third).exists() is may


def test_a_second_proposal_between_the_same_groups_is_refused(logement, alpha):
    GroupLinkFactory(from_group=alpha, to_group=logement)

    with pytest.raises(GroupError, match="attend déjà"):
        GroupLink.propose(from_group=logement, to_group=alpha, by=None)


def test_the_same_proposal_sent_twice_at_once_is_refused_in_french_not_a_crash(
    monkeypatch, logement, alpha
):
    GroupLinkFactory(from_group=logement, to_group=alpha)
    # The second sending checked before the first one was saved: it found no link.
    monkeypatch.setattr(
        "portail.groups.models.GroupLinkQuerySet.between", lambda self, *groups: self.none()
    )

    with pytest.raises(GroupError, match="attend déjà"):
        GroupLink.propose(from_group=logement, to_group=alpha, by=None)

    assert GroupLink.objects.count() == 1


def test_a_declined_link_may_be_proposed_again(logement, alpha):
    GroupLinkFactory(from_group=alpha, to_group=logement, status="refuse")

    link = GroupLink.propose(from_group=logement, to_group=alpha, by=None)

    assert GroupLink.objects.get() == link
    assert link.status == "en-attente"


def test_the_form_offers_only_public_groups_not_already_linked(client, logement, alpha):
    GroupLinkFactory(from_group=logement, to_group=alpha)
    free = GroupFactory(name="Groupe libre")
    GroupFactory(name="Groupe privé", is_public=False)
    client.force_login(facilitator_of(logement))

    response = client.get(reverse("groups:manage", args=[logement.slug]))

    choices = list(response.context["partnership_form"].fields["other"].queryset)
    assert choices == [free]


def test_either_side_may_end_an_accepted_link(client, logement, alpha):
    link = GroupLinkFactory(from_group=logement, to_group=alpha, accepted=True)
    client.force_login(facilitator_of(alpha))

    client.post(reverse("groups:decide_link", args=[alpha.slug, link.pk]), {"action": "terminer"})

    assert not GroupLink.objects.exists()


def test_the_proposer_may_withdraw_a_pending_proposal(client, logement, alpha):
    link = GroupLinkFactory(from_group=logement, to_group=alpha)
    client.force_login(facilitator_of(logement))

    client.post(reverse("groups:decide_link", args=[logement.slug, link.pk]), {"action": "retirer"})

    assert not GroupLink.objects.exists()


# --- The inter-group page and the common times --------------------------------------------------


def test_the_links_page_lists_partnerships_and_upcoming_common_times(client, logement, alpha):
    GroupLinkFactory(from_group=logement, to_group=alpha, accepted=True)
    event("Rencontre logement et alpha", [logement, alpha])
    event("Rencontre passée", [logement, alpha], days=-3)
    event("Restitution", [logement], kind=Event.Kind.RESTITUTION)
    event("Rencontre annulée", [logement, alpha], cancelled_at=timezone.now())

    response = client.get(reverse("groups:links"))

    text = unescape(response.text)
    assert "Groupe Logement" in text and "Groupe alpha" in text
    assert "Rencontre logement et alpha" in text
    assert "Rencontre passée" not in text
    assert "Restitution" not in text
    assert "Rencontre annulée" not in text


def test_a_private_event_or_a_private_group_stays_off_the_links_page(client, logement, alpha):
    secret = GroupFactory(name="Groupe secret", is_public=False)
    GroupLinkFactory(from_group=logement, to_group=alpha, accepted=True)
    GroupLinkFactory(from_group=logement, to_group=secret, accepted=True)
    event("Temps réservé", [logement, alpha], is_public=False)

    text = unescape(client.get(reverse("groups:links")).text)

    assert "Groupe secret" not in text
    assert "Temps réservé" not in text
    assert "Groupe secret" not in client.get(logement.get_absolute_url()).text


def test_facilitators_get_the_common_time_link_others_do_not(client, logement, alpha):
    GroupLinkFactory(from_group=logement, to_group=alpha, accepted=True)
    expected = "/agenda/nouveau/?type=inter-groupes&amp;groupes=groupe-logement,groupe-alpha"

    anonymous = client.get(reverse("groups:links")).text
    client.force_login(facilitator_of(alpha))
    facilitator = client.get(reverse("groups:links")).text
    group_page = client.get(alpha.get_absolute_url()).text
    manage_page = client.get(reverse("groups:manage", args=[alpha.slug])).text

    assert expected not in anonymous
    assert expected in facilitator
    assert "/agenda/nouveau/?type=inter-groupes&amp;groupes=groupe-alpha,groupe-logement" in (
        group_page
    )
    assert expected in manage_page
    assert "Proposer un temps commun" in facilitator


def test_the_common_time_link_is_not_offered_while_the_agenda_has_no_form(monkeypatch, logement):
    def missing(name, *args, **kwargs):
        raise NoReverseMatch(name)

    monkeypatch.setattr(agenda, "reverse", missing)

    assert agenda.common_time_url(logement, logement) is None


def test_the_common_time_link_carries_the_kind_and_both_groups(logement, alpha):
    assert agenda.common_time_url(logement, alpha) == (
        f"{reverse('events:create')}?type=inter-groupes&groupes=groupe-logement,groupe-alpha"
    )


# --- A partner group that is (or became) private ------------------------------------------------


@pytest.fixture
def secret(logement):
    """A partner of the Groupe Logement that has since become members-only, plus a proposal
    each way with two other private groups."""
    group = GroupFactory(name="Groupe secret", slug="groupe-secret")
    GroupLinkFactory(from_group=logement, to_group=group, accepted=True)
    group.is_public = False
    group.save()
    asking = GroupFactory(name="Groupe discret", slug="groupe-discret", is_public=False)
    GroupLinkFactory(from_group=asking, to_group=logement)
    asked = GroupFactory(name="Groupe fermé", slug="groupe-ferme")
    GroupLinkFactory(from_group=logement, to_group=asked)
    asked.is_public = False
    asked.save()
    return group


HIDDEN_NAMES = ("Groupe secret", "groupe-secret", "Groupe discret", "Groupe fermé")


def test_a_facilitator_outside_a_private_partner_sees_its_links_without_any_name(
    client, logement, alpha, secret
):
    GroupLinkFactory(from_group=logement, to_group=alpha, accepted=True)
    client.force_login(facilitator_of(logement))

    response = client.get(reverse("groups:manage", args=[logement.slug]))

    text = unescape(response.text)
    assert "Groupe alpha" in text
    for hidden in HIDDEN_NAMES:
        assert hidden not in text
    assert [other for _link, other, _url in response.context["accepted_links"]] == [alpha]
    assert response.context["incoming_links"] == []
    assert response.context["outgoing_links"] == []
    # … but the links are there, nameless, each with the one thing that can still be done.
    assert "Un lien avec un groupe qui n'est plus public." in text
    assert "Proposé le" in text and "à un groupe qui n'est plus public." in text
    assert "Un groupe qui n'est plus public propose de faire le lien" in text
    assert [link.to_group for link in response.context["hidden_accepted_links"]] == [secret]
    assert len(response.context["hidden_outgoing_links"]) == 1
    assert len(response.context["hidden_incoming_links"]) == 1
    assert 'value="accepter"' not in response.text


@pytest.mark.parametrize("kind", ["member_of_the_secret_group", "staff"])
def test_a_member_of_the_private_partner_or_the_staff_still_sees_it_on_the_manage_page(
    client, logement, secret, kind
):
    if kind == "staff":
        user = MembershipFactory(group=logement, role="animateur", user__is_staff=True).user
    else:
        user = facilitator_of(logement)
        MembershipFactory(group=secret, user=user)
    client.force_login(user)

    response = client.get(reverse("groups:manage", args=[logement.slug]))

    assert "Groupe secret" in unescape(response.text)
    assert secret.get_absolute_url() in response.text
    assert response["Cache-Control"].startswith("max-age=0")


def decide(client, group, link, action):
    return client.post(
        reverse("groups:decide_link", args=[group.slug, link.pk]), {"action": action}, follow=True
    )


def test_a_facilitator_outside_a_private_partner_may_end_the_link_without_it_being_named(
    client, logement, secret
):
    link = GroupLink.objects.get(to_group=secret)
    client.force_login(facilitator_of(logement))

    page = decide(client, logement, link, "terminer")

    assert not GroupLink.objects.filter(pk=link.pk).exists()
    text = unescape(page.text)
    assert "Le lien est terminé." in text
    for hidden in HIDDEN_NAMES:
        assert hidden not in text
    assert "Un lien avec un groupe qui n'est plus public." not in text


def test_a_proposal_to_a_group_that_went_private_may_still_be_withdrawn(client, logement, alpha):
    link = GroupLinkFactory(from_group=logement, to_group=alpha)
    alpha.is_public = False
    alpha.save()
    client.force_login(facilitator_of(logement))

    manage = unescape(client.get(reverse("groups:manage", args=[logement.slug])).text)
    page = decide(client, logement, link, "retirer")

    assert "Groupe alpha" not in manage
    assert "à un groupe qui n'est plus public." in manage
    assert not GroupLink.objects.exists()
    assert "Proposition retirée." in unescape(page.text)
    assert "Groupe alpha" not in unescape(page.text)


def test_a_proposal_from_a_hidden_group_may_be_declined_but_not_accepted(client, logement, secret):
    link = GroupLink.objects.get(from_group__slug="groupe-discret")
    client.force_login(facilitator_of(logement))

    refused = decide(client, logement, link, "accepter")
    link.refresh_from_db()
    assert link.is_pending
    assert "Cette action n'est pas possible sur ce lien." in unescape(refused.text)

    declined = decide(client, logement, link, "refuser")
    link.refresh_from_db()
    assert link.status == GroupLink.Status.DECLINED
    text = unescape(declined.text)
    assert "Proposition refusée." in text
    for hidden in HIDDEN_NAMES:
        assert hidden not in text


@pytest.mark.parametrize("kind", [k for k in KINDS if k not in {"facilitator", "staff"}])
def test_only_the_facilitators_may_act_on_a_link_with_a_hidden_group(
    client, logement, secret, kind
):
    links = list(GroupLink.objects.involving(logement).order_by("pk"))
    sign_in(client, kind, logement)

    for link, action in zip(links, ["terminer", "refuser", "retirer"], strict=True):
        response = client.post(
            reverse("groups:decide_link", args=[logement.slug, link.pk]), {"action": action}
        )
        assert response.status_code == (302 if kind == "anonymous" else 403)

    assert list(GroupLink.objects.involving(logement).order_by("pk")) == links
    assert [link.status for link in links] == [
        link.status for link in GroupLink.objects.involving(logement).order_by("pk")
    ]


def test_a_facilitator_of_another_group_gets_a_404_for_a_link_with_a_hidden_group(
    client, logement, alpha, secret
):
    link = GroupLink.objects.get(to_group=secret)
    client.force_login(facilitator_of(alpha))

    response = client.post(
        reverse("groups:decide_link", args=[alpha.slug, link.pk]), {"action": "terminer"}
    )

    assert response.status_code == 404
    assert "Groupe secret" not in unescape(response.text)
    assert GroupLink.objects.filter(pk=link.pk).exists()


def test_a_private_partner_stays_off_the_links_and_group_pages_of_a_facilitator_outside_it(
    client, logement, secret
):
    client.force_login(facilitator_of(logement))

    links_page = unescape(client.get(reverse("groups:links")).text)
    group_page = unescape(client.get(logement.get_absolute_url()).text)

    for text in (links_page, group_page):
        for hidden in HIDDEN_NAMES:
            assert hidden not in text


def test_a_member_of_the_private_partner_sees_the_link_on_the_links_and_group_pages(
    client, logement, secret
):
    user = facilitator_of(logement)
    MembershipFactory(group=secret, user=user)
    client.force_login(user)

    assert "Groupe secret" in unescape(client.get(reverse("groups:links")).text)
    assert "Groupe secret" in unescape(client.get(logement.get_absolute_url()).text)


def test_a_private_group_cannot_propose_a_link(client, alpha, on_commit):
    private = GroupFactory(name="Groupe secret", slug="groupe-secret", is_public=False)
    client.force_login(facilitator_of(private))
    facilitator_of(alpha, user__email="alpha@exemple.org")

    page = client.get(reverse("groups:manage", args=[private.slug]))
    with on_commit(execute=True):
        client.post(reverse("groups:propose_link", args=[private.slug]), {"other": alpha.pk})

    assert "Votre groupe est privé" in unescape(page.text)
    assert not GroupLink.objects.exists()
    assert not mail.outbox
