# qsradar: `make run` and `make test` set everything up on a fresh machine (Python, Node/npm, apt).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export PORT

FRONTEND_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) \
	$(wildcard frontend/index.html frontend/package.json frontend/package-lock.json frontend/vite.config.ts frontend/tsconfig*.json) \
	frontend/schema.graphql frontend/codegen.ts
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup run test fuzz lighthouse lint frontend-lint schema k8s-check bench bench-scale screenshots frontend browser clean

setup: $(VENV)/.installed frontend/dist/index.html tools/persisted/manifest.json

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Python packages, pinned by constraints.txt (regenerate with `make constraints`).
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

frontend/dist/index.html: $(FRONTEND_SOURCES)
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build
	touch $@

frontend: frontend/dist/index.html

# The front end's GraphQL documents, registered as persisted queries at start (QSRADAR_TRUSTED_DOCUMENTS=only).
tools/persisted/manifest.json: frontend/src/api/generated/graphql.ts tools/persisted/extract.py | $(VENV)/.installed
	$(BIN)/python -m tools.persisted.extract

# Debian's chromium and a CJK font for the Playwright browser tests (playwright cannot download browsers here).
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

run: setup
	$(BIN)/python -m gql

# Fast gates first: import contracts, lint, types (Python), then ESLint, vue-tsc and generated front-end types.
lint: $(VENV)/.installed
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/mypy

frontend-lint: frontend/dist/index.html
	cd frontend && npm run --silent lint && npm run --silent codegen:check

# The SDL the front end's types are generated from, and the persisted-document manifest made from those types
# (tests/test_schema_file.py and tests/test_persisted_queries.py fail when either is stale).
schema: $(VENV)/.installed
	$(BIN)/python -c "from gql.schema import schema; print(schema.as_str())" > frontend/schema.graphql
	cd frontend && npm run --silent codegen
	$(BIN)/python -m tools.persisted.extract

# Deployment checks (tools/k8s/check.sh): render, validate, checkov, hadolint, promtool; own venv .venv-k8s.
k8s-check:
	bash tools/k8s/check.sh

# The graphql-http audit (tests/test_http_conformance.py) runs npm's graphql-http, pinned in tests/node.
tests/node/node_modules/.package-lock.json: tests/node/package.json tests/node/package-lock.json
	npm ci --no-audit --no-fund --loglevel=error --prefix tests/node

test: setup browser lint frontend-lint k8s-check tests/node/node_modules/.package-lock.json
	$(BIN)/python -m tools.persisted.extract  # always from the documents just built (a clone's mtimes say nothing)
	$(BIN)/python -m pytest -q

# Lighthouse (mobile) on the home page, a warning and the recall list, with Debian chromium; prints the scores.
lighthouse: setup browser
	QSRADAR_LIGHTHOUSE=1 $(BIN)/python -m pytest -q -s tests/test_frontend_lighthouse_browser.py

# The long fuzz: about 6,000 schemathesis cases over every role (make test runs about 540).
fuzz: setup
	QSRADAR_FUZZ_EXAMPLES=1000 $(BIN)/python -m pytest -q -s tests/test_fuzz.py

bench: setup
	$(BIN)/python -m bench

# Not in the default bench: fanout_20000 over 2 workers, the 10 k / 100 k / 1 M series, churn_1000 (bench/README.md).
bench-scale: setup
	$(BIN)/python -m bench.scale

# Phone and console routes at 360, 390, 820 and 1366 px in zh-CN and English, into var/screenshots/ (git-ignored).
screenshots: setup browser
	$(BIN)/python -m tools.screenshots

constraints: $(VENV)/.installed
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) .venv-k8s frontend/node_modules frontend/dist tests/node/node_modules var
