package session

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"sync/atomic"
)

// A func literal evaluated at a cell's top level makes yaegi v0.16.1 copy
// the whole global frame (getFunc calls frame.clone in interp/run.go), and
// the func value keeps that copy, with every value the frame held then, for
// as long as it lives. A notebook that makes funcs at top level and is run
// again therefore keeps each run's values through the next run's funcs, a
// chain that grows with every run. A func declared at package level has a
// frame of its own whose parent is the live global frame, so a literal
// returned by such a func copies only that small frame.
//
// hoistFuncLits moves each func literal of a top-level statement chunk that
// can only see package-level names into a generator func, declared in a
// chunk of its own,
//
//	func __gocurve_lit7() func(t []float64) float64 { return func(t []float64) float64 { … } }
//
// and calls the generator in its place. What the literal can see is the
// same: package-level names are read from the global frame in both cases,
// and a literal that names anything declared inside the statement (a loop
// variable, a name of a block) is left where it is. Line directives keep
// every position of the literal and of the rest of the statement at its
// cell line and column, so errors, panics and breakpoints point where they
// did. Literals run by go or defer, those calling recover, and those called
// where they stand (the rewriter's func() { … }() around a loop: its value
// and its copy live only while it runs, and the debugger shows its body as
// the cell's) stay too.
//
// It returns the generators' chunk and the rewritten statement chunk, or
// ok false when nothing is moved.
func hoistFuncLits(src string) (gens, stmt string, ok bool) {
	if !strings.HasPrefix(src, ";") || !strings.Contains(src, "func") {
		return "", "", false
	}
	const wrap = "package p;func _(){"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", wrap+src+"\n}", parser.SkipObjectResolution)
	if err != nil {
		return "", "", false
	}
	file := fset.File(f.Pos())
	off := func(p token.Pos) int { return file.Offset(p) - len(wrap) }
	var top ast.Stmt
	for _, s := range f.Decls[0].(*ast.FuncDecl).Body.List {
		if _, empty := s.(*ast.EmptyStmt); empty {
			continue
		}
		if top != nil {
			return "", "", false // one statement per chunk
		}
		top = s
	}
	if top == nil {
		return "", "", false
	}
	// Names the statement declares: its own (package-level) and those of
	// its blocks (not package-level: a literal naming one stays).
	declared := map[string]bool{}
	var lits []*ast.FuncLit
	var parents []ast.Node
	ast.Inspect(top, func(n ast.Node) bool {
		if n == nil {
			parents = parents[:len(parents)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			if !runByGoOrDefer(parents, n) && !calledInPlace(parents, n) {
				lits = append(lits, n)
			}
			return false
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, e := range n.Lhs {
					if id, ok := e.(*ast.Ident); ok {
						declared[id.Name] = true
					}
				}
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						declared[id.Name] = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				declared[id.Name] = true
			}
		case *ast.TypeSpec:
			declared[n.Name.Name] = true
		case *ast.LabeledStmt:
			declared[n.Label.Name] = true
		}
		parents = append(parents, n)
		return true
	})
	var g, b strings.Builder
	last := 0
	for _, lit := range lits {
		if namesAny(lit, declared) {
			continue
		}
		name := fmt.Sprintf("%s%d", litPrefix, litSeq.Add(1))
		ls, le := off(lit.Pos()), off(lit.End())
		ts, te := off(lit.Type.Pos()), off(lit.Type.End())
		line, col := lineCol(src, ls)
		fmt.Fprintf(&g, "func %s() %s { return /*line :%d:%d*/%s\n}\n", name, src[ts:te], line, col, src[ls:le])
		line, col = lineCol(src, le)
		fmt.Fprintf(&b, "%s%s()/*line :%d:%d*/", src[last:ls], name, line, col)
		last = le
	}
	if last == 0 {
		return "", "", false
	}
	b.WriteString(src[last:])
	return g.String(), b.String(), true
}

// hoisting is false only in tests that compare with the literals left in
// place.
var hoisting = true

// litPrefix begins the generators' names; the sweep forgets them once run.
const litPrefix = "__gocurve_lit"

// IsGenerators reports whether src is a chunk of generator funcs that
// hoistFuncLits made for a statement chunk: part of that statement's run,
// made again with every run, not a declaration of the cell.
func IsGenerators(src string) bool { return strings.HasPrefix(src, "func "+litPrefix) }

// litSeq numbers the generators: each has a name of its own in the process.
var litSeq atomic.Int64

// runByGoOrDefer reports whether lit is the func a go or defer statement
// calls (parents: the nodes enclosing it, innermost last).
func runByGoOrDefer(parents []ast.Node, lit *ast.FuncLit) bool {
	if len(parents) < 2 {
		return false
	}
	call, ok := parents[len(parents)-1].(*ast.CallExpr)
	if !ok || call.Fun != lit {
		return false
	}
	switch parents[len(parents)-2].(type) {
	case *ast.GoStmt, *ast.DeferStmt:
		return true
	}
	return false
}

// namesAny reports whether lit names one of names, or recover (whose
// meaning depends on the call that runs the literal).
func namesAny(lit *ast.FuncLit, names map[string]bool) bool {
	found := false
	ast.Inspect(lit, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && (names[id.Name] || id.Name == "recover") {
			found = true
		}
		return !found
	})
	return found
}

// lineCol is the 1-based line and column of byte offset off in src.
func lineCol(src string, off int) (line, col int) {
	line = 1 + strings.Count(src[:off], "\n")
	return line, off - strings.LastIndex(src[:off], "\n")
}
