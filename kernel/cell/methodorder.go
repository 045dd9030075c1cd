package cell

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strings"
)

// calleesFirst orders the methods of each generic type the cell declares
// so that a method comes after the methods of that type it calls: yaegi
// v0.16.1 compiles a generic type's method only against the methods
// declared before it ("undefined selector: grow" for a Push calling a
// grow written below it), where Go's package scope has no order. Other
// items keep their order; methods that call each other keep theirs. A
// session writes an item moved up at its own line (chunk's line
// directives), so positions stay the cell's.
func (p *parse) calleesFirst(items []Item) []Item {
	type key struct{ recv, name string }
	calls := map[key][]string{}
	for _, d := range p.ast.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || !recvHasTypeParams(fd) || !p.inCell(fd.Pos()) {
			continue
		}
		recv := recvName(fd.Recv.List[0].Type)
		k := key{recv, recv + "." + fd.Name.Name}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
					calls[k] = append(calls[k], recv+"."+sel.Sel.Name)
				}
			}
			return true
		})
	}
	if len(calls) == 0 {
		return items
	}
	index := map[key]int{}
	for i, it := range items {
		if it.Kind == Method && len(it.Names) > 0 && !it.Synthetic {
			index[key{it.Recv, it.Names[0]}] = i // (Names[0] is "Recv.Name")
		}
	}
	moved := false
	out := make([]Item, 0, len(items))
	state := make([]int, len(items)) // 1: being placed, 2: placed
	var place func(i int)
	place = func(i int) {
		if state[i] != 0 {
			return
		}
		state[i] = 1
		it := items[i]
		if it.Kind == Method && len(it.Names) > 0 {
			for _, name := range calls[key{it.Recv, it.Names[0]}] {
				if j, ok := index[key{it.Recv, name}]; ok && state[j] == 0 { // (itself: placing)
					moved = moved || j > i
					place(j)
				}
			}
		}
		state[i] = 2
		out = append(out, it)
	}
	for i := range items {
		place(i)
	}
	if !moved {
		return items
	}
	return out
}

// earlierLast moves the funcs and methods of earlier cells that waited for
// this cell's declarations (Item.Earlier) after the cell's own methods:
// yaegi v0.16.1 gives an instance of a generic type the methods declared
// when a func first names it (use(s *Stack[string]) compiled before this
// cell's Stack.Len: "undefined selector: Len"). Their lines are not the
// cell's anyway; the cell's statements stay last.
func earlierLast(items []Item) []Item {
	moved := func(it Item) bool { return it.Earlier && (it.Kind == Func || it.Kind == Method) }
	last := -1 // the cell's last method
	for i, it := range items {
		if it.Kind == Method && !it.Earlier {
			last = i
		}
	}
	if last < 0 || !slices.ContainsFunc(items[:last], moved) {
		return items
	}
	out := make([]Item, 0, len(items))
	for i, it := range items {
		if !moved(it) || i > last {
			out = append(out, it)
		}
		if i == last {
			for _, e := range items[:last] {
				if moved(e) {
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// checkSharedMethods gives a method of a generic type the cell declares,
// named like another generic type's method with as many type parameters,
// a name of the interpreter's own (genericrename.go): yaegi v0.16.1 keeps
// the instances of generic methods by the method's name and the type
// arguments alone, so the second type's instance is given the first
// one's method (B[int].Name ran A[int].Name's body: silently, where their
// fields agree). Where that cannot be (the program asks for the method
// by its name, or compiled code looks it up), a call (or any selector) of
// a method of that name is refused, in the cell or the session.
// Declaring them is not refused: a program that never calls them runs as
// Go's.
func (p *parse) checkSharedMethods() error {
	type key struct {
		name string // the interpreter's
		n    int    // type parameters
	}
	owners := map[key]map[string]bool{}
	addOwner := func(name string, n int, recv string) {
		k := key{name, n}
		if owners[k] == nil {
			owners[k] = map[string]bool{}
		}
		owners[k][recv] = true
	}
	own := map[string]bool{} // "T.M" the cell declares
	var generic []*ast.FuncDecl
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
			own[DeclName(fd)] = true
			if recvHasTypeParams(fd) {
				generic = append(generic, fd)
			}
		}
	}
	// (only the names the cell selects or declares matter: the cost of a
	// cell does not grow with the session's methods)
	selected := map[string]bool{}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			selected[sel.Sel.Name] = true
		}
		return true
	})
	for _, fd := range generic {
		selected[fd.Name.Name] = true
	}
	for k, header := range p.opts.Methods {
		t, m, _ := strings.Cut(k, ".")
		if !selected[m] {
			continue
		}
		recv, _, _ := strings.Cut(header, ")")
		if own[k] || p.top[t] || !strings.Contains(recv, "[") {
			continue // (redeclared here; not generic)
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+header+" {}", parser.SkipObjectResolution)
		if err != nil || len(f.Decls) != 1 {
			continue
		}
		if fd, ok := f.Decls[0].(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 && recvHasTypeParams(fd) {
			name := m
			if r := p.opts.Renamed[k]; r != "" {
				name = r
			}
			addOwner(name, typeParamCount(fd.Recv.List[0].Type), t)
		}
	}
	// The cell's: each keeps its name unless another generic type has a
	// method of that name, as the interpreter names it, and the program
	// does not ask for it by its name (genericrename.go).
	decided := maps.Clone(owners)
	for k, v := range decided {
		decided[k] = maps.Clone(v)
	}
	for _, fd := range generic {
		t, n := recvName(fd.Recv.List[0].Type), typeParamCount(fd.Recv.List[0].Type)
		name := fd.Name.Name
		if r := p.opts.Renamed[t+"."+name]; r != "" {
			name = r // (declared again: the session's code calls it so)
		} else if others := decided[key{name, n}]; len(others) > 0 && !(len(others) == 1 && others[t]) && p.canRenameMethod(name) {
			name = renamedMethod(t, name)
		}
		if name != fd.Name.Name {
			if p.renamedMethods == nil {
				p.renamedMethods = map[string]string{}
			}
			p.renamedMethods[t+"."+fd.Name.Name] = name
		}
		if decided[key{name, n}] == nil {
			decided[key{name, n}] = map[string]bool{}
		}
		decided[key{name, n}][t] = true
	}
	if err := p.renameSelections(); err != nil {
		return err
	}
	for _, fd := range generic {
		t, n := recvName(fd.Recv.List[0].Type), typeParamCount(fd.Recv.List[0].Type)
		name := fd.Name.Name
		if r := p.renamedMethods[t+"."+name]; r != "" {
			name = r
		} else if r := p.opts.Renamed[t+"."+name]; r != "" {
			name = r
		}
		addOwner(name, n, t)
	}

	shared := map[string][]string{}
	methods := map[string][]string{} // every generic type with a method of that name
	for k, types := range owners {
		if len(types) > 1 {
			shared[k.name] = slices.Sorted(maps.Keys(types))
		}
		methods[k.name] = append(methods[k.name], slices.Sorted(maps.Keys(types))...)
	}
	// a generic func of a method's name shares its instances too
	funcs := map[string]bool{}
	for name := range p.opts.GenericFuncs {
		funcs[name] = methods[name] != nil
	}
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Type.TypeParams != nil {
			// (as many type parameters as the receiver's: the same keys)
			funcs[fd.Name.Name] = owners[key{fd.Name.Name, fd.Type.TypeParams.NumFields()}] != nil
		}
	}
	if len(shared) == 0 && !slices.Contains(slices.Collect(maps.Values(funcs)), true) {
		return nil
	}
	refuse := func(id *ast.Ident) error {
		line, col := p.lineCol(p.cellOffset(id.Pos()))
		msg := fmt.Sprintf("%s: the generic types %s each have a method %[1]s with as many type parameters, and the interpreter (yaegi v0.16.1) keeps one instance of a generic method per name and type arguments, so one type's instance would run the other's body; give the methods different names",
			id.Name, strings.Join(shared[id.Name], " and "))
		if funcs[id.Name] {
			msg = fmt.Sprintf("%s: the generic func %[1]s and the method %[1]s of the generic type %s share their instances in the interpreter (yaegi v0.16.1 keeps one instance per name and type arguments), which then fails to compile; give the func or the method another name",
				id.Name, strings.Join(slices.Compact(slices.Sorted(slices.Values(methods[id.Name]))), " and "))
		}
		return ErrorList{{Line: line, Col: col, Source: p.lineText(line), Msg: msg}}
	}
	var err error
	ast.Inspect(p.ast, func(n ast.Node) bool {
		if err != nil || n == nil || p.cellOffset(n.Pos()) < p.earlierEnd {
			return err == nil
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if shared[n.Sel.Name] != nil || funcs[n.Sel.Name] {
				err = refuse(n.Sel)
			}
		case *ast.CallExpr:
			if id := calleeIdent(n.Fun); id != nil && funcs[id.Name] {
				err = refuse(id)
			}
		}
		return err == nil
	})
	return err
}

// typeParamCount is the number of type parameters a generic receiver
// type names (Stack[T] 1, Pair[K, V] 2).
func typeParamCount(t ast.Expr) int {
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	switch t := t.(type) {
	case *ast.IndexExpr:
		return 1
	case *ast.IndexListExpr:
		return len(t.Indices)
	}
	return 0
}
