"""The kernel through jupyter_client: crash containment, interrupts, stdin, ordering, limits."""
import os
import signal
import threading
import time

import pytest

from conftest import children, result_text, run, running, stream_text


def test_state_persists_across_cells(kernel):
    _, kc = kernel
    reply, _ = run(kc, "x := 20")
    assert reply["status"] == "ok", reply
    reply, msgs = run(kc, "x * 2 + 2")
    assert reply["status"] == "ok"
    assert result_text(msgs) == "42"


# Each of these would end a plain Go process. The cell must say what happened and
# the session must go on with its earlier variables. (status, words the report must contain)
CRASHES = [
    ("infinite recursion", "func down(n int) int { return down(n+1) + 1 }\ndown(0)", "error", "stack overflow"),
    # The session recovers panics in goroutines a cell starts and reports them on stderr.
    ("panic in a goroutine", 'go func() { var m map[string]int; m["x"] = 1 }()\ntime.Sleep(time.Second)', "ok", "nil map"),
    ("os.Exit", "os.Exit(3)", "error", "exit status 3"),
    ("log.Fatal", 'log.Fatal("bad")', "error", "bad"),
]


@pytest.mark.parametrize("name,code,status,cause", CRASHES, ids=[c[0] for c in CRASHES])
def test_worker_crash_is_contained(kernel, name, code, status, cause):
    _, kc = kernel
    assert run(kc, 'kept := "still here"')[0]["status"] == "ok"
    reply, msgs = run(kc, code, timeout=120)
    assert reply["status"] == status, reply
    text = reply.get("evalue", "") + " ".join(reply.get("traceback", [])) + stream_text(msgs, "stderr")
    assert cause in text.lower(), (name, reply, stream_text(msgs, "stderr"))
    reply, msgs = run(kc, "kept")
    assert reply["status"] == "ok", reply
    assert "still here" in result_text(msgs)


def test_out_of_memory_is_contained(kernel):
    _, kc = kernel
    code = "var keep [][]byte\nfor {\n\tkeep = append(keep, make([]byte, 256<<20))\n\tfor i := range keep[len(keep)-1] { keep[len(keep)-1][i] = 1 }\n}"
    # The worker's memory limit (GOCURVE_WORKER_MEMORY, set small for this test run) stops it.
    reply, msgs = run(kc, code, timeout=300)
    assert reply["status"] == "error"
    # One cause with the limit; the runtime's dump goes to the kernel log only.
    assert "out of memory: the worker may use 2048.0 MiB (GOCURVE_WORKER_MEMORY)" in reply["evalue"], reply
    err = stream_text(msgs, "stderr")
    assert "goroutine" not in err and "runtime stack" not in err, err[:2000]
    reply, _ = run(kc, "1 + 1")
    assert reply["status"] == "ok"


@pytest.mark.parametrize("how", ["message", "sigint"])
def test_interrupt_infinite_loop(kernel, how):
    km, kc = kernel
    run(kc, "y := 7")
    msg_id = running(kc, 'fmt.Println("looping")\nfor {}', "looping")
    start = time.monotonic()
    if how == "message":
        km.interrupt_kernel()
    else:
        os.kill(km.provisioner.process.pid, signal.SIGINT)
    reply = kc.get_shell_msg(timeout=30)
    elapsed = time.monotonic() - start
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    print(f"interrupt by {how}: for {{}} stopped after {elapsed:.3f}s")
    reply, msgs = run(kc, "y * 6")
    assert result_text(msgs) == "42", reply


def test_interrupt_uncooperative_compiled_call(kernel):
    km, kc = kernel
    run(kc, "z := 5")
    running(kc, 'fmt.Println("sleeping")\ntime.Sleep(time.Hour)', "sleeping")
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    assert reply["content"]["ename"] == "Interrupted", reply["content"]
    reply, msgs = run(kc, "z")
    assert result_text(msgs) == "5", reply


def test_stdin_input_request(kernel):
    _, kc = kernel
    asked = []

    def answer(msg):
        asked.append(msg)
        kc.input("Ada")

    reply, msgs = run(kc, 'var name string\nfmt.Print("name? ")\nfmt.Scanln(&name)\nfmt.Println("hello,", name)', allow_stdin=True, stdin_hook=answer)
    assert reply["status"] == "ok", reply
    assert asked, "no input_request"
    assert stream_text(msgs).endswith("hello, Ada\n")


def test_stdin_refused_when_not_allowed(kernel):
    _, kc = kernel
    reply, msgs = run(kc, 'var s string\n_, err := fmt.Scanln(&s)\nfmt.Println("err:", err)', allow_stdin=False)
    assert "not available" in stream_text(msgs) or "allow_stdin" in stream_text(msgs) or reply["status"] == "error", (reply, msgs)


def test_print_and_display_keep_their_order(kernel):
    _, kc = kernel
    code = 'for i := range 5 {\n\tfmt.Println("print", i)\n\tdisplay.Markdown(fmt.Sprint("display ", i))\n}\nfmt.Fprintln(os.Stderr, "done")'
    reply, msgs = run(kc, code)
    assert reply["status"] == "ok", reply
    seq = []
    for m in msgs:
        if m["msg_type"] == "stream":
            seq += [line for line in m["content"]["text"].splitlines() if line]
        elif m["msg_type"] == "display_data":
            seq.append(m["content"]["data"]["text/markdown"])
    want = []
    for i in range(5):
        want += [f"print {i}", f"display {i}"]
    assert seq == want + ["done"]


def test_huge_output_is_capped_and_kernel_stays_responsive(kernel):
    _, kc = kernel
    start = time.monotonic()
    reply, msgs = run(kc, 'line := strings.Repeat("x", 1023) + "\\n"\nfor i := 0; i < 100*1024; i++ { fmt.Print(line) }', timeout=300)
    took = time.monotonic() - start
    assert reply["status"] == "ok", reply
    out = stream_text(msgs) + stream_text(msgs, "stderr")
    assert len(out) < 8 << 20, len(out)
    assert "output truncated" in out and "dropped" in out
    print(f"100 MiB printed in {took:.1f}s, {len(out)} characters published")
    reply, msgs = run(kc, "1 + 1")
    assert result_text(msgs) == "2"


def test_progress_updates_are_rate_limited(kernel):
    _, kc = kernel
    reply, msgs = run(kc, 'pb := display.NewProgress(10000, "loop")\nfor i := 0; i < 10000; i++ { pb.Set(i + 1) }\npb.Done()')
    assert reply["status"] == "ok", reply
    updates = [m for m in msgs if m["msg_type"] in ("display_data", "update_display_data")]
    assert 1 <= len(updates) <= 60, len(updates)
    last = updates[-1]["content"]["data"]["text/plain"]
    assert "10000" in last


def test_stop_on_error_aborts_queued(kernel):
    _, kc = kernel
    # The first cell fails only once the second is queued, however loaded the
    # machine: it waits for input until the kernel has answered a request sent
    # after the second (the kernel reads shell requests in the order sent).
    bad = kc.execute('var s string\nfmt.Scanln(&s)\npanic("first")', allow_stdin=True)
    queued = kc.execute('fmt.Println("never")')
    info = kc.kernel_info()
    replies = {}
    while info not in replies:
        msg = kc.get_shell_msg(timeout=60)
        replies[msg["parent_header"]["msg_id"]] = msg["content"]
    assert kc.get_stdin_msg(timeout=60)["msg_type"] == "input_request"
    kc.input("x")
    # (a loaded start may leave a reply to one of wait_for_ready's own
    # kernel_info requests on the channel: it is not one of these)
    while not {bad, queued} <= replies.keys():
        msg = kc.get_shell_msg(timeout=60)
        replies[msg["parent_header"]["msg_id"]] = msg["content"]
    assert replies[bad]["status"] == "error"
    assert replies[queued]["status"] == "aborted"


def test_complete_while_busy(kernel):
    _, kc = kernel
    running(kc, 'fmt.Println("looping")\nfor {}', "looping")
    start = time.monotonic()
    reply = kc.complete("hessian.", 8, reply=True, timeout=10)
    took = time.monotonic() - start
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["matches"], "no completions while a cell runs"
    print(f"completion during a busy cell answered in {took * 1000:.1f} ms")


def test_complete_and_inspect_from_the_model_while_busy(kernel):
    """The kernel answers from the cells' type model, without the worker: a
    method promoted through embedding, a generic call's inferred type."""
    _, kc = kernel
    reply, _ = run(kc, "type Base struct{ ID int }\n\n// Hello greets.\nfunc (b *Base) Hello() string { return \"hi\" }\n\ntype Derived struct{ Base }\n\nd := Derived{}")
    assert reply["status"] == "ok", reply
    running(kc, 'fmt.Println("looping")\nfor {}', "looping")
    code = "func first[T any](xs []T) T { return xs[0] }\nv := first([]Derived{d})\nv."
    reply = kc.complete(code, len(code), reply=True, timeout=10)["content"]
    assert reply["status"] == "ok" and reply["matches"] == ["v.Base", "v.Hello", "v.ID"], reply
    code = "d.Hello()"
    reply = kc.inspect(code, 4, reply=True, timeout=10)["content"]
    text = reply["data"]["text/plain"]
    assert reply["found"] and "func (b *Base) Hello() string" in text and "Hello greets." in text, reply


def test_worker_killed_from_outside(kernel):
    km, kc = kernel
    run(kc, "v := 99")
    msg_id = running(kc, 'fmt.Println("sleeping")\ntime.Sleep(30 * time.Second)', "sleeping")
    workers = children(km.provisioner.process.pid)
    assert len(workers) == 1, workers
    os.kill(workers[0], signal.SIGKILL)
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["ename"] == "WorkerCrash", reply["content"]
    assert "killed" in reply["content"]["evalue"], reply["content"]
    reply, msgs = run(kc, "v + 1")
    assert result_text(msgs) == "100", reply
    assert children(km.provisioner.process.pid) != workers, "the dead worker was not replaced"


def test_interrupt_while_waiting_for_input(kernel):
    """An interrupted input request must not swallow the next cell's input."""
    km, kc = kernel
    msg_id = kc.execute('var s string\nfmt.Scanln(&s)', allow_stdin=True)
    req = kc.get_stdin_msg(timeout=30)
    assert req["msg_type"] == "input_request"
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error"

    def answer(msg):
        kc.input("second")

    reply, msgs = run(kc, 'var t string\nfmt.Scanln(&t)\nfmt.Println("got", t)', allow_stdin=True, stdin_hook=answer)
    assert reply["status"] == "ok", reply
    assert "got second" in stream_text(msgs)
