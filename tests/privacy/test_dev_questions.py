"""The shared evaluation questions: the invented personal data of every `"pii": true` line is
gone after masking, the housing words stay, and the lines without personal data are left as
they are."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from portail.privacy.masking import mask

DEV_QUESTIONS = Path(settings.BASE_DIR).parent / "shared/eval/dev-questions.jsonl"

# id -> (strings that must be gone, words that must stay)
EXPECTATIONS = {
    "q062": (
        ["3 allée", "Cerisiers"],
        ["rats", "caves", "hall", "Montreynaud", "septième", "occuper"],
    ),
    "q073": (
        ["Amel", "amel.refuge", "refuge@example.org", "example.org"],
        ["juge aux affaires familiales", "ordonnance de protection", "bail", "préavis",
         "loyer", "demande de logement social", "par mail"],
    ),
    "q139": (
        ["06.39.98.66.30", "39.98", "66.30"],
        ["huissier", "expulsion", "urgence", "rappelez moi"],
    ),
    "q193": (
        ["22 ru", "ru des lila", "lila", "42000"],
        ["bayeur", "fenetre", "cuisine", "mon adrese"],
    ),
}  # fmt: skip


def load_questions():
    with open(DEV_QUESTIONS, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


QUESTIONS = load_questions()
PII_QUESTIONS = [question for question in QUESTIONS if question.get("pii")]
PLAIN_QUESTIONS = [question for question in QUESTIONS if not question.get("pii")]


def test_every_line_with_personal_data_has_written_expectations():
    assert {question["id"] for question in PII_QUESTIONS} == set(EXPECTATIONS)


@pytest.mark.parametrize("question", PII_QUESTIONS, ids=lambda question: question["id"])
def test_the_invented_personal_data_is_gone_and_the_housing_words_stay(question):
    gone, kept = EXPECTATIONS[question["id"]]

    masked = mask(question["text"])

    for personal in gone:
        assert personal.lower() not in masked.lower()
    for word in kept:
        assert word in masked
    assert "masqu" in masked


def test_no_phone_digit_of_the_sms_question_survives():
    question = next(question for question in PII_QUESTIONS if question["id"] == "q139")

    digits = re.sub(r"\D", "", mask(question["text"]))

    assert "0639986630" not in digits
    assert "39986630" not in digits


@pytest.mark.parametrize("question", PLAIN_QUESTIONS, ids=lambda question: question["id"])
def test_a_line_without_personal_data_is_left_unchanged(question):
    assert mask(question["text"]) == question["text"]
