"""The printable kit: the PDF's text, its pages (A3 board, A4 halves, card sheets in recto/verso
pairs with each back row mirrored for a long-edge flip), and one page looked at as an image in
test-artifacts/cards/ (ignored by git)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.test import Client
from django.urls import reverse
from PIL import Image

from portail.cards.kit import CARD_HEIGHT, CARD_WIDTH, LEFT, TOP, card_sheets
from portail.cards.models import Card
from tests.cards.factories import CardFactory, DeckFactory
from tests.letters.pdf_text import pdf_text

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "cards"
A3_LANDSCAPE = "1190.55 x 841.89 pts (A3)"
A4 = "595.276 x 841.89 pts (A4)"


def poppler(program, *args, content):
    path = shutil.which(program)
    if path is None:
        pytest.fail(f"{program} manque : installez poppler-utils (make test le fait).")
    result = subprocess.run(  # noqa: S603 — a fixed program reading our own PDF
        [path, *args], input=content, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def page_sizes(content):
    info = poppler("pdfinfo", "-f", "1", "-l", "999", "-", content=content)
    return [
        line.split(":", 1)[1].strip()
        for line in info.splitlines()
        if re.match(r"Page +\d+ size", line)
    ]


def page_texts(content):
    return [
        " ".join(page.split())
        for page in poppler("pdftotext", "-enc", "UTF-8", "-", "-", content=content).split("\f")[
            :-1
        ]
    ]


def word_positions(content, page):
    """{(word, next word): x} of one page, from pdftotext's bounding boxes."""
    html = poppler(
        "pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-", "-", content=content
    )
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)
    return [(text, float(x), float(y)) for x, y, text in words]


def number_positions(content, page, label):
    """{card number: (x, y)} of « Carte n° N » or « Réponse n° N » on a page."""
    words = word_positions(content, page)
    found = {}
    for index in range(len(words) - 2):
        if words[index][0] == label and words[index + 1][0] == "n°":
            found[int(words[index + 2][0])] = words[index][1:]
    return found


def make_deck(slug="essai"):
    cards = [
        CardFactory(
            kind=Card.Kind.TRUE_FALSE,
            prompt=f"Vrai ou faux ? Affirmation {n} du kit.",
            answer=f"Faux. Correction {n} du kit.",
            reference=f"Loi n° 89-462, article {n}",
        )
        for n in range(1, 12)
    ]
    return DeckFactory(name="Restitution d'essai", slug=slug, cards=cards)


@pytest.fixture
def deck():
    return make_deck(slug="parties")


def kit(client, deck, **params):
    response = client.get(reverse("cards:kit", args=[deck.slug]), params)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return response


@pytest.fixture(scope="module")
def kits(django_db_setup, django_db_blocker):
    """The whole kit and the card sheets of an 11-card deck, drawn once for the module (a PDF
    takes seconds)."""
    with django_db_blocker.unblock(), transaction.atomic():
        deck = make_deck()
        client = Client()
        yield {"tout": kit(client, deck), "cartes": kit(client, deck, partie="cartes")}
        transaction.set_rollback(True)


def test_the_whole_kit_has_every_part_in_order_with_cards_in_recto_verso_pairs(kits):
    response = kits["tout"]
    content = response.content

    sizes = page_sizes(content)
    texts = page_texts(content)
    assert 'filename="kit-essai.pdf"' in response["Content-Disposition"]
    assert "La règle du jeu de l'oie" in texts[0]
    assert sizes[0] == A4
    assert sizes[1] == A3_LANDSCAPE and "imprimer sur une feuille A3" in texts[1]
    assert (
        sizes[2:4] == [A4, A4] and "feuille 1 sur 2" in texts[2] and "feuille 2 sur 2" in texts[3]
    )
    fronts = [i for i, text in enumerate(texts) if "recto : les cartes" in text]
    backs = [i for i, text in enumerate(texts) if "verso : les réponses" in text]
    assert len(fronts) == len(backs) == 2  # 11 cards, 8 a sheet
    assert [front + 1 for front in fronts] == backs
    assert fronts[0] % 2 == 0  # page 5, 7…: a front is always on the front of a sheet
    assert all(sizes[i] == A4 for i in fronts + backs)
    assert "Les réponses — paquet « Restitution d'essai »" in texts[backs[-1] + 1]


def place(position):
    """(row, column) of a card on a sheet from a point inside it (pdftotext's points)."""
    x, y = position
    points_per_mm = 72 / 25.4
    return (
        int((y / points_per_mm - TOP) // CARD_HEIGHT),
        int((x / points_per_mm - LEFT) // CARD_WIDTH),
    )


def test_every_back_row_is_mirrored_so_each_answer_lands_behind_its_card(kits):
    content = kits["cartes"].content

    assert len(page_sizes(content)) == 4
    first_front = number_positions(content, 1, "Carte")
    first_back = number_positions(content, 2, "Réponse")
    assert sorted(first_front) == sorted(first_back) == list(range(1, 9))
    for number in range(1, 9):
        row, column = place(first_front[number])
        assert (row, column) == divmod(number - 1, 2)
        assert place(first_back[number]) == (row, 1 - column), number
    # The last sheet holds 3 cards: card 11 alone on the left of row 2, its answer on the right.
    last_front = number_positions(content, 3, "Carte")
    last_back = number_positions(content, 4, "Réponse")
    assert sorted(last_front) == sorted(last_back) == [9, 10, 11]
    assert place(last_front[11]) == (1, 0)
    assert place(last_back[11]) == (1, 1)


def test_the_layout_mirrors_partial_sheets_with_empty_places():
    cards = list(range(1, 4))
    [(fronts, backs)] = card_sheets(cards)

    assert [slot.card for slot in fronts[:4]] == [1, 2, 3, None]
    assert [slot.card for slot in backs[:4]] == [2, 1, None, 3]
    assert all(slot.card is None for slot in fronts[4:] + backs[4:])
    assert [(slot.left, slot.top) for slot in fronts] == [(slot.left, slot.top) for slot in backs]


def test_the_cards_the_answer_sheet_and_the_rules_say_what_they_should(kits):
    text = pdf_text(kits["tout"].content)

    assert "Affirmation 7 du kit." in text
    assert "Correction 7 du kit." in text and "Loi n° 89-462, article 7" in text
    assert "Qui a déjà vécu ça ?" in text
    assert "Case 6, le pont : allez à la case 12." in text
    assert "Case carte" in text and "Les 5 sortes de cartes" in text
    assert "Pour gagner, il faut tomber juste sur la case 63." in text
    assert "Pour aller plus loin : le portail des droits" in text
    assert f"{django_settings.SITE_URL}/" in text
    assert "Personne n'est obligé de répondre ou de raconter." in text


@pytest.mark.parametrize(
    ("part", "sizes", "says"),
    [
        ("plateau-a3", [A3_LANDSCAPE], "imprimer sur une feuille A3"),
        ("plateau-a4", [A4, A4], "feuille 2 sur 2"),
        ("regles", [A4], "La règle du jeu de l'oie"),
        ("reponses", [A4], "Feuille de l'animateur"),
    ],
)
def test_each_part_of_the_kit_alone(client, deck, part, sizes, says):
    response = kit(client, deck, partie=part)

    assert page_sizes(response.content) == sizes
    assert says in pdf_text(response.content)
    assert f'filename="kit-parties-{part}.pdf"' in response["Content-Disposition"]


def test_the_classic_board_has_geese_and_no_card_squares(client, deck):
    content = kit(client, deck, partie="regles", plateau="classique").content
    text = pdf_text(content)

    assert page_sizes(content) == [A4]

    assert "Case oie (5, 9, 14, 18, 23, 27, 32, 36, 41, 45, 50, 54, 59)" in text
    assert "Case carte" not in text and "plateau classique" in text


def test_an_unknown_part_or_board_is_404(client, deck):
    url = reverse("cards:kit", args=[deck.slug])

    assert client.get(url, {"partie": "tout-et-rien"}).status_code == 404
    assert client.get(url, {"plateau": "autre"}).status_code == 404


def test_the_kit_is_rate_limited_like_every_pdf(client, deck, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pdf": "1/h"}
    url = reverse("cards:kit", args=[deck.slug])

    assert [client.get(url, {"partie": "regles"}).status_code for _ in range(2)] == [200, 429]


def test_a_card_sheet_rendered_as_an_image_is_not_blank(kits):
    content = kits["cartes"].content
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prefix = ARTIFACTS / "kit-planche"
    for old in ARTIFACTS.glob("kit-planche*.png"):
        old.unlink()

    poppler("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", "-", str(prefix), content=content)

    images = sorted(ARTIFACTS.glob("kit-planche*.png"))
    assert len(images) == 2
    for path in images:
        with Image.open(path) as image:
            greyscale = image.convert("L")
            width, height = greyscale.size
            assert abs(width - 496) <= 1 and abs(height - 702) <= 1  # A4 at 60 dpi
            darkest, lightest = greyscale.getextrema()
            assert darkest < 80 and lightest > 240
            ink = sum(greyscale.histogram()[:200])
            assert ink > 0.01 * greyscale.size[0] * greyscale.size[1]
