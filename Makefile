# Everything runs from the project's own virtual environment, created on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material prints a multi-line notice about MkDocs 2.0 on every run; the versions are pinned below 2.
export NO_MKDOCS_2_WARNING := 1

.PHONY: all install venv site preview serve check test lint score bench clean

all: test site

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall when the pins change.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install venv: $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict

# The site as pull requests attach it: links to plain .html files, so that a downloaded copy opens from disk.
preview: $(STAMP)
	DIRECTORY_URLS=false $(BIN)/mkdocs build --strict

# Seeds and registry without building the site: every problem as file:line, and a table of what each seed gave.
# SINCE=REV checks only the files changed since the merge base of REV and HEAD (CI: the pull request's base);
# PATHS="seeds/a.txt data/companies.yml" checks those files.
check: $(STAMP)
	$(BIN)/python -m generator check $(if $(SINCE),--changed-since '$(SINCE)') $(PATHS)

serve: $(STAMP)
	$(BIN)/mkdocs serve

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .

score: $(STAMP)
	@if [ -d ../shared/devset ]; then \
		$(BIN)/python ../shared/devset/score.py --project . --set ../shared/devset; \
	else \
		echo "score: ../shared/devset not found; nothing to score"; \
	fi

# Scale benchmark (bench/README.md): synthetic seeds, generator and MkDocs timings, memory, site and index size.
BENCH_ARGS ?= --sizes 1000,5000 --runs 3
bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf site build .pytest_cache .ruff_cache
