package session

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"io"
	"log"
	"maps"
	"path"
	"reflect"
	goruntime "runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/complete"
	"github.com/gocurve/gocurve/kernel/display"
	"github.com/gocurve/gocurve/kernel/importer"
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
	// Run, when set, runs each chunk of a cell in place of
	// in.EvalWithContext (the debugger runs chunks under interp.Debug).
	Run func(ctx context.Context, in *interp.Interpreter, src string) (reflect.Value, error)
	// Replay, when set, evaluates in place of Eval each chunk of earlier
	// declarations the session replays into a new interpreter (a rebuild,
	// a restore, a compaction, Redeclare), and the assignments that make
	// variables' func literals again there; their lines are not cell lines.
	// The debugger compiles them under it, so that breakpoints reach the
	// funcs of earlier cells. It must recover the compiler's panics.
	Replay func(in *interp.Interpreter, src string) (reflect.Value, error)
	// Debugging, when set, reports whether Run keeps the chunks it runs
	// (a debugger that sets breakpoints in them by line): their files then
	// stay in the interpreter's file set (see evalScratch).
	Debugging func() bool
}

// Session is one interpreter session: the state a notebook's cells share.
// Execute must not be called concurrently with itself; Decls and State may be
// called from other goroutines while Execute runs.
type Session struct {
	opts   Options
	stderr *panicFilter
	rt     *runtime
	// goroutines counts the goroutines cells started that still run.
	goroutines atomic.Int64
	// typeGen counts the cells that declared types (cell.Options.TypeGen).
	typeGen int
	// panicked and panickedAny are what the session's panic calls may be
	// given (cell.Options.Panicked): after a restore, any cell type.
	panicked    map[string]bool
	panickedAny bool
	in          *interp.Interpreter

	exec     sync.Mutex // held by Execute, State and Restore
	mu       sync.Mutex // guards the tables below for Decls
	imports  []binding  // package names in scope: preloaded, then user imports
	table    []cell.Item
	pending  []cell.Item // declarations that wait for names no cell has declared (pending.go)
	vars     []variable
	gen      int // bumped by every successful change
	cache    liveCache
	recs     records // the snapshot, entry by entry
	decls    []Decl  // Decls as of declsGen
	declsGen int
	compact  compaction
	snap     []byte
	snapGen  int
	ctx      *cell.Context // the type model's view of the session, as of ctxGen
	ctxGen   int
	// untyped is how many of the variables untypedOf (the session's as
	// the last cell left them) have no type yet
	untyped   int
	untypedOf []variable
	// the imports, table and variables ctx was brought up to date with
	ctxImports []binding
	ctxTable   []cell.Item
	ctxVars    []variable
	fset       *token.FileSet // where cells and ctx are parsed
	names      scopeNames     // what the cell parser is told, kept as the session grows
	running    *execution     // the cell running now, for Variables
	sweeper    frameSweeper   // what the interpreter keeps for no one, dropped after each cell
}

type binding struct{ name, path string }

type variable struct {
	name     string
	funcLit  string // the func literal last assigned at top level, re-evaluated to carry the value
	declared string // the type written in `var name T`, or ""
	typ      string // the Go type of the current value, e.g. "*mat.Dense"
	static   string // the type the cells' type model gave it ("error"), or ""
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

// exports are all symbol tables a session's interpreter uses. slices,
// maps and cmp (cell.Implicit) are left out: cells get interpreted
// versions (see prelude.go).
var exports = func() interp.Exports {
	e := interp.Exports{}
	for k, v := range stdlib.Symbols {
		if cell.Implicit(path.Dir(k)) {
			continue
		}
		e[k] = v
	}
	for k, v := range symbols.Symbols {
		e[k] = v
	}
	// The compiled funcs whose interface{} operands yaegi gives the
	// methods fmt looks for (fmt.Stringer...) of an interpreted value:
	// stdlib's, with the print funcs of log and the Append funcs of fmt,
	// which it leaves out (log.Printf printed a cell type's bare value).
	mapTypes := maps.Clone(stdlib.MapTypes)
	printing := mapTypes[reflect.ValueOf(fmt.Printf)]
	for _, f := range []any{log.Print, log.Printf, log.Println, fmt.Append, fmt.Appendf, fmt.Appendln,
		(*log.Logger).Print, (*log.Logger).Printf, (*log.Logger).Println,
		(*log.Logger).Fatal, (*log.Logger).Fatalf, (*log.Logger).Fatalln,
		(*log.Logger).Panic, (*log.Logger).Panicf, (*log.Logger).Panicln} {
		mapTypes[reflect.ValueOf(f)] = printing
	}
	e["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(mapTypes)}
	return e
}()

// typeLoader loads the packages' types for the cells' type model: Start
// begins without waiting, Wait returns them once loaded (nil: no types).
type typeLoader interface {
	Start()
	Wait() *importer.Importer
}

// modelTypes are the types of the packages in exports, for the cells' type
// model: loaded once per process, in the background from the first session
// on, so that a kernel's start does not wait for them; a cell's check waits
// (a few ms, once), so the first cell is checked as every later one (the
// symbol tables are in the binary: no go command, module or export data is
// needed where the kernel runs). They are completion's types too: one
// loader per process, over the same tables.
var modelTypes typeLoader = complete.Default().Types()

// Importable reports whether a cell can import the package path: the
// interpreter has its symbols, or the session gives an interpreted
// version of it (slices, maps, cmp).
func Importable(path string) bool { return cell.Implicit(path) || available(path) }

func available(path string) bool {
	_, ok := exports[path+"/"+importer.DefaultName(path)]
	return ok
}

// unavailable says that a package cannot be imported in a cell, and what
// to write instead where there is something.
func unavailable(path string) string {
	msg := fmt.Sprintf("package %s is not available in cells: the interpreter (yaegi v0.16.1) has no symbols for it", path)
	switch path {
	case "unsafe":
		msg += "; work with slices and values instead of pointers' addresses"
	}
	return msg
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
	modelTypes.Start()
	s := &Session{opts: opts, fset: token.NewFileSet()}
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
	s.cache.refresh(in, nil, nil, nil, nil)
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
	s.rt = &runtime{stdin: s.opts.Stdin, stderr: s.opts.Stderr, exit: exit, typeGen: s.typeGen, goroutines: &s.goroutines}
	if err := in.Use(s.rt.exports()); err != nil {
		return nil, fmt.Errorf("session: loading helpers: %w", err)
	}
	for _, src := range []string{interpPrelude(), slicesSrc, mapsSrc, iterSrc, syncSrc, errorsSrc, ifaceHelpers()} {
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

// Execute runs one cell. Cancelling ctx interrupts it: the cell stops, an
// Error named "Interrupted" is returned and the session stays usable with
// every earlier declaration and variable. A failed cell leaves no
// half-defined names behind.
func (s *Session) Execute(ctx context.Context, code string) (*Result, error) {
	s.exec.Lock()
	defer s.exec.Unlock()
	defer s.dropCellFiles(s.fset.Base())
	prog, _, err := cell.ParseProgram(code)
	if err == nil && prog != nil {
		code = prog.Body
	}
	var c *cell.Cell
	if err == nil {
		opts := s.cellOptions()
		if prog != nil {
			opts.Whole = true // a program's names are all there: nothing waits
		} else {
			opts.Pending = s.pending
		}
		c, err = cell.Parse(code, opts)
	}
	if err != nil {
		var list cell.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			e := list[0]
			return nil, s.hinter(nil, code).add(compileError(e.Line, e.Col, e.Msg, e.Source))
		}
		return nil, &cellError{kind: KindCompileError, msg: err.Error(), trace: []string{err.Error()}}
	}
	s.noteCell(c)
	for _, it := range c.Items {
		if it.Kind == cell.Type {
			// comparisons rewritten before may not know this cell's types
			s.typeGen++
			s.rt.typeGen = s.typeGen
			break
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.rt.exit = &exiter{cancel: cancel}
	x := &execution{s: s, ctx: ctx, c: c, prog: prog, lines: strings.Split(code, "\n")}
	s.setRunning(x)
	defer s.setRunning(nil)
	res, err := x.runSafe()
	if err != nil {
		notices := s.recover(x)
		var ce *cellError
		if errors.As(err, &ce) && ce.kind == KindExit && ce.exit == 0 {
			// os.Exit(0): the cell ended as a program ends, successfully.
			return &Result{Notices: append(notices, "os.Exit(0) ended the cell; the names it defined are not kept")}, nil
		}
		if ce := (*cellError)(nil); errors.As(err, &ce) {
			s.hinter(x, code).add(ce)
		}
		if len(notices) > 0 && res == nil {
			var ce *cellError
			if errors.As(err, &ce) {
				ce.trace = append(ce.trace, notices...)
			}
		}
		return nil, err
	}
	s.maybeCompact()
	s.sweep()
	return res, nil
}

// dropCellFiles removes from the session's file set the files of the
// cell parsed since base: the cell's items keep their lines and columns,
// and a file set never drops a file by itself, so each cell would keep one
// for the life of the session. The type model's files stay.
func (s *Session) dropCellFiles(base int) {
	for _, f := range filesFrom(s.fset, base) {
		if f.Name() == "cell.go" {
			s.fset.RemoveFile(f)
		}
	}
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
	cur       *cell.Item      // the statement running
	putNames  map[string]bool // the declarations put in the table by this cell (put)

	imports []binding
	table   []cell.Item
	pending []cell.Item
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
			err = &cellError{kind: KindPanic, msg: fmt.Sprintf("internal error: %v", r),
				trace: []string{fmt.Sprintf("internal error of the kernel running this cell: %v", r)}}
		}
	}()
	return x.run()
}

var debugEval func(string, error)

func (x *execution) run() (*Result, error) {
	s := x.s
	x.imports = append([]binding(nil), s.imports...)
	// The cell's table and variables share the session's until they
	// change: upsert never changes a table in place, and variables of
	// earlier cells are copied before one is changed (ownVars). An append
	// writes past the session's length only, where nothing reads.
	x.table = s.table
	x.vars = s.vars
	x.oldVars = s.vars
	x.setAsideWaiting()

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
	oldVar := s.names.vars // kept by cellOptions for this cell
	// A declaration that uses a name this cell's statements define waits
	// for them; so does one that uses such a declaration, directly or not
	// (run calls schedule, which reads lr0 := 0.3 of the same cell).
	waits := maps.Clone(defined)
	for u := range oldVar {
		delete(waits, u)
	}
	for changed := x.prog == nil; changed; {
		changed = false
		for _, it := range x.c.Items {
			if it.Kind != cell.Type && it.Kind != cell.Func && it.Kind != cell.Method && it.Kind != cell.Const || len(it.Names) == 0 || waits[it.Names[0]] {
				continue
			}
			if slices.ContainsFunc(it.Uses, func(u string) bool { return waits[u] }) {
				waits[it.Names[0]], changed = true, true
				if it.Kind == cell.Method && !waits[it.Recv] {
					// what uses the type waits for its methods: yaegi
					// fixes at compile time whether a value of the type
					// has a String method when it is passed to fmt
					waits[it.Recv] = true
				}
			}
		}
	}
	var decls, later []cell.Item
	for _, it := range x.c.Items {
		switch it.Kind {
		case cell.Import:
			name := it.ImportName
			if name == "" {
				name = importer.DefaultName(it.ImportPath)
			}
			if cell.Implicit(it.ImportPath) || name == "_" {
				continue // interpreted versions are always there
			}
			if !available(it.ImportPath) {
				return nil, compileError(it.Line, it.Col, unavailable(it.ImportPath), "")
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
				if x.inTable(it) {
					rebuild = true
				}
				decls = append(decls, it)
				continue
			}
			dep := slices.ContainsFunc(it.Uses, func(u string) bool { return waits[u] })
			if x.inTable(it) || x.addsMethod(it) {
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
	if dropped, err := x.unbindShadowed(); err != nil {
		return nil, err
	} else if dropped {
		rebuild = true
	}
	if x.dropReplacedVars(decls) {
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
					x.ownVars(i)
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
				return nil, &cellError{kind: KindCompileError, msg: err.Error(), trace: []string{err.Error()}}
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
		x.put(it)
	}
	x.s.rt.defers = nil
	x.s.rt.shown = nil
	for _, it := range decls {
		if it.Kind == cell.Type {
			x.keptTypes = namedTypes(s.in, x.table)
			s.rt.setShapes(x.keptTypes)
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
	if errors.As(err, &ce) && ce.kind == KindExit {
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

// ownVars gives the cell its own copy of the variables before x.vars[i],
// one of an earlier cell, is changed in place; until then they are the
// session's.
func (x *execution) ownVars(i int) {
	if i < len(x.oldVars) && len(x.vars) > 0 && &x.vars[0] == &x.oldVars[0] {
		x.vars = slices.Clone(x.vars)
	}
}

// eval runs a chunk whose line L is cell line L-1. The func literals of a
// statement chunk are moved into generator funcs first (hoist.go); if that
// does not compile, the chunk runs as written (nothing ran yet).
func (x *execution) eval(src string) error {
	mentions.note(x.s.in, src)
	if gens, stmt, ok := hoistFuncLits(src); ok && hoisting {
		if err := x.evalChunk(gens); err == nil {
			err := x.evalChunk(stmt)
			var ce *cellError
			if err == nil || !errors.As(err, &ce) || ce.kind != KindCompileError {
				return err
			}
		}
	}
	return x.evalChunk(src)
}

// evalChunk runs one chunk in the session's interpreter.
func (x *execution) evalChunk(src string) error {
	x.s.stderr.reset()
	var err error
	in := x.s.in
	// A chunk the debugger keeps stays whole: it sets breakpoints by line.
	finished := func() bool { return x.ctx.Err() == nil && (x.s.opts.Debugging == nil || !x.s.opts.Debugging()) }
	_, err = evalScratch(in, src, finished, func() (reflect.Value, error) {
		if run := x.s.opts.Run; run != nil && (x.s.opts.Debugging == nil || x.s.opts.Debugging()) {
			return run(x.ctx, in, src)
		}
		return evalContext(x.ctx, in, src)
	})
	if debugEval != nil {
		debugEval(src, err)
	}
	if err == nil {
		return nil
	}
	return x.mapError(err)
}

// commit makes the cell's declarations and variables the session's.
func (x *execution) commit() {
	var byName map[reflect.Type]string // interpreted types, looked up when needed
	var ptrs map[string]reflect.Value
	defined := map[string]bool{}
	for _, it := range x.c.Items {
		for _, n := range it.Names {
			defined[n] = true
		}
	}
	look := x.varsToRead(defined)
	var names []string // the variables whose types are read
	for _, i := range look {
		if v := x.vars[i]; v.typ == "" || defined[v.name] {
			names = append(names, v.name)
		}
	}
	for _, i := range look {
		if x.vars[i].typ != "" && !defined[x.vars[i].name] {
			continue // a variable's type changes only when it is redeclared
		}
		if ptrs == nil {
			ptrs = storageOf(x.s.in, names, len(x.vars)+len(x.table))
		}
		p, ok := ptrs[x.vars[i].name]
		if !ok {
			continue
		}
		v := p.Elem()
		typ := typeString(v.Type(), x.imports)
		if strings.Contains(typ, "struct {") {
			if byName == nil {
				byName = map[reflect.Type]string{}
				for name, t := range namedTypes(x.s.in, x.table) {
					byName[t] = name
				}
			}
			if t, ok := typeExpr(v.Type(), byName, x.imports); ok {
				typ = t
			}
		}
		if typ != x.vars[i].typ { // (the same type again: the variables stay the session's, uncopied)
			x.ownVars(i)
			x.vars[i].typ = typ
		}
	}
	untyped := 0
	for _, i := range look {
		if x.vars[i].typ == "" {
			untyped++
		}
	}
	s := x.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if ptrs == nil && s.cache.in == s.in {
		ptrs = map[string]reflect.Value{} // no variable defined: none for the cache to read
	}
	s.imports = x.imports
	s.table = x.table
	s.pending = x.pending
	s.vars = x.vars
	s.untyped, s.untypedOf = untyped, s.vars
	s.gen++
	s.cache.refresh(s.in, s.table, s.vars, defined, ptrs)
	s.recs.touch(x.c.Items, s.table, s.vars)
}

// varsToRead are the indexes, in order, of the variables whose types
// commit must look at: every one, unless the earlier ones are the
// session's as the last cell left them (the same array, none without a
// type; changing one copies them, see ownVars), and then the cell's new
// ones and the earlier ones it defined again, so that a cell's commit
// costs what the cell defined, not what the session holds.
func (x *execution) varsToRead(defined map[string]bool) []int {
	s, old := x.s, x.oldVars
	if x.oldVarsAsKept() && s.untyped == 0 && len(s.untypedOf) == len(old) && grown(old, s.untypedOf) {
		var look []int
		for n := range defined {
			if i, ok := s.names.varAt[n]; ok && i < len(old) && old[i].name == n {
				look = append(look, i)
			} else if s.names.vars[n] {
				return allIndexes(len(x.vars))
			}
		}
		slices.Sort(look)
		for i := len(old); i < len(x.vars); i++ {
			look = append(look, i)
		}
		return look
	}
	return allIndexes(len(x.vars))
}

// allIndexes is 0, 1, …, n-1.
func allIndexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// oldVarsAsKept reports whether the cell's variables are the session's
// with variables appended, and the kept names (scopeNames) those of the
// session's: then a name the kept names lack is not among the earlier
// variables.
func (x *execution) oldVarsAsKept() bool {
	old, n := x.oldVars, &x.s.names
	return n.in == x.s.in && grown(x.vars, old) && n.varsLen == len(old) && (len(old) == 0 || n.lastVar == old[len(old)-1].name)
}

// varIndex is the index of the variable named name in x.vars, or -1: an
// earlier variable's from the kept names, a new name looked for among the
// cell's new variables only, when the kept names are the session's.
func (x *execution) varIndex(name string) int {
	from := 0
	if x.oldVarsAsKept() {
		if i, ok := x.s.names.varAt[name]; ok && i < len(x.vars) && x.vars[i].name == name {
			return i
		}
		if !x.s.names.vars[name] {
			from = len(x.oldVars)
		}
	}
	for i := from; i < len(x.vars); i++ {
		if x.vars[i].name == name {
			return i
		}
	}
	return -1
}

// evalSafe is Eval with yaegi's compiler panics returned as errors.
func evalSafe(in *interp.Interpreter, src string) (v reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	mentions.note(in, src)
	return evalScratch(in, src, always, func() (reflect.Value, error) {
		prog, err := in.Compile(src)
		if err != nil {
			return reflect.Value{}, err
		}
		growFrame(in)
		return in.Execute(prog)
	})
}

// evalContext is in.EvalWithContext(ctx, src) with the global frame grown
// by growFrame between compiling and running. A panic of yaegi's compiler
// is returned as an interp.Panic, as EvalWithContext returns it.
func evalContext(ctx context.Context, in *interp.Interpreter, src string) (v reflect.Value, err error) {
	prog, err := func() (prog *interp.Program, err error) {
		defer func() {
			if r := recover(); r != nil {
				var pc [64]uintptr
				n := goruntime.Callers(1, pc[:])
				err = interp.Panic{Value: r, Callers: pc[:n], Stack: debug.Stack()}
			}
		}()
		return in.Compile(src)
	}()
	if err != nil {
		return reflect.Value{}, err
	}
	growFrame(in)
	return in.ExecuteWithContext(ctx, prog)
}
