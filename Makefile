# Two entry points (see README): `make site` and `make test`.
# Everything else is a prerequisite of those two.

SHELL := /bin/bash
.DEFAULT_GOAL := site
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NPM_STAMP := widget/node_modules/.installed

# Python 3.12+ is required. Take it from PYTHON, from PATH, or from pyenv's
# versions folder (pyenv shims refuse versions that are not selected).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 \
	  $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo "$$p"; break; }; done)

.PHONY: site setup test serve chromium clean bench bench-checker bench-widget

site: setup
	$(VENV)/bin/houserules build
	@echo "Built into site/public/<council>/ and site/staff/<council>/. Preview: make serve"

serve: setup
	$(VENV)/bin/houserules serve

test: setup chromium
	$(VENV)/bin/python -m pytest

setup: $(STAMP) $(NPM_STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python 3.12 or newer is needed (set PYTHON=/path/to/python3.12)" >&2; exit 1; }
	test -x $(PY) || "$(PYTHON)" -m venv $(VENV)
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Pyodide's package also ships two demo consoles that load scripts from a CDN.
# The sites never serve them (the build takes four runtime files by name), and
# nothing in this tree should be a page that loads from a third party: removed.
$(NPM_STAMP): widget/package.json widget/package-lock.json
	npm ci --prefix widget --no-audit --no-fund --ignore-scripts
	rm -f widget/node_modules/pyodide/console.html widget/node_modules/pyodide/console-v2.html
	touch $@

# Browser tests drive Debian's Chromium; Playwright cannot download its own here.
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  elif command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "error: install Chromium (Debian: apt-get install chromium)" >&2; exit 1; fi; }

bench: setup
	$(PY) tests/benchmarks/bench_build.py

# The checker in the browser (headless Chromium): page weight, time to ready,
# time per check in Pyodide beside CPython.
bench-widget: site chromium
	$(PY) tests/benchmarks/bench_widget.py $(BENCH_ARGS)

# The comment checker against better-profanity and alt-profanity-check on the
# labelled data in ../shared/data. Their packages are benchmark-only: pinned in
# their own lock, installed into the same venv, never in requirements.lock.
# Pass options with BENCH_ARGS, e.g. make bench-checker BENCH_ARGS="--sample 5000".
BENCH_LOCK := tests/benchmarks/requirements-bench.lock
BENCH_STAMP := $(VENV)/.bench-installed

$(BENCH_STAMP): $(BENCH_LOCK) $(STAMP)
	$(PY) -m pip install --quiet --no-deps --require-hashes -r $(BENCH_LOCK)
	touch $@

bench-checker: $(STAMP) $(BENCH_STAMP)
	$(PY) tests/benchmarks/bench_checker.py $(BENCH_ARGS)

clean:
	rm -rf site build $(VENV) widget/node_modules
