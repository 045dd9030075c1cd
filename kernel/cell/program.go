package cell

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
	"strings"
)

// Program describes a cell that is a whole Go program: a package clause,
// package-level declarations and usually func main.
type Program struct {
	// Body is the cell with the package clause blanked out and main and
	// init renamed (see Entries), lines and other columns unchanged.
	Body string
	// Entries are the renamed init funcs in source order, then the renamed
	// main if the program has one: the calls that run the program once.
	Entries []string
	// VarOrder are the package-level variables in Go's initialization
	// order, one name for each var spec (its first).
	VarOrder []string
}

// MainName and the init names are what a program's main and init funcs
// are called in the session, where they are ordinary funcs called once: the
// interpreter would otherwise run main again on every later cell, and init
// cannot be named.
const MainName = "__gocurve_main"

func initName(i int) string { return fmt.Sprintf("__gocurve_init%d", i) }

// ParseProgram reports whether src is a whole program (it parses as a Go
// file with a package clause) and, if so, returns it prepared for Parse.
// Only package main is a program; another package name is an error.
func ParseProgram(src string) (*Program, bool, error) {
	if !hasPackageClause(src) {
		return nil, false, nil
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, parser.ParseComments)
	if err != nil {
		return nil, false, nil // Parse reports the syntax error at the cell position
	}
	tf := fset.File(f.Pos())
	if f.Name.Name != "main" {
		line := tf.Line(f.Name.Pos())
		return nil, true, ErrorList{{Line: line, Col: tf.Position(f.Name.Pos()).Column,
			Msg:    fmt.Sprintf("package %s is not a program: a cell runs package main (write package main, or leave the package clause out)", f.Name.Name),
			Source: lineOf(src, line)}}
	}
	type edit struct {
		at, end int
		text    string
	}
	edits := []edit{{tf.Offset(f.Package), tf.Offset(f.Name.End()), blank(src[tf.Offset(f.Package):tf.Offset(f.Name.End())])}}
	var mainObj *ast.Object
	prog := &Program{}
	inits := 0
	hasMain := false
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil {
			continue
		}
		switch fd.Name.Name {
		case "init":
			name := initName(inits)
			inits++
			prog.Entries = append(prog.Entries, name)
			edits = append(edits, edit{tf.Offset(fd.Name.Pos()), tf.Offset(fd.Name.End()), name})
		case "main":
			hasMain = true
			mainObj = fd.Name.Obj
			edits = append(edits, edit{tf.Offset(fd.Name.Pos()), tf.Offset(fd.Name.End()), MainName})
		}
	}
	if hasMain {
		prog.Entries = append(prog.Entries, MainName)
	}
	if mainObj != nil {
		// Calls of main from the program's own funcs (recursion is legal).
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Obj == mainObj && id.Name == "main" {
				if fd, ok := mainObj.Decl.(*ast.FuncDecl); ok && fd.Name == id {
					return true
				}
				edits = append(edits, edit{tf.Offset(id.Pos()), tf.Offset(id.End()), MainName})
			}
			return true
		})
	}
	prog.VarOrder = initOrder(f)
	sort.Slice(edits, func(i, j int) bool { return edits[i].at < edits[j].at })
	var b strings.Builder
	pos := 0
	for _, e := range edits {
		if e.at < pos {
			continue
		}
		b.WriteString(src[pos:e.at])
		b.WriteString(e.text)
		pos = e.end
	}
	b.WriteString(src[pos:])
	prog.Body = b.String()
	return prog, true, nil
}

// hasPackageClause reports whether the first token of src is `package`.
func hasPackageClause(src string) bool {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), nil, 0)
	_, tok, _ := s.Scan()
	return tok == token.PACKAGE
}

func lineOf(src string, line int) string {
	ls := strings.Split(src, "\n")
	if line < 1 || line > len(ls) {
		return ""
	}
	return ls[line-1]
}

// initOrder returns the package-level var specs of f in the order Go
// initializes them: repeatedly the earliest in declaration order that
// depends on no uninitialized variable, where a dependency is a reference
// to a variable, or to a func or method whose body has one. References
// are resolved by the parser's scopes; a selector x.m counts as a
// reference to every method named m the file declares.
func initOrder(f *ast.File) []string {
	type unit struct {
		name string
		deps map[*ast.Object]bool // the vars it depends on, transitively
	}
	pkg := f.Scope
	methods := map[string][]*ast.FuncDecl{}
	funcs := map[*ast.Object]*ast.FuncDecl{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			if fd.Recv != nil {
				methods[fd.Name.Name] = append(methods[fd.Name.Name], fd)
			} else if fd.Name.Obj != nil {
				funcs[fd.Name.Obj] = fd
			}
		}
	}
	// refs lists the package-level objects n refers to, and the methods.
	refs := func(n ast.Node) (objs []*ast.Object, meths []*ast.FuncDecl) {
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.Ident:
				if x.Obj != nil && pkg.Lookup(x.Name) == x.Obj {
					objs = append(objs, x.Obj)
				}
			case *ast.SelectorExpr:
				meths = append(meths, methods[x.Sel.Name]...)
			}
			return true
		})
		return objs, meths
	}
	// varsOf collects the vars reachable from n through funcs and methods.
	varsOf := func(n ast.Node) map[*ast.Object]bool {
		out := map[*ast.Object]bool{}
		seen := map[ast.Node]bool{}
		var walk func(ast.Node)
		walk = func(n ast.Node) {
			if seen[n] {
				return
			}
			seen[n] = true
			objs, meths := refs(n)
			for _, o := range objs {
				switch o.Kind {
				case ast.Var:
					out[o] = true
				case ast.Fun:
					if fd := funcs[o]; fd != nil && fd.Body != nil {
						walk(fd.Body)
					}
				}
			}
			for _, m := range meths {
				if m.Body != nil {
					walk(m.Body)
				}
			}
		}
		walk(n)
		return out
	}
	var units []*unit
	owner := map[*ast.Object]*unit{}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			u := &unit{name: vs.Names[0].Name, deps: map[*ast.Object]bool{}}
			for _, v := range vs.Values {
				for o := range varsOf(v) {
					u.deps[o] = true
				}
			}
			for _, id := range vs.Names {
				if id.Obj != nil {
					owner[id.Obj] = u
					delete(u.deps, id.Obj)
				}
			}
			units = append(units, u)
		}
	}
	done := map[*unit]bool{}
	var order []string
	for len(order) < len(units) {
		progress := false
		for _, u := range units {
			if done[u] {
				continue
			}
			ready := true
			for o := range u.deps {
				if w := owner[o]; w != nil && w != u && !done[w] {
					ready = false
					break
				}
			}
			if ready {
				done[u] = true
				order = append(order, u.name)
				progress = true
				break // the earliest ready one, then start over
			}
		}
		if !progress {
			for _, u := range units { // a cycle: Go refuses it; keep source order
				if !done[u] {
					done[u] = true
					order = append(order, u.name)
				}
			}
		}
	}
	return order
}
