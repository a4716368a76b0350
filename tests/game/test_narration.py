"""The turns told in plain French, for the live region, the log and the projector."""

import pytest

from portail.game.narration import sentences
from portail.game.rules import Board

TEAMS = ("Équipe Bleue", "Équipe Orange")
BOARD = Board()


def told(*events):
    return sentences(list(events), TEAMS, BOARD)


def throw(*dice, player=0):
    return {"type": "throw", "player": player, "dice": list(dice)}


def move(to, reason="lancer", bounced=False, player=0):
    return {"type": "move", "player": player, "to": to, "reason": reason, "bounced": bounced}


def test_a_throw_a_goose_and_the_next_turn():
    assert told(throw(3, 4), move(14), move(21, "oie"), {"type": "turn", "player": 1}) == [
        "Équipe Bleue lance 3 et 4 : le pion avance à la case 14.",
        "C'est une oie : le pion avance encore, jusqu'à la case 21.",
        "Équipe Orange, à vous de jouer.",
    ]


def test_one_die():
    assert told(throw(5), move(5)) == ["Équipe Bleue lance 5 : le pion avance à la case 5."]


def test_the_first_throw_and_the_bounce():
    assert told(throw(6, 3), move(26, "premier-lancer")) == [
        "Équipe Bleue lance 6 et 3 au premier coup : le pion va directement à la case 26."
    ]
    assert told(throw(3, 4), move(59, bounced=True), move(54, "oie")) == [
        "Équipe Bleue lance 3 et 4 : il faut tomber juste sur la case 63, le pion y va et "
        "recule jusqu'à la case 59.",
        "C'est une oie : le pion recule encore, jusqu'à la case 54.",
    ]


@pytest.mark.parametrize(
    ("start", "reason", "to", "sentence"),
    [
        (6, "pont", 12, "Case 6, le pont : le pion passe à la case 12."),
        (42, "labyrinthe", 30, "Case 42, le labyrinthe : le pion retourne à la case 30."),
        (58, "mort", 0, "Case 58, la mort : le pion repart de la case départ."),
    ],
)
def test_the_jumps(start, reason, to, sentence):
    assert told(throw(1, 2), move(start), move(to, reason))[1] == sentence


def test_waiting_squares():
    assert told({"type": "inn", "player": 0, "turns": 2}) == [
        "C'est l'auberge : Équipe Bleue passe 2 tours."
    ]
    assert told({"type": "skip", "player": 1, "remaining": 0}) == [
        "Équipe Orange est à l'auberge et passe son tour."
    ]
    assert told(
        {"type": "freed", "player": 0, "by": 1, "square": 31},
        {"type": "caught", "player": 1, "square": 31},
    ) == [
        "Équipe Bleue sort et pourra rejouer au prochain tour.",
        "C'est le puits : Équipe Orange attend qu'un autre pion vienne prendre sa place.",
    ]
    assert told({"type": "wait", "player": 0, "square": 52}) == [
        "Équipe Bleue attend toujours en prison et ne joue pas."
    ]
    assert told({"type": "freed", "player": 0, "by": None, "square": 52}) == [
        "Tous les pions sont bloqués : Équipe Bleue sort et joue."
    ]


def test_cards_and_wins():
    card = {"type": "card", "player": 0, "square": 9, "kind": "vrai-faux", "card": 3, "pool": "x"}
    assert told(card) == ["Case 9 : on tire une carte « Vrai ou faux »."]
    assert told({"type": "win", "player": 1, "reason": "arrivee"}) == [
        "Équipe Orange arrive sur la case 63 et gagne la partie !"
    ]
    assert told({"type": "win", "player": 0, "reason": "arret"}) == [
        "La partie est arrêtée : Équipe Bleue est en tête et gagne la partie."
    ]
