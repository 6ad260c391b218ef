# Two commands for a fresh machine: `make serve` and `make test`. Both set up .venv first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve serve-zh test build validate export clean

$(STAMP): pyproject.toml requirements.lock package-lock.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	npm ci --silent --no-audit --no-fund
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

serve-zh: $(STAMP)
	$(BIN)/mkdocs serve -f mkdocs.zh.yml --dev-addr 127.0.0.1:8001

# Both languages go to a fresh folder that replaces site/ only when both built: a failed
# build never leaves a half-built site behind.
build: $(STAMP)
	rm -rf site.new
	$(BIN)/mkdocs build --strict -f mkdocs.yml --site-dir site.new
	$(BIN)/mkdocs build --strict -f mkdocs.zh.yml --site-dir site.new/zh
	rm -rf site && mv site.new site

validate: $(STAMP)
	$(BIN)/playbooks validate

export: $(STAMP)
	$(BIN)/playbooks export export

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf site site.new export .pytest_cache
