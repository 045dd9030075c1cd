package worker

import (
	"sync"

	"github.com/gocurve/gocurve/lib/interrupt"
)

// unit names what an interrupt is meant for: a cell (by the supervisor's
// cell id) or a comm delivery (by its token).
type unit struct {
	cell, token uint64
}

// interrupts ties each interrupt to the unit of work it was meant for. A
// signal carries no such tie: one sent while a cell ran but delivered just
// after it ended would stop the next cell. Interrupts come instead as
// requests naming their unit; one for a unit that has not begun yet (the
// request overtook the execute request) waits for it, one for a unit that
// has ended is dropped.
type interrupts struct {
	mu      sync.Mutex
	running unit
	cancel  func()
	pending unit // an interrupt for a unit that has not begun
}

// begin marks u as running, cancelled by cancel; an interrupt that came
// for u before it began cancels it at once.
func (in *interrupts) begin(u unit, cancel func()) {
	in.mu.Lock()
	defer in.mu.Unlock()
	interrupt.Clear()
	in.running, in.cancel = u, cancel
	if in.pending == u {
		in.pending = unit{}
		interrupt.Request()
		cancel()
	}
}

// end marks u as no longer running.
func (in *interrupts) end(u unit) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.running == u {
		in.running, in.cancel = unit{}, nil
	}
}

// request interrupts u if it runs, or when it begins.
func (in *interrupts) request(u unit) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if u == (unit{}) {
		return
	}
	if in.running == u {
		interrupt.Request()
		if in.cancel != nil {
			in.cancel()
		}
		return
	}
	in.pending = u
}
