# make demo: set up .venv and run the main job on the bundled example (init, validate, score, report, questionnaire, status).
# make test: set up .venv with the dev tools and run every check (ruff, mypy --strict, pytest).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
EXAMPLE := examples/hedemarken-nortec
EXPORTS := examples/exports
DEMO := build/demo

.PHONY: demo test lint typecheck unit bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV): pyproject.toml $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(RUNTIME)
	rm -rf $(DEMO)
	$(BIN)/b2c init $(DEMO)/hedemarken --housing Bo-Vest --company Nortec --area Hedemarken --no-git
	$(BIN)/b2c validate $(DEMO)/hedemarken
	$(BIN)/b2c validate $(EXAMPLE)
	$(BIN)/b2c score $(EXPORTS)/hedemarken-baseline-surveyxact.xlsx --dir $(EXAMPLE) --period baseline
	$(BIN)/b2c score $(EXPORTS)/hedemarken-2026-google-forms.csv --dir $(EXAMPLE) --period 2026 --segment alder
	$(BIN)/b2c report $(EXAMPLE)
	$(BIN)/b2c questionnaire $(EXAMPLE)
	$(BIN)/b2c status $(EXAMPLE)

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEV)
	$(BIN)/mypy

unit: $(DEV)
	$(BIN)/pytest

test: lint typecheck unit

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache .hypothesis

# make bench: the benchmark table (100,000-row exports, 1,000 and 2,000 partnerships; several minutes).
bench: $(DEV)
	$(BIN)/python tests/benchmarks/bench.py
