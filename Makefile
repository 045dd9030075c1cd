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
# MathJax for the rendered course, from npm, served with the pages (never a CDN):
# version 3 for the site (Sphinx), version 2 for make html (nbconvert's templates
# configure MathJax 2, with $…$ for inline maths).
MATHJAX_VERSION := 3.2.2
MATHJAX := $(VENV)/mathjax-$(MATHJAX_VERSION)/es5
MATHJAX2_VERSION := 2.7.7
MATHJAX2 := $(VENV)/mathjax-$(MATHJAX2_VERSION)

# Fuzz targets as package:Target, one list for make test's brief run and make fuzz.
FUZZ := ./kernel/wire:FuzzDecode ./kernel/cell:FuzzRewrite ./kernel/worker:FuzzSplitMarkers ./kernel/complete:FuzzQueries ./kernel/magic:FuzzParse
FUZZTIME ?= 5m

.PHONY: lab test test-go test-hub test-py venv install browser check gotest fuzz fuzz-brief pytest pytest-deps browser-test html bench oracle examples hwexamples stdexamples clean site mathjax homework grading hub-proxy hub-bench

# As root (containers, fresh machines) JupyterLab refuses to start without --allow-root.
lab: install
	$(JUPYTER_ENV) $(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/

# make test runs what check, gotest, fuzz-brief and pytest run. Once everything
# is installed it runs them in three lanes at once: the Go tests keep both cores
# busy while most of pytest waits on kernels, servers, the browser and the Hub's
# cullers.
# The lanes share no state (every server on free ports, every scratch folder its
# own) and nothing asserts a duration, so how they interleave cannot change an
# outcome. Each lane's output is printed whole when it ends.
test: pytest-deps
	@$(MAKE) --no-print-directory -j3 --output-sync=recurse test-go test-hub test-py

# The lanes of make test, each one step after another; they install nothing.
# The race detector's run is in the Hub's lane, which is idle the longest.
test-go:
	@$(MAKE) --no-print-directory check
	$(GOTEST)
test-hub:
	$(PYTEST) -p no:cacheprovider $(HUB_TESTS)
	@$(MAKE) --no-print-directory fuzz-brief
	$(GOTEST_RACE)
test-py:
	$(PYTEST) $(addprefix --ignore=,$(HUB_TESTS)) test/python

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

# JupyterHub's proxy, configurable-http-proxy, from npm at the versions test/hub's
# lock file pins, into build/hub (test_hub.py and hub-bench run a real Hub).
HUB_PROXY := build/hub/node_modules/.bin/configurable-http-proxy
hub-proxy: $(HUB_PROXY)
$(HUB_PROXY): test/hub/package.json test/hub/package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	mkdir -p build/hub
	cp test/hub/package.json test/hub/package-lock.json build/hub/
	cd build/hub && npm ci --no-audit --no-fund --loglevel=error
	touch $@

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
GOTEST := $(GO) test -count=1 ./...
GOTEST_RACE := $(GO) test -race -count=1 $(RACE)
gotest: venv
	$(GOTEST)
	$(GOTEST_RACE)

# Fuzzing of frame decoding, cell rewriting, output markers, completion
# queries and magics. Each run starts from the committed seed corpus (testdata/fuzz and
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

# The class on JupyterHub: mostly waiting on its cullers, so make test runs it
# beside the rest (test-hub keeps no pytest cache, so the two never write
# .pytest_cache at once).
HUB_TESTS := test/python/test_hub.py
PYTEST := $(JUPYTER_ENV) $(PY) -m pytest -q
pytest-deps: install browser hub-proxy mathjax $(MATHJAX2)/MathJax.js
pytest: pytest-deps
	$(PYTEST) test/python

# MathJax's npm package, unpacked once into the venv (npm pack reads the registry).
mathjax: $(MATHJAX)/tex-chtml.js
$(MATHJAX)/tex-chtml.js:
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	mkdir -p $(VENV)/mathjax-$(MATHJAX_VERSION)
	cd $(VENV)/mathjax-$(MATHJAX_VERSION) && npm pack --silent mathjax@$(MATHJAX_VERSION) >/dev/null && \
		tar -xzf mathjax-$(MATHJAX_VERSION).tgz --strip-components=1 package/es5 && rm mathjax-$(MATHJAX_VERSION).tgz

$(MATHJAX2)/MathJax.js:
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	mkdir -p $(MATHJAX2)
	cd $(MATHJAX2) && npm pack --silent mathjax@$(MATHJAX2_VERSION) >/dev/null && \
		tar -xzf mathjax-$(MATHJAX2_VERSION).tgz --strip-components=1 && rm mathjax-$(MATHJAX2_VERSION).tgz

# The executed course as plain HTML pages, with MathJax beside them in build/html/mathjax.
# The template (notebooks/templates/offline) loads nothing from a CDN and writes each
# figure's alt text.
html: install $(MATHJAX2)/MathJax.js
	mkdir -p build/html
	rm -rf build/html/mathjax && cp -r $(MATHJAX2) build/html/mathjax
	$(JUPYTER_ENV) $(VENV)/bin/jupyter nbconvert --to html --execute --ExecutePreprocessor.timeout=300 \
		--TemplateExporter.extra_template_basedirs=notebooks/templates --template offline \
		--HTMLExporter.mathjax_url='mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe' \
		--output-dir build/html notebooks/*.ipynb

# The course site (Jupyter Book 1): executes every notebook with the gocurve kernel and
# writes build/site/_build/html; it needs no network to build or to read.
site: install mathjax
	$(JUPYTER_ENV) $(PY) site/build.py --mathjax $(MATHJAX)

# The problem sets: student versions from the instructor versions in homework/source
# (nbgrader generate_assignment), into homework/release/ — hand those out.
homework: install
	cd homework && $(JUPYTER_ENV) $(abspath $(PY)) -m nbgrader generate_assignment "ps*" --force

# Autograde what students handed in, homework/submitted/<student>/psNN/psNN.ipynb,
# with the gocurve kernel; scores go to homework/gradebook.db, a CSV to homework/grades.csv.
grading: install
	cd homework && $(JUPYTER_ENV) $(abspath $(PY)) -m nbgrader autograde "ps*" --force
	cd homework && $(JUPYTER_ENV) $(abspath $(PY)) -m nbgrader export --to grades.csv

bench: install
	$(GO) test -run '^$$' -bench . -benchmem ./lib/... ./kernel/...
	$(JUPYTER_ENV) $(PY) test/bench/kernel_latency.py

# Every `// run` program of the Go distribution pasted into a cell, beside
# bare yaegi (gotest runs it too); the figures go to build/oracle.md.
oracle:
	mkdir -p build
	GOCURVE_ORACLE_REPORT=$(abspath build/oracle.md) $(GO) test -count=1 -timeout 60m -run '^TestGoroot$$' ./kernel/oracle
	@sed -n '1,/^| program/p' build/oracle.md

# Published Go examples (Go by Example's examples/, the Go tour's content/,
# the "Learn Go" course, The Go Programming Language's programs), pasted
# whole and split into cells, beside bare yaegi; figures to
# build/examples.md. They are other projects' code, not kept here: give their
# folders, e.g. make examples EXAMPLES="../gobyexample/examples
# ../website/_content/tour ../learngo ../gopl.io" (about 10 minutes on 2 cores).
examples:
	@test -n "$(EXAMPLES)" || { echo 'make examples EXAMPLES="folder ..."'; exit 2; }
	mkdir -p build
	GOCURVE_EXAMPLES="$(subst $(eval) ,:,$(abspath $(EXAMPLES)))" GOCURVE_EXAMPLES_REPORT=$(abspath build/examples.md) \
		$(GO) test -count=1 -timeout 60m -run '^TestExamples$$' ./kernel/oracle
	@sed -n '1,/^| program/p' build/examples.md

# The homework-style programs written apart from the rewriter, in sittings
# (kernel/oracle/testdata/homework), whole and split, beside bare yaegi;
# those that import gonum are built by go run in this module.
hwexamples:
	@$(MAKE) --no-print-directory examples EXAMPLES=kernel/oracle/testdata/homework

# The runnable examples of the standard library's and gonum's documentation
# (the programs go/doc makes of their Example funcs, read from GOROOT and the
# module cache), pasted whole and split into cells, beside bare yaegi;
# figures to build/stdexamples.md. go test runs every 25th (about 10 s);
# this runs all (a few minutes on 2 cores).
stdexamples:
	mkdir -p build
	GOCURVE_DOCEXAMPLES=all GOCURVE_DOCEXAMPLES_REPORT=$(abspath build/stdexamples.md) \
		$(GO) test -count=1 -timeout 60m -run '^TestDocExamples$$' ./kernel/oracle
	@sed -n '1,/^| example/p' build/stdexamples.md

# The figures that size a server for a class (BENCHMARKS.md, "A class on JupyterHub"):
# memory per student and cell latency with 1, 10 and 30 students, gocurve beside
# ipykernel with numpy and matplotlib. Not part of make test: about 20 minutes.
hub-bench: install hub-proxy
	$(JUPYTER_ENV) $(PY) test/bench/hub_sizing.py $(HUB_BENCH_ARGS)

clean:
	rm -rf build $(VENV)
