package cell

import (
	"go/ast"
	"go/types"
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
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok || id.Name != "panic" || len(c.Args) != 1 || m.pkg == nil {
		return
	}
	if _, builtin := m.info.Uses[id].(*types.Builtin); !builtin {
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
					if id, ok := l.(*ast.Ident); ok && isRecoverCall(m, n.Rhs[i]) {
						if obj := m.info.ObjectOf(id); obj != nil {
							out[obj] = true
						}
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if i < len(n.Values) && isRecoverCall(m, n.Values[i]) {
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

// isRecoverCall reports whether e is a call of the builtin recover.
func isRecoverCall(m *model, e ast.Expr) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok || id.Name != "recover" {
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
	from := isRecoverCall(m, ta.X)
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
