"""Crashes and interrupts that tell the truth, through jupyter_client.

Each test checks what the user sees (one clear cause, a notice of every
restart) and that nothing is lost without a word.
"""
import os
import signal
import time

from conftest import children, result_text, run, stream_text, wait_reaped


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def notices(msgs):
    return [line for line in stream_text(msgs, "stderr").splitlines() if line.startswith("[gocurve]")]


def test_interrupted_compiled_call_is_stopped(kernel):
    """A long compiled call ignores the interrupt; the worker running it is replaced."""
    km, kc = kernel
    assert run(kc, "kept := 7")[0]["status"] == "ok"
    # A compiled call of tens of seconds that never looks at the interrupt:
    # the eigendecomposition of a 3000x3000 symmetric matrix (a 4000x4000 Mul
    # is done in under a second on a quiet machine).
    msg_id = kc.execute('n := 3000\ndata := make([]float64, n*n)\nfloats.AddConst(1, data)\ns := mat.NewSymDense(n, data)\nvar e mat.EigenSym\nfmt.Println("factorizing")\ne.Factorize(s, true)\nfmt.Println("finished")')
    # Interrupt once the compiled call has started.
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if m["msg_type"] == "stream" and "factorizing" in m["content"]["text"]:
            break
    # Half a second on, the call is under way even on a loaded machine.
    time.sleep(0.5)
    workers = children(km.provisioner.process.pid)
    assert len(workers) == 1, workers
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=120)
    assert reply["parent_header"]["msg_id"] == msg_id
    content = reply["content"]
    assert content["ename"] == "Interrupted", content
    assert "worker process was stopped" in content["evalue"], content
    # The old worker is gone for real: nothing goes on computing.
    deadline = time.monotonic() + 30
    while alive(workers[0]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(workers[0]), "the interrupted worker is still running"
    assert children(km.provisioner.process.pid) != workers
    reply, msgs = run(kc, "kept")
    assert result_text(msgs) == "7", (reply, msgs)


def test_worker_dying_between_cells_is_announced(kernel):
    km, kc = kernel
    run(kc, "v := 42")
    workers = children(km.provisioner.process.pid)
    assert len(workers) == 1, workers
    os.kill(workers[0], signal.SIGKILL)
    wait_reaped(workers[0])
    reply, msgs = run(kc, "v + 1", timeout=120)
    said = notices(msgs)
    assert any("died after the last cell" in n and "killed" in n for n in said), (said, reply)
    assert any("restored" in n for n in said), said
    assert reply["status"] == "ok", reply
    assert result_text(msgs) == "43", (reply, said)


def test_interrupt_during_restore_is_queued(kernel):
    """An interrupt while a new worker restores the session stops the waiting cell, not the restore."""
    km, kc = kernel
    run(kc, "w := 5")
    # A session that takes a while to restore: many declarations.
    decls = "\n".join(f"func f{i}(x int) int {{ return x + {i} }}" for i in range(300))
    assert run(kc, decls, timeout=120)[0]["status"] == "ok"
    workers = children(km.provisioner.process.pid)
    os.kill(workers[0], signal.SIGKILL)
    wait_reaped(workers[0])
    msg_id = kc.execute("w + f3(0)")
    # Interrupts while the new worker starts and restores.
    for _ in range(5):
        time.sleep(0.05)
        km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=120)
    assert reply["parent_header"]["msg_id"] == msg_id
    content = reply["content"]
    # Whether the interrupt came during the restore or after it, the cell
    # is reported interrupted or it ran; the restored worker lives on.
    assert content["status"] in ("ok", "error"), content
    if content["status"] == "error":
        assert content["ename"] == "Interrupted", content
    # The restored worker lives on (the answer read from the shell reply).
    kc.execute("", user_expressions={"r": "w + f3(0)"})
    reply = kc.get_shell_msg(timeout=120)["content"]
    assert reply["user_expressions"]["r"].get("data", {}).get("text/plain") == "8", (reply, content)


def test_pointer_to_a_variable_survives_a_restore(kernel):
    """p := &x, then the worker dies: after the restore p still points at x, and the restore is announced."""
    km, kc = kernel
    run(kc, "px := 1\npp := &px")
    workers = children(km.provisioner.process.pid)
    os.kill(workers[0], signal.SIGKILL)
    wait_reaped(workers[0])
    reply, msgs = run(kc, "*pp = 7\npx", timeout=120)
    assert reply["status"] == "ok", reply
    assert any("restored" in n for n in notices(msgs)), notices(msgs)
    assert result_text(msgs) == "7", "p no longer points at x after the restore"


def test_closing_stdout_loses_nothing(kernel):
    """A cell that closes os.Stdout gets its worker replaced, and a file it opens gets no markers."""
    _, kc = kernel
    code = 'os.Stdout.Close()\nf, _ := os.CreateTemp("", "gocurve-*")\nname := f.Name()\ndisplay.Markdown("**during**")\nf.Close()'
    reply, msgs = run(kc, code, timeout=120)
    assert reply["status"] == "ok", reply
    assert any("closed os.Stdout" in n and "replaced" in n for n in notices(msgs)), notices(msgs)
    assert any(m["msg_type"] == "display_data" for m in msgs), msgs
    reply, msgs = run(kc, 'b, _ := os.ReadFile(name)\nos.Remove(name)\nfmt.Println("after close")\nlen(b)')
    assert reply["status"] == "ok", reply
    assert stream_text(msgs) == "after close\n", msgs
    assert result_text(msgs) == "0", "the file opened after the close received the kernel's markers"


def test_panic_in_kernel_code_is_a_bug_report(kernel):
    """A method with no receiver once panicked the cell parser and killed the worker."""
    km, kc = kernel
    run(kc, "u := 3")
    workers = children(km.provisioner.process.pid)
    reply, msgs = run(kc, "func()A()")
    assert reply["status"] == "error", reply
    assert "receiver" in reply["evalue"], reply
    assert children(km.provisioner.process.pid) == workers, "the worker was replaced"
    reply, msgs = run(kc, "u")
    assert result_text(msgs) == "3"


PARENT = r"""
import sys, time
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="gocurve", startup_timeout=60)
kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
print("kernel", km.provisioner.process.pid, flush=True)
time.sleep(3600)
"""


def test_kernel_dies_with_its_parent(tmp_path):
    """A front end killed with -9 leaves no kernel and no worker behind."""
    import subprocess
    import sys

    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        line = parent.stdout.readline()
        assert line.startswith("kernel "), line
        kernel_pid = int(line.split()[1])
        workers = children(kernel_pid)
        assert workers, "the kernel has no worker"
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 60
        while (alive(kernel_pid) or any(map(alive, workers))) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive(kernel_pid), "the kernel outlived its parent"
        assert not any(map(alive, workers)), "the worker outlived the kernel"
    finally:
        if parent.poll() is None:
            parent.kill()


def test_huge_display_is_capped(kernel):
    """40 MiB of HTML is replaced by a notice; displays after it still show."""
    _, kc = kernel
    reply, msgs = run(kc, 'display.HTML(strings.Repeat("<b>x</b>", 5<<20))\ndisplay.HTML("<i>small</i>")', timeout=120)
    assert reply["status"] == "ok", reply
    shown = [m["content"]["data"] for m in msgs if m["msg_type"] == "display_data"]
    assert len(shown) == 2, shown
    assert "was not shown" in shown[0]["text/plain"] and "text/html" not in shown[0], shown[0]
    assert shown[1]["text/html"] == "<i>small</i>", shown[1]
    assert sum(len(str(m["content"])) for m in msgs) < 1 << 20


def test_long_html_has_a_short_text_fallback(kernel):
    _, kc = kernel
    reply, msgs = run(kc, 'display.HTML(strings.Repeat("<p>row</p>", 10000))')
    data = [m["content"]["data"] for m in msgs if m["msg_type"] == "display_data"][0]
    assert len(data["text/html"]) == 100000
    assert data["text/plain"] == "<HTML, 100000 bytes>", data["text/plain"][:100]


def test_restore_names_what_it_lost(kernel):
    """A value too large to carry and aliasing that a restore breaks are named."""
    km, kc = kernel
    code = "big := mat.NewDense(1000, 1000, nil)\nsmall := 42\nxs := []float64{1, 2, 3}\nys := xs"
    assert run(kc, code)[0]["status"] == "ok"
    workers = children(km.provisioner.process.pid)
    os.kill(workers[0], signal.SIGKILL)
    wait_reaped(workers[0])
    reply, msgs = run(kc, "small", timeout=120)
    said = " ".join(notices(msgs))
    assert result_text(msgs) == "42", (reply, said)
    assert "big (*mat.Dense, 7.6 MiB) was not restored" in said, said
    assert "xs and ys shared memory" in said, said


def test_fatal_error_shows_one_cause(kernel):
    """Infinite recursion: one clear cause in the cell, the runtime's dump in the kernel log only."""
    _, kc = kernel
    run(kc, "kept := 11")
    reply, msgs = run(kc, "x := 0\nfunc down(n int) int { return down(n+1) + 1 }\ndown(0)", timeout=120)
    assert reply["ename"] == "WorkerCrash", reply
    assert "stack overflow" in reply["evalue"], reply
    assert "in the recursion of down (cell line 2)" in reply["evalue"], reply
    err = stream_text(msgs, "stderr")
    assert "goroutine" not in err and "yaegi" not in err and "runtime stack" not in err, err[:2000]
    reply, msgs = run(kc, "kept")
    assert result_text(msgs) == "11"
