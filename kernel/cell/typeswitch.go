package cell

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// checkTypeSwitch records a type switch that has a case of a type
// declared in a cell, an interface case where the value may hold one, or
// a case error (which misses compiled errors):
// yaegi v0.16.1's type switch misses such cases (without a bound name for
// a struct type without methods behind any, with one for a type with
// methods; behind a compiled interface such as error always), where a
// comma-ok assertion gets them right. typeSwitchEdits writes the switch
// as a switch on comma-ok assertions. A switch with an init statement
// is refused: there is no place for t beside it.
//
// A case of a cell type with methods (outside a generic func) is checked
// by the value's type (checkIdentity) whether or not another cell type
// has its shape now: a later cell may declare one.
func (p *parse) checkTypeSwitch(m *model, s *ast.TypeSwitchStmt, generic bool) *refusal {
	x := typeSwitchTag(s)
	xt := m.info.Types[x].Type
	if _, id := ast.Unparen(x).(*ast.Ident); invalid(xt) && id && m.pkg != nil {
		// a variable of the cell's top level in a func the cell declares
		// (the model leaves both to the interpreter): an interface, as
		// its type is switched on
		xt = types.NewInterfaceType(nil, nil)
	}
	if invalid(xt) || m.pkg == nil || mentionsTypeParam(xt) {
		return nil
	}
	need := false
	for _, cc := range s.Body.List {
		for _, e := range cc.(*ast.CaseClause).List {
			t := typeOf(m, e)
			if t == nil {
				continue
			}
			if mentionsTypeParam(t) {
				return nil
			}
			if declaredInCell(t) && !types.IsInterface(t) || types.IsInterface(t) && !isNilIdent(e) && len(holdable(cellTypes(m), xt)) > 0 {
				need = true
			}
			if types.Identical(t, types.Universe.Lookup("error").Type()) {
				need = true // yaegi's case error misses compiled errors
			}
			if typ, ok := checkIdentity(m, x, e); ok && !generic {
				need = true
				if p.identCases == nil {
					p.identCases = map[ast.Expr]string{}
				}
				p.identCases[e] = typ
			} else if open, ok := checkShapeAssert(m, x, e, true); ok {
				need = true
				if p.shapeCases == nil {
					p.shapeCases = map[ast.Expr]bool{}
				}
				p.shapeCases[e] = open
			}
			if a, ok := p.checkIfaceAssert(m, x, e, false); ok {
				need = true
				if p.ifaceCases == nil {
					p.ifaceCases = map[ast.Expr]ifaceAssert{}
				}
				p.ifaceCases[e] = a
			}
		}
	}
	if !need {
		return nil
	}
	if s.Init != nil {
		return &refusal{s.Init.Pos(), "a type switch with an init statement on a value that may hold a type declared in a cell, or with a case error, cannot run right in the interpreter; put the init statement before the switch"}
	}
	if p.typeSwitches == nil {
		p.typeSwitches = map[*ast.TypeSwitchStmt]bool{}
	}
	p.typeSwitches[s] = true
	return nil
}

// typeSwitchEdits writes a type switch recorded by checkTypeSwitch
//
//	switch v := x.(type) { case A: ...; case B, nil: ...; default: ... }
//
// as a switch on comma-ok assertions of x, kept in a variable t,
//
//	switch t := x; { case is A: { v := t.(A); ... }; case is B || t == nil: { v := t; ... }; default: { v := t; ... } }
//
// with every clause on its own lines; break still leaves the switch.
func (p *parse) typeSwitchEdits(s *ast.TypeSwitchStmt) []edit {
	x := typeSwitchTag(s)
	xs, xe := p.span(x)
	t := fmt.Sprintf("__gocurve_ts%d", xs)
	var eds []edit
	as, bound := s.Assign.(*ast.AssignStmt)
	as0 := p.cellOffset(s.Assign.Pos())
	eds = append(eds, edit{as0, xs, p.spaceBefore(as0) + t + " := "}, edit{xe, p.cellOffset(s.Assign.End()), ";"})
	name := ""
	if bound {
		name = as.Lhs[0].(*ast.Ident).Name
	}
	for _, st := range s.Body.List {
		cc := st.(*ast.CaseClause)
		for i, e := range cc.List {
			es, ee := p.span(e)
			if i > 0 {
				prev := p.cellOffset(cc.List[i-1].End())
				c := prev + strings.IndexByte(p.src[prev:es], ',')
				eds = append(eds, edit{c, c + 1, " ||"})
			}
			if isNilIdent(e) {
				eds = append(eds, edit{es, ee, p.spaceBefore(es) + t + " == nil"})
				continue
			}
			if typ, ok := p.identCases[e]; ok {
				eds = append(eds, edit{es, es, p.spaceBefore(es) + "func() bool { _, ok := " + t + ".("},
					edit{ee, ee, "); if ok { ok = " + identityCall(t, typ, "", false, p.src[xs:xe]+".("+p.src[es:ee]+")") + " }; return ok }()"})
				continue
			}
			if open, ok := p.shapeCases[e]; ok {
				eds = append(eds, edit{es, es, p.spaceBefore(es) + "func() bool { _, ok := " + t + ".("},
					edit{ee, ee, "); if ok { " + shapeCheck(t, open, p.src[xs:xe]+".("+p.src[es:ee]+")") + " }; return ok }()"})
				continue
			}
			if a, ok := p.ifaceCases[e]; ok {
				eds = append(eds, edit{es, ee, p.spaceBefore(es) + "func() bool { _, ok := " + a.fn(true, p.src[xs:xe]+".("+p.src[es:ee]+")") + "(" + t + "); return ok }()"})
				continue
			}
			eds = append(eds, edit{es, es, p.spaceBefore(es) + "func() bool { _, ok := " + t + ".("}, edit{ee, ee, "); return ok }()"})
		}
		if name == "" || name == "_" {
			continue
		}
		colon := p.cellOffset(cc.Colon) + 1
		end := p.cellOffset(cc.End())
		bind := t
		if len(cc.List) == 1 && !isNilIdent(cc.List[0]) {
			ts, te := p.span(cc.List[0])
			bind = t + ".(" + p.src[ts:te] + ")"
			if a, ok := p.ifaceCases[cc.List[0]]; ok {
				bind = a.fn(false, p.src[xs:xe]+".("+p.src[ts:te]+")") + "(" + t + ")"
			}
		}
		eds = append(eds, edit{colon, colon, fmt.Sprintf(" { %s := %s; _ = %[1]s;", name, bind)}, edit{end, end, " }"})
	}
	return eds
}

// typeSwitchTag is x of a type switch's x.(type).
func typeSwitchTag(s *ast.TypeSwitchStmt) ast.Expr {
	if ta := typeSwitchAssert(s); ta != nil {
		return ta.X
	}
	return nil
}

// typeSwitchAssert is the x.(type) of s.
func typeSwitchAssert(s *ast.TypeSwitchStmt) *ast.TypeAssertExpr {
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		return a.Rhs[0].(*ast.TypeAssertExpr)
	case *ast.ExprStmt:
		return a.X.(*ast.TypeAssertExpr)
	}
	return nil
}

// isNilIdent reports whether e is the identifier nil.
func isNilIdent(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}
