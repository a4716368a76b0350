"""Search latency benchmark (not a test): `search()` (portail/search/service.py) on SQLite with
100,000 questions, over the queries of the shared development set.

    .venv/bin/python bench/bench_search.py [--questions 100000] [--rounds 5]

It prepares its own database in DATA_DIR (default /tmp/benchsearch, never the site's data/):
migrations, the knowledge base (`demo`), synthetic questions (`bench_data`, which bulk-inserts
without signals), then `rebuild_search_index` and ANALYZE. A database already prepared is
reused. Each round runs, for every question of the development set, the two calls of
../shared/eval/search_eval.py: all kinds (limit 10) and glossary words only (limit 5), in
process, with the knowledge base already in memory as on the site. It prints p50 / p95 / max
in milliseconds, per call and overall, and the CPU time of the process (the machine is shared).
Target: p95 ≤ 50 ms.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "eval" / "dev-questions.jsonl"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portail.settings")
os.environ.setdefault("DATA_DIR", "/tmp/benchsearch")  # noqa: S108 - a scratch database
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.pop("DATABASE_URL", None)  # always SQLite: the target is the embedded default

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from portail.questions.models import Question  # noqa: E402
from portail.search.models import Kind, SearchDocument  # noqa: E402
from portail.search.service import search  # noqa: E402


def prepare(questions):
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    if not SearchDocument.objects.filter(kind=Kind.FICHE).exists():
        call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    existing = Question.objects.filter(origin_detail="bench").count()
    if existing < questions:
        print(f"Création de {questions - existing} questions de mesure…", flush=True)
        call_command("bench_data", questions=questions, users=2000, groups=200)
    public = Question.objects.public().count()
    if SearchDocument.objects.filter(kind=Kind.QUESTION).count() != public:
        print("Reconstruction de l'index de recherche…", flush=True)
        call_command("rebuild_search_index")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("PRAGMA optimize")
    return Question.objects.count(), public


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def line(label, timings):
    return (
        f"| {label} | {len(timings)} | {statistics.median(timings):.1f} | "
        f"{percentile(timings, 0.95):.1f} | {max(timings):.1f} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dev-set", default=str(DEV_SET))
    args = parser.parse_args()

    total, public = prepare(args.questions)
    queries = [
        json.loads(row)["text"]
        for row in Path(args.dev_set).read_text(encoding="utf-8").splitlines()
        if row.strip()
    ]
    search("chauffage", limit=10)  # the knowledge base and word lists into memory
    timings = {"all": [], "glossary": []}
    cpu_start = time.process_time()
    wall_start = time.perf_counter()
    for _ in range(args.rounds):
        for text in queries:
            start = time.perf_counter()
            search(text, limit=10)
            timings["all"].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            search(text, kinds=[Kind.GLOSSARY], limit=5)
            timings["glossary"].append((time.perf_counter() - start) * 1000)
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start
    everything = timings["all"] + timings["glossary"]

    print()
    print(
        f"SQLite {connection.Database.sqlite_version}, Python {platform.python_version()}, "
        f"Django {django.get_version()} — {total} questions dont {public} publiques indexées, "
        f"{SearchDocument.objects.count()} documents dans l'index ; {len(queries)} requêtes × "
        f"{args.rounds} tours ; CPU {cpu / wall:.0%} du temps écoulé."
    )
    print()
    print("| Appel | n | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    print(line("tous types, limit=10", timings["all"]))
    print(line("type=glossaire, limit=5", timings["glossary"]))
    print(line("ensemble", everything))
    p95 = percentile(everything, 0.95)
    print()
    print(f"bench_search p50_ms={statistics.median(everything):.1f} p95_ms={p95:.1f} target=50")


if __name__ == "__main__":
    main()
