# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 8000
export UV_PROJECT_ENVIRONMENT := .venv

# Use a working uv from PATH; otherwise bootstrap one into .tools/ with pip.
UV := $(shell uv --version >/dev/null 2>&1 && echo uv || echo .tools/bin/uv)
PY := .venv/bin/python

.PHONY: help install run test test-fast lint format browser-deps audit clean

help:
	@echo "make run    install, migrate, load the demo content and serve http://$(HOST):$(PORT)/"
	@echo "make test   run the whole test suite (PostgreSQL when DATABASE_URL is set)"
	@echo "make lint   ruff check and ruff format --check"
	@echo "make audit  Lighthouse, axe and the Nu Html Checker against a production-like server"

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

install: $(if $(filter uv,$(UV)),,.tools/bin/uv)
	$(UV) sync --frozen --quiet

run: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_admin --url http://$(HOST):$(PORT)/admin/
	@echo "Serving http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# Browser tests drive Debian's Chromium and inject axe-core from npm.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium is not installed: browser tests will be skipped (sudo apt-get install chromium)"; \
	  fi; \
	fi
	@if command -v npm >/dev/null 2>&1; then \
	  [ -d node_modules/axe-core ] || npm ci --no-audit --no-fund --silent; \
	else echo "npm is not installed: accessibility checks in browser tests will be skipped"; fi

test: install browser-deps
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest $(PYTEST_ARGS)

# Lighthouse, axe and the Nu Html Checker against gunicorn with production settings and the demo
# content (scripts/audit.py); AUDIT_ARGS=--keep keeps the reports.
audit: install browser-deps
	$(PY) scripts/audit.py $(AUDIT_ARGS)

test-fast: install
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

clean:
	rm -rf .venv .tools var/db.sqlite3 var/static node_modules
