"""A floor under the search quality: the shared development set of residents' questions, run
in-process against the real knowledge base (content/). The targets measured against the running
site are higher (subject@3 ≥ 0.90, glossary@5 ≥ 0.80, see bench/results.md); this test only
catches a regression. The figures are computed as ../shared/eval/search_eval.py does."""

import json
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from portail.search.models import Kind
from portail.search.service import search

DEV_SET = Path(settings.BASE_DIR).parent / "shared" / "eval" / "dev-questions.jsonl"
SUBJECT_AT_3_FLOOR = 0.85
GLOSSARY_AT_5_FLOOR = 0.75


def _norm(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("’", "'").split())


def _forms(text):
    head = _norm(text).split(" (")[0].strip()
    return {head, head.rstrip("s")}


def _glossary_hit(expected, results):
    want = _forms(expected)
    return any(want & _forms(name) for r in results for name in [r.term or r.title, *r.aliases])


@pytest.mark.django_db
def test_the_development_set_stays_above_the_floor(real_content):
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 50
    subject_hits = glossary_hits = glossary_total = 0
    for row in rows:
        subjects = [r.subject for r in search(row["text"], limit=10).results][:3]
        subject_hits += row["topics"][0] in subjects
        words = search(row["text"], kinds=[Kind.GLOSSARY], limit=5).results
        hits = [_glossary_hit(expected, words) for expected in row.get("glossary", [])]
        glossary_hits += sum(hits)
        glossary_total += len(hits)
    assert subject_hits / len(rows) >= SUBJECT_AT_3_FLOOR
    assert glossary_hits / glossary_total >= GLOSSARY_AT_5_FLOOR


@pytest.mark.django_db
def test_the_real_glossary_answers_the_words_residents_use(real_content):
    for typed, term in [
        ("cosion", "Dépôt de garantie"),
        ("proprio", "Propriétaire"),
        ("lapl", "APL"),
        ("dega des o", "Dégât des eaux"),
        ("lumidité", "Humidité"),
    ]:
        terms = [r.term for r in search(typed, kinds=[Kind.GLOSSARY], limit=3).results]
        assert term in terms, typed
