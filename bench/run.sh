#!/usr/bin/env bash
# Load benchmark: gunicorn (2 workers, production settings) on 127.0.0.1, driven by wrk from
# Debian. Measures the home page against a bare "ok" view through the same middleware stack
# (the framework floor) and appends the results to bench/results.md.
#
#   bench/run.sh                 # 30 s per URL, 16 connections
#   DURATION=10s CONNECTIONS=8 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8765}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
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

export DEBUG=false HTTPS=false LOG_LEVEL=WARNING RATELIMIT_ENABLE=true
export SECRET_KEY=${SECRET_KEY:-bench-only-secret-key-0123456789abcdef0123456789}
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATA_DIR=${DATA_DIR:-$PWD/bench/out/data}
export STATIC_ROOT=$PWD/bench/out/static
mkdir -p "$DATA_DIR"

$PY manage.py migrate --no-input -v0
$PY manage.py createcachetable
$PY manage.py collectstatic --no-input -v0
$PY manage.py demo --force >/dev/null
$PY manage.py bench_data --users "${BENCH_USERS:-2000}" --groups "${BENCH_GROUPS:-200}"

.venv/bin/gunicorn portail.wsgi:application --bind 127.0.0.1:$PORT --workers 2 \
  --access-logfile /dev/null --error-logfile "$OUT/gunicorn.log" &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$PORT/sante/ok/" >/dev/null && break
  sleep 0.2
done

run() {
  local name=$1 path=$2
  shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/report.lua "$@" \
    "http://127.0.0.1:$PORT$path" | grep '^RESULT' | sed "s/^RESULT/$name/"
}

# Warm up both URLs, then measure.
wrk -t1 -c2 -d3s "http://127.0.0.1:$PORT/" >/dev/null
wrk -t1 -c2 -d3s "http://127.0.0.1:$PORT/sante/ok/" >/dev/null
floor=$(run floor /sante/ok/)
home=$(run home /)
# A session cookie bypasses the anonymous page cache: the cost of rendering the page each time.
rendered=$(run rendered / -H "Cookie: sessionid=bench-sans-session")
echo "$floor"
echo "$home"
echo "$rendered"

rps() { sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$1"; }
ratio=$(python3 -c "print(round($(rps "$home") / $(rps "$floor"), 2))")
row() {
  local label=$1 line=$2
  python3 - "$label" "$line" <<'PY'
import re, sys
label, line = sys.argv[1], sys.argv[2]
v = dict(re.findall(r"(\w+)=([\d.]+)", line))
print(f"| {label} | {v['rps']} | {v['p50']} | {v['p95']} | {v['p99']} | {v['errors']} |")
PY
}
{
  echo
  echo "### $(date -u +'%Y-%m-%d %H:%M UTC') — $(nproc) cœurs, $(free -g | awk '/Mem:/{print $2}') Gio, $($PY -c 'import django,sys; print(f"Python {sys.version.split()[0]}, Django {django.get_version()}")'), base $($PY manage.py shell --no-imports -c "from django.db import connection; print(connection.vendor)")"
  echo
  echo "gunicorn 2 workers, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, 127.0.0.1."
  echo
  echo "| URL | req/s | p50 ms | p95 ms | p99 ms | erreurs |"
  echo "|---|---|---|---|---|---|"
  row "/sante/ok/ (plancher)" "$floor"
  row "/ (accueil, visiteur anonyme)" "$home"
  row "/ (accueil rendu à chaque fois, cookie de session)" "$rendered"
  echo
  echo "Accueil / plancher = **$ratio** (objectif ≥ 0,5)."
} | tee -a bench/results.md
