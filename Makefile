# Two commands for a fresh machine: `make serve` and `make test`. Both set up .venv first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# `make build` prints every playbook's launch kit to PDF with headless Chromium; PDF=false skips it.
PDF ?= true

.PHONY: serve serve-zh preview preview-zh test build validate export bench clean

$(STAMP): pyproject.toml requirements.lock package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	npm ci --silent --no-audit --no-fund
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Faster while editing YAML: only the pages whose content changed are written again
# (its tags page may lag until the next full build; docs/*/quality.md says more).
preview: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

preview-zh: $(STAMP)
	$(BIN)/mkdocs serve --dirty -f mkdocs.zh.yml --dev-addr 127.0.0.1:8001

serve-zh: $(STAMP)
	$(BIN)/mkdocs serve -f mkdocs.zh.yml --dev-addr 127.0.0.1:8001

# Both languages at once, each in its own process, into a fresh folder that replaces site/
# whole only when both built: a failed build never leaves a half-built site behind, and a
# second `make build` waits for the first.
build: $(STAMP)
	$(BIN)/playbooks build --out site $(if $(filter true,$(PDF)),--pdf,)

validate: $(STAMP)
	$(BIN)/playbooks validate

export: $(STAMP)
	$(BIN)/playbooks export export

test: $(STAMP)
	$(BIN)/python -m pytest

# Not a test: measures build time against plain Material at N = 100, 300 and 1,000
# playbooks (about half an hour on 2 cores) and writes the table to docs/*/quality.md.
bench: $(STAMP)
	$(BIN)/python tools/bench.py --sizes 100 300 1000 --serve 300 --write

clean:
	rm -rf site export .pytest_cache
