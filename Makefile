# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	touch $@ $(VENV)/.installed

# The main job on the embedded default store (SQLite in the user data directory, or $QUOTETRACE_DB).
demo: $(VENV)/.installed
	$(BIN)/quotetrace ingest examples/
	$(BIN)/quotetrace quotes --limit 20

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench

test: $(VENV)/.installed-test lint
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_body.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
