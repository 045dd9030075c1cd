package worker

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	dap "github.com/gocurve/gocurve/kernel/debug"
)

// debugRequest answers a DAP request in the request reader: a stopped cell
// blocks the main loop, and the front end steps it from here.
func (w *server) debugRequest(raw json.RawMessage) {
	b, err := json.Marshal(w.debug.Handle(raw))
	if err != nil {
		b, _ = json.Marshal(dap.Message{Type: "response", Message: err.Error()})
	}
	w.send(Event{Type: "debug_reply", Debug: b})
}

// debugEvent sends a DAP event for the front end.
func (w *server) debugEvent(m dap.Message) {
	b, err := json.Marshal(m)
	if err != nil {
		w.send(Event{Type: "log", Text: "debug event: " + err.Error()})
		return
	}
	w.send(Event{Type: "debug_event", Debug: b})
}

// debugTimeout bounds the wait for a DAP response.
const debugTimeout = 10 * time.Second

// debugState is the supervisor's side of the debugger: one request at a
// time, and what a new worker must be told to debug as the last one did.
type debugState struct {
	mu sync.Mutex
	// told is the worker the replayed requests went to; initialize, the
	// cells and setBreakpoints are replayed to a worker started after a
	// crash, before the session is restored into it.
	told        *process
	initialize  json.RawMessage
	breakpoints map[string]json.RawMessage
	dumps       map[string]json.RawMessage // dumpCell requests by code, so the new worker knows the cells
}

// maxDumps bounds the dumpCell requests kept for a new worker.
const maxDumps = 256

// Debug sends a DAP request to the worker and returns its response. It
// works while a cell runs or is stopped at a breakpoint. A worker started
// after a crash is first told the initialize and breakpoints its
// predecessor had, so breakpoints survive crashes.
func (s *Supervisor) Debug(req json.RawMessage) (json.RawMessage, error) {
	p, err := s.debugWorker()
	if err != nil {
		return nil, err
	}
	d := &s.debug
	d.mu.Lock()
	defer d.mu.Unlock()
	var m struct {
		Command   string `json:"command"`
		Arguments struct {
			Source struct {
				Path string `json:"path"`
			} `json:"source"`
			Code string `json:"code"`
		} `json:"arguments"`
	}
	json.Unmarshal(req, &m)
	if m.Command != "initialize" {
		if err := d.tell(p); err != nil {
			return nil, err
		}
	}
	switch m.Command {
	case "initialize":
		d.initialize, d.breakpoints, d.dumps = req, map[string]json.RawMessage{}, map[string]json.RawMessage{}
	case "dumpCell":
		if d.dumps != nil {
			if len(d.dumps) >= maxDumps {
				clear(d.dumps)
			}
			d.dumps[m.Arguments.Code] = req
		}
	case "setBreakpoints":
		if d.breakpoints != nil {
			d.breakpoints[m.Arguments.Source.Path] = req
		}
	case "disconnect":
		d.initialize, d.breakpoints, d.dumps = nil, nil, nil
	}
	return d.roundTrip(p, req)
}

// tell tells a worker started after a crash the initialize, cells and
// breakpoints its predecessor had, once. d.mu is held.
func (d *debugState) tell(p *process) error {
	if d.told == p {
		return nil
	}
	d.told = p
	if d.initialize == nil {
		return nil
	}
	replay := []json.RawMessage{d.initialize}
	for _, b := range d.dumps {
		replay = append(replay, b)
	}
	for _, b := range d.breakpoints {
		replay = append(replay, b)
	}
	for _, r := range replay {
		if _, err := d.roundTrip(p, r); err != nil {
			return fmt.Errorf("telling the new worker the debugger's state: %w", err)
		}
	}
	return nil
}

func (d *debugState) roundTrip(p *process, req json.RawMessage) (json.RawMessage, error) {
	p.sinkMu.Lock()
	if p.debugReplies == nil {
		p.debugReplies = make(chan json.RawMessage, 1)
	}
	replies := p.debugReplies
	p.sinkMu.Unlock()
	select { // a late reply to a request that timed out
	case <-replies:
	default:
	}
	if err := p.request(Request{Type: "debug", Debug: req}); err != nil {
		return nil, fmt.Errorf("sending the debug request: %w", err)
	}
	select {
	case r := <-replies:
		return r, nil
	case <-p.exited:
		return nil, errors.New("the worker died before it answered: " + p.cause())
	case <-time.After(debugTimeout):
		return nil, fmt.Errorf("the worker did not answer within %v", debugTimeout)
	}
}

// deliverDebug hands a DAP response to the waiting request and a DAP event
// to the kernel.
func (p *process) deliverDebug(e Event) {
	switch e.Type {
	case "debug_reply":
		p.sinkMu.Lock()
		ch := p.debugReplies
		p.sinkMu.Unlock()
		if ch != nil {
			select {
			case ch <- e.Debug:
			default:
			}
		}
	case "debug_event":
		var ev struct {
			Event string `json:"event"`
			Body  struct {
				ThreadID int `json:"threadId"`
			} `json:"body"`
		}
		json.Unmarshal(e.Debug, &ev)
		p.sinkMu.Lock()
		p.debugged = true
		switch ev.Event {
		case "stopped":
			p.stoppedThread = ev.Body.ThreadID
		case "continued":
			p.stoppedThread = 0
		}
		p.sinkMu.Unlock()
		if p.opts.DebugEvent != nil {
			p.opts.DebugEvent(e.Debug)
		}
	}
}

// debugState is the thread the worker's debugger last reported stopped
// (0 if none), and whether its debugger has run.
func (p *process) debugState() (stopped int, debugged bool) {
	p.sinkMu.Lock()
	defer p.sinkMu.Unlock()
	return p.stoppedThread, p.debugged
}

// debuggerCause names a crash of yaegi's debugger: a panic in a goroutine
// whose frames it has no data for (the goroutine started while the
// debugger was off, or between two statements of a cell) reaches its call
// hook's nil dereference as the cell's recovery runs, and the process
// ends. The goroutine's own panic is the first line of the chain.
func (p *process) debuggerCause(cause string) string {
	p.tailMu.Lock()
	tail := string(p.tail)
	p.tailMu.Unlock()
	// The runtime's last words: its first panic line (the later ones of
	// the chain are indented).
	i := strings.LastIndex(tail, "panic: ")
	for i > 0 && tail[i-1] == '\t' {
		i = strings.LastIndex(tail[:i-1], "panic: ")
	}
	if i < 0 || !strings.Contains(tail[i:], "[recovered, repanicked]") || !strings.Contains(tail[i:], "invalid memory address or nil pointer dereference") {
		return cause
	}
	first, _, _ := strings.Cut(tail[i+len("panic: "):], "\n")
	first = strings.TrimSuffix(first, " [recovered, repanicked]")
	return "a goroutine of the session panicked (" + first + ") while the debugger was on, and yaegi's debugger failed on reporting it (a nil dereference in its call hook: see the debugger's limits in docs/known-limits.md)"
}

// debugWorker returns the running worker for a debug request. A worker
// that is starting (the kernel's first, or one replacing a dead one) is
// waited for, as a cell waits for it; a dead one is replaced by the next
// cell, which says so, not by a debug request.
func (s *Supervisor) debugWorker() (*process, error) {
	deadline := time.After(startTimeout)
	for {
		s.mu.Lock()
		p, starting := s.proc, s.restoring || !s.tried && !s.killed
		changed := s.changedLocked()
		s.mu.Unlock()
		if p != nil && !p.dead() {
			return p, nil
		}
		if !starting {
			return nil, errors.New("no worker is running (the next cell starts one)")
		}
		select {
		case <-changed:
		case <-deadline:
			return nil, fmt.Errorf("no worker is running: none was ready after %v", startTimeout)
		}
	}
}
