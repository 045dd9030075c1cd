"""nbclient runs notebooks top to bottom through the installed kernel."""
import pathlib
import re

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
SMOKE = ROOT / "test" / "notebooks" / "smoke.ipynb"


def execute(path, timeout=300):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="gocurve", allow_errors=False).execute()
    return nb


def outputs(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def test_smoke_notebook():
    nb = execute(SMOKE)
    outs = outputs(nb)
    assert not [o for o in outs if o.output_type == "error"]
    texts = "".join(o.get("text", "") for o in outs if o.output_type == "stream")
    assert "hello from gocurve" in texts
    images = [o for o in outs if {"image/png", "image/svg+xml"} & set(o.get("data", {}))]
    assert images, "the plot cell produced no image"
    assert any("text/markdown" in o.get("data", {}) for o in outs)


DISPLAY = ROOT / "test" / "notebooks" / "display.ipynb"


def mimes(cell):
    return [m for o in cell.outputs for m in o.get("data", {})]


def test_every_mime_type_and_update(tmp_path):
    nb = execute(DISPLAY)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    html, md, latex, js, plots, jpeg, handle, progress, matrix, cleared = code
    assert "text/html" in mimes(html) and "html-out" in html.outputs[0].data["text/html"]
    assert "text/markdown" in mimes(md)
    assert "text/latex" in mimes(latex)
    assert js.outputs[0].data["application/json"]["kappa"] == 10
    assert "image/png" in mimes(plots) and "image/svg+xml" in mimes(plots)
    png = next(o for o in plots.outputs if "image/png" in o.data)
    assert png.metadata["image/png"]["width"] > 0
    assert "image/jpeg" in mimes(jpeg)
    # nbclient applies update_display_data to the output in place: one output, last state.
    assert len(handle.outputs) == 1 and "step 3" in handle.outputs[0].data["text/plain"]
    assert len(progress.outputs) == 1 and "1000/1000" in progress.outputs[0].data["text/plain"]
    assert "text/latex" in mimes(matrix) and "bmatrix" in matrix.outputs[0].data["text/latex"]
    # clear_output(wait=True) removed the earlier prints once new output came.
    texts = "".join(o.get("text", "") for o in cleared.outputs)
    assert texts == "after clearing\n", cleared.outputs

    # nbconvert renders it to HTML with the images inside the page.
    import nbconvert
    body, _ = nbconvert.HTMLExporter().from_notebook_node(nb)
    assert "data:image/png;base64," in body and "data:image/jpeg;base64," in body
    # nbconvert 7 embeds SVG outputs as data: images inside a jp-RenderedSVG output.
    assert re.search(r'jp-RenderedSVG jp-OutputArea-output[^>]*>\s*<img[^>]*src="data:image/svg\+xml;base64,', body)
    assert "html-out" in body
    (tmp_path / "display.html").write_text(body)
