package session

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	goruntime "runtime"
	"strconv"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/importer"
	"github.com/traefik/yaegi/interp"
)

// Error is implemented by every error Execute returns.
type Error interface {
	error
	// Name says what happened: one of the Kinds, as a string (the ename a
	// front end shows).
	Name() string
	// Traceback is the report to show, one line per element, with positions
	// relative to the cell (line:column) and the offending source line.
	Traceback() []string
}

// Kind is the kind of failure an Error reports.
type Kind string

// The kinds of Error.
const (
	// KindCompileError: the cell was refused before it ran, or the
	// interpreter could not compile a statement.
	KindCompileError Kind = "CompileError"
	// KindPanic: the cell panicked.
	KindPanic Kind = "Panic"
	// KindExit: the cell called os.Exit with a status other than 0.
	KindExit Kind = "Exit"
	// KindInterrupted: the cell was interrupted.
	KindInterrupted Kind = "Interrupted"
)

// KindOf returns the kind of an error Execute returned, or "" for another.
func KindOf(err error) Kind {
	var ce *cellError
	if errors.As(err, &ce) {
		return ce.kind
	}
	return ""
}

type cellError struct {
	kind     Kind
	msg      string
	trace    []string
	internal bool // a failure of yaegi's compiler rather than of the code
	exit     int  // the status of os.Exit, for KindExit
}

func (e *cellError) Error() string { return e.msg }

func (e *cellError) Name() string { return string(e.kind) }

func (e *cellError) Traceback() []string { return e.trace }

func compileError(line, col int, msg, src string) *cellError {
	pos := fmt.Sprintf("%d:%d", line, col)
	trace := []string{fmt.Sprintf("cell %s: %s", pos, msg)}
	if src != "" {
		trace = append(trace, "    "+src)
		if col >= 1 && col <= len(src)+1 {
			trace = append(trace, "    "+strings.Repeat(" ", col-1)+"^")
		}
	}
	return &cellError{kind: KindCompileError, msg: pos + ": " + msg, trace: trace}
}

var errPos = regexp.MustCompile(`^(?:[^\s:]*\.go:)?(\d+):(\d+): (.*)$`)

func (x *execution) mapError(err error) error {
	if code, ok := x.s.rt.exit.status(); ok {
		// os.Exit stopped the cell like an interrupt (see exiter).
		x.dirty = true
		x.interrupted = true
		x.exited = true
		msg := fmt.Sprintf("exit status %d", code)
		return &cellError{kind: KindExit, msg: msg, trace: []string{msg}, exit: code}
	}
	if x.ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		x.dirty = true
		x.interrupted = true
		return &cellError{kind: KindInterrupted, msg: "interrupted", trace: []string{"Interrupted: the cell was stopped"}}
	}
	var p interp.Panic
	if errors.As(err, &p) && !strings.Contains(string(p.Stack), "Execute.func1") {
		// a panic of yaegi's compiler, not of the cell
		x.dirty = true
		line, src := 0, ""
		if x.cur != nil {
			line = x.cur.Line
			if line >= 1 && line <= len(x.lines) {
				src = x.lines[line-1]
			}
		}
		if e := x.undefined(); e != nil {
			return e
		}
		col, what := 1, fmt.Sprint(p.Value)
		if m := errPos.FindStringSubmatch(what); m != nil {
			// the position of the chunk's node: line L is cell line L-1
			l, _ := strconv.Atoi(m[1])
			if c, _ := strconv.Atoi(m[2]); l-1 >= 1 && l-1 <= len(x.lines) {
				line, col, src, what = l-1, c, x.lines[l-2], m[3]
			}
		}
		e := compileError(line, col, fmt.Sprintf("the interpreter cannot compile this (%s)", what), src)
		e.internal = true
		return e
	}
	if errors.As(err, &p) {
		x.dirty = true
		msg := goMessage(fmt.Sprint(p.Value))
		trace := []string{"panic: " + msg}
		if x.cur != nil {
			// yaegi's positions are reliable only inside the statement
			// that was running; frames of earlier cells' funcs name the func.
			first, last := x.cur.Line, x.cur.Line+strings.Count(x.cur.Src, "\n")
			line := first
			var funcs []string
			for _, f := range x.s.stderr.stack() {
				if f.fn != "" && f.fn != "main" && !strings.HasPrefix(f.fn, "func") && !strings.HasPrefix(f.fn, "__gocurve") {
					funcs = append(funcs, f.fn)
				}
			}
			if fr := x.s.stderr.stack(); len(fr) > 0 && fr[0].line-1 >= first && fr[0].line-1 <= last && len(funcs) == 0 {
				line = fr[0].line - 1
			}
			trace = append(trace, fmt.Sprintf("cell line %d:", line))
			if line >= 1 && line <= len(x.lines) {
				trace = append(trace, "    "+x.lines[line-1])
			}
			for i := len(funcs) - 1; i >= 0; i-- {
				trace = append(trace, "  in "+funcs[i])
			}
		}
		return &cellError{kind: KindPanic, msg: "panic: " + msg, trace: trace}
	}
	var ce *cellError
	if errors.As(err, &ce) {
		return ce
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if strings.Contains(msg, "constant definition loop") || strings.Contains(msg, "CFG post-order panic") {
		if e := x.undefined(); e != nil {
			return e
		}
	}
	if m := errPos.FindStringSubmatch(msg); m != nil {
		l, _ := strconv.Atoi(m[1])
		c, _ := strconv.Atoi(m[2])
		l--
		src := ""
		if l >= 1 && l <= len(x.lines) {
			src = x.lines[l-1]
		} else {
			l, c = 0, 0
		}
		text := strings.ReplaceAll(m[3], "__gocurve_", "")
		if u := undefinedImplicit.FindStringSubmatch(m[3]); u != nil {
			text = fmt.Sprintf("%s.%s is not available in cells: cells get an interpreted %[1]s package of their own, which has no %[2]s (iterators, iter.Seq, are not supported: see docs/known-limits.md)", u[1], u[2])
		}
		return compileError(l, c, text, src)
	}
	return &cellError{kind: KindCompileError, msg: msg, trace: []string{msg}}
}

// undefinedImplicit is yaegi's error for a member of slices, maps or cmp
// that the session's interpreted versions (prelude.go) do not have.
var undefinedImplicit = regexp.MustCompile(`^undefined: __gocurve_(slices|maps|cmp)_(\w+)$`)

// undefined looks for a name the running statement uses that is not
// defined, to replace an unhelpful message of yaegi's compiler.
func (x *execution) undefined() *cellError {
	if x.cur == nil {
		return nil
	}
	known := map[string]bool{}
	for _, b := range x.imports {
		known[b.name] = true
	}
	for _, it := range x.table {
		for _, n := range it.Names {
			known[n] = true
		}
	}
	for _, v := range x.vars {
		known[v.name] = true
	}
	for _, it := range x.c.Items {
		for _, n := range it.Names {
			known[n] = true
		}
		if it.Kind == cell.Import {
			known[it.ImportName] = true
			known[importer.DefaultName(it.ImportPath)] = true
		}
	}
	for _, u := range x.cur.Uses {
		if strings.HasPrefix(u, "__gocurve") || u == "_" || known[u] || universe[u] || cell.Implicit(u) {
			continue
		}
		line, col := x.cur.Line, 1
		for l := line; l <= len(x.lines) && l < line+1+strings.Count(x.cur.Orig, "\n"); l++ {
			if i := strings.Index(x.lines[l-1], u); i >= 0 {
				line, col = l, i+1
				break
			}
		}
		src := ""
		if line >= 1 && line <= len(x.lines) {
			src = x.lines[line-1]
		}
		return compileError(line, col, "undefined: "+u, src)
	}
	return nil
}

// goMessages translate the reflect panics yaegi raises for Go's runtime
// errors into Go's words. whole is set where they are all of Go's words:
// Go's message for it carries no figures the interpreter does not know.
var goMessages = []struct {
	has, msg string
	whole    bool
}{
	{"reflect.Value.Field on zero Value", "runtime error: invalid memory address or nil pointer dereference", true},
	{"on zero Value", "runtime error: invalid memory address or nil pointer dereference", false}, // (or a fault of the interpreter's)
	{"nil pointer", "runtime error: invalid memory address or nil pointer dereference", true},
	{"call of nil function", "runtime error: invalid memory address or nil pointer dereference", true},
	{"MakeSlice: negative len", "runtime error: makeslice: len out of range", true},
	{"MakeSlice: negative cap", "runtime error: makeslice: cap out of range", true},
	{"MakeSlice: len > cap", "runtime error: makeslice: cap out of range", true},
	{"slice index out of bounds", "runtime error: slice bounds out of range", false},
	{"slice index out of range", "runtime error: index out of range", false},
	{"array index out of range", "runtime error: index out of range", false},
	{"string index out of range", "runtime error: index out of range", false},
	{"integer divide by zero", "runtime error: integer divide by zero", true},
}

// recovered is what recover() returns in a cell (package cell writes
// every recover() as HelperRecovered(recover())): a panic yaegi raised
// through reflect for one of Go's runtime errors becomes a runtime.Error
// in Go's words, as Go's recover() gives, and a failed type assertion
// loses the position yaegi put before Go's message. What the interpreter
// cannot know (the index and the length) is named in parentheses, so the
// text never passes for Go's.
// panicToken is the value a cell's panic carries for a value that may be
// of a type declared in a cell (cell.HelperPanic): the index of that value
// in the prelude's __gocurve_panics, and what Go prints for it, which an
// uncaught panic shows through Error.
type panicToken struct {
	i    int
	text string
}

func (p panicToken) Error() string { return p.text }

// panicSlots is how many panic values the prelude keeps (its
// __gocurve_panics), the latest ones.
const panicSlots = 64

// setPanicText records what Go prints for the panic value the prelude
// keeps at i.
func (rt *runtime) setPanicText(i int, text string) { rt.panicTexts[i%panicSlots].Store(&text) }

// tokenAt is the token of the panic value the prelude keeps at i.
func (rt *runtime) tokenAt(i int) error {
	var text string
	if p := rt.panicTexts[i%panicSlots].Load(); p != nil {
		text = *p
	}
	return panicToken{i, text}
}

// panicIndex is the index a panicToken in r names (r as recover() gave
// it: the reflect.Value of what panic was given).
func panicIndex(r any) (int, bool) {
	v := panicValue(r)
	if !v.IsValid() || !v.CanInterface() {
		return 0, false
	}
	t, ok := v.Interface().(panicToken)
	return t.i, ok
}

// panicValue is the value r, what recover() gave, holds: yaegi hands
// recover() the reflect.Value of what an interpreted panic(v) was given,
// possibly behind interfaces. It is not valid where r holds nil.
func panicValue(r any) reflect.Value {
	v, ok := r.(reflect.Value)
	if !ok {
		v = reflect.ValueOf(r)
	}
	for v.IsValid() && v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	return v
}

// wrappedPanic panics, saying what to write instead, where r (what
// recover() gave, about to be asserted to typ, a type declared in a cell)
// is a value the interpreter keeps behind the wrapper of an interface's
// methods (a struct whose first field is IValue, yaegi v0.16.1's
// interface wrappers): the assertion would say false where Go's says
// true.
func wrappedPanic(r any, typ string) {
	if !isIfaceWrapper(reflect.TypeOf(r)) {
		return
	}
	panic(fmt.Sprintf("recover() got a value panicked through an interface (panic(err), err an error holding it), which the interpreter keeps behind a wrapper of that interface's methods, so asserting it to %s would say false; give panic the value with its own type (panic(v), v a %[1]s), not an interface holding it", typ))
}

func recovered(r any) any {
	if v, ok := r.(reflect.Value); ok {
		// give the program the value (an error it can assert, as in Go)
		v = panicValue(v)
		if !v.IsValid() {
			return nil
		}
		if v.CanInterface() {
			r = v.Interface()
		}
	}
	var msg string
	switch x := r.(type) {
	case string:
		msg = x
	case error:
		if _, ok := x.(goruntime.Error); ok {
			return r
		}
		msg = x.Error()
	default:
		return r
	}
	if m := assertionPanic.FindStringSubmatch(msg); m != nil {
		return runtimeError(m[1])
	}
	if go_ := goMessage(msg); go_ != msg {
		return runtimeError(go_)
	}
	return r
}

// assertionPanic is a failed type assertion as yaegi reports it: Go's
// message after the position of the assertion in the cell.
var assertionPanic = regexp.MustCompile(`^\d+:\d+: (interface conversion: .*)$`)

// indexCheck is i, an index of a slice, array or string of length n
// (cell.HelperIndex), or a panic with Go's runtime error where i is out of
// range: yaegi's own panic, through reflect, has neither number.
func indexCheck(i, n int) int {
	if uint(i) >= uint(n) {
		panic(boundsError(i, n, "index out of range [%d] with length %d", "index out of range [%d]"))
	}
	return i
}

// sliceCheck is lo, the low bound of a slice expression x[lo:hi] or
// x[lo:hi:max] (three) of an operand of capacity n (capacity, a slice)
// or length n (cell.HelperSlice), or a panic with Go's runtime error for
// the first bound out of range, checked in Go's order.
func sliceCheck(lo, hi, max, n int, three, capacity bool) int {
	of := " with length %d"
	if capacity {
		of = " with capacity %d"
	}
	const prefix = "slice bounds out of range "
	switch {
	case three && uint(max) > uint(n):
		panic(boundsError(max, n, prefix+"[::%d]"+of, prefix+"[::%d]"))
	case three && uint(hi) > uint(max):
		panic(boundsError(hi, max, prefix+"[:%d:%d]", prefix+"[:%d:]"))
	case three && uint(lo) > uint(hi):
		panic(boundsError(lo, hi, prefix+"[%d:%d:]", prefix+"[%d::]"))
	case !three && uint(hi) > uint(n):
		panic(boundsError(hi, n, prefix+"[:%d]"+of, prefix+"[:%d]"))
	case !three && uint(lo) > uint(hi):
		panic(boundsError(lo, hi, prefix+"[%d:%d]", prefix+"[%d:]"))
	}
	return lo
}

// boundsError is Go's runtime error for a bound x out of range of y, in
// format, or in negative (which leaves y out) where x is negative, as Go
// writes them (runtime.boundsError).
func boundsError(x, y int, format, negative string) runtimeError {
	if x < 0 {
		return runtimeError("runtime error: " + fmt.Sprintf(negative, x))
	}
	return runtimeError("runtime error: " + fmt.Sprintf(format, x, y))
}

// runtimeError is a runtime.Error with Go's message.
type runtimeError string

func (e runtimeError) Error() string { return string(e) }

// RuntimeError marks runtimeError as a runtime.Error.
func (runtimeError) RuntimeError() {}

func goMessage(msg string) string {
	if !strings.HasPrefix(msg, "reflect") {
		return msg
	}
	for _, m := range goMessages {
		if strings.Contains(msg, m.has) {
			if m.whole {
				return m.msg
			}
			return m.msg + " (" + msg + ")"
		}
	}
	return msg
}

// universe are Go's predeclared names.
var universe = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`any bool byte comparable complex64 complex128 error float32 float64
		int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr
		true false iota nil append cap clear close complex copy delete imag len make max min
		new panic print println real recover slices maps cmp`) {
		m[n] = true
	}
	return m
}()
