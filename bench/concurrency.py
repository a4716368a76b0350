"""Concurrency check: N posts of the ask form from C parallel clients against a running server
must store exactly N questions with no error (SQLite in WAL mode and PostgreSQL alike).

    DJANGO_SETTINGS_MODULE=bench.settings python bench/concurrency.py http://127.0.0.1:8765

The server must run with RATELIMIT_ENABLE=false (the per-IP limit would rightly stop a single
address posting a thousand questions). Counting is done through the ORM, on the same database.
"""

import argparse
import http.cookiejar
import os
import re
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from portail.questions.models import Question  # noqa: E402

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def post_one(base_url, number):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form_url = f"{base_url}/poser-une-question/"
    page = opener.open(form_url, timeout=30).read().decode()
    fields = dict(HIDDEN.findall(page))
    fields.update(
        {
            "text": f"Question de charge numéro {number} : le chauffage ne marche plus depuis "
            "une semaine, que faire ?",
            "kind": "question",
        }
    )
    request = urllib.request.Request(
        form_url,
        data=urllib.parse.urlencode(fields).encode(),
        headers={"Referer": form_url},
    )
    response = opener.open(request, timeout=30)
    if "/suivi/" not in response.url:
        raise RuntimeError(f"post {number}: arrived at {response.url}, not a follow-up page")
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()

    before = Question.objects.count()
    started = time.perf_counter()
    errors = []
    with ThreadPoolExecutor(max_workers=args.clients) as pool:
        futures = [pool.submit(post_one, args.base_url, n) for n in range(args.posts)]
        for future in futures:
            try:
                future.result()
            except Exception as exc:
                errors.append(repr(exc))
    elapsed = time.perf_counter() - started
    stored = Question.objects.count() - before
    print(
        f"CONCURRENCY posts={args.posts} clients={args.clients} stored={stored} "
        f"errors={len(errors)} seconds={elapsed:.1f}"
    )
    for error in errors[:5]:
        print("  ", error)
    sys.exit(0 if stored == args.posts and not errors else 1)


if __name__ == "__main__":
    main()
