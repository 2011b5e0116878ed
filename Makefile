# Everything runs from the project's own virtual environment, created on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material prints a multi-line notice about MkDocs 2.0 on every run; the versions are pinned below 2.
export NO_MKDOCS_2_WARNING := 1

.PHONY: all install venv lock site preview serve check test lint score bench clean

all: test site

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Everything is installed from the lock files, hash-checked: first the build backend (setuptools), then the whole
# dependency tree, then the project itself without dependencies. Nothing is built in an isolated environment, so
# no unlocked setuptools is downloaded to build the project or the one sdist in the tree (jieba). Reinstalls when
# a lock file or pyproject.toml changes. README.md, "Versions".
LOCK := requirements.txt
BUILD_LOCK := requirements-build.txt
$(STAMP): $(BUILD_LOCK) $(LOCK) pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(BUILD_LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes --no-build-isolation -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
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

# Ruff, then mypy in strict mode over generator/ (pyproject.toml, [tool.mypy]).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

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

# Regenerates both lock files from pyproject.toml with uv, installed at a pinned version into a throwaway venv
# under build/. Existing pins are kept where they still fit; LOCK_ARGS=--upgrade moves every package to its newest
# release, LOCK_ARGS='--upgrade-package NAME' just one. The lock is universal (every platform, every Python from
# requires-python on) and records the hashes of every file of each pinned release.
UV_VERSION := 0.13.9
LOCK_VENV := build/lock-tools
MIN_PYTHON = $(shell sed -n 's/^requires-python = ">=\(.*\)"$$/\1/p' pyproject.toml)
UV_COMPILE = $(LOCK_VENV)/bin/uv pip compile --no-config --universal --python-version $(MIN_PYTHON) --generate-hashes \
	--custom-compile-command 'make lock' --quiet $(LOCK_ARGS)
lock:
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet 'uv==$(UV_VERSION)'
	$(UV_COMPILE) --extra test -o $(LOCK) pyproject.toml
	$(PYTHON) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")' \
		| $(UV_COMPILE) -o $(BUILD_LOCK) -

clean:
	rm -rf site build .pytest_cache .ruff_cache
