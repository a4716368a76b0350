"""The printable kit of a deck, for a room without internet: the board on A3 and on two A4 sheets
to glue together, the cards on A4 sheets to cut out (fronts and backs aligned for double-sided
printing), the rules in FALC (facile à lire et à comprendre), the facilitator's answer sheet, and
a QR code to the portal. One PDF (WeasyPrint, portail.core.pdf), the whole kit or one part.

Double-sided printing: printers turn the sheet over its long edge, which mirrors it left to
right. So on the back of a sheet each row of cards is in the opposite order: the card printed top
left on the front has its answer printed top right on the back, which is behind it once turned.
"""

import re
from dataclasses import dataclass

import segno
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portail.cards.models import Card
from portail.core.pdf import render_pdf
from portail.game import board as board_drawing
from portail.game.rules import MAX_PLAYERS, Board

KIT_PARTS = [
    ("tout", gettext_lazy("Le kit complet, en un seul fichier")),
    ("regles", gettext_lazy("La règle du jeu, facile à lire (1 page A4)")),
    ("plateau-a3", gettext_lazy("Le plateau sur une feuille A3")),
    ("plateau-a4", gettext_lazy("Le plateau sur deux feuilles A4 à coller")),
    ("cartes", gettext_lazy("Les cartes à découper, en recto verso (A4)")),
    ("reponses", gettext_lazy("La feuille des réponses de l'animateur (A4)")),
]
PART_KEYS = [key for key, _label in KIT_PARTS]
SECTIONS = ["regles", "plateau-a3", "plateau-a4", "cartes", "reponses"]
VARIANTS = {
    "cartes": gettext_lazy("avec nos cartes"),
    "classique": gettext_lazy("classique"),
}

# Card sheets: 2 columns × 4 rows of 90 × 64 mm cards, centred on A4 portrait (210 × 297 mm).
COLUMNS, ROWS = 2, 4
CARD_WIDTH, CARD_HEIGHT = 90, 64
SHEET_WIDTH, SHEET_HEIGHT = 210, 297
LEFT = (SHEET_WIDTH - COLUMNS * CARD_WIDTH) / 2
TOP = (SHEET_HEIGHT - ROWS * CARD_HEIGHT) / 2
CARDS_PER_SHEET = COLUMNS * ROWS
CROP_MARK = 7  # mm, drawn in the margins only, never over a card

# The board is printed at the same scale on A3 and on the two A4 halves (so the glued halves
# make an A3 board): BOARD_HEIGHT mm high; each half shows half the board plus an overlap.
BOARD_HEIGHT = 255
OVERLAP = 12  # mm


@dataclass
class Slot:
    """A place on a card sheet: its position (mm) and the card printed there (or None)."""

    left: float
    top: float
    card: object = None
    number: int = 0


def numbered(cards):
    """The deck's cards with their number in the deck (1, 2, …), used on both faces and on the
    answer sheet so that a card and its answer are found again."""
    for number, card in enumerate(cards, 1):
        card.number = number
    return cards


def card_sheets(cards):
    """[(fronts, backs)] per A4 sheet: each a list of Slots, row by row. The backs mirror each
    row (long-edge flip); empty places are kept so that every back lands behind its front."""
    sheets = []
    for start in range(0, len(cards), CARDS_PER_SHEET):
        chunk = cards[start : start + CARDS_PER_SHEET]
        fronts, backs = [], []
        for row in range(ROWS):
            for column in range(COLUMNS):
                index = row * COLUMNS + column
                mirrored = row * COLUMNS + (COLUMNS - 1 - column)
                top = TOP + row * CARD_HEIGHT
                left = LEFT + column * CARD_WIDTH
                fronts.append(Slot(left, top, chunk[index] if index < len(chunk) else None))
                backs.append(Slot(left, top, chunk[mirrored] if mirrored < len(chunk) else None))
        sheets.append((fronts, backs))
    return sheets


def crop_marks():
    """Lines (x1, y1, x2, y2, in mm) extending the cutting lines into the margins."""
    xs = [LEFT + column * CARD_WIDTH for column in range(COLUMNS + 1)]
    ys = [TOP + row * CARD_HEIGHT for row in range(ROWS + 1)]
    bottom, right = ys[-1], xs[-1]
    lines = []
    for x in xs:
        lines.append((x, TOP - 2 - CROP_MARK, x, TOP - 2))
        lines.append((x, bottom + 2, x, bottom + 2 + CROP_MARK))
    for y in ys:
        lines.append((LEFT - 2 - CROP_MARK, y, LEFT - 2, y))
        lines.append((right + 2, y, right + 2 + CROP_MARK, y))
    return lines


# --- texts of a card --------------------------------------------------------------------------

_LEADS = {
    Card.Kind.TRUE_FALSE: re.compile(r"^\s*vrai ou faux\s*\?\s*", re.I),
    Card.Kind.QUESTION: re.compile(r"^\s*que conseilleriez-vous\s*\?\s*", re.I),
    Card.Kind.CHALLENGE: re.compile(r"^\s*défi\s*:\s*", re.I),
    Card.Kind.WORD: re.compile(r"^\s*que veut dire\s*", re.I),
}


def front_text(card):
    """The prompt without the lead phrase that the card's heading already says."""
    lead = _LEADS.get(card.kind)
    text = (lead.sub("", card.prompt, count=1) if lead else card.prompt) or card.prompt
    return text[:1].upper() + text[1:]


def fit(text, short=140, medium=300):
    """A size class for a text that must fit on a 90 × 64 mm card."""
    length = len(text)
    return "court" if length <= short else "moyen" if length <= medium else "long"


def shorten(text, limit):
    """At most `limit` characters, cut at a word, with the mark that the rest is on the answer
    sheet."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + " " + _("… (suite sur la feuille des réponses)")


def prepare(card):
    card.front = front_text(card)
    card.front_fit = "mot" if card.kind == Card.Kind.WORD else fit(card.front)
    card.back = shorten(card.answer, 420)
    card.back_reference = card.reference if len(card.reference) <= 110 else ""
    card.back_fit = fit(card.back + card.back_reference + card.discussion, short=200, medium=380)
    card.pictogram = pictogram(f"carte:{card.kind}")
    return card


# --- drawings ---------------------------------------------------------------------------------


def pictogram(special, size=40):
    """The board's own pictogram of a square (the same on the board, the cards and the rules)."""
    fill, ink = board_drawing.COLOURS[special.split(":")[0]]
    # The board module draws each pictogram in a 40 × 40 box; framed here as a small <svg>.
    body = board_drawing.pictogram(special, ink, fill)
    return mark_safe(  # noqa: S308 — markup built by the board module from constants
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-3 -3 46 46" width="{size}" '
        f'height="{size}" aria-hidden="true"><rect x="-3" y="-3" width="46" height="46" rx="6" '
        f'fill="{fill}"/>{body}</svg>'
    )


DICE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="{size}" height="{size}" '
    'aria-hidden="true"><rect x="3" y="3" width="34" height="34" rx="7" fill="#ffffff" '
    'stroke="#111111" stroke-width="3"/>{pips}</svg>'
)
PIPS = ((12, 12), (28, 12), (20, 20), (12, 28), (28, 28))


def dice_pictogram(size=40):
    pips = "".join(f'<circle cx="{x}" cy="{y}" r="3.4" fill="#111111"/>' for x, y in PIPS)
    return mark_safe(DICE.format(size=size, pips=pips))  # noqa: S308 — constant markup


def board_for(variant):
    board = Board()
    return board.with_cards() if variant == "cartes" else board


def _with_view_box(svg, x, width, height):
    return re.sub(r'viewBox="[^"]*"', f'viewBox="{x:g} 0 {width:g} {height:g}"', svg, count=1)


def _board_svg(board, prefix, width_mm):
    svg = board_drawing.render_board_svg(board, id_prefix=prefix, width=f"{width_mm:g}mm")
    # Several drawings of the board share a document: their squares' ids must differ.
    return svg.replace('id="case-', f'id="{prefix}-case-')


def board_drawings(board):
    """The whole board, and its left and right halves for two A4 sheets, all at the same scale
    (BOARD_HEIGHT mm high): the left half carries a cutting line in the middle of the board, the
    right half a grey band that the left sheet covers exactly once cut and glued."""
    vb_width, vb_height = board_drawing.view_box(board)
    units_per_mm = vb_height / BOARD_HEIGHT
    middle = vb_width / 2
    overlap = OVERLAP * units_per_mm
    width_mm = round(vb_width / units_per_mm, 1)
    half_mm = round((middle + overlap) / units_per_mm, 1)
    cut = (
        f'<line x1="{middle:g}" y1="0" x2="{middle:g}" y2="{vb_height}" stroke="#000" '
        f'stroke-width="3" stroke-dasharray="14 8"/>'
    )
    glue = (
        f'<rect x="{middle - overlap:g}" y="0" width="{overlap:g}" height="{vb_height}" '
        f'fill="#000" fill-opacity="0.12"/>'
        f'<line x1="{middle:g}" y1="0" x2="{middle:g}" y2="{vb_height}" stroke="#000" '
        f'stroke-width="3"/>'
    )
    left = _board_svg(board, "plateau-gauche", half_mm).replace("</svg>", cut + "</svg>")
    right = _board_svg(board, "plateau-droite", half_mm).replace("</svg>", glue + "</svg>")
    return {
        # Drawn by the board module, which escapes every text it writes.
        "full": mark_safe(_board_svg(board, "plateau-a3", width_mm)),  # noqa: S308
        "left": mark_safe(_with_view_box(left, 0, middle + overlap, vb_height)),  # noqa: S308
        "right": mark_safe(  # noqa: S308
            _with_view_box(right, middle - overlap, middle + overlap, vb_height)
        ),
        "width_mm": width_mm,
        "half_width_mm": half_mm,
        "height_mm": BOARD_HEIGHT,
    }


def qr_code(url):
    return mark_safe(segno.make(url, error="m").svg_inline(scale=4, omitsize=True))  # noqa: S308


# --- the rules in FALC --------------------------------------------------------------------------


def falc_rules(board):
    """The rules of this board, one short sentence per line, each with its pictogram key."""
    rules = [
        (
            "depart",
            _("Chaque joueur ou chaque équipe a un pion. Tous les pions partent de la case 0."),
        ),
        (
            "de",
            (
                _("À votre tour, lancez les 2 dés.")
                if board.dice == 2
                else _("À votre tour, lancez le dé.")
            )
            + " "
            + _("Avancez votre pion du nombre de points."),
        ),
    ]
    card_squares = dict(board.cards)
    if card_squares:
        rules.append(
            (
                "carte:question",
                _(
                    "Case carte : l'animateur lit une carte du type écrit sur la case. "
                    "La table en parle ensemble."
                ),
            )
        )
    geese = [square for square in board.geese if square not in card_squares]
    if geese:
        rules.append(
            (
                "oie",
                _("Case oie (%(squares)s) : avancez encore du même nombre de points.")
                % {"squares": ", ".join(map(str, geese))},
            )
        )
    jumps = {
        "pont": _("Case %(start)s, le pont : allez à la case %(target)s."),
        "labyrinthe": _("Case %(start)s, le labyrinthe : retournez à la case %(target)s."),
        "mort": _("Case %(start)s, la tête de mort : retournez au départ."),
    }
    for name, (start, target) in board.jumps().items():
        rules.append((name, jumps[name] % {"start": start, "target": target}))
    if board.inn is not None:
        rules.append(
            (
                "auberge",
                _("Case %(square)s, l'auberge : passez %(turns)s tours.")
                % {"square": board.inn, "turns": board.inn_turns},
            )
        )
    for name, square, text in (
        ("puits", board.well, _("Case %(square)s, le puits")),
        ("prison", board.prison, _("Case %(square)s, la prison")),
    ):
        if square is not None:
            rules.append(
                (
                    name,
                    text % {"square": square}
                    + _(" : attendez qu'un autre joueur arrive. Il prend votre place."),
                )
            )
    if board.dice == 2 and board.first_throw:
        rules.append(
            (
                "de",
                _("Au premier tour seulement :")
                + " "
                + " ".join(
                    _("%(a)s et %(b)s, allez à la case %(target)s.")
                    % {"a": dice[0], "b": dice[1], "target": target}
                    for dice, target in board.first_throw
                ),
            )
        )
    rules.append(
        (
            "arrivee",
            _(
                "Pour gagner, il faut tomber juste sur la case %(size)s. "
                "Les points en trop, on les recule."
            )
            % {"size": board.size},
        )
    )
    return [(dice_pictogram() if key == "de" else pictogram(key), text) for key, text in rules]


# --- the PDF ------------------------------------------------------------------------------------


def kit_context(deck, part, variant):
    sections = SECTIONS if part == "tout" else [part]
    cards = numbered(list(deck.cards_in_order().select_related("theme")))
    cards = [prepare(card) for card in cards]
    board = board_for(variant)
    portal_url = settings.SITE_URL + "/"
    return {
        "deck": deck,
        "sections": sections,
        "cards": cards,
        "sheets": card_sheets(cards) if "cartes" in sections else [],
        "crop_marks": crop_marks(),
        "card_size": (CARD_WIDTH, CARD_HEIGHT),
        "board": board_drawings(board) if {"plateau-a3", "plateau-a4"} & set(sections) else None,
        "variant": variant,
        "variant_label": VARIANTS[variant],
        "rules": falc_rules(board),
        "card_kinds": [
            (pictogram(f"carte:{kind}", 28), label)
            for kind, label in Card.Kind.choices
            if dict(board.cards) and kind in dict(board.cards).values()
        ],
        "pawns": [
            mark_safe(board_drawing.pawn_svg(index, size=60))  # noqa: S308 — escaped there
            for index in range(MAX_PLAYERS)
        ],
        "portal_url": portal_url,
        "qr": qr_code(portal_url),
        "site_url": settings.SITE_URL,
    }


def render_kit(deck, part="tout", variant="cartes", request=None) -> bytes:
    return render_pdf(
        "cards/kit/kit.html",
        kit_context(deck, part, variant),
        request=request,
        stylesheets=["css/pdf-kit.css"],
    )
