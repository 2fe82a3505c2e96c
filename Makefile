# make demo: set up .venv and run the main job on the bundled example (init, validate, score, report, questionnaire, status).
# make test: set up .venv with the dev tools and run every check (ruff, mypy --strict, pytest).
# make fuzz: the long fuzz run of the export readers and the YAML loader (about 12 minutes).
# make mutation: mutation testing of the scoring rules, the disclosure rules and the figures layer (about 4 minutes); fails below 90 % caught.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
EXAMPLE := examples/hedemarken-nortec
EXPORTS := examples/exports
DEMO := build/demo

.PHONY: demo test lint typecheck unit bench fuzz mutation docs clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[pdf]'
	touch $@

$(DEV): pyproject.toml $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e '.[pdf,dev]'
	touch $@

demo: $(RUNTIME)
	rm -rf $(DEMO)
	$(BIN)/b2c init $(DEMO)/hedemarken --housing Bo-Vest --company Nortec --area Hedemarken --no-git
	$(BIN)/b2c validate $(DEMO)/hedemarken
	$(BIN)/b2c validate $(EXAMPLE)
	$(BIN)/b2c score $(EXPORTS)/hedemarken-baseline-surveyxact.xlsx --dir $(EXAMPLE) --period baseline
	$(BIN)/b2c score $(EXPORTS)/hedemarken-2026-google-forms.csv --dir $(EXAMPLE) --period 2026 --segment alder
	$(BIN)/b2c report $(EXAMPLE) --format md,html,xlsx,ics,docx,pdf
	$(BIN)/b2c questionnaire $(EXAMPLE) --survey-lang all
	$(BIN)/b2c status $(EXAMPLE)

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache --no-logo
	$(BIN)/vulture

typecheck: $(DEV)
	$(BIN)/mypy

unit: $(DEV)
	$(BIN)/pytest

test: lint typecheck unit

# make docs: the README's "Command reference" section, written from the commands' own help texts.
docs: $(RUNTIME)
	$(BIN)/python -m b2c_cli.cli.reference README.md

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache .hypothesis mutants

# make bench: the benchmark table (100,000-row exports, 1,000 and 2,000 partnerships; several minutes).
bench: $(DEV)
	$(BIN)/python tests/benchmarks/bench.py

# make fuzz: tests/fuzz under the long Hypothesis profile (B2C_FUZZ=long): random inputs, far more of them
# (B2C_FUZZ_EXAMPLES scales the run, default 4000). Prints how many inputs each target tried.
fuzz: $(DEV)
	B2C_FUZZ=long $(BIN)/pytest tests/fuzz

# make mutation: mutmut mutates src/b2c_cli/survey/scoring.py, stats.py, disclosure.py and figures/compute.py
# and runs tests/scoring, tests/figures and tests/disclosure against each
# mutant ([tool.mutmut] in pyproject.toml); lists the mutants no test caught, and fails below 90 % caught.
mutation: $(DEV)
	rm -rf mutants
	$(BIN)/mutmut run
	$(BIN)/mutmut results
	$(BIN)/mutmut export-cicd-stats
	$(BIN)/python -c 'import json, sys; s = json.load(open("mutants/mutmut-cicd-stats.json")); \
		caught = s["killed"] + s["timeout"]; \
		print("mutation score: %d of %d mutants caught (%.1f %%), %d survived" \
		% (caught, s["total"], 100 * caught / max(s["total"], 1), s["survived"])); \
		sys.exit(caught < 0.9 * s["total"])'
