package session

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"

	"github.com/gocurve/gocurve/kernel/cell"
)

// Recursion names the functions a cell reaches that call themselves,
// directly or through others, from the cell's syntax and the declarations
// of a snapshot (from State or JoinRecords): the likely culprits of a stack
// overflow, which the runtime's dump cannot name (it shows the
// interpreter's frames, not the cell's). line is the cell line declaring
// the first of them, 0 if an earlier cell declared it.
func Recursion(state []byte, code string) (names []string, line int) {
	var decls []cell.Item
	if snap, err := parseSnapshot(state); err == nil {
		decls = snap.Table
	}
	c, err := cell.Parse(code, nil)
	if err != nil {
		return nil, 0
	}
	funcs := map[string][]string{} // func → the names its body uses
	for _, items := range [][]cell.Item{decls, c.Items} {
		for _, it := range items {
			if it.Kind == cell.Func {
				funcs[it.Names[0]] = bodyUses(it.Src)
			}
		}
	}
	reaches := func(from, to string) bool { // from calls to, directly or not
		seen := map[string]bool{}
		stack := []string{from}
		for len(stack) > 0 {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, u := range funcs[n] {
				if u == to {
					return true
				}
				if _, ok := funcs[u]; ok && !seen[u] {
					seen[u] = true
					stack = append(stack, u)
				}
			}
		}
		return false
	}
	seen := map[string]bool{}
	var visit func(n string)
	visit = func(n string) {
		if _, ok := funcs[n]; seen[n] || !ok {
			return
		}
		seen[n] = true
		if reaches(n, n) {
			names = append(names, n)
		}
		for _, u := range funcs[n] {
			visit(u)
		}
	}
	for _, it := range c.Items {
		for _, u := range it.Uses {
			visit(u)
		}
	}
	slices.Sort(names)
	for _, it := range c.Items {
		if it.Kind == cell.Func && len(names) > 0 && it.Names[0] == names[0] {
			line = it.Line
		}
	}
	return names, line
}

// bodyUses returns the identifiers in the body of the func declared by src.
func bodyUses(src string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p;"+src, parser.SkipObjectResolution)
	if err != nil || len(f.Decls) == 0 {
		return nil
	}
	fd, ok := f.Decls[0].(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return nil
	}
	var uses []string
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			uses = append(uses, id.Name)
		}
		return true
	})
	return uses
}
