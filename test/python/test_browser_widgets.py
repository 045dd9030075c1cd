"""Jupyter widgets from Go in JupyterLab 4, in Debian's Chromium (Playwright).

JupyterLab's stock widget manager (jupyterlab_widgets, pinned in
test/requirements.txt) draws the widgets; gocurve ships no front-end code.
The scenario: a cell shows a slider over α and gradient descent on the
ill-conditioned quadratic; dragging the slider redraws the plot; the
notebook saved after that keeps the widget state (JupyterLab's "save widget
state" setting on) and renders to HTML with nbconvert, the plot included.

The redraws per second while dragging are printed and written to
build/screenshots/timings.json; BENCHMARKS.md quotes them. Nothing is
asserted about speed.

Run alone:  make install browser && VIRTUAL_ENV=$PWD/.venv JUPYTER_PLATFORM_DIRS=1 \
            PATH=$PWD/.venv/bin:$PATH .venv/bin/python -m pytest -q -s test/python/test_browser_widgets.py
"""
import base64
import copy
import json
import os
import time
import urllib.parse

import nbformat
import pytest

import test_browser as tb
from test_browser import ACTIVE, SHOTS, TIMINGS, cells, run_cell, save, scenario, scratch_notebook, select_cell, shot
from test_widgets import ALPHA_CELL, svg_images

# The lesson's slider with a step fine enough that most mouse moves of the
# drag change α (0.005 gives only 28 values over the drag, so the rate
# would count the slider's values, not what the kernel and the browser can
# draw), and the legend written as the readout shows α (two decimals).
DRAG_CELL = ALPHA_CELL.replace("Step: 0.005", "Step: 0.001").replace("α = %.3f", "α = %.2f")
assert DRAG_CELL.count("0.001") == 1 and "%.2f" in DRAG_CELL

class WidgetLab(tb.Lab):
    """The browser test's JupyterLab, saving widget state with notebooks."""

    def start_server(self):
        p = self.tmp / "settings" / "@jupyter-widgets" / "jupyterlab-manager" / "plugin.jupyterlab-settings"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps({"saveState": True}))
        super().start_server()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    SHOTS.mkdir(parents=True, exist_ok=True)
    lab = WidgetLab(tmp_path_factory.mktemp("widgetlab"))
    try:
        lab.start_server()
        lab.start_browser()
        yield lab
    finally:
        lab.stop_browser()
        lab.stop_server()
        path = SHOTS / "timings.json"
        old = json.loads(path.read_text()) if path.exists() else {}
        path.write_text(json.dumps({**old, **TIMINGS}, indent=1) + "\n")


def plot_src(cell):
    """The src of the plot inside the cell's output widget."""
    img = cell.locator(".widget-output img")
    img.first.wait_for()
    return img.first.get_attribute("src")


def plot_svg(cell):
    """The SVG document of the plot inside the cell's output widget."""
    src = plot_src(cell)
    head, data = src.split(",", 1)
    return base64.b64decode(data).decode() if ";base64" in head else urllib.parse.unquote(data)


def read_saved(path):
    """The notebook the server saved at path, read once the server has written
    it whole (a read right after the file changed once found it empty)."""
    deadline = time.monotonic() + tb.UI
    while True:
        try:
            return nbformat.read(str(path), as_version=4)
        except (nbformat.reader.NotJSONError, ValueError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_drag_slider_redraws_plot_and_saves_it(lab):
    name = "alpha.ipynb"
    path = lab.root / name
    scratch_notebook(path, [DRAG_CELL])
    with scenario(lab, "widget-alpha"):
        page = lab.open(name)
        cell = run_cell(page, 0)
        slider = cell.locator(".widget-slider .noUi-handle")
        slider.wait_for()
        readout = cell.locator(".widget-readout")
        first = plot_src(cell)
        assert readout.inner_text().strip() == "0.05"
        shot(page, "widget-alpha-before")

        # Count every plot the output widget shows from now on.
        page.evaluate(
            """active => {
                const out = document.querySelector(active + ' .widget-output');
                window.__plots = [];
                new MutationObserver(ms => {
                    for (const m of ms) for (const n of m.addedNodes) {
                        const imgs = n.tagName === 'IMG' ? [n] : (n.querySelectorAll ? [...n.querySelectorAll('img')] : []);
                        for (const i of imgs) window.__plots.push([performance.now(), i.src.length]);
                    }
                }).observe(out, {subtree: true, childList: true});
            }""",
            ACTIVE,
        )
        box = slider.bounding_box()
        track = cell.locator(".widget-slider .noUi-base").bounding_box()
        x0, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        x1 = track["x"] + track["width"] * 0.9
        page.mouse.move(x0, y)
        page.mouse.down()
        # As fast as Playwright moves the mouse (each move waits for the page).
        steps = 150
        t0 = time.monotonic()
        start = page.evaluate("() => performance.now()")
        for i in range(1, steps + 1):
            page.mouse.move(x0 + (x1 - x0) * i / steps, y)
        end = page.evaluate("() => performance.now()")
        page.mouse.up()
        dragged = time.monotonic() - t0
        during = page.evaluate("([a, b]) => window.__plots.filter(p => p[0] >= a && p[0] <= b).length", [start, end])
        tb.wait_idle(page)
        last = plot_src(cell)
        value = readout.inner_text().strip()
        shot(page, "widget-alpha-after")
        rate = during / dragged
        print(f"\nwidget: {steps} mouse moves and {during} redraws in {dragged:.1f} s of dragging = "
              f"{steps / dragged:.0f} moves/s, {rate:.1f} redraws/s; α now {value}; load {os.getloadavg()[0]:.1f}")
        TIMINGS["widget: redraws per second while dragging the α slider (lesson plot)"] = round(rate, 1)
        assert float(value) > 0.15, f"the slider did not move: α reads {value}"
        assert last != first, "the plot did not change after dragging the slider"
        assert during >= 1, "no plot was redrawn while dragging"

        # The plot's legend names α: the saved state holds the plot of the value shown.
        legend = f"GD, α = {value}"  # the readout, as DRAG_CELL writes it
        # Once the slider rests the kernel updates the cell's output in place
        # (update_display_data), its static plot now the last one: save until
        # the saved output holds it. The update follows the redraws still
        # queued from the drag: under load they take as long as the kernel's
        # other work, hence its bound, not a UI one. Whether it comes before
        # or after the drag's end is read depends on the load too (once, at
        # load 9, it came before, and a wait for a redraw after the end never
        # ended), so the saved file is what is waited for; the updates still
        # coming mark the notebook changed again right after a save (a wait for
        # its tab to look saved ran out at load 8), so the file is what is read.
        deadline = time.monotonic() + tb.KERNEL_IDLE
        while True:
            save(page, path, clean=False)
            nb = read_saved(path)
            if legend in nb.cells[0].outputs[0]["data"].get("image/svg+xml", ""):
                break
            assert time.monotonic() < deadline, "the saved cell output does not hold the last plot"
            time.sleep(0.5)
        # The widgets drawn again for that update still work: the slider is there.
        cell.locator(".widget-slider .noUi-handle").wait_for()
        assert readout.inner_text().strip() == value
        state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
        outputs = [m["state"]["outputs"] for m in state.values() if m["model_name"] == "OutputModel"]
        assert len(outputs) == 1 and legend in outputs[0][0]["data"]["image/svg+xml"], (
            f"the saved widget state does not hold the last plot ({legend})"
        )

        # A fresh page on the same kernel draws the widgets again, at the value dragged to.
        lab.drop_page()
        page = lab.open(name)
        cell = cells(page).nth(0)
        cell.locator(".widget-slider .noUi-handle").wait_for()
        page.wait_for_function(
            "([active, v]) => { const r = document.querySelector(active + ' .widget-readout'); return r && r.textContent.trim() === v; }",
            arg=[ACTIVE, value], timeout=tb.UI * 1000,
        )
        assert legend in plot_svg(cell), "after a reload the output widget does not show the last plot"
        shot(page, "widget-alpha-reloaded")

    from nbconvert import HTMLExporter

    # With the widget state: the widget view and the state, which holds the last plot.
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert 'type="application/vnd.jupyter.widget-view+json"' in html
    assert json.dumps(legend)[1:-1] in html, "nbconvert's HTML does not carry the last plot"
    # Without it (JupyterLab's default): the static plot, the last one drawn.
    bare = copy.deepcopy(nb)
    del bare.metadata["widgets"]
    html, _ = HTMLExporter().from_notebook_node(bare)
    images = svg_images(html)
    assert legend in images and "GD, α = 0.050" not in images, "without the widget state, nbconvert's HTML does not show the last plot"


def test_magics_in_the_browser(lab):
    """The magics people type by habit, run in JupyterLab: timing, help, variables, shell."""
    name = "magics.ipynb"
    scratch_notebook(lab.root / name, [
        'lr := 0.05\nopt := "momentum"',
        "%time hessian.Gradient(nil, func(x []float64) float64 { return x[0] * x[0] }, []float64{1}, nil)",
        "%timeit math.Sqrt(lr)",
        "lr?",
        "%vars",
        "!echo from the shell",
        "%nosuch",
        "%env GOCURVE_BROWSER=yes",
        "?opt",
        "%help",
        "",
    ])
    with scenario(lab, "magics"):
        page = lab.open(name)
        want = [
            None,
            ["CPU times:", "Wall time:"],
            ["per loop (mean ± std. dev. of"],
            ["var lr float64", "value:", "0.05"],
            ["name", "type", "momentum", "float64"],
            ["from the shell"],
            ["unknown magic %nosuch; %help lists them"],
            ["env: GOCURVE_BROWSER=yes"],
            ["var opt string", "momentum"],
            ["%timeit", "!cmd"],
        ]
        for i, texts in enumerate(want):
            c = run_cell(page, i)
            # Markdown outputs render after the cell is done: wait for the text.
            for t in texts or []:
                c.locator(".jp-OutputArea", has_text=t).wait_for(timeout=tb.UI * 1000)
        shot(page, "magics")

        # Shift-Tab on a variable: its type and its value.
        c = select_cell(page, len(want))
        page.keyboard.press("Enter")
        page.keyboard.type("lr")
        page.keyboard.press("Shift+Tab")
        page.wait_for_function(
            "() => { const t = document.querySelector('.jp-Tooltip'); return t && t.innerText.includes('0.05') && t.innerText.includes('float64'); }",
            timeout=tb.UI * 1000,
        )
        shot(page, "inspect-value")
