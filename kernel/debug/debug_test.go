package debug

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/kernel/session"
	"gonum.org/v1/gonum/mat"
)

func TestMurmur2(t *testing.T) {
	// Values from ipykernel's murmur2_x86 with its seed, which JupyterLab matches.
	tests := []struct {
		in   string
		want uint32
	}{
		{"", 3990065800},
		{"a", 2167009006},
		{"ab", 2805137849},
		{"abc", 3350977461},
		{"abcd", 804720481},
		{"theta := 5.0\nfor k := 0; k < 3; k++ {\n\ttheta -= 0.1\n}", 1106984129},
		{"θ := 1.0 // é", 2856295254},
	}
	for _, tt := range tests {
		if got := Murmur2(tt.in, HashSeed); got != tt.want {
			t.Errorf("Murmur2(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// harness runs cells of a real session under a Debugger and collects its events.
type harness struct {
	t      *testing.T
	d      *Debugger
	s      *session.Session
	events chan Message
	seq    int
}

func newHarness(t *testing.T) *harness {
	h := &harness{t: t, events: make(chan Message, 100)}
	var s *session.Session
	h.d = New(func(m Message) { h.events <- m }, func() []session.Variable { return s.Variables() })
	s, err := session.New(session.Options{Run: h.d.Run})
	if err != nil {
		t.Fatal(err)
	}
	h.s = s
	return h
}

func (h *harness) req(command string, args any) Message {
	h.t.Helper()
	h.seq++
	a, _ := json.Marshal(args)
	raw, _ := json.Marshal(Message{Seq: h.seq, Type: "request", Command: command, Arguments: a})
	resp := h.d.Handle(raw)
	if resp.Success == nil || !*resp.Success {
		h.t.Fatalf("%s: failed: %s", command, resp.Message)
	}
	// Through JSON, as the front end sees it.
	b, _ := json.Marshal(resp)
	var out Message
	json.Unmarshal(b, &out)
	return out
}

func (h *harness) waitEvent(name string) Message {
	h.t.Helper()
	for {
		select {
		case e := <-h.events:
			if e.Event == name {
				b, _ := json.Marshal(e)
				var out Message
				json.Unmarshal(b, &out)
				return out
			}
		case <-time.After(20 * time.Second):
			h.t.Fatalf("no %s event", name)
		}
	}
}

// run starts a cell; the returned channel gets its error when it ends.
func (h *harness) run(code string) chan error {
	done := make(chan error, 1)
	go func() {
		h.d.CellStart(code)
		defer h.d.CellEnd()
		_, err := h.s.Execute(context.Background(), code)
		done <- err
	}()
	return done
}

func body(m Message) map[string]any { b, _ := m.Body.(map[string]any); return b }

func (h *harness) top() (name string, line int) {
	h.t.Helper()
	st := body(h.req("stackTrace", map[string]any{"threadId": 1}))
	f := st["stackFrames"].([]any)[0].(map[string]any)
	return f["name"].(string), int(f["line"].(float64))
}

func (h *harness) vars(frame int) map[string]string {
	h.t.Helper()
	sc := body(h.req("scopes", map[string]any{"frameId": frame}))["scopes"].([]any)
	out := map[string]string{}
	for _, s := range sc {
		ref := s.(map[string]any)["variablesReference"]
		for _, v := range body(h.req("variables", map[string]any{"variablesReference": ref}))["variables"].([]any) {
			m := v.(map[string]any)
			out[m["name"].(string)] = m["value"].(string)
		}
	}
	return out
}

const gdCell = `theta := 5.0
lr := 0.25
for k := 0; k < 3; k++ {
	g := grad(theta)
	theta = theta - lr*g
}
fmt.Println("theta", theta)`

func TestBreakpointStepContinue(t *testing.T) {
	h := newHarness(t)
	h.req("initialize", map[string]any{"clientID": "test", "linesStartAt1": true})
	h.req("attach", map[string]any{})
	h.req("configurationDone", nil)
	// A func declared in an earlier cell, run with the debugger on.
	funcCell := "func grad(x float64) float64 {\n\tg := 2 * x\n\treturn g\n}"
	funcPath := body(h.req("dumpCell", map[string]any{"code": funcCell}))["sourcePath"].(string)
	if err := <-h.run(funcCell); err != nil {
		t.Fatal(err)
	}
	path := body(h.req("dumpCell", map[string]any{"code": gdCell}))["sourcePath"].(string)
	if !strings.HasSuffix(path, cellName(gdCell)) {
		t.Fatalf("sourcePath %q does not end with the cell's hash", path)
	}
	// Line 4 holds a call: yaegi's breakpoint stops after the call and
	// before the assignment (docs/known-limits.md).
	bps := body(h.req("setBreakpoints", map[string]any{"source": map[string]string{"path": path}, "breakpoints": []map[string]int{{"line": 4}}}))
	if v := bps["breakpoints"].([]any)[0].(map[string]any)["verified"]; v != true {
		t.Fatalf("breakpoint not verified: %v", bps)
	}
	done := h.run(gdCell)

	stop := h.waitEvent("stopped")
	if r := body(stop)["reason"]; r != "breakpoint" {
		t.Errorf("stopped reason %v, want breakpoint", r)
	}
	if name, line := h.top(); name != "cell" || line != 4 {
		t.Errorf("stopped in %s at line %d, want cell at line 4", name, line)
	}
	vs := h.vars(1)
	if vs["theta"] != "5" || vs["k"] != "0" || vs["lr"] != "0.25" {
		t.Errorf("variables at the first stop: %v", vs)
	}
	info := body(h.req("debugInfo", nil))
	if st := info["stoppedThreads"].([]any); len(st) != 1 {
		t.Errorf("debugInfo stoppedThreads = %v while stopped", st)
	}
	steps := []struct {
		command string
		name    string
		line    int
		vars    map[string]string
	}{
		{"next", "cell", 5, map[string]string{"theta": "5", "g": "10"}},
		{"next", "cell", 3, map[string]string{"theta": "2.5"}},
		{"next", "cell", 4, map[string]string{"k": "1"}},
		{"stepIn", "grad", 2, map[string]string{"x": "2.5"}},
		{"next", "grad", 3, map[string]string{"g": "5"}},
		{"stepOut", "cell", 4, map[string]string{"k": "1", "theta": "2.5"}},
	}
	for _, s := range steps {
		h.req(s.command, map[string]any{"threadId": 1})
		h.waitEvent("stopped")
		name, line := h.top()
		if name != s.name || line != s.line {
			t.Fatalf("after %s: in %s at line %d, want %s at line %d", s.command, name, line, s.name, s.line)
		}
		if name == "grad" {
			frames := body(h.req("stackTrace", map[string]any{"threadId": 1}))["stackFrames"].([]any)
			if src := frames[0].(map[string]any)["source"].(map[string]any)["path"]; src != funcPath || len(frames) != 2 {
				t.Errorf("in grad: frames %v, want grad in %s above the cell", frames, funcPath)
			}
		}
		vs := h.vars(1)
		for k, v := range s.vars {
			if vs[k] != v {
				t.Errorf("after %s: %s = %q, want %q (all: %v)", s.command, k, vs[k], v, vs)
			}
		}
	}
	// Clear the breakpoint and continue: the cell ends.
	h.req("setBreakpoints", map[string]any{"source": map[string]string{"path": path}, "breakpoints": []any{}})
	h.req("continue", map[string]any{"threadId": 1})
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the cell did not end after continue")
	}
	// Idle: the variable explorer lists the session's variables.
	got := map[string]string{}
	for _, v := range body(h.req("inspectVariables", nil))["variables"].([]any) {
		m := v.(map[string]any)
		got[m["name"].(string)] = m["value"].(string)
	}
	if got["theta"] != "0.625" || got["lr"] != "0.25" {
		t.Errorf("inspectVariables = %v, want theta 0.625 and lr 0.25", got)
	}
}

func TestInterruptWhileStopped(t *testing.T) {
	h := newHarness(t)
	h.req("initialize", nil)
	code := "n := 0\nfor {\n\tn++\n}"
	path := body(h.req("dumpCell", map[string]any{"code": code}))["sourcePath"].(string)
	h.req("setBreakpoints", map[string]any{"source": map[string]string{"path": path}, "breakpoints": []map[string]int{{"line": 3}}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		h.d.CellStart(code)
		defer h.d.CellEnd()
		_, err := h.s.Execute(ctx, code)
		done <- err
	}()
	h.waitEvent("stopped")
	cancel()
	h.waitEvent("continued")
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "nterrupt") {
			t.Errorf("interrupted cell: err %v, want an interrupt", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the stopped cell did not end on interrupt")
	}
	// The session lives on, without the debugger's stop.
	if _, err := h.s.Execute(context.Background(), "1+1"); err != nil {
		t.Fatal(err)
	}
}

// A cell reports the same error whether the debugger is on or off.
func TestErrorsAsWithoutDebugger(t *testing.T) {
	cells := []struct{ name, code string }{
		{"compile error", "y := undefinedName + 1"},
		{"type error", "var s string = 1"},
		{"index out of range", "xs := []int{1}\ni := 3\nfmt.Println(xs[i])"},
		{"panic in a func", "func boom(n int) int {\n\tif n > 1 {\n\t\tpanic(\"too big\")\n\t}\n\treturn n\n}\nboom(2)"},
		{"integer division by zero", "a, b := 1, 0\nfmt.Println(a / b)"},
		{"fine", "z := 2\nfmt.Println(z * 3)"},
	}
	off, err := session.New(session.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t)
	h.req("initialize", nil)
	for _, c := range cells {
		_, errOff := off.Execute(context.Background(), c.code)
		errOn := <-h.run(c.code)
		if fmt.Sprint(errOff) != fmt.Sprint(errOn) {
			t.Errorf("%s: with the debugger %v, without %v", c.name, errOn, errOff)
		}
		var se session.Error
		if errors.As(errOff, &se) {
			var seOn session.Error
			if !errors.As(errOn, &seOn) || strings.Join(se.Traceback(), "\n") != strings.Join(seOn.Traceback(), "\n") {
				t.Errorf("%s: tracebacks differ with the debugger", c.name)
			}
		}
	}
}

// A func of a cell run before the debugger was on, or redeclared since, has
// no chunk to hold a breakpoint: the front end is told so.
func TestBreakpointInCellRunBeforeDebugger(t *testing.T) {
	h := newHarness(t)
	funcCell := "func twice(x int) int {\n\ty := 2 * x\n\treturn y\n}\nz := 1"
	if err := <-h.run(funcCell); err != nil {
		t.Fatal(err)
	}
	h.req("initialize", nil)
	path := body(h.req("dumpCell", map[string]any{"code": funcCell}))["sourcePath"].(string)
	verified := func() []any {
		var out []any
		bps := body(h.req("setBreakpoints", map[string]any{"source": map[string]string{"path": path}, "breakpoints": []map[string]int{{"line": 2}, {"line": 5}}}))
		for _, b := range bps["breakpoints"].([]any) {
			out = append(out, b.(map[string]any)["verified"])
		}
		return out
	}
	if got := verified(); fmt.Sprint(got) != "[false true]" {
		t.Errorf("before the cell runs again: verified %v, want [false true] (line 2 is in a func)", got)
	}
	// Run again, the cell redeclares twice: the session replays it into a
	// new interpreter outside the debugger, and the front end is told so.
	h.req("setBreakpoints", map[string]any{"source": map[string]string{"path": path}, "breakpoints": []any{}})
	if err := <-h.run(funcCell); err != nil {
		t.Fatal(err)
	}
	if got := verified(); fmt.Sprint(got) != "[false true]" {
		t.Errorf("after the cell ran again: verified %v, want [false true]", got)
	}
}

// The variables panel renders values through the display package: a matrix
// as the cell's output would show it.
func TestRichInspectMatrix(t *testing.T) {
	h := newHarness(t)
	h.req("initialize", nil)
	if err := <-h.run("A := mat.NewDense(2, 2, []float64{1, 2, 3, 4})"); err != nil {
		t.Fatal(err)
	}
	vars := body(h.req("inspectVariables", nil))["variables"].([]any)
	if len(vars) != 1 || !strings.HasPrefix(vars[0].(map[string]any)["value"].(string), "2×2 ") {
		t.Errorf("inspectVariables = %v, want A as a 2×2 matrix", vars)
	}
	data := body(h.req("richInspectVariables", map[string]any{"variableName": "A"}))["data"].(map[string]any)
	want := display.Render(mat.NewDense(2, 2, []float64{1, 2, 3, 4})).Data
	for mime := range want {
		if _, ok := data[mime]; !ok {
			t.Errorf("richInspectVariables has no %s (has %v)", mime, data)
		}
	}
	if len(want) < 2 {
		t.Errorf("display renders a matrix as %v only", want)
	}
}

// A cell running under the debugger, not stopped, ends on interrupt.
func TestInterruptWhileRunning(t *testing.T) {
	h := newHarness(t)
	h.req("initialize", nil)
	code := "n := 0\nfor {\n\tn++\n}"
	path := body(h.req("dumpCell", map[string]any{"code": "other := 1\nother++"}))["sourcePath"].(string)
	h.req("setBreakpoints", map[string]any{"source": map[string]string{"path": path}, "breakpoints": []map[string]int{{"line": 2}}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	started := make(chan struct{})
	go func() {
		h.d.CellStart(code)
		defer h.d.CellEnd()
		close(started)
		_, err := h.s.Execute(ctx, code)
		done <- err
	}()
	<-started
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "nterrupt") {
			t.Errorf("interrupted cell: err %v, want an interrupt", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the running cell did not end on interrupt")
	}
	if _, err := h.s.Execute(context.Background(), "1+1"); err != nil {
		t.Fatal(err)
	}
}

// A func literal kept in a variable (the session makes it with a generator
// func) stops at its breakpoint with the cell below it, as a literal does.
// (Continuing from a stop in a closure made by an earlier cell hangs in
// yaegi's debugger, with or without the generator: the cell is interrupted.)
func TestBreakpointInStoredFuncLiteral(t *testing.T) {
	h := newHarness(t)
	h.req("initialize", map[string]any{"clientID": "test", "linesStartAt1": true})
	h.req("attach", map[string]any{})
	h.req("configurationDone", nil)
	lit := "double := func(x int) int {\n\ty := 2 * x\n\treturn y\n}"
	path := body(h.req("dumpCell", map[string]any{"code": lit}))["sourcePath"].(string)
	h.req("setBreakpoints", map[string]any{"source": map[string]string{"path": path}, "breakpoints": []map[string]int{{"line": 3}}})
	if err := <-h.run(lit); err != nil {
		t.Fatal(err)
	}
	code := "fmt.Println(double(4))"
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		h.d.CellStart(code)
		defer h.d.CellEnd()
		_, err := h.s.Execute(ctx, code)
		done <- err
	}()
	h.waitEvent("stopped")
	frames := body(h.req("stackTrace", map[string]any{"threadId": 1}))["stackFrames"].([]any)
	var names []string
	for _, f := range frames {
		names = append(names, f.(map[string]any)["name"].(string))
	}
	if name, line := h.top(); line != 3 || names[len(names)-1] != "cell" {
		t.Errorf("stopped in %s at line %d with frames %v, want line 3 above the cell", name, line, names)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the stopped cell did not end on interrupt")
	}
}
