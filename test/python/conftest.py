"""Shared fixtures: a gocurve kernel started by jupyter_client from the installed kernelspec,
and the course notebooks executed once per session (test_course and test_site both use them)."""
import os
import queue
import time

import jupyter_client
import nbformat
import pytest
from nbclient import NotebookClient

KERNEL = "gocurve"

# Keep runaway cells small in tests: the worker's address-space limit (bytes).
os.environ.setdefault("GOCURVE_WORKER_MEMORY", str(2 << 30))


_executed = {}


def executed(path):
    """The notebook at path after one nbclient run with the gocurve kernel (cached for the session)."""
    if path not in _executed:
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=300, kernel_name=KERNEL, allow_errors=False).execute()
        _executed[path] = nb
    return _executed[path]


@pytest.fixture
def kernel():
    """A fresh kernel and a blocking client; shut down after the test."""
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
    # wait_for_ready sends a kernel_info request each second none is answered
    # and returns at the first reply: on a loaded machine the others' replies
    # are still to come on the shell channel, where a test reading "the next
    # reply" would take one. The kernel answers shell requests in order, so
    # reading up to the reply of one more request leaves the channel empty.
    last = kc.kernel_info()
    while kc.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != last:
        pass
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def run(kc, code, timeout=60, allow_stdin=False, stdin_hook=None):
    """Execute code; return (reply content, list of iopub messages up to idle)."""
    msgs = []
    reply = kc.execute_interactive(
        code,
        timeout=timeout,
        allow_stdin=allow_stdin,
        output_hook=msgs.append,
        stdin_hook=stdin_hook,
    )
    return reply["content"], msgs


def stream_text(msgs, name="stdout"):
    return "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def result_text(msgs):
    for m in msgs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"].get("text/plain", "")
    return None


def running(kc, code, marker, timeout=60):
    """Send code, which prints marker before anything else, and return its msg_id
    once marker has come back on iopub: the cell is then running in the worker, so
    an interrupt or a kill sent now is for it, however loaded the machine."""
    msg_id = kc.execute(code)
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"{marker!r} not printed within {timeout} s")
        try:
            m = kc.get_iopub_msg(timeout=left)
        except queue.Empty:
            continue
        if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream"
                and marker in m["content"]["text"]):
            return msg_id


def wait_reaped(pid, timeout=30):
    """Wait until process pid is gone, reaped by its parent: a worker the kernel has
    seen die (a zombie is not yet seen)."""
    deadline = time.monotonic() + timeout
    while os.path.exists(f"/proc/{pid}"):
        if time.monotonic() > deadline:
            raise AssertionError(f"process {pid} not reaped within {timeout} s")
        time.sleep(0.02)


def drain(kc, seconds=0.2):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            kc.get_iopub_msg(timeout=0.05)
        except queue.Empty:
            pass


def children(pid):
    """Child process ids of pid, from /proc."""
    kids = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as f:
            kids += [int(x) for x in f.read().split()]
    return kids
