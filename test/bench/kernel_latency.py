"""Kernel start-up and round-trip latency through jupyter_client, gocurve against ipykernel.

Usage (from the repo root, after `make install`):
    make bench      or     .venv/bin/python test/bench/kernel_latency.py [--cells 200]

For each kernel:
- raw start: the kernelspec's argv is spawned with a fresh connection file and
  a pyzmq DEALER (reconnect interval 5 ms) sends kernel_info_request at once;
  the time from spawn to the kernel_info_reply (median of several starts);
- jupyter_client start: KernelManager.start_kernel + wait_for_ready, which
  also waits for iopub to deliver (what a front end experiences);
- p50/p95 of a trivial cell's execute_request -> execute_reply round trip
  over N cells, through jupyter_client.

With --rounds R only the round trip is measured, R times per kernel, the
kernels taking turns (so load changes hit all of them alike); the table
gives each kernel's p50 per round and their median. --kernels names the
kernelspecs to compare (a second gocurve build installed under another
name compares two versions of the kernel).
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

import jupyter_client
import zmq
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

TRIVIAL = {"gocurve": "x := 1", "python3": "x = 1"}


def raw_start_time(name):
    spec = KernelSpecManager().get_kernel_spec(name)
    with tempfile.TemporaryDirectory() as d:
        conn_file = os.path.join(d, "conn.json")
        jupyter_client.connect.write_connection_file(conn_file, ip="127.0.0.1", key=b"bench-key")
        info = jupyter_client.connect.ConnectionFileMixin()
        info.load_connection_file(conn_file)
        argv = [a.replace("{connection_file}", conn_file) for a in spec.argv]
        ctx = zmq.Context()
        sock = ctx.socket(zmq.DEALER)
        sock.setsockopt(zmq.RECONNECT_IVL, 5)
        sock.setsockopt(zmq.LINGER, 0)
        session = Session(key=b"bench-key")
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            sock.connect(f"tcp://127.0.0.1:{info.shell_port}")
            session.send(sock, "kernel_info_request", {})
            if not sock.poll(30000):
                raise RuntimeError(f"{name}: no kernel_info_reply within 30 s")
            session.recv(sock)
            return time.perf_counter() - t0
        finally:
            proc.kill()
            proc.wait()
            sock.close()
            ctx.term()


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
        code = TRIVIAL["gocurve" if name.startswith("gocurve") else name]
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
    ap.add_argument("--rounds", type=int, default=0)
    ap.add_argument("--kernels", default="gocurve,python3")
    args = ap.parse_args()
    kernels = args.kernels.split(",")
    if args.rounds:
        p50 = {name: [] for name in kernels}
        for _ in range(args.rounds):
            for name in kernels:
                p50[name].append(pct(round_trips(name, args.cells), 50) * 1000)
        print(f"| kernel | round trip p50 per round ({args.cells} cells, ms) | median |")
        print("|---|---|---|")
        for name in kernels:
            rounds = " ".join(f"{x:.2f}" for x in p50[name])
            print(f"| {name} | {rounds} | {statistics.median(p50[name]):.2f} ms |")
        return
    print(f"| kernel | raw start → kernel_info_reply | jupyter_client start (wait_for_ready) | round trip p50 | p95 ({args.cells} cells) |")
    print("|---|---|---|---|---|")
    for name in kernels:
        raw = [raw_start_time(name) for _ in range(args.starts)]
        starts = [start_time(name) for _ in range(args.starts)]
        rt = round_trips(name, args.cells)
        print(
            f"| {name} | {statistics.median(raw) * 1000:.0f} ms | {statistics.median(starts) * 1000:.0f} ms "
            f"| {pct(rt, 50) * 1000:.2f} ms | {pct(rt, 95) * 1000:.2f} ms |"
        )


if __name__ == "__main__":
    main()
