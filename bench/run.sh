#!/usr/bin/env bash
# Load benchmark: gunicorn (2 workers, production settings) on 127.0.0.1, driven by wrk from
# Debian. Each page is measured next to its floor, in the same run and the same process setup:
#   /sante/ok/          bare view through the whole middleware stack (framework floor)
#   /bench/liste-nue/   bare view rendering 20 rows of the question table (list floor)
# then the portal's pages; then the concurrency check (bench/concurrency.py). Results are
# appended to bench/results.md.
#
#   bench/run.sh                                   # 100 000 questions, 20 s per URL
#   QUESTIONS=20000 DURATION=10s bench/run.sh
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/portail_bench bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8765}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
QUESTIONS=${QUESTIONS:-100000}
PY=.venv/bin/python
OUT=bench/out
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk manque : sudo apt-get install wrk"; exit 1
  fi
fi

export DJANGO_SETTINGS_MODULE=bench.settings
export DEBUG=false HTTPS=false LOG_LEVEL=WARNING
# The concurrency check posts 1,000 questions from one address: the per-IP limit would stop it.
export RATELIMIT_ENABLE=false
export SECRET_KEY=${SECRET_KEY:-bench-only-secret-key-0123456789abcdef0123456789}
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATA_DIR=${DATA_DIR:-$PWD/bench/out/data}
export STATIC_ROOT=$PWD/bench/out/static
mkdir -p "$DATA_DIR"

$PY manage.py migrate --no-input -v0
$PY manage.py createcachetable
$PY manage.py collectstatic --no-input -v0
$PY manage.py demo --force >/dev/null
$PY manage.py bench_data --users "${BENCH_USERS:-2000}" --groups "${BENCH_GROUPS:-200}" \
  --questions "$QUESTIONS"
# Fresh planner statistics after a bulk load (SQLite's planner needs them: ~250 ms → ~10 ms on
# the list's count at 100k rows). In production: run ANALYZE after large imports.
$PY manage.py shell --no-imports -c "from django.db import connection; connection.cursor().execute('ANALYZE')"
DETAIL_ID=$($PY manage.py shell --no-imports -c "
from portail.questions.models import Question
q = Question.objects.public().filter(status='piste', subject__isnull=False).order_by('-id').first()
print(q.pk)")
DB=$($PY manage.py shell --no-imports -c "from django.db import connection; print(connection.vendor)")

.venv/bin/gunicorn portail.wsgi:application --bind 127.0.0.1:$PORT --workers 2 \
  --access-logfile /dev/null --error-logfile "$OUT/gunicorn.log" &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$PORT/sante/ok/" >/dev/null && break
  sleep 0.2
done

run() {
  local path=$1
  shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/report.lua "$@" \
    "http://127.0.0.1:$PORT$path" | grep '^RESULT'
}
row() {
  python3 - "$1" "$2" <<'PY'
import re, sys
label, line = sys.argv[1], sys.argv[2]
v = dict(re.findall(r"(\w+)=([\d.]+)", line))
print(f"| {label} | {v['rps']} | {v['p50']} | {v['p95']} | {v['p99']} | {v['errors']} |")
PY
}
rps() { sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$1"; }
p95() { sed -E 's/.* p95=([0-9.]+).*/\1/' <<<"$1"; }

SESSION=(-H "Cookie: sessionid=bench-sans-session")
for path in / /sante/ok/ /questions/ /bench/liste-nue/ "/questions/$DETAIL_ID/"; do
  wrk -t1 -c2 -d2s "http://127.0.0.1:$PORT$path" >/dev/null
done
floor=$(run /sante/ok/)
home=$(run /)
home_rendered=$(run / "${SESSION[@]}")
list_floor=$(run /bench/liste-nue/)
list=$(run /questions/)
list_rendered=$(run /questions/ "${SESSION[@]}")
list_filtered=$(run "/questions/?ordre=moi-aussi&page=50" "${SESSION[@]}")
detail=$(run "/questions/$DETAIL_ID/")
ask=$(run /poser-une-question/)

concurrency_sqlite_or_pg=$($PY bench/concurrency.py "http://127.0.0.1:$PORT" --posts 1000 --clients 20 || true)
echo "$concurrency_sqlite_or_pg"

ratio() { python3 -c "print(round($(rps "$1") / $(rps "$2"), 2))"; }
{
  echo
  echo "### $(date -u +'%Y-%m-%d %H:%M UTC') — $DB, $QUESTIONS questions"
  echo
  echo "$(nproc) cœurs, $(free -g | awk '/Mem:/{print $2}') Gio, $($PY -c 'import django,sys; print(f"Python {sys.version.split()[0]}, Django {django.get_version()}")'); gunicorn 2 workers ; wrk -t$THREADS -c$CONNECTIONS -d$DURATION sur 127.0.0.1."
  echo
  echo "| URL | req/s | p50 ms | p95 ms | p99 ms | erreurs |"
  echo "|---|---|---|---|---|---|"
  row "/sante/ok/ (plancher du framework)" "$floor"
  row "/ (accueil, visiteur anonyme)" "$home"
  row "/ (accueil rendu à chaque fois)" "$home_rendered"
  row "/bench/liste-nue/ (plancher de la liste : 20 lignes, gabarit minimal)" "$list_floor"
  row "/questions/ (liste, visiteur anonyme)" "$list"
  row "/questions/ (liste rendue à chaque fois)" "$list_rendered"
  row "/questions/?ordre=moi-aussi&page=50 (rendue)" "$list_filtered"
  row "/questions/$DETAIL_ID/ (une question avec sa piste)" "$detail"
  row "/poser-une-question/ (formulaire)" "$ask"
  echo
  echo "- Accueil / plancher du framework : **$(ratio "$home" "$floor")** (objectif ≥ 0,5)."
  echo "- Liste / plancher de la liste : **$(ratio "$list" "$list_floor")** anonyme, **$(ratio "$list_rendered" "$list_floor")** rendue à chaque fois (objectif ≥ 0,8)."
  echo "- p95 liste rendue $(p95 "$list_rendered") ms, détail $(p95 "$detail") ms (objectif ≤ 50 ms)."
  echo "- Concurrence : \`$(grep '^CONCURRENCY' <<<"$concurrency_sqlite_or_pg" | sed 's/^CONCURRENCY //')\` (objectif : stored = 1000, errors = 0)."
} | tee -a bench/results.md
