# Two entry points (see README): `make site` and `make test`.
# Everything else is a prerequisite of those two.

SHELL := /bin/bash
.DEFAULT_GOAL := site
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NPM_STAMP := widget/node_modules/.installed
# Tools only the browser tests use (axe-core) live with the other test tools
# in the virtual environment, not in widget/, which holds what the sites serve.
BROWSER_TOOLS := $(VENV)/browser-tools
BROWSER_STAMP := $(BROWSER_TOOLS)/.installed
# Zensical, for `houserules build --engine zensical` and tests/test_zensical.py:
# optional, pinned in its own lock (requirements-zensical.in says why 0.0.73).
ZENSICAL_LOCK := requirements-zensical.lock
ZENSICAL_STAMP := $(VENV)/.zensical-installed

# Python 3.12+ is required. Take it from PYTHON, from PATH, or from pyenv's
# versions folder (pyenv shims refuse versions that are not selected).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 \
	  $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo "$$p"; break; }; done)

.PHONY: site setup test test-fast lint serve chromium clean bench bench-checker bench-widget model stdlib-list \
	zensical bench-engines

site: setup
	$(VENV)/bin/houserules build
	@echo "Built into site/public/<council>/ and site/staff/<council>/. Preview: make serve"

serve: setup
	$(VENV)/bin/houserules serve

test: setup chromium $(BROWSER_STAMP) $(ZENSICAL_STAMP)
	$(MAKE) --no-print-directory lint
	$(VENV)/bin/python -m pytest -n auto

# The inner loop: no browser, no test that builds whole sites, and one case of
# each kind where a test sweeps many (those are marked "slow"); under a
# minute. `make test` runs everything.
test-fast: setup
	$(VENV)/bin/python -m pytest -q -n auto -m "not browser and not slow"

# The linter and the type checker, configured in pyproject.toml ([tool.ruff])
# and pyrightconfig.json; pyright is pinned with axe-core in tests/browser/.
lint: setup $(BROWSER_STAMP)
	$(VENV)/bin/ruff check .
	$(BROWSER_TOOLS)/node_modules/.bin/pyright

# Every set-up makes sure the runtime names no third party (see below), writes
# the zip of the standard library the checker needs (widget/stdlib.txt), its
# modules compiled in Pyodide under Node.js (bytecode.py; about 4 s), and
# the Brotli and gzip copies of the runtime's files the sites serve (the first
# time, about a minute); a second run finds it done.
setup: $(STAMP) $(NPM_STAMP)
	$(PY) -m houserules.checker_assets widget/node_modules/pyodide widget/stdlib.txt

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python 3.12 or newer is needed (set PYTHON=/path/to/python3.12)" >&2; exit 1; }
	test -x $(PY) || "$(PYTHON)" -m venv $(VENV)
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The sites serve three files of Pyodide's package, taken by name, and a zip
# of the part of its python_stdlib.zip the checker needs. Of the rest,
# the demo consoles are pages that load scripts from a CDN, and the classic
# script build and the source maps name that CDN as a default: nothing in this
# tree should load from a third party, so they are removed. The module the
# sites serve names it too, as a default the checker's page always overrides:
# `setup` rewrites that default to the runtime's own folder (checker_assets.py).
$(NPM_STAMP): widget/package.json widget/package-lock.json
	npm ci --prefix widget --no-audit --no-fund --ignore-scripts
	cd widget/node_modules/pyodide && rm -f console.html console-v2.html pyodide.js pyodide.js.map pyodide.mjs.map
	touch $@

# npm installs where package.json is, so the pinned files are copied there first.
# axe.min.js is what the tests inject; the unminified copy is removed.
$(BROWSER_STAMP): tests/browser/package.json tests/browser/package-lock.json $(STAMP)
	mkdir -p $(BROWSER_TOOLS)
	cp tests/browser/package.json tests/browser/package-lock.json $(BROWSER_TOOLS)/
	npm ci --prefix $(BROWSER_TOOLS) --no-audit --no-fund --ignore-scripts
	rm -f $(BROWSER_TOOLS)/node_modules/axe-core/axe.js
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

# Zensical beside MkDocs + Material (README, "Zensical"): installed into the
# same venv from its own lock, never in requirements.lock.
$(ZENSICAL_STAMP): $(ZENSICAL_LOCK) $(STAMP)
	$(PY) -m pip install --quiet --no-deps --require-hashes -r $(ZENSICAL_LOCK)
	touch $@

zensical: $(ZENSICAL_STAMP)

# Build time of the same sites with MkDocs and with Zensical, side by side.
bench-engines: setup $(ZENSICAL_STAMP)
	$(PY) tests/benchmarks/bench_engines.py $(BENCH_ARGS)

# Rebuild the checker's second-opinion model (widget/houserules_checker/model_weights.tsv)
# from ../shared/data: the same bytes every time. Needs numpy and scipy (bench lock).
model: $(STAMP) $(BENCH_STAMP)
	$(PY) tests/benchmarks/train_model.py

# Which modules of Pyodide's standard library the checker needs, found by
# running it in Chromium over every rule's examples: rewrites widget/stdlib.txt.
stdlib-list: $(STAMP) $(NPM_STAMP) chromium
	$(PY) tests/benchmarks/trace_stdlib.py

clean:
	rm -rf site build $(VENV) widget/node_modules
