# Tianmu — the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

export QTWEBENGINE_DISABLE_SANDBOX := 1

.PHONY: deps demo test lint typecheck imports translations check-translations forms bench clean

# Debian packages (only those missing) and the virtualenv (only when pyproject.toml changed).
deps: $(STAMP)
	@bash scripts/install-system-deps.sh
	@$(PY) scripts/build_framecore.py

$(STAMP): pyproject.toml
	@bash scripts/install-system-deps.sh
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

translations: deps
	$(PY) scripts/build_translations.py --release

check-translations: deps
	$(PY) scripts/build_translations.py --check

# Designer forms (ui/*.ui) compiled into console/gui/forms/; committed, and a test fails when stale.
forms: deps
	for ui in ui/*.ui; do $(VENV)/bin/pyside6-uic --no-autoconnection "$$ui" -o "console/gui/forms/ui_$$(basename "$$ui" .ui).py"; done

# The demo backend (with its camera and field simulators) and the console on top of it.
demo: deps translations
	@bash scripts/demo.sh

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: deps
	$(VENV)/bin/mypy

imports: deps
	$(VENV)/bin/lint-imports

# Everything CI runs: static checks, then the whole suite headless against real components
# (libvlc, ffmpeg, the server on loopback, SQLite, PostgreSQL, QtWebEngine).
test: deps translations lint typecheck imports check-translations
	@pg_url=$$(bash scripts/start-postgres.sh) && \
	TIANMU_TEST_PG_URL="$$pg_url" PY=$(PY) bash scripts/run-tests.sh $(PYTEST_ARGS)

# Every benchmark runs even when one misses a budget; the ones that did are named at the end.
bench: deps translations
	@missed=""; for b in bench/[a-z]*.py; do echo "== $$b"; \
	  QT_QPA_PLATFORM=offscreen $(PY) $$b --quick || missed="$$missed $$b"; done; \
	  if [ -n "$$missed" ]; then echo "over budget or failed:$$missed"; exit 1; fi

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis build *.egg-info
