"""JupyterLab's debugger protocol on a real gocurve kernel: DAP requests in debug_request on
the control channel, events in debug_event on iopub, the sequence JupyterLab sends."""
import os
import queue
import signal
import time

import pytest

from conftest import children, run, settle, stream_text

FUNC_CELL = "func grad(x float64) float64 {\n\tg := 2 * x\n\treturn g\n}"

GD_CELL = """theta := 5.0
lr := 0.25
for k := 0; k < 3; k++ {
	g := grad(theta)
	theta = theta - lr*g
}
fmt.Println("theta", theta)"""


class Debugger:
    """A DAP client over the kernel's control channel, as JupyterLab's debugger service is."""

    def __init__(self, kc):
        self.kc = kc
        self.seq = 0
        self.events = []

    def request(self, command, arguments=None, ok=True):
        self.seq += 1
        content = {"type": "request", "seq": self.seq, "command": command, "arguments": arguments or {}}
        msg = self.kc.session.msg("debug_request", content)
        self.kc.control_channel.send(msg)
        deadline = time.time() + 30
        while time.time() < deadline:
            reply = self.kc.control_channel.get_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                break
        assert reply["msg_type"] == "debug_reply"
        body = reply["content"]
        assert body["request_seq"] == self.seq and body["command"] == command
        if ok:
            assert body["success"], body
        return body

    def event(self, name, timeout=30):
        """The next debug_event named name (earlier ones of other names are kept)."""
        for i, e in enumerate(self.events):
            if e["event"] == name:
                return self.events.pop(i)
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                m = self.kc.get_iopub_msg(timeout=0.5)
            except queue.Empty:
                continue
            if m["msg_type"] != "debug_event":
                continue
            if m["content"]["event"] == name:
                return m["content"]
            self.events.append(m["content"])
        raise AssertionError(f"no {name} event within {timeout} s")

    def top(self):
        frames = self.request("stackTrace", {"threadId": 1})["body"]["stackFrames"]
        return frames

    def variables(self, frame_id):
        out = {}
        for scope in self.request("scopes", {"frameId": frame_id})["body"]["scopes"]:
            for v in self.request("variables", {"variablesReference": scope["variablesReference"]})["body"]["variables"]:
                out.setdefault(v["name"], v["value"])
        return out


def start(kc):
    d = Debugger(kc)
    init = d.request("initialize", {"clientID": "test", "adapterID": "gocurve", "pathFormat": "path",
                                    "linesStartAt1": True, "columnsStartAt1": True})
    assert init["body"]["supportsConfigurationDoneRequest"]
    d.request("attach")
    d.request("configurationDone")
    return d


def test_kernel_info_advertises_debugger(kernel):
    _, kc = kernel
    assert kc.kernel_info(reply=True)["content"]["debugger"] is True


def test_breakpoint_step_continue(kernel):
    _, kc = kernel
    d = start(kc)
    info = d.request("debugInfo")["body"]
    assert info["isStarted"] and info["hashMethod"] == "Murmur2" and info["stoppedThreads"] == []
    func_path = d.request("dumpCell", {"code": FUNC_CELL})["body"]["sourcePath"]
    assert func_path.startswith(info["tmpFilePrefix"]) and func_path.endswith(info["tmpFileSuffix"])
    reply, _ = run(kc, FUNC_CELL)
    assert reply["status"] == "ok"

    path = d.request("dumpCell", {"code": GD_CELL})["body"]["sourcePath"]
    assert path == d.request("dumpCell", {"code": GD_CELL})["body"]["sourcePath"], "a cell's path is stable"
    bps = d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 4}], "sourceModified": False})
    assert [b["verified"] for b in bps["body"]["breakpoints"]] == [True]
    assert d.request("debugInfo")["body"]["breakpoints"] == [{"source": path, "breakpoints": [{"line": 4}]}]

    msg_id = kc.execute(GD_CELL)
    stopped = d.event("stopped")
    assert stopped["body"]["reason"] == "breakpoint"
    thread = stopped["body"]["threadId"]
    assert d.request("debugInfo")["body"]["stoppedThreads"] == [thread]
    frames = d.top()
    assert frames[0]["line"] == 4 and frames[0]["source"]["path"] == path
    v = d.variables(frames[0]["id"])
    assert v["theta"] == "5" and v["k"] == "0" and v["lr"] == "0.25"
    rich = d.request("richInspectVariables", {"variableName": "theta", "frameId": frames[0]["id"]})["body"]
    assert rich["data"]["text/plain"] == "5"

    # next runs line 4 (the call) and stops on line 5 before theta changes.
    d.request("next", {"threadId": thread})
    d.event("continued")
    d.event("stopped")
    frames = d.top()
    assert frames[0]["line"] == 5
    v = d.variables(frames[0]["id"])
    assert v["theta"] == "5" and v["g"] == "10"
    # On to the next iteration's call, then into grad (declared in the earlier cell) and out.
    for _ in range(2):
        d.request("next", {"threadId": thread})
        d.event("stopped")
    assert d.top()[0]["line"] == 4
    d.request("stepIn", {"threadId": thread})
    d.event("stopped")
    frames = d.top()
    assert frames[0]["name"] == "grad" and frames[0]["source"]["path"] == func_path and frames[0]["line"] == 2
    assert d.variables(frames[0]["id"])["x"] == "2.5"
    d.request("stepOut", {"threadId": thread})
    d.event("stopped")
    frames = d.top()
    assert frames[0]["line"] == 4 and frames[0]["source"]["path"] == path

    d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": []})
    d.request("continue", {"threadId": thread})
    reply = kc.get_shell_msg(timeout=60)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "ok"

    # Idle: the variable explorer lists the session's variables with their values.
    variables = {v["name"]: v for v in d.request("inspectVariables")["body"]["variables"]}
    assert variables["theta"]["value"] == "0.625" and "type" not in variables["theta"]
    assert variables["lr"]["value"] == "0.25"
    d.request("disconnect", {"restart": False, "terminateDebuggee": False})


def test_output_of_stopped_cell_and_interrupt(kernel):
    km, kc = kernel
    d = start(kc)
    code = 'fmt.Println("before")\nn := 0\nfor {\n\tn++\n}'
    path = d.request("dumpCell", {"code": code})["body"]["sourcePath"]
    d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 4}]})
    kc.execute(code)
    d.event("stopped")
    km.interrupt_kernel()
    d.event("continued")
    reply = kc.get_shell_msg(timeout=60)
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted"
    assert d.request("debugInfo")["body"]["stoppedThreads"] == []
    # The kernel runs on, still debugging.
    d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": []})
    reply, msgs = run(kc, 'fmt.Println("after")')
    assert reply["status"] == "ok" and stream_text(msgs) == "after\n"


def test_pause_and_failed_requests(kernel):
    km, kc = kernel
    d = start(kc)
    # Not stopped: stepping and frames fail with a message, as DAP says.
    r = d.request("stackTrace", {"threadId": 1}, ok=False)
    assert not r["success"] and "stopped" in r["message"]
    # A breakpoint the loop never reaches: a cell that can reach none runs at full speed,
    # without the hooks pause needs.
    code = "m := 0\nfor i := 0; i < 1<<40; i++ {\n\tm = i\n}\nm++"
    path = d.request("dumpCell", {"code": code})["body"]["sourcePath"]
    d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 5}]})
    kc.execute(code)
    time.sleep(0.5)
    d.request("pause", {"threadId": 1})
    assert d.event("stopped")["body"]["reason"] == "pause"
    assert 2 <= d.top()[0]["line"] <= 3
    d.request("disconnect", {"restart": False, "terminateDebuggee": False})
    d.event("continued")
    # Without the debugger the loop runs on until interrupted.
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=60)
    assert reply["content"]["ename"] == "Interrupted"


def test_restart_while_stopped(kernel):
    km, kc = kernel
    d = start(kc)
    code = "n := 0\nfor {\n\tn++\n}"
    path = d.request("dumpCell", {"code": code})["body"]["sourcePath"]
    d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 3}]})
    kc.execute(code)
    d.event("stopped")
    km.restart_kernel(now=False)
    settle(kc)
    reply, msgs = run(kc, 'fmt.Println("fresh")')
    assert reply["status"] == "ok" and stream_text(msgs) == "fresh\n"
    assert start(kc).request("debugInfo")["body"]["stoppedThreads"] == []


def test_crash_while_stopped(kernel):
    km, kc = kernel
    d = start(kc)
    func_path = d.request("dumpCell", {"code": FUNC_CELL})["body"]["sourcePath"]
    assert run(kc, FUNC_CELL)[0]["status"] == "ok"
    code = "n := 0\nfor {\n\tn++\n}"
    path = d.request("dumpCell", {"code": code})["body"]["sourcePath"]
    d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 3}]})
    msg_id = kc.execute(code)
    d.event("stopped")
    # The worker dies while the cell is stopped: the cell says so as for any crash.
    workers = children(km.provisioner.process.pid)
    assert len(workers) == 1, workers
    os.kill(workers[0], signal.SIGKILL)
    reply = kc.get_shell_msg(timeout=60)
    assert reply["parent_header"]["msg_id"] == msg_id
    crash = reply["content"]
    assert crash["status"] == "error" and crash["ename"] == "WorkerCrash" and "killed" in crash["evalue"], crash
    # The new worker is told the debugger's state: the breakpoint holds again.
    assert d.request("debugInfo")["body"]["breakpoints"] == [{"source": path, "breakpoints": [{"line": 3}]}]
    reply, msgs = run(kc, 'fmt.Println("after the crash")')
    assert reply["status"] == "ok" and stream_text(msgs) == "after the crash\n"
    # A func of a cell before the crash is restored into the new worker under the debugger:
    # a breakpoint in it stops.
    d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": []})
    bps = d.request("setBreakpoints", {"source": {"path": func_path}, "breakpoints": [{"line": 2}]})["body"]["breakpoints"]
    assert bps[0]["verified"], bps
    stops_in(d, kc, "grad(3.0)", "grad", func_path, 2, {"x": "3"})


def stops_in(d, kc, code, name, path, line, want):
    """Runs code, wants it stopped in name at line of the cell at path with the locals want,
    and continues it to its end."""
    msg_id = kc.execute(code)
    thread = d.event("stopped")["body"]["threadId"]
    frames = d.top()
    assert (frames[0]["name"], frames[0]["line"], frames[0]["source"]["path"]) == (name, line, path), frames
    v = d.variables(frames[0]["id"])
    assert {k: v.get(k) for k in want} == want, v
    d.request("continue", {"threadId": thread})
    reply = kc.get_shell_msg(timeout=60)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "ok", reply["content"]
    return reply


def test_breakpoint_in_func_declared_before_the_debugger(kernel):
    """A student writes the funcs, then turns the debugger on: breakpoints in them stop,
    and the session's variables keep their values."""
    _, kc = kernel
    assert run(kc, FUNC_CELL + "\nstart := 4.0")[0]["status"] == "ok"
    assert run(kc, "start++\nhist := []float64{start}")[0]["status"] == "ok"
    d = start(kc)
    func_path = d.request("dumpCell", {"code": FUNC_CELL + "\nstart := 4.0"})["body"]["sourcePath"]
    bps = d.request("setBreakpoints", {"source": {"path": func_path}, "breakpoints": [{"line": 3}]})["body"]["breakpoints"]
    assert bps[0]["verified"], bps
    stops_in(d, kc, "r := grad(start)\nfmt.Println(r, hist)", "grad", func_path, 3, {"x": "5", "g": "10"})
    _, msgs = run(kc, "fmt.Println(r, start, hist)")
    assert stream_text(msgs) == "10 5 [5]\n"
    d.request("disconnect", {"restart": False, "terminateDebuggee": False})


def test_goroutine_panic_under_the_debugger(kernel):
    """A goroutine started while the debugger was off panics while a cell runs under it: yaegi's
    debugger fails on it and the worker dies. The cell reports the crash with the goroutine's own
    panic, the front end is told the thread runs no more, and the session is restored."""
    km, kc = kernel
    setup = ("ch := make(chan int)\ndone := make(chan bool)\nkept := 42\n"
             "go func() {\n\t<-ch\n\tdefer close(done)\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}()")
    assert run(kc, setup)[0]["status"] == "ok"
    d = start(kc)
    code = "func() {\n\tch <- 1\n\t<-done\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}()"
    path = d.request("dumpCell", {"code": code})["body"]["sourcePath"]
    d.request("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": 6}]})
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=60)
    assert reply["parent_header"]["msg_id"] == msg_id
    crash = reply["content"]
    assert crash["status"] == "error" and crash["ename"] == "WorkerCrash", crash
    assert "goroutine of the session panicked (assignment to entry in nil map)" in crash["evalue"], crash
    if any(e["event"] == "stopped" for e in d.events):
        d.event("continued")
    assert d.request("debugInfo")["body"]["stoppedThreads"] == []
    reply, msgs = run(kc, "fmt.Println(kept)")
    assert reply["status"] == "ok" and stream_text(msgs) == "42\n"
    d.request("disconnect", {"restart": False, "terminateDebuggee": False})
