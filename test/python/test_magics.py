"""IPython-style magics through jupyter_client: each works, each misuse says what to write."""
import re
import threading
import time

import pytest

from conftest import result_text, run, stream_text

TIME = re.compile(r"CPU times: user [0-9.]+ [mµn]?s, sys: [0-9.]+ [mµn]?s, total: [0-9.]+ [mµn]?s\nWall time: [0-9.]+ [mµn]?s\n")


def test_time_and_timeit(kernel):
    _, kc = kernel
    reply, msgs = run(kc, "%time y := 6 * 7")
    assert reply["status"] == "ok" and TIME.fullmatch(stream_text(msgs)), stream_text(msgs)
    reply, msgs = run(kc, "%%time\nz := y + 1\nz")
    assert TIME.fullmatch(stream_text(msgs)) and result_text(msgs) == "43"
    reply, msgs = run(kc, "%timeit math.Sqrt(float64(y))")
    assert reply["status"] == "ok", reply
    assert re.fullmatch(r"[0-9.]+ [mµn]?s ± [0-9.]+ [mµn]?s per loop \(mean ± std\. dev\. of [3-7] runs, [0-9]+ loops? each\)\n",
                        stream_text(msgs)), stream_text(msgs)


@pytest.mark.parametrize("code, message", [
    ("%foo", "unknown magic %foo; %help lists them"),
    ("%time", "%time needs a statement"),
    ("%time f()\ng()", "to time a whole cell write %%time as its first line"),
    ("%%vars\nx", "%%vars is not a cell magic"),
    ("%vars extra", "%vars takes no arguments"),
    ("nosuch?", "nosuch: nothing by that name"),
    ("!echo a\nx := 1", "a cell of ! commands has only ! lines"),
])
def test_misuse_says_what_to_write(kernel, code, message):
    _, kc = kernel
    reply, msgs = run(kc, code)
    assert reply["status"] == "error" and reply["ename"] == "MagicError"
    assert message in reply["evalue"], reply["evalue"]


def test_inspect_vars_env_help(kernel):
    _, kc = kernel
    run(kc, 'lr := 0.05\nopt := "momentum"\nm := mat.NewDense(2, 2, []float64{1, 2, 3, 4})')
    _, msgs = run(kc, "lr?")
    assert result_text(msgs).endswith("value: 0.05")
    _, msgs = run(kc, "?m")
    assert "*mat.Dense" in result_text(msgs) and "value: mat.Dense 2×2" in result_text(msgs)
    _, msgs = run(kc, "hessian.Gradient?")
    assert result_text(msgs).startswith("func Gradient(")
    _, msgs = run(kc, "%vars")
    rows = [line.split(None, 2) for line in result_text(msgs).splitlines()]
    assert rows[0] == ["name", "type", "value"]
    assert ["lr", "float64", "0.05"] in rows and ["opt", "string", "momentum"] in rows
    assert any(r[0] == "m" and r[1] == "*mat.Dense" for r in rows)
    _, msgs = run(kc, "%env GOCURVE_TEST_VALUE=42")
    assert stream_text(msgs) == "env: GOCURVE_TEST_VALUE=42\n"
    _, msgs = run(kc, '%env GOCURVE_TEST_VALUE')
    assert stream_text(msgs) == "42\n"
    _, msgs = run(kc, 'fmt.Println(os.Getenv("GOCURVE_TEST_VALUE"))')
    assert stream_text(msgs) == "42\n"
    _, msgs = run(kc, "%help")
    for name in ("%time", "%timeit", "%vars", "%env", "%help", "name?", "!cmd"):
        assert name in result_text(msgs)


def test_shell(kernel, tmp_path):
    km, kc = kernel
    run(kc, 'done := false')
    _, msgs = run(kc, "!done")  # Go: done is declared
    assert result_text(msgs) == "true"
    _, msgs = run(kc, "!echo $GOCURVE_SHELL_CHECK hello; pwd; echo oops >&2\n!exit 3")
    out = stream_text(msgs)
    assert out.startswith(" hello\n") or out.startswith("hello\n")
    assert "oops" in stream_text(msgs, "stderr") and "exit status 3" in stream_text(msgs, "stderr")


def test_shell_streams_and_stops_on_interrupt(kernel):
    km, kc = kernel
    seen = []

    def hook(m):
        if m["msg_type"] == "stream":
            seen.append((time.monotonic(), m["content"]["text"]))

    def interrupt_when_started():
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any("started" in t for _, t in seen):
            time.sleep(0.05)
        km.interrupt_kernel()

    t = threading.Thread(target=interrupt_when_started)
    t.start()
    reply = kc.execute_interactive("!echo started; sleep 60; echo finished", timeout=60, output_hook=hook)
    t.join()
    text = "".join(s for _, s in seen)
    # "started" arrived while the command ran (the interrupt waited for it).
    assert "started" in text and "finished" not in text
    assert reply["content"]["status"] == "error" and "interrupted" in reply["content"]["evalue"]
    reply, msgs = run(kc, 'fmt.Println("still here")')
    assert stream_text(msgs) == "still here\n"


def test_completion_and_is_complete_on_magics(kernel):
    _, kc = kernel
    kc.complete("%tim", 4)
    r = kc.get_shell_msg(timeout=10)["content"]
    assert r["matches"] == ["time", "timeit"] and (r["cursor_start"], r["cursor_end"]) == (1, 4)
    code = "%time math.Sq"
    kc.complete(code, len(code))
    r = kc.get_shell_msg(timeout=10)["content"]
    assert "math.Sqrt" in r["matches"] and r["cursor_start"] == len("%time ")
    for code, status in [("%%time\nfor {", "incomplete"), ("%vars", "complete"), ("!ls", "complete"), ("x?", "complete")]:
        kc.is_complete(code)
        assert kc.get_shell_msg(timeout=10)["content"]["status"] == status, code
