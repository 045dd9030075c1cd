"""The student-program table: six small programs a student writes, timed as a
gocurve cell (through jupyter_client), as CPython and as compiled Go,
alternated round by round on the same machine.

Usage (from the repo root, after `make install`):
    VIRTUAL_ENV=$PWD/.venv JUPYTER_PLATFORM_DIRS=1 PATH=$PWD/.venv/bin:$PATH \
      .venv/bin/python test/bench/students.py [--rounds 5]

Each program times itself from the inside, after its data is built, and
prints "<ms> <checksum>"; the script checks that the three languages agree on
the checksum, so a faster row cannot be a wrong one. The compiled Go versions
are test/bench/students/main.go, built once with `go build`. The table gives
the median over the rounds and the 1-minute load average seen during the run.
With --baseline KERNEL a second gocurve kernelspec (another build of the
kernel, installed under that name) runs the same cells in the same rounds,
in its own column.
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile

import jupyter_client

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# name: (row label, gocurve setup cell, gocurve timed cell, CPython program).
# The timed cell and the Python program print "<ms> <checksum>".
GO_TIMER_START = 'import "time"\nt0 := time.Now()\n'
GO_TIMER_END = 'fmt.Printf("%.3f %g\\n", float64(time.Since(t0).Microseconds())/1000, chk)\n'
PY_TIMER_START = "import time\nt0 = time.perf_counter()\n"
PY_TIMER_END = 'print("%.3f %r" % ((time.perf_counter() - t0) * 1000, float(chk)))\n'

PROGRAMS = {
    "loop": (
        "scalar loop 10⁷ at top level",
        "",
        """s := 0.0
for i := 0; i < 10000000; i++ {
	s += float64(i) * 0.5
}
chk := s
""",
        """s = 0.0
for i in range(10000000):
    s += i * 0.5
chk = s
""",
    ),
    "gd": (
        "GD on a 2-D quadratic, 10⁵ steps",
        "",
        """x, y := 1.0, 1.0
for k := 0; k < 100000; k++ {
	gx, gy := 2*x, 20*y
	x -= 0.01 * gx
	y -= 0.01 * gy
}
chk := x + y
""",
        """x, y = 1.0, 1.0
for k in range(100000):
    gx, gy = 2 * x, 20 * y
    x -= 0.01 * gx
    y -= 0.01 * gy
chk = x + y
""",
    ),
    "gradient": (
        "closure → hessian.Gradient ×10⁴",
        "",
        """f := func(p []float64) float64 { return p[0]*p[0] + 10*p[1]*p[1] }
p := []float64{1, 2}
g := make([]float64, 2)
for k := 0; k < 10000; k++ {
	hessian.Gradient(g, f, p, nil)
}
chk := g[0] + g[1]
""",
        # The same central differences as hessian.Gradient (h = 6.0555e-6·max(1, ‖x‖∞)).
        """f = lambda p: p[0] * p[0] + 10 * p[1] * p[1]
p, g = [1.0, 2.0], [0.0, 0.0]
def gradient(g, f, p):
    h = 6.0554544523933395e-06 * max(1.0, max(abs(v) for v in p))
    for i in range(len(p)):
        xi = p[i]
        p[i] = xi + h
        fp = f(p)
        p[i] = xi - h
        fm = f(p)
        p[i] = xi
        g[i] = (fp - fm) / (2 * h)
    return g
for k in range(10000):
    gradient(g, f, p)
chk = g[0] + g[1]
""",
    ),
    "run": (
        "closure → optim.Run, 10⁴ steps",
        "",
        """obj := hessian.Funcs{
	F: func(p []float64) float64 { return p[0]*p[0] + 10*p[1]*p[1] },
	G: func(g, p []float64) { g[0], g[1] = 2*p[0], 20*p[1] },
}
tr, err := optim.Run(&optim.GD{LR: 0.01}, obj, []float64{1, 1}, &optim.Settings{MaxSteps: 10000})
if err != nil {
	panic(err)
}
chk := tr.Theta[0] + tr.Theta[1]
""",
        # What optim.Run does per step: loss, gradient, norms, a recorded copy of θ.
        """import math
F = lambda p: p[0] * p[0] + 10 * p[1] * p[1]
def G(g, p):
    g[0], g[1] = 2 * p[0], 20 * p[1]
th, prev, g = [1.0, 1.0], [1.0, 1.0], [0.0, 0.0]
steps = []
for k in range(10001):
    J = F(th)
    G(g, th)
    step = (k, J, math.hypot(*g), math.dist(th, prev), list(th))
    steps.append(step)
    if k == 10000:
        break
    prev[:] = th
    for i in range(2):
        th[i] -= 0.01 * g[i]
chk = th[0] + th[1]
""",
    ),
    "method": (
        "method on a cell-defined struct ×10⁶",
        """type counter struct{ n float64 }

func (c *counter) add(k float64) { c.n += k }
""",
        """c := &counter{}
for i := 0; i < 1000000; i++ {
	c.add(1)
}
chk := c.n
""",
        """class Counter:
    def __init__(self):
        self.n = 0.0
    def add(self, k):
        self.n += k
c = Counter()
for i in range(1000000):
    c.add(1)
chk = c.n
""",
    ),
    "func": (  # uses the counter type of "method", so it runs after it
        "the same call as a plain func ×10⁶ (the floor)",
        """func addTo(c *counter, k float64) { c.n += k }
""",
        """c := &counter{}
for i := 0; i < 1000000; i++ {
	addTo(c, 1)
}
chk := c.n
""",
        """class Counter:
    def __init__(self):
        self.n = 0.0
def add_to(c, k):
    c.n += k
c = Counter()
for i in range(1000000):
    add_to(c, 1)
chk = c.n
""",
    ),
    "words": (
        "map word count, 10⁶ words",
        """words := make([]string, 1000000)
for i := range words {
	words[i] = "w" + strconv.Itoa(i*7919%1000)
}
""",
        """counts := map[string]int{}
for _, w := range words {
	counts[w]++
}
chk := float64(len(counts) + counts["w0"])
""",
        """counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
chk = len(counts) + counts["w0"]
""",
    ),
}
PY_SETUP = {"words": 'words = ["w" + str(i * 7919 % 1000) for i in range(1000000)]\n'}


def parse(out, what):
    parts = out.split()
    if len(parts) != 2:
        raise RuntimeError(f"{what}: unexpected output {out!r}")
    return float(parts[0]), float(parts[1])


class Cell:
    """A gocurve kernel running the timed cells."""

    def __init__(self, name="gocurve"):
        self.km, self.kc = jupyter_client.manager.start_new_kernel(kernel_name=name)

    def run(self, code):
        out = []

        def hook(msg):
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                raise RuntimeError("\n".join(msg["content"]["traceback"]))

        reply = self.kc.execute_interactive(code, output_hook=hook, timeout=300)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"cell failed: {reply['content']}")
        return "".join(out)

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", nargs="*", default=list(PROGRAMS))
    ap.add_argument("--baseline", default="")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp()
    gobin = os.path.join(tmp, "students")
    subprocess.run(["go", "build", "-o", gobin, "./test/bench/students"], cwd=ROOT, check=True)
    pyfiles = {}
    for name in args.only:
        path = os.path.join(tmp, name + ".py")
        with open(path, "w") as f:
            f.write(PY_SETUP.get(name, "") + PY_TIMER_START + PROGRAMS[name][3] + PY_TIMER_END)
        pyfiles[name] = path

    kernel = Cell()
    base = Cell(args.baseline) if args.baseline else None
    try:
        for name in args.only:
            setup = PROGRAMS[name][1]
            if setup:
                kernel.run(setup)
                if base:
                    base.run(setup)
        times = {name: {"gocurve": [], "cpython": [], "go": [], "baseline": []} for name in args.only}
        loads = []
        for r in range(args.rounds):
            for name in args.only:
                label, _, cell, _ = PROGRAMS[name]
                loads.append(os.getloadavg()[0])
                results = {
                    "gocurve": parse(kernel.run(GO_TIMER_START + cell + GO_TIMER_END), "gocurve " + name),
                    "cpython": parse(subprocess.run([sys.executable, pyfiles[name]], capture_output=True,
                                                    text=True, check=True).stdout, "cpython " + name),
                    "go": parse(subprocess.run([gobin, name], capture_output=True, text=True,
                                               check=True).stdout, "go " + name),
                }
                if base:
                    results["baseline"] = parse(base.run(GO_TIMER_START + cell + GO_TIMER_END), "baseline " + name)
                want = results["go"][1]
                for lang, (ms, got) in results.items():
                    if not math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-300):
                        raise RuntimeError(f"{name}: {lang} computed {got!r}, compiled Go {want!r}")
                    times[name][lang].append(ms)
            print(f"round {r + 1}/{args.rounds} done, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
    finally:
        kernel.close()
        if base:
            base.close()

    print(f"Load average (1 min) during the run: {min(loads):.1f}–{max(loads):.1f}; "
          f"medians of {args.rounds} alternated rounds, in-program time.\n")
    extra = f" {args.baseline} |" if base else ""
    print(f"| program | gocurve |{extra} CPython | Go | gocurve / CPython |")
    print("|---|---|---|---|---|" + ("---|" if base else ""))
    for name in args.only:
        med = {lang: statistics.median(v) for lang, v in times[name].items() if v}
        col = f" {med['baseline']:.0f} ms |" if base else ""
        print(f"| {PROGRAMS[name][0]} | {med['gocurve']:.0f} ms |{col} {med['cpython']:.0f} ms "
              f"| {med['go']:.1f} ms | {med['gocurve'] / med['cpython']:.2f} |")


if __name__ == "__main__":
    main()
