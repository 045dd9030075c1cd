package cell

import (
	"fmt"
	"go/ast"
	"go/types"
)

// checkGenericEq refuses a call of a generic func that instantiates a
// comparable type parameter with an interface that may hold a type
// declared in a cell (slices.Contains of a []any, a cell's
// func Index[T comparable]): the == inside the generic code is the
// interpreter's, which the rewrite of comparisons cannot reach, so
// slices.Contains([]any{P{1}}, any(Q{1})) was true for two types of one
// shape, and values of a type with methods are compared by their
// wrappers.
func checkGenericEq(m *model, c *ast.CallExpr) *refusal {
	id := calleeName(c)
	if id == nil {
		return nil
	}
	inst, ok := m.info.Instances[id]
	if !ok || inst.TypeArgs == nil {
		return checkStdEq(m, c)
	}
	fn, ok := m.info.Uses[id].(*types.Func)
	if !ok {
		return nil
	}
	sig, ok := fn.Origin().Type().(*types.Signature)
	if !ok || sig.TypeParams().Len() != inst.TypeArgs.Len() {
		return nil
	}
	var cells []types.Type
	for i := range inst.TypeArgs.Len() {
		arg := inst.TypeArgs.At(i)
		iface, ok := sig.TypeParams().At(i).Constraint().Underlying().(*types.Interface)
		if !ok || !iface.IsComparable() || !types.IsInterface(arg) || mentionsTypeParam(arg) {
			continue
		}
		if cells == nil {
			cells = append(cellTypes(m), looseTypes(m)...)
		}
		if h := holdable(cells, arg); len(h) > 0 {
			q := types.RelativeTo(m.pkg)
			return &refusal{c.Pos(), fmt.Sprintf("%s compares values of %s with == inside generic code, where the interpreter cannot tell apart types declared in cells (%s) from others of their representation, nor compare values of types with methods; pass a func that compares (slices.ContainsFunc, slices.IndexFunc, slices.EqualFunc: func(v %[2]s) bool { return v == x }), whose == is checked",
				types.ExprString(c.Fun), types.TypeString(arg, q), types.TypeString(h[0], q))}
		}
	}
	return nil
}

// stdEq are the funcs of the session's slices and maps packages (which
// the model does not type: they are interpreted) that compare elements,
// or a map's values, with ==.
var stdEq = map[string]map[string]bool{
	"slices": {"Contains": true, "Index": true, "Equal": true, "Compact": true},
	"maps":   {"Equal": true},
}

// checkStdEq is checkGenericEq for a call of stdEq, by the static type of
// its first argument's elements.
func checkStdEq(m *model, c *ast.CallExpr) *refusal {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || len(c.Args) == 0 {
		return nil
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	path := x.Name // the model leaves the implicit packages undefined
	if pn, ok := m.info.Uses[x].(*types.PkgName); ok {
		path = pn.Imported().Path()
	} else if m.info.Uses[x] != nil || !implicitPackages[path] {
		return nil
	}
	if !stdEq[path][sel.Sel.Name] {
		return nil
	}
	t := m.info.Types[c.Args[0]].Type
	if invalid(t) {
		return nil
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Map:
		elem = u.Elem()
	default:
		return nil
	}
	if !types.IsInterface(elem) || mentionsTypeParam(elem) {
		return nil
	}
	if h := holdable(append(cellTypes(m), looseTypes(m)...), elem); len(h) > 0 {
		q := types.RelativeTo(m.pkg)
		return &refusal{c.Pos(), fmt.Sprintf("%s compares values of %s with == inside generic code, where the interpreter cannot tell apart types declared in cells (%s) from others of their representation, nor compare values of types with methods; pass a func that compares (slices.ContainsFunc, slices.IndexFunc, slices.EqualFunc, maps.EqualFunc: func(v %[2]s) bool { return v == x }), whose == is checked",
			types.ExprString(c.Fun), types.TypeString(elem, q), types.TypeString(h[0], q))}
	}
	return nil
}
