# Mechelen: `make demo` runs the platform on its embedded demo content, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LANG_OUT ?= en

.PHONY: demo test lint typecheck pytest messages bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)  ## migrate the embedded SQLite database, load the demo content and serve http://127.0.0.1:8000
	$(BIN)/python manage.py serve_demo

test: lint typecheck pytest  ## everything CI runs

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q

messages: $(STAMP)  ## re-extract interface strings and update the fr/es catalogues
	$(BIN)/pybabel extract --no-location --omit-header -F babel.cfg -k N_ -o build/mechelen.pot src
	$(BIN)/pybabel update --no-fuzzy-matching -i build/mechelen.pot -d src/mechelen/i18n/locale -D mechelen

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache

bench: $(STAMP)  ## print timings (never part of make test): assessment, then statistics on 11.2M records
	$(BIN)/python bench/bench_assessment.py
	$(BIN)/python bench/bench_statistics.py
