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
	// x is the static type of the asserted value, as source: the func
	// literal takes it as it is (an error passed as an any loses the
	// cell type inside to the interpreter's assertions)
	x string
	// impls are the cell types that implement I, as source, whose
	// representation no other type of the session has: a value that
	// asserts to one of them is one of them
	impls []string
	// lost are the cell types that implement I whose representation
	// another type may have (another cell type, a compiled number): an
	// assertion to them cannot tell the two apart, so a match panics
	lost []string
	// ptrOnly are the cell types whose pointer implements I and whose
	// value does not (Rect, with func (r *Rect) Scale), each with Go's
	// message for the failed assertion: the interpreter gives a value
	// its pointer's methods, and its own assertion said true (or
	// panicked)
	ptrOnly [][2]string
	// methods are I's method names, comma-separated, for the runtime's
	// check of compiled values
	methods string
	// compiled is set for an interface of a compiled package (error,
	// fmt.Stringer), which the interpreter asserts compiled values to
	// right: no runtime check follows its own assertion, and the cell
	// types of a representation others share are left to it
	compiled bool
}

// checkIfaceAssert returns the ifaceAssert of x.(typ), and whether it is
// one: typ is an interface with methods declared in the cells, or one of
// a compiled package that a cell type implements or that is asserted in
// the comma-ok form (commaOK), and x an interface that does not always
// hold a typ. (yaegi v0.16.1 panics, "call of reflect.Value.Type on zero
// Value", for v, ok := x.(error) where x is nil: Go says false.)
func (p *parse) checkIfaceAssert(m *model, x, typ ast.Expr, commaOK bool) (ifaceAssert, bool) {
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
	// error, fmt.Stringer: the interpreter asserts compiled values to
	// them right, and values of cell types as it does to a cell's
	// interface (x.(fmt.Stringer) of var x any = Ci{1} said false)
	compiled := false
	if n, ok := types.Unalias(t).(*types.Named); ok && !declaredInCell(n) {
		compiled = true
	}
	s, e := p.span(typ)
	a := ifaceAssert{iface: p.src[s:e], x: typeSrc(m, xt), compiled: compiled}
	var names []string
	for i := 0; i < iface.NumMethods(); i++ {
		names = append(names, iface.Method(i).Name())
	}
	a.methods = strings.Join(names, ",")
	cells := cellTypes(m)
	q := types.RelativeTo(m.pkg)
	for _, c := range cells {
		if !types.Implements(c, iface) {
			if _, isPtr := types.Unalias(c).(*types.Pointer); !isPtr && structShape(c) && sameShape(c, cells) == nil &&
				types.Implements(types.NewPointer(c), iface) && types.AssignableTo(c, xt) {
				missing, _ := types.MissingMethod(c, iface, true)
				a.ptrOnly = append(a.ptrOnly, [2]string{types.TypeString(c, q), fmt.Sprintf("interface conversion: %s is not %s: missing method %s",
					goTypeName(m, c), goTypeName(m, t), missing.Name())})
			}
			continue
		}
		name := types.TypeString(c, q)
		switch {
		case sameShape(c, cells) == nil && structShape(c):
			a.impls = append(a.impls, name)
		case !compiled:
			a.lost = append(a.lost, name)
		}
	}
	if compiled && len(a.impls) == 0 && !commaOK {
		return ifaceAssert{}, false
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
		fmt.Fprintf(&b, "func(%s %s) (%s, bool) { ", x, a.x, a.iface)
	} else {
		fmt.Fprintf(&b, "func(%s %s) %s { ", x, a.x, a.iface)
	}
	for _, t := range a.impls {
		ret := v
		if a.compiled {
			// the interpreter's wrapper, with the value kept beside it
			// (HelperRemember); a nil pointer would make it nil
			const r = HelperTemp + "_r"
			if strings.HasPrefix(t, "*") {
				fmt.Fprintf(&b, "if %[1]s, %[2]s := %[3]s.(%[4]s); %[2]s && %[1]s == nil { panic(%[5]s) }; ", v, ok, x, t,
					strconv.Quote(expr+": "+nilIfaceMessage(t, a.iface)))
			}
			fmt.Fprintf(&b, "if %[1]s, %[2]s := %[3]s.(%[4]s); %[2]s { var %[5]s %[6]s = %[1]s; %[7]s(%[5]s, %[3]s); ", v, ok, x, t, r, a.iface, HelperRemember)
			ret = r
		} else {
			fmt.Fprintf(&b, "if %[1]s, %[2]s := %[3]s.(%[4]s); %[2]s { ", v, ok, x, t)
		}
		if commaOK {
			fmt.Fprintf(&b, "return %s, true }; ", ret)
		} else {
			fmt.Fprintf(&b, "return %s }; ", ret)
		}
	}
	for _, c := range a.ptrOnly {
		if commaOK {
			fmt.Fprintf(&b, "if _, %[1]s := %[2]s.(%[3]s); %[1]s { var %[4]s %[5]s; return %[4]s, false }; ", ok, x, c[0], v, a.iface)
		} else {
			fmt.Fprintf(&b, "if _, %[1]s := %[2]s.(%[3]s); %[1]s { panic(%[4]s) }; ", ok, x, c[0], strconv.Quote(c[1]))
		}
	}
	for _, t := range a.lost {
		fmt.Fprintf(&b, "if _, %[1]s := %[2]s.(%[3]s); %[1]s { %[4]s(%[5]s, %[6]s) }; ", ok, x, t, HelperLost, strconv.Quote(expr), strconv.Quote(t))
	}
	switch {
	case a.compiled && commaOK:
		fmt.Fprintf(&b, "if %[3]s == nil { var %[1]s %[4]s; return %[1]s, false }; %[1]s, %[2]s := %[3]s.(%[4]s); return %[1]s, %[2]s }", v, ok, x, a.iface)
	case a.compiled:
		fmt.Fprintf(&b, "return %s.(%s) }", x, a.iface)
	case commaOK:
		fmt.Fprintf(&b, "%[1]s, %[2]s := %[3]s.(%[4]s); if !%[2]s { %[5]s(%[3]s, %[6]s, %[7]s) }; return %[1]s, %[2]s }", v, ok, x, a.iface, HelperMissed, strconv.Quote(a.methods), strconv.Quote(expr))
	default:
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
// interface, must be checked when it runs: yaegi v0.16.1 asserts by the
// representation, and another type has typ's: for typ of a compiled
// package (float64), a type declared in the cells (type Celsius float64:
// any(Celsius(20)).(float64) is true to it); for typ declared in a cell,
// another cell type of its shape. A match is then checked against the
// session's types (HelperShape), which panics where the representation
// may be two types'; compiled says typ is not a cell type, so one cell
// type of its representation is one too many. A type switch's case of a
// cell type is always checked (a later cell may declare another of its
// shape); an assertion to a compiled type where a cell type has its
// representation now.
//
// An assertion to a cell type of a basic representation on an any that
// holds a compiled value of it (any(2.5).(Celsius)) is not checked: the
// check would panic for every Celsius too, which is what such assertions
// almost always hold (docs/known-limits.md).
func checkShapeAssert(m *model, x, typ ast.Expr, inSwitch bool) (compiled, ok bool) {
	if typ == nil || m.pkg == nil {
		return false, false
	}
	t, xt := m.info.Types[typ].Type, m.info.Types[x].Type
	if invalid(t) || invalid(xt) || types.IsInterface(t) || !types.IsInterface(xt) || mentionsTypeParam(t) || mentionsTypeParam(xt) {
		return false, false
	}
	if _, named := types.Unalias(t).(*types.Named); !named && !declaredInCell(t) && mentionsCellType(t, map[types.Type]bool{}) {
		// a slice, map, array, pointer or chan of a cell type ([]user):
		// it has the representation of the same composite of every cell
		// type of its element's shape ([]customer), which the value
		// carries no name to tell apart from; HelperShape checks the
		// parts of a match when it runs
		return false, isEmptyIface(xt)
	}
	if declaredInCell(t) {
		// a type switch's case on an any is checked whatever the cells
		// declare now (a later cell may declare another type of t's
		// shape, which an any may hold), at the cost of a call where it
		// matches; a lone assertion, which would cost a func literal
		// each time (18 times yaegi's own, see BENCHMARKS.md), and one
		// on an interface with methods, which only the types that have
		// them may be held by, are refused where the clash is known now
		// (checkAssertShape)
		return false, inSwitch && isEmptyIface(xt)
	}
	compiled = true
	key := shape(t, nil)
	for _, c := range holdable(cellTypes(m), xt) {
		if _, ptr := types.Unalias(c).(*types.Pointer); !ptr && shape(c, nil) == key && !types.Identical(c, t) {
			return compiled, true
		}
	}
	return false, false
}

// shapeAssert is an assertion recorded by checkShapeAssert: whether the
// type asserted is compiled, and the asserted value's static type as
// source (see ifaceAssert.x).
type shapeAssert struct {
	compiled bool
	x        string
}

// typeSrc writes t, the static type of an asserted value, as the func
// literal of a rewritten assertion takes it: a compiled interface with
// methods (error, fmt.Stringer) as it is, as yaegi v0.16.1 finds a cell
// type inside only so; any for the others (yaegi found a value of an
// interface the cells declare, passed as such to a func literal, nil),
// and where the model does not have t.
func typeSrc(m *model, t types.Type) string {
	if invalid(t) || isEmptyIface(t) || declaredInCell(t) {
		return "any"
	}
	if _, named := types.Unalias(t).(*types.Named); !named {
		return "any" // an interface literal
	}
	if ts, ok := m.typeString(t); ok {
		return ts
	}
	return "any" // (a package the cell does not import by that name)
}

// shapeCheck is the call of HelperShape that checks what x, matched by
// an assertion (expr, as the cell wrote it), holds.
func shapeCheck(x string, compiled bool, expr string) string {
	return fmt.Sprintf("%s(%s, %t, %s)", HelperShape, x, compiled, strconv.Quote(expr))
}

// shapeAssertEdit writes the recorded assertion ta as a call of a func
// literal that asserts and checks a match (shapeCheck).
func (p *parse) shapeAssertEdit(ta *ast.TypeAssertExpr, sa shapeAssert) edit {
	const x, v, ok = HelperTemp + "_x", HelperTemp + "_v", HelperTemp + "_ok"
	compiled := sa.compiled
	return p.assertCallEdit(ta, func(typ, expr string) string {
		if p.commaOK[ta] {
			return fmt.Sprintf("func(%[1]s %[6]s) (%[2]s, bool) { %[3]s, %[4]s := %[1]s.(%[2]s); if %[4]s { %[5]s }; return %[3]s, %[4]s }", x, typ, v, ok, shapeCheck(x, compiled, expr), sa.x)
		}
		return fmt.Sprintf("func(%[1]s %[5]s) %[2]s { %[3]s := %[1]s.(%[2]s); %[4]s; return %[3]s }", x, typ, v, shapeCheck(x, compiled, expr), sa.x)
	})
}

// assertCallEdit writes the assertion ta as a call, with ta's operand, of
// the func literal that lit writes for the type asserted and the
// assertion, as the cell wrote them.
func (p *parse) assertCallEdit(ta *ast.TypeAssertExpr, lit func(typ, expr string) string) edit {
	s, e := p.span(ta)
	xs, xe := p.span(ta.X)
	ts, te := p.span(ta.Type)
	return edit{s, e, lit(p.src[ts:te], p.src[s:e]) + "(" + p.rewrite(xs, xe, ta.X) + ")"}
}

// checkIdentity returns the name the interpreter gives typ ("main.Dog",
// "*main.Dog") when x.(typ), which may match another cell type of typ's
// shape (checkAssertShape finds one now; a later cell may declare one),
// can be checked by the type the interpreter keeps beside a value of a
// type with methods (HelperIs): typ is not an interface, has methods, is
// declared at the top level of the cells and is not generic, and x is an
// any or an interface the cells declare (an error keeps only its Error
// method behind the interpreter's wrapper, not the type). A value stored
// without its type makes the check panic when it runs where another of
// the session's types has its representation.
func checkIdentity(m *model, x, typ ast.Expr) (string, bool) {
	if typ == nil || m.pkg == nil {
		return "", false
	}
	t, xt := m.info.Types[typ].Type, m.info.Types[x].Type
	if invalid(t) || invalid(xt) || types.IsInterface(t) || !types.IsInterface(xt) || !isEmptyIface(xt) && !declaredInCell(xt) {
		return "", false
	}
	if !topLevelWithMethods(m, t) {
		return "", false
	}
	return goTypeName(m, t), true
}

// goTypeName is t as Go's runtime prints it in a program: main.Dog,
// *main.Dog, interface {}.
func goTypeName(m *model, t types.Type) string {
	if isEmptyIface(t) {
		return "interface {}"
	}
	return types.TypeString(t, func(p *types.Package) string {
		if p == m.pkg {
			return "main"
		}
		return p.Path()
	})
}

// topLevelWithMethods reports whether t, or the type t points to, is a
// type the cells declare at their top level, not generic, and t has
// methods: the interpreter then keeps its name beside a value held by an
// interface (where it keeps the value as it is, not its bare
// representation).
func topLevelWithMethods(m *model, t types.Type) bool {
	elem := t
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		elem = p.Elem()
	}
	n, ok := types.Unalias(elem).(*types.Named)
	return ok && n.Obj().Parent() == m.pkg.Scope() && n.TypeParams().Len() == 0 && n.TypeArgs().Len() == 0 &&
		types.NewMethodSet(t).Len() > 0
}

// identityCall is the call of HelperIs that checks the interface
// variable v, which an assertion (expr, as the cell wrote it) to the type
// the interpreter names typ matched: must panics on a mismatch, as x.(T)
// does, with static (the operand's type) in the message.
func identityCall(v, typ, static string, must bool, expr string) string {
	return fmt.Sprintf("%s(&%s, %s, %s, %t, %s)", HelperIs, v, strconv.Quote(typ), strconv.Quote(static), must, strconv.Quote(expr))
}

// identityAssert is an assertion recorded by checkIdentity: the name the
// interpreter gives the type asserted, the asserted value's static type
// as source (see ifaceAssert.x) and as Go prints it.
type identityAssert struct {
	typ, x, static string
}

// identityAssertEdit writes the recorded assertion ta as a call of a func
// literal that asserts and checks a match (identityCall).
func (p *parse) identityAssertEdit(ta *ast.TypeAssertExpr, a identityAssert) edit {
	const x, v, ok = HelperTemp + "_x", HelperTemp + "_v", HelperTemp + "_ok"
	return p.assertCallEdit(ta, func(typ, expr string) string {
		if p.commaOK[ta] {
			return fmt.Sprintf("func(%[1]s %[2]s) (%[3]s, bool) { %[4]s, %[5]s := %[1]s.(%[3]s); if %[5]s && !%[6]s { var %[7]s %[3]s; return %[7]s, false }; return %[4]s, %[5]s }",
				x, a.x, typ, v, ok, identityCall(x, a.typ, a.static, false, expr), HelperTemp+"_z")
		}
		return fmt.Sprintf("func(%[1]s %[2]s) %[3]s { %[4]s := %[1]s.(%[3]s); %[5]s; return %[4]s }",
			x, a.x, typ, v, identityCall(x, a.typ, a.static, true, expr))
	})
}
