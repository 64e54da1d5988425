# gistdesk: `make run` opens the app on a local demo database; `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= build/demo/gistdesk-demo.sqlite

.PHONY: run team-demo test test-slow lint typecheck bench screenshots bundle translations clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

run: $(STAMP) $(DEMO_DB)
	$(PY) -m gistdesk gui --demo-db $(DEMO_DB)

# A throwaway PostgreSQL team database with the demo clinic and two windows on it (clinician
# and nurse); needs the PostgreSQL server programs (apt-get install postgresql). All of it is
# deleted when both windows are closed.
team-demo: $(STAMP)
	$(PY) -m gistdesk.tools.team_demo --patients 200 --seed 1

# The first `make run` creates a 200-patient synthetic clinic; delete the file to renew it.
$(DEMO_DB): | $(STAMP)
	$(PY) -m gistdesk demo --patients 200 --seed 1 --db $(DEMO_DB)

lint: $(STAMP)
	$(VENV)/bin/ruff check gistdesk tests benchmarks
	$(VENV)/bin/ruff format --check gistdesk tests benchmarks

typecheck: $(STAMP)
	$(VENV)/bin/mypy

test: $(STAMP)
	$(VENV)/bin/ruff check gistdesk tests benchmarks
	$(VENV)/bin/ruff format --check gistdesk tests benchmarks
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -p no:cacheprovider

test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -p no:cacheprovider -m slow

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m gistdesk.tools.screenshots build/screenshots

# One-folder bundle in dist/gistdesk (PyInstaller); see README "Installing on workstations".
bundle: $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6.10'
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/gistdesk.spec
	dist/gistdesk/gistdesk --version
	dist/gistdesk/gistdesk --self-test

# Extract the GUI strings into resources/translations/*.ts and compile the .qm files.
translations: $(STAMP)
	$(PY) -m gistdesk.tools.translations

clean:
	rm -rf build .mypy_cache .ruff_cache .pytest_cache
