package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// ifaceAssert is an assertion x.(I) to an interface I declared in the
// cells (named, or a literal such as interface{ Area() float64 }), which
// yaegi v0.16.1 gets wrong: for a value of a cell type with methods that
// was stored in an interface straight from a composite literal, a
// conversion or a return (var x any = Sq{3}), x.(I) says false with no
// error; for one passed in a call it may panic inside the interpreter
// (reflect.Set: ... interp.valueInterface); a compiled value (time.Second,
// an error of fmt.Errorf) never asserts to such an I.
//
// The assertion is written as a call of a func literal that asserts x to
// each cell type that implements I first (which the interpreter answers
// right, by the value's representation) and returns it as an I; then
// asks the interpreter's own assertion, and if that says false, the
// runtime whether x is a compiled value with I's methods, which the
// interpreter cannot give as an I: it panics saying what to write.
type ifaceAssert struct {
	iface string // I as the cell wrote it
	// impls are the cell types that implement I, as source, whose
	// representation no other type of the session has: a value that
	// asserts to one of them is one of them
	impls []string
	// lost are the cell types that implement I whose representation
	// another type may have (another cell type, a compiled number): an
	// assertion to them cannot tell the two apart, so a match panics
	lost []string
	// methods are I's method names, comma-separated, for the runtime's
	// check of compiled values
	methods string
}

// checkIfaceAssert returns the ifaceAssert of x.(typ), and whether it is
// one: typ is an interface with methods declared in the cells, and x an
// interface that does not always hold a typ.
func (p *parse) checkIfaceAssert(m *model, x, typ ast.Expr) (ifaceAssert, bool) {
	if typ == nil || m.pkg == nil {
		return ifaceAssert{}, false
	}
	t, xt := m.info.Types[typ].Type, m.info.Types[x].Type
	if _, id := ast.Unparen(x).(*ast.Ident); invalid(xt) && id {
		// a variable of the cell's top level in a func the cell declares,
		// which the model leaves to the interpreter (and the func with
		// it): an interface, as it is asserted, and typ as the package
		// scope has it
		xt = types.NewInterfaceType(nil, nil)
		t = typeOf(m, typ)
	}
	if t == nil || xt == nil || mentionsTypeParam(t) || mentionsTypeParam(xt) || !types.IsInterface(xt) {
		return ifaceAssert{}, false
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 || types.Implements(xt, iface) {
		return ifaceAssert{}, false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && !declaredInCell(n) {
		return ifaceAssert{}, false // error, fmt.Stringer: the interpreter's own
	}
	s, e := p.span(typ)
	a := ifaceAssert{iface: p.src[s:e]}
	var names []string
	for i := 0; i < iface.NumMethods(); i++ {
		names = append(names, iface.Method(i).Name())
	}
	a.methods = strings.Join(names, ",")
	cells := cellTypes(m)
	q := types.RelativeTo(m.pkg)
	for _, c := range cells {
		if !types.Implements(c, iface) {
			continue
		}
		name := types.TypeString(c, q)
		if sameShape(c, cells) != nil || !structShape(c) {
			a.lost = append(a.lost, name)
		} else {
			a.impls = append(a.impls, name)
		}
	}
	return a, true
}

// typeOf returns the type e denotes: the model's, or, where the model
// does not have e (a func of the cell that uses a variable of its top
// level), e evaluated in the package scope; nil if neither has it.
func typeOf(m *model, e ast.Expr) types.Type {
	if t := m.info.Types[e].Type; !invalid(t) {
		return t
	}
	if tv, err := types.Eval(token.NewFileSet(), m.pkg, token.NoPos, types.ExprString(e)); err == nil && tv.IsType() {
		return tv.Type
	}
	return nil
}

// invalid reports whether t is no type: the model does not have the
// expression (nil), or found it invalid (an undefined name).
func invalid(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return t == nil || ok && b.Kind() == types.Invalid
}

// structShape reports whether t, a cell type or a pointer to one, is
// represented as a struct (or a pointer to one) in the interpreter: no
// compiled value of a basic type has its representation.
func structShape(t types.Type) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// fn writes the func literal that asserts its argument to a.iface: with
// commaOK, func(any) (I, bool); else func(any) I, which panics as the
// interpreter's assertion does where the value is not an I. expr is the
// assertion as the cell wrote it.
func (a ifaceAssert) fn(commaOK bool, expr string) string {
	const x, v, ok = HelperTemp + "_x", HelperTemp + "_v", HelperTemp + "_ok"
	var b strings.Builder
	if commaOK {
		fmt.Fprintf(&b, "func(%s any) (%s, bool) { ", x, a.iface)
	} else {
		fmt.Fprintf(&b, "func(%s any) %s { ", x, a.iface)
	}
	for _, t := range a.impls {
		if commaOK {
			fmt.Fprintf(&b, "if %[1]s, %[2]s := %[3]s.(%[4]s); %[2]s { return %[1]s, true }; ", v, ok, x, t)
		} else {
			fmt.Fprintf(&b, "if %[1]s, %[2]s := %[3]s.(%[4]s); %[2]s { return %[1]s }; ", v, ok, x, t)
		}
	}
	for _, t := range a.lost {
		fmt.Fprintf(&b, "if _, %[1]s := %[2]s.(%[3]s); %[1]s { %[4]s(%[5]s, %[6]s) }; ", ok, x, t, HelperLost, strconv.Quote(expr), strconv.Quote(t))
	}
	if commaOK {
		fmt.Fprintf(&b, "%[1]s, %[2]s := %[3]s.(%[4]s); if !%[2]s { %[5]s(%[3]s, %[6]s, %[7]s) }; return %[1]s, %[2]s }", v, ok, x, a.iface, HelperMissed, strconv.Quote(a.methods), strconv.Quote(expr))
	} else {
		fmt.Fprintf(&b, "%[1]s(%[2]s, %[3]s, %[4]s); return %[2]s.(%[5]s) }", HelperMissed, x, strconv.Quote(a.methods), strconv.Quote(expr), a.iface)
	}
	return b.String()
}

// ifaceAssertEdit writes the recorded assertion ta as a call of a.fn.
func (p *parse) ifaceAssertEdit(ta *ast.TypeAssertExpr, a ifaceAssert) edit {
	s, e := p.span(ta)
	xs, xe := p.span(ta.X)
	return edit{s, e, a.fn(p.commaOK[ta], p.src[s:e]) + "(" + p.rewrite(xs, xe, ta.X) + ")"}
}

// commaOKAsserts returns the type assertions of f in the comma-ok form
// (v, ok := x.(T), var v, ok = x.(T), v, ok = x.(T)).
func commaOKAsserts(f *ast.File) map[*ast.TypeAssertExpr]bool {
	out := map[*ast.TypeAssertExpr]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		var lhs int
		var rhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs, rhs = len(n.Lhs), n.Rhs
		case *ast.ValueSpec:
			lhs, rhs = len(n.Names), n.Values
		default:
			return true
		}
		if lhs == 2 && len(rhs) == 1 {
			if ta, ok := ast.Unparen(rhs[0]).(*ast.TypeAssertExpr); ok {
				out[ta] = true
			}
		}
		return true
	})
	return out
}

// checkShapeAssert reports whether x.(typ), typ a type that is not an
// interface, must be checked when it runs: a type declared in the cells
// has typ's representation, and yaegi v0.16.1 asserts by the
// representation (any(Celsius(20)).(float64) and any(20.0).(Celsius)
// are true to it, with type Celsius float64). A match is then checked
// against the session's types (HelperShape), which panics where the
// representation may be two types'; open says whether x may hold a
// compiled value (an interface without methods).
func checkShapeAssert(m *model, x, typ ast.Expr) (open, ok bool) {
	if typ == nil || m.pkg == nil {
		return false, false
	}
	t, xt := m.info.Types[typ].Type, m.info.Types[x].Type
	if invalid(t) || invalid(xt) || types.IsInterface(t) || !types.IsInterface(xt) || mentionsTypeParam(t) || mentionsTypeParam(xt) {
		return false, false
	}
	open = isEmptyIface(xt)
	key := shape(t, nil)
	for _, c := range cellTypes(m) {
		if _, ptr := types.Unalias(c).(*types.Pointer); ptr || shape(c, nil) != key {
			continue
		}
		if !types.Identical(c, t) || open && !structShape(c) {
			return open, true
		}
	}
	return false, false
}

// shapeCheck is the call of HelperShape that checks what x, matched by
// an assertion (expr, as the cell wrote it), holds.
func shapeCheck(x string, open bool, expr string) string {
	return fmt.Sprintf("%s(%s, %t, %s)", HelperShape, x, open, strconv.Quote(expr))
}

// shapeAssertEdit writes the recorded assertion ta as a call of a func
// literal that asserts and checks a match (shapeCheck).
func (p *parse) shapeAssertEdit(ta *ast.TypeAssertExpr, open bool) edit {
	const x, v, ok = HelperTemp + "_x", HelperTemp + "_v", HelperTemp + "_ok"
	s, e := p.span(ta)
	xs, xe := p.span(ta.X)
	ts, te := p.span(ta.Type)
	typ, expr := p.src[ts:te], p.src[s:e]
	var fn string
	if p.commaOK[ta] {
		fn = fmt.Sprintf("func(%[1]s any) (%[2]s, bool) { %[3]s, %[4]s := %[1]s.(%[2]s); if %[4]s { %[5]s }; return %[3]s, %[4]s }", x, typ, v, ok, shapeCheck(x, open, expr))
	} else {
		fn = fmt.Sprintf("func(%[1]s any) %[2]s { %[3]s := %[1]s.(%[2]s); %[4]s; return %[3]s }", x, typ, v, shapeCheck(x, open, expr))
	}
	return edit{s, e, fn + "(" + p.rewrite(xs, xe, ta.X) + ")"}
}
