# Mechelen: `make demo` runs the platform on its embedded demo content, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
#: the front-end packages of package.json (the design system, axe-core), installed by npm
ASSETS := node_modules/.installed
LANG_OUT ?= en
#: the tests that touch the database, run a second time on PostgreSQL
DATABASE_TESTS := tests/web tests/e2e

.PHONY: demo test lint typecheck pytest pytest-postgres e2e system-packages messages compile-messages bench clean

$(STAMP): pyproject.toml
	@bash scripts/ensure-system-packages.sh venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(ASSETS): package.json package-lock.json
	@bash scripts/ensure-system-packages.sh assets
	npm ci --ignore-scripts --omit=optional --no-audit --no-fund --loglevel=error
	touch $(ASSETS)

demo: $(STAMP) $(ASSETS)  ## migrate the embedded SQLite database, load the demo content and serve http://127.0.0.1:8000
	$(BIN)/python manage.py serve_demo

test: lint typecheck pytest pytest-postgres  ## everything CI runs

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP) $(ASSETS)  ## mypy with the Django plugin, which loads the settings (they need the design system)
	$(BIN)/mypy

system-packages:  ## apt-get install chromium and PostgreSQL when missing (as root; skipped when present)
	@bash scripts/ensure-system-packages.sh tests

pytest: $(STAMP) $(ASSETS) system-packages  ## the whole suite on SQLite, browser tests included
	env -u DATABASE_URL $(BIN)/pytest -q

pytest-postgres: $(STAMP) $(ASSETS) system-packages  ## the database and browser tests on PostgreSQL ($$DATABASE_URL, or a throwaway server)
	bash scripts/with-postgres.sh $(BIN)/pytest -q $(DATABASE_TESTS)

e2e: $(STAMP) $(ASSETS) system-packages  ## the browser tests only; MECHELEN_SCREENSHOTS=1 refreshes docs/screenshots/web-*.png
	$(BIN)/pytest -q tests/e2e

messages: $(STAMP) $(ASSETS)  ## re-extract interface strings and update the fr/es catalogues (CLI and reports, then the web site)
	$(BIN)/pybabel extract --no-location --omit-header -F babel.cfg -k N_ -o build/mechelen.pot src
	$(BIN)/pybabel update --no-fuzzy-matching -i build/mechelen.pot -d src/mechelen/i18n/locale -D mechelen
	cd src/mechelen/web && DJANGO_SETTINGS_MODULE=mechelen.web.settings MECHELEN_DATA_DIR=$(CURDIR)/build/web \
		$(CURDIR)/$(BIN)/django-admin makemessages -l fr -l es --no-location --ignore "migrations/*"

compile-messages: $(STAMP) $(ASSETS)  ## compile the web site's catalogues after translating (needs msgfmt: apt-get install gettext)
	cd src/mechelen/web && $(CURDIR)/$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) node_modules build .pytest_cache .mypy_cache .ruff_cache

bench: $(STAMP) $(ASSETS)  ## print timings (never part of make test): assessment, web latency, reports, then statistics on 11.2M records
	@command -v ab >/dev/null || apt-get install -y -q --no-install-recommends apache2-utils
	$(BIN)/python bench/bench_assessment.py
	$(BIN)/python bench/bench_web.py
	$(BIN)/python bench/bench_reports.py
	$(BIN)/python bench/bench_linked_model.py
	$(BIN)/python bench/bench_statistics.py
