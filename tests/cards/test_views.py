"""Decks and cards on the web: who sees what, who may change what, and the curation itself
(add, take out, put back, move, write a card), each a plain form that works without JavaScript."""

import pytest
from django.urls import reverse

from portail.cards.models import Card, Deck
from tests.accounts.factories import UserFactory
from tests.cards.factories import CardFactory, DeckFactory
from tests.events.factories import EventFactory
from tests.glossary.factories import TermFactory
from tests.groups.factories import GroupFactory, MembershipFactory
from tests.places.factories import ThemeFactory

pytestmark = pytest.mark.django_db

OTHER_ROLES = ["anonyme", "habitant", "membre", "partenaire", "animateur-ailleurs", "moderateur"]


@pytest.fixture
def group():
    return GroupFactory(name="Groupe Logement", slug="groupe-logement")


@pytest.fixture
def creator(group):
    user = UserFactory()
    MembershipFactory(user=user, group=group, role="animateur")
    return user


@pytest.fixture
def deck(creator, group):
    cards = [CardFactory(prompt=f"Vrai ou faux ? Carte {letter}.") for letter in "ABC"]
    return DeckFactory(
        name="Restitution", slug="restitution", created_by=creator, group=group, cards=cards
    )


def person(role, group=None):
    """A user holding `role` (None for an anonymous visitor)."""
    if role == "anonyme":
        return None
    if role == "membre-du-groupe":
        user = UserFactory()
        MembershipFactory(user=user, group=group)
        return user
    if role == "animateur-du-groupe":
        user = UserFactory()
        MembershipFactory(user=user, group=group, role="animateur")
        return user
    return {
        "habitant": UserFactory,
        "membre": lambda: UserFactory(member=True),
        "partenaire": lambda: UserFactory(partner=True),
        "animateur-ailleurs": lambda: UserFactory(facilitator=True),
        "moderateur": lambda: UserFactory(moderator=True),
        "equipe": lambda: UserFactory(staff=True),
    }[role]()


def sign_in(client, role, group=None):
    user = person(role, group)
    if user is not None:
        client.force_login(user)
    return user


def order(deck):
    return [card.prompt for card in deck.cards_in_order()]


def act(client, deck, card, action):
    return client.post(reverse("cards:deck_card", args=[deck.slug, card.pk]), {"action": action})


# --- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonyme", "habitant", "membre", "partenaire"])
def test_anyone_reads_a_deck_with_its_answers_but_without_the_curation_buttons(client, deck, role):
    sign_in(client, role)
    response = client.get(deck.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert "Vrai ou faux ? Carte A." in content and "Vrai. Réponse numéro" in content
    assert 'value="monter"' not in content and "Ajouter des cartes" not in content
    assert reverse("cards:kit", args=[deck.slug]) in content


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonyme", 404),
        ("habitant", 404),
        ("membre", 404),
        ("animateur-ailleurs", 404),
        ("moderateur", 404),
        ("membre-du-groupe", 200),
        ("equipe", 200),
    ],
)
def test_a_private_groups_deck_is_seen_by_its_members_and_staff_only(client, deck, role, status):
    deck.group.is_public = False
    deck.group.save()
    sign_in(client, role, deck.group)

    assert client.get(deck.get_absolute_url()).status_code == status
    listed = deck.name in client.get(reverse("cards:index")).content.decode()
    assert listed is (status == 200)


def test_a_private_groups_kit_is_404_to_outsiders(client, deck):
    deck.group.is_public = False
    deck.group.save()
    sign_in(client, "habitant")

    assert client.get(reverse("cards:kit", args=[deck.slug])).status_code == 404


def test_the_list_offers_the_preparation_tools_to_facilitators_only(client, deck):
    assert "Préparer un nouveau paquet" not in client.get(reverse("cards:index")).content.decode()
    sign_in(client, "animateur-ailleurs")
    content = client.get(reverse("cards:index")).content.decode()
    assert "Préparer un nouveau paquet" in content and "Restitution" in content


# --- who may curate ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_only_the_decks_editors_may_move_a_card(client, deck, role):
    sign_in(client, role)
    card = deck.cards_in_order()[2]

    response = act(client, deck, card, "monter")

    if role == "anonyme":
        assert response.status_code == 302 and "/compte/connexion/" in response["Location"]
    else:
        assert response.status_code == 403
    assert order(deck) == [
        "Vrai ou faux ? Carte A.",
        "Vrai ou faux ? Carte B.",
        "Vrai ou faux ? Carte C.",
    ]


@pytest.mark.parametrize("role", ["createur", "animateur-du-groupe", "equipe"])
def test_the_creator_the_groups_facilitators_and_staff_curate_the_deck(client, deck, creator, role):
    if role == "createur":
        client.force_login(creator)
    else:
        sign_in(client, role, deck.group)
    cards = list(deck.cards_in_order())

    page = client.get(deck.get_absolute_url()).content.decode()
    moved = act(client, deck, cards[2], "monter")
    removed = act(client, deck, cards[0], "retirer")

    assert 'value="monter"' in page and "Ajouter des cartes" in page
    assert moved.status_code == 302 and moved["Location"].endswith(f"#carte-{cards[2].pk}")
    assert removed["Location"].endswith("#retirees")
    assert order(deck) == ["Vrai ou faux ? Carte C.", "Vrai ou faux ? Carte B."]


def test_a_moderator_curates_only_the_decks_they_prepared(client):
    moderator = UserFactory(moderator=True)
    client.force_login(moderator)
    own = DeckFactory(created_by=moderator, cards=[CardFactory(), CardFactory()])
    other = DeckFactory(cards=[CardFactory(), CardFactory()])

    assert act(client, own, own.cards_in_order()[1], "monter").status_code == 302
    assert act(client, other, other.cards_in_order()[1], "monter").status_code == 403


def test_a_creator_who_is_no_longer_facilitator_may_not_curate(client, deck, creator):
    creator.memberships.update(role="membre")
    client.force_login(creator)

    assert act(client, deck, deck.cards_in_order()[1], "monter").status_code == 403


def test_move_take_out_and_put_back(client, deck, creator):
    client.force_login(creator)
    a, b, _c = deck.cards_in_order()

    act(client, deck, a, "monter")
    assert order(deck)[0] == "Vrai ou faux ? Carte A."
    act(client, deck, a, "descendre")
    assert order(deck) == [
        "Vrai ou faux ? Carte B.",
        "Vrai ou faux ? Carte A.",
        "Vrai ou faux ? Carte C.",
    ]
    act(client, deck, b, "retirer")
    page = client.get(deck.get_absolute_url()).content.decode()
    assert list(deck.excluded_cards()) == [b]
    assert "Remettre dans le paquet" in page
    act(client, deck, b, "remettre")
    assert order(deck) == [
        "Vrai ou faux ? Carte A.",
        "Vrai ou faux ? Carte C.",
        "Vrai ou faux ? Carte B.",
    ]
    assert act(client, deck, a, "sauter").status_code == 302
    assert client.get(reverse("cards:deck_card", args=[deck.slug, a.pk])).status_code == 405


def test_a_card_of_another_deck_cannot_be_moved_through_this_one(client, deck, creator):
    client.force_login(creator)
    stranger = CardFactory()

    assert act(client, deck, stranger, "remettre").status_code == 404


# --- creating and editing a deck ------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonyme", 302),
        ("habitant", 403),
        ("membre", 403),
        ("partenaire", 403),
        ("animateur-ailleurs", 200),
        ("moderateur", 200),
        ("equipe", 200),
    ],
)
def test_who_may_prepare_a_new_deck(client, role, status):
    sign_in(client, role)
    assert client.get(reverse("cards:deck_create")).status_code == status
    assert client.get(reverse("cards:card_create")).status_code == status
    generated = client.post(reverse("cards:generate"))
    assert generated.status_code == (302 if status == 200 else status)


def test_a_new_deck_of_a_theme_is_filled_with_a_mix_of_its_cards(client, creator, group):
    theme = ThemeFactory(name="Logement", slug="logement")
    for kind in (Card.Kind.WORD, Card.Kind.TRUE_FALSE, Card.Kind.CHALLENGE):
        CardFactory.create_batch(4, kind=kind, theme=theme)
    CardFactory.create_batch(3, theme=None)
    client.force_login(creator)

    response = client.post(
        reverse("cards:deck_create"),
        {
            "name": "Logement — restitution",
            "theme": theme.pk,
            "group": group.pk,
            "fill": "melange",
            "count": "6",
        },
    )

    deck = Deck.objects.get()
    assert response["Location"] == deck.get_absolute_url()
    assert deck.slug == "logement-restitution" and deck.created_by == creator
    kinds = [card.kind for card in deck.cards_in_order()]
    assert kinds == ["mot", "vrai-faux", "defi", "mot", "vrai-faux", "defi"]


def test_a_refused_deck_form_says_why_and_keeps_what_was_typed(client, creator):
    client.force_login(creator)

    response = client.post(
        reverse("cards:deck_create"), {"name": "", "fill": "vide", "count": "500"}
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Donnez un nom au paquet." in content
    assert "Au plus 150 cartes dans un paquet." in content
    assert 'value="500"' in content
    assert not Deck.objects.exists()


def test_a_facilitator_cannot_give_a_deck_to_a_group_they_do_not_lead(client, creator):
    client.force_login(creator)
    other = GroupFactory()

    response = client.post(
        reverse("cards:deck_create"),
        {"name": "Essai", "group": other.pk, "fill": "vide", "count": "30"},
    )

    assert response.status_code == 200 and not Deck.objects.exists()


def test_a_private_groups_event_is_neither_offered_nor_named_to_outsiders(client, creator):
    """A public deck may be for a private group's meeting: its title is not shown on the deck's
    page or in the list to those who may not see the event, nor offered in the deck form."""
    secret = GroupFactory(is_public=False)
    event = EventFactory(title="Réunion du groupe de parole", groups=[secret])
    EventFactory(title="Restitution publique")
    DeckFactory(name="Paquet ouvert", slug="paquet-ouvert", event=event, cards=[])
    insider = UserFactory()
    MembershipFactory(user=insider, group=secret)

    client.force_login(creator)
    form = client.get(reverse("cards:deck_create")).content.decode()
    assert "Restitution publique" in form and "Réunion du groupe de parole" not in form
    refused = client.post(
        reverse("cards:deck_create"),
        {"name": "Essai", "event": event.pk, "fill": "vide", "count": "30"},
    )
    assert refused.status_code == 200 and not Deck.objects.filter(name="Essai").exists()
    for url in (reverse("cards:deck", args=["paquet-ouvert"]), reverse("cards:index")):
        for viewer in (None, creator):
            client.logout()
            if viewer:
                client.force_login(viewer)
            assert "Réunion du groupe de parole" not in client.get(url).content.decode()
        client.force_login(insider)
        assert "Réunion du groupe de parole" in client.get(url).content.decode()


def test_a_new_deck_never_takes_a_reserved_address(client, creator):
    client.force_login(creator)
    client.post(reverse("cards:deck_create"), {"name": "Nouveau", "fill": "vide", "count": "30"})
    client.post(reverse("cards:deck_create"), {"name": "Nouveau", "fill": "vide", "count": "30"})

    assert sorted(Deck.objects.values_list("slug", flat=True)) == [
        "paquet-nouveau",
        "paquet-nouveau-2",
    ]


def test_editing_a_deck(client, deck, creator):
    client.force_login(creator)
    response = client.post(
        reverse("cards:deck_edit", args=[deck.slug]),
        {"name": "Restitution du 12 mars", "group": deck.group.pk},
    )

    deck.refresh_from_db()
    assert response.status_code == 302
    assert deck.name == "Restitution du 12 mars" and deck.slug == "restitution"


# --- adding cards -------------------------------------------------------------------------------


def test_candidates_are_filtered_and_ticked_cards_added_at_the_end(client, deck, creator):
    theme = ThemeFactory()
    word = CardFactory(kind=Card.Kind.WORD, level=3, theme=theme, prompt="Que veut dire « bail » ?")
    CardFactory(kind=Card.Kind.WORD, level=1, theme=theme, prompt="Que veut dire « APL » ?")
    CardFactory(kind=Card.Kind.CHALLENGE, level=3, theme=theme, prompt="Défi : mimez une fuite.")
    client.force_login(creator)
    url = reverse("cards:deck_add", args=[deck.slug])

    page = client.get(url, {"type": "mot", "niveau": "3", "theme": theme.slug}).content.decode()
    response = client.post(url, {"cartes": [str(word.pk)], "retour": "type=mot"})

    assert "« bail »" in page
    assert "« APL »" not in page and "mimez" not in page and "Carte A." not in page
    assert response["Location"] == f"{url}?type=mot"
    assert order(deck)[-1] == "Que veut dire « bail » ?"


def test_adding_nothing_says_so(client, deck, creator):
    client.force_login(creator)
    url = reverse("cards:deck_add", args=[deck.slug])

    response = client.post(url, {"retour": ""}, follow=True)

    assert "Cochez au moins une carte à ajouter." in response.content.decode()


# --- cards written by hand ----------------------------------------------------------------------


def card_data(**overrides):
    data = {
        "kind": "defi",
        "prompt": "Défi : citez deux aides pour payer le loyer.",
        "answer": "Par exemple l'APL et le FSL.",
        "reference": "",
        "discussion": "Qui les connaissait ?",
        "level": "2",
        "theme": "",
    }
    return {**data, **overrides}


def test_a_card_written_for_a_deck_joins_it_at_the_end(client, deck, creator):
    client.force_login(creator)

    response = client.post(reverse("cards:card_create"), card_data(paquet=deck.slug))

    card = Card.objects.get(prompt__startswith="Défi : citez")
    assert card.created_by == creator and card.source == ""
    assert response["Location"] == deck.get_absolute_url() + f"#carte-{card.pk}"
    assert order(deck)[-1] == card.prompt


def test_a_card_with_personal_data_is_refused_and_the_text_stays(client, creator):
    client.force_login(creator)
    text = "Racontez comme Samia Benali, appelez-la au 06 12 34 56 78."

    response = client.post(reverse("cards:card_create"), card_data(kind="temoignage", prompt=text))

    content = response.content.decode()
    assert response.status_code == 200
    assert "information personnelle" in content and "téléphone" in content
    assert "06 12 34 56 78" in content
    assert not Card.objects.exists()


def test_a_false_statement_needs_its_correction_and_reference(client, creator):
    client.force_login(creator)

    unsure = client.post(
        reverse("cards:card_create"), card_data(kind="vrai-faux", answer="Peut-être.")
    )
    no_law = client.post(
        reverse("cards:card_create"), card_data(kind="vrai-faux", answer="Faux. C'est un mois.")
    )

    assert "commence par « Vrai. » ou « Faux. »" in unsure.content.decode()
    assert "donnez la référence" in no_law.content.decode()
    assert not Card.objects.exists()


def test_only_the_writer_and_staff_correct_a_card_written_by_hand(client, creator):
    card = CardFactory(created_by=creator)
    generated = CardFactory(generated=True)
    url = reverse("cards:card_edit", args=[card.pk])

    sign_in(client, "animateur-ailleurs")
    assert client.get(url).status_code == 403
    client.force_login(creator)
    assert client.get(reverse("cards:card_edit", args=[generated.pk])).status_code == 403
    response = client.post(url, card_data(prompt="Défi : citez trois aides."))
    card.refresh_from_db()
    assert response.status_code == 302 and card.prompt == "Défi : citez trois aides."
    sign_in(client, "equipe")
    assert client.get(url).status_code == 200


def test_the_refresh_button_generates_the_cards(client, creator):
    TermFactory(term="Bail", slug="bail")
    client.force_login(creator)

    response = client.post(reverse("cards:generate"), follow=True)

    assert "Les cartes sont à jour : 1 nouvelle(s)" in response.content.decode()
    assert Card.objects.get().prompt == "Que veut dire « Bail » ?"
    assert client.get(reverse("cards:generate")).status_code == 405
