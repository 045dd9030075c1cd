"""The problem sets through nbgrader, as an instructor uses them.

From the instructor versions in homework/source, `nbgrader generate_assignment` makes
the student versions; two students submit — one hands in the release untouched (blank),
one fills in every solution region with the instructor's code and every written answer —
and `nbgrader autograde` runs both with the gocurve kernel. The blank submission scores
zero without crashing; the correct one gets every autograded point, and its written
answers wait for a human grader.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys

import nbformat
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOMEWORK = ROOT / "homework"
SETS = sorted(p.name for p in (HOMEWORK / "source").iterdir() if p.is_dir())
NBGRADER = [sys.executable, "-m", "nbgrader"]


def nbgrader(course, *args):
    r = subprocess.run(NBGRADER + list(args), cwd=course, capture_output=True, text=True, timeout=1800)
    assert r.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r


def grade_cells(nb):
    return {c.metadata.nbgrader.grade_id: c for c in nb.cells if "nbgrader" in c.metadata}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course directory with the nine sets generated, submitted twice and autograded."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(HOMEWORK / "nbgrader_config.py", course)
    shutil.copytree(HOMEWORK / "source", course / "source")
    nbgrader(course, "generate_assignment", "ps*", "--force")  # one run for the nine: nbgrader's start-up is slow
    for ps in SETS:
        release = nbformat.read(course / "release" / ps / f"{ps}.ipynb", as_version=4)
        source = grade_cells(nbformat.read(course / "source" / ps / f"{ps}.ipynb", as_version=4))
        blank = course / "submitted" / "blank" / ps
        blank.mkdir(parents=True)
        nbformat.write(release, blank / f"{ps}.ipynb")
        answered = nbformat.from_dict(json.loads(nbformat.writes(release)))
        for cell in answered.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("solution"):
                cell.source = source[meta["grade_id"]].source
        correct = course / "submitted" / "correct" / ps
        correct.mkdir(parents=True)
        nbformat.write(answered, correct / f"{ps}.ipynb")
    nbgrader(course, "autograde", "ps*", "--force")
    return course


def test_nine_sets_one_per_notebook():
    assert SETS == [f"ps{n:02d}" for n in range(1, 10)]
    notebooks = sorted((ROOT / "notebooks").glob("0*.ipynb"))
    assert len(notebooks) == len(SETS)


@pytest.mark.parametrize("ps", SETS)
def test_instructor_version_has_every_kind_of_problem(ps):
    nb = nbformat.read(HOMEWORK / "source" / ps / f"{ps}.ipynb", as_version=4)
    roles = [c.metadata.nbgrader for c in nb.cells]
    code_answers = [r for r in roles if r.solution and not r.grade]
    tests = [r for r in roles if r.grade and not r.solution]
    written = [c for c in nb.cells if c.cell_type == "markdown" and c.metadata.nbgrader.solution]
    assert len(code_answers) >= 2 and len(tests) >= 2 and written, "implementation, prediction and a written answer"
    assert all(r.points > 0 for r in tests) and all(c.metadata.nbgrader.points > 0 for c in written)
    assert any("Predict, then run" in c.source for c in nb.cells if c.cell_type == "markdown")
    for c in nb.cells:
        if c.metadata.nbgrader.solution and c.cell_type == "code":
            assert "BEGIN SOLUTION" in c.source and "END SOLUTION" in c.source, c.source
        if c.metadata.nbgrader.grade and c.cell_type == "code":
            assert "BEGIN HIDDEN TESTS" in c.source, c.source


def test_release_hides_solutions_and_hidden_tests(course):
    for ps in SETS:
        source = grade_cells(nbformat.read(course / "source" / ps / f"{ps}.ipynb", as_version=4))
        release = nbformat.read(course / "release" / ps / f"{ps}.ipynb", as_version=4)
        for cell in release.cells:
            meta = cell.metadata.nbgrader
            text = cell.source
            assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text, text
            if meta.solution and cell.cell_type == "code":
                assert "YOUR CODE HERE" in text and 'panic("not answered yet' in text
            if meta.solution and cell.cell_type == "markdown":
                assert text == "YOUR ANSWER HERE" and source[meta.grade_id].source != text


def test_visible_self_checks_never_print_the_answer():
    """The tests a student sees pass or fail with a sentence: no check that prints got/want values."""
    for ps in SETS:
        nb = nbformat.read(HOMEWORK / "source" / ps / f"{ps}.ipynb", as_version=4)
        for cell in nb.cells:
            if not (cell.cell_type == "code" and cell.metadata.nbgrader.grade):
                continue
            visible = cell.source.split("// BEGIN HIDDEN TESTS")[0]
            for line in visible.splitlines():
                if line.lstrip().startswith("check."):
                    assert line.lstrip().startswith("check.That("), f"{ps}: a visible check that prints values: {line}"
                assert "fmt.Print" not in line and "display." not in line, f"{ps}: a visible test prints: {line}"


def scores(course, student):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        out = {}
        for ps in SETS:
            sub = gb.find_submission(ps, student)
            out[ps] = (sub.code_score, sub.max_code_score, sub.written_score, sub.max_written_score, sub.needs_manual_grade)
        return out


def test_correct_submission_gets_every_autograded_point(course):
    for ps, (code, max_code, written, max_written, manual) in scores(course, "correct").items():
        assert max_code >= 5 and code == max_code, f"{ps}: {code} of {max_code}"
        assert max_written > 0 and manual, f"{ps}: the written answer waits for a grader"


def test_blank_submission_scores_zero_without_crashing(course):
    for ps, (code, max_code, written, max_written, manual) in scores(course, "blank").items():
        assert code == 0 and written == 0, f"{ps}: blank scored {code} + {written}"
        assert not manual, f"{ps}: an unchanged blank needs no grader"
        graded = nbformat.read(course / "autograded" / "blank" / ps / f"{ps}.ipynb", as_version=4)
        errors = [o for c in graded.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert errors, f"{ps}: the blank's tests should fail"
        assert all("not answered yet" in " ".join(e.traceback) + e.evalue or "undefined" in e.evalue
                   for e in errors), [e.evalue for e in errors]
