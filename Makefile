# The README's commands. Each builds .venv on first use from the hash-pinned lock file.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
# What a notebook's outputs depend on: its script, the package and its data, the seeds and the expectations.
INPUTS := $(sort $(shell find libyalib -name '*.py' -o -name '*.csv') $(wildcard seeds/* tests/expected/* \
	tests/further/* tests/further/expected/* tests/dev/* tests/news-scores.csv) pyproject.toml)
DONE := $(patsubst notebooks/%.ipynb,.cache/make/%.done,$(NOTEBOOKS))
# make figures CORPUS=SRC OUT=DIR: the whole kit on your own corpus, written under DIR (default out/).
CORPUS ?=
OUT ?= out

.PHONY: all figures test test-slow bench lab report lock clean-cache score-news
all: figures

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install -qq --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## figures: execute every notebook in order and write every figure to figures/ (only the notebooks whose
## inputs changed since the last run); with CORPUS=SRC, tables, figures, notebooks and report under OUT
ifeq ($(CORPUS),)
figures: $(DONE)
else
figures: $(STAMP)
	$(BIN)/python -m libyalib run $(CORPUS) --out $(OUT)
endif

.cache/make/%.done: notebooks/%.py $(INPUTS) $(STAMP)
	$(BIN)/python -m libyalib.notebooks notebooks/$*.ipynb
	@mkdir -p $(@D) && touch $@

## test: lint and format check (ruff), unit tests (the slow fault cases apart: make test-slow), then every
## notebook under nbval (strict)
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q -m "not slow" tests
	$(BIN)/python -m pytest -q --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg $(NOTEBOOKS)

## test-slow: the fault cases that take minutes (SIGKILL, concurrent runs, 10,000 files, a 1.3 MB text)
test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow tests

## bench: throughput and peak memory of raw spaCy and both engines at 1,000 and 8,000 articles (about 20 min)
bench: $(STAMP)
	$(BIN)/python -m libyalib.bench

## report: render the executed notebooks and figures to a static site in report/
report: $(STAMP)
	$(BIN)/python -m libyalib.report --out report

## lab: open JupyterLab on the notebooks (CORPUS=SRC: on your corpus, figures saved under OUT/figures)
lab: $(STAMP)
ifeq ($(CORPUS),)
	$(BIN)/jupyter lab --notebook-dir=notebooks
else
	LIBYALIB_CORPUS=$(abspath $(CORPUS)) LIBYALIB_FIGURES=$(abspath $(OUT))/figures \
		$(BIN)/jupyter lab --notebook-dir=notebooks
endif

## score-news NEWS=DIR: score the kit on a news collection with readers' ground truth kept outside the
## repository (its texts are not ours to copy) and record the scores in tests/news-scores.csv
NEWS ?= ../shared/corpus/news
score-news: $(STAMP)
	$(BIN)/python -m libyalib.evaluation news $(NEWS) --out tests/news-scores.csv

## lock: re-resolve requirements.in into the hash-pinned lock file
lock:
	$(PY) -m venv .lockenv && .lockenv/bin/pip install --quiet pip-tools
	.lockenv/bin/pip-compile --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links \
		--strip-extras -o requirements.lock requirements.in

clean-cache:
	rm -rf .cache
