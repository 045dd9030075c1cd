package cell

import (
	"fmt"
	"go/ast"
	"go/types"
)

// checkSwitchTwins refuses a type switch on an interface in which a case
// of a type declared in a cell comes before a case of a compiled type of
// its representation (case Celsius before case float64, with type
// Celsius float64). yaegi v0.16.1 matches a compiled value (2.5) to the
// cell type's case: the check of that case when it runs panics only
// where two cell types share the representation, and the value carries
// no type to tell it by. (In the other order the compiled case's check
// panics for every value of that representation, never a wrong case.)
func checkSwitchTwins(m *model, s *ast.TypeSwitchStmt) *refusal {
	var x ast.Expr
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		x = a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		x = a.X.(*ast.TypeAssertExpr).X
	}
	if xt := m.info.Types[x].Type; invalid(xt) || !types.IsInterface(xt) {
		return nil
	}
	var cells []ast.Expr // the cases of cell types so far
	for _, cc := range s.Body.List {
		for _, e := range cc.(*ast.CaseClause).List {
			t := m.info.Types[e].Type
			if invalid(t) || types.IsInterface(t) || isUntypedNil(t) || mentionsTypeParam(t) {
				continue
			}
			if mentionsCellType(t, map[types.Type]bool{}) {
				if _, named := types.Unalias(t).(*types.Named); !named && !declaredInCell(t) {
					// (a pointer to a cell type is checked by its type,
					// where it has methods: checkSwitchShapes)
					for _, c := range cells {
						ct := m.info.Types[c].Type
						if _, cNamed := types.Unalias(ct).(*types.Named); !cNamed && !declaredInCell(ct) && !types.Identical(ct, t) && repr(ct, nil) == repr(t, nil) {
							return &refusal{e.Pos(), fmt.Sprintf("the type switch's cases %s and %s have one representation in the interpreter (types declared in cells with the same fields or underlying type have no runtime type of their own), so it cannot tell their values apart; switch on values of the element types (case user: and case customer: on one element), or give the types different shapes",
								types.ExprString(c), types.ExprString(e))}
						}
					}
				}
				cells = append(cells, e)
				continue
			}
			for _, c := range cells {
				if repr(m.info.Types[c].Type, nil) == repr(t, nil) {
					return &refusal{c.Pos(), fmt.Sprintf("the type switch's case %s comes before case %s, which has its representation: the interpreter cannot tell a %[2]s value from a %[1]s (a type declared in a cell has no runtime type of its own behind an interface), so it would take case %[1]s; put case %[2]s first (a value of that representation then stops with a message, never a wrong case), or give %[1]s a shape of its own (type Celsius struct{ Deg float64 })",
						types.ExprString(c), types.ExprString(e))}
				}
			}
		}
	}
	return nil
}
