// Package debug answers the Debug Adapter Protocol requests JupyterLab's
// debugger sends (debug_request on the control channel) for the cells of
// one interpreter session, and reports stops as DAP events.
//
// It follows ipykernel's debugger: the front end names each cell by a hash
// of its code (dumpCell, debugInfo's hashMethod, hashSeed, tmpFilePrefix
// and tmpFileSuffix), so a breakpoint set in a cell holds for every run of
// the same code. While the debugger is started, the session runs each chunk
// of a cell through Run, which compiles it and runs it under yaegi's
// interp.Debugger when it may reach a breakpoint or leaves code behind;
// otherwise, and while the debugger is not started, Run is the session's
// EvalWithContext and costs nothing more. The debug console evaluates Go
// expressions in an interpreter of its own (evaluate.go).
//
// The session runs each statement of a cell as its own chunk, whose line L
// is the cell's line L-1 (see kernel/session's chunk). A chunk's program is
// remembered with its cell, so breakpoints reach the funcs declared in
// earlier cells run while the debugger was on. The declarations the
// session replays into a new interpreter (Replay) are compiled under the
// debugger too, and their funcs are found by name in the cells that
// declare them. A session whose funcs were compiled while the debugger was
// off is moved to a new interpreter before the next cell (CellStart's
// redeclare), which replays them through Replay.
//
// The debugger holds the *interp.Program of each chunk it compiled, and
// sets breakpoints through them (interp.ProgramBreakpointTarget): it does
// not read the interpreter's list of roots.
package debug

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
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
	recent      []string                   // the paths of sources, least recently run or dumped first
	funcs       map[string][]funcItem      // the funcs each source declares, parsed once
	progs       map[*interp.Program]string // chunk → its cell's source path
	byPath      map[string][]*interp.Program
	stmts       map[*interp.Program]bool // the chunks of statements (not declarations)
	cell        string                   // the running cell's source path, "" when idle
	// replays are the replayed declarations of in, by program; next are
	// those of an interpreter the session is moving to.
	replays map[*interp.Program][]segment
	next    *replayed
	in      *interp.Interpreter // the interpreter the chunks of byPath are in
	// stale: the session holds funcs compiled outside the debugger (cells
	// run while it was off, a replay while it was off); the next cell
	// moves the session to a new interpreter first. refused is why that
	// could not be done.
	stale   bool
	refused string
	// After a refusal the next backoff cells do not try again (retryIn
	// counts them down); backoff doubles with each refusal.
	backoff, retryIn int
	running          bool
	run              *run     // the chunk running under the debugger
	stop             *stopped // set while a goroutine is stopped
	refs             []ref    // variablesReference n is refs[n-1]
	idleVars         []Variable
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
		stmts:       map[*interp.Program]bool{},
		funcs:       map[string][]funcItem{},
		replays:     map[*interp.Program][]segment{},
	}
}

// SourcePath is the path the front end knows a cell of code by.
func (d *Debugger) SourcePath(code string) string { return d.prefix + cellName(code) }

// CellStart tells the debugger that the cell code starts running. With
// the debugger started and funcs of the session compiled outside it, it
// first calls redeclare, which moves the session to a new interpreter
// through Replay (session.Redeclare) and returns why it could not, or "";
// CellStart then returns a notice for the cell's output saying which
// breakpoints are not hit.
func (d *Debugger) CellStart(code string, redeclare func() string) (notice string) {
	d.mu.Lock()
	path := d.SourcePath(code)
	d.remember(path, code)
	if !d.started {
		d.running = true
		d.stale = true // the cell may declare funcs
		d.mu.Unlock()
		return ""
	}
	try := d.stale && redeclare != nil
	if try && d.refused != "" && d.retryIn > 0 {
		// Refused lately: a move costs a rebuild of the session.
		d.retryIn--
		try = false
	}
	d.mu.Unlock()
	var why string
	if try {
		why = redeclare()
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.running, d.cell = true, path
	d.forgetStatements(path)
	if try {
		d.refused = why
		if why == "" {
			d.stale, d.backoff = false, 0
		} else {
			d.backoff = max(1, 2*d.backoff)
			d.retryIn = d.backoff
		}
	}
	if why == "" {
		return ""
	}
	return "the debugger cannot stop in the funcs declared before it was enabled: recompiling them would change the session (" + why + "); run the cells that declare them again to debug them"
}

// forgetStatements forgets the statement chunks of the last run of the
// cell at path, which runs again: the debugger keeps those of one run of
// each cell (a func literal they made may still be called), and the
// chunks that declare. d.mu is held.
func (d *Debugger) forgetStatements(path string) {
	kept := d.byPath[path][:0]
	for _, p := range d.byPath[path] {
		if d.stmts[p] {
			delete(d.progs, p)
			delete(d.stmts, p)
			continue
		}
		kept = append(kept, p)
	}
	d.byPath[path] = kept
}

// maxSources bounds the cells whose code the debugger keeps.
const maxSources = 512

// remember keeps a cell's code by its source path, as the latest run or
// dumped. d.mu is held.
func (d *Debugger) remember(path, code string) {
	if i := slices.Index(d.recent, path); i >= 0 {
		d.recent = slices.Delete(d.recent, i, i+1)
	}
	d.recent = append(d.recent, path)
	d.sources[path] = code
	for len(d.recent) > maxSources {
		old := d.recent[0]
		d.recent = d.recent[1:]
		if len(d.breakpoints[old]) == 0 {
			delete(d.sources, old)
			delete(d.funcs, old)
		}
	}
}

// CellEnd tells the debugger that the cell has ended.
func (d *Debugger) CellEnd() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.running, d.cell = false, ""
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
	// terminated is closed by the debugger's last event.
	terminated chan struct{}
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
//
// yaegi's debugger hooks every node the interpreter runs, which makes
// loops tens of times slower, and hooks every chunk of the interpreter
// once it runs one. A chunk that cannot reach a breakpoint (none is set in
// its cell or in any func or func literal of another cell) and leaves
// nothing behind that runs later (it declares nothing, makes no func
// literal but the one the session wraps a loop in, starts no goroutine)
// runs without the debugger, at full speed: a breakpoint set while it
// runs, or pause, takes effect from the next chunk on.
func (d *Debugger) Run(ctx context.Context, in *interp.Interpreter, src string) (reflect.Value, error) {
	d.mu.Lock()
	on, path := d.started, d.cell
	hooks := on && (d.reachable(path) || leavesCode(src))
	d.mu.Unlock()
	if !hooks {
		return in.EvalWithContext(ctx, src)
	}
	prog, err := compile(in, src)
	if err != nil || prog == nil {
		return reflect.Value{}, err
	}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r := &run{d: d, mainDone: make(chan struct{}), terminated: make(chan struct{}), gen: -1}
	r.dbg = in.Debug(rctx, prog, r.event, &interp.DebugOptions{GoRoutineStartAt1: true})
	d.mu.Lock()
	d.use(in)
	if path != "" {
		d.progs[prog] = path
		d.byPath[path] = append(d.byPath[path], prog)
		if strings.HasPrefix(src, ";") || session.IsGenerators(src) {
			d.stmts[prog] = true
		}
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
	lingering := len(r.dbg.GoRoutines()) > 0
	if lingering {
		// Wait would wait for the goroutines the chunk started, which run
		// on as Go's do (docs/known-limits.md says what that costs).
		cancel()
	}
	v, err := r.dbg.Wait()
	if !lingering {
		r.settle(in)
	}
	if ctx.Err() != nil {
		// A goroutine stopped by the cancel returns as if it had finished.
		return reflect.Value{}, ctx.Err()
	}
	return v, explainPanic(err)
}

// errOutsideFunc is what yaegi's debugger does when a chunk calls a func
// value made by code run without it (its frame has no debug data).
const errOutsideFunc = "the debugger cannot call a func value made while it was off (a func literal of a cell run before the debugger was enabled; yaegi v0.16.1's debugger dereferences its missing debug data): run the cell that made it again, or disable the debugger"

// explainPanic replaces yaegi's nil dereference in its debugger's call
// entry by what happened.
func explainPanic(err error) error {
	var p interp.Panic
	if errors.As(err, &p) && strings.Contains(string(p.Stack), "interp.(*Debugger).enterCall") {
		p.Value = errors.New(errOutsideFunc)
		return p
	}
	return err
}

// mainThread is the DAP thread id of the goroutine running a chunk.
const mainThread = 1

// reachable reports whether a chunk of the cell at path may reach a
// breakpoint: one of the cell's own, or one of another cell that runs when
// called (in a func, or in a cell that has a func literal). d.mu is held.
func (d *Debugger) reachable(path string) bool {
	if len(d.breakpoints[path]) > 0 {
		return true
	}
	for p, lines := range d.breakpoints {
		code := d.sources[p]
		if len(lines) == 0 || p == path {
			continue
		}
		if _, ok := d.sources[p]; !ok || strings.Contains(code, "func") {
			return true // in a func or a func literal, or of a cell not known
		}
	}
	return false
}

// leavesCode reports whether a chunk leaves behind code that may run
// later, under the debugger: declarations, func literals (but a loop the
// session wraps in one it calls at once), goroutines. Frames yaegi's
// debugger has no data for make it fail when it later enters them.
func leavesCode(src string) bool {
	if !strings.HasPrefix(src, ";") {
		return true // a declaration chunk
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p; func _() {"+src+"\n}", parser.SkipObjectResolution)
	if err != nil {
		return true
	}
	body := f.Decls[0].(*ast.FuncDecl).Body
	leaves := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.ExprStmt:
			// The session's wrapper: func(){ … }() at the top.
			if c, ok := x.X.(*ast.CallExpr); ok && len(c.Args) == 0 && slices.Contains(body.List, ast.Stmt(x)) {
				if fl, ok := c.Fun.(*ast.FuncLit); ok {
					ast.Inspect(fl.Body, func(m ast.Node) bool {
						switch m.(type) {
						case *ast.FuncLit, *ast.GoStmt:
							leaves = true
						}
						return !leaves
					})
					return false
				}
			}
		case *ast.FuncLit, *ast.GoStmt:
			leaves = true
		}
		return !leaves
	})
	return leaves
}

// use makes in the interpreter whose programs the debugger knows. When the
// session has moved to a new interpreter, the chunks of the old one are
// gone, and the declarations replayed into the new one are those it
// knows. d.mu is held.
func (d *Debugger) use(in *interp.Interpreter) {
	if in == d.in {
		d.next = nil // a replay the session did not keep (a failed rebuild)
		return
	}
	d.replays = map[*interp.Program][]segment{}
	if d.next != nil && d.next.in == in {
		d.replays = d.next.progs
		d.stale = false
	}
	d.next, d.in = nil, in
	d.progs, d.byPath, d.stmts = map[*interp.Program]string{}, map[string][]*interp.Program{}, map[*interp.Program]bool{}
}

// replayed are the programs of declarations replayed into an interpreter.
type replayed struct {
	in    *interp.Interpreter
	progs map[*interp.Program][]segment
}

// segment is a func or method a replayed chunk declares: its name
// (Recv.Name for a method) and the chunk lines from its func keyword to
// its end.
type segment struct {
	name        string
	first, last int
}

// Replay evaluates a chunk of declarations the session replays into a new
// interpreter (session.Options.Replay). With the debugger started it is
// compiled and run under yaegi's debugger, so that breakpoints reach its
// funcs; else it is Eval.
func (d *Debugger) Replay(in *interp.Interpreter, src string) (reflect.Value, error) {
	d.mu.Lock()
	on := d.started
	if !on {
		d.stale = true
	}
	d.mu.Unlock()
	prog, err := compile(in, src)
	if err != nil || prog == nil {
		return reflect.Value{}, err
	}
	if !on {
		return in.Execute(prog)
	}
	segs := segments(src)
	d.mu.Lock()
	if d.next == nil || d.next.in != in {
		d.next = &replayed{in: in, progs: map[*interp.Program][]segment{}}
	}
	d.next.progs[prog] = segs
	d.mu.Unlock()
	return runDeclarations(in, prog)
}

// runDeclarations runs a program under yaegi's debugger, which marks its
// nodes as the program's, without stopping.
func runDeclarations(in *interp.Interpreter, prog *interp.Program) (reflect.Value, error) {
	var dbg *interp.Debugger
	ready, terminated := make(chan struct{}), make(chan struct{})
	dbg = in.Debug(context.Background(), prog, func(e *interp.DebugEvent) {
		switch e.Reason() {
		case interp.DebugTerminate:
			close(terminated)
		case interp.DebugEnterGoRoutine, interp.DebugExitGoRoutine:
		default:
			<-ready
			go resume(dbg, e.GoRoutine(), 0)
		}
	}, &interp.DebugOptions{GoRoutineStartAt1: true})
	close(ready)
	if err := dbg.Continue(mainThread); err != nil {
		return reflect.Value{}, fmt.Errorf("debug: starting the declarations: %w", err)
	}
	v, err := dbg.Wait()
	<-terminated
	detached(in)
	return v, err
}

// segments are the funcs and methods src declares.
func segments(src string) []segment {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var out []segment
	for _, decl := range f.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok {
			out = append(out, segment{cell.DeclName(fd), fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line})
		}
	}
	return out
}

// funcItem is a func or method of a cell: its name and the cell lines
// from its func keyword to its end.
type funcItem struct {
	name        string
	first, last int
}

// funcsOf are the funcs and methods the cell at path declares, parsed
// once. d.mu is held.
func (d *Debugger) funcsOf(path string) []funcItem {
	if fs, ok := d.funcs[path]; ok {
		return fs
	}
	var fs []funcItem
	if c, err := cell.Parse(d.sources[path], nil); err == nil {
		for _, it := range c.Items {
			if it.Kind != cell.Func && it.Kind != cell.Method {
				continue
			}
			// The item's text starts on line 2 of the file parsed.
			for _, seg := range segments("package p\n" + it.Orig) {
				fs = append(fs, funcItem{seg.name, it.Line + seg.first - 2, it.Line + seg.last - 2})
			}
		}
	}
	d.funcs[path] = fs
	return fs
}

// owner finds the cell that declares a replayed func: the one run or
// dumped most recently that declares a func of its name and length.
// d.mu is held.
func (d *Debugger) owner(seg segment) (string, funcItem, bool) {
	for i := len(d.recent) - 1; i >= 0; i-- {
		path := d.recent[i]
		for _, fi := range d.funcsOf(path) {
			if fi.name == seg.name && fi.last-fi.first == seg.last-seg.first {
				return path, fi, true
			}
		}
	}
	return "", funcItem{}, false
}

// settle returns once the chunk's debugger has let go of in, or once a
// goroutine the chunk started shows (yaegi's debugger then waits for it
// before it lets go, as long as it runs).
func (r *run) settle(in *interp.Interpreter) {
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-r.terminated:
			detached(in)
			return
		case <-tick.C:
			if len(r.dbg.GoRoutines()) > 0 {
				return
			}
		}
	}
}

// detached returns once yaegi's debugger of the last chunk has let go of
// in. Its Debug clears the interpreter's debugger (one per interpreter)
// after its last event and after Wait has returned, with nothing to wait
// on: a chunk debugged before that store lands would run without its
// debugger, and its frames without the debug data later chunks need.
func detached(in *interp.Interpreter) {
	f := reflect.ValueOf(in).Elem().FieldByName("debugger")
	for !f.IsNil() {
		runtime.Gosched()
	}
}

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
			setLines(r.dbg, p, chunkLines(d.breakpoints[path]))
		}
	}
	if all {
		for p, segs := range d.replays {
			setLines(r.dbg, p, d.replayLines(segs))
		}
	}
}

// chunkLines are a cell chunk's lines for cell lines.
func chunkLines(lines []int) []int {
	out := make([]int, len(lines))
	for i, l := range lines {
		out[i] = l + 1
	}
	return out
}

// replayLines are the lines of a replayed chunk that hold breakpoints of
// the cells declaring its funcs. d.mu is held.
func (d *Debugger) replayLines(segs []segment) []int {
	var out []int
	for _, seg := range segs {
		path, fi, ok := d.owner(seg)
		if !ok {
			continue
		}
		for _, l := range d.breakpoints[path] {
			if l >= fi.first && l <= fi.last {
				out = append(out, seg.first+l-fi.first)
			}
		}
	}
	return out
}

// replayHolds reports which of a cell's lines lie in a func replayed
// under the debugger. d.mu is held.
func (d *Debugger) replayHolds(path string, lines []int) []bool {
	ok := make([]bool, len(lines))
	for _, segs := range d.replays {
		for _, seg := range segs {
			p, fi, found := d.owner(seg)
			if !found || p != path {
				continue
			}
			for i, l := range lines {
				ok[i] = ok[i] || l >= fi.first && l <= fi.last
			}
		}
	}
	return ok
}

// setLines sets breakpoints at lines of one chunk, clearing those it had;
// it returns which lines it holds.
func setLines(dbg *interp.Debugger, p *interp.Program, lines []int) []bool {
	reqs := make([]interp.BreakpointRequest, 0, len(lines)+1)
	for _, l := range lines {
		reqs = append(reqs, interp.LineBreakpoint(l))
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
		close(r.terminated)
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
	if from := r.step; from != nil && e.Reason() == from.reason && len(frames) == from.depth && d.where(frames[0]).line == from.line {
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

// place is a cell's source path and a line in it.
type place struct {
	path string
	line int
}

// where is the cell and line a frame is at, the zero place if it is in no
// known cell. d.mu is held.
func (d *Debugger) where(f *interp.DebugFrame) place {
	p := program(f)
	if path, ok := d.progs[p]; ok {
		return place{path, max(f.Position().Line-1, 1)}
	}
	line := f.Position().Line
	for _, seg := range d.replays[p] {
		if line < seg.first || line > seg.last {
			continue
		}
		if path, fi, ok := d.owner(seg); ok {
			return place{path, fi.first + line - seg.first}
		}
	}
	return place{}
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
		d.remember(path, a.Code)
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
// verified when a chunk of the cell, or a func of the cell replayed under
// the debugger, holds its line, or when no cell is running (the next cell
// sets it, after recompiling funcs compiled outside the debugger).
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
	var message string
	if d.run != nil {
		for _, p := range d.byPath[path] {
			for i, ok := range setLines(d.run.dbg, p, chunkLines(lines)) {
				verified[i] = verified[i] || ok
			}
		}
		for p, segs := range d.replays {
			setLines(d.run.dbg, p, d.replayLines(segs))
		}
		d.run.gen = d.bpGen
		held := d.replayHolds(path, lines)
		inFunc := funcLines(d.sources[path])
		ran := len(d.byPath[path]) > 0
		for i, l := range lines {
			switch {
			case verified[i] || held[i]:
				verified[i] = true
			case inFunc[l] && d.stale:
				message = "this func was compiled before the debugger was enabled: the breakpoint is hit from the next cell on"
			case !ran:
				verified[i] = true // the cell's chunks take it when it runs
			}
		}
	} else {
		for i := range verified {
			verified[i] = true
		}
	}
	if d.stale && d.refused != "" {
		message = "this func was compiled before the debugger was enabled, and recompiling it would change the session (" + d.refused + "): run this cell again to debug it"
		for i, l := range lines {
			if funcLines(d.sources[path])[l] {
				verified[i] = false
			}
		}
	}
	out := make([]map[string]any, len(lines))
	for i, l := range lines {
		out[i] = map[string]any{"verified": verified[i], "line": l, "source": map[string]string{"path": path}}
		if !verified[i] && message != "" {
			out[i]["message"] = message
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
		if at := d.where(f); at.path != "" {
			fr["line"], fr["column"] = at.line, 1
			fr["source"] = map[string]string{"name": filepath.Base(at.path), "path": at.path}
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
		if d.idleVars == nil {
			return []Variable{}
		}
		return d.idleVars
	}
	d.refs = nil
	d.idleVars = d.describeAll(d.globals())
	if d.idleVars == nil {
		d.idleVars = []Variable{} // a list, also when empty: DAP's variables is an array
	}
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

// evaluate answers the debug console: a Go expression over the variables
// of the frame (stopped) or of the session (idle), evaluated by evalExpr.
func (d *Debugger) evaluate(expr string, frameID int) (any, error) {
	expr = strings.TrimSpace(expr)
	d.mu.Lock()
	if token.IsIdentifier(expr) {
		defer d.mu.Unlock()
		v, err := d.lookup(expr, frameID)
		if err != nil {
			return nil, err
		}
		dv := d.describe(expr, v)
		return map[string]any{"result": dv.Value, "type": dv.Type, "variablesReference": dv.Ref}, nil
	}
	if d.running && d.stop == nil {
		d.mu.Unlock()
		return nil, errors.New("the cell is running: stop it at a breakpoint (or wait for it to end) to evaluate " + expr)
	}
	var scope []named
	if d.stop != nil {
		if frameID < 1 || frameID > len(d.stop.frames) {
			frameID = 1
		}
		scope = locals(d.stop.frames[frameID-1])
	}
	scope = append(scope, d.globals()...)
	d.mu.Unlock()
	// The cell stays stopped (or the session idle) while the front end
	// waits for this answer.
	v, out, err := evalExpr(expr, scope)
	if err != nil {
		if out != "" {
			err = fmt.Errorf("%s%w", out, err)
		}
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	dv := Variable{Value: out}
	if v.IsValid() {
		dv = d.describe(expr, v)
		dv.Value = out + dv.Value
	}
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
		r.step = &stepFrom{reason: reason, depth: len(st.frames), line: d.where(st.frames[0]).line}
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
	r, fast := d.run, d.started && d.running && !d.reachable(d.cell)
	d.mu.Unlock()
	if r == nil {
		if fast {
			return errors.New("this statement runs at full speed, without the debugger's hooks, as no breakpoint it could reach was set when it started: set a breakpoint in it and run the cell again, or interrupt it")
		}
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
