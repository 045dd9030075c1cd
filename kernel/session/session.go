package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/complete"
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
	cache   liveCache
	snap    []byte
	snapGen int
	ctx     *cell.Context // the type model's view of the session, as of ctxGen
	ctxGen  int
}

type binding struct{ name, path string }

type variable struct {
	name     string
	funcLit  string // the func literal last assigned at top level, re-evaluated to carry the value
	declared string // the type written in `var name T`, or ""
	typ      string // the Go type of the current value, e.g. "*mat.Dense"
	doc      string
}

// preloaded are the packages cells use without an import line.
var preloaded = func() []binding {
	bs := make([]binding, len(symbols.Preloaded))
	for i, p := range symbols.Preloaded {
		bs[i] = binding{p.Name, p.Path}
	}
	return bs
}()

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
	quietYaegiLog()
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
	s.cache.refresh(in, nil, nil, nil)
	return s, nil
}

type noStdin struct{}

func (noStdin) Read([]byte) (int, error) {
	return 0, errors.New("session: stdin is not available in this session")
}

// newInterp makes an interpreter with all symbols, the helpers and imports.
func (s *Session) newInterp(imports []binding) (*interp.Interpreter, error) {
	// Unrestricted: os.Getenv, os.Environ and friends are the worker's own,
	// as in a program go run starts (no other symbols change).
	in := interp.New(interp.Options{Stdout: s.opts.Stdout, Stderr: s.stderr, Stdin: s.opts.Stdin, Unrestricted: true})
	if err := in.Use(exports); err != nil {
		return nil, fmt.Errorf("session: loading symbols: %w", err)
	}
	var exit *exiter
	if s.rt != nil {
		exit = s.rt.exit // a rebuild during a cell
	}
	s.rt = &runtime{stdin: s.opts.Stdin, stderr: s.opts.Stderr, exit: exit}
	if err := in.Use(s.rt.exports()); err != nil {
		return nil, fmt.Errorf("session: loading helpers: %w", err)
	}
	for _, src := range []string{prelude, slicesSrc, mapsSrc, ifaceHelpers()} {
		if _, err := evalSafe(in, src); err != nil {
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
		if _, err := evalSafe(in, b.String()); err != nil {
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
	// Name says what happened: "CompileError", "Panic", "Exit" (os.Exit
	// with a status other than 0) or "Interrupted".
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
	exit     int  // the status of os.Exit, for name "Exit"
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
	prog, _, err := cell.ParseProgram(code)
	if err == nil && prog != nil {
		code = prog.Body
	}
	var c *cell.Cell
	if err == nil {
		c, err = cell.Parse(code, s.cellOptions())
	}
	if err != nil {
		var list cell.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			e := list[0]
			return nil, compileError(e.Line, e.Col, e.Msg, e.Source)
		}
		return nil, &cellError{name: "CompileError", msg: err.Error(), trace: []string{err.Error()}}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.rt.exit = &exiter{cancel: cancel}
	x := &execution{s: s, ctx: ctx, c: c, prog: prog, lines: strings.Split(code, "\n")}
	res, err := x.runSafe()
	if err != nil {
		notices := s.recover(x)
		var ce *cellError
		if errors.As(err, &ce) && ce.name == "Exit" && ce.exit == 0 {
			// os.Exit(0): the cell ended as a program ends, successfully.
			return &Result{Notices: append(notices, "os.Exit(0) ended the cell; the names it defined are not kept")}, nil
		}
		if len(notices) > 0 && res == nil {
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
	o.Methods = map[string]string{}
	o.Generic = map[string]bool{}
	for _, it := range s.table {
		if it.TypeParam != "" {
			o.Generic[it.Names[0]] = true
		}
	}
	for _, it := range s.table {
		if it.Kind == cell.Method {
			o.Shadowed[it.Names[0][strings.IndexByte(it.Names[0], '.'):]] = true
			if !strings.HasSuffix(it.Signature, "…") {
				o.Methods[it.Names[0]] = it.Signature
			}
		}
	}
	o.Variadic = variadics(s.imports)
	o.Context = s.modelContext()
	for _, b := range s.imports {
		if b.name == "slices" || b.name == "maps" {
			o.Shadowed[b.name] = true
		}
	}
	in := s.in
	imports := s.imports
	o.TypeOf = func(expr string) string {
		if i := strings.IndexByte(expr, '.'); i > 0 {
			if j := bindingIndex(imports, expr[:i]); j >= 0 {
				syms := exports[imports[j].path+"/"+pathBase(imports[j].path)]
				if f, ok := syms[expr[i+1:]]; ok && f.Kind() == reflect.Func && f.Type().NumOut() > 0 {
					return typeString(f.Type().Out(0), imports)
				}
				return ""
			}
		}
		v, err := evalSafe(in, expr)
		if err != nil || !v.IsValid() {
			return ""
		}
		return typeString(v.Type(), imports)
	}
	o.IsInt = func(name string) bool {
		v, err := evalSafe(in, name)
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

// modelContext is the session for the cells' type model, made again when
// the session changed.
func (s *Session) modelContext() *cell.Context {
	if s.ctx != nil && s.ctxGen == s.gen {
		return s.ctx
	}
	var imports [][2]string
	for _, b := range s.imports {
		imports = append(imports, [2]string{b.name, b.path})
	}
	var decls []cell.ContextDecl
	for _, it := range s.table {
		if it.Synthetic && it.Recv != "" {
			continue // promoted-method forwarders
		}
		decls = append(decls, cell.ContextDecl{Names: it.Names, Src: it.Src})
	}
	for _, v := range s.vars {
		t := v.declared
		if t == "" {
			t = v.typ
		}
		if t == "" || strings.Contains(t, "struct {") {
			continue
		}
		decls = append(decls, cell.ContextDecl{Names: []string{v.name}, Src: "var " + v.name + " " + t})
	}
	s.ctx, s.ctxGen = cell.NewContext(imports, decls), s.gen
	return s.ctx
}

// keep remembers where the variables names live, for an interrupt.
func (x *execution) keep(names []string) {
	if x.kept == nil {
		x.kept = map[string]reflect.Value{}
	}
	for _, n := range names {
		if p, err := evalSafe(x.s.in, "&"+n); err == nil && p.IsValid() && p.Kind() == reflect.Ptr {
			x.kept[n] = p
		}
	}
}

// recover restores the state before a failed cell: a fresh interpreter with
// the old declarations, carrying the values variables have now. An
// interrupted cell keeps, as IPython does, its declarations and the
// variables its finished statements defined, with their values at the
// interrupt.
func (s *Session) recover(x *execution) []string {
	if !x.dirty {
		return nil
	}
	if x.interrupted && !x.exited && len(x.kept) > 0 {
		if notices, ok := s.recoverInterrupted(x); ok {
			return notices
		}
	}
	var cached *liveCache
	if x.interrupted {
		cached = &s.cache
	}
	in, notices, err := s.rebuild(s.in, s.imports, s.table, s.vars, nil, cached)
	if err != nil {
		return append(notices, "session could not be restored: "+err.Error())
	}
	s.cache.refresh(in, s.table, s.vars, nil)
	s.in = in
	return notices
}

// recoverInterrupted rebuilds the session from an interrupted cell with
// what it defined before the interrupt; false if that failed (recover then
// goes back to the state before the cell).
func (s *Session) recoverInterrupted(x *execution) ([]string, bool) {
	cached := &liveCache{ptrs: map[string]reflect.Value{}, types: map[string]reflect.Type{}}
	for k, v := range s.cache.ptrs {
		cached.ptrs[k] = v
	}
	for k, v := range s.cache.types {
		cached.types[k] = v
	}
	for k, v := range x.keptTypes {
		cached.types[k] = v
	}
	var vars []variable
	var kept []string
	for _, v := range x.vars {
		_, old := s.cache.ptrs[v.name]
		if p, ok := x.kept[v.name]; ok {
			cached.ptrs[v.name] = p
			kept = append(kept, v.name)
		} else if !old {
			continue // defined by a statement that did not finish
		}
		vars = append(vars, v)
	}
	in, notices, err := s.rebuild(s.in, x.imports, x.table, vars, nil, cached)
	if err != nil {
		return nil, false
	}
	s.mu.Lock()
	s.imports, s.table, s.vars = x.imports, x.table, vars
	s.gen++
	s.in = in
	s.cache.refresh(in, s.table, s.vars, nil)
	s.mu.Unlock()
	sort.Strings(kept)
	return append(notices, "kept what the cell defined before the interrupt: "+strings.Join(kept, ", ")), true
}

// execution is the running of one cell.
type execution struct {
	s           *Session
	ctx         context.Context
	c           *cell.Cell
	prog        *cell.Program // set when the cell is a whole program
	lines       []string
	dirty       bool // the interpreter may hold names of this cell
	interrupted bool // the interpreter may still be running the cell
	exited      bool // the cell called os.Exit
	// kept are pointers to the variables the cell's finished statements
	// defined, and keptTypes the reflect types of the types it declared:
	// an interrupted cell keeps them (read without compiling anything in
	// an interpreter that may still be running).
	kept      map[string]reflect.Value
	keptTypes map[string]reflect.Type
	cur       *cell.Item // the statement running

	imports []binding
	table   []cell.Item
	vars    []variable
	oldVars []variable
	notices []string
}

// runSafe is run with a panic of the session itself (a bug, or one of
// yaegi's outside Eval) turned into an error; the state is then rebuilt.
func (x *execution) runSafe() (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			x.dirty = true
			res = nil
			err = &cellError{name: "Panic", msg: fmt.Sprintf("internal error: %v", r),
				trace: []string{fmt.Sprintf("internal error of the kernel running this cell: %v", r)}}
		}
	}()
	return x.run()
}

var debugEval func(string, error)

var errPos = regexp.MustCompile(`^(?:[^\s:]*\.go:)?(\d+):(\d+): (.*)$`)

func (x *execution) run() (*Result, error) {
	s := x.s
	x.imports = append([]binding(nil), s.imports...)
	x.table = append([]cell.Item(nil), s.table...)
	x.vars = append([]variable(nil), s.vars...)
	x.oldVars = s.vars

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
		case cell.Var, cell.Stmt:
			if x.prog != nil && it.Kind == cell.Var {
				// A program's package-level vars are declarations: the
				// interpreter orders their initialization as Go does.
				decls = append(decls, it)
			}
		case cell.Type, cell.Func, cell.Method, cell.Const:
			if x.prog != nil {
				if it.Kind == cell.Func && (it.Names[0] == cell.MainName || strings.HasPrefix(it.Names[0], "__gocurve_init")) {
					it.Synthetic = true
				}
				if tableIndex(x.table, it) >= 0 {
					rebuild = true
				}
				decls = append(decls, it)
				continue
			}
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
	decls = x.withForwarders(decls)
	if x.unbindShadowed() {
		rebuild = true
	}
	if x.prog != nil {
		decls = initOrdered(decls, x.prog.VarOrder)
		// A program's vars are new: an earlier variable of the same name is
		// dropped, which takes a fresh interpreter.
		for _, it := range decls {
			if it.Kind != cell.Var {
				continue
			}
			for _, n := range it.Names {
				if i := slices.IndexFunc(x.vars, func(v variable) bool { return v.name == n }); i >= 0 {
					x.vars = slices.Delete(x.vars, i, i+1)
					rebuild = true
				}
			}
		}
	}
	// Declarations first (Go's package scope has no order); a declaration
	// using a variable this cell defines runs after the cell's statements
	// that define it.
	if rebuild {
		x.dirty = true
		in, notices, err := s.rebuild(s.in, x.imports, x.table, x.vars, decls, nil)
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
			if _, err := evalSafe(s.in, b.String()); err != nil {
				return nil, &cellError{name: "CompileError", msg: err.Error(), trace: []string{err.Error()}}
			}
		}
		if len(decls) > 0 {
			x.dirty = true
			if err := x.eval(declChunk(decls)); err != nil {
				return nil, err
			}
		}
	}
	for _, it := range decls {
		if it.Kind == cell.Var {
			for _, n := range it.Names {
				x.defineVar(n, it)
			}
			continue
		}
		x.table = upsert(x.table, it)
	}
	x.s.rt.defers = nil
	x.s.rt.shown = nil
	for _, it := range decls {
		if it.Kind == cell.Type {
			x.keptTypes = namedTypes(s.in, x.table)
			break
		}
	}
	var err error
	if x.prog != nil {
		err = x.runProgram()
	} else {
		err = x.statements(later)
	}
	var ce *cellError
	if errors.As(err, &ce) && ce.name == "Exit" {
		x.s.rt.defers = nil // os.Exit runs no deferred calls
	}
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

// unbindShadowed drops the package names the cell declares as its own
// names (func check, var plot, ...) from the session's imports, unless the
// cell imports them itself: in Go a declaration in the package block and
// an import of the same name cannot coexist, and the notebook's preloaded
// packages must not stop a user from naming things. It reports whether
// any was dropped (the interpreter must then be made again).
func (x *execution) unbindShadowed() bool {
	imported := map[string]bool{}
	for _, it := range x.c.Items {
		if it.Kind == cell.Import {
			name := it.ImportName
			if name == "" {
				name = pathBase(it.ImportPath)
			}
			imported[name] = true
		}
	}
	dropped := false
	for _, it := range x.c.Items {
		if it.Kind == cell.Import || it.Kind == cell.Method {
			continue
		}
		for _, n := range it.Names {
			if i := bindingIndex(x.imports, n); i >= 0 && !imported[n] {
				x.imports = slices.Delete(x.imports, i, i+1)
				dropped = true
			}
		}
	}
	return dropped
}

// initOrdered moves the var declarations of decls to the end, in the
// order Go initializes them (yaegi orders package-level vars only by their
// direct references to each other, not through funcs).
func initOrdered(decls []cell.Item, order []string) []cell.Item {
	rank := func(it cell.Item) int {
		r := len(order)
		for _, n := range it.Names {
			if i := slices.Index(order, n); i >= 0 && i < r {
				r = i
			}
		}
		return r
	}
	var out, vars []cell.Item
	for _, it := range decls {
		if it.Kind == cell.Var {
			vars = append(vars, it)
		} else {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(vars, func(a, b cell.Item) int { return rank(a) - rank(b) })
	return append(out, vars...)
}

// runProgram runs a program's init funcs in source order, then its main,
// each once: they were declared under other names, so the interpreter does
// not run them by itself, now or on a later cell.
func (x *execution) runProgram() error {
	x.dirty = true
	for _, name := range x.prog.Entries {
		it := cell.Item{Kind: cell.Stmt, Src: name + "()", Line: 1, Col: 1}
		for _, d := range x.c.Items {
			if d.Kind == cell.Func && d.Names[0] == name {
				it.Line = d.Line
			}
		}
		x.cur = &it
		if err := x.eval(stmtChunk([]cell.Item{it})); err != nil {
			return err
		}
	}
	x.cur = nil
	return nil
}

// withForwarders appends the methods promoted from embedded compiled types
// of the struct types in decls.
func (x *execution) withForwarders(decls []cell.Item) []cell.Item {
	out := decls
	for _, t := range decls {
		if t.Kind != cell.Type || len(t.Embeds) == 0 {
			continue
		}
		declared := map[string]bool{}
		for _, it := range append(append([]cell.Item(nil), x.table...), x.c.Items...) {
			if it.Kind == cell.Method && it.Recv == t.Names[0] && !it.Synthetic {
				declared[it.Names[0][len(it.Recv)+1:]] = true
			}
		}
		out = append(out, x.forwarders(t, declared)...)
	}
	return out
}

// redeclaresUsedVar reports whether the statement redeclared a variable of
// an earlier cell that a func or method of the session uses.
func (x *execution) redeclaresUsedVar(it cell.Item) bool {
	old := map[string]bool{}
	for _, v := range x.oldVars {
		old[v.name] = true
	}
	for _, n := range it.Names {
		if !old[n] {
			continue
		}
		for _, d := range x.table {
			if (d.Kind == cell.Func || d.Kind == cell.Method) && contains(d.Uses, n) {
				return true
			}
		}
	}
	return false
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

// upsert puts a declaration in the table, replacing the one of the same name;
// a type's methods made up for its old embedded fields go with it.
func upsert(t []cell.Item, it cell.Item) []cell.Item {
	if it.Kind == cell.Type {
		kept := t[:0:0]
		for _, old := range t {
			if !(old.Synthetic && old.Recv == it.Names[0]) {
				kept = append(kept, old)
			}
		}
		t = kept
	}
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
// the interpreter's line numbers are cell lines plus one.
func declChunk(items []cell.Item) string { return chunk("package main;", items, true) }

// stmtChunk is declChunk for statements: the interpreter runs them as the
// body of main, so the variables they define are session globals.
func stmtChunk(items []cell.Item) string { return chunk(";", items, false) }

// chunk writes items after prefix at their cell lines and columns. With
// ownLine, an item that comes after the line it belongs to (a synthetic
// declaration added after the cell's own) gets a line of its own; without,
// it follows on the current line.
func chunk(prefix string, items []cell.Item, ownLine bool) string {
	var b strings.Builder
	b.WriteString(prefix)
	line := 1
	for _, it := range items {
		want := it.Line + 1
		for line < want {
			b.WriteByte('\n')
			line++
		}
		if ownLine && line > want {
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
	if debugEval != nil {
		debugEval(src, err)
	}
	if err == nil {
		return nil
	}
	return x.mapError(err)
}

func (x *execution) mapError(err error) error {
	if code, ok := x.s.rt.exit.status(); ok {
		// os.Exit stopped the cell like an interrupt (see exiter).
		x.dirty = true
		x.interrupted = true
		x.exited = true
		msg := fmt.Sprintf("exit status %d", code)
		return &cellError{name: "Exit", msg: msg, trace: []string{msg}, exit: code}
	}
	if x.ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		x.dirty = true
		x.interrupted = true
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
		if e := x.undefined(); e != nil {
			return e
		}
		e := compileError(line, 1, fmt.Sprintf("the interpreter cannot compile this (%v)", p.Value), src)
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
	lastLine, lastCol := 0, 0 // the last statement: if it ends, the cell does
	if len(items) > 0 {
		lastLine, lastCol = items[len(items)-1].Line, items[len(items)-1].Col
	}
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
			if len(run[i].Names) > 0 && !(run[i].Line == lastLine && run[i].Col == lastCol) {
				x.keep(run[i].Names)
			}
			for name, lit := range run[i].FuncLits {
				for j := range x.vars {
					if x.vars[j].name == name {
						x.vars[j].funcLit = lit
					}
				}
			}
			if x.redeclaresUsedVar(run[i]) {
				// A redeclared variable is a new one to yaegi; funcs
				// compiled earlier read the old one until replayed.
				in, notices, err := x.s.rebuild(x.s.in, x.imports, x.table, x.vars, nil, nil)
				x.notices = append(x.notices, notices...)
				if err != nil {
					return x.mapError(err)
				}
				x.s.in = in
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
			known[pathBase(it.ImportPath)] = true
		}
	}
	for _, u := range x.cur.Uses {
		if strings.HasPrefix(u, "__gocurve") || u == "_" || known[u] || universe[u] {
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
// errors into Go's words.
var goMessages = []struct{ has, msg string }{
	{"on zero Value", "runtime error: invalid memory address or nil pointer dereference"},
	{"nil pointer", "runtime error: invalid memory address or nil pointer dereference"},
	{"slice index out of bounds", "runtime error: slice bounds out of range"},
	{"slice index out of range", "runtime error: index out of range"},
	{"array index out of range", "runtime error: index out of range"},
	{"string index out of range", "runtime error: index out of range"},
	{"integer divide by zero", "runtime error: integer divide by zero"},
}

func goMessage(msg string) string {
	if !strings.HasPrefix(msg, "reflect") {
		return msg
	}
	for _, m := range goMessages {
		if strings.Contains(msg, m.has) {
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

// evalStmt runs one top-level statement. yaegi's global type analysis gets
// some top-level definitions wrong (x := genericCall(...) panics,
// y := undefinedName says "constant definition loop"); as nothing ran when
// compiling fails, such a definition is retried inside a func literal, which
// yaegi compiles correctly, and its variables are then declared at top level
// with the static types the func literal saw.
func (x *execution) evalStmt(it cell.Item) error {
	err := x.eval(stmtChunk([]cell.Item{it}))
	var ce *cellError
	if err == nil || !errors.As(err, &ce) || ce.name != "CompileError" || len(it.Names) == 0 || !isDefine(it.Src) ||
		strings.Contains(ce.msg, "undefined: ") {
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
	tmp, err := evalSafe(x.s.in, "__gocurve_tmp")
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
		if _, err := evalSafe(x.s.in, fmt.Sprintf("package main; var %s %s", n, texpr)); err != nil {
			return x.mapError(err)
		}
		dst, err := evalSafe(x.s.in, "&"+n)
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
	if err := x.eval(declChunk(ready)); err != nil {
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
// unless it is a call of something without results. The value is kept in
// variables __gocurve_v0, ... whose static types are the expression's, so
// the interpreted methods HTML, Markdown, LaTeX, SVG, PNG and String can be
// called in the interpreter (reflection on the value cannot see them).
func (x *execution) final(it cell.Item) error {
	n := 1
	if it.Void {
		n = 0
	} else if it.Call != "" {
		n = x.results(it.Call)
	}
	x.dirty = true
	x.cur = &it
	if n == 0 {
		return x.evalStmt(it)
	}
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("__gocurve_v%d", i)
	}
	def := it
	h := strings.Join(names, ", ") + " := "
	def.Src = h + it.Src
	def.Col = max(1, it.Col-len(h))
	def.Names = names
	if err := x.evalStmt(def); err != nil {
		return err
	}
	x.cur = nil
	var parts []string
	var b display.Bundle
	for i, name := range names {
		v, err := evalSafe(x.s.in, name)
		if err != nil {
			return x.mapError(err)
		}
		var val any
		if v.IsValid() && v.CanInterface() {
			val = v.Interface()
		}
		if n == 1 {
			b = display.Render(val)
			x.richMethods(name, &b)
		} else {
			bi := display.Render(val)
			x.richMethods(names[i], &bi)
			parts = append(parts, fmt.Sprint(bi.Data["text/plain"]))
		}
	}
	if n > 1 {
		b = display.Render(display.Bundle{Data: map[string]any{"text/plain": strings.Join(parts, " ")}})
	}
	x.s.rt.shown = &b
	return nil
}

// richMethods adds what the interpreted display methods of the variable
// name return to b. Only methods the session declared are tried.
func (x *execution) richMethods(name string, b *display.Bundle) {
	declared := map[string]bool{}
	for _, it := range x.table {
		if it.Kind == cell.Method {
			declared[it.Names[0][strings.IndexByte(it.Names[0], '.')+1:]] = true
		}
	}
	for _, m := range []struct{ method, mime string }{
		{"String", "text/plain"}, {"HTML", "text/html"}, {"Markdown", "text/markdown"},
		{"LaTeX", "text/latex"}, {"SVG", "image/svg+xml"}, {"PNG", "image/png"},
	} {
		if !declared[m.method] {
			continue
		}
		// A compile error here means the value has no such method; nothing ran.
		v, err := evalSafe(x.s.in, name+"."+m.method+"()")
		if err != nil || !v.IsValid() {
			continue
		}
		switch r := v.Interface().(type) {
		case string:
			b.Data[m.mime] = r
		case []byte:
			if m.mime == "image/png" {
				b.Data[m.mime] = display.Render(pngOnly(r)).Data["image/png"]
			} else {
				b.Data[m.mime] = string(r)
			}
		}
	}
}

// results decides how many results a call's callee returns, from the
// declaration table, the symbol tables, or the callee's value; 1 when unsure.
func (x *execution) results(callee string) int {
	for _, it := range x.table {
		if it.Kind == cell.Func && it.Names[0] == callee {
			return it.Results
		}
		if it.Kind == cell.Type && it.Names[0] == callee {
			return 1 // a conversion
		}
	}
	if isBuiltinValue(callee) {
		return 1
	}
	if i := strings.IndexByte(callee, '.'); i > 0 && strings.Contains(callee[i:], "Print") {
		if j := bindingIndex(x.imports, callee[:i]); j >= 0 && x.imports[j].path == "fmt" {
			return 0 // their (n, err) results are noise
		}
	}
	if strings.ContainsAny(callee, "()[]{} \t\n") {
		return 1
	}
	v, err := evalSafe(x.s.in, callee)
	if err != nil || !v.IsValid() {
		return 1
	}
	if v.Kind() == reflect.Func {
		return v.Type().NumOut()
	}
	return 1
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
	var byName map[reflect.Type]string // interpreted types, looked up when needed
	defined := map[string]bool{}
	for _, it := range x.c.Items {
		for _, n := range it.Names {
			defined[n] = true
		}
	}
	for i := range x.vars {
		if x.vars[i].typ != "" && !defined[x.vars[i].name] {
			continue // a variable's type changes only when it is redeclared
		}
		v, err := evalSafe(x.s.in, x.vars[i].name)
		if err != nil || !v.IsValid() {
			continue
		}
		x.vars[i].typ = typeString(v.Type(), x.imports)
		if !strings.Contains(x.vars[i].typ, "struct {") {
			continue
		}
		if byName == nil {
			byName = map[reflect.Type]string{}
			for name, t := range namedTypes(x.s.in, x.table) {
				byName[t] = name
			}
		}
		if t, ok := typeExpr(v.Type(), byName, x.imports); ok {
			x.vars[i].typ = t
		}
	}
	s := x.s
	s.mu.Lock()
	defer s.mu.Unlock()
	s.imports = x.imports
	s.table = x.table
	s.vars = x.vars
	s.gen++
	s.cache.refresh(s.in, s.table, s.vars, defined)
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

// Decl describes one user declaration in scope. It is the completion
// engine's type, so what the session reports feeds completion unchanged.
type Decl = complete.Decl

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
		if it.Synthetic {
			continue
		}
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

// variadicTable lists the compiled funcs and methods with a variadic
// interface parameter, found by reflection over the symbol tables.
var variadicTable = func() map[string][]variadicInfo {
	m := map[string][]variadicInfo{}
	check := func(t reflect.Type, skip int) (int, reflect.Type, bool) {
		if !t.IsVariadic() {
			return 0, nil, false
		}
		last := t.In(t.NumIn() - 1).Elem()
		if last.Kind() != reflect.Interface || last.NumMethod() == 0 || last.PkgPath() == "" {
			return 0, nil, false
		}
		return t.NumIn() - 1 - skip, last, true
	}
	for key, syms := range exports {
		slash := strings.LastIndexByte(key, '/')
		if slash < 0 {
			continue
		}
		pkg := key[:slash]
		for name, v := range syms {
			if v.Kind() == reflect.Func {
				if fixed, it, ok := check(v.Type(), 0); ok {
					m[pkg+"."+name] = append(m[pkg+"."+name], variadicInfo{fixed: fixed, iface: it})
				}
			}
			if v.Kind() == reflect.Ptr && v.IsNil() && v.Type().Elem().Kind() != reflect.Interface {
				t := v.Type()
				for i := 0; i < t.NumMethod(); i++ {
					meth := t.Method(i)
					if fixed, it, ok := check(meth.Type, 1); ok {
						m[meth.Name] = append(m[meth.Name], variadicInfo{recv: t, fixed: fixed, iface: it})
					}
				}
			}
		}
	}
	return m
}()

// ifaceHelper is the name of the interpreted func that returns its argument
// as interface t: yaegi converts an interpreted value to a compiled interface
// when it is passed to an interpreted func, not when it is passed to a
// compiled variadic one.
func ifaceHelper(t reflect.Type) string {
	r := strings.NewReplacer("/", "_", ".", "_", "-", "_")
	return "__gocurve_as_" + r.Replace(t.PkgPath()) + "_" + t.Name()
}

// ifaceHelpers is the source of the helpers ifaceHelper names.
func ifaceHelpers() string {
	var b strings.Builder
	seen := map[reflect.Type]bool{}
	b.WriteString("package main\n")
	var types []reflect.Type
	for _, infos := range variadicTable {
		for _, in := range infos {
			if !seen[in.iface] {
				seen[in.iface] = true
				types = append(types, in.iface)
			}
		}
	}
	sort.Slice(types, func(i, j int) bool { return ifaceHelper(types[i]) < ifaceHelper(types[j]) })
	for i, t := range types {
		fmt.Fprintf(&b, "import __gocurve_p%d %q\n", i, t.PkgPath())
	}
	for i, t := range types {
		fmt.Fprintf(&b, "func %s(v __gocurve_p%d.%s) __gocurve_p%d.%s { return v }\n", ifaceHelper(t), i, t.Name(), i, t.Name())
	}
	return b.String()
}

type variadicInfo struct {
	recv  reflect.Type // nil for a func
	fixed int
	iface reflect.Type
}

// variadics is variadicTable in the form package cell takes, with the
// package names of imports.
func variadics(imports []binding) map[string][]cell.Variadic {
	out := map[string][]cell.Variadic{}
	for key, infos := range variadicTable {
		name := key
		if i := strings.LastIndexByte(key, '.'); i > 0 {
			pkg := key[:i]
			j := -1
			for k, b := range imports {
				if b.path == pkg {
					j = k
				}
			}
			if j < 0 {
				continue
			}
			name = imports[j].name + key[i:]
		}
		for _, in := range infos {
			v := cell.Variadic{Fixed: in.fixed, Iface: ifaceHelper(in.iface)}
			if in.recv != nil {
				v.Recv = typeString(in.recv, imports)
			}
			out[name] = append(out[name], v)
		}
	}
	return out
}

// evalSafe is Eval with yaegi's compiler panics returned as errors.
func evalSafe(in *interp.Interpreter, src string) (v reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return in.Eval(src)
}
