"""Properties of the rules, on games hypothesis makes up: any seed, 2 to 6 players, one or two
dice, the classic board or ours with cards, and small boards where the well, the prison and the
inn are close together so that everybody gets stuck often."""

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portail.game import rules
from portail.game.rules import CARD_KINDS, Board, new_game, play_turn, replay

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

small_board = st.builds(
    lambda dice, inn_turns: Board(
        size=24,
        geese=(5, 9, 14, 18),
        bridge=(6, 12),
        labyrinth=(20, 10),
        death=(22, 0),
        inn=8,
        inn_turns=inn_turns,
        well=11,
        prison=13,
        first_throw=(((6, 3), 15),),
        dice=dice,
        max_rounds=10_000,
    ),
    st.sampled_from([1, 2]),
    st.integers(0, 3),
)
classic_board = st.builds(
    lambda dice, cards: Board(dice=dice).with_cards() if cards else Board(dice=dice),
    st.sampled_from([1, 2]),
    st.booleans(),
)
boards = st.one_of(classic_board, small_board)
decks = st.lists(st.tuples(st.integers(1, 10_000), st.sampled_from(CARD_KINDS)), max_size=12)
players = st.integers(2, 6).map(lambda n: [f"Équipe {i + 1}" for i in range(n)])
seeds = st.integers(0, 10**9)


def played(board, names, seed, deck=()):
    """Play a whole game, checking positions after every turn. Returns (states, turns, events)
    where states[i] is the state before turns[i]."""
    state = new_game(board, names, seed, deck)
    states, turns, events = [], [], [state.start_event()]
    while not state.finished:
        states.append(state)
        state, turn = play_turn(state)
        assert all(0 <= p <= board.size for p in state.positions)
        turns.append(turn)
        events += turn
    states.append(state)
    return states, turns, events


@SETTINGS
@given(boards, players, seeds, decks)
def test_a_game_ends_with_one_winner_and_replays_to_the_same_state(board, names, seed, deck):
    states, turns, events = played(board, names, seed, deck)
    final = states[-1]
    wins = [e for e in events if e["type"] == "win"]
    assert len(wins) == 1 and events[-1] is wins[0]
    assert len(turns) <= board.max_rounds * len(names)
    assert replay(events) == final
    if wins[0]["reason"] == "arrivee":
        assert final.positions[final.winner] == board.size
        assert [p for p in final.positions if p == board.size] == [board.size]


@SETTINGS
@given(boards, players, seeds, st.data())
def test_a_game_stopped_anywhere_and_replayed_goes_on_the_same_way(board, names, seed, data):
    states, turns, events = played(board, names, seed)
    cut = data.draw(st.integers(0, len(turns) - 1))
    prefix = [events[0]] + [e for turn in turns[:cut] for e in turn]
    resumed = replay(prefix)
    assert resumed == states[cut]
    rest = []
    while not resumed.finished:
        resumed, turn = play_turn(resumed)
        rest += turn
    assert prefix + rest == events


@SETTINGS
@given(small_board, players, seeds)
def test_without_a_time_limit_somebody_reaches_the_end(board, names, seed):
    """The well, the prison and the inn never block a game for good."""
    _states, turns, events = played(board, names, seed)
    assert events[-1]["reason"] == "arrivee"
    # Among (inn turns + 1) × players + 1 turns in a row, somebody throws the dice.
    window = (board.inn_turns + 1) * len(names) + 1
    threw = [any(e["type"] == "throw" for e in turn) for turn in turns]
    for start in range(max(0, len(threw) - window + 1)):
        assert any(threw[start : start + window])


@SETTINGS
@given(boards, players, seeds)
def test_every_move_follows_the_rules(board, names, seed):
    states, turns, _events = played(board, names, seed)
    for before, turn in zip(states, turns, strict=False):
        throw = next((e for e in turn if e["type"] == "throw"), None)
        if throw is None:
            assert next(e["type"] for e in turn) in ("skip", "wait")
            continue
        player = throw["player"]
        assert player == before.current
        total = sum(throw["dice"])
        square = before.positions[player]
        direction = 1
        move_events = [e for e in turn if e["type"] == "move"]
        first = move_events[0]
        pair = sorted(throw["dice"])
        jumps = {tuple(sorted(dice)): target for dice, target in board.first_throw}
        if board.dice == 2 and before.thrown[player] == 0 and tuple(pair) in jumps:
            assert (first["to"], first["reason"]) == (jumps[tuple(pair)], "premier-lancer")
        else:
            assert first["reason"] == "lancer"
            if square + total <= board.size:
                assert first["to"] == square + total and not first["bounced"]
            else:
                assert first["bounced"]
                assert first["to"] == max(0, 2 * board.size - square - total)
        for move, following in zip(move_events, [*move_events[1:], None], strict=True):
            if move["bounced"]:
                direction = -1
            landed = move["to"]
            landing = move["reason"] in ("lancer", "oie", "premier-lancer")
            special = board.special_at(landed) if landing else None
            if special == "oie":
                assert following is not None and following["reason"] == "oie"
                expected = landed + total if direction > 0 else max(0, landed - total)
                if expected > board.size:
                    expected = max(0, 2 * board.size - expected)
                assert following["to"] == expected
            elif special in ("pont", "labyrinthe", "mort"):
                assert following == {
                    "type": "move",
                    "player": player,
                    "to": board.jump_target(landed),
                    "reason": special,
                    "bounced": False,
                }
            elif move["reason"] in ("lancer", "oie", "premier-lancer"):
                assert following is None


def test_the_first_throw_rule_applies_to_every_player():
    """Hypothesis aside: with two dice, each player's first throw of 6+3 lands on 26."""
    board = Board()
    state = new_game(board, ["A", "B", "C"], 1)
    for expected in range(3):
        state, events = play_turn(state, [3, 6])
        assert events[1] == {
            "type": "move", "player": expected, "to": 26, "reason": "premier-lancer",
            "bounced": False,
        }  # fmt: skip
    assert state.positions == (26, 26, 26)


def test_a_short_board_can_be_made_for_quick_games():
    board = replace(Board(), size=20, geese=(5, 9, 14, 18), labyrinth=None, death=None,
                    well=None, prison=None, first_throw=())  # fmt: skip
    state = new_game(board, ["A", "B"], 3)
    state, _ = rules.play_to_end(state)
    assert state.finished
