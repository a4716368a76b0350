"""The rules of the jeu de l'oie, free of Django so that they can be tested on their own.

A game is a list of events (plain JSON-able dicts). The first one, ``start``, carries everything
needed to replay it: the board, the players, the seed and the deck (card ids and kinds, in the
facilitator's order). ``play_turn`` throws the dice for the current player and returns the new
state and the events of that turn; ``apply`` folds one event into a state and ``replay`` folds a
whole list, so that a game stored as events can be resumed anywhere and always gives the same
state.

The dice are deterministic: the n-th throw of a game only depends on the seed and n, so a replayed
game goes on with the same throws as the original would have.

Rules (the classic 63-square game, every square configurable on the ``Board``):

- a goose moves the pawn again by the same throw (backwards if the throw bounced off the end);
- bridge, labyrinth and death send the pawn to another square; the effect of that square is not
  applied (a board may chain them otherwise into a loop);
- the inn makes the player miss turns;
- well and prison keep the player until another one arrives there: the newcomer frees them and is
  caught instead. If every player is caught at once, the one whose turn it is gets out (otherwise
  the game would never end);
- the end square must be reached exactly: the extra points are counted backwards;
- on a player's first throw with two dice, 6+3 goes to 26 and 5+4 to 53;
- a square mapped to a card kind draws a card of that kind instead of its classic effect: the
  next card of that kind in the deck's order (then the next of any kind, then none);
- after ``max_rounds`` rounds without a winner, the player furthest ahead wins (a time limit for
  a real session and a bound that guarantees every game ends).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from typing import Any

CARD_KINDS = ("question", "vrai-faux", "mot", "temoignage", "defi")
MIN_PLAYERS = 2
MAX_PLAYERS = 6

GEESE = (5, 9, 14, 18, 23, 27, 32, 36, 41, 45, 50, 54, 59)


class GameOver(Exception):
    """No turn can be played: the game has a winner."""


class InvalidGame(ValueError):
    """Players, board or events that do not make a game."""


@dataclass(frozen=True)
class Board:
    """Where the special squares are. Squares go from 0 (start) to ``size`` (the end).

    Mappings are tuples of pairs so that a board is hashable and comparable.
    """

    size: int = 63
    geese: tuple[int, ...] = GEESE
    # (from, to) jumps: bridge 6 → 12, labyrinth 42 → 30, death 58 → start.
    bridge: tuple[int, int] | None = (6, 12)
    labyrinth: tuple[int, int] | None = (42, 30)
    death: tuple[int, int] | None = (58, 0)
    inn: int | None = 19
    inn_turns: int = 2
    well: int | None = 31
    prison: int | None = 52
    # ((die_a, die_b), target): on a player's first throw, in any order of the dice.
    first_throw: tuple[tuple[tuple[int, int], int], ...] = (((6, 3), 26), ((5, 4), 53))
    dice: int = 2
    # (square, card kind): the square draws a card instead of its classic effect.
    cards: tuple[tuple[int, str], ...] = ()
    max_rounds: int = 150

    def __post_init__(self):
        if self.size < 4:
            raise InvalidGame("board too small")
        if self.dice not in (1, 2):
            raise InvalidGame("one or two dice")
        if self.inn_turns < 0 or self.max_rounds < 1:
            raise InvalidGame("negative turns")
        inner = set(range(1, self.size))
        specials = [*self.geese, self.inn, self.well, self.prison]
        specials += [jump[0] for jump in self.jumps().values()]
        for square in specials:
            if square is not None and square not in inner:
                raise InvalidGame(f"special square {square} outside 1..{self.size - 1}")
        for _start, target in self.jumps().values():
            if not 0 <= target < self.size:
                raise InvalidGame(f"jump target {target} outside the board")
        for _dice, target in self.first_throw:
            if not 0 < target < self.size:
                raise InvalidGame(f"first-throw target {target} outside the board")
        for square, kind in self.cards:
            if square not in inner:
                raise InvalidGame(f"card square {square} outside 1..{self.size - 1}")
            if kind not in CARD_KINDS:
                raise InvalidGame(f"unknown card kind {kind}")

    # --- lookups ------------------------------------------------------------------------------

    def jumps(self) -> dict[str, tuple[int, int]]:
        named = {"pont": self.bridge, "labyrinthe": self.labyrinth, "mort": self.death}
        return {name: jump for name, jump in named.items() if jump is not None}

    def card_at(self, square: int) -> str | None:
        return dict(self.cards).get(square)

    def special_at(self, square: int) -> str | None:
        """What a square does, as one word: "carte:<kind>", "oie", "pont", "labyrinthe", "mort",
        "auberge", "puits", "prison", "depart", "arrivee" or None."""
        kind = self.card_at(square)
        if kind:
            return f"carte:{kind}"
        if square == 0:
            return "depart"
        if square == self.size:
            return "arrivee"
        if square in self.geese:
            return "oie"
        for name, (start, _target) in self.jumps().items():
            if square == start:
                return name
        if square == self.inn:
            return "auberge"
        if square == self.well:
            return "puits"
        if square == self.prison:
            return "prison"
        return None

    def jump_target(self, square: int) -> int | None:
        for start, target in self.jumps().values():
            if square == start:
                return target
        return None

    # --- variants and serialisation -----------------------------------------------------------

    def with_cards(self) -> Board:
        """The « avec nos cartes » variant: the geese draw cards, in turn of the five kinds; the
        hazards (bridge, inn, well, labyrinth, prison, death) keep their classic rule."""
        mapping = tuple(
            (square, CARD_KINDS[index % len(CARD_KINDS)])
            for index, square in enumerate(sorted(self.geese))
        )
        return replace(self, cards=mapping)

    def to_dict(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "geese": list(self.geese),
            "bridge": list(self.bridge) if self.bridge else None,
            "labyrinth": list(self.labyrinth) if self.labyrinth else None,
            "death": list(self.death) if self.death else None,
            "inn": self.inn,
            "inn_turns": self.inn_turns,
            "well": self.well,
            "prison": self.prison,
            "first_throw": [[list(dice), target] for dice, target in self.first_throw],
            "dice": self.dice,
            "cards": [[square, kind] for square, kind in self.cards],
            "max_rounds": self.max_rounds,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Board:
        def pair(value):
            return tuple(value) if value else None

        return cls(
            size=data["size"],
            geese=tuple(data["geese"]),
            bridge=pair(data["bridge"]),
            labyrinth=pair(data["labyrinth"]),
            death=pair(data["death"]),
            inn=data["inn"],
            inn_turns=data["inn_turns"],
            well=data["well"],
            prison=data["prison"],
            first_throw=tuple((tuple(dice), target) for dice, target in data["first_throw"]),
            dice=data["dice"],
            cards=tuple((square, kind) for square, kind in data["cards"]),
            max_rounds=data["max_rounds"],
        )


CLASSIC = Board()


# --- state ------------------------------------------------------------------------------------

# Card counters: one per kind, then one for "any kind" when the deck has none of the kind asked.
POOLS = (*CARD_KINDS, "any")


@dataclass(frozen=True)
class State:
    board: Board
    players: tuple[str, ...]
    seed: int
    deck: tuple[tuple[int, str], ...] = ()  # (card id, kind) in the deck's order
    positions: tuple[int, ...] = ()
    current: int = 0
    skips: tuple[int, ...] = ()  # turns still to miss (inn)
    caught: tuple[bool, ...] = ()  # waiting in the well or the prison
    thrown: tuple[int, ...] = ()  # throws made by each player (for the first-throw rule)
    throws: int = 0  # throws made in the game: the index of the next throw in the dice stream
    turns: int = 0  # turns completed
    draws: tuple[int, ...] = field(default=(0,) * len(POOLS))
    winner: int | None = None

    @property
    def finished(self) -> bool:
        return self.winner is not None

    def start_event(self) -> dict[str, Any]:
        return start_event(self.board, self.players, self.seed, self.deck)

    def _set(self, name: str, player: int, value) -> State:
        values = list(getattr(self, name))
        values[player] = value
        return replace(self, **{name: tuple(values)})


def start_event(board: Board, players, seed: int, deck=()) -> dict[str, Any]:
    return {
        "type": "start",
        "board": board.to_dict(),
        "players": list(players),
        "seed": seed,
        "deck": [[card, kind] for card, kind in deck],
    }


def new_game(board: Board, players, seed: int, deck=()) -> State:
    """A game before the first throw. ``deck`` lists (card id, kind) in the deck's order."""
    return apply(None, start_event(board, players, seed, deck))


def _start(event: dict[str, Any]) -> State:
    players = tuple(event["players"])
    if not MIN_PLAYERS <= len(players) <= MAX_PLAYERS:
        raise InvalidGame(f"{MIN_PLAYERS} to {MAX_PLAYERS} players")
    if any(not isinstance(name, str) or not name.strip() for name in players):
        raise InvalidGame("every player needs a name")
    deck = tuple((card, kind) for card, kind in event["deck"])
    if any(kind not in CARD_KINDS for _card, kind in deck):
        raise InvalidGame("unknown card kind in the deck")
    count = len(players)
    return State(
        board=Board.from_dict(event["board"]),
        players=players,
        seed=int(event["seed"]),
        deck=deck,
        positions=(0,) * count,
        skips=(0,) * count,
        caught=(False,) * count,
        thrown=(0,) * count,
    )


def apply(state: State | None, event: dict[str, Any]) -> State:
    """The state after one event. Pure: ``state`` is not changed."""
    kind = event["type"]
    if kind == "start":
        return _start(event)
    if state is None:
        raise InvalidGame("a game begins with a start event")
    if state.finished:
        raise GameOver("the game is over")
    player = event["player"]
    if not 0 <= player < len(state.players):
        raise InvalidGame(f"no player {player}")
    if kind == "throw":
        state = state._set("thrown", player, state.thrown[player] + 1)
        return replace(state, throws=state.throws + 1)
    if kind == "move":
        if not 0 <= event["to"] <= state.board.size:
            raise InvalidGame(f"square {event['to']} outside the board")
        return state._set("positions", player, event["to"])
    if kind == "inn":
        return state._set("skips", player, event["turns"])
    if kind == "skip":
        return state._set("skips", player, max(0, state.skips[player] - 1))
    if kind == "caught":
        return state._set("caught", player, True)
    if kind == "freed":
        return state._set("caught", player, False)
    if kind == "card":
        if event["pool"] is None:
            return state
        draws = list(state.draws)
        draws[POOLS.index(event["pool"])] += 1
        return replace(state, draws=tuple(draws))
    if kind == "turn":
        return replace(state, current=player, turns=state.turns + 1)
    if kind == "win":
        return replace(state, winner=player)
    if kind == "wait":
        return state
    raise InvalidGame(f"unknown event {kind}")


def replay(events) -> State:
    """The state reached by a list of events that begins with ``start``."""
    events = list(events)
    if not events or events[0]["type"] != "start":
        raise InvalidGame("a game begins with a start event")
    state = None
    for event in events:
        state = apply(state, event)
    return state


# --- playing ----------------------------------------------------------------------------------


def roll(seed: int, index: int, dice: int) -> list[int]:
    """Throw number ``index`` of the game: only depends on the seed and the index (a string seed
    is hashed with SHA-512 by ``random``, the same on every machine and every run)."""
    rng = random.Random(f"{seed}:{index}")  # noqa: S311 - a board game, not a secret
    return [rng.randint(1, 6) for _ in range(dice)]


def draw_card(state: State, kind: str) -> tuple[int | None, str | None]:
    """(card id, pool) of the next card of ``kind``: in the deck's order, round and round; if the
    deck has none of that kind, the next card of any kind; if the deck is empty, none."""
    same = [card for card, card_kind in state.deck if card_kind == kind]
    if same:
        return same[state.draws[POOLS.index(kind)] % len(same)], kind
    if state.deck:
        return state.deck[state.draws[POOLS.index("any")] % len(state.deck)][0], "any"
    return None, None


class _Turn:
    """Collects the events of one turn, applying each as it goes."""

    def __init__(self, state: State):
        self.state = state
        self.events: list[dict[str, Any]] = []

    def emit(self, **event) -> None:
        self.state = apply(self.state, event)
        self.events.append(event)


def play_turn(state: State, dice: list[int] | None = None) -> tuple[State, list[dict[str, Any]]]:
    """Play the current player's turn: returns the new state and the turn's events. ``dice``
    replaces the seeded throw (real dice thrown at the table, or a test)."""
    if state.finished:
        raise GameOver("the game is over")
    if dice is not None and (
        len(dice) != state.board.dice or any(not 1 <= value <= 6 for value in dice)
    ):
        raise InvalidGame(f"a throw is {state.board.dice} dice from 1 to 6")
    turn = _Turn(state)
    player = state.current
    if state.skips[player] > 0:
        turn.emit(type="skip", player=player, remaining=state.skips[player] - 1)
    elif state.caught[player] and not all(state.caught):
        turn.emit(type="wait", player=player, square=state.positions[player])
    else:
        if state.caught[player]:
            # Everybody is caught: nobody could ever free anyone, so the player whose turn it is
            # gets out and plays.
            turn.emit(type="freed", player=player, by=None, square=state.positions[player])
        _throw(turn, player, dice)
    if not turn.state.finished:
        _end_turn(turn, player)
    return turn.state, turn.events


def _end_turn(turn: _Turn, player: int) -> None:
    state = turn.state
    if state.turns + 1 >= state.board.max_rounds * len(state.players):
        furthest = max(range(len(state.players)), key=lambda p: (state.positions[p], -p))
        turn.emit(type="win", player=furthest, reason="temps")
    else:
        turn.emit(type="turn", player=(player + 1) % len(state.players))


def _throw(turn: _Turn, player: int, dice: list[int] | None) -> None:
    state = turn.state
    board = state.board
    dice = list(dice) if dice is not None else roll(state.seed, state.throws, board.dice)
    first = state.thrown[player] == 0
    turn.emit(type="throw", player=player, dice=dice)
    total = sum(dice)
    start = state.positions[player]
    if board.dice == 2 and first:
        for pair, target in board.first_throw:
            if sorted(pair) == sorted(dice):
                turn.emit(
                    type="move", player=player, to=target, reason="premier-lancer", bounced=False
                )
                _land(turn, player, total, direction=1)
                return
    _advance(turn, player, start, total, direction=1, reason="lancer")


def _advance(turn: _Turn, player: int, start: int, steps: int, direction: int, reason: str):
    size = turn.state.board.size
    bounced = False
    if direction > 0:
        target = start + steps
        if target > size:
            target, bounced, direction = max(0, 2 * size - target), True, -1
    else:
        target = max(0, start - steps)
    turn.emit(type="move", player=player, to=target, reason=reason, bounced=bounced)
    _land(turn, player, steps, direction)


def _land(turn: _Turn, player: int, steps: int, direction: int) -> None:
    state = turn.state
    board = state.board
    square = state.positions[player]
    if square == board.size:
        turn.emit(type="win", player=player, reason="arrivee")
        return
    kind = board.card_at(square)
    if kind:
        card, pool = draw_card(state, kind)
        turn.emit(type="card", player=player, square=square, kind=kind, card=card, pool=pool)
        return
    if square in board.geese:
        _advance(turn, player, square, steps, direction, reason="oie")
        return
    target = board.jump_target(square)
    if target is not None:
        turn.emit(
            type="move", player=player, to=target, reason=board.special_at(square), bounced=False
        )
        return
    if square == board.inn and board.inn_turns:
        turn.emit(type="inn", player=player, turns=board.inn_turns)
        return
    if square in (board.well, board.prison):
        for other, position in enumerate(state.positions):
            if other != player and position == square and state.caught[other]:
                turn.emit(type="freed", player=other, by=player, square=square)
        turn.emit(type="caught", player=player, square=square)


def finish_now(state: State) -> tuple[State, list[dict[str, Any]]]:
    """End the game before its end (the session is over): the player furthest ahead wins, the
    first in the playing order on a tie."""
    if state.finished:
        raise GameOver("the game is over")
    turn = _Turn(state)
    furthest = max(range(len(state.players)), key=lambda p: (state.positions[p], -p))
    turn.emit(type="win", player=furthest, reason="arret")
    return turn.state, turn.events


def play_to_end(state: State) -> tuple[State, list[dict[str, Any]]]:
    """Play turns until somebody wins (always happens: see ``Board.max_rounds``)."""
    events = []
    while not state.finished:
        state, turn_events = play_turn(state)
        events += turn_events
    return state, events
