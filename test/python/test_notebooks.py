"""nbclient runs notebooks top to bottom through the installed kernel."""
import pathlib

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
    images = [o for o in outs if "image/png" in o.get("data", {})]
    assert images, "the plot cell produced no image"
    assert any("text/markdown" in o.get("data", {}) for o in outs)
