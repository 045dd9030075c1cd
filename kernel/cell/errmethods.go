package cell

import (
	"fmt"
	"go/ast"
	"go/types"
)

// checkErrorsMethod refuses errors.As(err, target) where err may hold a
// type declared in a cell with an As(any) bool method: the interpreter
// hands compiled errors the value with its Error method only (and the
// session's own walk calls Unwrap, not As), so the method is never
// called. (errors.Is calls an Is method through isUnwrapFunc.)
func checkErrorsMethod(m *model, c *ast.CallExpr) *refusal {
	const method = "As"
	if !isPkgFunc(m, c.Fun, "errors", method) || len(c.Args) != 2 {
		return nil
	}
	t := m.info.Types[c.Args[0]].Type
	if invalid(t) || !types.IsInterface(t) || mentionsTypeParam(t) {
		return nil
	}
	for _, h := range holdable(cellTypes(m), t) {
		if obj, _, _ := types.LookupFieldOrMethod(h, true, m.pkg, method); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				q := types.RelativeTo(m.pkg)
				return &refusal{c.Pos(), fmt.Sprintf("errors.%s(%s, …) would not call the %s method of %s, a type declared in a cell (the interpreter shows the errors package its Error method only); call the method yourself: if e, ok := err.(%[4]s); ok && e.%[3]s(...)",
					method, types.ExprString(c.Args[0]), method, types.TypeString(h, q))}
			}
		}
	}
	return nil
}
