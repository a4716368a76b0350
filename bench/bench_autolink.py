"""Micro-benchmark of the glossary's auto-linking (not a test): how long `autolink` takes on
5,000-character texts against the whole glossary of content/glossaire/.

    .venv/bin/python bench/bench_autolink.py [--repeat 200]

Three realistic texts, each cut at a word boundary to 5,000 characters of text (tags excluded):
fiches pistes as their page renders them (sanitised Markdown), residents' messages as the
question page renders them (escaped, with line breaks), and a text dense in glossary words.
The index is built once and kept, as the site does (portail/glossary/autolink.py); the
building itself is timed apart."""

import argparse
import gc
import json
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portail.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789")
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.utils.html import escape, linebreaks, strip_tags  # noqa: E402
from django.utils.safestring import mark_safe  # noqa: E402

from portail.core.markdown import render_markdown  # noqa: E402
from portail.glossary.autolink import autolink, build_index  # noqa: E402
from portail.glossary.content import read_glossary  # noqa: E402

CONTENT = ROOT / "content"
DEV_QUESTIONS = ROOT.parent / "shared/eval/dev-questions.jsonl"
LENGTH = 5_000


def glossary_rows():
    return [
        (
            entry["slug"],
            entry["values"]["term"],
            entry["values"]["aliases"],
            entry["values"]["definition"],
            f"/glossaire/{entry['slug']}/",
        )
        for entry in read_glossary(CONTENT / "glossaire")
    ]


def _cut(blocks, length=LENGTH):
    """Whole blocks of HTML until their text reaches `length` characters."""
    kept, size = [], 0
    for block in blocks:
        kept.append(block)
        size += len(strip_tags(block))
        if size >= length:
            break
    return "\n".join(kept)


def fiche_text():
    blocks = []
    for path in sorted((CONTENT / "fiches").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("+++", 2)[2]
        blocks += re.findall(r"<(?:p|li|h2)>.*?</(?:p|li|h2)>", str(render_markdown(body)), re.S)
    return _cut(blocks)


def messages_text():
    with open(DEV_QUESTIONS, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    return _cut([str(linebreaks(escape(text))) for text in texts])


def dense_text(rows):
    """Every headword, then every other name, two to a sentence."""
    words = [term for _, term, *_ in rows] + [alias for row in rows for alias in row[2]]
    pairs = zip(words[::2], words[1::2], strict=False)
    return _cut([f"<p>Pour le {first.lower()}, voyez l'{second}.</p>" for first, second in pairs])


def timed(text, index, repeat):
    """Wall-clock and CPU milliseconds of each run: on a shared machine the first includes the
    time other processes took the core; the second is the cost of linking itself."""
    gc.collect()
    html = mark_safe(text)  # noqa: S308 — our own content, rendered as the site does
    autolink(html, index)  # warms the per-word normalisation cache, as a running site is
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.thread_time()
        autolink(html, index)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return wall, cpu


def p95(values):
    return statistics.quantiles(values, n=20)[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    rows = glossary_rows()
    started = time.perf_counter()
    index = build_index(rows)
    build_ms = (time.perf_counter() - started) * 1000
    print(
        f"Glossaire : {len(rows)} mots, {len(index.keys)} formes indexées ; "
        f"construction de l'index : {build_ms:.1f} ms (une fois, puis en cache)"
    )
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} cœurs (charge {load}), "
        f"{args.repeat} répétitions"
    )
    print()
    print("| Texte (5 000 caractères) | mots liés | médiane ms | p95 ms | max ms | p95 CPU ms |")
    print("|---|---|---|---|---|---|")
    for label, text in [
        ("Fiches pistes (Markdown rendu)", fiche_text()),
        ("Messages d'habitants (texte échappé)", messages_text()),
        ("Texte dense en mots du glossaire", dense_text(rows)),
    ]:
        html = mark_safe(text)  # noqa: S308 — as above
        linked = str(autolink(html, index)).count('class="terme-glossaire"')
        wall, cpu = timed(text, index, args.repeat)
        print(
            f"| {label} | {linked} | {statistics.median(wall):.2f} | {p95(wall):.2f} | "
            f"{max(wall):.2f} | {p95(cpu):.2f} |"
        )


if __name__ == "__main__":
    main()
