// Package debug answers the Debug Adapter Protocol requests JupyterLab's
// debugger sends (debug_request on the control channel) for the cells of
// one interpreter session, and reports stops as DAP events.
//
// It follows ipykernel's debugger: the front end names each cell by a hash
// of its code (dumpCell, debugInfo's hashMethod, hashSeed, tmpFilePrefix
// and tmpFileSuffix), so a breakpoint set in a cell holds for every run of
// the same code. While the debugger is started, the session runs each chunk
// of a cell through Run, which compiles it and runs it under yaegi's
// interp.Debugger; while it is not, Run is the session's EvalWithContext and
// costs nothing more.
//
// The session runs each statement of a cell as its own chunk, whose line L
// is the cell's line L-1 (see kernel/session's chunk). A chunk's program is
// remembered with its cell, so breakpoints reach the funcs declared in
// earlier cells run while the debugger was on.
package debug

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/kernel/session"
	"github.com/traefik/yaegi/interp"
)

// Message is a DAP message: a request, a response or an event.
type Message struct {
	Seq        int             `json:"seq"`
	Type       string          `json:"type"`
	Command    string          `json:"command,omitempty"`
	Arguments  json.RawMessage `json:"arguments,omitempty"`
	RequestSeq int             `json:"request_seq,omitempty"`
	Success    *bool           `json:"success,omitempty"`
	Message    string          `json:"message,omitempty"`
	Event      string          `json:"event,omitempty"`
	Body       any             `json:"body,omitempty"`
}

// Debugger is the DAP side of one session. Handle may be called from any
// goroutine, also while a cell runs or is stopped; Run is the session's
// chunk runner.
type Debugger struct {
	emit   func(Message) // sends an event to the front end
	vars   func() []session.Variable
	prefix string

	mu          sync.Mutex
	seq         int
	started     bool
	breakpoints map[string][]int // source path → cell lines
	bpGen       int              // bumped by every setBreakpoints
	sources     map[string]string
	progs       map[*interp.Program]string // chunk → its cell's source path
	byPath      map[string][]*interp.Program
	cell        string // the running cell's source path, "" when idle
	// unbound holds the cells whose funcs run as code the debugger did not
	// compile (the cell ran while the debugger was off, or the session has
	// since replayed its declarations into a new interpreter): breakpoints
	// in those funcs cannot be set.
	unbound  map[string]bool
	in       *interp.Interpreter // the interpreter the chunks of byPath are in
	restored bool                // the session was restored from a snapshot
	running  bool
	run      *run     // the chunk running under the debugger
	stop     *stopped // set while a goroutine is stopped
	refs     []ref    // variablesReference n is refs[n-1]
	idleVars []Variable
}

// New returns a debugger that sends its events through emit and reads the
// session's variables through vars.
func New(emit func(Message), vars func() []session.Variable) *Debugger {
	return &Debugger{
		emit:        emit,
		vars:        vars,
		prefix:      filepath.Join(os.TempDir(), "gocurve_"+strconv.Itoa(os.Getppid())) + string(filepath.Separator),
		breakpoints: map[string][]int{},
		sources:     map[string]string{},
		progs:       map[*interp.Program]string{},
		byPath:      map[string][]*interp.Program{},
		unbound:     map[string]bool{},
	}
}

// SourcePath is the path the front end knows a cell of code by.
func (d *Debugger) SourcePath(code string) string { return d.prefix + cellName(code) }

// CellStart tells the debugger that the cell code starts running.
func (d *Debugger) CellStart(code string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.running = true
	path := d.SourcePath(code)
	if !d.started {
		d.unbound[path] = true
		return
	}
	d.cell = path
	d.sources[d.cell] = code
}

// CellEnd tells the debugger that the cell has ended.
func (d *Debugger) CellEnd() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.running, d.cell = false, ""
}

// Restored tells the debugger that the session is restored from a
// snapshot (a new worker after a crash): the funcs of every earlier cell
// are compiled outside the debugger.
func (d *Debugger) Restored() {
	d.mu.Lock()
	d.restored = true
	d.mu.Unlock()
}

// Started reports whether a front end has initialized the debugger.
func (d *Debugger) Started() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.started
}

// run is one chunk running under yaegi's debugger.
type run struct {
	d        *Debugger
	dbg      *interp.Debugger
	gen      int // the breakpoints' generation applied
	mainDone chan struct{}
	once     sync.Once
	// step, while a step request runs, is where it started: a step that
	// stops on the same line of the same frame depth goes on.
	step *stepFrom
}

type stepFrom struct {
	reason interp.DebugEventReason
	depth  int
	line   int
}

// stopped is a goroutine stopped at a breakpoint or after a step.
type stopped struct {
	ev     *interp.DebugEvent
	thread int
	frames []*interp.DebugFrame
}

// Run runs a chunk of the running cell: with the debugger started, under
// yaegi's debugger (stopping at breakpoints), else as EvalWithContext.
func (d *Debugger) Run(ctx context.Context, in *interp.Interpreter, src string) (reflect.Value, error) {
	d.mu.Lock()
	on, path := d.started, d.cell
	d.mu.Unlock()
	if !on {
		return in.EvalWithContext(ctx, src)
	}
	prog, err := compile(in, src)
	if err != nil || prog == nil {
		return reflect.Value{}, err
	}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r := &run{d: d, mainDone: make(chan struct{}), gen: -1}
	r.dbg = in.Debug(rctx, prog, r.event, &interp.DebugOptions{GoRoutineStartAt1: true})
	d.mu.Lock()
	if in != d.in {
		// The session replayed its declarations into a new interpreter,
		// outside the debugger: the funcs of the old chunks are gone.
		for path := range d.byPath {
			d.unbound[path] = true
		}
		d.byPath, d.in = map[string][]*interp.Program{}, in
	}
	if path != "" {
		d.progs[prog] = path
		d.byPath[path] = append(d.byPath[path], prog)
	}
	d.run = r
	d.applyBreakpoints()
	d.mu.Unlock()
	defer func() {
		d.mu.Lock()
		d.run = nil
		st := d.stop
		d.stop, d.refs = nil, nil
		d.mu.Unlock()
		if st != nil { // interrupted while stopped
			d.event("continued", map[string]any{"threadId": st.thread, "allThreadsContinued": true})
		}
	}()
	if err := r.dbg.Continue(mainThread); err != nil {
		return reflect.Value{}, fmt.Errorf("debug: starting the chunk: %w", err)
	}
	select {
	case <-r.mainDone:
	case <-ctx.Done():
	}
	if len(r.dbg.GoRoutines()) > 0 {
		// Wait would wait for the goroutines the chunk started: they are
		// stopped with it, as the limits page says.
		cancel()
	}
	v, err := r.dbg.Wait()
	if ctx.Err() != nil {
		// A goroutine stopped by the cancel returns as if it had finished.
		return reflect.Value{}, ctx.Err()
	}
	return v, err
}

// mainThread is the DAP thread id of the goroutine running a chunk.
const mainThread = 1

// compile is in.Compile with the compiler's panics returned as errors, as
// EvalWithContext returns them.
func compile(in *interp.Interpreter, src string) (p *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			var pc [64]uintptr
			n := runtime.Callers(1, pc[:])
			err = interp.Panic{Value: r, Callers: pc[:n]}
		}
	}()
	return in.Compile(src)
}

// applyBreakpoints sets the breakpoints on every chunk of every cell when
// they changed since the run's last application, else on its new chunks
// only. d.mu is held.
func (d *Debugger) applyBreakpoints() {
	r := d.run
	if r == nil {
		return
	}
	all := r.gen != d.bpGen
	r.gen = d.bpGen
	for path, progs := range d.byPath {
		if !all && len(d.breakpoints[path]) == 0 {
			continue
		}
		for _, p := range progs {
			setLines(r.dbg, p, d.breakpoints[path])
		}
	}
}

// setLines sets breakpoints at cell lines in one chunk (chunk line = cell
// line + 1), clearing those it had; it returns which lines it holds.
func setLines(dbg *interp.Debugger, p *interp.Program, lines []int) []bool {
	reqs := make([]interp.BreakpointRequest, 0, len(lines)+1)
	for _, l := range lines {
		reqs = append(reqs, interp.LineBreakpoint(l+1))
	}
	// A request for no line clears nothing: yaegi clears a chunk's old
	// breakpoints while it looks for the lines asked for.
	reqs = append(reqs, interp.LineBreakpoint(0))
	res := dbg.SetBreakpoints(interp.ProgramBreakpointTarget(p), reqs...)
	ok := make([]bool, len(lines))
	for i := range lines {
		ok[i] = res[i].Valid
	}
	return ok
}

// event is yaegi's debug event callback, called on the goroutine that
// stopped; that goroutine waits for a resume after it returns.
func (r *run) event(e *interp.DebugEvent) {
	switch e.Reason() {
	case interp.DebugExitGoRoutine:
		if e.GoRoutine() == mainThread {
			r.once.Do(func() { close(r.mainDone) })
		} else {
			r.d.event("thread", map[string]any{"reason": "exited", "threadId": e.GoRoutine()})
		}
	case interp.DebugEnterGoRoutine:
		if e.GoRoutine() != mainThread {
			r.d.event("thread", map[string]any{"reason": "started", "threadId": e.GoRoutine()})
		}
	case interp.DebugTerminate:
	default:
		r.d.stopped(r, e)
	}
}

var stopReasons = map[interp.DebugEventReason]string{
	interp.DebugBreak:    "breakpoint",
	interp.DebugStepInto: "step",
	interp.DebugStepOver: "step",
	interp.DebugStepOut:  "step",
	interp.DebugPause:    "pause",
	interp.DebugEntry:    "entry",
}

func (d *Debugger) stopped(r *run, e *interp.DebugEvent) {
	frames := e.Frames(0, e.FrameDepth())
	d.mu.Lock()
	if e.Reason() != interp.DebugBreak && frames[0].Position().Line == 0 {
		// A step of yaegi's own with no place in the source.
		d.mu.Unlock()
		go resume(r.dbg, e.GoRoutine(), e.Reason())
		return
	}
	if from := r.step; from != nil && e.Reason() == from.reason && len(frames) == from.depth && d.line(frames[0]) == from.line {
		// The same line: a line holds several of yaegi's steps.
		d.mu.Unlock()
		go resume(r.dbg, e.GoRoutine(), from.reason)
		return
	}
	r.step = nil
	d.stop = &stopped{ev: e, thread: e.GoRoutine(), frames: frames}
	d.refs = nil
	d.mu.Unlock()
	d.event("stopped", map[string]any{"reason": stopReasons[e.Reason()], "threadId": e.GoRoutine(), "allThreadsStopped": true})
}

// line is the cell line a frame is at, 0 if it is in no known cell.
// d.mu is held.
func (d *Debugger) line(f *interp.DebugFrame) int {
	if _, ok := d.progs[program(f)]; !ok {
		return 0
	}
	return max(f.Position().Line-1, 1)
}

// program is f.Program(), nil for code compiled while the debugger was off
// (whose nodes have no debug data: yaegi's Program then panics).
func program(f *interp.DebugFrame) (p *interp.Program) {
	defer func() {
		if recover() != nil {
			p = nil
		}
	}()
	return f.Program()
}

// resume resumes a stopped goroutine (a step, or continue with
// interp.DebugEventReason 0). yaegi marks a goroutine stopped only after
// its event callback returns, so a prompt request may find it running.
func resume(dbg *interp.Debugger, thread int, reason interp.DebugEventReason) error {
	deadline := time.Now().Add(2 * time.Second)
	for {
		var err error
		if reason == 0 {
			err = dbg.Continue(thread)
		} else {
			err = dbg.Step(thread, reason)
		}
		if !errors.Is(err, interp.ErrRunning) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(time.Millisecond)
	}
}

func (d *Debugger) event(name string, body any) {
	d.mu.Lock()
	d.seq++
	seq := d.seq
	d.mu.Unlock()
	d.emit(Message{Seq: seq, Type: "event", Event: name, Body: body})
}

// Handle answers one DAP request (a debug_request's content) with its
// response.
func (d *Debugger) Handle(raw []byte) Message {
	var req Message
	if err := json.Unmarshal(raw, &req); err != nil {
		return d.fail(req, "debug_request content: "+err.Error())
	}
	body, err := d.dispatch(req)
	if err != nil {
		return d.fail(req, err.Error())
	}
	return d.ok(req, body)
}

func (d *Debugger) ok(req Message, body any) Message {
	t := true
	d.mu.Lock()
	d.seq++
	seq := d.seq
	d.mu.Unlock()
	return Message{Seq: seq, Type: "response", RequestSeq: req.Seq, Success: &t, Command: req.Command, Body: body}
}

func (d *Debugger) fail(req Message, msg string) Message {
	f := false
	d.mu.Lock()
	d.seq++
	seq := d.seq
	d.mu.Unlock()
	return Message{Seq: seq, Type: "response", RequestSeq: req.Seq, Success: &f, Command: req.Command, Message: msg}
}

func (d *Debugger) dispatch(req Message) (any, error) {
	args := func(v any) error {
		if len(req.Arguments) == 0 {
			return nil
		}
		if err := json.Unmarshal(req.Arguments, v); err != nil {
			return fmt.Errorf("%s arguments: %w", req.Command, err)
		}
		return nil
	}
	switch req.Command {
	case "initialize":
		d.mu.Lock()
		d.started = true
		d.mu.Unlock()
		return map[string]any{
			"supportsConfigurationDoneRequest": true,
			"supportsDelayedStackTraceLoading": false,
			"supportsSetVariable":              false,
			"supportsEvaluateForHovers":        false,
			"supportsModulesRequest":           false,
			"supportsStepInTargetsRequest":     false,
			"exceptionBreakpointFilters":       []any{},
		}, nil
	case "attach":
		d.event("initialized", nil)
		return nil, nil
	case "configurationDone", "setExceptionBreakpoints":
		return nil, nil
	case "debugInfo":
		return d.info(), nil
	case "dumpCell":
		var a struct {
			Code string `json:"code"`
		}
		if err := args(&a); err != nil {
			return nil, err
		}
		path := d.SourcePath(a.Code)
		d.mu.Lock()
		d.sources[path] = a.Code
		d.mu.Unlock()
		return map[string]any{"sourcePath": path}, nil
	case "source":
		var a struct {
			Source struct {
				Path string `json:"path"`
			} `json:"source"`
		}
		if err := args(&a); err != nil {
			return nil, err
		}
		d.mu.Lock()
		code, ok := d.sources[a.Source.Path]
		d.mu.Unlock()
		if !ok {
			return nil, errors.New("source unavailable")
		}
		return map[string]any{"content": code}, nil
	case "setBreakpoints":
		var a struct {
			Source struct {
				Path string `json:"path"`
			} `json:"source"`
			Breakpoints []struct {
				Line int `json:"line"`
			} `json:"breakpoints"`
		}
		if err := args(&a); err != nil {
			return nil, err
		}
		lines := make([]int, len(a.Breakpoints))
		for i, b := range a.Breakpoints {
			lines[i] = b.Line
		}
		return map[string]any{"breakpoints": d.setBreakpoints(a.Source.Path, lines)}, nil
	case "threads":
		return map[string]any{"threads": d.threads()}, nil
	case "stackTrace":
		return d.stackTrace()
	case "scopes":
		var a struct {
			FrameID int `json:"frameId"`
		}
		if err := args(&a); err != nil {
			return nil, err
		}
		return d.scopes(a.FrameID)
	case "variables":
		var a struct {
			Ref int `json:"variablesReference"`
		}
		if err := args(&a); err != nil {
			return nil, err
		}
		vs, err := d.variables(a.Ref)
		return map[string]any{"variables": vs}, err
	case "inspectVariables":
		return map[string]any{"variables": d.inspect()}, nil
	case "richInspectVariables":
		var a struct {
			Name    string `json:"variableName"`
			FrameID int    `json:"frameId"`
		}
		if err := args(&a); err != nil {
			return nil, err
		}
		return d.richInspect(a.Name, a.FrameID)
	case "evaluate":
		var a struct {
			Expr    string `json:"expression"`
			FrameID int    `json:"frameId"`
		}
		if err := args(&a); err != nil {
			return nil, err
		}
		return d.evaluate(a.Expr, a.FrameID)
	case "continue", "next", "stepIn", "stepOut":
		var a struct {
			Thread int `json:"threadId"`
		}
		if err := args(&a); err != nil {
			return nil, err
		}
		return d.resume(req.Command, a.Thread)
	case "pause":
		return nil, d.pause()
	case "disconnect":
		d.disconnect()
		return nil, nil
	}
	return nil, fmt.Errorf("gocurve's debugger does not handle %q", req.Command)
}

func (d *Debugger) info() map[string]any {
	d.mu.Lock()
	defer d.mu.Unlock()
	bps := []map[string]any{}
	paths := make([]string, 0, len(d.breakpoints))
	for p := range d.breakpoints {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		lines := []map[string]int{}
		for _, l := range d.breakpoints[p] {
			lines = append(lines, map[string]int{"line": l})
		}
		bps = append(bps, map[string]any{"source": p, "breakpoints": lines})
	}
	stopped := []int{}
	if d.stop != nil {
		stopped = append(stopped, d.stop.thread)
	}
	return map[string]any{
		"isStarted":      d.started,
		"hashMethod":     "Murmur2",
		"hashSeed":       HashSeed,
		"tmpFilePrefix":  d.prefix,
		"tmpFileSuffix":  Suffix,
		"breakpoints":    bps,
		"stoppedThreads": stopped,
		"richRendering":  true,
		"exceptionPaths": []string{},
		"copyToGlobals":  false,
	}
}

// setBreakpoints replaces the breakpoints of a cell. A breakpoint is
// verified when a chunk of the cell holds its line, or when the cell has
// not run with the debugger on yet (its chunks take it when they run).
func (d *Debugger) setBreakpoints(path string, lines []int) []map[string]any {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(lines) == 0 {
		delete(d.breakpoints, path)
	} else {
		d.breakpoints[path] = lines
	}
	d.bpGen++
	verified := make([]bool, len(lines))
	progs := d.byPath[path]
	switch {
	case len(progs) > 0 && d.run != nil:
		for _, p := range progs {
			for i, ok := range setLines(d.run.dbg, p, lines) {
				verified[i] = verified[i] || ok
			}
		}
	default:
		// Set on the cell's chunks when the next chunk runs; a cell not run
		// yet takes them as it runs.
		for i := range verified {
			verified[i] = true
		}
	}
	var unbound map[int]bool
	if d.unbound[path] || d.restored && len(progs) == 0 {
		unbound = funcLines(d.sources[path])
	}
	const message = "this cell's funcs were compiled without the debugger (the cell ran before the debugger was enabled, or the session was rebuilt since: a redeclaration, an import, a failed or interrupted cell): breakpoints in them are not hit until the kernel is restarted with the debugger on"
	out := make([]map[string]any, len(lines))
	for i, l := range lines {
		out[i] = map[string]any{"verified": verified[i], "line": l, "source": map[string]string{"path": path}}
		if unbound[l] {
			out[i]["verified"], out[i]["message"] = false, message
		}
	}
	return out
}

// funcLines are the cell lines inside the funcs and methods code declares.
func funcLines(code string) map[int]bool {
	lines := map[int]bool{}
	c, err := cell.Parse(code, nil)
	if err != nil {
		return lines
	}
	for _, it := range c.Items {
		if it.Kind == cell.Func || it.Kind == cell.Method {
			for l := it.Line; l <= it.Line+strings.Count(it.Src, "\n"); l++ {
				lines[l] = true
			}
		}
	}
	return lines
}

func (d *Debugger) threads() []map[string]any {
	d.mu.Lock()
	defer d.mu.Unlock()
	ts := []map[string]any{{"id": mainThread, "name": "cell"}}
	if d.run != nil {
		for _, g := range d.run.dbg.GoRoutines() {
			if g.ID() != mainThread {
				ts = append(ts, map[string]any{"id": g.ID(), "name": g.Name()})
			}
		}
	}
	return ts
}

var errNotStopped = errors.New("no cell is stopped in the debugger")

func (d *Debugger) stackTrace() (any, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stop == nil {
		return nil, errNotStopped
	}
	frames := make([]map[string]any, len(d.stop.frames))
	for i, f := range d.stop.frames {
		name := f.Name()
		if i == len(d.stop.frames)-1 && (name == "main" || name == "<init>" || name == "<anonymous>" || strings.HasPrefix(name, "__gocurve_lit")) {
			// the chunk's body (the session wraps some statements in a func
			// literal, and makes a top-level func literal with a generator
			// func, whose frame is then the literal's parent)
			name = "cell"
		}
		// JupyterLab reads every frame's source: code compiled outside the
		// debugger gets one with no path.
		fr := map[string]any{"id": i + 1, "name": name, "line": 0, "column": 0,
			"source": map[string]string{"name": name + " (compiled without the debugger)", "path": ""}}
		if path, ok := d.progs[program(f)]; ok {
			fr["line"], fr["column"] = d.line(f), 1
			fr["source"] = map[string]string{"name": filepath.Base(path), "path": path}
		}
		frames[i] = fr
	}
	return map[string]any{"stackFrames": frames, "totalFrames": len(frames)}, nil
}

// ref is what a variablesReference names: a frame's locals, the globals, or
// a value whose parts are shown.
type ref struct {
	frame   int // 1-based frame index for locals
	globals bool
	value   reflect.Value
}

func (d *Debugger) addRef(r ref) int {
	d.refs = append(d.refs, r)
	return len(d.refs)
}

func (d *Debugger) scopes(frameID int) (any, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stop == nil {
		return nil, errNotStopped
	}
	if frameID < 1 || frameID > len(d.stop.frames) {
		return nil, fmt.Errorf("no frame %d", frameID)
	}
	return map[string]any{"scopes": []map[string]any{
		{"name": "Locals", "variablesReference": d.addRef(ref{frame: frameID}), "expensive": false},
		{"name": "Globals", "variablesReference": d.addRef(ref{globals: true}), "expensive": false},
	}}, nil
}

// Variable is a DAP variable.
type Variable struct {
	Name         string `json:"name"`
	Value        string `json:"value"`
	Type         string `json:"type,omitempty"`
	Ref          int    `json:"variablesReference"`
	EvaluateName string `json:"evaluateName,omitempty"`
}

func (d *Debugger) variables(n int) ([]Variable, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if n < 1 || n > len(d.refs) {
		return nil, fmt.Errorf("no variables reference %d (the debugger has moved on)", n)
	}
	r := d.refs[n-1]
	switch {
	case r.frame > 0:
		if d.stop == nil || r.frame > len(d.stop.frames) {
			return nil, errNotStopped
		}
		vs := locals(d.stop.frames[r.frame-1])
		if r.frame == len(d.stop.frames) {
			// The cell's own frame: its variables are the session's, as
			// a Python cell's locals are its globals.
			vs = merge(vs, d.globals())
		}
		return d.describeAll(vs), nil
	case r.globals:
		return d.describeAll(d.globals()), nil
	}
	return d.children(r.value), nil
}

type named struct {
	name string
	v    reflect.Value
}

// locals are a frame's variables, innermost scope first, without the
// kernel's own.
func locals(f *interp.DebugFrame) []named {
	var out []named
	seen := map[string]bool{}
	for _, s := range f.Scopes() {
		for _, v := range s.Variables() {
			if hidden(v.Name) || seen[v.Name] {
				continue
			}
			seen[v.Name] = true
			out = append(out, named{v.Name, v.Value})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// globals are the session's variables. d.mu is held; the caller makes
// sure no cell changes them (idle, or stopped).
func (d *Debugger) globals() []named {
	var out []named
	for _, v := range d.vars() {
		if hidden(v.Name) || !v.Ptr.IsValid() || v.Ptr.IsNil() {
			continue
		}
		out = append(out, named{v.Name, v.Ptr.Elem()})
	}
	return out
}

// merge adds to vs the variables of more that vs does not shadow, sorted by name.
func merge(vs, more []named) []named {
	seen := map[string]bool{}
	for _, v := range vs {
		seen[v.name] = true
	}
	for _, v := range more {
		if !seen[v.name] {
			vs = append(vs, v)
		}
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].name < vs[j].name })
	return vs
}

func hidden(name string) bool { return name == "_" || strings.HasPrefix(name, "__gocurve") }

func (d *Debugger) describeAll(ns []named) []Variable {
	out := make([]Variable, 0, len(ns))
	for _, n := range ns {
		out = append(out, d.describe(n.name, n.v))
	}
	return out
}

// inspect lists the session's variables for the variable explorer. While a
// cell runs (not stopped) their values change under the reader, so the
// list of the last idle moment is sent again.
func (d *Debugger) inspect() []Variable {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.running && d.stop == nil {
		return d.idleVars
	}
	d.refs = nil
	d.idleVars = d.describeAll(d.globals())
	return d.idleVars
}

// lookup finds a variable by name: a local of the frame when stopped,
// else a global. d.mu is held.
func (d *Debugger) lookup(name string, frameID int) (reflect.Value, error) {
	if d.running && d.stop == nil {
		return reflect.Value{}, errors.New("the cell is running: stop it at a breakpoint to inspect " + name)
	}
	if d.stop != nil {
		if frameID < 1 || frameID > len(d.stop.frames) {
			frameID = 1
		}
		for _, n := range locals(d.stop.frames[frameID-1]) {
			if n.name == name {
				return n.v, nil
			}
		}
	}
	for _, n := range d.globals() {
		if n.name == name {
			return n.v, nil
		}
	}
	return reflect.Value{}, fmt.Errorf("no variable %s", name)
}

func (d *Debugger) richInspect(name string, frameID int) (any, error) {
	d.mu.Lock()
	v, err := d.lookup(name, frameID)
	d.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if !v.CanInterface() {
		return map[string]any{"data": map[string]any{display.MIMEText: formatValue(v)}, "metadata": map[string]any{}}, nil
	}
	b := display.Render(v.Interface())
	meta := b.Metadata
	if meta == nil {
		meta = map[string]any{}
	}
	return map[string]any{"data": b.Data, "metadata": meta}, nil
}

// evaluate answers the debug console with a variable's value: a name, not
// an expression (evaluating Go would compile into a stopped interpreter).
func (d *Debugger) evaluate(expr string, frameID int) (any, error) {
	name := strings.TrimSpace(expr)
	d.mu.Lock()
	defer d.mu.Unlock()
	v, err := d.lookup(name, frameID)
	if err != nil {
		return nil, fmt.Errorf("%w (the debug console shows variables by name, it does not evaluate Go)", err)
	}
	dv := d.describe(name, v)
	return map[string]any{"result": dv.Value, "type": dv.Type, "variablesReference": dv.Ref}, nil
}

var resumeReasons = map[string]interp.DebugEventReason{
	"continue": 0,
	"next":     interp.DebugStepOver,
	"stepIn":   interp.DebugStepInto,
	"stepOut":  interp.DebugStepOut,
}

func (d *Debugger) resume(command string, thread int) (any, error) {
	d.mu.Lock()
	st, r := d.stop, d.run
	if st == nil || r == nil {
		d.mu.Unlock()
		return nil, errNotStopped
	}
	if thread == 0 {
		thread = st.thread
	}
	reason := resumeReasons[command]
	if reason != 0 {
		r.step = &stepFrom{reason: reason, depth: len(st.frames), line: d.line(st.frames[0])}
	}
	d.stop, d.refs = nil, nil
	d.mu.Unlock()
	d.event("continued", map[string]any{"threadId": thread, "allThreadsContinued": true})
	if err := resume(r.dbg, thread, reason); err != nil {
		return nil, fmt.Errorf("%s: %w", command, err)
	}
	if command == "continue" {
		return map[string]any{"allThreadsContinued": true}, nil
	}
	return nil, nil
}

func (d *Debugger) pause() error {
	d.mu.Lock()
	r := d.run
	d.mu.Unlock()
	if r == nil {
		return errors.New("no cell is running")
	}
	if !r.dbg.Interrupt(mainThread, interp.DebugPause) {
		return errors.New("the cell's goroutine has ended")
	}
	return nil
}

// disconnect stops debugging: breakpoints go, a stopped cell runs on.
func (d *Debugger) disconnect() {
	d.mu.Lock()
	d.started = false
	d.breakpoints = map[string][]int{}
	d.bpGen++
	d.applyBreakpoints() // chunks not running now are cleared when the debugger next runs them
	st, r := d.stop, d.run
	d.stop, d.refs = nil, nil
	d.mu.Unlock()
	if st != nil && r != nil {
		d.event("continued", map[string]any{"threadId": st.thread, "allThreadsContinued": true})
		resume(r.dbg, st.thread, 0)
	}
}
