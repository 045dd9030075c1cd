"""Kernel start-up and round-trip latency through jupyter_client, gocurve against ipykernel.

Usage (from the repo root, after `make install`):
    make bench      or     .venv/bin/python test/bench/kernel_latency.py [--cells 200]

For each kernel: the time from start_new_kernel's launch to the first
kernel_info_reply (median of a few starts), then p50/p95 of a trivial cell's
execute_request -> execute_reply round trip over N cells.
"""
import argparse
import statistics
import time

import jupyter_client
from jupyter_client.manager import KernelManager

TRIVIAL = {"gocurve": "x := 1", "python3": "x = 1"}


def start_time(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)  # sends kernel_info until it is answered
    took = time.perf_counter() - t0
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return took


def round_trips(name, n):
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=name)
    try:
        code = TRIVIAL[name]
        for _ in range(10):  # warm up
            kc.execute(code, reply=True)
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            kc.execute(code, reply=True, timeout=30)
            times.append(time.perf_counter() - t0)
        return times
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cells", type=int, default=200)
    ap.add_argument("--starts", type=int, default=5)
    args = ap.parse_args()
    print(f"| kernel | start → kernel_info_reply (median of {args.starts}) | round trip p50 | p95 ({args.cells} cells) |")
    print("|---|---|---|---|")
    for name in ("gocurve", "python3"):
        starts = [start_time(name) for _ in range(args.starts)]
        rt = round_trips(name, args.cells)
        print(f"| {name} | {statistics.median(starts) * 1000:.0f} ms | {pct(rt, 50) * 1000:.2f} ms | {pct(rt, 95) * 1000:.2f} ms |")


if __name__ == "__main__":
    main()
