"""complete_request and inspect_request round trips through jupyter_client.

Usage (from the repo root, after `make install`):
    .venv/bin/python test/bench/complete_latency.py [--requests 200] [--kernels gocurve,gocurve-base]

Each kernel runs the same setup cell (a session with a few declarations),
then answers the same requests in turns: the kernels are started together and
take turns request by request, so that load on a shared machine hits them
alike; the table gives each kernel's p50 and p95 per request kind and the
ratio to the first kernel. A second gocurve build installed under another
kernelspec name (e.g. the base branch's binary) compares two versions. The
kernel process's resident memory after the requests is reported too.
"""
import argparse
import time

import jupyter_client
import psutil

from kernel_latency import pct

SETUP = """
type Point struct{ X, Y float64 }

func (p Point) Norm() float64 { return math.Hypot(p.X, p.Y) }

type Model struct {
	W    *mat.Dense
	Best Point
}

func newModel() *Model { return &Model{W: mat.NewDense(2, 2, nil)} }

md := newModel()
A := mat.NewDense(2, 2, []float64{1, 2, 3, 4})
xs := []float64{1, 2, 3}
"""

CELL = "w := []float64{0, 0}\nfor step := range 10 {\n\tw[0] -= 0.1 * w[0]\n\t_ = step\n}\n"

REQUESTS = [
    ("complete package member", "complete", CELL + "mat.New"),
    ("complete method chain", "complete", CELL + "md.W.T().D"),
    ("complete names in scope", "complete", CELL + "f"),
    ("complete cell local", "complete", CELL + "b := md.Best\nb."),
    ("inspect call", "inspect", CELL + "mat.NewDense(2, 2, nil)"),
]


def request(kc, kind, code):
    cursor = len(code) - (10 if kind == "inspect" else 0)
    t0 = time.perf_counter()
    if kind == "complete":
        reply = kc.complete(code, cursor, reply=True, timeout=30)
        ok = bool(reply["content"]["matches"])
    else:
        reply = kc.inspect(code, cursor, reply=True, timeout=30)
        ok = reply["content"]["found"]
    took = time.perf_counter() - t0
    if not ok:
        raise RuntimeError(f"{kind} {code[-20:]!r}: no answer: {reply['content']}")
    return took


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--kernels", default="gocurve,gocurve-base")
    args = ap.parse_args()
    names = args.kernels.split(",")
    kernels = {}
    try:
        for name in names:
            km, kc = jupyter_client.manager.start_new_kernel(kernel_name=name)
            kernels[name] = (km, kc)
            reply = kc.execute(SETUP, reply=True, timeout=60)
            assert reply["content"]["status"] == "ok", reply["content"]
        times = {(name, label): [] for name in names for label, _, _ in REQUESTS}
        for name in names:  # warm up: the first request waits for the types and docs
            for _, kind, code in REQUESTS:
                request(kernels[name][1], kind, code)
        for _ in range(args.requests):
            for label, kind, code in REQUESTS:
                for name in names:
                    times[(name, label)].append(request(kernels[name][1], kind, code))
        print(f"| request | " + " | ".join(f"{n} p50 / p95" for n in names) + f" | p50 ratio {names[0]}/{names[-1]} |")
        print("|---|" + "---|" * len(names) + "---|")
        for label, _, _ in REQUESTS:
            cells = [f"{pct(times[(n, label)], 50) * 1000:.2f} / {pct(times[(n, label)], 95) * 1000:.2f} ms" for n in names]
            ratio = pct(times[(names[0], label)], 50) / pct(times[(names[-1], label)], 50)
            print(f"| {label} | " + " | ".join(cells) + f" | {ratio:.2f} |")
        rss = {n: psutil.Process(kernels[n][0].provisioner.process.pid).memory_info().rss / 2**20 for n in names}
        print("\nkernel process RSS after the requests: " + ", ".join(f"{n} {rss[n]:.0f} MiB" for n in names))
    finally:
        for km, kc in kernels.values():
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
