"""Comms and Jupyter widgets through jupyter_client, against ipywidgets as the oracle.

The kernel must speak the widget protocol as ipywidgets 8 does, so the
stock JupyterLab widget manager draws gocurve's widgets: the state each
widget opens with is compared with ipywidgets' state for the same widget.
"""
import json
import queue
import time

import ipywidgets
import pytest

from conftest import run, stream_text

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def send_comm(kc, msg_type, content):
    """Send a comm message on shell; return its iopub messages up to its idle."""
    msg = kc.session.msg(msg_type, content)
    kc.shell_channel.send(msg)
    return until_idle(kc, msg["header"]["msg_id"])


def until_idle(kc, msg_id, timeout=30):
    out = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=0.5)
        except queue.Empty:
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return out
        out.append(m)
    raise AssertionError(f"no idle for {msg_id} within {timeout} s; got {[m['msg_type'] for m in out]}")


def until(kc, msg_ids, done, timeout=30, seen=()):
    """iopub messages parented to msg_ids until done(collected) holds,
    starting with those already seen.

    A widget update's idle comes when it is forwarded, not after its
    observers have run (the front end sends the next update on that idle),
    so their output may come before or after it, and is awaited by what it is."""
    out = list(seen)
    if out and done(out):
        return out
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=0.5)
        except queue.Empty:
            continue
        if m["parent_header"].get("msg_id") in msg_ids:
            out.append(m)
            if done(out):
                return out
    raise AssertionError(f"not done within {timeout} s; got {[m['msg_type'] for m in out]}")


def comm_info(kc, target=None):
    content = {} if target is None else {"target_name": target}
    msg = kc.session.msg("comm_info_request", content)
    kc.shell_channel.send(msg)
    while True:
        reply = kc.get_shell_msg(timeout=10)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return reply["content"]


def opened(msgs):
    """The widget models opened in msgs, by comm id: their state."""
    return {
        m["content"]["comm_id"]: m["content"]["data"]["state"]
        for m in msgs
        if m["msg_type"] == "comm_open" and m["content"]["target_name"] == "jupyter.widget"
    }


def view_of(msgs):
    for m in msgs:
        if m["msg_type"] in ("execute_result", "display_data") and WIDGET_VIEW in m["content"]["data"]:
            return m["content"]["data"]
    raise AssertionError("no widget view displayed")


def update(kc, comm_id, **state):
    """Send a widget update as the front end does; once the kernel is idle
    for it (it has been forwarded to the worker), return its message id and
    the messages parented to it so far."""
    msg = kc.session.msg("comm_msg", {"comm_id": comm_id, "data": {"method": "update", "state": state, "buffer_paths": []}})
    kc.shell_channel.send(msg)
    return msg["header"]["msg_id"], until_idle(kc, msg["header"]["msg_id"])


def test_unknown_target_is_closed(kernel):
    _, kc = kernel
    msgs = send_comm(kc, "comm_open", {"comm_id": "c0ffee", "target_name": "no.such.target", "data": {}})
    closes = [m for m in msgs if m["msg_type"] == "comm_close"]
    assert [c["content"]["comm_id"] for c in closes] == ["c0ffee"]
    assert comm_info(kc)["comms"] == {}


def resolve(states, s):
    """s with IPY_MODEL_ references replaced by the referenced state, recursively."""
    out = {}
    for k, v in s.items():
        if isinstance(v, str) and v.startswith("IPY_MODEL_"):
            out[k] = resolve(states, states[v[len("IPY_MODEL_"):]])
        elif isinstance(v, list) and v and all(isinstance(x, str) and x.startswith("IPY_MODEL_") for x in v):
            out[k] = [resolve(states, states[x[len("IPY_MODEL_"):]]) for x in v]
        else:
            out[k] = v
    return out


def py_state(w):
    """ipywidgets' state of w, references resolved like resolve does."""
    s = w.get_state()
    out = {}
    for k, v in s.items():
        if isinstance(v, str) and v.startswith("IPY_MODEL_"):
            out[k] = py_state(getattr(w, k))
        elif isinstance(v, (list, tuple)) and v and all(isinstance(x, str) and x.startswith("IPY_MODEL_") for x in v):
            out[k] = [py_state(c) for c in getattr(w, k)]
        else:
            out[k] = list(v) if isinstance(v, tuple) else v
    return out


# Each Go widget beside the ipywidgets widget it must equal, state for state.
ORACLE = [
    ('widget.NewFloatSlider("α", widget.Float{Value: 0.25, Min: 0, Max: 2, Step: 0.05})',
     lambda: ipywidgets.FloatSlider(description="α", value=0.25, min=0, max=2, step=0.05)),
    ('widget.NewFloatLogSlider("lr", widget.Float{Value: 0.01, Min: -4, Max: 0, Step: 0.1})',
     lambda: ipywidgets.FloatLogSlider(description="lr", value=0.01, min=-4, max=0, step=0.1)),
    ('widget.NewIntSlider("n", widget.Int{Value: 3, Min: 1, Max: 10})',
     lambda: ipywidgets.IntSlider(description="n", value=3, min=1, max=10)),
    ('widget.NewCheckbox("on", true)', lambda: ipywidgets.Checkbox(description="on", value=True)),
    ('widget.NewDropdown("opt", []string{"sgd", "adam"}, 1)',
     lambda: ipywidgets.Dropdown(description="opt", options=["sgd", "adam"], index=1)),
    ('widget.NewButton("go")', lambda: ipywidgets.Button(description="go")),
    ('widget.NewPlay(widget.Int{Value: 0, Min: 0, Max: 50}, 200)', lambda: ipywidgets.Play(value=0, min=0, max=50, interval=200)),
    ('widget.NewLabel("hello")', lambda: ipywidgets.Label("hello")),
    ('widget.NewOutput()', lambda: ipywidgets.Output()),
    ('widget.HBox(widget.NewLabel("a"), widget.NewCheckbox("b", false))',
     lambda: ipywidgets.HBox([ipywidgets.Label("a"), ipywidgets.Checkbox(description="b", value=False)])),
    ('widget.VBox(widget.NewLabel("a"))', lambda: ipywidgets.VBox([ipywidgets.Label("a")])),
]


def test_widget_state_matches_ipywidgets(kernel):
    _, kc = kernel
    for code, make in ORACLE:
        reply, msgs = run(kc, code)
        assert reply["status"] == "ok", (code, reply)
        states = opened(msgs)
        view = view_of(msgs)[WIDGET_VIEW]
        assert view["version_major"] == 2 and view["version_minor"] == 0
        got = resolve(states, states[view["model_id"]])
        want = py_state(make())
        assert json.loads(json.dumps(got)) == json.loads(json.dumps(want)), code
    opens = [m for m in msgs if m["msg_type"] == "comm_open"]
    assert all(m["metadata"].get("version") == "2.1.0" for m in opens)


def test_update_reaches_the_interpreter_and_observers(kernel):
    _, kc = kernel
    reply, msgs = run(kc, """
s := widget.NewFloatSlider("α", widget.Float{Value: 0.1, Min: 0, Max: 1, Step: 0.01})
s.Observe(func(v float64) { fmt.Printf("α is now %.2f\\n", v) })
s""")
    assert reply["status"] == "ok"
    sid = view_of(msgs)[WIDGET_VIEW]["model_id"]
    assert sid in comm_info(kc, "jupyter.widget")["comms"]
    mid, seen = update(kc, sid, value=0.5)
    # The interpreted observer ran, its output parented to the comm message.
    out = until(kc, {mid}, lambda ms: "\n" in stream_text(ms), seen=seen)
    assert stream_text(out) == "α is now 0.50\n"
    reply, msgs = run(kc, "fmt.Println(s.Value() * 2)")
    assert stream_text(msgs) == "1\n"
    # The kernel changes the value: the front end is told.
    reply, msgs = run(kc, "s.SetValue(0.75)")
    updates = [m["content"]["data"] for m in msgs if m["msg_type"] == "comm_msg"]
    assert {"method": "update", "state": {"value": 0.75}, "buffer_paths": []} in updates
    assert stream_text(msgs) == "α is now 0.75\n"


def test_request_state_answers_with_the_full_state(kernel):
    _, kc = kernel
    reply, msgs = run(kc, 'c := widget.NewCheckbox("on", false)\nc')
    cid = view_of(msgs)[WIDGET_VIEW]["model_id"]
    update(kc, cid, value=True)
    out = send_comm(kc, "comm_msg", {"comm_id": cid, "data": {"method": "request_state"}})
    [state] = [m["content"]["data"]["state"] for m in out if m["msg_type"] == "comm_msg"]
    assert state["value"] is True and state["_model_name"] == "CheckboxModel"


def test_button_click_runs_interpreted_callback(kernel):
    _, kc = kernel
    reply, msgs = run(kc, 'clicks := 0\nb := widget.NewButton("go")\nb.OnClick(func() { clicks++; fmt.Println("click", clicks) })\nb')
    bid = view_of(msgs)[WIDGET_VIEW]["model_id"]
    for i in (1, 2):
        out = send_comm(kc, "comm_msg", {"comm_id": bid, "data": {"method": "custom", "content": {"event": "click"}}})
        assert stream_text(out) == f"click {i}\n"
    _, msgs = run(kc, "fmt.Println(clicks)")
    assert stream_text(msgs) == "2\n"


def output_updates(msgs):
    return [m["content"]["data"]["state"]["outputs"] for m in msgs
            if m["msg_type"] == "comm_msg" and "outputs" in m["content"]["data"].get("state", {})]


def test_interact_redraws_and_coalesces(kernel):
    _, kc = kernel
    reply, msgs = run(kc, """
x := widget.NewFloatSlider("x", widget.Float{Value: 1, Min: 0, Max: 10, Step: 1})
n := widget.NewIntSlider("n", widget.Int{Value: 2, Min: 1, Max: 5})
calls := 0
widget.Interact(func(x float64, n int) string { calls++; time.Sleep(100 * time.Millisecond); return fmt.Sprint(x * float64(n)) }, x, n)""")
    assert reply["status"] == "ok", reply
    view = view_of(msgs)
    # The static fallback: the first output's text beside the view.
    assert view["text/plain"].endswith("\n2")
    states = opened(msgs)
    box = states[view[WIDGET_VIEW]["model_id"]]
    assert box["_model_name"] == "VBoxModel" and len(box["children"]) == 3
    [first] = output_updates(msgs)
    assert first[0]["data"]["text/plain"] == "2"
    xid = box["children"][0][len("IPY_MODEL_"):]
    # Ten moves sent at once: f runs with the latest values, not ten times behind.
    sent = []
    for v in range(1, 11):
        m = kc.session.msg("comm_msg", {"comm_id": xid, "data": {"method": "update", "state": {"value": float(v)}, "buffer_paths": []}})
        kc.shell_channel.send(m)
        sent.append(m["header"]["msg_id"])
    # The last redraw is the latest value's; every redraw is collected up to it.
    got = until(kc, set(sent), lambda ms: any(o[0]["data"]["text/plain"] == "20" for o in output_updates(ms)))
    redraws = output_updates(got)
    assert redraws[-1][0]["data"]["text/plain"] == "20"
    _, msgs = run(kc, "fmt.Println(calls)")
    calls = int(stream_text(msgs))
    assert 2 <= calls <= 11 and calls == 1 + len(redraws)


def test_interact_misuse_says_what_to_write(kernel):
    _, kc = kernel
    reply, _ = run(kc, 'widget.Interact(func(x int) int { return x }, widget.NewFloatSlider("x", widget.Float{Max: 1}))')
    assert reply["status"] == "error"
    assert "parameter 1 of the func is int but control 0 (FloatSlider) gives float64" in reply["evalue"]
    reply, _ = run(kc, 'widget.NewFloatSlider("x", widget.Float{Value: 2, Max: 1})')
    assert reply["status"] == "error" and "outside [Min, Max]" in reply["evalue"]


def test_update_while_a_cell_runs_is_seen_by_the_cell(kernel):
    """A running loop reads the slider: the new value arrives during the cell."""
    _, kc = kernel
    reply, msgs = run(kc, 'stop := widget.NewCheckbox("stop", false)\nstop')
    sid = view_of(msgs)[WIDGET_VIEW]["model_id"]
    cell = kc.execute('for !stop.Value() { time.Sleep(10 * time.Millisecond) }\nfmt.Println("stopped")')
    time.sleep(0.5)
    m = kc.session.msg("comm_msg", {"comm_id": sid, "data": {"method": "update", "state": {"value": True}, "buffer_paths": []}})
    kc.shell_channel.send(m)
    out = until_idle(kc, cell, timeout=30)
    assert stream_text(out) == "stopped\n"


# The lesson-sized plot of the browser test and the benchmark: gradient descent
# on the ill-conditioned quadratic λ = 1, 10, redrawn as α moves.
ALPHA_CELL = """q := hessian.NewQuadratic([]float64{1, 10}, nil)
alpha := widget.NewFloatSlider("α", widget.Float{Value: 0.05, Min: 0.01, Max: 0.21, Step: 0.005})
widget.Interact(func(a float64) *plot.Plot {
	path := [][]float64{{2.5, 2}}
	for k := 1; k <= 30; k++ {
		th, _ := q.GDIterate(path[0], a, k)
		path = append(path, th)
	}
	p := viz.Quadratic(q.A, viz.Box{XMin: -3, XMax: 3, YMin: -3, YMax: 3}, nil, viz.Path{Name: fmt.Sprintf("GD, α = %.3f", a), XY: viz.Thetas(path)})
	return p
}, alpha)"""


def svg_images(html):
    """The SVG documents of the <img> elements of an nbconvert page, joined."""
    import base64
    import re

    return "\n".join(
        base64.b64decode(m).decode() for m in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    )


def test_saved_notebook_keeps_widget_state_and_a_static_fallback(tmp_path):
    """nbclient saves the widget state as JupyterLab does; nbconvert's HTML
    shows the widget with it and the plot without it."""
    import copy

    import nbclient
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(ALPHA_CELL)]
    nb.metadata["kernelspec"] = {"name": "gocurve", "display_name": "Go (gocurve)", "language": "go"}
    nbclient.NotebookClient(nb, timeout=120, kernel_name="gocurve").execute()
    [out] = nb.cells[0].outputs
    view = out["data"]["application/vnd.jupyter.widget-view+json"]
    svg = out["data"]["image/svg+xml"]
    assert svg.lstrip().startswith("<?xml") and "GD, α = 0.050" in svg, "no static plot beside the widget view"
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]
    assert state["version_major"] == 2 and state["version_minor"] == 0
    models = state["state"]
    box = models[view["model_id"]]
    assert box["model_name"] == "VBoxModel" and box["model_module"] == "@jupyter-widgets/controls"
    output = models[box["state"]["children"][-1][len("IPY_MODEL_"):]]
    assert output["model_name"] == "OutputModel"
    assert output["state"]["outputs"][0]["data"]["image/svg+xml"] == svg

    html, _ = HTMLExporter().from_notebook_node(nb)
    assert 'type="application/vnd.jupyter.widget-state+json"' in html
    assert 'type="application/vnd.jupyter.widget-view+json"' in html

    bare = copy.deepcopy(nb)
    del bare.metadata["widgets"]
    html, _ = HTMLExporter().from_notebook_node(bare)
    assert "GD, α = 0.050" in svg_images(html)
    assert "widget-view+json" not in html
    nbformat.write(nb, tmp_path / "alpha.ipynb")


def test_interact_fallback_follows_the_last_plot(kernel, tmp_path):
    """The Interact's display has a display id, and once the slider rests
    the kernel updates it in place (update_display_data) with the last plot
    as static fallback: the output a front end saves, and nbconvert shows
    without the widget state, is the last plot, not the first."""
    import nbformat
    from nbconvert import HTMLExporter

    _, kc = kernel
    reply, msgs = run(kc, ALPHA_CELL)
    assert reply["status"] == "ok", reply
    [shown] = [m for m in msgs if m["msg_type"] == "display_data" and WIDGET_VIEW in m["content"]["data"]]
    display_id = shown["content"]["transient"]["display_id"]
    assert display_id and "GD, α = 0.050" in shown["content"]["data"]["image/svg+xml"]
    box = opened(msgs)[shown["content"]["data"][WIDGET_VIEW]["model_id"]]
    slider = box["children"][0][len("IPY_MODEL_"):]
    sent = []
    for v in (0.1, 0.12, 0.15):  # a short drag, then the slider rests
        m = kc.session.msg("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": v}, "buffer_paths": []}})
        kc.shell_channel.send(m)
        sent.append(m["header"]["msg_id"])
    got = until(kc, set(sent), lambda ms: any(m["msg_type"] == "update_display_data" for m in ms))
    [upd] = [m for m in got if m["msg_type"] == "update_display_data"]
    assert upd["content"]["transient"]["display_id"] == display_id
    assert upd["content"]["data"][WIDGET_VIEW] == shown["content"]["data"][WIDGET_VIEW]
    assert "GD, α = 0.150" in upd["content"]["data"]["image/svg+xml"]

    # The notebook as a front end keeps it (the update replaces the output
    # of that display id), saved without the widget state, then rendered.
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(ALPHA_CELL)]
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data=upd["content"]["data"], metadata=upd["content"]["metadata"])]
    nbformat.validate(nb)
    html, _ = HTMLExporter().from_notebook_node(nb)
    images = svg_images(html)
    assert "GD, α = 0.150" in images and "GD, α = 0.050" not in images


def test_interrupt_stops_a_callback_that_loops(kernel):
    km, kc = kernel
    reply, msgs = run(kc, 'kept := 7\nb := widget.NewButton("hang")\nb.OnClick(func() { for {} })\nb')
    bid = view_of(msgs)[WIDGET_VIEW]["model_id"]
    click = kc.session.msg("comm_msg", {"comm_id": bid, "data": {"method": "custom", "content": {"event": "click"}}})
    kc.shell_channel.send(click)
    until(kc, {click["header"]["msg_id"]}, lambda ms: any(m["msg_type"] == "status" for m in ms))  # busy: it runs
    km.interrupt_kernel()
    until_idle(kc, click["header"]["msg_id"])
    reply, msgs = run(kc, "fmt.Println(kept * 6)")
    assert reply["status"] == "ok" and stream_text(msgs) == "42\n", (reply, msgs)


def test_redefining_a_callback_says_widgets_keep_the_old_one(kernel):
    _, kc = kernel
    run(kc, 'func onMove(v float64) { fmt.Println("old", v) }')
    reply, msgs = run(kc, 's := widget.NewFloatSlider("x", widget.Float{Max: 1})\ns.Observe(onMove)\ns')
    sid = view_of(msgs)[WIDGET_VIEW]["model_id"]
    reply, msgs = run(kc, 'func onMove(v float64) { fmt.Println("new", v) }')
    assert reply["status"] == "ok"
    assert "widgets made before this cell keep calling the old onMove" in stream_text(msgs, "stderr")
    mid, seen = update(kc, sid, value=0.5)
    out = until(kc, {mid}, lambda ms: "\n" in stream_text(ms), seen=seen)
    assert stream_text(out) == "old 0.5\n"  # as the notice said


# Cells for the course, where dragging teaches: each a slider and a plot
# with a static fallback; moved once here, the redraw names the new value.
COURSE_CELLS = {
"04 α against 2/λmax": '''q := hessian.NewQuadratic([]float64{1, 10}, nil)
box := viz.Box{XMin: -3, XMax: 3, YMin: -3, YMax: 3}
alphaMax := hessian.MaxStableStep(q.A) // 2/λmax = 0.2
widget.Interact(func(alpha float64) *plot.Plot {
	path := [][]float64{{2.5, 2}}
	for k := 1; k <= 30; k++ {
		th, _ := q.GDIterate(path[0], alpha, k)
		path = append(path, th)
	}
	p := viz.Quadratic(q.A, box, nil, viz.Path{Name: fmt.Sprintf("GD, α = %.3f", alpha), XY: viz.Thetas(path)})
	p.Title.Text = fmt.Sprintf("α = %.3f = %.2f · 2/λmax", alpha, alpha/alphaMax)
	return p
}, widget.NewFloatSlider("α", widget.Float{Value: 0.05, Min: 0.005, Max: 0.23, Step: 0.005}))''',
"07 momentum μ": '''qm := hessian.NewQuadratic([]float64{1, 10}, nil)
widget.Interact(func(mu float64) *plot.Plot {
	tr, _ := optim.Run(&optim.Momentum{LR: 0.02, Mu: mu}, qm, []float64{2.5, 2}, &optim.Settings{MaxSteps: 60})
	return viz.Quadratic(qm.A, viz.Box{XMin: -3, XMax: 3, YMin: -3, YMax: 3}, nil,
		viz.Path{Name: fmt.Sprintf("momentum, μ = %.2f, loss %.2g after 60 steps", mu, tr.Losses()[tr.Len()-1]), XY: tr.XY(0, 1)})
}, widget.NewFloatSlider("μ", widget.Float{Value: 0.5, Min: 0, Max: 0.99, Step: 0.01}))''',
"07 RMSprop γ": '''qr := hessian.NewQuadratic([]float64{1, 10}, nil)
widget.Interact(func(gamma float64) *plot.Plot {
	tr, _ := optim.Run(&optim.RMSprop{LR: 0.05, Gamma: gamma}, qr, []float64{2.5, 2}, &optim.Settings{MaxSteps: 80})
	return viz.Quadratic(qr.A, viz.Box{XMin: -3, XMax: 3, YMin: -3, YMax: 3}, nil,
		viz.Path{Name: fmt.Sprintf("RMSprop, γ = %.3g", gamma), XY: tr.XY(0, 1)})
}, widget.NewFloatLogSlider("γ", widget.Float{Value: 0.1, Min: -3, Max: 0, Step: 0.05}))''',
}


@pytest.mark.parametrize("name, value, legend", [
    ("04 α against 2/λmax", 0.15, "α = 0.150 = 0.75 · 2/λmax"),
    ("07 momentum μ", 0.9, "momentum, μ = 0.90"),
    ("07 RMSprop γ", 0.01, "RMSprop, γ = 0.01"),
])
def test_course_cells(kernel, name, value, legend):
    _, kc = kernel
    reply, msgs = run(kc, COURSE_CELLS[name])
    assert reply["status"] == "ok", reply
    view = view_of(msgs)
    assert "image/svg+xml" in view, "no static fallback"
    box = opened(msgs)[view[WIDGET_VIEW]["model_id"]]
    mid, seen = update(kc, box["children"][0][len("IPY_MODEL_"):], value=value)
    [redraw] = output_updates(until(kc, {mid}, output_updates, seen=seen))
    assert legend in redraw[0]["data"]["image/svg+xml"]


def test_control_comm_sends_every_state(kernel):
    """JupyterLab reloading a page asks for all widget states through the
    jupyter.widget.control comm, as ipywidgets 8 answers it."""
    _, kc = kernel
    reply, msgs = run(kc, 's := widget.NewIntSlider("n", widget.Int{Value: 4, Max: 9})\ns')
    sid = view_of(msgs)[WIDGET_VIEW]["model_id"]
    update(kc, sid, value=6)
    send_comm(kc, "comm_open", {"comm_id": "ctl", "target_name": "jupyter.widget.control", "data": {}})
    out = send_comm(kc, "comm_msg", {"comm_id": "ctl", "data": {"method": "request_states"}})
    [data] = [m["content"]["data"] for m in out if m["msg_type"] == "comm_msg"]
    assert data["method"] == "update_states" and data["buffer_paths"] == []
    states = data["states"]
    assert len(states) == 3  # the slider, its layout and its style
    assert states[sid]["model_name"] == "IntSliderModel" and states[sid]["state"]["value"] == 6
    assert states[sid]["model_module"] == "@jupyter-widgets/controls" and states[sid]["model_module_version"] == "2.0.0"


def test_comms_die_with_their_worker(kernel):
    _, kc = kernel
    run(kc, 'c := widget.NewCheckbox("on", true)\nc')
    assert len(comm_info(kc, "jupyter.widget")["comms"]) == 3
    reply, _ = run(kc, "func down(n int) int { return down(n+1) + 1 }\ndown(0)", timeout=120)
    assert reply["status"] == "error" and reply["ename"] == "WorkerCrash", reply
    assert comm_info(kc)["comms"] == {}
