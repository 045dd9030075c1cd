"""A class of five on a real JupyterHub (see classroom.py): every student logs in
through the Hub's REST API, starts a server, and runs a course notebook and the
homework at the same time as the others, through the server's websocket as
JupyterLab does. Every cell's outputs must equal those nbclient gets from the same
notebook on a kernel of its own. Then idle kernels and idle servers are culled by
the standard cullers (jupyter_server's kernel culler, jupyterhub-idle-culler as a Hub
service) while an active student is left alone, and all come back when used."""
import concurrent.futures
import pathlib
import threading

import nbformat
import pytest
from nbclient import NotebookClient

from classroom import Hub, code_cells, comparable, wait_for

ROOT = pathlib.Path(__file__).resolve().parents[2]
COURSE = ROOT / "notebooks" / "01-derivatives-and-the-quadratic-model.ipynb"
HOMEWORK = ROOT / "homework" / "source" / "ps01" / "ps01.ipynb"  # a problem set, solved (the instructor version)
NOTEBOOKS = {"course/" + COURSE.name: COURSE, "course/homework.ipynb": HOMEWORK}
STUDENTS = 5
# s without a client and without activity. Well above the time a kernel
# can take, five starting at once on a loaded machine, between its start
# and its client's websocket: with 6 s the culler once took a kernel in
# that gap and test 1 saw its websocket closed; with 20 s, at load 10–12
# (a clean-clone run beside the oracles), it took one again, and the
# socket opened again found the kernel gone (404).
KERNEL_CULL_IDLE = 60
SERVER_CULL_IDLE = 15  # s of no activity the Hub knows of
ACTIVITY_INTERVAL = 2  # s between the Hub's activity updates


@pytest.fixture(scope="module")
def reference():
    """Each notebook's outputs from nbclient on a kernel of its own (no error allowed)."""
    refs = {}
    for path, source in NOTEBOOKS.items():
        nb = nbformat.read(source, as_version=4)
        NotebookClient(nb, timeout=300, kernel_name="gocurve", allow_errors=False).execute()
        refs[path] = [(c.source, comparable(c.outputs)) for c in nb.cells if c.cell_type == "code"]
        assert len(refs[path]) == len(code_cells(source))
    return refs


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    with Hub(tmp_path_factory.mktemp("hub"), kernel_cull_idle=KERNEL_CULL_IDLE, activity_interval=ACTIVITY_INTERVAL) as h:
        h.students = [h.login("student%d" % i) for i in range(STUDENTS)]
        # The servers start while the reference notebooks run; test 1 waits for them.
        for s in h.students:
            s.request_server()
        yield h


def run_notebooks(student, reference, kernels):
    """Run every notebook's cells in a kernel of its own, appended to kernels (left
    open: a kernel with a client is never culled); return path → [(status, outputs)]."""
    got = {}
    for path, cells in reference.items():
        k = student.open(path)
        kernels.append(k)
        k.wait_ready()
        got[path] = []
        for source, _ in cells:
            reply, outs = k.execute(source)
            got[path].append((reply["status"], comparable(outs)))
    return got


def test_a_class_runs_the_course_at_once(hub, reference):
    for s in hub.students:
        s.wait_ready()
    kernels = {s.name: [] for s in hub.students}
    try:
        with concurrent.futures.ThreadPoolExecutor(STUDENTS) as pool:
            results = list(pool.map(lambda s: run_notebooks(s, reference, kernels[s.name]), hub.students))
        # Each student has two kernels, each with its own worker, under their own server.
        for s in hub.students:
            assert len(s.kernels()) == 2
            assert [p.name() for p in hub.processes(s.name)].count("gocurve") == 4
    finally:
        for k in sum(kernels.values(), []):
            k.close()
    for student, got in zip(hub.students, results):
        for path, cells in reference.items():
            assert len(got[path]) == len(cells)
            for i, ((source, want), (status, outs)) in enumerate(zip(cells, got[path])):
                assert status == "ok", (student.name, path, i, source[:80], outs)
                assert outs == want, (student.name, path, i, source[:80])


def first_cell_runs(student, reference):
    path = next(iter(reference))
    source, want = reference[path][0]
    k = student.open(path)
    try:
        k.wait_ready()
        reply, outs = k.execute(source)
    finally:
        k.close()
    assert reply["status"] == "ok" and comparable(outs) == want, (student.name, outs)


def test_idle_kernels_are_culled_and_come_back(hub, reference):
    for s in hub.students:
        wait_for("%s's idle kernels culled" % s.name, lambda: s.kernels() == [], timeout=120, every=1)
        # The kernels and their workers (processes named gocurve) have exited, the server not.
        wait_for("%s's kernel processes gone" % s.name, lambda: not [p for p in hub.processes(s.name) if p.name() == "gocurve"], timeout=60)
        assert len(hub.processes(s.name)) == 1, "only the server is left"
    for s in hub.students:
        first_cell_runs(s, reference)


def test_idle_servers_are_culled_and_come_back(hub, reference):
    active, idle = hub.students[0], hub.students[1:]
    stop = threading.Event()
    ran = []

    def keep_working():
        k = active.open("course/scratch.ipynb")
        try:
            k.wait_ready()
            i = 0
            while not stop.wait(1):
                i += 1
                reply, outs = k.execute("fmt.Println(%d * %d)" % (i, i))
                ran.append((reply["status"], comparable(outs), i))
        finally:
            k.close()

    worker = threading.Thread(target=keep_working)
    worker.start()
    try:
        hub.start_culler(timeout=SERVER_CULL_IDLE, every=2)
        for s in idle:
            wait_for("%s's idle server culled" % s.name, lambda: not s.has_server(), timeout=240, every=1)
            wait_for("%s's processes gone" % s.name, lambda: not hub.processes(s.name), timeout=60)
        assert active.has_server(), "the culler stopped a server in use"
    finally:
        stop.set()
        worker.join()
        # A server takes longer to start on a loaded machine than this test's short
        # timeout, so the culler would stop it again at once: the culling is done.
        hub.stop_culler()
    assert ran, "the active student ran no cell"
    for status, outs, i in ran:
        assert status == "ok" and outs == [("stream", "stdout", "%d\n" % (i * i))], (i, outs)
    for s in idle:
        s.request_server()
    for s in idle:
        s.wait_ready()
        first_cell_runs(s, reference)
