package worker

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/comm"
	dap "github.com/gocurve/gocurve/kernel/debug"
	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/kernel/magic"
	"github.com/gocurve/gocurve/kernel/session"
	"github.com/gocurve/gocurve/kernel/widget"
)

// Environment variables the supervisor sets for the worker.
const (
	// EnvMode marks a process as a worker; its value is the protocol version.
	EnvMode = "GOCURVE_WORKER"
	// EnvMaxStack is the goroutine stack limit in bytes (infinite recursion
	// then fails fast instead of eating a gigabyte first).
	EnvMaxStack = "GOCURVE_WORKER_MAX_STACK"
	// EnvMemory is the worker's address-space limit in bytes (default
	// DefaultMemory): a cell that allocates without end then kills only
	// the worker, not the machine.
	EnvMemory = "GOCURVE_WORKER_MEMORY"
)

// DefaultMemory is the worker's address-space limit when EnvMemory is unset.
const DefaultMemory = 8 << 30

// IsWorker reports whether this process was started as a worker.
func IsWorker() bool { return os.Getenv(EnvMode) != "" }

// Serve runs the worker loop on fds 3 (requests) and 4 (events) until the
// request stream ends. It is the whole life of a worker process.
func Serve() error {
	if n, err := parseSize(os.Getenv(EnvMaxStack)); err == nil && n > 0 {
		debug.SetMaxStack(int(n))
	}
	limit := int64(DefaultMemory)
	if n, err := parseSize(os.Getenv(EnvMemory)); err == nil && n > 0 {
		limit = n
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: uint64(limit), Max: uint64(limit)}); err != nil {
		fmt.Fprintf(os.Stderr, "gocurve worker: cannot limit memory to %d bytes: %v\n", limit, err)
	}
	w := &server{
		in:    os.NewFile(3, "requests"),
		out:   os.NewFile(4, "events"),
		comms: make(chan struct{}, 1),
	}
	stdio, err := protectStdio()
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	w.stdio = stdio
	w.debug = dap.New(w.debugEvent, func() []session.Variable { return w.sess.Variables() })
	sess, err := session.New(session.Options{Stdout: stdio.stdout, Stderr: stdio.stderr, Stdin: stdinReader{w}, Run: w.debug.Run, Replay: w.debug.Replay, Debugging: w.debug.Started})
	if err != nil {
		return fmt.Errorf("worker: starting session: %w", err)
	}
	w.sess = sess
	display.SetPublisher(publisher{w})
	comm.SetTransport(commTransport{w})

	// Interrupts come as requests that name their cell (see interrupts);
	// a SIGINT sent to the process group must not end the worker.
	signal.Ignore(syscall.SIGINT)

	reqs := make(chan Request)
	go func() {
		w.readRequests(reqs)
		// The kernel closed the pipe or died: no one will read what a running
		// cell does, so end now rather than spin as an orphan.
		os.Exit(0)
	}()
	w.send(Event{Type: "ready"})
	// Memory the collector freed stays with the process until the runtime's
	// scavenger returns it, a little at a time: between cells the worker's
	// resident memory is then the live heap plus whatever the last cells
	// left free (10–20 MB after a notebook). Once the worker has been idle
	// for idleRelease it returns it all, off the reply path (a cell sent
	// while it runs waits for it, a few milliseconds).
	idle := time.NewTimer(idleRelease)
	for {
		select {
		case <-idle.C:
			debug.FreeOSMemory()
			w.writeHeapProfile()
			continue
		case r, ok := <-reqs:
			if !ok {
				return nil
			}
			switch r.Type {
			case "execute":
				w.execute(r)
			case "preview":
				w.send(Event{Type: "preview", Name: r.Code, Text: magic.Preview(context.Background(), w.sess, r.Code)})
			case "restore":
				notices, err := w.sess.Restore(r.State)
				o := &Outcome{Status: "ok", Notices: notices}
				if err != nil {
					o = &Outcome{Status: "error", Ename: "RestoreError", Evalue: err.Error(), Notices: notices}
				}
				w.finish(o)
			}
		case <-w.comms:
			w.deliverComms()
		}
		idle.Reset(idleRelease)
	}
}

// idleRelease is how long the worker waits without a request before it
// returns the memory its heap does not use to the system.
const idleRelease = time.Second

// EnvHeapProfile names a file prefix: when it is set, the worker writes
// its heap profile to prefix.N (N = 1, 2, …) each time it has been idle
// for idleRelease, for soak benchmarks to compare what the session holds
// between two moments (go tool pprof -base prefix.1 … prefix.2).
const EnvHeapProfile = "GOCURVE_WORKER_HEAPPROFILE"

// writeHeapProfile writes the next heap profile when EnvHeapProfile is set.
func (w *server) writeHeapProfile() {
	prefix := os.Getenv(EnvHeapProfile)
	if prefix == "" {
		return
	}
	w.profiles++
	f, err := os.Create(fmt.Sprintf("%s.%d", prefix, w.profiles))
	if err != nil {
		fmt.Fprintf(os.Stderr, "gocurve worker: heap profile: %v\n", err)
		return
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "gocurve worker: heap profile: %v\n", err)
	}
}

type server struct {
	in, out  *os.File
	sess     *session.Session
	stdio    *stdio
	displays displayBudget
	debug    *dap.Debugger
	// compactions is the session's count of compactions at the last cell.
	compactions int
	profiles    int // heap profiles written (EnvHeapProfile)

	sendMu sync.Mutex
	seq    uint64

	interrupts interrupts

	mu         sync.Mutex
	allowStdin bool
	// inputs holds, for each input_request not yet answered, where its
	// input_reply goes: the reply names its request, so one that arrives
	// before the reader waits is not lost, and a late one (for a reader
	// of an interrupted cell) reaches no other.
	inputs    map[uint64]chan string
	lastInput uint64
	// pendingInput is what a cell has not yet read of the last input line.
	pendingInput string

	// pending holds comm messages from the front end that arrived and wait
	// to be delivered when no cell runs; comms signals that there are some.
	pendingMu sync.Mutex
	pending   []*CommMessage
	comms     chan struct{}
}

func (w *server) readRequests(reqs chan<- Request) {
	defer close(reqs)
	sc := bufio.NewScanner(w.in)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for sc.Scan() {
		var r Request
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			fmt.Fprintf(os.Stderr, "gocurve worker: bad request: %v\n", err)
			continue
		}
		if r.Type == "comm" && r.Comm != nil {
			// At once, so a running cell sees a control's new value; its
			// handlers run later, between cells, from the main loop.
			comm.Arrive(r.Comm.Kind, r.Comm.Message)
			w.pendingMu.Lock()
			w.pending = append(w.pending, r.Comm)
			w.pendingMu.Unlock()
			select {
			case w.comms <- struct{}{}:
			default:
			}
			continue
		}
		if r.Type == "debug" {
			w.debugRequest(r.Debug)
			continue
		}
		if r.Type == "interrupt" {
			w.interrupts.request(unit{cell: r.Cell, token: r.Token})
			continue
		}
		if r.Type == "input_reply" {
			w.mu.Lock()
			ch := w.inputs[r.Token]
			delete(w.inputs, r.Token)
			w.mu.Unlock()
			if ch != nil {
				ch <- r.Value // buffered: never blocks
			}
			continue
		}
		reqs <- r
	}
}

// send writes an event after sync markers on stdout and stderr, so the
// supervisor emits it after everything printed before it.
func (w *server) send(e Event) {
	w.sendMu.Lock()
	defer w.sendMu.Unlock()
	w.seq++
	e.Seq = w.seq
	m := marker(e.Seq)
	// Direct writes: the markers must not sit in any buffer.
	syscall.Write(w.stdio.markers[0], m)
	syscall.Write(w.stdio.markers[1], m)
	b, err := json.Marshal(e)
	if err != nil {
		b, _ = json.Marshal(Event{Type: e.Type, Seq: e.Seq, Outcome: &Outcome{Status: "error", Ename: "InternalError", Evalue: err.Error()}})
	}
	w.out.Write(append(b, '\n'))
}

func (w *server) execute(r Request) {
	// The supervisor tells a worker that died with the cell from one that
	// died before it took it.
	w.send(Event{Type: "started"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w.mu.Lock()
	w.allowStdin = r.AllowStdin
	w.mu.Unlock()
	u := unit{cell: r.Cell}
	w.interrupts.begin(u, cancel)
	defer func() {
		w.interrupts.end(u)
		w.mu.Lock()
		w.allowStdin, w.pendingInput = false, ""
		w.mu.Unlock()
	}()

	w.displays.reset()
	debugNotice := w.debug.CellStart(r.Code, w.sess.Redeclare)
	defer w.debug.CellEnd()
	var funcs map[string]bool
	if widget.HasCallbacks() {
		funcs = funcNames(w.sess.Decls())
	}
	o := w.run(ctx, r.Code)
	if debugNotice != "" {
		o.Notices = append([]string{debugNotice}, o.Notices...)
	}
	if o.Ename == EnameInterrupted {
		awaitStopped()
	}
	if o.Status == "ok" && widget.HasCallbacks() {
		if n := redefined(r.Code, funcs); n != "" {
			o.Notices = append(o.Notices, "widgets made before this cell keep calling the old "+n+" (a callback holds the func it was given); run their cells again to use the new one")
		}
	}
	if o.Status == "ok" && len(r.UserExpressions) > 0 {
		o.UserExpressions = make(map[string]json.RawMessage, len(r.UserExpressions))
		for name, expr := range r.UserExpressions {
			o.UserExpressions[name] = userExpression(w.run(ctx, expr))
		}
	}
	if w.stdio.closedByCell() {
		o.Retire = true
		o.Notices = append(o.Notices, "the cell closed os.Stdout or os.Stderr, so later output would be lost: its worker process is replaced")
	}
	if o.Display != nil {
		b := w.displays.admit(*o.Display)
		o.Display = &b
		if b.Data == nil {
			o.Display = nil
		}
	}
	// idle before the reply goes out: a debug request that follows the
	// reply (the variable explorer's inspectVariables) finds the cell ended
	w.debug.CellEnd()
	w.finish(o)
	// A compaction left a whole interpreter for the collector: return it
	// now that the reply is sent, not at the next idle second.
	if n := w.sess.Compactions(); n != w.compactions {
		w.compactions = n
		debug.FreeOSMemory()
	}
}

// run executes code in the session. A panic of the kernel's own code
// (rewriting, evaluation, display) is a bug in gocurve: the cell reports it
// and the worker lives on.
func (w *server) run(ctx context.Context, code string) (o *Outcome) {
	defer func() {
		if r := recover(); r != nil {
			stack := string(debug.Stack())
			w.send(Event{Type: "log", Text: fmt.Sprintf("panic in the kernel's cell handling: %v\n%s", r, stack)})
			o = &Outcome{
				Status: "error", Ename: EnameInternal,
				Evalue: fmt.Sprintf("gocurve failed on this cell (a bug in the kernel, not in your code; please report it with the cell): %v", r),
				Traceback: []string{
					EnameInternal + ": gocurve failed on this cell: " + fmt.Sprint(r),
					"The session is as before the cell, except for what the cell did before the failure.",
				},
			}
		}
	}()
	return outcomeOf(w.runCell(ctx, code))
}

// evalFrames name the goroutines in which yaegi's EvalWithContext and
// ExecuteWithContext (the session's way, between Compile and Execute) run
// a chunk. Both return as soon as their context ends, while that goroutine
// runs on until the interpreted code notices; a compiled call (a long
// mat.Mul) or a time.Sleep never does.
var evalFrames = [][]byte{
	[]byte("github.com/traefik/yaegi/interp.(*Interpreter).EvalWithContext.func1"),
	[]byte("github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext.func1"),
}

// awaitStopped returns when no chunk of the interrupted cell is still
// running, so an interrupt is reported only once it has taken effect. A
// call that never returns keeps the cell busy until the supervisor's grace
// period ends and it replaces the worker.
//
// With a million goroutines the dump outgrows maxDump; then the cell is
// taken as still running, and the supervisor replaces the worker.
func awaitStopped() {
	const maxDump = 64 << 20
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n == len(buf) {
			if len(buf) < maxDump {
				buf = make([]byte, 2*len(buf))
				continue
			}
			select {} // the supervisor ends this process
		}
		if !slices.ContainsFunc(evalFrames, func(f []byte) bool { return bytes.Contains(buf[:n], f) }) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// funcNames returns the names of the session's funcs.
func funcNames(decls []session.Decl) map[string]bool {
	names := map[string]bool{}
	for _, d := range decls {
		if d.Kind == "func" {
			names[d.Name] = true
		}
	}
	return names
}

// redefined returns the first func of funcs that code declares again, "" if
// none, from the cell's syntax tree.
func redefined(code string, funcs map[string]bool) string {
	c, err := cell.Parse(code, nil)
	if err != nil {
		return ""
	}
	for _, it := range c.Items {
		if it.Kind != cell.Func {
			continue
		}
		for _, n := range it.Names {
			if funcs[n] {
				return n
			}
		}
	}
	return ""
}

// runCell runs a cell: a magic (%time, !cmd, name?, …) if it is one, else Go.
func (w *server) runCell(ctx context.Context, code string) (*session.Result, error) {
	// The declarations are listed only if the parser asks about a name.
	isGoName := func(name string) bool { return magic.GoNames(w.sess.Decls())(name) }
	cmd, ok, err := magic.Parse(code, isGoName)
	if !ok {
		return w.sess.Execute(ctx, code)
	}
	if err != nil {
		return nil, err
	}
	res, err := magic.Run(ctx, cmd, magic.Env{Session: w.sess, Stdout: os.Stdout, Stderr: os.Stderr})
	if res == nil && err == nil {
		res = &session.Result{}
	}
	return res, err
}

// finish attaches the changed snapshot records to o and sends it (the
// supervisor derives the declarations from them).
func (w *server) finish(o *Outcome) {
	// Only the records that changed: the supervisor keeps the rest.
	o.State, o.StateFull = w.sess.Changes()
	w.send(Event{Type: "result", Outcome: o})
}

func outcomeOf(res *session.Result, err error) *Outcome {
	if err != nil {
		o := &Outcome{Status: "error", Ename: "Error", Evalue: err.Error()}
		var se session.Error
		if errors.As(err, &se) {
			o.Ename, o.Traceback = se.Name(), se.Traceback()
		}
		if res != nil {
			o.Notices = res.Notices
		}
		return o
	}
	return &Outcome{Status: "ok", Display: res.Display, Notices: res.Notices}
}

func userExpression(o *Outcome) json.RawMessage {
	var v any
	switch {
	case o.Status != "ok":
		v = map[string]any{"status": "error", "ename": o.Ename, "evalue": o.Evalue, "traceback": nonNil(o.Traceback)}
	case o.Display != nil:
		v = map[string]any{"status": "ok", "data": o.Display.Data, "metadata": nonNilMap(o.Display.Metadata)}
	default:
		v = map[string]any{"status": "ok", "data": map[string]any{}, "metadata": map[string]any{}}
	}
	b, _ := json.Marshal(v)
	return b
}

// deliverComms runs the handlers of the comm messages that arrived, each
// between comm_begin and comm_end events so its output goes to the
// message's sink. A panic in a handler is reported on stderr.
func (w *server) deliverComms() {
	for {
		w.pendingMu.Lock()
		if len(w.pending) == 0 {
			w.pendingMu.Unlock()
			return
		}
		m := w.pending[0]
		w.pending = w.pending[1:]
		w.pendingMu.Unlock()
		// begun before comm_begin: an interrupt the kernel sends on
		// comm_begin finds it running
		u := unit{token: m.Token}
		w.interrupts.begin(u, func() {})
		w.send(Event{Type: "comm_begin", Token: m.Token})
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Fprintf(os.Stderr, "panic in a handler of %s: %v\n", m.Kind, r)
				}
			}()
			// An unknown target or comm has been answered with a
			// comm_close where one is due; nothing for the user to see.
			_ = comm.Deliver(m.Kind, m.Message)
		}()
		w.interrupts.end(u)
		w.sess.Touched() // a handler may have changed any variable
		w.send(Event{Type: "comm_end", Token: m.Token})
	}
}

// commTransport sends comm messages for the front end as events.
type commTransport struct{ w *server }

func (t commTransport) Send(kind comm.Kind, m comm.Message) {
	t.w.send(Event{Type: "comm", Comm: &CommMessage{Kind: kind, Message: m}})
}

// publisher sends the display package's output as events.
type publisher struct{ w *server }

func (p publisher) Publish(b display.Bundle, id string, update bool) {
	if b = p.w.displays.admit(b); b.Data == nil {
		return
	}
	p.w.send(Event{Type: "display", Bundle: &b, DisplayID: id, Update: update})
}

func (p publisher) ClearOutput(wait bool) { p.w.send(Event{Type: "clear_output", Wait: wait}) }

func (p publisher) Page(b display.Bundle) { p.w.send(Event{Type: "page", Bundle: &b}) }

// stdinReader asks the front end for a line each time a cell reads stdin
// and has nothing left of the previous one.
type stdinReader struct{ w *server }

// ErrNoStdin is returned to cells that read stdin when the front end does not allow input.
var ErrNoStdin = errors.New("stdin is not available: this front end does not accept input (allow_stdin is false)")

func (r stdinReader) Read(p []byte) (int, error) {
	r.w.mu.Lock()
	allowed, pending := r.w.allowStdin, r.w.pendingInput
	r.w.mu.Unlock()
	if !allowed {
		return 0, ErrNoStdin
	}
	if pending == "" {
		pending = r.w.input() + "\n"
	}
	n := copy(p, pending)
	r.w.mu.Lock()
	r.w.pendingInput = pending[n:]
	r.w.mu.Unlock()
	return n, nil
}

// input asks the front end for a line and waits for it.
func (w *server) input() string {
	ch := make(chan string, 1)
	w.mu.Lock()
	w.lastInput++
	token := w.lastInput
	if w.inputs == nil {
		w.inputs = map[uint64]chan string{}
	}
	w.inputs[token] = ch
	w.mu.Unlock()
	w.send(Event{Type: "input_request", Token: token})
	return <-ch
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
