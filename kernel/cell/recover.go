package cell

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// checkPanicValue records panic(x) where x may be a value of a type
// declared in a cell (x's type is one, an interface or a type parameter):
// the interpreter hands the runtime such a value without its type, so
// recover() got the bare value (an assertion to the type said false) and
// an uncaught panic printed its fields. The panic is given
// HelperPanicToken(HelperPanic(x)) instead, which keeps x in interpreted
// code and panics with a token that prints as Go prints x;
// HelperRecovered gives x back.
func (p *parse) checkPanicValue(m *model, c *ast.CallExpr) {
	if !isBuiltinCall(m, c, "panic") || len(c.Args) != 1 || m.pkg == nil {
		return
	}
	t := m.info.Types[c.Args[0]].Type
	if invalid(t) {
		return
	}
	_, param := types.Unalias(t).(*types.TypeParam)
	if declaredInCell(t) || types.IsInterface(t) || param {
		if p.panics == nil {
			p.panics = map[ast.Expr]bool{}
		}
		p.panics[c.Args[0]] = true
	}
}

// recoveredVars are the variables the cell defines from recover()
// (r := recover(), var r = recover()).
func recoveredVars(m *model, f *ast.File) map[types.Object]bool {
	out := map[types.Object]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && isBuiltinCall(m, n.Rhs[i], "recover") {
						if obj := m.info.ObjectOf(id); obj != nil {
							out[obj] = true
						}
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if i < len(n.Values) && isBuiltinCall(m, n.Values[i], "recover") {
					if obj := m.info.Defs[id]; obj != nil {
						out[obj] = true
					}
				}
			}
		}
		return true
	})
	return out
}

// isBuiltinCall reports whether e is a call of the builtin name
// (recover, panic).
func isBuiltinCall(m *model, e ast.Expr, name string) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok || id.Name != name {
		return false
	}
	_, builtin := m.info.Uses[id].(*types.Builtin)
	return builtin
}

// checkRecovered records x.(T), x what recover() returned, when T is a
// type declared in a cell that an interface with methods may hold (one
// with methods, or an interface itself): a value panicked through such an
// interface (panic(err), err an error holding a ShapeError) reaches
// recover() behind the interpreter's wrapper with that interface's
// methods, and the assertion would say false. x is then given
// HelperRecoveredAs, which refuses such a value when it runs (a value
// panicked itself, panic(ShapeError{...}), comes back with its type
// through HelperPanic and is asserted as in Go). A type switch on x is
// recorded so when one of its cases is such a type.
func (p *parse) checkRecovered(m *model, recovered map[types.Object]bool, ta *ast.TypeAssertExpr, cases []ast.Expr) {
	if m.pkg == nil {
		return
	}
	from := isBuiltinCall(m, ta.X, "recover")
	if id, ok := ast.Unparen(ta.X).(*ast.Ident); ok {
		from = from || recovered[m.info.ObjectOf(id)]
	}
	if !from {
		return
	}
	if ta.Type != nil {
		cases = []ast.Expr{ta.Type}
	}
	var names []string
	for _, c := range cases {
		t := m.info.Types[c].Type
		if invalid(t) || !declaredInCell(t) || !types.IsInterface(t) && types.NewMethodSet(t).Len() == 0 {
			continue
		}
		names = append(names, types.TypeString(t, types.RelativeTo(m.pkg)))
	}
	if len(names) == 0 {
		return
	}
	if p.recoveredAs == nil {
		p.recoveredAs = map[ast.Expr]string{}
	}
	p.recoveredAs[ta.X] = strings.Join(names, " or ")
}

// heldTypes are the cell types (cellTypes) the printed operand arg may
// hold: for a value recover() gave (recover() itself, or a variable
// assigned nothing else), those a panic of the session or the cell may
// have been given (Options.Panicked, panickedTypes); for anything else,
// all.
func (p *parse) heldTypes(m *model, arg ast.Expr) []types.Type {
	if p.opts.PanickedAny || !p.fromRecover(m, arg) {
		return cellTypes(m)
	}
	panicked := p.panickedTypes(m)
	var out []types.Type
	for _, c := range cellTypes(m) {
		if slices.ContainsFunc(panicked, func(t types.Type) bool { return types.Identical(t, c) }) {
			out = append(out, c)
		}
	}
	return out
}

// fromRecover reports whether e is recover() or a variable that only
// recover() gives values to: no other assignment, no address taken.
func (p *parse) fromRecover(m *model, e ast.Expr) bool {
	if isBuiltinCall(m, e, "recover") {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	obj, ok := m.info.Uses[id].(*types.Var)
	if !ok || obj.Parent() == nil || obj.Parent() == m.pkg.Scope() {
		return false // a package variable: other cells may assign it
	}
	only, seen := true, false
	ast.Inspect(p.ast, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && m.info.ObjectOf(id) == obj {
					fromRecover := len(n.Lhs) == len(n.Rhs) && isBuiltinCall(m, n.Rhs[i], "recover")
					seen = seen || fromRecover
					only = only && fromRecover
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if m.info.Defs[id] == obj {
					fromRecover := len(n.Names) == len(n.Values) && isBuiltinCall(m, n.Values[i], "recover")
					seen = seen || fromRecover
					only = only && fromRecover
				}
			}
		case *ast.RangeStmt:
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if id, ok := x.(*ast.Ident); ok && m.info.ObjectOf(id) == obj {
					only = false
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && m.info.ObjectOf(id) == obj {
				only = false
			}
		}
		return only
	})
	return only && seen
}

// panickedTypes are the cell types a panic may have been given: those
// of earlier cells (Options.Panicked) and those the cell's own panic
// calls may hold (cellPanics).
func (p *parse) panickedTypes(m *model) []types.Type {
	out := slices.Clone(p.cellPanics(m))
	for name := range p.opts.Panicked {
		if tn, ok := m.pkg.Scope().Lookup(name).(*types.TypeName); ok {
			out = append(out, tn.Type(), types.NewPointer(tn.Type()))
		}
	}
	return out
}

// cellPanics are the cell types the cell's panic calls may be given: a
// cell type itself, those an interface may hold, every one for a type
// parameter. The cell is walked once.
func (p *parse) cellPanics(m *model) []types.Type {
	if !p.cellPanicsDone {
		p.cellPanicList, p.cellPanicsDone = p.findCellPanics(m), true
	}
	return p.cellPanicList
}

func (p *parse) findCellPanics(m *model) []types.Type {
	var out []types.Type
	ast.Inspect(p.ast, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || len(c.Args) != 1 || !isBuiltinCall(m, c, "panic") {
			return true
		}
		t := m.info.Types[c.Args[0]].Type
		if id, ok := ast.Unparen(c.Args[0]).(*ast.Ident); ok && invalid(t) && m.body != nil {
			// a func's use of a variable of the cell's top level, which
			// the model declares in the cell's body: unresolved there
			if v, ok := m.info.Scopes[m.body.Type].Lookup(id.Name).(*types.Var); ok {
				t = v.Type()
			}
		}
		_, param := types.Unalias(t).(*types.TypeParam)
		switch {
		case invalid(t) || param:
			out = append(out, cellTypes(m)...)
		case types.IsInterface(t):
			out = append(out, holdable(cellTypes(m), t)...)
		case declaredInCell(t):
			out = append(out, t)
		}
		return true
	})
	return out
}

// panickedNames are the names of the package-level cell types the cell's
// panic calls may be given (Cell.Panicked).
func (p *parse) panickedNames(m *model) []string {
	var names []string
	for _, t := range p.cellPanics(m) {
		if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Parent() == m.pkg.Scope() && !slices.Contains(names, n.Obj().Name()) {
			names = append(names, n.Obj().Name())
		}
	}
	slices.Sort(names)
	return names
}
