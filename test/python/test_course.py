"""The course: every notebook in notebooks/ runs top to bottom through the gocurve
kernel, shows at least one image, passes all its CHECK cells and renders to HTML
with the images embedded; every CHECK says what would make it fail, and each runnable
"Try" does make it fail. Every notebook asks for a prediction, ends with a recap and
gives further reading. (The problem sets are tested in test_homework.py.)

Each notebook is executed once per session and reused by the tests that inspect it.
"""
import pathlib
import re
import subprocess
import sys

import nbformat
import pytest
from conftest import executed  # one run of each notebook per session
from nbconvert import HTMLExporter

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
COURSE = sorted(NOTEBOOKS.glob("*.ipynb"))
IDEAS = 38


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def errors(cell):
    return [o for o in cell.outputs if o.output_type == "error"]


def stdout(cell):
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def error_text(out):
    return " ".join([out.get("ename", ""), out.get("evalue", "")] + list(out.get("traceback", [])))


def images(nb):
    return [o for c in code_cells(nb) for o in c.outputs if {"image/png", "image/svg+xml"} & set(o.get("data", {}))]


def html(nb):
    # as make html renders: the offline template, nothing from a CDN
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(NOTEBOOKS / "templates")],
                            mathjax_url="mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe")
    body, _ = exporter.from_notebook_node(nb)
    return body


def test_notebooks_match_their_sources():
    r = subprocess.run([sys.executable, str(NOTEBOOKS / "build.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("path", COURSE, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "gocurve"
    assert nb.metadata.kernelspec.display_name == "Go (gocurve)"
    for cell in code_cells(nb):
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:80]


def test_coverage_table_names_every_idea():
    readme = (NOTEBOOKS / "README.md").read_text()
    rows = {}
    for line in readme.splitlines():
        m = re.match(r"\|\s*(\d+)\s*\|[^|]*\|\s*\[[^\]]*\]\(([^)]+\.ipynb)\)\s*\|\s*([^|]+?)\s*\|", line)
        if m:
            rows[int(m.group(1))] = (m.group(2), m.group(3))
    assert sorted(rows) == list(range(1, IDEAS + 1)), "the table must have one row per idea 1…38"
    for idea, (name, heading) in rows.items():
        path = NOTEBOOKS / name
        assert path.exists(), f"idea {idea}: {name} does not exist"
        markdown = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
        assert f"## {heading}" in markdown, f"idea {idea}: no section '{heading}' in {name}"


@pytest.mark.parametrize("path", COURSE, ids=lambda p: p.name)
def test_course_notebook_runs_and_checks_pass(path):
    nb = executed(path)
    for cell in code_cells(nb):
        assert not errors(cell), f"{cell.source[:120]!r}: {[error_text(e) for e in errors(cell)]}"
        if "check." in cell.source:
            out = stdout(cell)
            assert "✓" in out, f"check cell printed no ✓: {cell.source[:120]!r}"
            assert "check failed" not in out
    assert images(nb), "the notebook shows no image"


@pytest.mark.parametrize("path", COURSE, ids=lambda p: p.name)
def test_renders_to_html_with_images(path):
    page = html(executed(path))
    assert "data:image/png;base64," in page or "data:image/svg+xml;base64," in page
    tags = re.findall(r"<img [^>]*>", page)
    undescribed = [t[:80] for t in tags if not re.search(r'alt="[^"]{16,}"', t) or "No description" in t]
    assert not undescribed, f"{len(undescribed)} of {len(tags)} images without alt text"
    assert not re.search(r"""(src=|from )["']https?://""", page), "the page loads something from the network"


@pytest.mark.parametrize("path", COURSE, ids=lambda p: p.name)
def test_predict_recap_and_reading(path):
    nb = nbformat.read(path, as_version=4)
    md = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert any("**Predict, then run.**" in m for m in md), "no predict-then-run prompt"
    text = "\n\n".join(md)
    assert "\n## Recap\n" in text, "no recap"
    assert "\n## Further reading\n" in text, "no further reading"
    reading = text.split("\n## Further reading\n", 1)[1]
    assert reading.count("\n- ") >= 3, "further reading needs at least three references"


sys.path.insert(0, str(NOTEBOOKS))
import build  # noqa: E402  (notebooks/build.py: the sources' parser)


def test_every_check_says_what_would_make_it_fail():
    missing = []
    for src in sorted((NOTEBOOKS / "src").glob("*.md")):
        for n, section, tried, fails in build.checks(build.parse(src.read_text())):
            if not tried and not fails:
                missing.append(f"{src.stem} cell {n} ({section})")
    assert not missing, "CHECK cells without a '// Try:' or '// Fails if:' line: " + ", ".join(missing)


def test_every_try_line_makes_its_check_fail():
    """Each "Try" perturbation, run as a compiled program, stops its check with "check failed"."""
    r = subprocess.run([sys.executable, str(NOTEBOOKS / "build.py"), "--perturb"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-6000:] + r.stderr[-2000:]
    assert r.stdout.count("ok ") >= 30, r.stdout


def test_perturbation_runner_reports_a_check_that_still_passes():
    """The runner itself can fail: a "Try" that changes nothing the check depends on is reported."""
    cells = build.parse(
        "## 0.1 A claim\n\n```go\nx := 2.0\n```\n\n```go\n"
        "// Try: change `y := 1.0` to `y := 3.0`: nothing — the check does not read y.\n"
        "y := 1.0\n_ = y\ncheck.Less(x, 3, \"x is below 3\")\n```\n")
    [(n, _, tried, _)] = list(build.checks(cells))
    assert tried[0] == "y := 1.0"
    cells = [(k, build.untried(s) if k == "code" else s, o) for k, s, o in cells]
    changed = [(k, s.replace(tried[0], tried[1]) if k == "code" else s, o) for k, s, o in cells]
    ok, out = build.go_run("still passes", build.program(changed, fail_cells={n}, stop_after=n))
    assert not ok and "did not fail with check failed" in out, out
