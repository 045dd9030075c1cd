"""Redraws per second of a widget.Interact plot while its slider is dragged.

Usage (from the repo root, after `make install`):
    .venv/bin/python test/bench/widget_redraw.py [--rate 60] [--seconds 5]

The lesson-sized plot of the browser test (gradient descent on the
ill-conditioned quadratic, viz.Quadratic with a 30-step path) is shown by
widget.Interact; then the slider's value is sent as a front end sends it
while dragged (one comm_msg update per mouse move, --rate a second, for
--seconds), and every new plot the kernel sends to the output area is
counted. Reported: redraws per second during the drag, the time from the
last move to its plot, and, for reference in the same run, one redraw at a
time (move, wait for idle) and the machine's load average.
"""
import argparse
import os
import queue
import sys
import time

import jupyter_client

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))
from test_widgets import ALPHA_CELL, WIDGET_VIEW, opened, until, view_of  # noqa: E402


def redraws(msgs):
    return sum(1 for m in msgs if m["msg_type"] == "comm_msg" and "outputs" in m["content"]["data"].get("state", {}))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate", type=float, default=60, help="slider updates sent per second")
    ap.add_argument("--seconds", type=float, default=5)
    args = ap.parse_args()
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name="gocurve", startup_timeout=60)
    try:
        msgs = []
        reply = kc.execute_interactive(ALPHA_CELL, timeout=60, output_hook=msgs.append)
        assert reply["content"]["status"] == "ok", reply["content"]
        states = opened(msgs)
        box = states[view_of(msgs)[WIDGET_VIEW]["model_id"]]
        slider = box["children"][0][len("IPY_MODEL_"):]

        def move(v):
            m = kc.session.msg("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": v}, "buffer_paths": []}})
            kc.shell_channel.send(m)
            return m["header"]["msg_id"]

        # One at a time: from a move to its plot, with nothing queued.
        single = []
        for i in range(10):
            t0 = time.perf_counter()
            mid = move(0.02 + 0.01 * i)
            until(kc, {mid}, lambda ms: redraws(ms) > 0)
            single.append(time.perf_counter() - t0)

        # A drag: updates at a steady rate, plots counted as they come.
        n = int(args.rate * args.seconds)
        values = [0.01 + 0.2 * i / n for i in range(1, n + 1)]
        counted, ids, got = 0, set(), []
        t0 = time.perf_counter()
        for i, v in enumerate(values):
            ids.add(move(v))
            while time.perf_counter() < t0 + (i + 1) / args.rate:
                try:
                    m = kc.get_iopub_msg(timeout=0.002)
                except queue.Empty:
                    continue
                if m["parent_header"].get("msg_id") in ids:
                    got.append(m)
        t_drag = time.perf_counter() - t0
        during = redraws(got)
        last = move(values[-1])  # a no-op move whose idle says all are done
        t1 = time.perf_counter()
        rest = []
        deadline = time.time() + 60
        while time.time() < deadline:
            m = kc.get_iopub_msg(timeout=5)
            if m["parent_header"].get("msg_id") in ids:
                rest.append(m)
            if m["parent_header"].get("msg_id") == last and m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                break
        settle = time.perf_counter() - t1
        total = during + redraws(rest)
        single.sort()
        print(f"load average {os.getloadavg()[0]:.1f}")
        print(f"one redraw at a time: median {1000 * single[len(single) // 2]:.0f} ms (min {1000 * single[0]:.0f} ms)")
        print(f"drag: {n} updates in {t_drag:.2f} s ({n / t_drag:.0f}/s); {during} redraws during it = "
              f"{during / t_drag:.1f} redraws/s; {total} in all; last plot {1000 * settle:.0f} ms after the last move")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
