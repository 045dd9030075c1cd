// Package interrupt lets long-running library loops stop promptly when the
// user interrupts a cell.
//
// The kernel's worker calls Request when an interrupt arrives and Clear
// before each cell; library loops call Requested (or Err) once per
// iteration and return early. The flag is process-wide state because an
// interrupt is process-wide: it models SIGINT, which a process has one of.
// Outside a kernel nobody calls Request, and the checks cost one atomic load.
package interrupt

import (
	"errors"
	"sync/atomic"
)

// ErrInterrupted is returned (possibly wrapped) by library calls that stopped
// early because an interrupt was requested.
var ErrInterrupted = errors.New("interrupted")

var requested atomic.Bool

// Request asks every library loop in the process to stop at its next check.
func Request() { requested.Store(true) }

// Clear withdraws a request; the worker calls it before running a cell.
func Clear() { requested.Store(false) }

// Requested reports whether an interrupt has been requested since the last Clear.
func Requested() bool { return requested.Load() }

// Err returns ErrInterrupted if an interrupt has been requested, else nil.
func Err() error {
	if requested.Load() {
		return ErrInterrupted
	}
	return nil
}
