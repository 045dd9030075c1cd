package session

import (
	"reflect"
	"strings"

	"github.com/gocurve/gocurve/kernel/widget"
	"github.com/traefik/yaegi/interp"
)

// yaegi keeps everything each Eval compiled for as long as the interpreter
// lives: the nodes of every top-level statement, the slots of the global
// frame it used (and the values left in them, such as the plots of earlier
// cells) and a file in its file set. A long session grows with every cell
// even when it declares nothing new. Compaction moves the session to a
// fresh interpreter, with the declarations replayed in one chunk and the
// variables carried, by the same path as a rebuild. It runs after a cell
// once the cells since the last interpreter outnumber a bound that grows
// with the session, so its cost (linear in the session) is amortised over
// as many cells.
//
// It never changes what a program sees: it is skipped, and tried again
// only after twice as many cells, when anything would not move faithfully
// (a notice from the rebuild: a func value without its literal, a type
// that cannot be named, …; a value holding an interpreted closure; a
// widget callback; variables sharing memory; goroutines started by cells).

// compactEvery is the fewest cells between two compactions.
const compactEvery = 500

// compaction is the state of a session's compaction.
type compaction struct {
	cells int // cells run in the current interpreter
	bound int // cells after which the next compaction is tried
	moves int // compactions done
	// in is the interpreter the last compaction made, slots its global
	// frame's slots then and size the session's declarations and variables:
	// while none grew (cells such as x := 1, whose frame slots the next
	// chunk takes again: a slot per eight cells at most) a compaction has
	// nothing to give back, and only
	// leaves the old interpreter's memory to the collector and the heap
	// more fragmented (10,000 trivial cells: 20 compactions, 1 MB more of
	// the heap's spans unused, none with the check).
	in          *interp.Interpreter
	slots, size int
}

// maybeCompact compacts the session if the cells since the last
// interpreter passed the bound. It is called after a successful cell with
// the execution lock held.
func (s *Session) maybeCompact() {
	c := &s.compact
	c.cells++
	if c.bound == 0 {
		c.bound = compactEvery
	}
	if c.cells < c.bound {
		return
	}
	size := len(s.table) + len(s.vars)
	if c.in == s.in && size == c.size && frameLayoutLen(s.in)-c.slots < c.cells/8 {
		return // nothing grew since the last compaction (a slot or two)
	}
	if s.tryCompact() {
		c.cells, c.bound = 0, max(compactEvery, 2*size)
		c.moves++
		c.in, c.slots, c.size = s.in, frameLayoutLen(s.in), size
		return
	}
	c.bound *= 2
}

// Compactions is the number of times the session moved to a fresh
// interpreter to compact itself. Each leaves the old interpreter, as big
// as the session, for the collector: the worker returns that memory to the
// system once the cell's reply is sent.
func (s *Session) Compactions() int {
	s.exec.Lock()
	defer s.exec.Unlock()
	return s.compact.moves
}

// tryCompact moves the session to a fresh interpreter if nothing would
// be lost or changed by it, and reports whether it did.
func (s *Session) tryCompact() bool { return s.move() == "" }

// Redeclare moves the session to a fresh interpreter, its declarations
// replayed through Options.Replay and its variables carried, as a
// compaction does: a debugger started after the funcs were declared
// compiles them so. It does not when anything would not move faithfully,
// and returns why, or "" when it did.
func (s *Session) Redeclare() string {
	s.exec.Lock()
	defer s.exec.Unlock()
	return s.move()
}

// move moves the session to a fresh interpreter if nothing would be lost
// or changed by it; else it returns why not.
func (s *Session) move() string {
	if widget.HasCallbacks() {
		return "a widget holds a callback of the session"
	}
	if s.cellGoroutines() {
		return "goroutines started by cells are running"
	}
	s.mu.Lock()
	s.update()
	_, shared := s.recs.data["shared"]
	s.mu.Unlock()
	if shared {
		return "variables share memory"
	}
	type span struct{ start, end uintptr }
	var spans []span // the variables' storage
	var refs []reflect.Value
	for _, v := range s.vars {
		p, ok := s.cache.ptrs[v.name]
		if !ok || s.cache.in != s.in {
			return "the variables were not read since the last cell"
		}
		val := p.Elem()
		if holdsFunc(val) && !(val.Kind() == reflect.Func && v.funcLit != "") {
			return v.name + " holds an interpreted closure" // it would keep running in the old interpreter
		}
		spans = append(spans, span{p.Pointer(), p.Pointer() + val.Type().Size()})
		if k := val.Kind(); (k == reflect.Pointer || k == reflect.Slice) && !val.IsNil() {
			refs = append(refs, val)
		}
	}
	// A pointer to a whole variable is relinked; one into a variable (a
	// field, an element, a slice of an array variable) cannot be.
	for _, r := range refs {
		for _, sp := range spans {
			if a := r.Pointer(); a >= sp.start && a < sp.end && !(a == sp.start && r.Kind() == reflect.Pointer) {
				return "a variable points into another"
			}
		}
	}
	in, notices, err := s.rebuild(s.in, s.imports, s.table, s.vars, nil, nil)
	if err != nil {
		return err.Error()
	}
	if len(notices) > 0 {
		return strings.Join(notices, "; ")
	}
	s.mu.Lock()
	s.in = in
	s.gen++
	s.cache.refresh(in, s.table, s.vars, nil, nil)
	// The kept names are taken again at the next cell; until then they
	// would hold the old interpreter, which the worker returns to the
	// system right after this cell's reply.
	s.names = scopeNames{}
	s.mu.Unlock()
	return ""
}
