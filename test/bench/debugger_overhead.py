"""Cost of running cells with JupyterLab's debugger enabled, through jupyter_client.

Usage (from the repo root, after `make install`):
    VIRTUAL_ENV=$PWD/.venv JUPYTER_PLATFORM_DIRS=1 PATH=$PWD/.venv/bin:$PATH \
      .venv/bin/python test/bench/debugger_overhead.py [--trivial 100] [--loops 20]

Four gocurve kernels: one whose debugger was never enabled, one with the debugger
enabled (initialize, attach, configurationDone, as JupyterLab sends them) and no
breakpoint, one enabled with a breakpoint on a statement of a cell that is not run
(which no other cell can reach), and one with a breakpoint in a func of a cell not
run (which any cell may reach by calling it, so every statement runs under yaegi's
debugger); with --base KERNELSPEC, also gocurve built from before the debugger
existed (the cost of the debugger when it is off). The same cells are run in
alternation on all, so load changes hit all alike: a trivial cell, and a 10^5-step loop.
Prints the execute_request -> execute_reply round trip, median and p90, per kernel.
"""
import argparse
import os
import statistics
import time

import jupyter_client

TRIVIAL = "x := 1"
LOOP = "s := 0.0\nfor i := 0; i < 100000; i++ {\n\ts += float64(i)\n}"


class DAP:
    def __init__(self, kc):
        self.kc, self.seq = kc, 0

    def request(self, command, arguments=None):
        self.seq += 1
        msg = self.kc.session.msg("debug_request", {"type": "request", "seq": self.seq, "command": command, "arguments": arguments or {}})
        self.kc.control_channel.send(msg)
        while True:
            reply = self.kc.control_channel.get_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                assert reply["content"]["success"], reply["content"]
                return reply["content"]


def round_trip(kc, code):
    t0 = time.perf_counter()
    reply = kc.execute_interactive(code, timeout=300, output_hook=lambda m: None)
    dt = time.perf_counter() - t0
    assert reply["content"]["status"] == "ok", reply["content"]
    return dt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trivial", type=int, default=100)
    ap.add_argument("--loops", type=int, default=20)
    ap.add_argument("--base", help="a kernelspec of gocurve before the debugger, run as a fourth kernel")
    args = ap.parse_args()
    kernels = {}
    names = ("off", "on", "on+breakpoint", "on+func-bp") + ((args.base,) if args.base else ())
    try:
        for name in names:
            spec = args.base if name == args.base else "gocurve"
            km, kc = jupyter_client.manager.start_new_kernel(kernel_name=spec, startup_timeout=60)
            kernels[name] = (km, kc)
            if name not in ("off", args.base):
                d = DAP(kc)
                d.request("initialize", {"clientID": "bench", "linesStartAt1": True})
                d.request("attach")
                d.request("configurationDone")
                if name == "on+breakpoint":
                    path = d.request("dumpCell", {"code": "y := 2\ny++"})["body"]["sourcePath"]
                    d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 2}]})
                if name == "on+func-bp":
                    path = d.request("dumpCell", {"code": "func f(y int) int {\n\treturn y + 1\n}"})["body"]["sourcePath"]
                    d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 2}]})
            round_trip(kc, TRIVIAL)  # warm up
            round_trip(kc, LOOP)
        print(f"load average at start: {os.getloadavg()}")
        for label, code, n in (("trivial cell", TRIVIAL, args.trivial), ("10^5-step loop", LOOP, args.loops)):
            times = {k: [] for k in kernels}
            for _ in range(n):
                for k, (_, kc) in kernels.items():
                    times[k].append(round_trip(kc, code))
            base = statistics.median(times["off"])
            for k, ts in times.items():
                ts.sort()
                p50, p90 = statistics.median(ts), ts[int(0.9 * (len(ts) - 1))]
                print(f"{label:16} debugger {k:14} p50 {p50 * 1e3:8.2f} ms  p90 {p90 * 1e3:8.2f} ms  p50/off {p50 / base:5.2f}")
        print(f"load average at end: {os.getloadavg()}")
    finally:
        for km, kc in kernels.values():
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
