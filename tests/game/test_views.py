"""The game on screen: who starts, runs and watches a game; playing, revealing a card, stopping;
two screens at once; a reload resumes; « Noter une question de la table »."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from portail.game.models import GameSession, StaleVersion
from portail.game.views import FOLLOW_LINKS_KEPT
from portail.questions.models import Question
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import page_text
from tests.events.factories import EventFactory
from tests.game.factories import DeckFactory, game_for, short_board

pytestmark = pytest.mark.django_db

NEW = reverse("game:new")

PEOPLE = {
    "anonymous": lambda: None,
    "resident": lambda: UserFactory(),
    "member": lambda: UserFactory(member=True),
    "facilitator": lambda: UserFactory(facilitator=True),
    "moderator": lambda: UserFactory(moderator=True),
    "partner": lambda: UserFactory(partner=True),
    "staff": lambda: UserFactory(staff=True),
}


def sign_in(client, role):
    user = PEOPLE[role]()
    if user:
        client.force_login(user)
    return user


def new_game_data(**overrides):
    data = {
        "team_0": "Équipe Bleue",
        "team_1": "Équipe Orange",
        "variant": "cartes",
        "dice": "2",
        "deck": "",
        "event": "",
        "name": "",
        "seed": "",
    }
    data.update(overrides)
    return data


def post(client, game, action, version=None, **extra):
    version = game.version if version is None else version
    return client.post(reverse(f"game:{action}", args=[game.pk]), {"version": version}, **extra)


def reload(game):
    return GameSession.objects.get(pk=game.pk)


# --- Who starts a game ----------------------------------------------------------------------------


def test_the_game_page_explains_the_game_to_everyone(client):
    response = client.get(reverse("game:index"))
    assert response.status_code == 200
    assert "Se connecter pour lancer une partie" in page_text(response)


def test_a_resident_is_told_who_starts_games(client):
    sign_in(client, "resident")
    content = page_text(client.get(reverse("game:index")))
    assert "Lancer une nouvelle partie" not in content
    assert "demandez à l'animateur de votre groupe" in content


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(NEW)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    client.post(NEW, new_game_data(variant="classique"))
    assert not GameSession.objects.exists()


@pytest.mark.parametrize("role", ["resident", "partner"])
def test_people_in_no_group_cannot_start_a_game(client, role):
    sign_in(client, role)
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, new_game_data(variant="classique")).status_code == 403
    assert not GameSession.objects.exists()


@pytest.mark.parametrize("role", ["member", "facilitator", "moderator", "staff"])
def test_group_members_moderators_and_staff_start_a_game(client, role):
    user = sign_in(client, role)
    deck = DeckFactory()
    event = EventFactory()
    response = client.post(
        NEW, new_game_data(deck=deck.pk, event=event.pk, team_2="Les voisins", seed="42")
    )
    game = GameSession.objects.get()
    assert response.status_code == 302 and response.url == game.get_absolute_url()
    assert game.created_by == user
    assert game.players == ("Équipe Bleue", "Équipe Orange", "Les voisins")
    assert game.seed == 42
    assert game.event == event
    assert game.name == event.title
    # The deck's cards, in order, are part of the game from its start.
    assert game.state.deck == tuple((card.pk, card.kind) for card in deck.cards_in_order())
    assert dict(game.board.cards)[5] == "question"
    content = page_text(client.get(reverse("game:index")))
    assert game.name in content


def test_a_classic_game_needs_no_deck_and_may_use_one_die(client):
    sign_in(client, "member")
    client.post(NEW, new_game_data(variant="classique", dice="1", name="Table 2"))
    game = GameSession.objects.get()
    assert game.board.cards == ()
    assert game.board.dice == 1
    assert game.name == "Table 2"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"team_1": ""}, "Il faut au moins deux équipes ou joueurs"),
        ({"team_1": " équipe bleue "}, "Deux équipes ont le même nom"),
        ({}, "choisissez un paquet de cartes"),
        ({"variant": "classique", "seed": "-3"}, "Le numéro de tirage va de 0 à 999 999."),
        ({"variant": "classique", "team_3": "x" * 41}, "moins de 40 caractères"),
        ({"variant": "oie-geante"}, "Choisissez un des deux plateaux."),
    ],
)
def test_a_wrong_form_says_what_to_fix_and_keeps_what_was_written(client, data, message):
    sign_in(client, "facilitator")
    response = client.post(NEW, new_game_data(**data))
    content = page_text(response)
    assert response.status_code == 200
    assert message in content
    assert 'value="Équipe Bleue"' in content
    assert not GameSession.objects.exists()


def test_an_empty_deck_is_refused_for_the_game_with_cards(client):
    sign_in(client, "facilitator")
    deck = DeckFactory(cards=[])
    content = page_text(client.post(NEW, new_game_data(deck=deck.pk)))
    assert "Ce paquet n'a pas encore de carte." in content


def test_the_form_opened_from_an_event_is_filled_with_it(client):
    sign_in(client, "facilitator")
    event = EventFactory(title="Restitution du Groupe Logement")
    content = page_text(client.get(NEW + f"?evenement={event.pk}"))
    assert 'value="Restitution du Groupe Logement"' in content
    assert re.search(rf'<option value="{event.pk}" selected>', content)


# --- Who runs and who sees a game -----------------------------------------------------------------


@pytest.mark.parametrize("role", ["resident", "member", "facilitator", "moderator", "partner"])
def test_only_the_creator_and_staff_see_and_run_a_game(client, role):
    game = game_for(seed=3)
    sign_in(client, role)
    assert client.get(game.get_absolute_url()).status_code == 404
    for action in ("throw", "reveal", "finish", "new_screen_link", "note_question"):
        assert post(client, game, action).status_code == 404
    assert reload(game).events == game.events
    assert not Question.objects.exists()


def test_an_anonymous_visitor_cannot_open_a_game(client):
    game = game_for()
    response = client.get(game.get_absolute_url())
    assert response.status_code == 302
    assert post(client, game, "throw").status_code == 302
    assert reload(game).version == 0


def test_staff_can_run_anybody_s_game(client):
    game = game_for(seed=3)
    sign_in(client, "staff")
    assert client.get(game.get_absolute_url()).status_code == 200
    post(client, game, "throw")
    assert reload(game).version == 1


def test_the_game_page_is_never_cached(client):
    game = game_for()
    client.force_login(game.created_by)
    response = client.get(game.get_absolute_url())
    assert "no-store" in response["Cache-Control"]


def test_actions_are_post_only(client):
    game = game_for()
    client.force_login(game.created_by)
    for action in ("throw", "reveal", "finish", "note_question"):
        assert client.get(reverse(f"game:{action}", args=[game.pk])).status_code == 405


# --- Playing --------------------------------------------------------------------------------------


def test_a_throw_plays_one_turn_and_tells_it_in_plain_french(client):
    game = game_for(board=short_board(), seed=5)
    client.force_login(game.created_by)
    response = post(client, game, "throw")
    assert response.status_code == 302
    assert response.url.endswith("#dernier-coup")
    game = reload(game)
    assert game.version == 1
    assert game.state.turns == 1
    content = page_text(client.get(game.get_absolute_url()))
    throw = next(e for e in game.events if e["type"] == "throw")
    first, second = throw["dice"]
    assert f"Équipe Bleue lance {first} et {second} : le pion avance" in content
    assert "Équipe Orange, à vous de jouer." in content
    assert "Lancer les dés pour Équipe Orange" in content


def test_a_reload_or_a_second_screen_resumes_the_same_game(client, django_user_model):
    game = game_for(board=short_board(), seed=5)
    client.force_login(game.created_by)
    for _ in range(2):
        post(client, reload(game), "throw")
    first = client.get(game.get_absolute_url()).content.decode()
    other_client = type(client)()
    other_client.force_login(game.created_by)
    second = other_client.get(game.get_absolute_url()).content.decode()
    board = re.compile(r'<div class="partie__plateau"[^>]*>.*?</svg>', re.S)
    assert board.search(first).group() == board.search(second).group()
    positions = reload(game).state.positions
    for index, square in enumerate(positions):
        assert f'data-joueur="{index}" data-case="{square}"' in first


def test_a_screen_that_was_behind_does_not_play_twice(client):
    game = game_for(board=short_board(), seed=5)
    client.force_login(game.created_by)
    post(client, game, "throw", version=0)  # first screen
    response = post(client, game, "throw", version=0, follow=True)  # second screen, same moment
    game = reload(game)
    assert game.version == 1
    assert game.state.turns == 1
    assert "La partie a changé sur un autre écran" in page_text(response)


def test_two_saves_from_the_same_version_cannot_both_win():
    game = game_for(board=short_board(), seed=5)
    first, second = reload(game), reload(game)
    first.play_turn(version=0)
    with pytest.raises(StaleVersion):
        second.play_turn(version=0)
    assert reload(game).events == first.events


def test_a_form_without_version_plays_nothing(client):
    game = game_for()
    client.force_login(game.created_by)
    client.post(reverse("game:throw", args=[game.pk]), {"version": "abc"})
    assert reload(game).version == 0


def test_with_htmx_the_game_block_alone_comes_back_and_polling_is_cheap(client):
    game = game_for(board=short_board(), seed=5)
    client.force_login(game.created_by)
    response = post(client, game, "throw", HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<div id="partie"')
    assert "<html" not in content
    assert 'data-version="1"' in content
    poll = game.get_absolute_url()
    assert client.get(poll + "?version=1", HTTP_HX_REQUEST="true").status_code == 204
    newer = client.get(poll + "?version=0", HTTP_HX_REQUEST="true")
    assert newer.status_code == 200 and 'data-version="1"' in newer.content.decode()


def card_game():
    """A game whose first throw lands on a card square (3: question)."""
    deck = DeckFactory()
    game = game_for(board=short_board(), deck=deck, seed=5)
    game.events = game.events[:1]
    return game, deck


def play_to_card(game):
    for _ in range(40):
        game = reload(game)
        game.play_turn(version=game.version)
        if reload(game).card_drawn:
            return reload(game)
    raise AssertionError("no card drawn")


def test_a_card_shows_its_prompt_and_hides_its_answer_until_revealed(client):
    game, _deck = card_game()
    client.force_login(game.created_by)
    game = play_to_card(game)
    card = game.current_card
    content = page_text(client.get(game.get_absolute_url()))
    assert card.prompt in content
    assert card.answer not in content
    assert card.discussion in content  # for the facilitator
    assert "Montrer la réponse" in content
    post(client, game, "reveal")
    game = reload(game)
    assert game.card_revealed
    content = page_text(client.get(game.get_absolute_url()))
    assert card.answer in content
    assert "Montrer la réponse" not in content


def test_a_card_says_its_subject_and_once_revealed_the_law_that_says_it(client):
    game, deck = card_game()
    deck.cards_in_order().update(
        topic="Dépôt de garantie (caution)", reference="Loi n° 89-462 du 6 juillet 1989, article 22"
    )
    client.force_login(game.created_by)
    game = play_to_card(game)
    content = page_text(client.get(game.get_absolute_url()))
    assert "Sujet : Dépôt de garantie (caution)" in content
    assert "article 22" not in content
    post(client, game, "reveal")
    content = page_text(client.get(game.get_absolute_url()))
    assert "Ce qui le dit : Loi n° 89-462 du 6 juillet 1989, article 22" in content


def test_a_card_gone_from_the_portal_since_the_game_began_does_not_block_the_game(client):
    """A question taken off the portal takes its card with it: the game that drew that card
    goes on (the throws are seeded, so a crash there would come back at every try)."""
    game, deck = card_game()
    deck.cards_in_order().delete()
    client.force_login(game.created_by)
    for _ in range(40):
        assert post(client, reload(game), "throw").status_code == 302
        if reload(game).card_drawn:
            break
    game = reload(game)
    assert game.card_drawn and game.current_card is None
    assert "Pas de carte de ce type dans le paquet" in page_text(
        client.get(game.get_absolute_url())
    )
    post(client, game, "throw")
    assert reload(game).version == game.version + 1


def test_the_next_throw_puts_the_card_away():
    game, _deck = card_game()
    game = play_to_card(game)
    game.reveal_answer(version=game.version)
    game = reload(game)
    game.play_turn(version=game.version)
    game = reload(game)
    assert not game.card_revealed
    assert game.card_drawn == any(e["type"] == "card" for e in game.last_turn)


def test_stopping_the_game_names_the_winner(client):
    game = game_for(board=short_board(), seed=5)
    client.force_login(game.created_by)
    post(client, game, "throw")
    game = reload(game)
    post(client, game, "finish")
    game = reload(game)
    assert game.is_finished and game.finished_at
    content = page_text(client.get(game.get_absolute_url()))
    assert f"{game.players[game.state.winner]} a gagné !" in content
    assert "Lancer les dés" not in content
    response = post(client, game, "throw", follow=True)
    assert "La partie est finie." in page_text(response)


def test_a_game_played_to_the_end_on_the_page(client):
    game = game_for(board=short_board(), seed=119, deck=DeckFactory())
    client.force_login(game.created_by)
    for _ in range(20):
        game = reload(game)
        if game.is_finished:
            break
        post(client, game, "throw")
    game = reload(game)
    assert game.is_finished and game.finished_at
    assert game.events[-1] == {"type": "win", "player": game.state.winner, "reason": "arrivee"}


# --- The projector's screen -----------------------------------------------------------------------


def test_the_screen_opens_with_its_secret_link_and_shows_no_button(client):
    game, _deck = card_game()
    game = play_to_card(game)
    response = client.get(game.screen_url())
    content = page_text(response)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert game.current_card.prompt in content
    assert game.current_card.answer not in content
    assert game.current_card.discussion not in content
    assert "<form" not in content.split('id="partie"')[1].split("</main>")[0]
    game.reveal_answer(version=game.version)
    assert game.current_card.answer in page_text(client.get(game.screen_url()))


def test_a_wrong_or_replaced_screen_link_opens_nothing(client):
    game = game_for()
    old = game.screen_url()
    assert client.get(reverse("game:screen", args=[game.pk, "0" * 32])).status_code == 404
    other = game_for()
    assert client.get(old.replace(f"/{game.pk}/", f"/{other.pk}/")).status_code == 404
    client.force_login(game.created_by)
    client.post(reverse("game:new_screen_link", args=[game.pk]))
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(reload(game).screen_url()).status_code == 200


def test_the_screen_polls_cheaply(client):
    game = game_for()
    url = game.screen_url()
    assert client.get(url + "?version=0", HTTP_HX_REQUEST="true").status_code == 204
    game.play_turn(version=0)
    response = client.get(url + "?version=0", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'data-version="1"' in response.content.decode()


# --- Noter une question de la table -------------------------------------------------------------

QUESTION = "Mon propriétaire ne rend pas la caution. Appelez-moi au 06 12 34 56 78, merci."


def question_data(**overrides):
    data = {
        "text": QUESTION,
        "person_agrees": "on",
        "consent_publication": "on",
        "submission_key": uuid.uuid4().hex,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_question_of_the_table_goes_to_moderation_with_the_game_s_event(client):
    event = EventFactory()
    game = game_for(event=event)
    client.force_login(game.created_by)
    response = client.post(
        reverse("game:note_question", args=[game.pk]), question_data(), follow=True
    )
    question = Question.objects.get()
    assert question.origin == Question.Origin.GAME
    assert question.event == event
    assert question.entered_by == game.created_by
    assert question.is_awaiting_moderation
    assert not question.is_public
    assert question.consent_publication
    assert "06 12 34 56 78" not in question.text
    assert question.original_text == QUESTION
    assert question.origin_detail == "Jeu de l'oie : Partie de test"
    assert "La question est notée." in page_text(response)
    assert "La partie continue." in page_text(response)
    assert reload(game).events == game.events


def test_a_question_noted_without_an_event_or_consent(client):
    game = game_for()
    client.force_login(game.created_by)
    client.post(
        reverse("game:note_question", args=[game.pk]), question_data(consent_publication=None)
    )
    question = Question.objects.get()
    assert question.event is None
    assert not question.consent_publication


def test_a_question_sent_twice_is_stored_once(client):
    game = game_for()
    client.force_login(game.created_by)
    data = question_data()
    for _ in range(2):
        client.post(reverse("game:note_question", args=[game.pk]), data)
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"person_agrees": None}, "Sans l'accord de la personne"),
        ({"text": "Court"}, "Votre texte est trop court"),
    ],
)
def test_a_wrong_question_keeps_the_text_and_the_game(client, data, message):
    game = game_for()
    client.force_login(game.created_by)
    response = client.post(reverse("game:note_question", args=[game.pk]), question_data(**data))
    content = page_text(response)
    assert response.status_code == 200
    assert message in content
    assert (data.get("text") or QUESTION) in content
    assert 'id="partie"' in content
    assert not Question.objects.exists()


# The follow-up link of a question noted at the table: shown once, to the facilitator only.

FOLLOW_LINK = re.compile(
    r'id="lien-suivi-texte(?:-\d+)?" value="https?://[^/"]+(/suivi/[A-Za-z0-9_-]+/)"'
)


def note_a_question(client, game, **overrides):
    return client.post(reverse("game:note_question", args=[game.pk]), question_data(**overrides))


def follow_path_on(response):
    match = FOLLOW_LINK.search(response.content.decode())
    return match.group(1) if match else None


def follow_paths_on(response):
    return FOLLOW_LINK.findall(response.content.decode())


def test_noting_a_question_shows_its_working_follow_link_once(client):
    game = game_for()
    client.force_login(game.created_by)
    response = note_a_question(client, game)
    assert response.url == reverse("game:play", args=[game.pk]) + "#noter"
    page = client.get(response.url)
    path = follow_path_on(page)
    assert path is not None
    assert "Donnez ce lien à la personne : elle y verra la réponse quand elle sera publiée." in (
        page_text(page)
    )
    followed = client.get(path)
    assert followed.status_code == 200
    question = Question.objects.get()
    assert question.text in page_text(followed)
    assert "06 12 34 56 78" not in page_text(followed)
    # A reload no longer shows it.
    assert follow_path_on(client.get(game.get_absolute_url())) is None
    assert 'id="lien-suivi"' not in client.get(game.get_absolute_url()).content.decode()
    # The link still works after that: it is the person's.
    assert client.get(path).status_code == 200


def test_the_follow_link_comes_with_the_page_to_print_for_the_person(client):
    game = game_for()
    client.force_login(game.created_by)
    page = client.get(note_a_question(client, game).url)
    path = follow_path_on(page)
    assert f'{path}?nouvelle=1&amp;saisie=1" target="_blank"' in page.content.decode()
    printable = page_text(client.get(path + "?nouvelle=1&saisie=1"))
    assert "Donnez ce lien à la personne : imprimez cette page" in printable


def test_the_follow_link_is_kept_neither_in_a_url_nor_in_a_message(client):
    game = game_for()
    client.force_login(game.created_by)
    response = note_a_question(client, game)
    page = client.get(response.url)
    token = follow_path_on(page).split("/")[2]
    assert token not in response.url
    assert token not in str(client.cookies)
    assert token not in Question.objects.values_list("follow_token_hash", flat=True).get()


def test_the_game_s_polling_does_not_use_up_the_follow_link(client):
    game = game_for()
    client.force_login(game.created_by)
    response = note_a_question(client, game)
    polled = client.get(game.get_absolute_url() + "?version=99", headers={"HX-Request": "true"})
    assert 'id="lien-suivi' not in polled.content.decode()
    assert follow_path_on(client.get(response.url)) is not None


def test_the_projector_s_screen_never_shows_the_follow_link(client):
    game = game_for()
    client.force_login(game.created_by)
    note_a_question(client, game)
    for headers in ({}, {"HX-Request": "true"}):
        screen = client.get(game.screen_url(), headers=headers)
        assert screen.status_code == 200
        assert "/suivi/" not in screen.content.decode()
    # … and does not use it up either: the facilitator's page still shows it.
    assert follow_path_on(client.get(game.get_absolute_url())) is not None


@pytest.mark.parametrize("who", ["same account elsewhere", "staff"])
def test_another_session_never_sees_the_follow_link(client, who):
    game = game_for()
    client.force_login(game.created_by)
    note_a_question(client, game)
    other = Client()
    other.force_login(
        game.created_by if who == "same account elsewhere" else UserFactory(staff=True)
    )
    page = other.get(game.get_absolute_url())
    assert page.status_code == 200
    assert follow_path_on(page) is None and "/suivi/" not in page.content.decode()
    assert follow_path_on(client.get(game.get_absolute_url())) is not None


def test_a_question_sent_twice_shows_the_first_send_s_link(client):
    game = game_for()
    client.force_login(game.created_by)
    data = question_data()
    client.post(reverse("game:note_question", args=[game.pk]), data)  # answer lost on the way
    response = client.post(reverse("game:note_question", args=[game.pk]), data)
    path = follow_path_on(client.get(response.url))
    assert Question.from_token(path.split("/")[2]) == Question.objects.get()


def test_questions_noted_before_the_page_is_shown_all_keep_their_follow_link(client):
    game = game_for()
    client.force_login(game.created_by)
    # Two tabs, or a redirect lost on the way: the page is not shown between the two.
    note_a_question(client, game, text="Mon bailleur ne répare pas le chauffage depuis un mois.")
    response = note_a_question(client, game, text="Puis-je demander une aide pour la caution ?")
    page = client.get(response.url)
    paths = follow_paths_on(page)
    assert len(paths) == 2
    assert "Les liens de suivi des 2 questions notées" in page_text(page)
    assert "Lien de suivi de la question 2" in page_text(page)
    noted = [Question.from_token(path.split("/")[2]) for path in paths]
    assert noted == list(Question.objects.order_by("pk"))
    for path, question in zip(paths, noted, strict=True):
        followed = client.get(path)
        assert followed.status_code == 200
        assert question.text in page_text(followed)
    # A reload shows none of them.
    again = client.get(game.get_absolute_url())
    assert follow_paths_on(again) == []
    assert 'id="lien-suivi"' not in again.content.decode()


def test_only_the_last_follow_links_wait_when_very_many_are_noted_unseen(client):
    game = game_for()
    client.force_login(game.created_by)
    for number in range(FOLLOW_LINKS_KEPT + 2):
        note_a_question(client, game, text=f"Question numéro {number} sur le loyer du logement.")
    paths = follow_paths_on(client.get(game.get_absolute_url()))
    assert len(paths) == FOLLOW_LINKS_KEPT
    newest = list(Question.objects.order_by("-pk")[:FOLLOW_LINKS_KEPT])[::-1]
    assert [Question.from_token(path.split("/")[2]) for path in paths] == newest


def test_a_wrong_question_shows_no_follow_link(client):
    game = game_for()
    client.force_login(game.created_by)
    response = note_a_question(client, game, person_agrees=None)
    assert 'id="lien-suivi' not in response.content.decode()


# --- Panels -------------------------------------------------------------------------------------


def test_mon_espace_shows_my_games_to_those_who_may_start_one(client):
    game = game_for()
    client.force_login(game.created_by)
    content = page_text(client.get(reverse("accounts:espace")))
    assert 'id="mes-parties"' in content and game.name in content
    client.force_login(UserFactory())
    assert 'id="mes-parties"' not in client.get(reverse("accounts:espace")).content.decode()


def test_an_event_page_offers_a_game_to_those_who_may_start_one(client):
    event = EventFactory()
    game = game_for(event=event)
    client.force_login(game.created_by)
    content = page_text(client.get(reverse("events:detail", args=[event.slug])))
    assert f"/jeu/nouvelle-partie/?evenement={event.pk}" in content
    assert game.name in content
    client.force_login(UserFactory())
    content = page_text(client.get(reverse("events:detail", args=[event.slug])))
    assert "nouvelle-partie" not in content


def test_a_private_group_s_deck_and_event_are_offered_to_its_members_only(client):
    from tests.groups.factories import GroupFactory, MembershipFactory

    group = GroupFactory(is_public=False)
    deck = DeckFactory(name="Paquet du groupe fermé", group=group)
    event = EventFactory(title="Réunion du groupe fermé", groups=[group])
    sign_in(client, "member")  # member of another group
    content = page_text(client.get(NEW))
    assert "Paquet du groupe fermé" not in content and "Réunion du groupe fermé" not in content
    response = client.post(NEW, new_game_data(deck=deck.pk, event=event.pk))
    assert "Ce paquet n'est pas disponible." in page_text(response)
    assert "Cet événement n'existe pas." in page_text(response)
    assert not GameSession.objects.exists()
    insider = UserFactory()
    MembershipFactory(group=group, user=insider)
    client.force_login(insider)
    content = page_text(client.get(NEW))
    assert "Paquet du groupe fermé" in content and "Réunion du groupe fermé" in content


def test_the_event_page_offers_a_game_unless_the_event_is_cancelled(client):
    from django.utils import timezone

    event = EventFactory()
    sign_in(client, "staff")
    start = f"{reverse('game:new')}?evenement={event.pk}"
    assert start in client.get(event.get_absolute_url()).text.replace("&amp;", "&")

    event.cancelled_at = timezone.now()
    event.cancellation_reason = "Salle fermée"
    event.save()

    assert start not in client.get(event.get_absolute_url()).text.replace("&amp;", "&")
