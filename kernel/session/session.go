// Package session runs notebook cells of Go in a yaegi interpreter so that
// they behave as the go toolchain would: cells mix imports, declarations and
// statements; redefinitions take effect everywhere; errors point at cell lines;
// the value of a final expression is rendered for display.
//
// yaegi v0.16.1 gets much of modern Go wrong, silently. The session parses each
// cell (package cell), rewrites what the interpreter mishandles, and when the
// interpreter's state can no longer be trusted (a redefinition, a failed or
// interrupted cell) it rebuilds a fresh interpreter, replays the successful
// declarations and carries variable values over.
package session

import (
	"context"
	"errors"
	"io"

	"github.com/gocurve/gocurve/kernel/display"
)

// Options configure a Session.
type Options struct {
	// Stdout and Stderr receive interpreted fmt.Print*, println and log output.
	// Compiled code writes to file descriptors 1 and 2 directly, so the worker
	// passes os.Stdout and os.Stderr after redirecting those to pipes.
	Stdout, Stderr io.Writer
	// Stdin is what fmt.Scan*, bufio on os.Stdin and friends read in cells.
	// Nil means reading stdin fails with a clear error.
	Stdin io.Reader
}

// Session is one interpreter session: the state a notebook's cells share.
// Execute must not be called concurrently with itself; Decls and State may be
// called from other goroutines while Execute runs.
type Session struct {
	opts Options
}

// New returns a session with the preloaded packages imported under their
// usual names (fmt, math, mat, plot, hessian, optim, ...).
func New(opts Options) (*Session, error) {
	return &Session{opts: opts}, nil
}

// Result is what a successful cell produced besides its output streams.
type Result struct {
	// Display is the rendered value of the cell's final expression statement,
	// nil if the cell does not end in one (declarations, assignments and calls
	// of functions without results display nothing).
	Display *display.Bundle
	// Notices are one-line remarks for the user, such as
	// "could not carry over x (interpreted func value)".
	Notices []string
}

// Error is implemented by every error Execute returns.
type Error interface {
	error
	// Name says what happened: "CompileError", "Panic" or "Interrupted".
	Name() string
	// Traceback is the report to show, one line per element, with positions
	// relative to the cell (line:column) and the offending source line.
	Traceback() []string
}

// Execute runs one cell. Cancelling ctx interrupts it: the cell stops, an
// Error named "Interrupted" is returned and the session stays usable with
// every earlier declaration and variable. A failed cell leaves no
// half-defined names behind.
func (s *Session) Execute(ctx context.Context, code string) (*Result, error) {
	return nil, errors.New("session: not implemented")
}

// Decl describes one user declaration in scope.
type Decl struct {
	Name string
	// Kind is one of "func", "type", "var", "const", "import", "method".
	// A method's Name is "Recv.Method".
	Kind string
	// Signature is the declaration's source header, e.g.
	// "func f(x []float64) float64" or "type P struct{ X, Y float64 }".
	Signature string
	// Doc is the declaration's doc comment, without comment markers.
	Doc string
	// Type is the Go type of a variable as a string, e.g. "*mat.Dense",
	// taken from its current value when known.
	Type string
}

// Decls returns the user declarations in scope now, sorted by name.
// It is safe to call while Execute runs.
func (s *Session) Decls() []Decl { return nil }

// State returns an opaque snapshot: the declarations to replay and the
// variable values that can be carried (numbers, strings, bools, slices, maps,
// arrays and structs of them, *mat.Dense, *mat.SymDense, *mat.VecDense).
// It is cheap when nothing changed since the last call.
func (s *Session) State() []byte { return nil }

// Restore replays a snapshot from State into this (fresh) session, as after
// a worker crash. The notices name what could not be restored.
func (s *Session) Restore(state []byte) (notices []string, err error) {
	return nil, errors.New("session: not implemented")
}
