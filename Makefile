# Everything runs from the project's own virtual environment, created on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material prints a multi-line notice about MkDocs 2.0 on every run; the versions are pinned below 2.
export NO_MKDOCS_2_WARNING := 1

.PHONY: all install venv site serve test lint score bench clean

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
