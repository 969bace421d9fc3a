# The Takedown Debate. Start with `make serve` (read the site) or `make test` (every check).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DEPS := $(VENV)/.site-deps
DEV_DEPS := $(VENV)/.dev-deps
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build offline check lint test test-fast browser-deps bench clean help lock

help:
	@echo "make serve    live-reloading site at http://127.0.0.1:8000/"
	@echo "make test     lint, check, strict build and the whole test suite"
	@echo "make build    strict build into site/ (replaced only on success)"
	@echo "make offline  site-offline/ and site-offline.zip, readable from file://"
	@echo "make check    validate data and citations"
	@echo "make lint     ruff (lint and format check) and the pre-commit hooks on every file"
	@echo "make bench    benchmarks (figures, not pass/fail)"
	@echo "make lock     rewrite requirements.lock and requirements-dev.lock (hashes) after a pin changes"

# Packages come from the locks, each file checked against its recorded hash; the site's
# own package (explainer/) is installed apart, editable and without dependencies, since an
# editable install has no file to hash (setuptools, from the lock, builds it).
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check

$(SITE_DEPS): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --require-hashes -r requirements.lock
	$(PIP_INSTALL) --no-deps --no-build-isolation -e .
	touch $@

$(DEV_DEPS): $(SITE_DEPS) requirements-dev.lock
	$(PIP_INSTALL) --require-hashes -r requirements-dev.lock
	touch $@

# Rewrites both locks from requirements.txt and requirements-dev.txt with uv (pinned in
# requirements-dev.txt), for Python 3.11.5 and newer on every platform. Run it after
# changing a pin and commit the locks with the change (README: "Updating dependencies").
LOCK := $(BIN)/uv pip compile --quiet --universal --python-version 3.11.5 --generate-hashes \
  --custom-compile-command "make lock"
lock: $(DEV_DEPS)
	$(LOCK) requirements.txt -o requirements.lock
	$(LOCK) requirements-dev.txt -o requirements-dev.lock

serve: $(SITE_DEPS)
	$(BIN)/python -m explainer.check
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload \
	  --watch overrides --watch explainer

check: $(SITE_DEPS)
	$(BIN)/python -m explainer.check
	$(BIN)/python -m explainer.readability

# Strict builds through tools/build_site.sh: a fresh temporary folder beside the target,
# swapped in only on success, under a lock so concurrent builds wait their turn.
build: check
	MKDOCS=$(BIN)/mkdocs tools/build_site.sh site

# The old zip goes first, so the new copy never states a stale size for itself.
offline: check
	rm -f site-offline.zip  # no stale size in the footer while the new copy builds
	MKDOCS=$(BIN)/mkdocs tools/build_site.sh site-offline --config-file mkdocs.offline.yml
	flock site-offline.lock $(SHELL) -ec 'zip=$$(mktemp site-offline.zip.XXXXXX); trap "rm -f $$zip" EXIT; \
	  (cd site-offline && $(abspath $(BIN))/python -m zipfile -c ../$$zip .); \
	  chmod 644 $$zip; mv $$zip site-offline.zip'
	@echo "Offline copy: site-offline/index.html (zipped as site-offline.zip)"

lint: $(DEV_DEPS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

# Debian's chromium for the browser tests; installed once, as root or through sudo.
browser-deps:
	@command -v chromium >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The tests read the strict build `build` has just made (BUILT_SITE) instead of rendering
# the site again, and run on every core (pytest-xdist): one worker and one browser per core.
test: $(DEV_DEPS) browser-deps lint build
	BUILT_SITE=$(CURDIR)/site $(BIN)/python -m pytest -n auto --dist worksteal

# Figures, not pass/fail; each script states its method at its top (bench/build.py --large
# adds the 5,000-page site). pages.py, search.py and lighthouse.py share one pair of builds.
bench: $(DEV_DEPS) browser-deps
	@start=$$(date +%s); set -e; sites=$$(mktemp -d); trap 'rm -rf "$$sites"' EXIT; \
	for step in build.py events.py "pages.py --sites $$sites" "search.py --sites $$sites" \
	  "lighthouse.py --sites $$sites"; do \
	  began=$$(date +%s); $(BIN)/python bench/$$step; \
	  echo "bench/$${step%% *} took $$(( $$(date +%s) - began )) s"; \
	done; \
	echo "make bench took $$(( $$(date +%s) - start )) s"

clean:
	rm -rf site site-offline site-offline.zip site.tmp.* site-offline.tmp.* site-offline.zip.* \
	  site.lock site-offline.lock .pytest_cache
