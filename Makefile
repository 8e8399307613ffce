# make run: install, migrate, load the demo alliance, serve at http://127.0.0.1:8000 (SQLite, tasks inline).
# make test: install and run the whole suite (browser tests in Debian's Chromium included).
VENV ?= .venv
PYTHON := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs in two processes (pytest-xdist); TEST_PROCESSES=0 runs it in this one.
TEST_PROCESSES ?= 2
TEST_PROCESSES_ARGS := $(if $(filter 0,$(TEST_PROCESSES)),,-n $(TEST_PROCESSES) --dist loadgroup)

APPS := accounts api audit axs_platform committees companies demo documents iati monitoring notifications opendata privacy projects reports sdg search surveys
.PHONY: install system-deps browser-deps test-tools messages run test lint worker beat clean

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $@

system-deps:
	@bash scripts/system-deps.sh base

browser-deps:
	@bash scripts/system-deps.sh browser

install: system-deps $(VENV)/.installed
	$(PYTHON) manage.py compilemessages --ignore=$(VENV) --verbosity 0

run: install
	$(PYTHON) manage.py migrate --no-input
	$(PYTHON) manage.py load_demo
	$(PYTHON) manage.py runserver $(HOST):$(PORT)

# axe-core and the Nu HTML Checker (vnu.jar), pinned in package-lock.json; nothing is fetched while tests run.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; the system's (browser-deps) is used.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

test-tools: browser-deps node_modules/.installed

test: install test-tools
	$(PYTHON) -m pytest $(TEST_PROCESSES_ARGS) --durations=15

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PYTHON) manage.py makemigrations --check --dry-run
	$(VENV)/bin/bandit -q --severity-level high -r $(APPS) -x '*/migrations/*'  # issue 16: no high finding

worker: install
	$(VENV)/bin/celery -A axs_platform worker --loglevel=INFO --without-gossip --without-mingle

# The scheduler of periodic tasks (CELERY_BEAT_SCHEDULE: ballots open, remind and close on time).
# Run exactly one, next to the workers.
beat: install
	$(VENV)/bin/celery -A axs_platform beat --loglevel=INFO

# Refresh the translation catalogue after changing user-facing strings.
messages: install
	$(PYTHON) manage.py makemessages -l es --ignore=$(VENV) --ignore=bench --ignore=tests --no-obsolete

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache celerybeat-schedule*
