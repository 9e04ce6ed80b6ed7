# Two commands on a fresh machine:
#   make run    set up .venv, copy the sample article to data/raw/, run the pipeline on it
#   make test   set up .venv (and Debian's chromium for the browser test), run the tests
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared
SAMPLE ?= $(SHARED)/seed-article.txt

.PHONY: setup run test lint browser dev-data clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

run: setup
	@test -f $(SAMPLE) || { echo "sample article not found at $(SAMPLE): give the shared folder, e.g. make run SHARED=/path/to/shared"; exit 1; }
	mkdir -p data/raw
	cp $(SAMPLE) $(basename $(SAMPLE)).meta.json data/raw/
	$(PY) -m factwire run data/raw/$(notdir $(SAMPLE))

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
