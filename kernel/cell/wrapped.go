package cell

import (
	"fmt"
	"go/ast"
	"go/types"
)

// checkWrappedStruct refuses x.(T), or a type switch case T on x, where
// x's static type is an interface of a compiled package with methods
// (error, fmt.Stringer) and T a struct type declared in a cell (not a
// pointer, with fields): yaegi v0.16.1 keeps such a value behind the
// wrapper that gives compiled code its methods, and the assertion to T
// says false (the case is not taken), silently, however the value was
// stored. A pointer (*T, &T{...}), a type of another kind (type Code
// int), an empty struct, and an interface declared in a cell or an any
// assert right. An assertion x.(T) that no other rewrite takes asks
// HelperRecalled instead (check).
func checkWrappedStruct(m *model, x, typ ast.Expr) *refusal {
	if typ == nil || m.pkg == nil {
		return nil
	}
	t, xt := typeOf(m, typ), m.info.Types[x].Type
	if invalid(t) || invalid(xt) || !types.IsInterface(xt) || declaredInCell(xt) || mentionsTypeParam(t) {
		return nil
	}
	if xt.Underlying().(*types.Interface).NumMethods() == 0 {
		return nil
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !declaredInCell(n) {
		return nil
	}
	if !structValue(n) {
		return nil
	}
	q := types.RelativeTo(m.pkg)
	name := types.TypeString(n, q)
	return &refusal{typ.Pos(), fmt.Sprintf("asserting a value of type %s to %s, a struct type declared in a cell, says false in the interpreter (it keeps such a value behind a wrapper with %[1]s's methods); give %[2]s's methods pointer receivers, store &%[2]s{...} and assert to *%[2]s",
		types.TypeString(xt, q), name)}
}
