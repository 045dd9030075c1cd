package cell

import (
	"fmt"
	"go/ast"
	"go/types"
)

// checkPanicValue refuses panic(x), x of a type declared in a cell with
// methods: the interpreter hands the runtime the bare value, so recover()
// gets it without its type (r.(T) says false) and an uncaught panic
// prints its fields instead of its Error or String text. (A value of a
// type without methods prints as Go prints it; asserting it after
// recover() is refused by checkRecovered.)
func checkPanicValue(m *model, c *ast.CallExpr) *refusal {
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok || id.Name != "panic" || len(c.Args) != 1 || m.pkg == nil {
		return nil
	}
	if _, builtin := m.info.Uses[id].(*types.Builtin); !builtin {
		return nil
	}
	t := m.info.Types[c.Args[0]].Type
	if t == nil || types.IsInterface(t) || !declaredInCell(t) || !hasMethods(t) {
		return nil
	}
	return &refusal{c.Args[0].Pos(), fmt.Sprintf("panic with a %s, a type declared in a cell with methods, loses its type in the interpreter: recover() gets the bare value (an assertion to %[1]s says false) and an uncaught panic prints its fields; panic with an error (fmt.Errorf, errors.New) or a string that carries the details",
		types.TypeString(t, types.RelativeTo(m.pkg)))}
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

// checkRecovered refuses x.(T), x what recover() returned, when T is a
// type declared in a cell or an interface declared in a cell: a panic's
// value of such a type reaches recover() without it (checkPanicValue
// refuses the direct panic(T{...}); a value of an interface type holding
// one is another way in), so the assertion would say false.
func checkRecovered(m *model, recovered map[types.Object]bool, x, typ ast.Expr) *refusal {
	if typ == nil || m.pkg == nil {
		return nil
	}
	from := isRecoverCall(m, x)
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		from = from || recovered[m.info.ObjectOf(id)]
	}
	if !from {
		return nil
	}
	t := m.info.Types[typ].Type
	if t == nil || !declaredInCell(t) {
		return nil
	}
	return &refusal{typ.Pos(), fmt.Sprintf("asserting what recover() returned to %s does not work in the interpreter: a panic's value of a type declared in a cell reaches recover() without its type, so the assertion says false; panic with an error made by fmt.Errorf or errors.New and compare its message (or wrap a sentinel and use errors.Is), or with a string",
		types.TypeString(t, types.RelativeTo(m.pkg)))}
}
