# Portail d'accès aux droits — the two commands: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_BIN ?= $(shell for p in python3.13 python3.12 python3.11 python3; do command -v $$p >/dev/null && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' && echo $$p && break; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
DEV_ENV := DEBUG=true HTTPS=false
PYTEST_ARGS ?=

.PHONY: help run test test-sqlite test-postgres quality fix install browser postgres demo lock bench clean

help:
	@echo "make run   — installe, prépare la base, charge la démo, lance le site et le worker sur http://127.0.0.1:8000"
	@echo "make test  — installe ce qu'il faut (Chromium compris) et lance toute la suite sur SQLite puis PostgreSQL"
	@echo "make quality / make fix / make bench / make lock"

$(STAMP): pyproject.toml constraints.txt
	@test -n "$(PYTHON_BIN)" || { echo "Python 3.11 ou plus récent est nécessaire."; exit 1; }
	@test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(DEV_ENV) $(PY) manage.py migrate --no-input
	$(DEV_ENV) $(PY) manage.py createcachetable
	$(DEV_ENV) $(PY) manage.py demo
	$(DEV_ENV) bin/run-dev

demo: install
	$(DEV_ENV) $(PY) manage.py demo

# Browser tests drive Debian's Chromium, never a downloaded browser.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installation de Chromium (paquet Debian)…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core poppler-utils >/dev/null; \
	  else \
	    echo "Chromium manque : lancez 'sudo apt-get install chromium poppler-utils' puis relancez make test."; exit 1; \
	  fi; \
	fi
	@command -v pdftoppm >/dev/null || { [ "$$(id -u)" = "0" ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; } || { echo "pdftoppm manque : apt-get install poppler-utils"; exit 1; }

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	  if [ "$$(id -u)" = "0" ] && command -v pg_ctlcluster >/dev/null; then \
	    pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start && sleep 2; \
	  fi; }
	@pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL ne répond pas sur 127.0.0.1:5432."; exit 1; }

test: install browser postgres
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite: install
	@echo "=== Suite complète sur SQLite ==="
	$(VENV)/bin/pytest -n 2 -p no:cacheprovider $(PYTEST_ARGS)

test-postgres: install
	@echo "=== Suite complète sur PostgreSQL ==="
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -n 2 -p no:cacheprovider $(PYTEST_ARGS)

quality: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	DEBUG=false SECRET_KEY=$$(openssl rand -hex 32) ALLOWED_HOSTS=droits.example.org \
	  DATABASE_URL=$(PG_URL) $(PY) manage.py check --deploy --fail-level WARNING

fix: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Regenerate the pinned versions after changing pyproject.toml.
lock:
	rm -rf .venv-lock && $(PYTHON_BIN) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check ".[test]"
	.venv-lock/bin/pip freeze --exclude-editable | grep -v '^portail' > constraints.txt
	rm -rf .venv-lock

bench: install
	bench/run.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
