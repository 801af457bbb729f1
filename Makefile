# The two set-up commands of README.md: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra pytest arguments, e.g. PYTEST_ARGS='-m "not browser"' (CI runs the browser suite once).
PYTEST_ARGS ?=
# Parallel test processes (pytest-xdist); 0 runs the suite in this process.
PYTEST_WORKERS ?= 2

.PHONY: demo test lint format messages bench bench-deps bench-cache-busting browser-deps pdf-deps kern clean

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
	@echo ""
	@echo "Demo: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "County portal, the second site: http://landkreis.localhost:$(PORT)/"
	@echo ""
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
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

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

# Every part runs and prints its figures; the target fails if any part failed.
bench: $(VENV)/.installed browser-deps bench-deps
	@failed=0; \
	$(BIN)/python bench/run.py || failed=1; \
	$(BIN)/python bench/cache_busting.py || failed=1; \
	$(BIN)/python bench/sites.py || failed=1; \
	exit $$failed

# A visitor's throughput while another client busts the cache (target: >= 0.5x).
bench-cache-busting: $(VENV)/.installed bench-deps
	$(BIN)/python bench/cache_busting.py

# Refresh the vendored KERN UX CSS and fonts in static/kern/ from npm (the only
# target that needs Node.js). Compiles static/kern/kern-site.scss, the components
# this site uses, and subsets Fira Sans to Latin when fontTools is installed.
KERN_VERSION := 2.7.2
SASS_VERSION := 1.93.2
KERN_BUILD := .kern-build
KERN_FONTS := Regular Italic Medium SemiBold
LATIN := U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+2074,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD
kern:
	@command -v npm >/dev/null || { echo "make kern needs Node.js and npm"; exit 1; }
	rm -rf $(KERN_BUILD) && mkdir -p $(KERN_BUILD)
	cd $(KERN_BUILD) && npm pack --silent @kern-ux/native@$(KERN_VERSION) >/dev/null \
		&& tar xzf kern-ux-native-$(KERN_VERSION).tgz
	cd $(KERN_BUILD) && npm install --silent --no-audit --no-fund --ignore-scripts \
		--no-save sass@$(SASS_VERSION) >/dev/null
	$(KERN_BUILD)/node_modules/.bin/sass --no-source-map --style=compressed \
		--load-path=$(KERN_BUILD)/package/src/scss static/kern/kern-site.scss static/kern/kern.min.css
	mkdir -p static/kern/fonts
	for font in $(KERN_FONTS); do \
		src=$(KERN_BUILD)/package/dist/fonts/fira-sans/FiraSans-$$font.woff2; \
		if [ -x $(BIN)/pyftsubset ]; then \
			$(BIN)/pyftsubset $$src --unicodes="$(LATIN)" --layout-features='*' \
				--flavor=woff2 --output-file=static/kern/fonts/FiraSans-$$font.woff2; \
		else cp $$src static/kern/fonts/; fi; \
	done
	cp $(KERN_BUILD)/package/LICENSE.md static/kern/LICENSE.md
	rm -rf $(KERN_BUILD)
	@echo "static/kern/kern.min.css: $$(gzip -9c static/kern/kern.min.css | wc -c) bytes gzip-compressed"

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
