"""The benchmark figure of lib/viz (bench_test.go), drawn by matplotlib.

q(θ) = ½θᵀAθ, A = R(30°) diag(1, 20) R(30°)ᵀ, 200×200 grid over [−3, 3]×[−2, 2],
16 linear levels, three 200-step runs, 1200×800 PNG (6.25×4.1667 in at 192 dpi),
Agg backend, savefig to a BytesIO. Prints the mean wall and CPU (process) time per figure.

Usage: python bench_matplotlib.py [repeats]   (default 20)
"""
import io
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

c, s = np.cos(np.pi / 6), np.sin(np.pi / 6)
R = np.array([[c, -s], [s, c]])
A = R @ np.diag([1.0, 20.0]) @ R.T


def run(alpha, mu):
    th = np.array([-2.5, 1.5])
    p = np.zeros(2)
    out = [th.copy()]
    for _ in range(200):
        p = mu * p - alpha * (A @ th)
        th = th + p
        out.append(th.copy())
    return np.array(out)


def figure():
    x = np.linspace(-3, 3, 200)
    y = np.linspace(-2, 2, 200)
    X, Y = np.meshgrid(x, y)
    Z = 0.5 * (A[0, 0] * X * X + 2 * A[0, 1] * X * Y + A[1, 1] * Y * Y)
    lo, hi = Z.min(), Z.max()
    levels = lo + (np.arange(16) + 0.5) * (hi - lo) / 16
    fig, ax = plt.subplots(figsize=(600 / 96, 400 / 96), dpi=192)
    ax.contour(X, Y, Z, levels=levels, cmap="viridis", linewidths=1)
    for name, (alpha, mu) in [("GD α=0.09", (0.09, 0)), ("GD α=0.02", (0.02, 0)),
                              ("momentum α=0.02 μ=0.9", (0.02, 0.9))]:
        t = run(alpha, mu)
        (line,) = ax.plot(t[:, 0], t[:, 1], label=name, lw=1.6)
        ax.plot(t[0, 0], t[0, 1], "o", mfc="none", color=line.get_color())
        ax.plot(t[-1, 0], t[-1, 1], "o", color=line.get_color())
    ax.set_xlim(-3, 3)
    ax.set_ylim(-2, 2)
    ax.set_title("ill-conditioned quadratic")
    ax.set_xlabel("θ₁")
    ax.set_ylabel("θ₂")
    ax.legend(loc="upper right")
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    data = figure()  # warm up: imports, font cache
    if len(sys.argv) > 2:
        with open(sys.argv[2], "wb") as f:
            f.write(data)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(repeats):
        figure()
    dt = (time.perf_counter() - t0) / repeats
    dc = (time.process_time() - c0) / repeats
    print(f"matplotlib {matplotlib.__version__}: {dt * 1e3:.1f} ms wall, {dc * 1e3:.1f} ms CPU per figure "
          f"({repeats} repeats, {len(data)} bytes)")


if __name__ == "__main__":
    main()
