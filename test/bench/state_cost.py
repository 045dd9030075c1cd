"""Does a cell cost what its work costs? The trivial cell's round trip in a
session that holds a 10⁶-element slice (and a 10⁶-entry map) against the
same cell in an empty session, through jupyter_client, alternated cell by
cell between the two kernels.

Usage (from the repo root, after `make install`):
    VIRTUAL_ENV=$PWD/.venv JUPYTER_PLATFORM_DIRS=1 PATH=$PWD/.venv/bin:$PATH \
      .venv/bin/python test/bench/state_cost.py [--cells 200]
"""
import argparse
import os
import statistics
import time

import jupyter_client

HEAVY = """big := make([]float64, 1000000)
for i := range big {
	big[i] = float64(i)
}
index := map[int]int{}
for i := 0; i < 1000000; i++ {
	index[i] = i
}
"""


def start():
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name="gocurve")
    return km, kc


def run(kc, code):
    reply = kc.execute(code, reply=True, timeout=120)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{code!r}: {reply['content']}")


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cells", type=int, default=200)
    args = ap.parse_args()
    kernels = {"empty": start(), "10⁶ slice + 10⁶ map": start()}
    try:
        run(kernels["10⁶ slice + 10⁶ map"][1], HEAVY)
        times = {name: [] for name in kernels}
        loads = [os.getloadavg()[0]]
        for name, (_, kc) in kernels.items():
            for _ in range(10):  # warm up
                run(kc, "x := 1")
        for _ in range(args.cells):
            for name, (_, kc) in kernels.items():
                t0 = time.perf_counter()
                run(kc, "x := 1")
                times[name].append(time.perf_counter() - t0)
        loads.append(os.getloadavg()[0])
    finally:
        for km, kc in kernels.values():
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    print(f"load {loads[0]:.1f}–{loads[1]:.1f}; {args.cells} trivial cells (`x := 1`) per kernel, alternated\n")
    print("| session | p50 | p95 |")
    print("|---|---|---|")
    for name, t in times.items():
        print(f"| {name} | {pct(t, 50) * 1000:.2f} ms | {pct(t, 95) * 1000:.2f} ms |")
    e, h = (statistics.median(t) for t in times.values())
    print(f"\np50 ratio, heavy / empty: {h / e:.2f}")


if __name__ == "__main__":
    main()
