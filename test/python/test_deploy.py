"""deploy/values.yaml, the Zero to JupyterHub values file: it parses, it uses the image
the Dockerfile builds, and its resource requests are the ones deploy/README.md
derives from the figures in BENCHMARKS.md (recomputed here from the tables)."""
import math
import pathlib
import re

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
VALUES = yaml.safe_load((ROOT / "deploy" / "values.yaml").read_text())
MiB = 1 << 20
# JupyterHub's ByteSpecification: K, M, G, T are powers of 1024.
UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def byte_spec(text):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMGT])", str(text))
    assert m, "not a JupyterHub byte specification: %r" % text
    return int(float(m.group(1)) * UNITS[m.group(2)])


def tables():
    """The Markdown tables of BENCHMARKS.md's JupyterHub section, as lists of row dicts."""
    text = (ROOT / "BENCHMARKS.md").read_text()
    section = text[text.index("## A class on JupyterHub"):]
    section = section[: section.find("\n## ", 3)] if "\n## " in section[3:] else section
    found, lines = [], []
    for line in section.splitlines() + [""]:
        if line.startswith("|"):
            lines.append([c.strip() for c in line.strip("|").split("|")])
        elif lines:
            head = lines[0]
            found.append([dict(zip(head, row)) for row in lines[2:]])
            lines = []
    return found


def table_with(column):
    hits = [t for t in tables() if t and column in t[0]]
    assert len(hits) == 1, "one table with a %r column in BENCHMARKS.md's JupyterHub section" % column
    return hits[0]


def gocurve_memory():
    rows = [r for r in table_with("server RSS") if r["kernel"] == "gocurve"]
    assert len(rows) == 1
    return {k: int(rows[0][k + " RSS"]) * MiB for k in ("server", "kernel", "worker")}


def round_up(x, step):
    return math.ceil(x / step) * step


def test_memory_requests_follow_the_figures():
    m = gocurve_memory()
    mem = VALUES["singleuser"]["memory"]
    assert byte_spec(mem["guarantee"]) == round_up(m["server"] + m["kernel"] + m["worker"], 64 * MiB)
    assert byte_spec(mem["limit"]) == round_up(m["server"] + 4 * (m["kernel"] + m["worker"]), 256 * MiB)


def test_cpu_guarantee_follows_the_cpu_a_class_used():
    rows = [r for r in table_with("p95") if r["kernel"] == "gocurve" and r["students active"] == "30" and r["CPU the class used"]]
    assert rows, "no 30-student gocurve row with the CPU the class used"
    cores = float(rows[-1]["CPU the class used"].split()[0])
    cpu = VALUES["singleuser"]["cpu"]
    assert cpu["guarantee"] == math.ceil(round(cores / 30 * 100, 6)) / 100
    assert cpu["limit"] == 1


def test_values_use_the_image_and_the_course_it_installs():
    single = VALUES["singleuser"]
    assert single["image"]["name"] and single["image"]["tag"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--uid %d " % single["uid"] in dockerfile
    cmd = single["lifecycleHooks"]["postStart"]["exec"]["command"]
    # The Dockerfile installs with --prefix /usr/local; install.sh puts the course in PREFIX/share/gocurve/course.
    assert cmd == ["cp", "-rn", "/usr/local/share/gocurve/course", "/home/jovyan/"]
    assert "share/gocurve/course" in (ROOT / "deploy" / "install.sh").read_text()
    assert single["defaultUrl"] == "/lab"
    assert VALUES["cull"]["enabled"] is True and VALUES["cull"]["timeout"] >= 600
