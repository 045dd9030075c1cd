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
FUZZTIME ?= 10s

.PHONY: lab test venv install browser hub-proxy check gotest fuzz pytest browser-test html bench hub-bench clean

# As root (containers, fresh machines) JupyterLab refuses to start without --allow-root.
lab: install
	$(JUPYTER_ENV) $(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/

test: check gotest fuzz pytest

# The test and course venv, from pinned requirements. Rebuilt when they change.
venv: $(VENV)/.done
$(VENV)/.done: test/requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r test/requirements.txt
	touch $@

# Install the kernelspec (a copy of the binary, kernel.json, logos) into the venv.
install: venv
	$(JUPYTER_ENV) $(GO) run ./cmd/install --sys-prefix

# Debian's Chromium for the browser tests (Playwright drives it; it downloads no browser).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

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

check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

gotest: venv
	$(GO) test -count=1 ./...

# Brief fuzzing of frame decoding, cell rewriting, output markers and
# completion queries; run longer by hand with FUZZTIME=10m.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./kernel/wire
	$(GO) test -run '^$$' -fuzz '^FuzzRewrite$$' -fuzztime $(FUZZTIME) ./kernel/cell
	$(GO) test -run '^$$' -fuzz '^FuzzSplitMarkers$$' -fuzztime $(FUZZTIME) ./kernel/worker
	$(GO) test -run '^$$' -fuzz '^FuzzQueries$$' -fuzztime $(FUZZTIME) ./kernel/complete

pytest: install browser hub-proxy
	$(JUPYTER_ENV) $(PY) -m pytest -q test/python

html: install
	mkdir -p build/html
	$(JUPYTER_ENV) $(VENV)/bin/jupyter nbconvert --to html --execute --ExecutePreprocessor.timeout=300 \
		--output-dir build/html notebooks/*.ipynb

bench: install
	$(GO) test -run '^$$' -bench . -benchmem ./lib/... ./kernel/...
	$(JUPYTER_ENV) $(PY) test/bench/kernel_latency.py

# The figures that size a server for a class (BENCHMARKS.md, "A class on JupyterHub"):
# memory per student and cell latency with 1, 10 and 30 students, gocurve beside
# ipykernel with numpy and matplotlib. Not part of make test: about 20 minutes.
hub-bench: install hub-proxy
	$(JUPYTER_ENV) $(PY) test/bench/hub_sizing.py $(HUB_BENCH_ARGS)

clean:
	rm -rf build $(VENV)
