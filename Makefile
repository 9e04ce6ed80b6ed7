# Two commands on a fresh machine:
#   make run    set up .venv, run the pipeline on the sample article (examples/) and show what it found
#   make test   set up .venv (and Debian's chromium for the browser test), run the tests
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
SAMPLE ?= examples/seed-article.txt

.PHONY: setup run test lint browser dev-data clean package-check

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
	$(PY) -m ruff check factwire flows schemas tests bench scripts
	$(PY) -m pytest -q

# The package as a user gets it: a wheel installed into a fresh venv without the lock, then the sample.
# uv keeps the downloaded wheels in its cache, so a second check installs in seconds.
PKG := build/package-check
package-check: setup
	rm -rf $(PKG) build/lib && mkdir -p $(PKG)  # (setuptools would carry files deleted since into the wheel)
	$(VENV)/bin/uv build --quiet --wheel --out-dir $(PKG)/dist .
	$(VENV)/bin/uv venv --quiet --python $(PYTHON) $(PKG)/venv
	$(VENV)/bin/uv pip install --quiet --python $(PKG)/venv/bin/python $(PKG)/dist/*.whl
	cd $(PKG) && env -u PYTHONPATH venv/bin/python -c "import factwire, sys; \
		sys.exit(0 if '/venv/' in factwire.__file__ else 'factwire imported from ' + factwire.__file__)"
	cd $(PKG) && env -u PYTHONPATH venv/bin/factwire run $(CURDIR)/$(SAMPLE) --data-dir data \
		&& env -u PYTHONPATH venv/bin/factwire show --data-dir data

lint: setup
	$(PY) -m ruff check factwire flows schemas tests bench scripts

clean:
	rm -rf $(VENV) data/processed/* .pytest_cache
