"""Micro-benchmark of personal-data masking (not a test): how long `mask_with_spans` takes on
the texts residents really send, and on one megabyte of adversarial text.

    .venv/bin/python bench/bench_masking.py
"""

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portail.privacy.masking import mask_with_spans  # noqa: E402

DEV_QUESTIONS = ROOT.parent / "shared/eval/dev-questions.jsonl"
STORY = (
    "Bonjour, je m'appelle Fatoumata Diallo et j'habite au 14 rue Jean Jaurès, 42100 "
    "Saint-Étienne, bâtiment C, appartement 34. Mon propriétaire, M. Lefebvre, ne répond plus "
    "depuis 3 mois. Vous pouvez m'appeler au 07 81 22 33 44 ou m'écrire à "
    "fatou.diallo42@gmail.com. "
)


def timed(text, repeat):
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        mask_with_spans(text)
        durations.append(time.perf_counter() - started)
    return durations


def main():
    mask_with_spans("chargement des listes")  # the word lists load once per process
    texts = [STORY]
    if DEV_QUESTIONS.exists():
        with open(DEV_QUESTIONS, encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    durations = [d for text in texts for d in timed(text, 20)]
    print(
        f"{len(texts)} textes courts × 20 : médiane {statistics.median(durations) * 1e3:.2f} ms,"
        f" max {max(durations) * 1e3:.2f} ms"
    )
    for label, text in [
        ("1 Mo d'histoires", (STORY * (1_000_000 // len(STORY) + 1))[:1_000_000]),
        ("1 Mo de chiffres espacés", "0 " * 500_000),
        ("1 Mo de « a@ »", "a@" * 500_000),
    ]:
        print(f"{label} : {timed(text, 1)[0]:.2f} s")


if __name__ == "__main__":
    main()
