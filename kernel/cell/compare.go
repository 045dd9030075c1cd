package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// ifaceCmp is a comparison of an interface value with a value of a type
// declared in a cell that has methods (x == T(5), err != &MyErr{}):
// yaegi v0.16.1 finds such values unequal whatever they hold. The
// comparison is rewritten as a type assertion and a comparison of two
// values of the concrete type, which is what Go's == does.
type ifaceCmp struct {
	iface, concrete ast.Expr
	typ             string // the concrete type as the cell writes it
}

// checkCompare records b as an ifaceCmp when it is one.
func (p *parse) checkCompare(m *model, b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return
	}
	bx, by := ifaceConversion(m, b.X), ifaceConversion(m, b.Y)
	x, y := m.info.Types[bx].Type, m.info.Types[by].Type
	if x == nil || y == nil {
		return
	}
	c := ifaceCmp{iface: bx, concrete: by}
	ct := y
	it := x
	switch {
	case types.IsInterface(x) && !types.IsInterface(y) && !isTypeParam(x):
	case types.IsInterface(y) && !types.IsInterface(x) && !isTypeParam(y):
		c.iface, c.concrete, ct, it = by, bx, x, y
	default:
		return
	}
	if !declaredInCell(ct) || !hasMethods(ct) || mentionsTypeParam(ct) {
		return
	}
	qual := func(pkg *types.Package) string {
		if pkg == m.pkg {
			return ""
		}
		return pkg.Name()
	}
	// The value goes through any, where yaegi's assertion to the cell type
	// works for interpreted interface types; from a compiled one (error,
	// fmt.Stringer) it works only on the static type, and not always
	// there: those comparisons are left alone (docs/known-limits.md).
	if n, ok := types.Unalias(it).(*types.Named); ok && n.Obj().Pkg() != m.pkg {
		return // error, fmt.Stringer: see the comment above
	}
	c.typ = types.TypeString(ct, qual)
	if p.cmps == nil {
		p.cmps = map[*ast.BinaryExpr]ifaceCmp{}
	}
	p.cmps[b] = c
}

// ifaceConversion returns v for a conversion of a value of a concrete
// type to an interface type, I(v) or any(v), whose comparison is v's, and
// e itself otherwise.
func ifaceConversion(m *model, e ast.Expr) ast.Expr {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(c.Args) != 1 || c.Ellipsis.IsValid() {
		return e
	}
	fun := m.info.Types[c.Fun]
	if !fun.IsType() || !types.IsInterface(fun.Type) {
		return e
	}
	if t := m.info.Types[c.Args[0]].Type; t != nil && !types.IsInterface(t) {
		return c.Args[0]
	}
	return e
}

// hasMethods reports whether t, a cell type or a pointer to one, has
// methods with a value or a pointer receiver.
func hasMethods(t types.Type) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	return types.NewMethodSet(types.NewPointer(t)).Len() > 0
}

// compareEdit writes the recorded comparison b as a type assertion.
func (p *parse) compareEdit(b *ast.BinaryExpr, c ifaceCmp) edit {
	s, e := p.span(b)
	is, ie := p.span(c.iface)
	cs, ce := p.span(c.concrete)
	neg := ""
	if b.Op == token.NEQ {
		neg = "!"
	}
	return edit{s, e, fmt.Sprintf("%sfunc(v any, c %s) bool { w, ok := v.(%s); return ok && w == c }(%s, %s)",
		neg, c.typ, c.typ, p.rewrite(is, ie, c.iface), p.rewrite(cs, ce, c.concrete))}
}

// ifaceMethodCall rewrites a call of a method expression of an interface
// type the cell declares, I.M(x, args...), into I(x).M(args...), which is
// what it means: yaegi v0.16.1 has no method expressions of interfaces
// ("too many arguments").
func (p *parse) ifaceMethodCall(c *ast.CallExpr) []edit {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || len(c.Args) == 0 || c.Ellipsis.IsValid() && len(c.Args) == 1 {
		return nil
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok || !p.declaresInterface(id.Name) {
		return nil
	}
	s, _ := p.span(id)
	as, ae := p.span(c.Args[0])
	// I.M(x, a) -> I(x).M(a), the receiver converted by passing it to a
	// func literal (yaegi's conversion expression I(x) is not callable).
	eds := []edit{{s, p.cellOffset(sel.Sel.Pos()), fmt.Sprintf("func(r %s) %s { return r }(%s).", id.Name, id.Name, p.rewrite(as, ae, c.Args[0]))}}
	if len(c.Args) > 1 {
		bs, _ := p.span(c.Args[1])
		eds = append(eds, edit{as, bs, ""})
	} else {
		eds = append(eds, edit{as, ae, ""})
	}
	return eds
}

// declaresInterface reports whether the cell declares name as an
// interface type at top level.
func (p *parse) declaresInterface(name string) bool {
	for _, d := range p.ast.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, sp := range gd.Specs {
			ts := sp.(*ast.TypeSpec)
			if _, isIface := ts.Type.(*ast.InterfaceType); isIface && ts.Name.Name == name && ts.TypeParams == nil {
				return true
			}
		}
	}
	return false
}
