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
    settle(kc)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def settle(kc, timeout=60):
    """Wait until both of kc's channels reach the kernel now running, after a start or a restart.

    wait_for_ready sends a kernel_info request each second none is answered and
    returns at the first reply once any message comes on iopub: on a loaded
    machine the others' replies are still to come on the shell channel, where a
    test reading "the next reply" would take one; and after a restart the iopub
    message it saw may be one the old kernel sent, while the subscription to
    the new one is not yet made, so the first cell's output would be lost. Here
    a kernel_info request counts only when its own reply came on shell and its
    own idle status on iopub; the kernel answers shell requests in order, so
    the replies of earlier requests are read on the way.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg_id = kc.kernel_info()
        replied = idle = False
        attempt = min(deadline, time.monotonic() + 2)
        while not (replied and idle) and time.monotonic() < attempt:
            if not replied:
                try:
                    replied = kc.get_shell_msg(timeout=0.05)["parent_header"].get("msg_id") == msg_id
                except queue.Empty:
                    pass
            try:
                m = kc.get_iopub_msg(timeout=0.05)
            except queue.Empty:
                continue
            idle = idle or (
                m["parent_header"].get("msg_id") == msg_id
                and m["msg_type"] == "status"
                and m["content"]["execution_state"] == "idle"
            )
        if replied and idle:
            return
        if replied:
            continue  # the idle status went out before iopub was subscribed: ask again
        # no reply yet: read up to it before asking again, so none is left behind
        while kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))["parent_header"].get("msg_id") != msg_id:
            pass
    raise TimeoutError(f"the kernel's channels did not settle in {timeout} s")


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
