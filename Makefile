# gocurve: the two commands a fresh machine needs are
#   make lab    install everything and open the course in JupyterLab
#   make test   run every test (what CI runs)
# Everything else here is what those two are made of.

SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
GO    ?= go
# The kernel goes into the venv, so tests and the course never touch the user's Jupyter.
JUPYTER_ENV := VIRTUAL_ENV=$(abspath $(VENV)) JUPYTER_PLATFORM_DIRS=1 PATH=$(abspath $(VENV))/bin:$$PATH
export GOCURVE_PYTHON := $(abspath $(PY))
# Fuzz targets as package:Target, one list for make test's brief run and make fuzz.
FUZZ := ./kernel/wire:FuzzDecode ./kernel/cell:FuzzRewrite ./kernel/worker:FuzzSplitMarkers ./kernel/complete:FuzzQueries
FUZZTIME ?= 5m

.PHONY: lab test venv install browser check gotest fuzz fuzz-brief pytest browser-test html bench clean

# As root (containers, fresh machines) JupyterLab refuses to start without --allow-root.
lab: install
	$(JUPYTER_ENV) $(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/

test: check gotest fuzz-brief pytest

# The test and course venv, from pinned requirements. Rebuilt when they
# change, and when the checkout has moved (a venv holds absolute paths): the
# stamp records where it was built.
venv:
	@if [ -f $(VENV)/.done ] && [ "$$(cat $(VENV)/.done)" != "$(CURDIR)" ]; then \
		echo "the checkout moved from $$(cat $(VENV)/.done): rebuilding $(VENV)"; rm -rf $(VENV); fi
	@$(MAKE) --no-print-directory $(VENV)/.done
$(VENV)/.done: test/requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r test/requirements.txt
	echo "$(CURDIR)" > $@

# Install the kernelspec (a copy of the binary, kernel.json, logos) into the venv.
install: venv
	$(JUPYTER_ENV) $(GO) run ./cmd/install --sys-prefix

# Debian's Chromium for the browser tests (Playwright drives it; it downloads no browser).
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] || { echo "Chromium is missing and installing it needs root: sudo apt-get update && sudo apt-get install -y chromium" >&2; exit 1; }; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null </dev/null; }

# Works outside a git checkout too, and never reads stdin.
check:
	@dirs=$$($(GO) list -f '{{.Dir}}' ./... </dev/null) && out=$$(gofmt -l $$dirs </dev/null) && \
		if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./... </dev/null

# The race detector runs over the kernel's own code. Not over kernel/session
# (nor the worker processes the kernel tests start, whose race reports are
# kept out of cell output with GORACE's log_path): yaegi v0.16.1 races with
# itself there. Eval grows the root frame (interp.(*Interpreter).resizeFrame,
# interp/interp.go:490) while goroutines of earlier evaluations (a cell's go
# statements, or a chunk that EvalWithContext has given up on after a cancel)
# read it (genValue's closures, interp/value.go:139).
RACE := ./kernel ./kernel/gate ./kernel/wire ./kernel/cell ./kernel/complete ./kernel/display ./kernel/worker ./cmd/install
gotest: venv
	$(GO) test -count=1 ./...
	$(GO) test -race -count=1 $(RACE)

# Fuzzing of frame decoding, cell rewriting, output markers and completion
# queries. Each run starts from the committed seed corpus (testdata/fuzz and
# f.Add) in a fresh cache, never from what earlier runs on this machine
# found, so make test does not inherit another run's discoveries. A crasher
# is written to the package's testdata/fuzz: fix it and commit it as a seed.
# make test fuzzes each target 10 s; make fuzz runs FUZZTIME (5m) each.
fuzz-brief:
	$(MAKE) fuzz FUZZTIME=10s
fuzz:
	@cache=$$(mktemp -d) && trap 'rm -rf "$$cache"' EXIT && \
	for t in $(FUZZ); do \
		echo "fuzz $${t#*:} for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(FUZZTIME) -parallel 2 "$${t%%:*}" \
			-test.fuzzcachedir="$$cache/$${t#*:}" || exit 1; \
	done

pytest: install browser
	$(JUPYTER_ENV) $(PY) -m pytest -q test/python

html: install
	mkdir -p build/html
	$(JUPYTER_ENV) $(VENV)/bin/jupyter nbconvert --to html --execute --ExecutePreprocessor.timeout=300 \
		--output-dir build/html notebooks/*.ipynb

bench: install
	$(GO) test -run '^$$' -bench . -benchmem ./lib/... ./kernel/...
	$(JUPYTER_ENV) $(PY) test/bench/kernel_latency.py

clean:
	rm -rf build $(VENV)
