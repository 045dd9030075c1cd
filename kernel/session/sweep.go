package session

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	goruntime "runtime"
	"strings"
	"sync"
	"weak"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/traefik/yaegi/interp"
)

// mentions records, for each interpreter, when a func body or a func
// literal that may outlive its statement last named each identifier: a
// variable declared again may still be read in its old slot by a func
// compiled while the old one was current, so the sweep keeps an old slot
// when its name was mentioned since the slot was declared (yaegistate.go).
// A literal that is called where it stands (the cell rewriter's
// func() { … }() around a loop) runs once and is gone: only the literals
// made inside it count.
var mentions = mentionLog{m: map[weak.Pointer[interp.Interpreter]]*mentionSet{}}

type mentionLog struct {
	mu sync.Mutex
	m  map[weak.Pointer[interp.Interpreter]]*mentionSet
}

// mentionSet is one interpreter's record: epoch counts its sweeps, last
// holds the epoch of each name's latest mention, methods is set once a
// chunk given to the interpreter declared a method (or did not parse), and
// slots holds the slot reclaimSlots last gave each variable it moved.
type mentionSet struct {
	epoch   int
	last    map[string]int
	methods bool
	slots   map[string]slotAt
}

// slotAt is a global-frame slot and the epoch its variable was declared in.
type slotAt struct{ index, epoch int }

// set is in's record, made on first use and dropped with in.
func (ml *mentionLog) set(in *interp.Interpreter) *mentionSet {
	k := weak.Make(in)
	ms := ml.m[k]
	if ms == nil {
		ms = &mentionSet{last: map[string]int{}}
		ml.m[k] = ms
		goruntime.AddCleanup(in, func(k weak.Pointer[interp.Interpreter]) {
			ml.mu.Lock()
			delete(ml.m, k)
			ml.mu.Unlock()
		}, k)
	}
	return ms
}

// note records the identifiers of src's func bodies and kept func literals,
// given to in, and whether src declares a method. A chunk that does not
// parse counts every identifier after its first func keyword, and as a
// method.
func (ml *mentionLog) note(in *interp.Interpreter, src string) {
	if in == nil || !strings.Contains(src, "func") {
		return
	}
	names, methods := funcBodyNames(src)
	if len(names) == 0 && !methods {
		return
	}
	ml.mu.Lock()
	defer ml.mu.Unlock()
	ms := ml.set(in)
	for _, n := range names {
		ms.last[n] = ms.epoch
	}
	ms.methods = ms.methods || methods
}

// methods reports whether a chunk given to in declared a method: yaegi then
// binds some values to the frame slot of the expression that made them
// (see yaegistate.go), and slots must stay as they are.
func (ml *mentionLog) methods(in *interp.Interpreter) bool {
	ml.mu.Lock()
	defer ml.mu.Unlock()
	return ml.set(in).methods
}

// since reports whether a func body given to in named name at epoch e or
// later.
func (ml *mentionLog) since(in *interp.Interpreter, name string, e int) bool {
	ml.mu.Lock()
	defer ml.mu.Unlock()
	last, ok := ml.set(in).last[name]
	return ok && last >= e
}

// slot returns the slot reclaimSlots last gave the variable name in in.
func (ml *mentionLog) slot(in *interp.Interpreter, name string) (slotAt, bool) {
	ml.mu.Lock()
	defer ml.mu.Unlock()
	at, ok := ml.set(in).slots[name]
	return at, ok
}

// setSlot records that the variable name was declared in slot i of in's
// global frame, in the current epoch.
func (ml *mentionLog) setSlot(in *interp.Interpreter, name string, i int) {
	ml.mu.Lock()
	defer ml.mu.Unlock()
	ms := ml.set(in)
	if ms.slots == nil {
		ms.slots = map[string]slotAt{}
	}
	ms.slots[name] = slotAt{i, ms.epoch}
}

// nextEpoch ends in's current epoch (a sweep) and returns the new one.
func (ml *mentionLog) nextEpoch(in *interp.Interpreter) int {
	ml.mu.Lock()
	defer ml.mu.Unlock()
	ms := ml.set(in)
	ms.epoch++
	return ms.epoch
}

// funcBodyNames lists the identifiers of src's func declarations and of its
// func literals other than those called where they stand, and reports
// whether src declares a method (true too when src does not parse).
func funcBodyNames(src string) (names []string, methods bool) {
	fset := token.NewFileSet()
	var root ast.Node
	text := src
	if !strings.HasPrefix(strings.TrimSpace(src), "package") {
		text = "package p;" + src
	}
	if f, err := parser.ParseFile(fset, "", text, parser.SkipObjectResolution); err == nil {
		root = f
	} else if f, err := parser.ParseFile(fset, "", "package p;func _(){"+src+"\n}", parser.SkipObjectResolution); err == nil {
		root = f.Decls[0].(*ast.FuncDecl).Body
	} else {
		return identsAfterFunc(src), true
	}
	all := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				names = append(names, id.Name)
			}
			return true
		})
	}
	var parents []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			parents = parents[:len(parents)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			methods = methods || n.Recv != nil
			all(n)
			return false
		case *ast.FuncLit:
			if !calledInPlace(parents, n) {
				all(n)
				return false
			}
		}
		parents = append(parents, n)
		return true
	})
	return names, methods
}

// calledInPlace reports whether lit is called where it stands, not by a go
// or defer statement (parents: the nodes enclosing it, innermost last).
func calledInPlace(parents []ast.Node, lit *ast.FuncLit) bool {
	if len(parents) == 0 {
		return false
	}
	call, ok := parents[len(parents)-1].(*ast.CallExpr)
	return ok && call.Fun == lit && !runByGoOrDefer(parents, lit)
}

// identsAfterFunc lists the identifiers of src from its first func keyword on.
func identsAfterFunc(src string) []string {
	var sc scanner.Scanner
	fs := token.NewFileSet()
	b := []byte(src)
	sc.Init(fs.AddFile("", -1, len(b)), b, nil, 0)
	seen := false
	var names []string
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			return names
		}
		switch {
		case tok == token.FUNC:
			seen = true
		case seen && tok == token.IDENT:
			names = append(names, lit)
		}
	}
}

// sweep drops what the session's interpreter keeps for no one (the
// temporaries of earlier cells' top-level statements, the old values of
// variables declared again, the syntax trees of chunks run): see
// yaegistate.go. It runs after each successful cell.
func (s *Session) sweep() int {
	sw := &s.sweeper
	if sw.in != s.in || sw.tableSeen > len(s.table) {
		sw.methods, sw.tableSeen = false, 0
	}
	for _, it := range s.table[sw.tableSeen:] {
		sw.methods = sw.methods || it.Kind == cell.Method
	}
	sw.tableSeen = len(s.table)
	return sw.sweep(s.in)
}

// evalScratch runs eval (one Eval or Compile of src in in) and then removes
// from in's file set the files nothing will look at again. A file set never
// drops a file by itself, so each Eval kept its files for the life of the
// interpreter.
//
// Always: the two files yaegi v0.16.1 adds only to look at the source: the
// one firstToken scans for the first token (interp/ast.go, no name) and the
// one buildOk parses for build constraints (interp/build.go, the package
// clause only), which precede the file the chunk's nodes point into.
//
// When finished reports true once eval has returned (the chunk is not
// still running, as an interrupted one may be) and src leaves no code that
// can run later (leavesCode), the chunk's own file too: only its nodes
// point into it, and none of them runs again. Its statement chunks are
// most of a re-run notebook's files (each begins with a newline per cell
// line before it, so their line tables grow with the cell). And then the
// global-frame slots its compile added, unless a package-level symbol owns
// one (reclaimSlots): they were its temporaries, and the next chunk takes
// them again, so that a notebook run many times does not grow the frame.
func evalScratch[T any](in *interp.Interpreter, src string, finished func() bool, eval func() (T, error)) (T, error) {
	fset := in.FileSet()
	base := fset.Base()
	slots := frameLayoutLen(in)
	defer dropScratchFiles(fset, base)
	v, err := eval()
	if finished() && !leavesCode(src) {
		dropFilesFrom(fset, base)
		if reclaiming && !mentions.methods(in) {
			reclaimSlots(in, slots)
		}
	}
	return v, err
}

// reclaiming is false only in tests that compare with the frame left as
// yaegi grows it.
var reclaiming = true

// always is a finished that is always true: the Eval is synchronous.
func always() bool { return true }

// dropFilesFrom removes the files of fset that begin at base or later.
func dropFilesFrom(fset *token.FileSet, base int) {
	for _, f := range filesFrom(fset, base) {
		fset.RemoveFile(f)
	}
}

// filesFrom returns the files of fset that begin at base or later. Files
// added one after the other follow each other, each beginning one past the
// end of the one before, so they are found by position without a walk over
// the whole set (a session's set holds a file per declaration); where one
// was removed in between, the whole set is walked.
func filesFrom(fset *token.FileSet, base int) []*token.File {
	var files []*token.File
	for b := base; b < fset.Base(); {
		f := fset.File(token.Pos(b))
		if f == nil || f.Base() != b {
			files = files[:0]
			fset.Iterate(func(f *token.File) bool {
				if f.Base() >= base {
					files = append(files, f)
				}
				return true
			})
			return files
		}
		files = append(files, f)
		b += f.Size() + 1
	}
	return files
}

// leavesCode reports whether chunk src may leave code that runs after its
// Eval returns: a declaration (of a func, method, type, variable, constant,
// import), a func literal other than one called where it stands, a go
// statement. Statement chunks begin with ";"; other chunks that begin with a
// keyword of a declaration are declarations, the rest expressions.
func leavesCode(src string) bool {
	if !strings.HasPrefix(src, ";") {
		switch first, _, _ := strings.Cut(strings.TrimSpace(src), " "); first {
		case "package", "import", "func", "type", "var", "const":
			return true
		}
	}
	if !strings.Contains(src, "func") && !strings.Contains(src, "go") {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p;func _(){"+src+"\n}", parser.SkipObjectResolution)
	if err != nil {
		return true
	}
	leaves := false
	var parents []ast.Node
	ast.Inspect(f.Decls[0].(*ast.FuncDecl).Body, func(n ast.Node) bool {
		if leaves {
			return false
		}
		if n == nil {
			parents = parents[:len(parents)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.GoStmt:
			leaves = true
		case *ast.FuncLit:
			leaves = !calledInPlace(parents, n)
		}
		parents = append(parents, n)
		return !leaves
	})
	return leaves
}

// dropScratchFiles removes the scratch files of the Eval that began when the
// file set's base was base. The build-constraint file is removed only when
// the file after it has its name and size: that one is the chunk's.
func dropScratchFiles(fset *token.FileSet, base int) {
	f1 := fset.File(token.Pos(base))
	if f1 == nil || f1.Base() != base || f1.Name() != "" {
		return
	}
	fset.RemoveFile(f1)
	next := base + f1.Size() + 1
	f2 := fset.File(token.Pos(next))
	if f2 == nil || f2.Base() != next {
		return
	}
	after := next + f2.Size() + 1
	if f3 := fset.File(token.Pos(after)); f3 != nil && f3.Base() == after && f3.Name() == f2.Name() && f3.Size() == f2.Size() {
		fset.RemoveFile(f2)
	}
}
