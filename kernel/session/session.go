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
	"fmt"
	"io"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/kernel/symbols"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
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
	opts   Options
	stderr *panicFilter
	rt     *runtime
	in     *interp.Interpreter

	exec    sync.Mutex // held by Execute, State and Restore
	mu      sync.Mutex // guards the tables below for Decls
	imports []binding  // package names in scope: preloaded, then user imports
	table   []cell.Item
	vars    []variable
	gen     int // bumped by every successful change
	snap    []byte
	snapGen int
}

type binding struct{ name, path string }

type variable struct {
	name     string
	declared string // the type written in `var name T`, or ""
	typ      string // the Go type of the current value, e.g. "*mat.Dense"
	doc      string
}

// preloaded are the packages cells use without an import line.
var preloaded = []binding{
	{"fmt", "fmt"}, {"math", "math"}, {"strings", "strings"}, {"strconv", "strconv"},
	{"sort", "sort"}, {"errors", "errors"}, {"time", "time"}, {"rand", "math/rand"},
	{"os", "os"},
	{"mat", "gonum.org/v1/gonum/mat"}, {"floats", "gonum.org/v1/gonum/floats"},
	{"stat", "gonum.org/v1/gonum/stat"},
	{"plot", "gonum.org/v1/plot"}, {"plotter", "gonum.org/v1/plot/plotter"},
	{"vg", "gonum.org/v1/plot/vg"}, {"draw", "gonum.org/v1/plot/vg/draw"},
	{"palette", "gonum.org/v1/plot/palette"}, {"moreland", "gonum.org/v1/plot/palette/moreland"},
	{"brewer", "gonum.org/v1/plot/palette/brewer"},
	{"hessian", "github.com/gocurve/gocurve/lib/hessian"}, {"nn", "github.com/gocurve/gocurve/lib/nn"},
	{"optim", "github.com/gocurve/gocurve/lib/optim"}, {"viz", "github.com/gocurve/gocurve/lib/viz"},
	{"interrupt", "github.com/gocurve/gocurve/lib/interrupt"},
	{"display", "github.com/gocurve/gocurve/kernel/display"},
}

// exports are all symbol tables a session's interpreter uses. slices and
// maps are left out: cells get interpreted versions (see prelude.go).
var exports = func() interp.Exports {
	e := interp.Exports{}
	for k, v := range stdlib.Symbols {
		if k == "slices/slices" || k == "maps/maps" {
			continue
		}
		e[k] = v
	}
	for k, v := range symbols.Symbols {
		e[k] = v
	}
	return e
}()

func available(path string) bool {
	_, ok := exports[path+"/"+pathBase(path)]
	return ok
}

func pathBase(p string) string {
	b := path.Base(p)
	if strings.HasPrefix(b, "v") && len(b) > 1 && b[1] >= '0' && b[1] <= '9' {
		b = path.Base(path.Dir(p))
	}
	return b
}

// New returns a session with the preloaded packages imported under their
// usual names (fmt, math, mat, plot, hessian, optim, ...).
func New(opts Options) (*Session, error) {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.Stdin == nil {
		opts.Stdin = noStdin{}
	}
	s := &Session{opts: opts}
	s.stderr = &panicFilter{w: opts.Stderr}
	for _, b := range preloaded {
		if available(b.path) {
			s.imports = append(s.imports, b)
		}
	}
	in, err := s.newInterp(s.imports)
	if err != nil {
		return nil, err
	}
	s.in = in
	return s, nil
}

type noStdin struct{}

func (noStdin) Read([]byte) (int, error) {
	return 0, errors.New("session: stdin is not available in this session")
}

// newInterp makes an interpreter with all symbols, the helpers and imports.
func (s *Session) newInterp(imports []binding) (*interp.Interpreter, error) {
	in := interp.New(interp.Options{Stdout: s.opts.Stdout, Stderr: s.stderr, Stdin: s.opts.Stdin})
	if err := in.Use(exports); err != nil {
		return nil, fmt.Errorf("session: loading symbols: %w", err)
	}
	s.rt = &runtime{stderr: s.opts.Stderr}
	if err := in.Use(s.rt.exports()); err != nil {
		return nil, fmt.Errorf("session: loading helpers: %w", err)
	}
	for _, src := range []string{prelude, slicesSrc, mapsSrc} {
		if _, err := in.Eval(src); err != nil {
			return nil, fmt.Errorf("session: prelude: %w", err)
		}
	}
	if len(imports) > 0 {
		var b strings.Builder
		b.WriteString("import (\n")
		for _, im := range imports {
			fmt.Fprintf(&b, "%s %q\n", im.name, im.path)
		}
		b.WriteString(")")
		if _, err := in.Eval(b.String()); err != nil {
			return nil, fmt.Errorf("session: imports: %w", err)
		}
	}
	return in, nil
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

type cellError struct {
	name     string
	msg      string
	trace    []string
	internal bool // a failure of yaegi's compiler rather than of the code
}

func (e *cellError) Error() string       { return e.msg }
func (e *cellError) Name() string        { return e.name }
func (e *cellError) Traceback() []string { return e.trace }

// Execute runs one cell. Cancelling ctx interrupts it: the cell stops, an
// Error named "Interrupted" is returned and the session stays usable with
// every earlier declaration and variable. A failed cell leaves no
// half-defined names behind.
func (s *Session) Execute(ctx context.Context, code string) (*Result, error) {
	s.exec.Lock()
	defer s.exec.Unlock()
	c, err := cell.Parse(code, s.cellOptions())
	if err != nil {
		var list cell.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			e := list[0]
			return nil, compileError(e.Line, e.Col, e.Msg, e.Source)
		}
		return nil, &cellError{name: "CompileError", msg: err.Error(), trace: []string{err.Error()}}
	}
	x := &execution{s: s, ctx: ctx, c: c, lines: strings.Split(code, "\n")}
	res, err := x.run()
	if err != nil {
		if notices := s.recover(x); len(notices) > 0 && res == nil {
			var ce *cellError
			if errors.As(err, &ce) {
				ce.trace = append(ce.trace, notices...)
			}
		}
		return nil, err
	}
	return res, nil
}

func compileError(line, col int, msg, src string) *cellError {
	pos := fmt.Sprintf("%d:%d", line, col)
	trace := []string{fmt.Sprintf("cell %s: %s", pos, msg)}
	if src != "" {
		trace = append(trace, "    "+src)
		if col >= 1 && col <= len(src)+1 {
			trace = append(trace, "    "+strings.Repeat(" ", col-1)+"^")
		}
	}
	return &cellError{name: "CompileError", msg: pos + ": " + msg, trace: trace}
}

func (s *Session) cellOptions() *cell.Options {
	o := &cell.Options{Consts: map[string]bool{}, Shadowed: map[string]bool{}}
	for _, it := range s.table {
		for _, n := range it.Names {
			if it.Kind == cell.Const {
				o.Consts[n] = true
			}
			o.Shadowed[n] = true
		}
	}
	for _, v := range s.vars {
		o.Shadowed[v.name] = true
	}
	for _, b := range s.imports {
		if b.name == "slices" || b.name == "maps" {
			o.Shadowed[b.name] = true
		}
	}
	in := s.in
	o.IsInt = func(name string) bool {
		v, err := in.Eval(name)
		if err != nil || !v.IsValid() {
			return false
		}
		switch v.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			return true
		}
		return false
	}
	return o
}

// recover restores the state before a failed cell: a fresh interpreter with
// the old declarations, carrying the values variables have now.
func (s *Session) recover(x *execution) []string {
	if !x.dirty {
		return nil
	}
	in, notices, err := s.rebuild(s.in, s.imports, s.table, s.vars, nil)
	if err != nil {
		return append(notices, "session could not be restored: "+err.Error())
	}
	s.in = in
	return notices
}

// execution is the running of one cell.
type execution struct {
	s     *Session
	ctx   context.Context
	c     *cell.Cell
	lines []string
	dirty bool       // the interpreter may hold names of this cell
	cur   *cell.Item // the statement running

	imports []binding
	table   []cell.Item
	vars    []variable
	notices []string
}

var errPos = regexp.MustCompile(`^(?:[^\s:]*\.go:)?(\d+):(\d+): (.*)$`)

func (x *execution) run() (*Result, error) {
	s := x.s
	x.imports = append([]binding(nil), s.imports...)
	x.table = append([]cell.Item(nil), s.table...)
	x.vars = append([]variable(nil), s.vars...)

	rebuild := false
	var newImports []binding
	defined := map[string]bool{} // names this cell's statements define
	for _, it := range x.c.Items {
		if it.Kind == cell.Stmt || it.Kind == cell.Var {
			for _, n := range it.Names {
				defined[n] = true
			}
		}
	}
	oldVar := map[string]bool{}
	for _, v := range x.vars {
		oldVar[v.name] = true
	}
	var decls, later []cell.Item
	for _, it := range x.c.Items {
		switch it.Kind {
		case cell.Import:
			name := it.ImportName
			if name == "" {
				name = pathBase(it.ImportPath)
			}
			if it.ImportPath == "slices" || it.ImportPath == "maps" || name == "_" {
				continue // interpreted versions are always there
			}
			i := bindingIndex(x.imports, name)
			switch {
			case i >= 0 && x.imports[i].path == it.ImportPath:
			case i >= 0:
				x.imports[i].path = it.ImportPath
				rebuild = true
			default:
				b := binding{name, it.ImportPath}
				x.imports = append(x.imports, b)
				newImports = append(newImports, b)
			}
		case cell.Type, cell.Func, cell.Method, cell.Const:
			dep := false
			for _, u := range it.Uses {
				if defined[u] && !oldVar[u] {
					dep = true
				}
			}
			if tableIndex(x.table, it) >= 0 {
				rebuild = true
			}
			if dep {
				later = append(later, it)
			} else {
				decls = append(decls, it)
			}
		}
	}
	// Declarations first (Go's package scope has no order); a declaration
	// using a variable this cell defines runs after the cell's statements
	// that define it.
	if rebuild {
		x.dirty = true
		in, notices, err := s.rebuild(s.in, x.imports, x.table, x.vars, decls)
		x.notices = append(x.notices, notices...)
		if err != nil {
			return nil, x.mapError(err)
		}
		s.in = in
		x.dirty = true
	} else {
		if len(newImports) > 0 {
			var b strings.Builder
			b.WriteString("import (\n")
			for _, im := range newImports {
				fmt.Fprintf(&b, "%s %q\n", im.name, im.path)
			}
			b.WriteString(")")
			x.dirty = true
			if _, err := s.in.Eval(b.String()); err != nil {
				return nil, &cellError{name: "CompileError", msg: err.Error(), trace: []string{err.Error()}}
			}
		}
		if len(decls) > 0 {
			x.dirty = true
			if err := x.eval(declChunk(decls, 0)); err != nil {
				return nil, err
			}
		}
	}
	for _, it := range decls {
		x.table = upsert(x.table, it)
	}
	x.s.rt.defers = nil
	x.s.rt.shown = nil
	err := x.statements(later)
	if derr := x.runDefers(); err == nil {
		err = derr
	}
	if err != nil {
		return nil, err
	}
	res := &Result{Display: x.s.rt.shown, Notices: x.notices}
	x.commit()
	return res, nil
}

func bindingIndex(bs []binding, name string) int {
	for i, b := range bs {
		if b.name == name {
			return i
		}
	}
	return -1
}

func tableIndex(t []cell.Item, it cell.Item) int {
	for i, old := range t {
		if old.Kind == it.Kind || (isDeclKind(old.Kind) && isDeclKind(it.Kind) && old.Kind != cell.Method && it.Kind != cell.Method) {
			for _, n := range old.Names {
				for _, m := range it.Names {
					if n == m {
						return i
					}
				}
			}
		}
	}
	return -1
}

func isDeclKind(k cell.Kind) bool {
	return k == cell.Type || k == cell.Func || k == cell.Const || k == cell.Method
}

// upsert puts a declaration in the table, replacing the one of the same name.
func upsert(t []cell.Item, it cell.Item) []cell.Item {
	for {
		i := tableIndex(t, it)
		if i < 0 {
			break
		}
		t = append(t[:i:i], t[i+1:]...)
	}
	return append(t, it)
}

// declChunk is the source of declarations for Eval. Lines are padded so
// the interpreter's line numbers are cell lines plus base+1.
func declChunk(items []cell.Item, base int) string {
	var b strings.Builder
	b.WriteString("package main;")
	line := 1
	for _, it := range items {
		want := it.Line + 1 + base
		for line < want {
			b.WriteByte('\n')
			line++
		}
		if line > want {
			b.WriteByte(';')
		}
		b.WriteString(strings.Repeat(" ", it.Col-1))
		b.WriteString(it.Src)
		line += strings.Count(it.Src, "\n")
		b.WriteByte(';')
	}
	return b.String()
}

// stmtChunk is declChunk for statements: the interpreter runs them as the
// body of main, so the variables they define are session globals.
func stmtChunk(items []cell.Item) string {
	var b strings.Builder
	b.WriteString(";")
	line := 1
	for _, it := range items {
		for line < it.Line+1 {
			b.WriteByte('\n')
			line++
		}
		b.WriteString(strings.Repeat(" ", max(it.Col-1, 0)))
		b.WriteString(it.Src)
		line += strings.Count(it.Src, "\n")
		b.WriteByte(';')
	}
	return b.String()
}

// eval runs a chunk whose line L is cell line L-1.
func (x *execution) eval(src string) error {
	x.s.stderr.reset()
	_, err := x.s.in.EvalWithContext(x.ctx, src)
	if err == nil {
		return nil
	}
	return x.mapError(err)
}

func (x *execution) mapError(err error) error {
	if x.ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		x.dirty = true
		return &cellError{name: "Interrupted", msg: "interrupted", trace: []string{"Interrupted: the cell was stopped"}}
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
		e := compileError(line, 1, fmt.Sprintf("the interpreter cannot compile this (%v)", p.Value), src)
		e.internal = true
		return e
	}
	if errors.As(err, &p) {
		x.dirty = true
		msg := fmt.Sprint(p.Value)
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
		return &cellError{name: "Panic", msg: "panic: " + msg, trace: trace}
	}
	var ce *cellError
	if errors.As(err, &ce) {
		return ce
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
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
		return compileError(l, c, strings.ReplaceAll(m[3], "__gocurve_", ""), src)
	}
	return &cellError{name: "CompileError", msg: msg, trace: []string{msg}}
}

// statements runs the cell's statements in order, with the declarations in
// later placed after the statements defining what they use, and renders a
// final expression.
func (x *execution) statements(later []cell.Item) error {
	var run []cell.Item
	items := x.c.Items
	final := x.c.Final()
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		x.dirty = true
		for i := range run {
			x.cur = &run[i]
			if err := x.evalStmt(run[i]); err != nil {
				run = run[:0]
				return err
			}
		}
		x.cur = nil
		run = run[:0]
		return nil
	}
	for i, it := range items {
		if it.Kind != cell.Stmt && it.Kind != cell.Var {
			continue
		}
		if final != nil && i == len(items)-1 {
			if err := flush(); err != nil {
				return err
			}
			if err := x.placeLater(&later, len(items)); err != nil {
				return err
			}
			return x.final(it)
		}
		run = append(run, it)
		for _, n := range it.Names {
			x.defineVar(n, it)
		}
		if len(later) > 0 {
			if err := flush(); err != nil {
				return err
			}
			if err := x.placeLater(&later, i); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return x.placeLater(&later, len(items))
}

// evalStmt runs one top-level statement. yaegi's global type analysis gets
// some top-level definitions wrong (x := genericCall(...) panics,
// y := undefinedName says "constant definition loop"); as nothing ran when
// compiling fails, such a definition is retried inside a func literal, which
// yaegi compiles correctly, and its variables are then declared at top level
// with the static types the func literal saw.
func (x *execution) evalStmt(it cell.Item) error {
	err := x.eval(stmtChunk([]cell.Item{it}))
	var ce *cellError
	if err == nil || !errors.As(err, &ce) || ce.name != "CompileError" || len(it.Names) == 0 || !isDefine(it.Src) {
		return err
	}
	if err2 := x.defineInFunc(it); err2 != nil {
		if errors.As(err2, &ce) && ce.name == "CompileError" {
			return err2 // the func literal's message is the better one
		}
		return err2
	}
	return nil
}

func isDefine(src string) bool {
	i := strings.Index(src, ":=")
	return i > 0 && !strings.ContainsAny(src[:i], "({[\"")
}

func (x *execution) defineInFunc(it cell.Item) error {
	ptrs := make([]string, len(it.Names))
	for i, n := range it.Names {
		ptrs[i] = "&" + n
	}
	w := it
	w.Src = "__gocurve_tmp := func() []any {" + it.Src + "; return []any{" + strings.Join(ptrs, ", ") + "} }()"
	w.Col = max(1, it.Col-len("__gocurve_tmp := func() []any {"))
	if err := x.eval(stmtChunk([]cell.Item{w})); err != nil {
		return err
	}
	tmp, err := x.s.in.Eval("__gocurve_tmp")
	if err != nil || tmp.Kind() != reflect.Slice || tmp.Len() != len(it.Names) {
		return &cellError{name: "CompileError", msg: "could not define " + strings.Join(it.Names, ", "), trace: []string{"could not define " + strings.Join(it.Names, ", ")}}
	}
	byName := map[reflect.Type]string{}
	for name, t := range namedTypes(x.s.in, x.table) {
		byName[t] = name
	}
	for i, n := range it.Names {
		p := tmp.Index(i)
		if p.Kind() == reflect.Interface {
			p = p.Elem()
		}
		texpr, ok := typeExpr(p.Type().Elem(), byName, x.imports)
		if !ok {
			return &cellError{name: "CompileError", msg: fmt.Sprintf("cannot define %s at top level (type %s)", n, p.Type().Elem()),
				trace: []string{fmt.Sprintf("cannot define %s at top level: its type %s cannot be named; declare it with var", n, p.Type().Elem())}}
		}
		if _, err := x.s.in.Eval(fmt.Sprintf("package main; var %s %s", n, texpr)); err != nil {
			return x.mapError(err)
		}
		dst, err := x.s.in.Eval("&" + n)
		if err != nil || dst.Kind() != reflect.Ptr {
			return &cellError{name: "CompileError", msg: "could not define " + n, trace: []string{"could not define " + n}}
		}
		dst.Elem().Set(p.Elem())
	}
	return nil
}

// placeLater evaluates the declarations of later whose variables exist now.
func (x *execution) placeLater(later *[]cell.Item, upto int) error {
	if len(*later) == 0 {
		return nil
	}
	have := map[string]bool{}
	for _, v := range x.vars {
		have[v.name] = true
	}
	var ready, rest []cell.Item
	for _, it := range *later {
		ok := true
		for _, u := range it.Uses {
			for _, jt := range x.c.Items {
				if (jt.Kind == cell.Stmt || jt.Kind == cell.Var) && contains(jt.Names, u) && !have[u] {
					ok = false
				}
			}
		}
		if ok || upto >= len(x.c.Items) {
			ready = append(ready, it)
		} else {
			rest = append(rest, it)
		}
	}
	*later = rest
	if len(ready) == 0 {
		return nil
	}
	x.dirty = true
	if err := x.eval(declChunk(ready, 0)); err != nil {
		return err
	}
	for _, it := range ready {
		x.table = upsert(x.table, it)
	}
	return nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func (x *execution) defineVar(name string, it cell.Item) {
	v := variable{name: name, declared: it.Types[name], doc: it.Doc}
	for i := range x.vars {
		if x.vars[i].name == name {
			if it.Kind == cell.Var || v.declared != "" {
				x.vars[i] = v
			}
			return
		}
	}
	x.vars = append(x.vars, v)
}

// final runs the cell's last expression statement and renders its value
// unless it is a call of something without results.
func (x *execution) final(it cell.Item) error {
	show := !it.Void
	if show && it.Call != "" {
		show = x.returnsValues(it.Call)
	}
	if show {
		it.Src = "__gocurve_show(" + it.Src + ")"
		it.Col -= len("__gocurve_show(")
		if it.Col < 1 {
			it.Col = 1
		}
	}
	x.dirty = true
	x.cur = &it
	return x.eval(stmtChunk([]cell.Item{it}))
}

// returnsValues decides whether a call's callee returns results, from the
// declaration table, the symbol tables, or the callee's value.
func (x *execution) returnsValues(callee string) bool {
	for _, it := range x.table {
		if it.Kind == cell.Func && it.Names[0] == callee {
			return it.Results > 0
		}
		if it.Kind == cell.Type && it.Names[0] == callee {
			return true // a conversion
		}
	}
	if isBuiltinValue(callee) {
		return true
	}
	if strings.HasPrefix(callee, "fmt.") && strings.Contains(callee, "Print") {
		return false // their (n, err) results are noise
	}
	if strings.ContainsAny(callee, "()[]{} \t\n") {
		return true
	}
	v, err := x.s.in.Eval(callee)
	if err != nil || !v.IsValid() {
		return true
	}
	if v.Kind() == reflect.Func {
		return v.Type().NumOut() > 0
	}
	return true
}

func isBuiltinValue(name string) bool {
	switch name {
	case "len", "cap", "append", "make", "new", "complex", "real", "imag", "min", "max", "recover":
		return true
	}
	return false
}

// runDefers runs the cell's top-level defers, last first.
func (x *execution) runDefers() (err error) {
	ds := x.s.rt.defers
	x.s.rt.defers = nil
	for i := len(ds) - 1; i >= 0; i-- {
		func() {
			defer func() {
				if r := recover(); r != nil && err == nil {
					err = &cellError{name: "Panic", msg: fmt.Sprintf("panic: %v", r), trace: []string{fmt.Sprintf("panic in a deferred call: %v", r)}}
				}
			}()
			ds[i]()
		}()
	}
	return err
}

// commit makes the cell's declarations and variables the session's.
func (x *execution) commit() {
	for i := range x.vars {
		if v, err := x.s.in.Eval(x.vars[i].name); err == nil && v.IsValid() {
			x.vars[i].typ = typeString(v.Type(), x.imports)
		}
	}
	s := x.s
	s.mu.Lock()
	defer s.mu.Unlock()
	s.imports = x.imports
	s.table = x.table
	s.vars = x.vars
	s.gen++
}

// typeString writes t with package names as cells import them.
func typeString(t reflect.Type, imports []binding) string {
	str := t.String()
	for _, b := range imports {
		base := path.Base(b.path)
		if base != b.name {
			str = strings.ReplaceAll(str, base+".", b.name+".")
		}
	}
	return str
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

// Decls returns the user declarations in scope now, sorted by name; the
// preloaded packages are included as imports. It is safe to call while
// Execute runs.
func (s *Session) Decls() []Decl {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Decl
	for _, b := range s.imports {
		out = append(out, Decl{Name: b.name, Kind: "import", Signature: fmt.Sprintf("import %s %q", b.name, b.path)})
	}
	for _, it := range s.table {
		for _, n := range it.Names {
			out = append(out, Decl{Name: n, Kind: it.Kind.String(), Signature: it.Signature, Doc: it.Doc})
		}
	}
	for _, v := range s.vars {
		t := v.declared
		if t == "" {
			t = v.typ
		}
		sig := "var " + v.name
		if t != "" {
			sig += " " + t
		}
		out = append(out, Decl{Name: v.name, Kind: "var", Signature: sig, Doc: v.doc, Type: t})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// panicFilter passes the interpreter's stderr on, keeping back the
// "L:C: panic: ..." lines yaegi prints for a runtime panic and remembering
// the outermost line.
type panicFilter struct {
	w      io.Writer
	mu     sync.Mutex
	frames []frame
	buf    []byte
}

// frame is one "L:C: panic: main.f(...)" line yaegi prints, innermost first.
type frame struct {
	line int
	fn   string
}

var panicLine = regexp.MustCompile(`^(\d+):(\d+): panic: ([^\s(]*)`)

func (f *panicFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buf = append(f.buf, p...)
	for {
		i := strings.IndexByte(string(f.buf), '\n')
		if i < 0 {
			break
		}
		line := string(f.buf[:i+1])
		f.buf = f.buf[i+1:]
		if m := panicLine.FindStringSubmatch(line); m != nil {
			l, _ := strconv.Atoi(m[1])
			f.frames = append(f.frames, frame{l, strings.TrimPrefix(m[3], "main.")})
			continue
		}
		if _, err := io.WriteString(f.w, line); err != nil {
			return len(p), err
		}
	}
	if len(f.buf) > 0 && !panicLine.Match(f.buf) && !isDigits(f.buf) {
		_, err := f.w.Write(f.buf)
		f.buf = f.buf[:0]
		return len(p), err
	}
	return len(p), nil
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if (c < '0' || c > '9') && c != ':' {
			return false
		}
	}
	return true
}

func (f *panicFilter) reset() {
	f.mu.Lock()
	f.frames = nil
	f.mu.Unlock()
}

func (f *panicFilter) stack() []frame {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]frame(nil), f.frames...)
}
