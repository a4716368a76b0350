"""The board's drawing: a well-formed, accessible SVG where each square has its number, each
special square a label and a pictogram on top of its colour, each pawn its own shape."""

import itertools
import math
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from portail.game import board as drawing
from portail.game.rules import Board

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(svg)  # noqa: S314 — our own drawing


def squares(root):
    return {int(g.get("data-case")): g for g in root.iter(f"{SVG}g") if g.get("class") == "case"}


def texts(element):
    return [t.text for t in element.iter(f"{SVG}text")]


SHORT = Board(
    size=20,
    geese=(5, 9),
    bridge=None,
    labyrinth=None,
    death=None,
    inn=None,
    well=None,
    prison=None,
    first_throw=(),
)


@pytest.mark.parametrize("board", [Board(), Board().with_cards(), SHORT])
def test_squares_follow_each_other_on_neighbouring_cells(board):
    positions = drawing.square_positions(board)
    assert len(positions) == board.size + 1
    assert len(set(positions)) == len(positions)
    width, height = drawing.view_box(board)
    for (x1, y1), (x2, y2) in itertools.pairwise(positions):
        step = math.dist((x1, y1), (x2, y2))
        assert step in (drawing.CELL + drawing.GAP, drawing.CELL_HEIGHT + drawing.GAP)
    assert all(0 < x < width and 0 < y < height for x, y in positions)


def test_the_spiral_starts_bottom_left_and_winds_inwards():
    cells = drawing.spiral_cells(10, 7)
    assert cells[0] == (0, 6)
    assert cells[9] == (9, 6)
    assert cells[15] == (9, 0)
    assert len(set(cells)) == 70


def test_the_board_is_an_accessible_standalone_svg():
    svg = drawing.render_board_svg(Board(), width=800)
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("width") == "800"
    assert root.get("viewBox").startswith("0 0 ")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "Oies" in desc.text and "Pont : case 6, on va à la case 12." in desc.text


def test_every_square_shows_its_number_and_special_squares_a_label_and_a_pictogram():
    board = Board().with_cards()
    cells = squares(parse(drawing.render_board_svg(board)))
    assert sorted(cells) == list(range(64))
    for number, cell in cells.items():
        words = texts(cell)
        assert words[0] == str(number)
        pictograms = cell.findall(f"{SVG}g")
        if board.special_at(number):
            assert len(words) >= 2 and words[-1]  # the label, not colour alone
            assert len(pictograms) == 1
        else:
            assert words == [str(number)] and not pictograms
    assert texts(cells[5])[-1] == "Question"
    assert texts(cells[19])[-1] == "Auberge"
    assert texts(cells[58])[-1] == "Mort"


def test_each_pawn_has_its_own_shape_and_colour_and_a_name():
    pawns = [
        (0, "Bleue"), (5, "Orange"), (5, "Verte"), (63, "Violette"), (31, "Jaune"), (19, "Rose")
    ]  # fmt: skip
    root = parse(drawing.render_board_svg(Board(), pawns))
    drawn = [g for g in root.iter(f"{SVG}g") if g.get("class") == "pion"]
    assert [int(g.get("data-case")) for g in drawn] == [0, 5, 5, 63, 31, 19]
    assert [g.find(f"{SVG}title").text for g in drawn] == [name for _, name in pawns]
    shapes = []
    for g in drawn:
        shape = list(g)[1]
        points = shape.get("points")
        shapes.append((shape.tag, len(points.split()) if points else 0))
    assert len(set(shapes)) == 6
    colours = {list(g)[1].get("fill") for g in drawn}
    assert len(colours) == 6
    # Two pawns on one square are not drawn on top of each other.
    assert drawn[1].get("transform") != drawn[2].get("transform")


def test_a_pawn_off_the_board_is_refused():
    with pytest.raises(ValueError):
        drawing.render_board_svg(Board(), [70])


def test_names_are_escaped():
    svg = drawing.render_board_svg(Board(), [(0, "<b>&</b>"), (1, "B")])
    assert "<b>" not in svg and "&lt;b&gt;&amp;&lt;/b&gt;" in svg
    parse(svg)


def test_a_standalone_pawn_for_the_kit_or_a_legend():
    root = parse(drawing.pawn_svg(4, size=60))
    assert root.get("aria-label") == "pion étoile, couleur jaune"
    assert root.get("width") == "60"


def test_a_short_board_is_drawn_too():
    board = replace(SHORT, size=30)
    root = parse(drawing.render_board_svg(board))
    assert len(squares(root)) == 31
    assert "Jeu de l’oie" in texts(root)


def test_a_thick_line_separates_neighbouring_squares_that_do_not_follow_each_other():
    """The spiral's track reads from afar: 0 and 1 are open to each other, 1 and 30 (one above
    the other on the classic board) are walled off."""
    board = Board()
    centres = drawing.square_positions(board)

    def wall_between(a, b):
        (xa, ya), (xb, yb) = centres[a], centres[b]
        mx, my = (xa + xb) / 2, (ya + yb) / 2
        return any(
            min(x1, x2) - 1 <= mx <= max(x1, x2) + 1 and min(y1, y2) - 1 <= my <= max(y1, y2) + 1
            for x1, y1, x2, y2 in drawing.walls(board)
        )

    assert centres[30][0] == centres[1][0] and centres[30][1] < centres[1][1]
    assert wall_between(1, 30)
    assert not wall_between(0, 1)
    assert not any(wall_between(square, square + 1) for square in range(board.size))
    path = parse(drawing.render_board_svg(board)).find(f"{SVG}path[@class='murs']")
    assert path.get("d").count("M") == len(drawing.walls(board))


def test_a_pawn_alone_on_its_square_is_drawn_big_and_pawns_stay_inside_their_square():
    board = Board()
    lone = drawing.pawn_layout(1)[0]
    assert lone[2] > drawing.PAWN_RADIUS
    for count in range(1, 7):
        places = drawing.pawn_layout(count)
        assert len(set(places)) == count
        for dx, dy, radius in places:
            reach = radius * 1.2 + 1.5  # the star's and the triangle's points, and the outline
            assert reach <= dx <= drawing.CELL - reach
            # Between the number (40 high) and the label (its top about 18 above the bottom).
            assert dy - reach >= 44 and dy + reach <= drawing.CELL_HEIGHT - 20
    root = parse(drawing.render_board_svg(board, [(3, "A"), (5, "B"), (5, "C")]))
    drawn = [g for g in root.iter(f"{SVG}g") if g.get("class") == "pion"]
    sizes = [float(list(g)[1].get("r") or 0) for g in drawn]
    assert sizes[0] > drawing.PAWN_RADIUS  # A, a circle, alone on 3
