"""The course site, offline, in a real browser.

The site is built with Jupyter Book (site/build.py) from the notebooks this session has
already executed with the gocurve kernel (conftest.executed), so nothing runs twice.
Debian's Chromium, driven by Playwright, opens every page from file:// with every other
request aborted — no network, as in an exam room — and checks that the page asked for
nothing else, that its maths was typeset by the MathJax bundled with the site (every
TeX span became MathJax output, none of it an error), and that every image loaded and
carries alt text that describes it; and that the site's search finds a lesson.
"""
import os
import pathlib
import re
import subprocess
import sys
import urllib.parse

import nbformat
import pytest
from conftest import executed

ROOT = pathlib.Path(__file__).resolve().parents[2]
COURSE = sorted((ROOT / "notebooks").glob("0*.ipynb"))
CHROMIUM = "/usr/bin/chromium"
MATHJAX_VERSION = re.search(r"^MATHJAX_VERSION := (\S+)$", (ROOT / "Makefile").read_text(), re.M).group(1)
MATHJAX = ROOT / ".venv" / f"mathjax-{MATHJAX_VERSION}" / "es5"
MATHJAX2_VERSION = re.search(r"^MATHJAX2_VERSION := (\S+)$", (ROOT / "Makefile").read_text(), re.M).group(1)
MATHJAX2 = ROOT / ".venv" / f"mathjax-{MATHJAX2_VERSION}"

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (PyPI) is not installed in the venv")
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"{CHROMIUM} is missing (make browser installs Debian's chromium)", allow_module_level=True)
if not (MATHJAX / "tex-chtml.js").exists() or not (MATHJAX2 / "MathJax.js").exists():
    pytest.skip(f"{MATHJAX} or {MATHJAX2} is missing (make mathjax)", allow_module_level=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    done = tmp_path_factory.mktemp("executed")
    for path in COURSE:
        nbformat.write(executed(path), done / path.name)
    out = tmp_path_factory.mktemp("site")
    r = subprocess.run([sys.executable, str(ROOT / "site" / "build.py"), "--mathjax", str(MATHJAX),
                        "--executed", str(done), "--out", str(out)], capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-4000:]
    return out / "_build" / "html"


def test_site_has_a_page_per_notebook_and_no_cdn(site):
    for path in COURSE:
        page = (site / f"{path.stem}.html").read_text()
        assert "cdn.jsdelivr.net" not in page and "cdnjs" not in page and "mathjax@" not in page
        assert page.count("mathjax/") == 1 and '_static/../mathjax/tex-chtml.js' in page, "one MathJax script, the bundled one"


def test_pages_offline_render_maths_and_images(site):
    pages = [site / "intro.html"] + [site / f"{p.stem}.html" for p in COURSE]
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            outside = []

            def only_files(route):
                if route.request.url.startswith("file:"):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            page.route("**/*", only_files)
            failed = []
            # A request the next page's navigation cancels (a font MathJax
            # asked for late, at load) fails with ERR_ABORTED: it is a
            # failure only when its file is missing.
            page.on("requestfailed", lambda r: failed.append((r.url, r.failure or "")))
            for html in pages:
                page.goto(html.as_uri(), wait_until="load", timeout=120_000)
                page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=60_000)
                page.evaluate("() => MathJax.startup.promise")
                page.evaluate("() => document.fonts.ready.then(() => true)")
                maths = page.evaluate("""() => {
                    const spans = Array.from(document.querySelectorAll('.math'));
                    return {spans: spans.length,
                            typeset: spans.filter(s => s.querySelector('mjx-container')).length,
                            errors: document.querySelectorAll('mjx-merror').length};
                }""")
                images = page.evaluate("""() => Array.from(document.querySelectorAll('main img')).map(
                    i => ({src: i.src, loaded: i.complete && i.naturalWidth > 0, alt: i.alt}))""")
                name = html.name
                if name != "intro.html":
                    assert maths["spans"] > 0, f"{name}: no maths on the page"
                    assert images, f"{name}: no images"
                assert maths["typeset"] == maths["spans"], f"{name}: {maths['spans'] - maths['typeset']} maths spans not typeset"
                assert maths["errors"] == 0, f"{name}: {maths['errors']} TeX errors"
                for img in images:
                    assert img["loaded"], f"{name}: image did not load: {img['src']}"
                    alt = img["alt"].strip()
                    assert len(alt) > 15 and not alt.endswith(".png"), f"{name}: image without a description: {img}"
            def missing(url, failure):
                if "ERR_ABORTED" not in failure or not url.startswith("file://"):
                    return True
                return not pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(url).path)).is_file()

            failed = [(u, f) for u, f in failed if missing(u, f)]
            assert not failed, f"requests that failed: {sorted(set(failed))[:10]}"
            # Search runs from the local index. (Over file:// the browser refuses the fetches
            # that would add a summary under each hit; the hits themselves are listed.)
            page.goto((site / "search.html").as_uri() + "?q=Polyak", wait_until="load", timeout=120_000)
            page.wait_for_selector("ul.search li", timeout=60_000)
            hits = [a.get_attribute("href") for a in page.locator("ul.search li a").all()]
            assert any(h.startswith("07-momentum") for h in hits), f"searching for Polyak found {hits}"
            assert not outside, f"pages asked for the network: {sorted(set(outside))[:10]}"
        finally:
            browser.close()


def test_make_html_page_offline(tmp_path):
    """A page as make html writes it (the offline template, MathJax 2 beside it) typesets its
    maths and shows its images with nothing from the network."""
    from nbconvert import HTMLExporter

    path = ROOT / "notebooks" / "07-momentum-rmsprop-clipping.ipynb"
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(ROOT / "notebooks" / "templates")],
                            mathjax_url="mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe")
    body, _ = exporter.from_notebook_node(executed(path))
    (tmp_path / "mathjax").symlink_to(MATHJAX2)
    page_file = tmp_path / "page.html"
    page_file.write_text(body)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            outside, failed = [], []
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else (outside.append(r.request.url), r.abort()))
            page.on("requestfailed", lambda r: failed.append(r.url))
            page.goto(page_file.as_uri(), wait_until="load", timeout=120_000)
            page.wait_for_function("() => window.MathJax && MathJax.Hub", timeout=60_000)
            page.evaluate("() => new Promise(done => MathJax.Hub.Queue(done))")
            got = page.evaluate("""() => ({typeset: document.querySelectorAll('.MathJax_CHTML').length,
                errors: document.querySelectorAll('.MathJax_Error').length,
                raw: (document.body.innerText.match(/[$][^$\\n]{1,40}[$]/g) || []).length,
                images: Array.from(document.images).map(i => i.complete && i.naturalWidth > 0 && i.alt.length > 15)})""")
            assert got["typeset"] > 20 and got["errors"] == 0 and got["raw"] == 0, got
            assert got["images"] and all(got["images"]), got["images"]
            assert not outside and not failed, (outside, failed)
        finally:
            browser.close()
