#!/usr/bin/env python3
"""Build the course notebooks from their Markdown sources, and check them.

    python3 notebooks/build.py            write every .ipynb from notebooks/src/*.md
    python3 notebooks/build.py --check    fail if a committed .ipynb differs from its source
    python3 notebooks/build.py --go [N…]  run each notebook's code as one compiled Go program

A source is Markdown with ```go fences. Text between fences becomes a Markdown
cell, each fence a code cell. Fence options after "go":

    selfcheck   a homework self-check: tagged raises-exception, so a blank
                template that fails its checks still renders with nbconvert

Inside a code cell, lines between "// SOLUTION" and "// BLANK" are the worked
solution and lines between "// BLANK" and "// END" the student's blank; the
homework source gives notebooks/homework.ipynb (blank) and
test/notebooks/homework_solution.ipynb (solution). Notebooks are written
without outputs.

--go checks the code without the kernel: the cells of a notebook become one
Go program (imports hoisted, func and type declarations moved to package
level, a bare final identifier shown with display.Show) in a temporary folder
inside the module, and `go run` executes it. In the blank homework, each
self-check must fail with "check failed"; everywhere else every cell must run.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
SRC = HERE / "src"
SOLUTION = ROOT / "test" / "notebooks" / "homework_solution.ipynb"

METADATA = {
    "kernelspec": {"name": "gocurve", "display_name": "Go (gocurve)", "language": "go"},
    "language_info": {"name": "go", "file_extension": ".go", "mimetype": "text/x-go"},
}

FENCE = re.compile(r"^```go([^\n]*)\n(.*?)^```\s*$", re.M | re.S)


def parse(text):
    """Return the cells of a source as (kind, source, options) triples."""
    cells, pos = [], 0
    for m in FENCE.finditer(text):
        md = text[pos:m.start()].strip("\n")
        if md.strip():
            cells.append(("markdown", md.strip(), set()))
        cells.append(("code", m.group(2).rstrip("\n"), set(m.group(1).split())))
        pos = m.end()
    md = text[pos:].strip()
    if md:
        cells.append(("markdown", md, set()))
    return cells


def variant(code, solution):
    """Keep the solution or the blank part of a code cell."""
    out, mode = [], None
    for line in code.split("\n"):
        tag = line.strip()
        if tag in ("// SOLUTION", "// BLANK", "// END"):
            mode = {"// SOLUTION": "solution", "// BLANK": "blank", "// END": None}[tag]
            continue
        if mode is None or (mode == "solution") == solution:
            out.append(line)
    return "\n".join(out)


def notebook(name, cells, solution):
    nb_cells = []
    for i, (kind, src, opts) in enumerate(cells):
        cell = {"cell_type": kind, "id": f"{name[:40]}-{i}", "metadata": {}, "source": lines(src)}
        if kind == "code":
            cell["source"] = lines(variant(src, solution))
            cell["execution_count"] = None
            cell["outputs"] = []
            if "selfcheck" in opts:
                cell["metadata"]["tags"] = ["raises-exception", "selfcheck"]
        nb_cells.append(cell)
    return {"cells": nb_cells, "metadata": METADATA, "nbformat": 4, "nbformat_minor": 5}


def lines(src):
    parts = src.split("\n")
    return [p + "\n" for p in parts[:-1]] + [parts[-1]]


def dump(nb):
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def targets():
    """Yield (output path, notebook JSON) for every source."""
    for src in sorted(SRC.glob("*.md")):
        cells = parse(src.read_text())
        yield HERE / (src.stem + ".ipynb"), dump(notebook(src.stem, cells, solution=False))
        if src.stem == "homework":
            yield SOLUTION, dump(notebook("homework-solution", cells, solution=True))


# --- Go validation -----------------------------------------------------------

PRELOADED = {
    "fmt": ("fmt", "fmt.Sprint"), "math": ("math", "math.Pi"), "strings": ("strings", "strings.TrimSpace"),
    "strconv": ("strconv", "strconv.Itoa"), "sort": ("sort", "sort.Ints"), "errors": ("errors", "errors.New"),
    "time": ("time", "time.Now"), "rand": ("math/rand", "rand.New"), "os": ("os", "os.Exit"),
    "mat": ("gonum.org/v1/gonum/mat", "mat.NewDense"), "floats": ("gonum.org/v1/gonum/floats", "floats.Sum"),
    "stat": ("gonum.org/v1/gonum/stat", "stat.Mean"), "plot": ("gonum.org/v1/plot", "plot.New"),
    "plotter": ("gonum.org/v1/plot/plotter", "plotter.NewLine"), "vg": ("gonum.org/v1/plot/vg", "vg.Inch"),
    "draw": ("gonum.org/v1/plot/vg/draw", "draw.Crop"), "palette": ("gonum.org/v1/plot/palette", "palette.Reverse"),
    "moreland": ("gonum.org/v1/plot/palette/moreland", "moreland.Kindlmann"),
    "brewer": ("gonum.org/v1/plot/palette/brewer", "brewer.GetPalette"),
    "hessian": ("github.com/gocurve/gocurve/lib/hessian", "hessian.Eigen"),
    "nn": ("github.com/gocurve/gocurve/lib/nn", "nn.OneHot"),
    "optim": ("github.com/gocurve/gocurve/lib/optim", "optim.Run"),
    "viz": ("github.com/gocurve/gocurve/lib/viz", "viz.Contour"),
    "check": ("github.com/gocurve/gocurve/lib/check", "check.That"),
    "interrupt": ("github.com/gocurve/gocurve/lib/interrupt", "interrupt.Err"),
    "display": ("github.com/gocurve/gocurve/kernel/display", "display.Show"),
}

IMPORT1 = re.compile(r'^import\s+(?:(\w+)\s+)?"([^"]+)"\s*$')
SHORT = re.compile(r"^([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*:=")
VAR = re.compile(r"^var\s+([A-Za-z_]\w*)")
IDENT = re.compile(r"^[A-Za-z_]\w*$")


def split_cell(code):
    """Split a cell into imports, package-level declarations and statements."""
    imports, decls, stmts = [], [], []
    ls = code.split("\n")
    i = 0
    while i < len(ls):
        line = ls[i]
        m = IMPORT1.match(line)
        if m:
            imports.append((m.group(1), m.group(2)))
            i += 1
            continue
        if line.startswith("func ") or line.startswith("type "):
            block = [line]
            if line.rstrip().endswith("{") or line.rstrip().endswith("("):
                i += 1
                while i < len(ls) and not (ls[i].startswith("}") or ls[i].startswith(")")):
                    block.append(ls[i])
                    i += 1
                if i < len(ls):
                    block.append(ls[i])
            decls.append("\n".join(block))
            i += 1
            continue
        stmts.append(line)
        i += 1
    return imports, decls, stmts


def program(cells, solution, blank_checks):
    imports = {name: path for name, (path, _) in PRELOADED.items()}
    decls, body = [], []
    for n, (kind, src, opts) in enumerate(cells):
        if kind != "code":
            continue
        imps, ds, stmts = split_cell(variant(src, solution))
        for alias, path in imps:
            parts = path.split("/")
            default = parts[-2] if re.fullmatch(r"v\d+", parts[-1]) else parts[-1]
            imports[alias or default] = path
        decls.extend(ds)
        code = [s for s in stmts]
        last = [k for k, s in enumerate(code) if s.strip() and not s.strip().startswith("//")]
        if last and IDENT.match(code[last[-1]].strip()) and code[last[-1]] == code[last[-1]].strip():
            code[last[-1]] = f"display.Show({code[last[-1]].strip()})"
        names = []
        for s in code:
            m = SHORT.match(s) or VAR.match(s)
            if m:
                names += [x.strip() for x in m.group(1).split(",") if x.strip() != "_"]
        body.append(f"\tcell = {n}")
        code += [f"_ = {x}" for x in dict.fromkeys(names)]
        if "selfcheck" in opts and blank_checks:
            body.append("\texpectFail(%d, func() {" % n)
            body += ["\t\t" + s for s in code]
            body.append("\t})")
        else:
            body += ["\t" + s for s in code]
    used = {name for name in imports}
    src = ["package main", "", "import ("]
    for name, path in sorted(imports.items()):
        src.append(f'\t{name} "{path}"')
    src += [")", ""]
    for name, (path, sym) in sorted(PRELOADED.items()):
        if imports.get(name) == path:
            src.append(f"var _ = {sym}")
    src += ["", "var cell int", "",
            "func expectFail(n int, f func()) {",
            "\tdefer func() {",
            "\t\tr := recover()",
            "\t\tif r == nil || !strings.Contains(fmt.Sprint(r), \"check failed\") {",
            "\t\t\tfmt.Fprintf(os.Stderr, \"cell %d: blank self-check did not fail with check failed (got %v)\\n\", n, r)",
            "\t\t\tos.Exit(3)",
            "\t\t}",
            "\t\tfmt.Printf(\"cell %d fails as a blank should: %v\\n\", n, r)",
            "\t}()",
            "\tf()",
            "}", ""]
    src += decls
    src += ["", "func main() {",
            "\tdefer func() {",
            "\t\tif r := recover(); r != nil {",
            "\t\t\tfmt.Fprintf(os.Stderr, \"cell %d panicked: %v\\n\", cell, r)",
            "\t\t\tos.Exit(2)",
            "\t\t}",
            "\t}()"]
    src += body
    src += ["}", ""]
    return "\n".join(src)


def run_go(names):
    srcs = sorted(SRC.glob("*.md"))
    if names:
        srcs = [s for s in srcs if any(s.stem.startswith(n) for n in names)]
    failed = False
    for s in srcs:
        cells = parse(s.read_text())
        runs = [(s.stem, False, False)]
        if s.stem == "homework":
            runs = [("homework (blank)", False, True), ("homework (solution)", True, False)]
        for label, solution, blank in runs:
            tmp = pathlib.Path(tempfile.mkdtemp(prefix=".gorun-", dir=ROOT))
            try:
                (tmp / "main.go").write_text(program(cells, solution, blank))
                shutil.copy(tmp / "main.go", pathlib.Path(tempfile.gettempdir()) / f"gorun-{s.stem}.go")
                rel = "./" + tmp.name
                r = subprocess.run(["go", "vet", rel], cwd=ROOT, capture_output=True, text=True)
                if r.returncode == 0:
                    r = subprocess.run(["go", "run", rel], cwd=ROOT, capture_output=True, text=True)
                ok = r.returncode == 0
                failed |= not ok
                print(("ok  " if ok else "FAIL") + " " + label)
                if not ok or os.environ.get("VERBOSE"):
                    print(r.stdout[-4000:], r.stderr[-4000:])
            finally:
                shutil.rmtree(tmp)
    return 0 if not failed else 1


def main(argv):
    if argv[:1] == ["--go"]:
        return run_go(argv[1:])
    stale = []
    for path, text in targets():
        if argv[:1] == ["--check"]:
            if not path.exists() or path.read_text() != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.write_text(text)
    if stale:
        print("out of date with notebooks/src (run python3 notebooks/build.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
