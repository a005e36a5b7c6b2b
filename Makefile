# Two commands on a fresh machine: `make demo` and `make test`. Each sets itself up.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
CONSTRAINTS := constraints.txt

.PHONY: demo test lint bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PY) -m pip install --quiet -c $(CONSTRAINTS) -e ".[test,ner]"
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/dyadwatch demo demo-workspace

test: lint
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/mypy

bench: $(VENV)/.installed
	$(PY) benchmarks/ingest.py

clean:
	rm -rf $(VENV) demo-workspace .pytest_cache .hypothesis
