# The two set-up commands of README.md: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra pytest arguments, e.g. PYTEST_ARGS='-m "not browser"' (CI runs the browser suite once).
PYTEST_ARGS ?=

.PHONY: demo test lint format messages bench bench-deps bench-cache-busting browser-deps pdf-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the pinned requirements change.
$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Background jobs (search index, channel checks) run in `db_worker`: once after
# loading, then next to the web server. The channel monitor runs offline here.
demo: $(VENV)/.installed pdf-deps
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py db_worker --batch --no-startup-delay
	DEMO_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py demo_admin
	$(BIN)/python manage.py db_worker & worker=$$!; trap 'kill $$worker' EXIT; \
		$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests; never a browser download.
browser-deps:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's chromium ..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
			sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "WARNING: $(CHROMIUM) is missing and cannot be installed here; browser tests will be skipped (they fail under CI=true)."; \
		fi; \
	fi

# Debian's Pango, HarfBuzz and DejaVu fonts for WeasyPrint (the evaluation dossier,
# PDF/A embeds its fonts); never a download of its own.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
pdf-deps:
	@if ! dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's $(PDF_PACKAGES) ..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_PACKAGES) >/dev/null; \
		elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
			sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_PACKAGES) >/dev/null; \
		else \
			echo "WARNING: $(PDF_PACKAGES) are missing and cannot be installed here; evaluation dossiers (PDF) cannot be produced."; \
		fi; \
	fi

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(VENV)/.installed browser-deps pdf-deps lint
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run --noinput
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Regenerate the German catalog of the package (needs GNU gettext).
messages: $(VENV)/.installed
	cd smgovernance && ../$(BIN)/django-admin makemessages -l de --no-obsolete
	cd smgovernance && ../$(BIN)/django-admin compilemessages -l de

# Debian's wrk, the HTTP load generator of the benchmarks; never a download.
bench-deps:
	@if ! command -v wrk >/dev/null; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's wrk ..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
			sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else \
			echo "WARNING: wrk is missing and cannot be installed here; the benchmarks fall back to a Python load loop."; \
		fi; \
	fi

bench: $(VENV)/.installed browser-deps bench-deps
	$(BIN)/python bench/run.py
	$(BIN)/python bench/cache_busting.py

# A visitor's throughput while another client busts the cache (target: >= 0.5x).
bench-cache-busting: $(VENV)/.installed bench-deps
	$(BIN)/python bench/cache_busting.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
