package worker

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/gocurve/gocurve/kernel/comm"
	"github.com/gocurve/gocurve/kernel/complete"
	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/kernel/session"
)

// Sink receives a cell's output in the order the cell made it.
type Sink interface {
	Stream(name, text string)
	Display(b display.Bundle, displayID string, update bool)
	ClearOutput(wait bool)
	// Page shows b in the front end's pager (a payload of the execute reply).
	Page(b display.Bundle)
	// Input asks the user for a line; it blocks until the answer comes.
	Input(prompt string, password bool) (string, error)
	// Comm sends a comm message to the front end.
	Comm(kind comm.Kind, m comm.Message)
}

// Options configure a Supervisor. The zero value of each field but Command
// means a sensible default.
type Options struct {
	// Command starts a worker: path and arguments. The supervisor adds
	// EnvMode to its environment.
	Command []string
	// Env is added to the worker's environment.
	Env []string
	// Dir is the worker's working directory (default: the supervisor's,
	// which the notebook server sets to the notebook's folder).
	Dir string
	// OutputLimit caps the stream bytes one cell may publish (default 4 MiB);
	// the rest is counted and dropped, with a notice.
	OutputLimit int
	// Batch is how long stream output may wait to be sent with more (default 50 ms).
	Batch time.Duration
	// InterruptGrace is how long a cell may ignore an interrupt before the
	// worker is killed and restarted (default 1 s).
	InterruptGrace time.Duration
	// MaxStack is the goroutine stack limit of the worker in bytes (default
	// 64 MiB: tens of thousands of interpreted frames, and infinite recursion
	// fails in well under a second, before it can exhaust memory).
	MaxStack int64
	// Log receives diagnostics (default: discarded).
	Log func(format string, args ...any)
	// DebugEvent receives the debugger's DAP events (default: dropped).
	DebugEvent func(event json.RawMessage)
}

// Supervisor runs cells in a worker process and replaces the worker when it dies.
type Supervisor struct {
	opts Options

	run sync.Mutex // one cell at a time

	mu   sync.Mutex
	proc *process
	busy uint64 // id of the running cell, 0 when idle
	// busySince is when the running cell's request was received.
	busySince time.Time
	busySent  time.Time // when the front end sent it
	cells     uint64
	state     map[string]json.RawMessage // the session snapshot's records, by key
	decls     []complete.Decl
	// declsStale: the records changed since decls was derived from them.
	declsStale bool
	token      uint64 // the last comm delivery's token
	spawned    uint64 // workers started so far
	// restoring is set while a new worker starts and takes the session;
	// an interrupt then is queued in queued rather than signalled.
	restoring bool
	queued    bool
	killed    bool // by Kill: no worker starts again
	// tried: a worker has been asked to start (by Start or a cell).
	tried bool
	// changed is closed (and replaced) when proc or restoring changes.
	changed chan struct{}

	debug debugState
}

// New returns a supervisor; the first worker starts with the first cell,
// or at once with Start.
func New(opts Options) *Supervisor {
	if opts.OutputLimit <= 0 {
		opts.OutputLimit = 4 << 20
	}
	if opts.Batch <= 0 {
		opts.Batch = 50 * time.Millisecond
	}
	if opts.InterruptGrace <= 0 {
		opts.InterruptGrace = time.Second
	}
	if opts.MaxStack <= 0 {
		opts.MaxStack = 64 << 20
	}
	if opts.Log == nil {
		opts.Log = func(string, ...any) {}
	}
	return &Supervisor{opts: opts}
}

// Start starts a worker now and waits until it is ready, so the first cell
// does not pay for it.
func (s *Supervisor) Start() error {
	s.run.Lock()
	defer s.run.Unlock()
	_, _, err := s.ensure()
	return err
}

// Decls returns the user's declarations as of the last finished cell.
func (s *Supervisor) Decls() []complete.Decl {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.declsStale {
		s.declsStale = false
		decls, err := session.DeclsOf(session.JoinRecords(s.state))
		if err != nil {
			s.opts.Log("worker: %v", err)
		}
		s.decls = decls
	}
	return s.decls
}

// Execute runs one cell, sending its output to sink, and returns how it
// ended. It never fails for reasons of the user's code: a dead worker
// becomes an error outcome naming the cause, and a new worker with the
// session restored is ready for the next cell.
func (s *Supervisor) Execute(ctx context.Context, req Request, sink Sink) *Outcome {
	s.run.Lock()
	defer s.run.Unlock()
	defer func() {
		s.mu.Lock()
		if s.queued {
			s.opts.Log("worker: an interrupt that came during a restore found no cell left to stop")
		}
		s.busy, s.queued = 0, false
		s.mu.Unlock()
	}()
	p, err := s.ready(sink)
	if err != nil {
		return &Outcome{Status: "error", Ename: EnameCrash, Evalue: err.Error()}
	}
	s.mu.Lock()
	s.cells++
	id := s.cells
	s.busy = id
	s.busySince, s.busySent = req.Received, req.Sent
	interrupted := s.queued
	s.queued = false
	s.mu.Unlock()
	if interrupted {
		return &Outcome{
			Status: "error", Ename: EnameInterrupted,
			Evalue:    "interrupted while the worker was being restored: the cell did not run",
			Traceback: []string{"Interrupted: the cell was interrupted before it started"},
		}
	}
	req.Cell = id
	for attempt := 0; ; attempt++ {
		taken := p.started.Load()
		p.setSink(sink)
		if err := p.request(req); err != nil {
			s.opts.Log("worker: sending request: %v", err)
		}
		select {
		case o := <-p.results:
			s.keep(o)
			if o.Retire {
				p.kill()
				<-p.exited
				notices, err := s.restart()
				if err != nil {
					notices = append(notices, "could not start a new worker: "+err.Error())
				}
				o.Notices = append(o.Notices, notices...)
			}
			return o
		case <-p.exited:
			select {
			case o := <-p.results: // it answered, then died: the answer stands
				s.keep(o)
				return o
			default:
			}
			if p.started.Load() == taken && attempt == 0 {
				// It died before it took the cell (between cells, its death
				// not yet seen): the cell goes to a new worker.
				if p, err = s.ready(sink); err != nil {
					return &Outcome{Status: "error", Ename: EnameCrash, Evalue: err.Error()}
				}
				continue
			}
		case <-ctx.Done():
			p.kill()
			<-p.exited
		}
		break
	}
	o := s.crashOutcome(p, req.Code)
	notices, err := s.restart()
	if err != nil {
		notices = append(notices, "could not start a new worker: "+err.Error())
	}
	o.Notices = append(o.Notices, notices...)
	return o
}

// Comm forwards a comm message from the front end to the worker without
// waiting: the worker applies it at once, even while a cell runs, and runs
// its handlers when no cell is running; what they output goes to sink, and
// done is called when they have finished (or the worker died first).
// With no worker running there is no one to deliver to, and Comm says so
// (done is not called).
func (s *Supervisor) Comm(kind comm.Kind, m comm.Message, sink Sink, done func()) error {
	s.mu.Lock()
	p := s.proc
	s.token++
	token := s.token
	s.mu.Unlock()
	if p == nil || p.dead() {
		return errors.New("worker: no worker is running to receive the comm message")
	}
	p.sinkMu.Lock()
	if p.commSinks == nil {
		p.commSinks = map[uint64]commDelivery{}
	}
	p.commSinks[token] = commDelivery{sink, done}
	p.sinkMu.Unlock()
	return p.request(Request{Type: "comm", Comm: &CommMessage{Kind: kind, Message: m, Token: token}})
}

// Generation counts the workers started so far: when it changes, the
// comms (and widgets) of the worker before are gone.
func (s *Supervisor) Generation() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.spawned
}

// Preview returns the value of the session's variable name as a line of
// text, evaluated by the worker; ok is false while a cell runs (the value
// is changing and the worker is busy) or when no worker is ready.
func (s *Supervisor) Preview(name string) (text string, ok bool) {
	if !s.run.TryLock() {
		return "", false
	}
	defer s.run.Unlock()
	s.mu.Lock()
	p := s.proc
	s.mu.Unlock()
	if p == nil || p.dead() {
		return "", false
	}
	ch := make(chan string, 1)
	p.sinkMu.Lock()
	p.preview, p.previewOf = ch, name
	p.sinkMu.Unlock()
	defer func() {
		p.sinkMu.Lock()
		p.preview = nil
		p.sinkMu.Unlock()
	}()
	if err := p.request(Request{Type: "preview", Code: name}); err != nil {
		return "", false
	}
	select {
	case text := <-ch:
		return text, true
	case <-p.exited:
	case <-time.After(previewTimeout):
		s.opts.Log("worker: no preview of %s within %v", name, previewTimeout)
	}
	return "", false
}

// previewTimeout bounds how long an inspect request waits for a value.
const previewTimeout = 2 * time.Second

// Interrupt interrupts the running cell: an interrupt request naming it
// to the worker, and if the cell is still running after the grace period,
// the worker is killed and restarted with the session restored.
func (s *Supervisor) Interrupt() { s.InterruptAt(time.Now(), time.Time{}) }

// simultaneous is how close the receipt of an interrupt and of a cell's
// request must be for their order to be taken from the front end's clock.
const simultaneous = 250 * time.Millisecond

// InterruptAt is Interrupt for an interrupt received at time at, sent by
// the front end at time sent (zero if unknown). It is not for the running
// cell if it was received before the cell's request, or received with it
// (control and shell are separate sockets, read in either order) but sent
// before it.
func (s *Supervisor) InterruptAt(at, sent time.Time) {
	s.mu.Lock()
	p, id := s.proc, s.busy
	if id != 0 && sentBefore(at, sent, s.busySince, s.busySent) {
		s.mu.Unlock()
		s.opts.Log("worker: an interrupt sent before cell %d is not applied to it", id)
		return
	}
	if s.restoring {
		// Signalled now it would stop the restore; the cell waiting for
		// the new worker gets it instead.
		s.queued = true
		s.mu.Unlock()
		s.opts.Log("worker: interrupt during a restore: queued for the cell that waits")
		return
	}
	s.mu.Unlock()
	if p != nil && id == 0 {
		p.interruptComm(s.opts.InterruptGrace, s.opts.Log)
		return
	}
	if p == nil {
		return
	}
	if err := p.request(Request{Type: "interrupt", Cell: id}); err != nil {
		s.opts.Log("worker: sending interrupt: %v", err)
	}
	time.AfterFunc(s.opts.InterruptGrace, func() {
		s.mu.Lock()
		still := s.proc == p && s.busy == id
		s.mu.Unlock()
		if still {
			s.opts.Log("worker: cell %d ignored the interrupt for %v; killing the worker", id, s.opts.InterruptGrace)
			p.interruptKilled.Store(true)
			p.kill()
		}
	})
}

// sentBefore reports whether an interrupt received at at and sent at sent
// came before a cell received at cellAt and sent at cellSent (zero times:
// unknown).
func sentBefore(at, sent, cellAt, cellSent time.Time) bool {
	if at.Before(cellAt) {
		return true
	}
	return at.Sub(cellAt) < simultaneous && !sent.IsZero() && !cellSent.IsZero() && sent.Before(cellSent)
}

// Close stops the worker.
func (s *Supervisor) Close() {
	s.mu.Lock()
	p := s.proc
	s.proc = nil
	s.mu.Unlock()
	if p != nil {
		p.reqs.Close()
		select {
		case <-p.exited:
		case <-time.After(2 * time.Second):
			p.kill()
			<-p.exited
		}
	}
}

// Kill stops the worker at once and for good, as the kernel shuts down: it
// waits (up to 2 s) for the process to exit, and no worker is started
// after it, so a cell that was running gets an error instead of a new
// worker that would outlive the kernel.
func (s *Supervisor) Kill() {
	s.mu.Lock()
	s.killed = true
	p := s.proc
	s.mu.Unlock()
	if p != nil {
		p.kill()
		select {
		case <-p.exited:
		case <-time.After(2 * time.Second):
		}
	}
}

// errKilled is the error of a cell that needs a worker after Kill.
var errKilled = errors.New("worker: the kernel is shutting down")

func (s *Supervisor) keep(o *Outcome) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.declsStale = s.declsStale || o.StateFull || len(o.State) > 0
	if o.StateFull || s.state == nil {
		s.state = map[string]json.RawMessage{}
	}
	for _, r := range o.State {
		if r.Data == nil {
			delete(s.state, r.Key)
		} else {
			s.state[r.Key] = r.Data
		}
	}
}

// ready returns a running worker for a cell. A worker that died since the
// last cell is replaced now, and the cell's output starts by saying so and
// what the restore could not bring back.
func (s *Supervisor) ready(sink Sink) (*process, error) {
	p, notices, err := s.ensure()
	for _, n := range notices {
		sink.Stream("stderr", NoticePrefix+n+"\n")
	}
	return p, err
}

// ensure returns a running worker, starting (and restoring) one if needed,
// with notices that say what happened to a worker that died between cells.
func (s *Supervisor) ensure() (*process, []string, error) {
	s.mu.Lock()
	p := s.proc
	s.mu.Unlock()
	if p != nil && !p.dead() {
		return p, nil, nil
	}
	var notices []string
	if p != nil {
		notices = append(notices, "the worker process died after the last cell ("+p.cause()+")")
	}
	more, err := s.restart()
	notices = append(notices, more...)
	if err != nil {
		return nil, notices, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.proc, notices, nil
}

// restart starts a new worker and restores the last snapshot into it.
func (s *Supervisor) restart() (notices []string, err error) {
	s.mu.Lock()
	if s.killed {
		s.mu.Unlock()
		return nil, errKilled
	}
	s.restoring, s.tried = true, true
	s.notifyLocked()
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.restoring = false
		s.notifyLocked()
		s.mu.Unlock()
	}()
	p, err := s.spawn()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.killed { // Kill came while it started
		s.mu.Unlock()
		p.kill()
		<-p.exited
		return nil, errKilled
	}
	s.proc = p
	s.spawned++
	s.notifyLocked()
	var state []byte
	if len(s.state) > 0 {
		state = session.JoinRecords(s.state)
	}
	s.mu.Unlock()
	// The debugger's state first, so that the restore compiles the
	// session's funcs under a started debugger.
	s.debug.mu.Lock()
	terr := s.debug.tell(p)
	s.debug.mu.Unlock()
	if terr != nil {
		s.opts.Log("worker: %v", terr)
	}
	if state == nil {
		return nil, nil
	}
	p.setSink(nil)
	if err := p.request(Request{Type: "restore", State: state}); err != nil {
		return nil, fmt.Errorf("restoring the session: %w", err)
	}
	select {
	case o := <-p.results:
		s.keep(o)
		notices = append(notices, "a new worker was started and the session's declarations and variables were restored")
		if o.Status != "ok" {
			notices = append(notices, "restore failed: "+o.Evalue)
		}
		return append(notices, o.Notices...), nil
	case <-p.exited:
		return nil, fmt.Errorf("the new worker died while restoring the session: %s", p.cause())
	}
}

// startTimeout bounds how long a new worker may take to say it is ready.
const startTimeout = 30 * time.Second

// notifyLocked wakes whoever waits for proc or restoring to change.
// s.mu is held.
func (s *Supervisor) notifyLocked() {
	if s.changed != nil {
		close(s.changed)
	}
	s.changed = make(chan struct{})
}

// changedLocked returns a channel closed at the next change of proc or
// restoring. s.mu is held.
func (s *Supervisor) changedLocked() <-chan struct{} {
	if s.changed == nil {
		s.changed = make(chan struct{})
	}
	return s.changed
}

func (s *Supervisor) spawn() (*process, error) {
	if len(s.opts.Command) == 0 {
		return nil, errors.New("worker: no command to start a worker")
	}
	p := &process{
		items:   make(chan item, 256),
		results: make(chan *Outcome, 1),
		ready:   make(chan struct{}),
		exited:  make(chan struct{}),
		opts:    &s.opts,
	}
	cmd := exec.Command(s.opts.Command[0], s.opts.Command[1:]...)
	cmd.Env = append(os.Environ(), s.opts.Env...)
	cmd.Dir = s.opts.Dir
	cmd.Env = append(cmd.Env, EnvMode+"=1", EnvMaxStack+"="+strconv.FormatInt(s.opts.MaxStack, 10), "GOTRACEBACK=none")
	// Its own process group, so a terminal's Ctrl-C reaches the kernel only;
	// Pdeathsig backs up the worker's own exit when the request pipe closes.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}

	var closeAfterStart []*os.File
	pipe := func() (r, w *os.File, err error) {
		r, w, err = os.Pipe()
		if err == nil {
			closeAfterStart = append(closeAfterStart, w)
		}
		return
	}
	outR, outW, err1 := pipe()
	errR, errW, err2 := pipe()
	evR, evW, err3 := pipe()
	reqR, reqW, err4 := os.Pipe()
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return nil, fmt.Errorf("worker: pipes: %w", err)
	}
	closeAfterStart = append(closeAfterStart, reqR)
	devnull, _ := os.Open(os.DevNull)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = devnull, outW, errW
	cmd.ExtraFiles = []*os.File{reqR, evW}
	if err := cmd.Start(); err != nil {
		for _, f := range append(closeAfterStart, outR, errR, evR, reqW) {
			f.Close()
		}
		return nil, fmt.Errorf("worker: starting %s: %w", s.opts.Command[0], err)
	}
	devnull.Close()
	for _, f := range closeAfterStart {
		f.Close()
	}
	p.cmd, p.reqs = cmd, reqW

	var readers sync.WaitGroup
	readers.Add(3)
	go func() { defer readers.Done(); p.readStream(0, outR) }()
	go func() { defer readers.Done(); p.readStream(1, errR) }()
	go func() { defer readers.Done(); p.readEvents(evR) }()
	go func() {
		p.exitErr = cmd.Wait()
		readers.Wait()
		close(p.items)
	}()
	go p.pump()

	select {
	case <-p.ready:
		return p, nil
	case <-p.exited:
		return nil, fmt.Errorf("worker: exited during start-up: %s", p.cause())
	case <-time.After(startTimeout):
		p.kill()
		return nil, fmt.Errorf("worker: not ready after %v", startTimeout)
	}
}

func (s *Supervisor) crashOutcome(p *process, code string) *Outcome {
	if p.interruptKilled.Load() {
		return &Outcome{
			Status: "error", Ename: EnameInterrupted,
			Evalue:    fmt.Sprintf("the cell did not stop within %v of the interrupt (a long compiled call or a sleep), so its worker process was stopped", s.opts.InterruptGrace),
			Traceback: []string{"Interrupted: the cell was stopped by restarting its worker process"},
		}
	}
	cause := p.cause()
	if thread, debugged := p.debugState(); debugged {
		cause = p.debuggerCause(cause)
		if thread != 0 && p.opts.DebugEvent != nil {
			// The front end shows the thread stopped until told otherwise.
			b, _ := json.Marshal(map[string]any{"seq": 0, "type": "event", "event": "continued",
				"body": map[string]any{"threadId": thread, "allThreadsContinued": true}})
			p.opts.DebugEvent(b)
		}
	}
	if strings.HasPrefix(cause, "stack overflow") {
		s.mu.Lock()
		state := session.JoinRecords(s.state)
		s.mu.Unlock()
		if names, line := session.Recursion(state, code); len(names) > 0 {
			where := "declared in an earlier cell"
			if line > 0 {
				where = fmt.Sprintf("cell line %d", line)
			}
			cause += fmt.Sprintf(", in the recursion of %s (%s)", strings.Join(names, " and "), where)
		}
	}
	return &Outcome{
		Status: "error", Ename: EnameCrash,
		Evalue:    "the worker process running the cell died: " + cause,
		Traceback: []string{EnameCrash + ": " + cause},
	}
}

// process is one worker process and the goroutines that read it.
type process struct {
	opts    *Options
	cmd     *exec.Cmd
	reqMu   sync.Mutex
	reqs    *os.File
	items   chan item
	results chan *Outcome
	ready   chan struct{}
	exited  chan struct{}
	exitErr error

	interruptKilled atomic.Bool
	// started counts the execute requests the worker has taken.
	started atomic.Uint64

	sinkMu sync.Mutex
	sink   Sink
	// commSink, when set, takes the output of the comm handler that runs
	// now; commSinks holds the sinks of the deliveries not yet begun.
	commSink  Sink
	commDone  func()
	commToken uint64      // the running delivery's, 0 if none
	preview   chan string // where a "preview" event of previewOf goes
	previewOf string
	commSinks map[uint64]commDelivery
	// debugReplies takes the worker's DAP responses.
	debugReplies chan json.RawMessage
	// debugged: the worker has sent a DAP event (its debugger ran a
	// chunk); stoppedThread is the thread of its last stopped event not
	// followed by continued, 0 if none. Guarded by sinkMu.
	debugged      bool
	stoppedThread int
	// interruptBegin, when set, interrupts the next delivery as it begins.
	interruptBegin func()
	emitted        int // stream bytes published for the current cell
	dropped        int // stream bytes dropped for the current cell

	tailMu sync.Mutex
	tail   []byte // the last bytes of stderr, to name the cause of a crash
	fatal  string // the first runtime fatal-error or panic line on stderr
}

type itemKind int

const (
	itemText itemKind = iota
	itemMarker
	itemEvent
	itemEOF
)

type item struct {
	kind   itemKind
	stream int // 0 stdout, 1 stderr, 2 events
	text   string
	seq    uint64
	event  Event
}

var streamNames = [2]string{"stdout", "stderr"}

func (p *process) request(r Request) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	p.reqMu.Lock()
	defer p.reqMu.Unlock()
	_, err = p.reqs.Write(append(b, '\n'))
	return err
}

func (p *process) setSink(s Sink) {
	p.sinkMu.Lock()
	p.sink, p.emitted, p.dropped = s, 0, 0
	p.sinkMu.Unlock()
}

func (p *process) dead() bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}

// kill ends the worker and any process it started.
func (p *process) kill() {
	if p.cmd.Process != nil {
		syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		p.cmd.Process.Kill()
	}
}

// readStream turns a pipe into text and marker items, holding back a
// partial marker or a partial UTF-8 character until the rest arrives.
func (p *process) readStream(stream int, f *os.File) {
	defer f.Close()
	buf := make([]byte, 64<<10)
	var pending []byte
	var dump *runtimeDump
	for {
		n, err := f.Read(buf)
		if n > 0 {
			b := buf[:n]
			if stream == 1 {
				p.keepTail(b)
				if dump == nil {
					if i := fatalStart(b); i >= 0 {
						// The Go runtime is dying: stop it now (a million
						// goroutines take minutes to dump), and send the
						// dump to the kernel log; the cell gets one cause.
						p.kill()
						dump = &runtimeDump{log: p.opts.Log}
						dump.write(b[i:])
						b = b[:i]
					}
				} else {
					dump.write(b)
					b = nil
				}
			}
			pending = append(pending, b...)
			pending = p.splitMarkers(stream, pending, false)
		}
		if err != nil {
			if dump != nil {
				dump.flush()
			}
			p.splitMarkers(stream, pending, true)
			p.items <- item{kind: itemEOF, stream: stream}
			return
		}
	}
}

// fatalKeys start the lines with which the Go runtime begins to die.
var fatalKeys = [][]byte{[]byte("fatal error: "), []byte("runtime: goroutine stack exceeds"), []byte("runtime: out of memory"), []byte("fatal: morestack")}

// fatalStart returns the offset in b of a line that starts a runtime
// fatal error, or -1.
func fatalStart(b []byte) int {
	first := -1
	for _, key := range fatalKeys {
		for off := 0; ; {
			i := bytes.Index(b[off:], key)
			if i < 0 {
				break
			}
			i += off
			if i == 0 || b[i-1] == '\n' {
				if first < 0 || i < first {
					first = i
				}
				break
			}
			off = i + 1
		}
	}
	return first
}

// runtimeDump sends a dying worker's runtime dump to the kernel log, up to
// maxDumpLog bytes.
type runtimeDump struct {
	log     func(string, ...any)
	kept    []byte
	dropped int
}

const maxDumpLog = 64 << 10

func (d *runtimeDump) write(b []byte) {
	n := min(len(b), maxDumpLog-len(d.kept))
	d.kept = append(d.kept, b[:n]...)
	d.dropped += len(b) - n
}

func (d *runtimeDump) flush() {
	d.log("worker: the Go runtime's last words (%d bytes more left out):\n%s", d.dropped, d.kept)
}

// splitMarkers emits the text and markers in b and returns what must wait
// for more bytes.
func (p *process) splitMarkers(stream int, b []byte, final bool) []byte {
	for len(b) > 0 {
		i := bytes.IndexByte(b, 0)
		if i < 0 {
			break
		}
		if i > 0 {
			p.items <- item{kind: itemText, stream: stream, text: string(b[:i])}
			b = b[i:]
		}
		rest := b
		if len(rest) < len(markerPrefix) {
			if !final && bytes.HasPrefix([]byte(markerPrefix), rest) {
				return b
			}
		} else if bytes.HasPrefix(rest, []byte(markerPrefix)) {
			end := bytes.IndexByte(rest[len(markerPrefix):], 0)
			if end < 0 && !final {
				return b
			}
			if end >= 0 {
				if seq, err := strconv.ParseUint(string(rest[len(markerPrefix):len(markerPrefix)+end]), 10, 64); err == nil {
					p.items <- item{kind: itemMarker, stream: stream, seq: seq}
					b = rest[len(markerPrefix)+end+1:]
					continue
				}
			}
		}
		// A NUL that starts no marker is ordinary output.
		p.items <- item{kind: itemText, stream: stream, text: string(b[:1])}
		b = b[1:]
	}
	if len(b) == 0 {
		return b[:0]
	}
	// Hold back an incomplete UTF-8 sequence at the end.
	cut := len(b)
	if !final {
		for k := 1; k <= 3 && k <= len(b); k++ {
			if r := b[len(b)-k]; utf8.RuneStart(r) {
				if !utf8.FullRune(b[len(b)-k:]) {
					cut = len(b) - k
				}
				break
			}
		}
	}
	if cut > 0 {
		p.items <- item{kind: itemText, stream: stream, text: string(b[:cut])}
	}
	return append(b[:0:0], b[cut:]...)
}

func (p *process) readEvents(f *os.File) {
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	for {
		line, err := r.ReadBytes('\n')
		if len(line) > 0 {
			var e Event
			if jerr := json.Unmarshal(line, &e); jerr != nil {
				p.opts.Log("worker: bad event: %v", jerr)
			} else {
				p.items <- item{kind: itemEvent, stream: 2, event: e}
			}
		}
		if err != nil {
			p.items <- item{kind: itemEOF, stream: 2}
			return
		}
	}
}

func (p *process) keepTail(b []byte) {
	const max = 16 << 10
	p.tailMu.Lock()
	if p.fatal == "" {
		// The first runtime verdict, which a long stack trace after it would push out of the tail.
		for _, key := range []string{"fatal error: ", "panic: ", "runtime: goroutine stack exceeds"} {
			if i := bytes.Index(b, []byte(key)); i >= 0 {
				line, _, _ := strings.Cut(string(b[i:]), "\n")
				p.fatal = line
				break
			}
		}
	}
	p.tail = append(p.tail, b...)
	if len(p.tail) > max {
		p.tail = append(p.tail[:0:0], p.tail[len(p.tail)-max:]...)
	}
	p.tailMu.Unlock()
}

// pump merges the three streams in the order the worker wrote them and
// batches stream text; it runs for the life of the process.
func (p *process) pump() {
	var (
		queues [2][]item
		events []Event
		eof    [3]bool
		text   [2]strings.Builder
		armed  bool // the batch timer is running
	)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	flush := func() {
		for s := range text {
			if text[s].Len() > 0 {
				p.emitStream(streamNames[s], text[s].String())
				text[s].Reset()
			}
		}
		armed = false
	}
	ready := func(seq uint64) bool {
		for s := range queues {
			for len(queues[s]) > 0 && queues[s][0].kind == itemMarker && queues[s][0].seq < seq {
				queues[s] = queues[s][1:] // a marker whose event never came
			}
			atMarker := len(queues[s]) > 0 && queues[s][0].kind == itemMarker && queues[s][0].seq == seq
			if !atMarker && !(eof[s] && len(queues[s]) == 0) {
				return false
			}
		}
		return true
	}
	drain := func() {
		for {
			for s := range queues {
				for len(queues[s]) > 0 && queues[s][0].kind == itemText {
					text[s].WriteString(queues[s][0].text)
					queues[s] = queues[s][1:]
				}
				if eof[2] && len(queues[s]) > 0 && queues[s][0].kind == itemMarker {
					queues[s] = queues[s][1:] // no event will come for it
					continue
				}
			}
			if len(events) == 0 || !ready(events[0].Seq) {
				return
			}
			e := events[0]
			events = events[1:]
			for s := range queues {
				if len(queues[s]) > 0 {
					queues[s] = queues[s][1:]
				}
			}
			flush()
			p.deliver(e)
		}
	}
	for {
		select {
		case it, ok := <-p.items:
			if !ok {
				drain()
				flush()
				p.finishCell()
				p.abandonComms()
				timer.Stop()
				close(p.exited)
				return
			}
			switch it.kind {
			case itemEOF:
				eof[it.stream] = true
			case itemEvent:
				events = append(events, it.event)
			default:
				queues[it.stream] = append(queues[it.stream], it)
			}
			drain()
			if (text[0].Len() > 0 || text[1].Len() > 0) && !armed {
				armed = true
				timer.Reset(p.opts.Batch)
			}
		case <-timer.C:
			flush()
		}
	}
}

func (p *process) currentSink() Sink {
	p.sinkMu.Lock()
	defer p.sinkMu.Unlock()
	if p.commSink != nil {
		return p.commSink
	}
	return p.sink
}

// emitStream publishes text, cutting it at the cell's output limit.
func (p *process) emitStream(name, text string) {
	p.sinkMu.Lock()
	sink := p.sink
	if p.commSink != nil {
		sink = p.commSink
	}
	room := p.opts.OutputLimit - p.emitted
	if room <= 0 {
		p.dropped += len(text)
		p.sinkMu.Unlock()
		return
	}
	if len(text) > room {
		cut := room
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		p.dropped += len(text) - cut
		text = text[:cut]
	}
	p.emitted += len(text)
	p.sinkMu.Unlock()
	if sink != nil && text != "" {
		sink.Stream(name, text)
	}
}

// finishCell reports dropped output, once, at the end of a cell.
func (p *process) finishCell() {
	p.sinkMu.Lock()
	sink, dropped, emitted := p.sink, p.dropped, p.emitted
	p.dropped = 0
	p.sinkMu.Unlock()
	if sink != nil && dropped > 0 {
		sink.Stream("stderr", fmt.Sprintf("\n[gocurve: output truncated: %s dropped after the first %s of this cell's output]\n", byteSize(dropped), byteSize(emitted)))
	}
}

func (p *process) deliver(e Event) {
	sink := p.currentSink()
	switch e.Type {
	case "ready":
		close(p.ready)
	case "log":
		p.opts.Log("worker: %s", e.Text)
	case "started":
		p.started.Add(1)
	case "result":
		p.finishCell()
		p.results <- e.Outcome
	case "display":
		if sink != nil && e.Bundle != nil {
			sink.Display(*e.Bundle, e.DisplayID, e.Update)
		}
	case "clear_output":
		if sink != nil {
			sink.ClearOutput(e.Wait)
		}
	case "page":
		if sink != nil && e.Bundle != nil {
			sink.Page(*e.Bundle)
		}
	case "comm":
		if sink != nil && e.Comm != nil {
			sink.Comm(e.Comm.Kind, e.Comm.Message)
		}
	case "comm_begin":
		p.sinkMu.Lock()
		d := p.commSinks[e.Token]
		p.commSink, p.commDone, p.commToken = d.sink, d.done, e.Token
		delete(p.commSinks, e.Token)
		begin := p.interruptBegin
		p.interruptBegin = nil
		p.sinkMu.Unlock()
		if begin != nil {
			begin()
		}
	case "comm_end":
		p.endComm()
	case "debug_reply", "debug_event":
		p.deliverDebug(e)
	case "preview":
		p.sinkMu.Lock()
		ch := p.preview
		if e.Name != p.previewOf {
			ch = nil // a late answer to an earlier request
		}
		p.sinkMu.Unlock()
		if ch != nil {
			select {
			case ch <- e.Text:
			default:
			}
		}
	case "input_request":
		go func() {
			var v string
			if sink != nil {
				var err error
				if v, err = sink.Input(e.Prompt, e.Password); err != nil {
					p.opts.Log("worker: input: %v", err)
				}
			}
			p.request(Request{Type: "input_reply", Value: v, Token: e.Token})
		}()
	}
}

// commDelivery is where a comm message's handlers send their output, and
// what to call when they have finished.
type commDelivery struct {
	sink Sink
	done func()
}

// endComm ends the running comm delivery's output.
func (p *process) endComm() {
	p.sinkMu.Lock()
	done := p.commDone
	p.commSink, p.commDone, p.commToken = nil, nil, 0
	p.sinkMu.Unlock()
	if done != nil {
		done()
	}
}

// interruptComm interrupts the comm handler running now, if any (a widget
// callback that loops), as Interrupt does a cell: SIGINT, and the worker
// killed if the handler still runs after grace.
func (p *process) interruptComm(grace time.Duration, log func(string, ...any)) {
	p.sinkMu.Lock()
	token := p.commToken
	if token == 0 && len(p.commSinks) > 0 {
		// A delivery is on its way but its handler has not begun (the
		// front end already saw busy): interrupt it as it begins.
		p.interruptBegin = func() { p.interruptComm(grace, log) }
	}
	p.sinkMu.Unlock()
	if token == 0 {
		return
	}
	if err := p.request(Request{Type: "interrupt", Token: token}); err != nil {
		log("worker: sending interrupt: %v", err)
	}
	time.AfterFunc(grace, func() {
		p.sinkMu.Lock()
		still := p.commToken == token
		p.sinkMu.Unlock()
		if still {
			log("worker: a comm handler ignored the interrupt for %v; killing the worker", grace)
			p.kill()
		}
	})
}

// abandonComms calls done for every delivery the dead worker never finished.
func (p *process) abandonComms() {
	p.endComm()
	p.sinkMu.Lock()
	pending := p.commSinks
	p.commSinks = nil
	p.sinkMu.Unlock()
	for _, d := range pending {
		if d.done != nil {
			d.done()
		}
	}
}

// cause names why the worker died, from its exit status and last stderr.
func (p *process) cause() string {
	p.tailMu.Lock()
	tail := p.fatal + "\n" + string(p.tail)
	p.tailMu.Unlock()
	switch {
	case strings.Contains(tail, "stack overflow") || strings.Contains(tail, "stack exceeds"):
		return "stack overflow (infinite recursion?): the goroutine stack exceeded its limit"
	case strings.Contains(tail, "out of memory") || strings.Contains(tail, "cannot allocate memory"):
		limit := int64(DefaultMemory)
		for _, kv := range append(os.Environ(), p.opts.Env...) { // the worker's environment
			if v, ok := strings.CutPrefix(kv, EnvMemory+"="); ok {
				if n, err := parseSize(v); err == nil && n > 0 {
					limit = n
				}
			}
		}
		return fmt.Sprintf("out of memory: the worker may use %s (%s)", byteSize(int(limit)), EnvMemory)
	case strings.Contains(tail, "all goroutines are asleep"):
		return "deadlock: all goroutines are asleep"
	}
	if i := strings.Index(tail, "panic: "); i >= 0 {
		line, _, _ := strings.Cut(tail[i:], "\n")
		return "a panic that was not recovered (in a goroutine?): " + strings.TrimPrefix(line, "panic: ")
	}
	if i := strings.Index(tail, "fatal error: "); i >= 0 {
		line, _, _ := strings.Cut(tail[i:], "\n")
		return line
	}
	var ee *exec.ExitError
	if errors.As(p.exitErr, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok {
			if ws.Signaled() {
				return "killed by signal " + ws.Signal().String()
			}
			return fmt.Sprintf("it exited with status %d (os.Exit or log.Fatal in the cell?)", ws.ExitStatus())
		}
	}
	if p.exitErr == nil {
		return "it exited with status 0 (os.Exit(0) in the cell?)"
	}
	return p.exitErr.Error()
}

func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func parseSize(s string) (int64, error) { return strconv.ParseInt(strings.TrimSpace(s), 10, 64) }
