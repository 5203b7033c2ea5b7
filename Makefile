# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 8000
export UV_PROJECT_ENVIRONMENT := .venv

# Use a working uv from PATH; otherwise bootstrap one into .tools/ with pip.
UV := $(shell uv --version >/dev/null 2>&1 && echo uv || echo .tools/bin/uv)
PY := .venv/bin/python

.PHONY: help install run test test-fast test-clock lint format test-deps audit bench backup restore clean

help:
	@echo "make run    install, migrate, load the demo content; serve http://$(HOST):$(PORT)/ with the worker and scheduler"
	@echo "make test   run the whole test suite (PostgreSQL when DATABASE_URL is set)"
	@echo "make test-clock  the booking tests under faketime at awkward moments (SQLite)"
	@echo "make lint   ruff check and ruff format --check"
	@echo "make audit  Lighthouse, axe and the Nu Html Checker against a production-like server"
	@echo "make bench  requests per second for the public pages, with their targets (PostgreSQL)"
	@echo "make backup / make restore BACKUP=<folder>  the database and media (README: Backups)"

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

# Bytecode compiled once here: where PYTHONDONTWRITEBYTECODE is set (this machine, CI), every
# Python process would otherwise compile Django and Wagtail from source as it starts, about
# 8 s of CPU per process measured (`manage.py check`: 12.5 s without, 4.0 s with), and the
# tests start dozens (servers, workers, the importer's sandbox). Up-to-date files are skipped.
install: $(if $(filter uv,$(UV)),,.tools/bin/uv)
	$(UV) sync --frozen --quiet --all-extras --compile-bytecode
	$(PY) -m compileall -q -j 0 apiwise blog bookings scripts tests manage.py

run: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_admin --url http://$(HOST):$(PORT)/admin/
	@echo "Serving http://$(HOST):$(PORT)/ with the worker and the scheduler (Ctrl+C stops all three)"
	$(PY) manage.py run_dev $(HOST):$(PORT)

# What the tests drive besides Python: Debian's Chromium (browser tests, with axe-core from npm)
# and Varnish (system tests). Installed with apt-get when running as root; otherwise the tests
# that need them skip and say why.
APT_TEST_PACKAGES := chromium:chromium varnishd:varnish
test-deps:
	@missing=""; for pair in $(APT_TEST_PACKAGES); do \
	  command -v "$${pair%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/$${pair%%:*}" ] || missing="$$missing $${pair#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "not installed:$$missing (sudo apt-get install$$missing); the tests that need them will skip"; \
	  fi; \
	fi
	@if command -v npm >/dev/null 2>&1; then \
	  [ -d node_modules/axe-core ] || npm ci --no-audit --no-fund --silent; \
	else echo "npm is not installed: accessibility checks in browser tests will be skipped"; fi

# Three test processes on this 2-core machine (pytest-xdist): the system and browser tests
# spend much of their time waiting (a minute for a scheduled guide, a worker's flush, servers
# starting), and a third process fills those waits. Tests that use something they would
# share carry an xdist_group and run in one of them: the system tests' processes
# ("shared-services"), the Redis databases a few tests use ("redis-databases"). TEST_PROCESSES=0 runs everything in this one process.
TEST_PROCESSES ?= 3
PYTEST_PARALLEL := $(if $(filter 0,$(TEST_PROCESSES)),,-n $(TEST_PROCESSES) --dist loadgroup)
# make test-fast leaves the waiting tests out: its work is all CPU, one process per core.
FAST_PROCESSES ?= 2
FAST_PARALLEL := $(if $(filter 0,$(FAST_PROCESSES)),,-n $(FAST_PROCESSES) --dist loadgroup)

test: install test-deps
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

# The booking tests on SQLite as if the whole run (pytest and every process it starts) happened
# at each of these moments, UK time: Sunday evening, Monday before 09:00, Friday after work,
# Christmas Eve, and half an hour before the clocks go forward and back. Most tests run at an
# instant of their own anyway (tests/clock.py); this checks what that cannot freeze. faketime
# (Debian's libfaketime) is installed with apt-get when running as root. Its monotonic clock is
# faked too: with FAKETIME_DONT_FAKE_MONOTONIC=1, libfaketime 0.9.10 makes Python's time.sleep
# (an absolute monotonic deadline) fail with "Invalid argument".
CLOCK_INSTANTS := 2026-12-06T20:40 2026-12-07T08:10 2026-12-11T17:30 2026-12-24T16:00 \
	2027-03-28T00:30 2027-10-31T00:30
test-clock: install
	@command -v faketime >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null; } \
	  || { echo "faketime is not installed (sudo apt-get install faketime)"; exit 1; }
	@mkdir -p $(CURDIR)/var/test-clock
	@for instant in $(CLOCK_INSTANTS); do \
	  echo "tests/bookings at $${instant/T/ } UK time"; \
	  TZ=Europe/London faketime -f "@$${instant/T/ }:00" \
	    env -u DATABASE_URL -u REDIS_URL VAR_DIR=$(CURDIR)/var/test-clock DJANGO_ALLOW_ASYNC_UNSAFE=true \
	    $(PY) -m pytest tests/bookings -m "not browser and not system" -q $(PYTEST_ARGS) \
	    || exit 1; \
	done

# Lighthouse, axe and the Nu Html Checker against gunicorn with production settings and the demo
# content (scripts/audit.py); AUDIT_ARGS=--keep keeps the reports.
audit: install test-deps
	$(PY) scripts/audit.py $(AUDIT_ARGS)

# Requests per second, p50 and p99 with wrk against gunicorn with production settings, at the
# demo's size and with 2,000 generated guides (scripts/bench.py). PostgreSQL at DATABASE_URL
# (default: the local server as postgres); BENCH_ARGS="--seconds 4" for a quicker run.
bench: install
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } \
	  || { echo "wrk is not installed (sudo apt-get install wrk)"; exit 1; }
	$(PY) scripts/bench.py $(BENCH_ARGS)

# The database (pg_dump) and local media into var/backups/apiwise-<UTC time>/ (BACKUP_DIR to
# change), and back into an empty database: RESTORE_ARGS="--database-url postgres://..." to
# restore somewhere other than DATABASE_URL. See apiwise/backups.py and the README.
backup: install
	$(PY) manage.py backup $(if $(BACKUP_DIR),--dir "$(BACKUP_DIR)")

restore: install
	@[ -n "$(BACKUP)" ] || { echo "usage: make restore BACKUP=var/backups/apiwise-<time> [RESTORE_ARGS=...]"; exit 2; }
	$(PY) manage.py restore "$(BACKUP)" $(RESTORE_ARGS)

# The inner loop: everything but the browser, system (real processes) and slow tests.
test-fast: install
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest $(FAST_PARALLEL) -m "not browser and not system and not slow" $(PYTEST_ARGS)

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

clean:
	rm -rf .venv .tools var/db.sqlite3 var/static node_modules
