# The two commands of the README: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-12)
# Debian packages the portal needs at run time (WeasyPrint) and for its tests (browser, PDF text).
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install system-deps lint bench clean-dev

run: install
	@mkdir -p var/mail
	DJANGO_SETTINGS_MODULE=isu_portal.settings.dev $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=isu_portal.settings.dev $(BIN)/python manage.py seed_demo
	@echo "Serving http://127.0.0.1:8000 (e-mails are written to var/mail/)"
	DJANGO_SETTINGS_MODULE=isu_portal.settings.dev $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: system-deps $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=isu_portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# Not in CI. The load test needs PostgreSQL (DATABASE_URL; a throwaway <name>_bench database is
# created) and wrk; results go to var/bench/.
bench: install
	@command -v wrk >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk)
	$(BIN)/python -m bench
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/isu} $(BIN)/python -m bench.load

clean-dev:
	rm -rf var/db.sqlite3 var/mail var/media var/documents
