package kernel

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/gocurve/gocurve/kernel/wire"
	"github.com/gocurve/gocurve/kernel/worker"
)

func ofType(ms []*wire.Message, msgType string) []map[string]any {
	var out []map[string]any
	for _, m := range ms {
		if m.Header.MsgType == msgType {
			var c map[string]any
			json.Unmarshal(m.Content, &c)
			out = append(out, c)
		}
	}
	return out
}

// TestCommRoundTrip opens a widget's comm from a cell, moves it from the
// front end, and sees the interpreted observer's output parented to the
// comm_msg, the value in the next cell, and comm_info listing the comm.
func TestCommRoundTrip(t *testing.T) {
	c := startKernel(t, worker.Options{})
	r := c.execute(`s := widget.NewIntSlider("n", widget.Int{Value: 1, Max: 9})
s.Observe(func(v int) { fmt.Println("n =", v) })
s.ModelID()`, 30*time.Second)
	if r.reply["status"] != "ok" {
		t.Fatalf("cell: %v", r.reply)
	}
	opens := ofType(r.outputs, "comm_open")
	if len(opens) != 3 { // layout, style, slider
		t.Fatalf("%d comm_open, want 3: %v", len(opens), r.types())
	}
	id := opens[2]["comm_id"].(string)
	if opens[2]["target_name"] != "jupyter.widget" {
		t.Fatalf("comm_open %v", opens[2])
	}

	// An update is idle once forwarded (the front end sends the next one on
	// that idle); the observer's output follows, parented to it.
	msgID := c.send(c.shell, "comm_msg", map[string]any{"comm_id": id, "data": map[string]any{"method": "update", "state": map[string]any{"value": 7}}})
	out := cellRun{outputs: c.outputs(msgID, 30*time.Second)}
	for out.stream("stdout") == "" {
		select {
		case m := <-c.iopubCh:
			if m.Parent != nil && m.Parent.MsgID == msgID {
				out.outputs = append(out.outputs, m)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("no observer output; messages %v", out.types())
		}
	}
	if got := out.stream("stdout"); got != "n = 7\n" {
		t.Fatalf("observer output %q (messages %v), want n = 7", got, out.types())
	}
	if r := c.execute("fmt.Print(s.Value())", 30*time.Second); r.stream("stdout") != "7" {
		t.Fatalf("the value in the next cell: %q", r.stream("stdout"))
	}

	c.send(c.shell, "comm_info_request", map[string]any{"target_name": "jupyter.widget"})
	rep := c.recv(c.shell, 5*time.Second)
	var info struct {
		Status string                       `json:"status"`
		Comms  map[string]map[string]string `json:"comms"`
	}
	json.Unmarshal(rep.Content, &info)
	if info.Status != "ok" || len(info.Comms) != 3 || info.Comms[id]["target_name"] != "jupyter.widget" {
		t.Fatalf("comm_info_reply %s", rep.Content)
	}

	// The front end closes it: it is no longer listed.
	closeID := c.send(c.shell, "comm_close", map[string]any{"comm_id": id, "data": map[string]any{}})
	c.outputs(closeID, 30*time.Second)
	c.send(c.shell, "comm_info_request", map[string]any{})
	rep = c.recv(c.shell, 5*time.Second)
	info.Comms = nil
	json.Unmarshal(rep.Content, &info)
	if _, ok := info.Comms[id]; ok || len(info.Comms) != 2 {
		t.Fatalf("after comm_close: %s", rep.Content)
	}
}

// TestCommOpenForUnknownTarget is answered with a comm_close, as ipykernel does.
func TestCommOpenForUnknownTarget(t *testing.T) {
	c := startKernel(t, worker.Options{})
	id := c.send(c.shell, "comm_open", map[string]any{"comm_id": "abc", "target_name": "nobody.here", "data": map[string]any{}})
	out := c.outputs(id, 30*time.Second)
	closes := ofType(out, "comm_close")
	if len(closes) != 1 || closes[0]["comm_id"] != "abc" {
		t.Fatalf("got %v", cellRun{outputs: out}.types())
	}
}
