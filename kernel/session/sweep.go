package session

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
	"sync"
)

// bodyNames are the identifiers that func bodies and func literals given to
// any interpreter of this process mention: a variable of that name, once
// declared again, may still be read in its old slot by a func compiled while
// it was current, so the sweep keeps old slots of these names
// (yaegistate.go). A literal that is called where it stands (the cell
// rewriter's func() { … }() around a loop) runs once and is gone: only the
// literals made inside it count. The set only grows; it is bounded by the
// vocabulary of the code run, not by the number of cells.
var bodyNames = nameSet{m: map[string]bool{}}

type nameSet struct {
	mu sync.Mutex
	m  map[string]bool
}

// note adds the identifiers of src's func bodies and kept func literals.
// A chunk that does not parse adds every identifier after its first func
// keyword.
func (ns *nameSet) note(src string) {
	if !strings.Contains(src, "func") {
		return
	}
	names := funcBodyNames(src)
	ns.mu.Lock()
	for _, n := range names {
		ns.m[n] = true
	}
	ns.mu.Unlock()
}

// funcBodyNames lists the identifiers of src's func declarations and of its
// func literals other than those called where they stand.
func funcBodyNames(src string) []string {
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
		return identsAfterFunc(src)
	}
	var names []string
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
	return names
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

// has reports whether a noted func body may mention name.
func (ns *nameSet) has(name string) bool {
	ns.mu.Lock()
	defer ns.mu.Unlock()
	return ns.m[name]
}

// sweep drops what the session's interpreter keeps for no one (the
// temporaries of earlier cells' top-level statements, the old values of
// variables declared again, the syntax trees of chunks run): see
// yaegistate.go. It runs after each successful cell.
func (s *Session) sweep() int {
	return s.sweeper.sweep(s.in, bodyNames.has)
}
