"""The board's geometry and its SVG drawing, shared by the game on screen and the printed kit.

Pure functions: a ``rules.Board`` in, coordinates or an SVG string out. The only Django import is
gettext, for the labels. The squares run as a rectangular spiral from the start (bottom left) to
the end (towards the middle), numbers big enough to be read from the back of a room. A special
square is told by its colour AND a pictogram AND a short label, never by colour alone; each pawn
has its own shape as well as its colour.

Styling is done with SVG presentation attributes (no CSS, no script) so that the same drawing
works inline in a page under a strict Content-Security-Policy, alone as a file, and in WeasyPrint.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .rules import Board

CELL = 120  # width of a square, in viewBox units
CELL_HEIGHT = 130
GAP = 4
MARGIN = 10
INK = "#111111"

# (fill, text colour) per kind of square; every fill keeps a contrast ≥ 7:1 with its text.
COLOURS = {
    None: ("#ffffff", INK),
    "depart": ("#d3f2cb", INK),
    "arrivee": ("#ffd3df", INK),
    "oie": ("#fff0b3", INK),
    "pont": ("#d2e7ff", INK),
    "auberge": ("#ffdcbd", INK),
    "puits": ("#cdeeee", INK),
    "labyrinthe": ("#e6d9ff", INK),
    "prison": ("#dcdcdc", INK),
    "mort": ("#333333", "#ffffff"),
    "carte": ("#d9f2e3", INK),
}

# Short labels written on the squares (kept short: they are read from afar).
LABELS = {
    "depart": gettext_noop("Départ"),
    "arrivee": gettext_noop("Arrivée"),
    "oie": gettext_noop("Oie"),
    "pont": gettext_noop("Pont"),
    "auberge": gettext_noop("Auberge"),
    "puits": gettext_noop("Puits"),
    "labyrinthe": gettext_noop("Labyrinthe"),
    "prison": gettext_noop("Prison"),
    "mort": gettext_noop("Mort"),
    "carte:question": gettext_noop("Question"),
    "carte:vrai-faux": gettext_noop("Vrai/faux"),
    "carte:mot": gettext_noop("Mot"),
    "carte:temoignage": gettext_noop("Témoignage"),
    "carte:defi": gettext_noop("Défi"),
}

# Pawns: one shape and one colour per player or team, in this order.
PAWN_SHAPES = ("cercle", "carre", "triangle", "losange", "etoile", "hexagone")
PAWN_COLOURS = ("#1c5bb8", "#c2410c", "#2b7a3a", "#6d3fd1", "#f2c200", "#b8235a")
PAWN_COLOUR_NAMES = (
    gettext_noop("Bleue"),
    gettext_noop("Orange"),
    gettext_noop("Verte"),
    gettext_noop("Violette"),
    gettext_noop("Jaune"),
    gettext_noop("Rose"),
)
PAWN_SHAPE_NAMES = (
    gettext_noop("rond"),
    gettext_noop("carré"),
    gettext_noop("triangle"),
    gettext_noop("losange"),
    gettext_noop("étoile"),
    gettext_noop("hexagone"),
)
PAWN_RADIUS = 13
# Where the pawns standing on one square sit (offsets from its top-left corner) and how big they
# are, by how many share the square: alone, a pawn fills the space between the number and the
# label, so that it is seen from the back of a room; six still fit, on a 3 × 2 grid.
PAWN_LAYOUTS = {
    1: ((60, 77, 22),),
    2: ((32, 77, 18), (88, 77, 18)),
    3: ((24, 77, 13), (60, 77, 13), (96, 77, 13)),
}
PAWN_SLOTS = ((24, 62), (60, 62), (96, 62), (24, 92), (60, 92), (96, 92))
# The thick line between two neighbouring squares that do not follow each other, so that the
# eye follows the track of the spiral instead of jumping from ring to ring.
WALL = 8


class Pawn(NamedTuple):
    square: int
    name: str = ""


def label(board: Board, square: int) -> str:
    """The translated short label of a square ("" for a plain square)."""
    special = board.special_at(square)
    return _(LABELS[special]) if special else ""


def pawn_description(index: int) -> str:
    """« pion bleu, rond » — how a pawn is told apart without its colour."""
    return _("pion %(shape)s, couleur %(colour)s") % {
        "shape": _(PAWN_SHAPE_NAMES[index % len(PAWN_SHAPES)]),
        "colour": _(PAWN_COLOUR_NAMES[index % len(PAWN_COLOURS)]).lower(),
    }


# --- geometry ---------------------------------------------------------------------------------


def grid_size(count: int) -> tuple[int, int]:
    """(columns, rows) of a landscape grid (about 10 × 7) holding ``count`` squares."""
    rows = max(2, round(math.sqrt(count / 1.45)))
    columns = math.ceil(count / rows)
    return columns, rows


def spiral_cells(columns: int, rows: int) -> list[tuple[int, int]]:
    """Grid cells (column, row) of a spiral starting bottom left, going right, up, left, down,
    then inwards. Row 0 is the top."""
    cells = []
    left, right, top, bottom = 0, columns - 1, 0, rows - 1
    while left <= right and top <= bottom:
        cells += [(column, bottom) for column in range(left, right + 1)]
        cells += [(right, row) for row in range(bottom - 1, top - 1, -1)]
        if top < bottom:
            cells += [(column, top) for column in range(right - 1, left - 1, -1)]
        if left < right:
            cells += [(left, row) for row in range(top + 1, bottom)]
        left, right, top, bottom = left + 1, right - 1, top + 1, bottom - 1
    return cells


def _corners(board: Board) -> list[tuple[int, int]]:
    columns, rows = grid_size(board.size + 1)
    cells = spiral_cells(columns, rows)[: board.size + 1]
    return [
        (MARGIN + column * (CELL + GAP), MARGIN + row * (CELL_HEIGHT + GAP))
        for column, row in cells
    ]


def free_area(board: Board) -> tuple[int, int, int] | None:
    """(x, y, width) of the widest run of unused cells in one row (the middle of the spiral),
    where a title fits; None if there is none wide enough."""
    columns, rows = grid_size(board.size + 1)
    unused = spiral_cells(columns, rows)[board.size + 1 :]
    by_row: dict[int, list[int]] = {}
    for column, row in unused:
        by_row.setdefault(row, []).append(column)
    if not by_row:
        return None
    row, cols = max(by_row.items(), key=lambda item: len(item[1]))
    if len(cols) < 3:
        return None
    x = MARGIN + min(cols) * (CELL + GAP)
    return x, MARGIN + row * (CELL_HEIGHT + GAP), len(cols) * (CELL + GAP) - GAP


def square_positions(board: Board) -> list[tuple[int, int]]:
    """Centre (x, y) of every square 0..size, in the SVG's viewBox units."""
    return [(x + CELL // 2, y + CELL_HEIGHT // 2) for x, y in _corners(board)]


def view_box(board: Board) -> tuple[int, int]:
    """(width, height) of the board's viewBox."""
    columns, rows = grid_size(board.size + 1)
    return (
        2 * MARGIN + columns * (CELL + GAP) - GAP,
        2 * MARGIN + rows * (CELL_HEIGHT + GAP) - GAP,
    )


def pawn_layout(count: int) -> tuple[tuple[int, int, int], ...]:
    """(dx, dy, radius) of each of ``count`` pawns sharing a square, in the players' order."""
    if count in PAWN_LAYOUTS:
        return PAWN_LAYOUTS[count]
    return tuple((dx, dy, PAWN_RADIUS) for dx, dy in PAWN_SLOTS[:count])


def walls(board: Board) -> list[tuple[float, float, float, float]]:
    """Lines (x1, y1, x2, y2) in the gaps between neighbouring squares whose numbers do not
    follow each other (the sides of the spiral's track)."""
    columns, rows = grid_size(board.size + 1)
    cells = spiral_cells(columns, rows)[: board.size + 1]
    square_at = {cell: square for square, cell in enumerate(cells)}
    lines = []
    for (column, row), square in square_at.items():
        x = MARGIN + column * (CELL + GAP)
        y = MARGIN + row * (CELL_HEIGHT + GAP)
        right = square_at.get((column + 1, row))
        if right is not None and abs(right - square) != 1:
            middle = x + CELL + GAP / 2
            lines.append((middle, y - GAP / 2, middle, y + CELL_HEIGHT + GAP / 2))
        below = square_at.get((column, row + 1))
        if below is not None and abs(below - square) != 1:
            middle = y + CELL_HEIGHT + GAP / 2
            lines.append((x - GAP / 2, middle, x + CELL + GAP / 2, middle))
    return lines


# --- drawing ----------------------------------------------------------------------------------


def pictogram(special: str, colour: str, background: str) -> str:
    """A pictogram in a 40 × 40 box at the origin."""

    def line(width=4):
        return f'fill="none" stroke="{colour}" stroke-width="{width}" stroke-linecap="round"'

    stroke = line()
    solid = f'fill="{colour}"'
    if special.startswith("carte:"):
        glyph = {
            "carte:question": "?",
            "carte:vrai-faux": "V/F",
            "carte:mot": "Aa",
            "carte:temoignage": "« »",
            "carte:defi": "!",
        }[special]
        size = 22 if len(glyph) == 1 else 13
        return (
            f'<rect x="6" y="1" width="28" height="38" rx="4" fill="#ffffff" '
            f'stroke="{colour}" stroke-width="3"/>'
            f'<text x="20" y="{20 + size // 3}" text-anchor="middle" font-size="{size}" '
            f'font-weight="700" {solid}>{escape(glyph)}</text>'
        )
    shapes = {
        "oie": (
            f'<ellipse cx="17" cy="28" rx="15" ry="9" {solid}/>'
            f'<path d="M27 26 C31 18 31 12 28 8" {line(6)}/>'
            f'<circle cx="28" cy="8" r="6" {solid}/>'
            f'<path d="M33 6 L40 9 L33 11 Z" {solid}/>'
        ),
        "pont": (
            f'<path d="M2 32 Q20 4 38 32" {stroke}/>'
            f'<path d="M0 20 H40" {stroke}/>'
            f'<path d="M10 20 V32 M30 20 V32" {stroke}/>'
        ),
        "auberge": (
            f'<path d="M3 20 L20 4 L37 20 Z" {solid}/>'
            f'<rect x="8" y="20" width="24" height="18" {solid}/>'
            f'<rect x="16" y="26" width="8" height="12" fill="{background}"/>'
        ),
        "puits": (
            f'<path d="M6 14 L20 3 L34 14" {stroke}/>'
            f'<path d="M10 14 V24 M30 14 V24" {stroke}/>'
            f'<rect x="5" y="24" width="30" height="14" rx="2" {solid}/>'
        ),
        "labyrinthe": (f'<path d="M2 2 H38 V38 H8 V10 H30 V30 H16 V18 H22" {line(3)}/>'),
        "prison": (
            f'<rect x="3" y="3" width="34" height="34" {stroke}/>'
            f'<path d="M12 3 V37 M20 3 V37 M28 3 V37" {stroke}/>'
        ),
        "mort": (
            f'<circle cx="20" cy="16" r="14" {solid}/>'
            f'<rect x="12" y="24" width="16" height="13" rx="2" {solid}/>'
            f'<circle cx="14" cy="15" r="4" fill="{background}"/>'
            f'<circle cx="26" cy="15" r="4" fill="{background}"/>'
            f'<path d="M16 30 V37 M20 30 V37 M24 30 V37" stroke="{background}" stroke-width="2"/>'
        ),
        "depart": (f'<path d="M8 38 V2" {stroke}/><path d="M10 3 L36 11 L10 20 Z" {solid}/>'),
        "arrivee": (
            f'<path d="M20 1 L25 14 L39 14 L28 23 L32 37 L20 29 L8 37 L12 23 L1 14 L15 14 Z" '
            f"{solid}/>"
        ),
    }
    return shapes[special]


def pawn_shape(index: int, radius: int = PAWN_RADIUS) -> str:
    """The pawn's shape centred on the origin (dark outline, then the team's colour)."""
    shape = PAWN_SHAPES[index % len(PAWN_SHAPES)]
    colour = PAWN_COLOURS[index % len(PAWN_COLOURS)]
    paint = f'fill="{colour}" stroke="{INK}" stroke-width="3" stroke-linejoin="round"'
    r = radius
    if shape == "cercle":
        return f'<circle r="{r}" {paint}/>'
    if shape == "carre":
        side = round(r * 1.7)
        return f'<rect x="{-side / 2:g}" y="{-side / 2:g}" width="{side}" height="{side}" {paint}/>'
    if shape == "triangle":
        points = _polygon(3, r * 1.2, -90)
    elif shape == "losange":
        points = _polygon(4, r * 1.15, -90)
    elif shape == "etoile":
        points = _star(r * 1.2, r * 0.55)
    else:
        points = _polygon(6, r * 1.05, 0)
    return f'<polygon points="{points}" {paint}/>'


def _polygon(sides: int, radius: float, start_degrees: float) -> str:
    return " ".join(
        f"{radius * math.cos(math.radians(start_degrees + i * 360 / sides)):.1f},"
        f"{radius * math.sin(math.radians(start_degrees + i * 360 / sides)):.1f}"
        for i in range(sides)
    )


def _star(outer: float, inner: float) -> str:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + i * 36)
        points.append(f"{radius * math.cos(angle):.1f},{radius * math.sin(angle):.1f}")
    return " ".join(points)


def pawn_svg(index: int, *, size: int = 48, name: str = "") -> str:
    """A standalone pawn (for a legend or a token to cut out)."""
    title = escape(name or pawn_description(index))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-24 -24 48 48" width="{size}" '
        f'height="{size}" role="img" aria-label="{title}">{pawn_shape(index, 18)}</svg>'
    )


def _square(board: Board, square: int, x: int, y: int) -> str:
    special = board.special_at(square)
    family = special.split(":")[0] if special else None
    fill, text = COLOURS[family]
    parts = [
        f'<g class="case" id="case-{square}" data-case="{square}">',
        f'<rect x="{x}" y="{y}" width="{CELL}" height="{CELL_HEIGHT}" rx="10" fill="{fill}" '
        f'stroke="{INK}" stroke-width="2"/>',
        f'<text x="{x + 8}" y="{y + 40}" font-size="40" font-weight="700" '
        f'fill="{text}">{square}</text>',
    ]
    if special:
        parts.append(
            f'<g transform="translate({x + CELL - 46} {y + 6})">'
            f"{pictogram(special, text, fill)}</g>"
        )
        parts.append(
            f'<text x="{x + CELL / 2:g}" y="{y + CELL_HEIGHT - 8}" font-size="17" '
            f'font-weight="700" text-anchor="middle" fill="{text}">'
            f"{escape(label(board, square))}</text>"
        )
    parts.append("</g>")
    return "".join(parts)


def describe(board: Board) -> str:
    """A plain-French description of the board, for screen readers and the rules sheet."""
    geese = [s for s in board.geese if not board.card_at(s)]
    sentences = [
        _("Plateau de %(size)s cases en spirale, du départ (case 0) à l'arrivée (case %(size)s).")
        % {"size": board.size}
    ]
    if geese:
        sentences.append(
            _("Oies (on avance encore du même nombre) : cases %(squares)s.")
            % {"squares": ", ".join(map(str, geese))}
        )
    for name, (start, target) in board.jumps().items():
        if not board.card_at(start):
            sentences.append(
                _("%(label)s : case %(start)s, on va à la case %(target)s.")
                % {"label": _(LABELS[name]), "start": start, "target": target}
            )
    waits = (
        (board.inn, _("on passe %(turns)s tours") % {"turns": board.inn_turns}),
        (board.well, _("on attend qu'un autre joueur vienne prendre la place")),
        (board.prison, _("on attend qu'un autre joueur vienne prendre la place")),
    )
    for square, rule in waits:
        if square is not None and not board.card_at(square):
            sentences.append(
                _("%(label)s : case %(square)s, %(rule)s.")
                % {"label": label(board, square), "square": square, "rule": rule}
            )
    for square, _kind in board.cards:
        sentences.append(
            _("Case %(square)s : on tire une carte %(label)s.")
            % {"square": square, "label": label(board, square)}
        )
    return " ".join(sentences)


def render_board_svg(
    board: Board,
    pawns: Sequence[Pawn | tuple[int, str] | int] | None = None,
    *,
    width: int | str | None = None,
    id_prefix: str = "plateau",
    title: str | None = None,
) -> str:
    """A standalone, accessible <svg> of the board, with the pawns if given (``pawns[i]`` is
    player i: a square number or a (square, name) pair). Without ``width`` the drawing takes the
    width of its container."""
    vb_width, vb_height = view_box(board)
    title = title or _("Plateau du jeu de l'oie")
    description = describe(board)
    pawns = [Pawn(p, "") if isinstance(p, int) else Pawn(*p) for p in (pawns or [])]
    if pawns:
        description += " " + " ".join(
            _("%(name)s (%(pawn)s) est sur la case %(square)s.")
            % {
                "name": pawn.name or _("Joueur %(n)s") % {"n": index + 1},
                "pawn": pawn_description(index),
                "square": pawn.square,
            }
            for index, pawn in enumerate(pawns)
        )
    size = f' width="{escape(str(width))}"' if width is not None else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {vb_width} {vb_height}"{size} '
        f'role="img" aria-labelledby="{id_prefix}-titre {id_prefix}-desc" '
        f'font-family="Arial, Helvetica, sans-serif" class="plateau">',
        f'<title id="{id_prefix}-titre">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(description)}</desc>',
        f'<rect width="{vb_width}" height="{vb_height}" fill="#f7f4ec"/>',
    ]
    area = free_area(board)
    if area:
        x, y, area_width = area
        parts.append(
            f'<text x="{x + area_width / 2:g}" y="{y + CELL_HEIGHT / 2 + 16:g}" font-size="48" '
            f'font-weight="700" text-anchor="middle" fill="{INK}" aria-hidden="true">'
            f"{escape(_('Jeu de l’oie'))}</text>"
        )
    corners = _corners(board)
    for square, (x, y) in enumerate(corners):
        parts.append(_square(board, square, x, y))
    track = " ".join(f"M{x1:g} {y1:g}L{x2:g} {y2:g}" for x1, y1, x2, y2 in walls(board))
    if track:
        parts.append(
            f'<path class="murs" d="{track}" stroke="{INK}" stroke-width="{WALL}" fill="none"/>'
        )
    if pawns:
        for pawn in pawns:
            if not 0 <= pawn.square <= board.size:
                raise ValueError(f"pawn on square {pawn.square}")
        sharing: dict[int, list[int]] = {}
        for index, pawn in enumerate(pawns):
            sharing.setdefault(pawn.square, []).append(index)
        parts.append('<g class="pions">')
        for index, pawn in enumerate(pawns):
            together = sharing[pawn.square]
            dx, dy, radius = pawn_layout(len(together))[together.index(index)]
            x, y = corners[pawn.square]
            name = escape(pawn.name or pawn_description(index))
            parts.append(
                f'<g class="pion" data-joueur="{index}" data-case="{pawn.square}" '
                f'transform="translate({x + dx} {y + dy})"><title>{name}</title>'
                f"{pawn_shape(index, radius)}</g>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
