#!/usr/bin/env python3
"""Build the course site (Jupyter Book 1, Sphinx) into build/site/_build/html.

    python3 site/build.py --mathjax DIR              execute the notebooks and build
    python3 site/build.py --mathjax DIR --executed D  build from notebooks already executed in D

The source tree is assembled in build/site: this folder's _config.yml, _toc.yml and
intro.md, the course notebooks from notebooks/ (or executed copies), and MathJax's
es5 folder (DIR, from the npm package, `make mathjax`) copied into _extra/mathjax, which
Sphinx copies beside the pages, so that they load it from the site and never from a CDN. With --executed, execution
is switched off and the given outputs are rendered as they are (the tests reuse the
notebooks they have already run).
"""
import argparse
import pathlib
import shutil
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "build" / "site"


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--mathjax", required=True, type=pathlib.Path, help="MathJax's es5 folder")
    ap.add_argument("--executed", type=pathlib.Path, help="a folder of executed notebooks to render as they are")
    ap.add_argument("--out", type=pathlib.Path, default=OUT)
    args = ap.parse_args(argv)
    if not (args.mathjax / "tex-chtml.js").exists():
        sys.exit(f"{args.mathjax}/tex-chtml.js is missing: run `make mathjax` (npm's mathjax package)")
    out = args.out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in ("_config.yml", "_toc.yml", "intro.md"):
        shutil.copy(HERE / name, out / name)
    source = args.executed or ROOT / "notebooks"
    for nb in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        shutil.copy(source / nb.name, out / nb.name)
    shutil.copytree(args.mathjax, out / "_extra" / "mathjax")
    if args.executed:
        cfg = out / "_config.yml"
        cfg.write_text(cfg.read_text().replace("execute_notebooks: force", "execute_notebooks: \"off\""))
    start = time.monotonic()
    jb = pathlib.Path(sys.executable).parent / "jupyter-book"
    r = subprocess.run([str(jb), "build", str(out), "--all", "-W", "-n", "--keep-going"])
    print(f"site built in {time.monotonic() - start:.1f} s: {out / '_build' / 'html' / 'index.html'}")
    return r.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
