"""Each rule of the jeu de l'oie on an example, with dice chosen by the test."""

from dataclasses import replace

import pytest

from portail.game import rules
from portail.game.rules import Board, GameOver, InvalidGame, new_game, play_turn, replay

TEAMS = ["Équipe Bleue", "Équipe Orange"]


def game(board=None, players=TEAMS, deck=()):
    return new_game(board or Board(), players, seed=7, deck=deck)


def placed(state, player, square, *, thrown=1):
    """The state with ``player`` on ``square``, having already thrown (no first-throw rule)."""
    state = state._set("positions", player, square)
    return state._set("thrown", player, thrown)


def moves(events):
    return [(e["to"], e["reason"]) for e in events if e["type"] == "move"]


def kinds(events):
    return [e["type"] for e in events]


def test_a_new_game_has_every_pawn_on_the_start_and_the_first_player_to_play():
    state = game(players=["A", "B", "C"])
    assert state.positions == (0, 0, 0)
    assert state.current == 0
    assert not state.finished
    assert replay([state.start_event()]) == state


@pytest.mark.parametrize("players", [["Seule"], ["A", "B", "C", "D", "E", "F", "G"], ["A", " "]])
def test_a_game_needs_two_to_six_named_players(players):
    with pytest.raises(InvalidGame):
        game(players=players)


def test_a_throw_moves_the_pawn_and_passes_the_turn():
    state, events = play_turn(placed(game(), 0, 0), [1, 2])
    assert state.positions == (3, 0)
    assert moves(events) == [(3, "lancer")]
    assert events[-1] == {"type": "turn", "player": 1}
    assert state.current == 1


def test_a_goose_moves_the_pawn_again_by_the_same_throw():
    state, events = play_turn(placed(game(), 0, 2), [1, 2])
    assert moves(events) == [(5, "lancer"), (8, "oie")]
    assert state.positions[0] == 8


def test_geese_chain_nine_by_nine_to_the_end_without_the_first_throw_rule():
    state, events = play_turn(placed(game(), 0, 0), [4, 5])
    assert [to for to, _ in moves(events)] == [9, 18, 27, 36, 45, 54, 63]
    assert state.winner == 0
    assert events[-1] == {"type": "win", "player": 0, "reason": "arrivee"}


@pytest.mark.parametrize(
    ("dice", "target"), [([6, 3], 26), ([3, 6], 26), ([5, 4], 53), ([4, 5], 53)]
)
def test_the_first_throw_of_six_and_three_or_five_and_four_jumps(dice, target):
    state, events = play_turn(game(), dice)
    assert moves(events) == [(target, "premier-lancer")]
    assert state.positions[0] == target


def test_the_first_throw_rule_holds_only_on_the_first_throw():
    state = game()
    state, _ = play_turn(state, [1, 1])  # A: 2
    state, _ = play_turn(state, [1, 1])  # B: 2
    state, events = play_turn(state, [6, 3])  # A again: 2 + 9 = 11
    assert moves(events) == [(11, "lancer")]


def test_there_is_no_first_throw_rule_with_one_die():
    _state, events = play_turn(game(Board(dice=1)), [6])
    assert moves(events) == [(6, "lancer"), (12, "pont")]


def test_the_bridge_leads_to_twelve():
    _state, events = play_turn(placed(game(), 0, 3), [1, 2])
    assert moves(events) == [(6, "lancer"), (12, "pont")]


def test_the_labyrinth_leads_back_to_thirty():
    _state, events = play_turn(placed(game(), 0, 39), [1, 2])
    assert moves(events) == [(42, "lancer"), (30, "labyrinthe")]


def test_death_sends_the_pawn_back_to_the_start():
    state, events = play_turn(placed(game(), 0, 55), [1, 2])
    assert moves(events) == [(58, "lancer"), (0, "mort")]
    assert state.positions[0] == 0


def test_the_inn_makes_the_player_miss_two_turns():
    state, events = play_turn(placed(game(), 0, 16), [1, 2])
    assert kinds(events) == ["throw", "move", "inn", "turn"]
    assert state.skips == (2, 0)
    for _ in range(2):
        state, _ = play_turn(state, [1, 1])  # B plays
        state, events = play_turn(state)  # A misses a turn: no throw
        assert kinds(events) == ["skip", "turn"]
    state, _ = play_turn(state, [1, 1])
    state, events = play_turn(state, [1, 2])
    assert moves(events) == [(22, "lancer")]


def test_the_turns_missed_at_the_inn_are_configurable():
    state, _events = play_turn(placed(game(Board(inn_turns=1)), 0, 16), [1, 2])
    assert state.skips == (1, 0)


@pytest.mark.parametrize("square", [31, 52])
def test_the_well_and_the_prison_keep_the_player_until_another_arrives(square):
    state = placed(placed(game(), 0, square - 3), 1, square - 3)
    state, events = play_turn(state, [1, 2])
    assert state.caught == (True, False)
    assert events[-2] == {"type": "caught", "player": 0, "square": square}
    state, _ = play_turn(state, [1, 1])  # B elsewhere
    state, events = play_turn(state)  # A waits
    assert kinds(events) == ["wait", "turn"]
    assert state.positions[0] == square
    state = placed(state, 1, square - 3)
    state, events = play_turn(state, [1, 2])  # B arrives: frees A, is caught instead
    assert {"type": "freed", "player": 0, "by": 1, "square": square} in events
    assert state.caught == (False, True)
    state, events = play_turn(state, [1, 1])  # A plays again
    assert moves(events)[0] == (square + 2, "lancer")


def test_when_every_player_is_caught_the_one_whose_turn_it_is_gets_out():
    state = placed(placed(game(), 0, 28), 1, 49)
    state, _ = play_turn(state, [1, 2])  # A in the well
    state, _ = play_turn(state, [1, 2])  # B in the prison
    assert state.caught == (True, True)
    state, events = play_turn(state, [1, 1])
    assert events[0] == {"type": "freed", "player": 0, "by": None, "square": 31}
    assert moves(events) == [(33, "lancer")]
    assert state.caught == (False, True)


def test_the_end_must_be_reached_exactly():
    state, events = play_turn(placed(game(), 0, 60), [1, 2])
    assert state.winner == 0
    assert events[-1]["type"] == "win"
    assert "turn" not in kinds(events)


def test_extra_points_are_counted_backwards_from_the_end():
    state, events = play_turn(placed(game(), 0, 57), [3, 4])
    move = next(e for e in events if e["type"] == "move")
    assert move == {"type": "move", "player": 0, "to": 62, "reason": "lancer", "bounced": True}
    assert not state.finished


def test_a_goose_reached_backwards_moves_the_pawn_further_back():
    _state, events = play_turn(placed(game(), 0, 62), [2, 3])
    assert moves(events) == [(59, "lancer"), (54, "oie"), (49, "oie")]


def test_a_card_square_draws_the_next_card_of_its_kind_instead_of_its_rule():
    board = Board().with_cards()
    assert board.card_at(5) == "question"
    deck = [(11, "question"), (12, "mot"), (13, "question")]
    state, events = play_turn(placed(game(board, deck=deck), 0, 2), [1, 2])
    assert moves(events) == [(5, "lancer")]  # no goose move
    card = next(e for e in events if e["type"] == "card")
    assert card == {
        "type": "card",
        "player": 0,
        "square": 5,
        "kind": "question",
        "card": 11,
        "pool": "question",
    }
    state = placed(state, 1, 2)
    state, events = play_turn(state, [1, 2])
    assert [e["card"] for e in events if e["type"] == "card"] == [13]
    state = placed(state, 0, 2)
    state, events = play_turn(state, [1, 2])
    assert [e["card"] for e in events if e["type"] == "card"] == [11]  # round and round


def test_without_a_card_of_the_kind_the_next_card_of_any_kind_is_drawn():
    board = Board(cards=((3, "defi"),))
    _state, events = play_turn(placed(game(board, deck=[(1, "mot"), (2, "question")]), 0, 1),
                              [1, 1])  # fmt: skip
    assert [(e["card"], e["pool"]) for e in events if e["type"] == "card"] == [(1, "any")]


def test_without_a_deck_a_card_square_still_says_a_card_is_drawn():
    _state, events = play_turn(placed(game(Board(cards=((3, "mot"),))), 0, 1), [1, 1])
    assert [(e["card"], e["pool"]) for e in events if e["type"] == "card"] == [(None, None)]


def test_after_the_last_round_the_player_furthest_ahead_wins():
    state = game(Board(max_rounds=1))
    state, _ = play_turn(state, [1, 1])
    state, events = play_turn(state, [1, 2])
    assert events[-1] == {"type": "win", "player": 1, "reason": "temps"}


def test_stopping_the_game_gives_it_to_the_player_furthest_ahead_first_in_order_on_a_tie():
    state, events = rules.finish_now(placed(placed(game(), 0, 10), 1, 10))
    assert events == [{"type": "win", "player": 0, "reason": "arret"}]
    assert state.winner == 0


def test_nothing_can_be_played_after_the_win():
    state, _events = play_turn(placed(game(), 0, 60), [1, 2])
    with pytest.raises(GameOver):
        play_turn(state)
    with pytest.raises(GameOver):
        rules.apply(state, {"type": "turn", "player": 1})


@pytest.mark.parametrize("dice", [[1], [0, 3], [7, 1], [1, 2, 3]])
def test_a_forced_throw_must_be_real_dice(dice):
    with pytest.raises(InvalidGame):
        play_turn(game(), dice)


def test_the_dice_only_depend_on_the_seed_and_the_throw_number():
    assert rules.roll(42, 3, 2) == rules.roll(42, 3, 2)
    throws = {tuple(rules.roll(42, index, 2)) for index in range(50)}
    assert len(throws) > 10
    assert all(1 <= value <= 6 for throw in throws for value in throw)


def test_replaying_the_events_gives_the_same_state():
    state = game(Board().with_cards(), deck=[(1, "question"), (2, "mot")])
    events = [state.start_event()]
    for _ in range(12):
        state, turn = play_turn(state)
        events += turn
    assert replay(events) == state


def test_a_game_begins_with_a_start_event():
    with pytest.raises(InvalidGame):
        replay([{"type": "turn", "player": 0}])
    with pytest.raises(InvalidGame):
        rules.apply(game(), {"type": "teleport", "player": 0})


@pytest.mark.parametrize(
    "changes",
    [
        {"geese": (5, 70)},
        {"bridge": (6, 80)},
        {"cards": ((5, "poeme"),)},
        {"cards": ((63, "mot"),)},
        {"dice": 3},
        {"size": 3},
        {"first_throw": (((6, 3), 99),)},
    ],
)
def test_a_board_with_squares_outside_it_is_refused(changes):
    with pytest.raises(InvalidGame):
        replace(Board(), **changes)


def test_a_board_survives_its_json_form():
    board = replace(Board().with_cards(), inn=None, dice=1, max_rounds=40)
    assert Board.from_dict(board.to_dict()) == board


def test_special_squares_have_their_names():
    board = Board()
    names = {square: board.special_at(square) for square in (0, 5, 6, 19, 31, 42, 52, 58, 63, 7)}
    assert names == {
        0: "depart", 5: "oie", 6: "pont", 19: "auberge", 31: "puits",
        42: "labyrinthe", 52: "prison", 58: "mort", 63: "arrivee", 7: None,
    }  # fmt: skip
    assert board.with_cards().special_at(5) == "carte:question"
