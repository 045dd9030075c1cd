package cell

import (
	"fmt"
	"go/ast"
	"go/types"
)

// yaegi v0.16.1 takes a pointer to an instance of a generic type with two
// or more type parameters (*entry[K, V]) for a dereference where it is a
// type on its own: an assertion's or a type switch case's type, a
// conversion, a var declared without a value. Its compiler panicked ("the
// interpreter cannot compile this (CFG post-order panic …)"), and in a
// generic func so did an assertion to the instance itself. A var without
// a value is given nil (var p *entry[K, V] = nil, which it compiles); the
// others are refused, saying what to write.

// multiParamPtr reports whether t, a type expression, is *G[A, B, …].
func multiParamPtr(t ast.Expr) bool {
	st, ok := ast.Unparen(t).(*ast.StarExpr)
	if !ok {
		return false
	}
	_, ok = ast.Unparen(st.X).(*ast.IndexListExpr)
	return ok
}

// checkMultiParamTypes records the var declarations to give nil and
// refuses the other uses (see above).
func (p *parse) checkMultiParamTypes(m *model) []refusal {
	var out []refusal
	refuse := func(t ast.Expr, what string) {
		out = append(out, refusal{t.Pos(), fmt.Sprintf("%s %s: the interpreter (yaegi v0.16.1) cannot use an instance of a generic type of two or more type parameters (or a pointer to one) as a type here, and its compiler fails; keep such values where their type is known, in a field, a slice or a map of that type (map[K]*entry[K, V]), instead of asserting or converting them, or give the generic type one type parameter",
			what, types.ExprString(t))})
	}
	inGeneric := func(n ast.Node) bool { return p.genericDeclAt(n) != nil }
	ast.Inspect(p.ast, func(n ast.Node) bool {
		if len(out) > 0 || n == nil || !p.inCell(n.Pos()) || p.cellOffset(n.Pos()) < p.earlierEnd {
			return len(out) == 0
		}
		switch n := n.(type) {
		case *ast.TypeAssertExpr:
			if n.Type == nil {
				return true
			}
			_, inst := ast.Unparen(n.Type).(*ast.IndexListExpr)
			if multiParamPtr(n.Type) || inst && inGeneric(n) {
				refuse(n.Type, "an assertion to")
			}
		case *ast.TypeSwitchStmt:
			for _, c := range n.Body.List {
				for _, t := range c.(*ast.CaseClause).List {
					_, inst := ast.Unparen(t).(*ast.IndexListExpr)
					if multiParamPtr(t) || inst && inGeneric(n) {
						refuse(t, "a type switch's case")
					}
				}
			}
		case *ast.CallExpr:
			if tv, ok := m.info.Types[n.Fun]; ok && tv.IsType() && multiParamPtr(n.Fun) {
				refuse(n.Fun, "a conversion to")
			}
		case *ast.ValueSpec:
			if n.Type != nil && len(n.Values) == 0 && multiParamPtr(n.Type) {
				if len(n.Names) > 1 {
					refuse(n.Type, "several variables declared at once of")
					return false
				}
				if p.nilInits == nil {
					p.nilInits = map[*ast.ValueSpec]bool{}
				}
				p.nilInits[n] = true
			}
		}
		return true
	})
	return out[:min(len(out), 1)]
}
