"""Soak benchmarks: does a cell cost the same after thousands of cells?

Usage (from the repo root, after `make install`):
    .venv/bin/python test/bench/soak.py [--trivial 10000] [--declaring 2000]
        [--notebook-runs 50] [--matrix-cells 1000] [--only gocurve]
        [--kernels gocurve,gocurve-base,python3]

Each scenario runs in a fresh kernel, gocurve beside ipykernel in the same
run (same machine, same load), through jupyter_client:

- trivial: N cells `x := 1` (Python `x = 1`);
- declaring: N cells that each declare a func and a var;
- notebook: the code cells of notebooks/02-critical-points.ipynb run K
  times in one kernel (gocurve only: the course is Go);
- matrix: a 2000x2000 matrix made once, then M trivial cells.

For each it prints the median per-cell round trip over the first and the
last tenth of the cells after a warm-up (the first 5 %), the growth
between them, and the resident memory of the process that runs cells (the
worker for gocurve, the kernel for ipykernel) after warm-up and at the end:
right after the reply, and again after REST seconds without a request (what
the process holds between a student's cells).
Figures, not assertions: they go into BENCHMARKS.md.
"""
import argparse
import json
import os
import statistics
import time

from jupyter_client.manager import start_new_kernel

NOTEBOOK = os.path.join(os.path.dirname(__file__), "..", "..", "notebooks", "02-critical-points.ipynb")


def rss_mb(pid):
    """Resident memory of pid in MB: total, anonymous (heap, stacks) and file-backed (the binary's pages)."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key = line.split(":")[0]
            if key in ("VmRSS", "RssAnon", "RssFile"):
                out[key] = int(line.split()[1]) / 1024
    return out


def is_go(name):
    """Whether kernelspec name is a gocurve kernel (another build installed beside it, e.g. gocurve-base)."""
    return name.startswith("gocurve")


def cell_pid(name, km):
    pid = km.provisioner.process.pid
    if not is_go(name):
        return pid
    kids = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            kids += [int(x) for x in f.read().split()]
    return kids[0]


REST = 2.0  # seconds without a request: gocurve's worker returns free memory after 1 s


def rss_now_and_at_rest(pid):
    """RSS right after a reply, then again after REST seconds without a request."""
    now = rss_mb(pid)
    time.sleep(REST)
    return now, rss_mb(pid)


def soak(name, cells):
    """Run cells (a list of code strings); return per-cell seconds and RSS at warm-up and end."""
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
    try:
        times = []
        warm = max(1, len(cells) // 20)
        rss_start = None
        for i, code in enumerate(cells):
            if i == warm:
                rss_start = rss_now_and_at_rest(cell_pid(name, km))
            t0 = time.perf_counter()
            reply = kc.execute_interactive(code, timeout=600, output_hook=lambda m: None)
            times.append(time.perf_counter() - t0)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"{name}: cell {i} failed: {reply['content'].get('evalue')}")
        rss_end = rss_now_and_at_rest(cell_pid(name, km))
        return times[warm:], rss_start, rss_end
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def report(scenario, name, times, rss_start, rss_end):
    tenth = max(1, len(times) // 10)
    first = statistics.median(times[:tenth]) * 1000
    last = statistics.median(times[-tenth:]) * 1000

    def growth(a, b):
        return f"{(b / a - 1) * 100:+.0f}%"

    (start, start_rest), (end, end_rest) = rss_start, rss_end
    print(json.dumps({
        "scenario": scenario, "kernel": name, "cells": len(times),
        "first_ms": round(first, 2), "last_ms": round(last, 2), "time_growth": growth(first, last),
        "rss_start_mb": round(start["VmRSS"], 1), "rss_end_mb": round(end["VmRSS"], 1), "rss_growth": growth(start["VmRSS"], end["VmRSS"]),
        # the same after REST seconds idle
        "rest_start_mb": round(start_rest["VmRSS"], 1), "rest_end_mb": round(end_rest["VmRSS"], 1),
        "rest_growth": growth(start_rest["VmRSS"], end_rest["VmRSS"]),
        # anonymous (heap, stacks) and file-backed (the binary's pages, mapped as code first runs), right after
        "anon_mb": [round(start["RssAnon"], 1), round(end["RssAnon"], 1)],
        "file_mb": [round(start["RssFile"], 1), round(end["RssFile"], 1)],
    }), flush=True)


def notebook_cells():
    with open(NOTEBOOK) as f:
        nb = json.load(f)
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trivial", type=int, default=10000)
    ap.add_argument("--declaring", type=int, default=2000)
    ap.add_argument("--notebook-runs", type=int, default=50)
    ap.add_argument("--matrix-cells", type=int, default=1000)
    ap.add_argument("--only", choices=["gocurve", "python3"])
    ap.add_argument("--kernels", help="comma-separated kernelspec names, run in this order (default gocurve,python3)")
    args = ap.parse_args()
    kernels = [args.only] if args.only else (args.kernels or "gocurve,python3").split(",")
    print(f"load average at start: {os.getloadavg()}", flush=True)
    for name in kernels:
        print(f"load average before {name}: {os.getloadavg()}", flush=True)
        go = is_go(name)
        if args.trivial:
            report("trivial", name, *soak(name, ["x := 1" if go else "x = 1"] * args.trivial))
        if args.declaring:
            code = ("func f{i}() int {{ return {i} }}\nvar v{i} = f{i}()" if go else "def f{i}(): return {i}\nv{i} = f{i}()")
            report("declaring", name, *soak(name, [code.format(i=i) for i in range(args.declaring)]))
        if args.matrix_cells:
            first = "m := mat.NewDense(2000, 2000, nil)" if go else "import numpy as np\nm = np.zeros((2000, 2000))"
            report("matrix", name, *soak(name, [first] + ["x := 1" if go else "x = 1"] * args.matrix_cells))
        if args.notebook_runs and go:
            report("notebook", name, *soak(name, notebook_cells() * args.notebook_runs))
    print(f"load average at end: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
