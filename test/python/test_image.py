"""The container image and Binder run deploy/install.sh; Docker has no daemon here, so
these tests run the same script outside Docker into a temporary prefix and use what it
installed: a kernel started by jupyter_client from that prefix runs cells, and the course
is there byte for byte. The image and Binder files are checked to run that script with a
Go at least as new as go.mod asks for."""
import json
import os
import pathlib
import re
import shutil
import subprocess

import jupyter_client
import pytest
import yaml
from jupyter_client.kernelspec import KernelSpecManager

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "install.sh"


def version(text):
    return tuple(int(p) for p in text.split("."))


GO_MOD = version(re.search(r"^go (\S+)$", (ROOT / "go.mod").read_text(), re.M).group(1))


@pytest.fixture(scope="module")
def prefix(tmp_path_factory):
    dest = tmp_path_factory.mktemp("prefix")
    r = subprocess.run([str(SCRIPT), "--prefix", str(dest)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    return dest


def test_kernelspec_is_self_contained(prefix):
    spec_dir = prefix / "share" / "jupyter" / "kernels" / "gocurve"
    spec = json.loads((spec_dir / "kernel.json").read_text())
    binary = pathlib.Path(spec["argv"][0])
    assert binary.parent == spec_dir and os.access(binary, os.X_OK)
    assert spec["argv"][1:] == ["kernel", "-f", "{connection_file}"]
    assert spec["display_name"] == "Go (gocurve)" and spec["language"] == "go"
    assert {"logo-32x32.png", "logo-64x64.png"} <= {p.name for p in spec_dir.iterdir()}


def test_course_is_installed(prefix):
    course = prefix / "share" / "gocurve" / "course"
    want = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert want and sorted(p.name for p in course.glob("*.ipynb")) == want
    for name in want + ["README.md"]:
        assert (course / name).read_bytes() == (ROOT / "notebooks" / name).read_bytes(), name


def test_kernel_from_prefix_runs_cells(prefix):
    ksm = KernelSpecManager(kernel_dirs=[str(prefix / "share" / "jupyter" / "kernels")])
    assert pathlib.Path(ksm.get_kernel_spec("gocurve").resource_dir).is_relative_to(prefix)
    km = jupyter_client.KernelManager(kernel_name="gocurve", kernel_spec_manager=ksm)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        outs = []
        reply = kc.execute_interactive(
            "H := hessian.Hessian(nil, func(x []float64) float64 { return x[0]*x[0]*x[1] }, []float64{2, 3}, nil)\n"
            "fmt.Printf(\"%.6f %.6f %.6f\\n\", H.At(0, 0), H.At(0, 1), H.At(1, 1))\n"
            "viz.Quadratic(mat.NewSymDense(2, []float64{2, 0, 0, 1}), viz.Box{XMin: -1, XMax: 1, YMin: -1, YMax: 1}, nil)",
            timeout=60,
            output_hook=outs.append,
        )
        assert reply["content"]["status"] == "ok", reply["content"]
        text = "".join(m["content"]["text"] for m in outs if m["msg_type"] == "stream")
        # ∂²(x²y) = [[2y, 2x], [2x, 0]] at (2, 3)
        assert text == "6.000000 4.000000 0.000000\n"
        images = [m for m in outs if m["msg_type"] in ("display_data", "execute_result")
                  and {"image/png", "image/svg+xml"} & set(m["content"]["data"])]
        assert len(images) == 1
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_script_refuses_without_go(tmp_path):
    env = dict(os.environ, PATH=os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if not (pathlib.Path(p) / "go").exists()))
    assert shutil.which("go", path=env["PATH"]) is None
    r = subprocess.run([str(SCRIPT), "--prefix", str(tmp_path)], capture_output=True, text=True, env=env)
    assert r.returncode == 1
    assert "no go on PATH; gocurve needs Go %s or newer" % ".".join(map(str, GO_MOD)) in r.stderr
    assert not (tmp_path / "share").exists()


def test_dockerfile_runs_the_script_with_a_new_enough_go():
    text = (ROOT / "Dockerfile").read_text()
    froms = re.findall(r"^FROM (\S+)", text, re.M)
    assert all(re.search(r":[0-9]", f) for f in froms), "every base image is pinned to a version: %s" % froms
    go_tag = re.search(r"^FROM golang:([0-9.]+)-", text, re.M).group(1)
    assert version(go_tag)[:2] >= GO_MOD[:2]
    assert re.search(r"^RUN deploy/install\.sh --prefix /usr/local$", text, re.M)
    # The final stage copies what the script installed under the same paths kernel.json names.
    assert "COPY --from=build /usr/local/share/jupyter/kernels/gocurve /usr/local/share/jupyter/kernels/gocurve" in text
    assert "-c /tmp/pins.txt jupyterlab jupyterhub" in text


def test_binder_runs_the_script_with_a_new_enough_go():
    env = yaml.safe_load((ROOT / "binder" / "environment.yml").read_text())
    go = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("go=")]
    assert len(go) == 1 and version(go[0][3:])[:2] >= GO_MOD[:2]
    post = ROOT / "binder" / "postBuild"
    assert os.access(post, os.X_OK)
    assert '"$(dirname "$0")/../deploy/install.sh"' in post.read_text()
