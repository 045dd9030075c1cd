"""Sizing a JupyterHub for a class: memory per student and cell latency under load,
for gocurve and, in the same run, for ipykernel with numpy and matplotlib.

    make hub-bench            # or: .venv/bin/python test/bench/hub_sizing.py --students 1,10,30

For each kernel the script starts a real JupyterHub (test/python/classroom.py: the
same harness as test_hub.py), logs in the largest number of students, starts their
servers, and opens one kernel each through the websocket as JupyterLab does.

- Memory: RSS and PSS of each student's processes (single-user server, kernel and,
  for gocurve, its worker) with the kernel idle, then after the student has run the
  lesson once. PSS divides shared pages (one kernel binary mapped by many
  processes) among their users, so PSS sums add up to what the machine holds.
- Latency: N students active at once (N from --students) each run the lesson cell by
  cell (more than once when N is small, so that every level times 60 cells or more), pausing a think time drawn uniformly from [0.5, 1.5] × --think seconds between
  cells; a cell's latency runs from sending execute_request on the websocket to the
  kernel's idle status, what JupyterLab shows as the cell running.
- Every cell's outputs are compared with nbclient's run of the same lesson; a
  mismatch is counted and reported, never dropped.

The lesson is the course's first notebook for gocurve and its translation to numpy
and matplotlib (hub_workload.py) for ipykernel. Results go to build/hub-bench/ as
JSON and are printed as Markdown tables, with the load average during each step.
"""
import argparse
import concurrent.futures
import json
import os
import pathlib
import random
import statistics
import sys
import tempfile
import threading
import time

import nbformat
import psutil
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "test" / "python"))
sys.path.insert(0, str(ROOT / "test" / "bench"))

from classroom import Hub, code_cells, comparable  # noqa: E402
from hub_workload import CELLS as PYTHON_CELLS  # noqa: E402

LESSON = ROOT / "notebooks" / "01-derivatives-and-the-quadratic-model.ipynb"
GiB = 1 << 30
MACHINE = 24 * GiB  # the machine the figures size
RESERVE = 1 * GiB  # the operating system and page cache left to it
P95_LIMIT = 1.0  # s
MIN_CELLS = 60  # cells timed at each level at least


def lesson(kind):
    if kind == "gocurve":
        return [c.source for c in code_cells(LESSON)]
    return PYTHON_CELLS


def reference(kind, cells):
    """nbclient's outputs for the lesson, on a kernel of its own."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in cells]
    NotebookClient(nb, timeout=600, kernel_name=kind, allow_errors=False).execute()
    return [comparable(c.outputs) for c in nb.cells]


def role(p):
    cmd = " ".join(p.cmdline())
    if "jupyterhub-singleuser" in cmd:
        return "server"
    if p.name() == "gocurve":
        return "kernel" if " kernel " in cmd + " " else "worker"
    if "ipykernel" in cmd:
        return "kernel"
    return "other"


def memory(hub, students):
    """Mean bytes per student by role and in total, RSS and PSS."""
    per = []
    for s in students:
        m = {}
        for p in hub.processes(s.name):
            try:
                info, r = p.memory_full_info(), role(p)
            except psutil.Error:
                continue
            m[r + "_rss"] = m.get(r + "_rss", 0) + info.rss
            m[r + "_pss"] = m.get(r + "_pss", 0) + info.pss
            m["rss"] = m.get("rss", 0) + info.rss
            m["pss"] = m.get("pss", 0) + info.pss
        per.append(m)
    keys = sorted({k for m in per for k in m})
    return {k: statistics.mean(m.get(k, 0) for m in per) for k in keys} | {"max_pss": max(m["pss"] for m in per)}


def cpu_seconds(hub):
    """CPU time (user + system) used so far by every live process of the Hub's run."""
    total = 0.0
    for p in hub.processes():
        try:
            t = p.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system
    return total


def hub_memory(hub):
    infos = [p.memory_full_info() for p in hub.processes() if "JUPYTERHUB_USER" not in p.environ()]
    return {"rss": sum(i.rss for i in infos), "pss": sum(i.pss for i in infos)}


def run_lesson(kernel, cells, want, think, rng, latencies, mismatches, rounds=1):
    """Run the lesson; every cell that fails, differs or never runs goes into mismatches."""
    todo = [(i, src) for _ in range(rounds) for i, src in enumerate(cells)]
    if think:
        time.sleep(rng.uniform(0, think))
    for n, (i, src) in enumerate(todo):
        t0 = time.perf_counter()
        try:
            reply, outs = kernel.execute(src, timeout=600)
        except Exception as e:
            print("%s: %s; %d cells not run" % (kernel.student.name, e, len(todo) - n), file=sys.stderr, flush=True)
            mismatches.extend(j for j, _ in todo[n:])
            return
        latencies.append(time.perf_counter() - t0)
        if reply["status"] != "ok" or comparable(outs) != want[i]:
            mismatches.append(i)
        if think:
            time.sleep(rng.uniform(0.5 * think, 1.5 * think))


def percentile(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q / 100 * (len(xs) - 1))))]


def measure(kind, levels, think, seed, workdir):
    cells = lesson(kind)
    want = reference(kind, cells)
    n = max(levels)
    result = {"kernel": kind, "students": n, "cells": len(cells), "think": think, "levels": []}
    with Hub(workdir / kind) as hub:
        students = [hub.login("student%d" % i) for i in range(n)]
        t0 = time.perf_counter()
        for s in students:
            s.request_server()
        for s in students:
            s.wait_ready(timeout=900)
        result["spawn_all_s"] = time.perf_counter() - t0
        result["load_spawn"] = os.getloadavg()
        with concurrent.futures.ThreadPoolExecutor(10) as pool:
            kernels = list(pool.map(lambda s: s.open("lesson.ipynb", kernel=kind), students))
            list(pool.map(lambda k: k.wait_ready(), kernels))
        time.sleep(5)
        result["hub"] = hub_memory(hub)
        result["idle"] = memory(hub, students)
        lost = []
        with concurrent.futures.ThreadPoolExecutor(10) as pool:
            list(pool.map(lambda k: run_lesson(k, cells, want, 0, None, [], lost), kernels))
        result["after_lesson"] = memory(hub, students)
        result["after_lesson_mismatches"] = len(lost)
        for level in sorted(levels):
            lat, lost = [], []
            rngs = [random.Random(seed * 1000 + i) for i in range(level)]
            rounds = -(-MIN_CELLS // (level * len(cells)))  # enough rounds for a p95 of MIN_CELLS cells
            load0 = os.getloadavg()[0]
            cpu0 = cpu_seconds(hub)
            t0 = time.perf_counter()
            threads = [
                threading.Thread(target=run_lesson, args=(kernels[i], cells, want, think, rngs[i], lat, lost, rounds))
                for i in range(level)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            result["levels"].append(
                {
                    "active": level,
                    "cells": len(lat),
                    "p50": percentile(lat, 50),
                    "p95": percentile(lat, 95),
                    "max": max(lat),
                    "mismatches": len(lost),
                    "rounds": rounds,
                    "seconds": time.perf_counter() - t0,
                    "cpu_s": cpu_seconds(hub) - cpu0,
                    "load_before": load0,
                    "load_after": os.getloadavg()[0],
                }
            )
            print(kind, result["levels"][-1], flush=True)
        result["after_levels"] = memory(hub, students)
        for k in kernels:
            k.close()
    usable = MACHINE - RESERVE - result["hub"]["pss"]
    result["memory_bound"] = int(usable // result["after_levels"]["pss"])
    ok = [lv["active"] for lv in result["levels"] if lv["p95"] < P95_LIMIT]
    result["latency_bound_measured"] = max(ok) if ok else 0
    return result


def mib(b):
    return "%.0f" % (b / (1 << 20))


def report(results):
    print("\nMemory per student, MiB (mean over the students; RSS of each process, PSS with shared pages divided):\n")
    print("| kernel | server RSS | kernel RSS | worker RSS | student RSS idle → after the lesson | student PSS idle → after the lesson → after the levels | Hub + proxy PSS |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        i, a, z = r["idle"], r["after_lesson"], r["after_levels"]
        print(
            "| %s | %s | %s | %s | %s → %s | %s → %s → %s | %s |"
            % (r["kernel"], mib(a.get("server_rss", 0)), mib(a.get("kernel_rss", 0)), mib(a.get("worker_rss", 0)),
               mib(i["rss"]), mib(a["rss"]), mib(i["pss"]), mib(a["pss"]), mib(z["pss"]), mib(r["hub"]["pss"]))
        )
    print("\n| kernel | students active | cells timed | p50 | p95 | max | outputs wrong | CPU the class used | load average before → after |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        for lv in r["levels"]:
            print(
                "| %s | %d | %d | %.0f ms | %.0f ms | %.2f s | %d | %s | %.1f → %.1f |"
                % (r["kernel"], lv["active"], lv["cells"], lv["p50"] * 1e3, lv["p95"] * 1e3, lv["max"], lv["mismatches"],
                   "%.2f cores (%.0f ms a cell)" % (lv["cpu_s"] / lv["seconds"], lv["cpu_s"] / lv["cells"] * 1e3) if "cpu_s" in lv else "",
                   lv["load_before"], lv["load_after"])
            )
    print()
    for r in results:
        print("- %s: memory holds %d students (24 GiB less 1 GiB and the Hub, over the PSS after the levels); "
              "p95 < 1 s measured up to %d active; %d of %d servers started in %.0f s (load %.1f)"
              % (r["kernel"], r["memory_bound"], r["latency_bound_measured"], r["students"], r["students"],
                 r["spawn_all_s"], r["load_spawn"][0]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--students", default="1,10,30", help="comma-separated numbers of active students")
    ap.add_argument("--kernels", default="gocurve,python3")
    ap.add_argument("--think", type=float, default=3.0, help="mean think time between a student's cells, s")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(ROOT / "build" / "hub-bench"))
    ap.add_argument("--report", metavar="JSON", help="print the tables of an earlier run's JSON file and stop")
    args = ap.parse_args()
    if args.report:
        report(json.loads(pathlib.Path(args.report).read_text()))
        return
    levels = [int(x) for x in args.students.split(",")]
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kernels.split(","):
            results.append(measure(kind, levels, args.think, args.seed, pathlib.Path(tmp)))
    stamp = time.strftime("%Y%m%dT%H%M%S")
    path = out / ("hub-sizing-%s.json" % stamp)
    path.write_text(json.dumps(results, indent=1))
    report(results)
    print("\n(%s)" % path)


if __name__ == "__main__":
    main()
