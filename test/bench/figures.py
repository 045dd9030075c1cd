"""How heavy an executed notebook is: the executed course's size and every
figure's, and four figures of the course's kinds drawn by gocurve and by
matplotlib from the same data.

Usage (from the repo root, after `make install`):
    VIRTUAL_ENV=$PWD/.venv JUPYTER_PLATFORM_DIRS=1 PATH=$PWD/.venv/bin:$PATH \
      .venv/bin/python test/bench/figures.py [--no-course] [--settings 'Format: display.PNGFormat']

Sizes are bytes as stored in the .ipynb: a PNG is base64 text (4/3 of its
bytes), an SVG is stored as it is. matplotlib draws at the page size gocurve
uses (600×400 CSS pixels = 6.25×4.17 in), as PNG, the inline backend's
default format, at 1× (dpi 96, close to the backend's default dpi 100) and
at 2× (dpi 192, what `%config InlineBackend.figure_format = 'retina'` gives).
"""
import argparse
import base64
import io
import json
import math
import os
import pathlib
import subprocess
import tempfile

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import numpy as np  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
W, H = 600 / 96, 400 / 96

c, s = math.cos(math.pi / 6), math.sin(math.pi / 6)
R = np.array([[c, -s], [s, c]])
A = R @ np.diag([1.0, 20.0]) @ R.T


def grid():
    x = np.linspace(-3, 3, 200)
    y = np.linspace(-2, 2, 200)
    X, Y = np.meshgrid(x, y)
    Z = 0.5 * (A[0, 0] * X * X + 2 * A[0, 1] * X * Y + A[1, 1] * Y * Y)
    lo, hi = Z.min(), Z.max()
    return X, Y, Z, lo + (np.arange(16) + 0.5) * (hi - lo) / 16


def paths(ax, fig):
    for name, flat in zip(fig["names"], fig["paths"]):
        t = np.array(flat).reshape(-1, 2)
        (line,) = ax.plot(t[:, 0], t[:, 1], label=name, lw=1.6)
        ax.plot(t[0, 0], t[0, 1], "o", mfc="none", color=line.get_color())
        ax.plot(t[-1, 0], t[-1, 1], "o", color=line.get_color())
    ax.set_xlim(-3, 3)
    ax.set_ylim(-2, 2)
    ax.set_title("ill-conditioned quadratic")
    ax.set_xlabel("θ₁")
    ax.set_ylabel("θ₂")
    ax.legend(loc="upper right")


def draw(fig, dpi):
    f, ax = plt.subplots(figsize=(W, H), dpi=dpi)
    kind = fig["kind"]
    if kind in ("contour", "heatmap"):
        X, Y, Z, levels = grid()
        if kind == "heatmap":
            ranks = np.searchsorted(levels, Z)
            ax.imshow(ranks, extent=(-3, 3, -2, 2), origin="lower", aspect="auto", cmap="viridis")
            ax.contour(X, Y, Z, levels=levels, colors="white", linewidths=0.6, alpha=0.55)
        else:
            ax.contour(X, Y, Z, levels=levels, cmap="viridis", linewidths=1)
        paths(ax, fig)
    elif kind == "losses":
        for name, y in zip(fig["names"], fig["ys"]):
            ax.semilogy(np.arange(len(y)), y, label=name, lw=1.5)
        ax.set_xlabel("step")
        ax.set_ylabel("loss")
        ax.legend()
    elif kind == "spectrum":
        v = sorted(fig["ys"][0], reverse=True)
        ax.stem(np.arange(1, len(v) + 1), v, basefmt="gray")
        ax.set_xlabel("index i")
        ax.set_ylabel("λᵢ")
        ax.grid(True)
    buf = io.BytesIO()
    f.savefig(buf, format="png")
    plt.close(f)
    return len(buf.getvalue())


def stored(mime, n):
    """Bytes an output of n bytes takes in an .ipynb."""
    return n if mime == "image/svg+xml" else 4 * math.ceil(n / 3)


def paired():
    out = subprocess.run(["go", "run", "./test/bench/figures"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    figs = json.loads(out)
    print("| figure | gocurve (format, stored bytes) | matplotlib PNG 1× | matplotlib PNG 2× | gocurve / matplotlib 1× |")
    print("|---|---|---|---|---|")
    tot_go = tot_m1 = 0
    for fig in figs:
        go = stored(fig["mime"], fig["bytes"])
        m1, m2 = stored("image/png", draw(fig, 96)), stored("image/png", draw(fig, 192))
        tot_go += go
        tot_m1 += m1
        fmt = "SVG" if fig["mime"] == "image/svg+xml" else "PNG"
        print(f"| {fig['kind']} | {fmt}, {go:,} | {m1:,} | {m2:,} | {go / m1:.2f} |")
    print(f"| all four | {tot_go:,} | {tot_m1:,} | | {tot_go / tot_m1:.2f} |\n")
    return tot_go / tot_m1, tot_m1 / len(figs)


def course(ratio, mpl_mean, settings, save=None, compare=None, dump=None):
    paths_ = sorted((ROOT / "notebooks").glob("*.ipynb"))
    total = figures = count = 0
    sizes = []
    each = {}  # "notebook cell output" -> [mime, stored bytes]
    with tempfile.TemporaryDirectory() as d:
        for p in paths_:
            nb = nbformat.read(p, as_version=4)
            if settings:
                nb.cells.insert(0, nbformat.v4.new_code_cell(f"display.SetPlotDefaults(display.PlotSettings{{{settings}}})"))
            NotebookClient(nb, timeout=600, kernel_name="gocurve", resources={"metadata": {"path": str(p.parent)}}).execute()
            out = pathlib.Path(d) / p.name
            nbformat.write(nb, out)
            size = out.stat().st_size
            total += size
            for ci, cell in enumerate(nb.cells):
                for oi, o in enumerate(cell.get("outputs", [])):
                    for mime in ("image/png", "image/svg+xml"):
                        if mime in o.get("data", {}):
                            n = len(o["data"][mime])
                            each[f"{p.name} {ci} {oi}"] = [mime, n]
                            if dump and mime == "image/png":
                                (pathlib.Path(dump) / f"{p.stem}-{ci}-{oi}.png").write_bytes(
                                    base64.b64decode(o["data"][mime]))
                            figures += n
                            count += 1
                            sizes.append((n, mime, p.name))
            print(f"{p.name}: {size:,} bytes")
    sizes.sort(reverse=True)
    svg = sum(1 for _, m, _ in sizes if m == "image/svg+xml")
    print(f"\nexecuted course: {total:,} bytes; {count} figures ({svg} SVG, {count - svg} PNG) "
          f"take {figures:,} bytes, median {sizes[len(sizes) // 2][0]:,}, largest "
          + ", ".join(f"{n:,} ({'SVG' if m.endswith('xml') else 'PNG'}, {nb})" for n, m, nb in sizes[:3]))
    if save:
        pathlib.Path(save).write_text(json.dumps(each, indent=0))
    if compare:
        per_figure(json.loads(pathlib.Path(compare).read_text()), each)
    nonfig = total - figures
    by_count = nonfig + count * mpl_mean
    print(f"the same course with matplotlib's figures, estimated two ways: the {count} figures at the mean "
          f"stored size of the four matplotlib figures ({mpl_mean:,.0f} bytes) ≈ {by_count:,.0f} bytes "
          f"(gocurve / matplotlib ≈ {total / by_count:.2f})", end="")
    if not settings:  # the paired ratio was measured with the default settings
        by_ratio = nonfig + figures / ratio
        print(f"; the course's figures scaled by the paired ratio {ratio:.2f} ≈ {by_ratio:,.0f} bytes "
              f"(gocurve / matplotlib ≈ {total / by_ratio:.2f})", end="")
    print()


def per_figure(before, after):
    """Prints each figure's stored size against an earlier run's (--save)."""
    print("\n| figure (notebook, cell, output) | format | before | after | after / before |")
    print("|---|---|---|---|---|")
    ratios = []
    for k in sorted(after):
        if k not in before:
            continue
        (m0, n0), (m1, n1) = before[k], after[k]
        ratios.append(n1 / n0)
        fmt = lambda m: "SVG" if m.endswith("xml") else "PNG"  # noqa: E731
        print(f"| {k} | {fmt(m0)} → {fmt(m1)} | {n0:,} | {n1:,} | {n1 / n0:.2f} |")
    ratios.sort()
    if ratios:
        tb, ta = sum(before[k][1] for k in after if k in before), sum(after[k][1] for k in after if k in before)
        print(f"\n{len(ratios)} figures: after / before median {ratios[len(ratios) // 2]:.2f}, "
              f"range {ratios[0]:.2f}–{ratios[-1]:.2f}, {sum(r <= 1 / 3 for r in ratios)} at most 1/3; "
              f"all figures {tb:,} → {ta:,} bytes ({ta / tb:.2f})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-course", action="store_true", help="only the paired figures")
    ap.add_argument("--settings", default="", help="fields of display.PlotSettings to run the course with, "
                    "e.g. 'Format: display.PNGFormat, Scale: 1'")
    ap.add_argument("--save", help="write each figure's format and stored size to this JSON file")
    ap.add_argument("--compare", help="a --save file of an earlier run: print each figure's size against it")
    ap.add_argument("--dump", help="write each PNG figure of the course to this directory "
                    "(notebook-cell-output.png), e.g. for display's course-figure size test")
    args = ap.parse_args()
    ratio, mpl_mean = paired()
    if not args.no_course:
        if args.dump:
            pathlib.Path(args.dump).mkdir(parents=True, exist_ok=True)
        course(ratio, mpl_mean, args.settings, args.save, args.compare, args.dump)


if __name__ == "__main__":
    main()
