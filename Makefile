# Two commands for a fresh machine: `make serve` needs Python 3.11+ and make only;
# `make test` also sets up what the tests need (npm tools, and on Debian or Ubuntu the
# system packages Chromium, CJK fonts, Java and Node.js).
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock
# the site: the engine and MkDocs, nothing else
STAMP := $(VENV)/.installed
# the tests: test packages and the npm tools on top
TEST_STAMP := $(VENV)/.installed-test
# printing the launch kits: Playwright, to drive the system's Chromium
PDF_STAMP := $(VENV)/.installed-pdf

# `make build` prints every playbook's launch kit to PDF with headless Chromium; PDF=false skips it.
PDF ?= true
ADDR ?= 127.0.0.1:8000

.PHONY: serve preview test test-quick system-packages pdf-setup build validate export bench bench-web bench-search clean

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version 2>&1)); set PYTHON=python3.x"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PIP) -e .
	touch $(STAMP)

$(PDF_STAMP): $(STAMP)
	$(PIP) -e '.[pdf]'
	touch $(PDF_STAMP)

$(TEST_STAMP): $(STAMP) package-lock.json
	$(PIP) -e '.[test]'
	npm ci --silent --no-audit --no-fund
	touch $(TEST_STAMP)

# Both languages at one address (English at /, Chinese at /zh/), rebuilt on every save.
serve: $(STAMP)
	$(BIN)/playbooks serve --dev-addr $(ADDR) $(if $(filter true,$(PUBLIC)),--public,)

# Faster while editing YAML: only the pages whose content changed are written again
# (the tags page may lag until the next full build; docs/*/quality.md says more).
preview: $(STAMP)
	$(BIN)/playbooks serve --dirty --dev-addr $(ADDR) $(if $(filter true,$(PUBLIC)),--public,)

system-packages:
	@tools/system-packages

# pytest exits 5 when it collected no tests: a broken suite, not a pass. The tests run on every
# core (pytest-xdist); the sites they read are built once and shared.
PYTEST = $(BIN)/python -m pytest
define run_pytest
	@$(PYTEST) $(1); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: the suite is broken" >&2; exit 1; fi; exit $$status
endef

test: system-packages $(TEST_STAMP)
	$(call run_pytest,-n auto --dist worksteal $(ARGS))

# Under a minute: the content, render and command-line tests, without a browser or a build.
test-quick: $(TEST_STAMP)
	$(call run_pytest,-n auto -m "not build and not browser" $(ARGS))

# Both languages at once, each in its own process, into a fresh folder that replaces site/
# whole only when both built: a failed build never leaves a half-built site behind, and a
# second `make build` waits for the first. With PDF=true (the default) it sets up printing
# first: Playwright, and Chromium with CJK fonts from the system's packages.
build: $(STAMP) $(if $(filter true,$(PDF)),pdf-setup,)
	$(BIN)/playbooks build --out site $(if $(filter true,$(PDF)),--pdf,)

pdf-setup: $(PDF_STAMP)
	@tools/system-packages pdf

validate: $(STAMP)
	$(BIN)/playbooks validate

export: $(STAMP)
	$(BIN)/playbooks export export

# Not a test: measures build time against plain Material at N = 100, 300 and 1,000
# playbooks (about half an hour on 2 cores) and writes the table to docs/*/quality.md.
bench: $(TEST_STAMP)
	$(BIN)/python tools/bench.py --sizes 100 300 1000 --serve 300 --builders 300 --write

# Not a test: Lighthouse (mobile) on four pages at the shipped size and at N = 1,000, beside a
# stock Material page, served gzip-compressed; writes the table to docs/*/quality.md.
# Lighthouse lives in tools/bench-web/, so `make test` never downloads it.
BENCH_WEB := tools/bench-web/node_modules/.installed
$(BENCH_WEB): tools/bench-web/package-lock.json
	cd tools/bench-web && npm ci --silent --no-audit --no-fund
	touch $(BENCH_WEB)

bench-web: $(TEST_STAMP) $(BENCH_WEB) system-packages
	$(BIN)/python tools/bench_web.py --sizes 1000 --write

# Not a test: what search costs a reader at the shipped size and at N = 1,000 playbooks, and the
# share of the relevance set (tests/site/search_queries.yaml) it finds; writes both to docs/*/quality.md.
bench-search: $(TEST_STAMP) system-packages
	$(BIN)/python tools/search_bench.py --sizes 1000 --write

clean:
	rm -rf site export .pytest_cache
