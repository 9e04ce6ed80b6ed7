# Two commands on a fresh machine:
#   make run    set up .venv, run the pipeline on the sample article (examples/) and show what it found
#   make test   set up .venv (and Debian's chromium for the browser test), run the tests
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
SAMPLE ?= examples/seed-article.txt

.PHONY: setup run test lint browser dev-data clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

run: setup
	$(PY) -m factwire run $(SAMPLE)
	$(PY) -m factwire show

browser:
	@command -v chromium >/dev/null 2>&1 || { (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium not installed: the browser test will be skipped"; }

test: setup browser
	$(PY) -m ruff check factwire flows schemas tests bench
	$(PY) -m pytest -q

lint: setup
	$(PY) -m ruff check factwire flows schemas tests bench

clean:
	rm -rf $(VENV) data/processed/* .pytest_cache
