"""A guard, not a benchmark: a megabyte of adversarial text is masked in linear time. A
catastrophic backtracking regex would take minutes here."""

import time

from portail.privacy.masking import mask_with_spans

SIZE = 1_000_000

ADVERSARIAL_PIECES = [
    "0" * 5000,
    "0 " * 2500,
    "a" * 5000,
    "a@" * 2500,
    "a." * 2500,
    "06 12 34 56 7" * 300,
    "zéro six douze " * 300,
    "Amel Benali " * 400,
    "22 rue des lilas de la " * 200,
    "Mme " * 1000,
    "je m'appelle " * 300,
    "FR76 " * 1000,
    "allocataire " * 400,
    "42000 Saint " * 400,
    "bat C " * 800,
    "\x00\x01 ☃😀 " * 600,
    "nadia at gmail point " * 200,
]


def adversarial_text():
    pieces = []
    length = 0
    index = 0
    while length < SIZE:
        piece = ADVERSARIAL_PIECES[index % len(ADVERSARIAL_PIECES)]
        pieces.append(piece)
        length += len(piece)
        index += 1
    return "".join(pieces)[:SIZE]


def test_a_megabyte_of_adversarial_text_is_masked_quickly():
    text = adversarial_text()

    started = time.perf_counter()
    result = mask_with_spans(text)
    elapsed = time.perf_counter() - started

    assert result.spans
    # a few seconds on a slow shared runner; quadratic behaviour would take minutes
    assert elapsed < 20, elapsed


def test_one_long_word_is_masked_quickly():
    started = time.perf_counter()
    mask_with_spans("x" * SIZE)
    assert time.perf_counter() - started < 10
