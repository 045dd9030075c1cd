package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// ifaceCmp is a comparison (== or !=) with an operand of interface type
// that may hold a type declared in a cell with methods (a == b with both
// Shape, err == ErrCode(2), v != Celsius(3)), or of which the model does
// not know the dynamic type (laterCmp). yaegi v0.16.1 compares such
// values by its wrappers and finds them unequal whatever they hold. The
// comparison is rewritten into a call of HelperEqual, which compares the
// values inside the wrappers and panics with a clear message where the
// interpreter cannot tell two types apart.
//
// yaegi gives a cell type without methods no runtime type of its own
// either: it is its representation, so any(P{1}) == any(Q{1}) (two such
// struct types of one shape) or any(Celsius(2)) == 2.0 is true. Where the
// type model knows both dynamic types, such a comparison is Go's constant
// answer (differ); where an operand may hold one of two types of one
// representation, one a cell type, it is a call of HelperEqual that is
// never unique.
type ifaceCmp struct {
	// unique: no other type that the operands may hold has the
	// representation of the concrete operand's cell type, so equal values
	// mean equal types.
	unique bool
	// differ: the operands' dynamic types are known, different and of one
	// representation: == is false, whatever the values.
	differ bool
}

// operand is one side of a comparison: its static type and, where there is
// one, its expression (nil for a map's key type).
type operand struct {
	t types.Type
	e ast.Expr
}

// operandOf returns e's operand.
func operandOf(m *model, e ast.Expr) operand { return operand{m.info.Types[e].Type, e} }

// dynamic returns the type of the value o holds whatever the program's
// state: its own type when not an interface (an untyped constant's default
// type), the converted value's type for I(v) with v not an interface;
// else nil.
func (o operand) dynamic(m *model) types.Type {
	if !types.IsInterface(o.t) {
		return types.Default(o.t)
	}
	if o.e == nil {
		return nil
	}
	if inner := ifaceConversion(m, o.e); inner != o.e {
		if t := m.info.Types[inner].Type; t != nil {
			return types.Default(t)
		}
	}
	return nil
}

// checkCompare records b as an ifaceCmp when it is one.
func (p *parse) checkCompare(m *model, b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ || compiledValue(m, b.X) || compiledValue(m, b.Y) {
		return
	}
	c, ok := compareOf(m, operandOf(m, b.X), operandOf(m, b.Y))
	if !ok {
		c, ok = laterCmp(m, operandOf(m, b.X), operandOf(m, b.Y))
	}
	if ok {
		if p.cmps == nil {
			p.cmps = map[*ast.BinaryExpr]ifaceCmp{}
		}
		p.cmps[b] = c
	}
}

// checkSwitch records the cases of a switch on an interface value that
// compare it with a value that may hold a cell type with methods (as
// checkCompare), or refuses the switch when it has an init statement,
// which the rewrite would need for its own.
func (p *parse) checkSwitch(m *model, s *ast.SwitchStmt) *refusal {
	if s.Tag == nil {
		return nil
	}
	tag := operandOf(m, s.Tag)
	cases := map[ast.Expr]ifaceCmp{}
	known := false // a case compareOf records: the cells' types clash now
	for _, cc := range s.Body.List {
		for _, e := range cc.(*ast.CaseClause).List {
			if compiledValue(m, e) || compiledValue(m, s.Tag) {
				continue
			}
			if c, ok := compareOf(m, tag, operandOf(m, e)); ok {
				cases[e] = c
				known = true
			} else if c, ok := laterCmp(m, tag, operandOf(m, e)); ok {
				cases[e] = c
			}
		}
	}
	if len(cases) == 0 {
		return nil
	}
	if _, ident := ast.Unparen(s.Tag).(*ast.Ident); s.Init != nil && !ident {
		// the rewrite keeps the tag in a variable, which takes the init
		// statement's place; a variable's name is read in each case instead
		if !known {
			return &refusal{s.Init.Pos(), "a switch on an interface value with an init statement and a tag that is not a variable cannot be checked in the interpreter (a type declared in a cell may have the representation of another type it holds); put the init statement before the switch, or switch on a variable: switch v := f(); v { ... }"}
		}
		return &refusal{s.Init.Pos(), "a switch on a value that may hold a type declared in a cell with methods, with an init statement, cannot run right in the interpreter; put the init statement before the switch"}
	}
	if p.switches == nil {
		p.switches = map[*ast.SwitchStmt]map[ast.Expr]ifaceCmp{}
	}
	p.switches[s] = cases
	return nil
}

// checkErrorsIs records a call errors.Is(err, target) whose target may
// hold a type declared in a cell with methods: the compiled errors.Is
// finds yaegi's wrapper of such a value incomparable and reports false.
func (p *parse) checkErrorsIs(m *model, c *ast.CallExpr) {
	if !isPkgFunc(m, c.Fun, "errors", "Is") || len(c.Args) != 2 {
		return
	}
	cmp, ok := compareOf(m, operandOf(m, c.Args[0]), operandOf(m, c.Args[1]))
	if !ok && p.unwrapFunc(m) == "nil" {
		return
	}
	if !ok {
		// a compiled target, in a chain that may pass through the
		// Unwrap method of a cell type, which compiled errors.Is cannot call
		cmp = ifaceCmp{unique: true}
	}
	if p.errIs == nil {
		p.errIs = map[*ast.CallExpr]ifaceCmp{}
	}
	p.errIs[c] = cmp
}

// unwrapFunc is the source of a func(error) ([]error, bool) that calls
// the Unwrap method of whichever error type declared in the cells err
// holds, for the walks of errors.Is, As and AsType (the interpreter shows
// compiled code, and assertions to an interface, only a cell type's Error
// method); "nil" when no such type has one. Made once per cell.
func (p *parse) unwrapFunc(m *model) string {
	if p.unwrapSrc != "" {
		return p.unwrapSrc
	}
	var b strings.Builder
	for _, u := range unwrappers(m) {
		if u.multi {
			fmt.Fprintf(&b, "if __gocurve_u, ok := __gocurve_x.(%s); ok { return __gocurve_u.Unwrap(), true }; ", u.typ)
		} else {
			fmt.Fprintf(&b, "if __gocurve_u, ok := __gocurve_x.(%s); ok { return []error{__gocurve_u.Unwrap()}, true }; ", u.typ)
		}
	}
	p.unwrapSrc = "nil"
	if b.Len() > 0 {
		p.unwrapSrc = "func(__gocurve_x error) ([]error, bool) { " + b.String() + "return nil, false }"
	}
	return p.unwrapSrc
}

// unwrapper is an error type declared in the cells with an Unwrap method:
// the type as source, and whether Unwrap returns []error.
type unwrapper struct {
	typ   string
	multi bool
}

// unwrappers returns the error types declared in the cells that have an
// Unwrap method, Unwrap() error or Unwrap() []error.
func unwrappers(m *model) []unwrapper {
	if m.pkg == nil {
		return nil
	}
	var out []unwrapper
	errT := types.Universe.Lookup("error").Type()
	errIface := errT.Underlying().(*types.Interface)
	for _, t := range cellTypes(m) {
		if !types.Implements(t, errIface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(t, false, m.pkg, "Unwrap")
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Type().(*types.Signature)
		if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
			continue
		}
		ts := types.TypeString(t, types.RelativeTo(m.pkg))
		switch r := sig.Results().At(0).Type(); {
		case types.Identical(r, errT):
			out = append(out, unwrapper{ts, false})
		case types.Identical(r, types.NewSlice(errT)):
			out = append(out, unwrapper{ts, true})
		}
	}
	return out
}

// checkErrorsUnwrap records a call errors.Unwrap(err) in a session whose
// cell types have Unwrap methods: the compiled errors.Unwrap cannot call
// them and returned nil.
func (p *parse) checkErrorsUnwrap(m *model, c *ast.CallExpr) {
	if !isPkgFunc(m, c.Fun, "errors", "Unwrap") || len(c.Args) != 1 || p.unwrapFunc(m) == "nil" {
		return
	}
	if p.errUnwrap == nil {
		p.errUnwrap = map[*ast.CallExpr]bool{}
	}
	p.errUnwrap[c] = true
}

// unwrapLit is the func literal written for errors.Unwrap: the Unwrap
// method of the cell type err holds (nil for one that returns []error,
// as errors.Unwrap gives), else the compiled errors.Unwrap.
func (p *parse) unwrapLit() string {
	var b strings.Builder
	b.WriteString("func(__gocurve_x error) error { ")
	for _, u := range unwrappers(p.typeModel()) {
		if u.multi {
			fmt.Fprintf(&b, "if _, ok := __gocurve_x.(%s); ok { return nil }; ", u.typ)
		} else {
			fmt.Fprintf(&b, "if __gocurve_u, ok := __gocurve_x.(%s); ok { return __gocurve_u.Unwrap() }; ", u.typ)
		}
	}
	b.WriteString("return errors.Unwrap(__gocurve_x) }")
	return b.String()
}

// errorsIsEdits calls HelperErrorsIs for a call recorded by checkErrorsIs.
func (p *parse) errorsIsEdits(c *ast.CallExpr, cmp ifaceCmp) []edit {
	fs, fe := p.span(c.Fun)
	s, e := p.span(c)
	rp := p.cellOffset(c.Rparen)
	return []edit{{fs, fe, HelperErrorsIs},
		{rp, rp, fmt.Sprintf(", %s, %t, %d, %s", p.unwrapFunc(p.typeModel()), cmp.unique, p.typeGen(), strconv.Quote(p.src[s:e]))}}
}

// checkMapKey refuses key as a key of the map expression mp (an index, a
// literal's key, delete's argument) when the map is keyed by an interface
// and key may hold a type declared in a cell with methods: yaegi v0.16.1
// stores such keys by their wrappers, so equal keys are never found equal
// (a map[any] grows a second entry; a map[Shape] or map[error] panics).
func checkMapKey(m *model, mp, key ast.Expr) *refusal {
	t := m.info.Types[mp].Type
	if t == nil {
		return nil
	}
	mt, ok := t.Underlying().(*types.Map)
	if !ok {
		return nil
	}
	if !types.IsInterface(mt.Key()) {
		if f := nestedIface(m, mt.Key(), nil); f != "" {
			return &refusal{key.Pos(), fmt.Sprintf("a map keyed by %s, whose %s is an interface that may hold a type declared in a cell with methods, does not work in the interpreter: equal keys are not found equal; key the map by a string made from the value",
				types.TypeString(mt.Key(), types.RelativeTo(m.pkg)), f)}
		}
		return nil
	}
	if _, ok := compareOf(m, operand{mt.Key(), nil}, operandOf(m, key)); !ok {
		return nil
	}
	kt := m.info.Types[key].Type
	if iface, ok := mt.Key().Underlying().(*types.Interface); ok && iface.NumMethods() == 0 && types.IsInterface(kt) {
		return nil // checked when it runs (checkKeyShape): only such a value panics
	}
	if slices.ContainsFunc(holdable(cellTypes(m), kt), hasMethods) || types.IsInterface(kt) {
		return &refusal{key.Pos(), fmt.Sprintf("a map keyed by an interface (%s) with a key that may hold a type declared in a cell with methods (%s) does not work in the interpreter: equal keys are not found equal; key the map by a concrete type, or by a string made from the value",
			types.TypeString(t, types.RelativeTo(m.pkg)), types.ExprString(key))}
	}
	return &refusal{key.Pos(), fmt.Sprintf("a map keyed by an interface (%s) with a key of a type declared in a cell (%s) that has the representation of another type its keys may have does not work in the interpreter: the two types' equal keys are one key; key the map by a concrete type, or by a string made from the value",
		types.TypeString(t, types.RelativeTo(m.pkg)), types.TypeString(kt, types.RelativeTo(m.pkg)))}
}

// checkKeyShape records key, a key of the map expression mp that
// checkMapKey allowed, when the map is keyed by an interface without
// methods: what such a key holds may be a type declared in a cell that
// the interpreter keys as it keys another type (C(2) and 2.0 with type
// C float64 are one key; a type with methods is keyed by its wrapper, so
// equal keys are two), now or once a later cell declares it. The key is
// passed through HelperKey, which checks it against the session's types
// when it runs. A map with another key type costs nothing.
func (p *parse) checkKeyShape(m *model, mp, key ast.Expr) {
	t, kt := m.info.Types[mp].Type, m.info.Types[key].Type
	if _, id := ast.Unparen(mp).(*ast.Ident); invalid(t) && id && !invalid(kt) && isEmptyIface(kt) {
		// a map the model leaves to the interpreter (a variable of the
		// cell's top level in a func the cell declares) indexed by an any:
		// only a map keyed by an empty interface takes such a key
		t = types.NewMap(kt, kt)
	}
	if t == nil || isUntypedNil(kt) || mentionsTypeParam(t) {
		return
	}
	mt, ok := t.Underlying().(*types.Map)
	if !ok {
		return
	}
	if iface, ok := mt.Key().Underlying().(*types.Interface); !ok || iface.NumMethods() > 0 {
		return
	}
	if p.mapKeys == nil {
		p.mapKeys = map[ast.Expr]bool{}
	}
	p.mapKeys[key] = true
}

// isEmptyIface reports whether t is an interface without methods.
func isEmptyIface(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	return ok && iface.NumMethods() == 0 && !isTypeParam(t)
}

// checkAsType records a call errors.AsType[E](err) with whether E is the
// only error type of its representation among the cells' types (yaegi's
// assertion err.(E) also matches another cell type of E's shape).
func (p *parse) checkAsType(m *model, c *ast.CallExpr) {
	ix, ok := ast.Unparen(c.Fun).(*ast.IndexExpr)
	if !ok || !isPkgFunc(m, ix.X, "errors", "AsType") || len(c.Args) != 1 || m.pkg == nil {
		return
	}
	e := m.info.Types[ix.Index].Type
	if e == nil {
		return
	}
	unique := true
	if declaredInCell(e) {
		errT := types.Universe.Lookup("error").Type()
		unique = uniqueShapes(errT, holdable(cellTypes(m), errT), []types.Type{e})
	}
	if p.asTypes == nil {
		p.asTypes = map[*ast.CallExpr]bool{}
	}
	p.asTypes[c] = unique
}

// checkErrorsAs records a call errors.As(err, target) whose target
// points to a type declared in a cell: the compiled errors.As cannot see
// such types behind the interpreter's wrappers, so the call is written
// with errors.AsType's walk (errorsAsEdits). A target of such a type that is
// not an error is refused, as errors.As would panic, and so is a target of
// a cell error type that is not a pointer, which the walk cannot find.
func (p *parse) checkErrorsAs(m *model, c *ast.CallExpr) *refusal {
	t := m.info.Types[c.Args[1]].Type
	ptr, ok := t.(*types.Pointer)
	if !ok || types.IsInterface(ptr.Elem()) || m.pkg == nil {
		return nil
	}
	e := ptr.Elem()
	errT := types.Universe.Lookup("error").Type()
	if !declaredInCell(e) {
		// a compiled target (*strconv.NumError): the compiled errors.As
		// cannot call the Unwrap method of a cell type on the chain, and
		// said false; the interpreted walk does
		if !types.Implements(e, errT.Underlying().(*types.Interface)) || mentionsTypeParam(e) || p.unwrapFunc(m) == "nil" {
			return nil
		}
		if p.errAs == nil {
			p.errAs = map[*ast.CallExpr]errorsAs{}
		}
		p.errAs[c] = errorsAs{elem: types.TypeString(e, types.RelativeTo(m.pkg)), unique: true}
		return nil
	}
	if !types.Implements(e, errT.Underlying().(*types.Interface)) {
		return &refusal{c.Args[1].Pos(), fmt.Sprintf("errors.As: the target's type %s does not implement error", types.TypeString(e, types.RelativeTo(m.pkg)))}
	}
	if !isPointer(e) {
		// the interpreter finds a cell error type behind its wrappers
		// only through a pointer
		return &refusal{c.Args[1].Pos(), fmt.Sprintf("errors.As into a %s, an error type declared in a cell that is not a pointer, does not work in the interpreter; give it a pointer receiver and use a *%[1]s target (var t *%[1]s; errors.As(err, &t)), or use sentinel errors with errors.Is",
			types.TypeString(e, types.RelativeTo(m.pkg)))}
	}
	if p.errAs == nil {
		p.errAs = map[*ast.CallExpr]errorsAs{}
	}
	p.errAs[c] = errorsAs{
		elem:   types.TypeString(e, types.RelativeTo(m.pkg)),
		unique: uniqueShapes(errT, holdable(cellTypes(m), errT), []types.Type{e}),
	}
	return nil
}

// errorsAs is a call of errors.As recorded by checkErrorsAs: the target's
// element type as source, and whether it is the only error type of its
// representation.
type errorsAs struct {
	elem   string
	unique bool
}

// errorsAsEdits writes a call recorded by checkErrorsAs as a call of a
// func literal that takes errors.As's operands in their order and asks
// HelperAsTypeU (yaegi v0.16.1 cannot compile a generic helper taking *E
// that calls another generic one).
func (p *parse) errorsAsEdits(c *ast.CallExpr, a errorsAs) []edit {
	fs, fe := p.span(c.Fun)
	s, e := p.span(c)
	lit := fmt.Sprintf("func(__gocurve_e error, __gocurve_t *%[1]s) bool { __gocurve_v, __gocurve_ok := %[2]s[%[1]s](__gocurve_e, %[6]s, %[3]t, %[4]d, %[5]s); if __gocurve_ok { *__gocurve_t = __gocurve_v }; return __gocurve_ok }",
		a.elem, HelperAsTypeU, a.unique, p.typeGen(), strconv.Quote(p.src[s:e]), p.unwrapFunc(p.typeModel()))
	return []edit{{fs, fe, lit}}
}

// asTypeEdits calls HelperAsTypeU for a call recorded by checkAsType.
func (p *parse) asTypeEdits(c *ast.CallExpr, unique bool) []edit {
	ix := ast.Unparen(c.Fun).(*ast.IndexExpr)
	fs, fe := p.span(ix.X)
	s, e := p.span(c)
	rp := p.cellOffset(c.Rparen)
	return []edit{{fs, fe, HelperAsTypeU},
		{rp, rp, fmt.Sprintf(", %s, %t, %d, %s", p.unwrapFunc(p.typeModel()), unique, p.typeGen(), strconv.Quote(p.src[s:e]))}}
}

// checkAssertShape refuses x.(T), T a type declared in a cell, when x
// may hold another cell type of T's shape: yaegi v0.16.1 asserts by the
// representation, so x.(ErrCode) succeeds for an Other of the same
// underlying type.
func checkAssertShape(m *model, x, typ ast.Expr) *refusal {
	if typ == nil || m.pkg == nil {
		return nil // x.(type)
	}
	t, xt := m.info.Types[typ].Type, m.info.Types[x].Type
	if t == nil || xt == nil || !declaredInCell(t) || types.IsInterface(t) || mentionsTypeParam(t) {
		return nil
	}
	if o := sameShape(t, holdable(cellTypes(m), xt)); o != nil {
		return &refusal{typ.Pos(), fmt.Sprintf("the interpreter cannot tell %s from %s (declared in cells with one representation) in a type assertion: it would match either; give one of them another shape (a struct with a field), or a method that says which it is",
			types.TypeString(t, types.RelativeTo(m.pkg)), types.TypeString(o, types.RelativeTo(m.pkg)))}
	}
	return nil
}

// checkAssertIface refuses x.(I), I an interface, when x's static type is
// an interface of a compiled package with methods (error, fmt.Stringer)
// and x may hold a type declared in a cell that implements I: yaegi
// v0.16.1 keeps such a value behind a wrapper with the methods of x's
// type only, so the assertion would say false where Go says true. (Held
// in an any or in an interface declared in a cell, the value keeps its
// methods.)
func checkAssertIface(m *model, x, typ ast.Expr) *refusal {
	if typ == nil || m.pkg == nil {
		return nil
	}
	t, xt := m.info.Types[typ].Type, m.info.Types[x].Type
	if t == nil || xt == nil || !types.IsInterface(t) || !types.IsInterface(xt) || mentionsTypeParam(t) {
		return nil
	}
	xi := xt.Underlying().(*types.Interface)
	if xi.NumMethods() == 0 || declaredInCell(xt) {
		return nil
	}
	ti := t.Underlying().(*types.Interface)
	if types.Implements(xt, ti) {
		return nil // every value x holds has I's methods
	}
	for _, c := range cellTypes(m) {
		if types.Implements(c, xi) && types.Implements(c, ti) {
			q := types.RelativeTo(m.pkg)
			return &refusal{typ.Pos(), fmt.Sprintf("asserting a value of type %s to %s does not work in the interpreter for %s, a type declared in a cell: only its %s methods are seen, so the assertion says false; assert to the concrete type (x.(%[3]s)), or hold the value in an any (var a any = &T{...}) or in an interface declared in a cell",
				types.TypeString(xt, q), types.TypeString(t, q), types.TypeString(c, q), types.TypeString(xt, q))}
		}
	}
	return nil
}

// checkSwitchShapes refuses a type switch with a case of a type declared
// in a cell when the switched value may hold another cell type of that
// type's shape (see checkAssertShape), unless the case can be checked by
// the value's type (checkIdentity; not in a generic func), which it then
// records.
func (p *parse) checkSwitchShapes(m *model, s *ast.TypeSwitchStmt, generic bool) *refusal {
	var x ast.Expr
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		x = a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		x = a.X.(*ast.TypeAssertExpr).X
	}
	for _, cc := range s.Body.List {
		for _, e := range cc.(*ast.CaseClause).List {
			if r := checkAssertShape(m, x, e); r != nil {
				typ, ok := checkIdentity(m, x, e)
				if !ok || generic {
					return r
				}
				if p.identCases == nil {
					p.identCases = map[ast.Expr]string{}
				}
				p.identCases[e] = typ
			}
			if r := checkAssertIface(m, x, e); r != nil {
				return r
			}
		}
	}
	return nil
}

// sameShape returns a type of among other than t with t's shape, or nil.
func sameShape(t types.Type, among []types.Type) types.Type {
	key := shape(t, nil)
	for _, o := range among {
		if !types.Identical(o, t) && shape(o, nil) == key {
			return o
		}
	}
	return nil
}

// compiledValue reports whether e names a variable or constant of a
// compiled package (io.EOF): it never holds a cell type, so yaegi's ==
// with it is Go's (different dynamic types are unequal), and the
// comparison stays as it is, at no cost.
func compiledValue(m *model, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	switch o := m.info.Uses[sel.Sel].(type) {
	case *types.Var:
		return o.Pkg() != nil && o.Pkg() != m.pkg && !o.IsField()
	case *types.Const:
		return o.Pkg() != nil && o.Pkg() != m.pkg
	}
	return false
}

// checkNestedCompare refuses == and != of structs or arrays with a field
// or element of interface type that may hold a type declared in a cell
// with methods: yaegi compares those the way it compared the interfaces
// themselves (unequal), and the rewrite of interface comparisons cannot
// reach inside.
func checkNestedCompare(m *model, b *ast.BinaryExpr) *refusal {
	if b.Op != token.EQL && b.Op != token.NEQ || m.pkg == nil {
		return nil
	}
	t := m.info.Types[b.X].Type
	if t == nil || types.IsInterface(t) || mentionsTypeParam(t) {
		return nil
	}
	if f := nestedIface(m, t, nil); f != "" {
		return &refusal{b.OpPos, fmt.Sprintf("comparing values of %s, whose %s is an interface that may hold a type declared in a cell with methods, gives the wrong result in the interpreter; compare the fields or elements one by one",
			types.TypeString(t, types.RelativeTo(m.pkg)), f)}
	}
	return nil
}

// nestedIface returns the field or element path ("field A", "element")
// of the first interface inside the struct or array type t that may hold
// a cell type with methods, or "".
func nestedIface(m *model, t types.Type, seen map[types.Type]bool) string {
	if seen[t] {
		return ""
	}
	if seen == nil {
		seen = map[types.Type]bool{}
	}
	seen[t] = true
	holds := func(u types.Type) bool {
		if !types.IsInterface(u) || mentionsTypeParam(u) {
			return false
		}
		for _, c := range holdable(cellTypes(m), u) {
			if hasMethods(c) {
				return true
			}
		}
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if holds(f.Type()) {
				return "field " + f.Name()
			}
			if p := nestedIface(m, f.Type(), seen); p != "" {
				return "field " + f.Name() + "'s " + p
			}
		}
	case *types.Array:
		if holds(u.Elem()) {
			return "element"
		}
		if p := nestedIface(m, u.Elem(), seen); p != "" {
			return "element's " + p
		}
	}
	return ""
}

// compareOf returns the ifaceCmp of a comparison of operands x and y,
// and whether it is one.
func compareOf(m *model, x, y operand) (ifaceCmp, bool) {
	if m.pkg == nil || x.t == nil || y.t == nil || isUntypedNil(x.t) || isUntypedNil(y.t) || isTypeParam(x.t) || isTypeParam(y.t) ||
		mentionsTypeParam(x.t) || mentionsTypeParam(y.t) {
		return ifaceCmp{}, false
	}
	if !types.IsInterface(x.t) && !types.IsInterface(y.t) {
		return ifaceCmp{}, false
	}
	cells := cellTypes(m)
	hx, hy := holdable(cells, x.t), holdable(cells, y.t)
	for _, t := range hx {
		if hasMethods(t) && slices.ContainsFunc(hy, func(u types.Type) bool { return types.Identical(t, u) }) {
			return ifaceCmp{unique: uniqueShapes(x.t, hx, hy) && uniqueShapes(y.t, hy, hx)}, true
		}
	}
	// Types without methods: the interpreter compares representations.
	kx, ky := x.dynamic(m), y.dynamic(m)
	if kx != nil && ky != nil {
		if !types.Identical(kx, ky) && (declaredInCell(kx) || declaredInCell(ky)) && shape(kx, nil) == shape(ky, nil) {
			return ifaceCmp{differ: true}, true
		}
		return ifaceCmp{}, false
	}
	if kx != nil {
		hx = []types.Type{kx}
	}
	if ky != nil {
		hy = []types.Type{ky}
	}
	if shapeClash(hx, hy) || ky != nil && openClash(x.t, kx, hy) || kx != nil && openClash(y.t, ky, hx) {
		return ifaceCmp{}, true
	}
	return ifaceCmp{}, false
}

// laterCmp returns the ifaceCmp of a comparison of operands x and y that
// compareOf leaves as it is, where an operand is an interface whose
// dynamic type the model does not know (a == b, both any; v == 2.0). Its
// answer may be wrong in the interpreter though no type of the cells
// clashes now: two operands of which neither type is known may hold a cell
// type and a compiled value of one representation (C(2) and 2.0 with type
// C float64), and a type declared by a later cell may clash with what the
// comparison's func compares. Such a comparison is a call of HelperEqual
// too, whose runtime check of the representation covers both (unique is
// the model's answer as of now).
func laterCmp(m *model, x, y operand) (ifaceCmp, bool) {
	if invalid(x.t) {
		x.t = nil
	}
	if invalid(y.t) {
		y.t = nil
	}
	if m.pkg != nil && (x.t == nil) != (y.t == nil) {
		// a variable of the cell's top level in a func the cell declares,
		// which the model leaves to the interpreter, compared with an
		// interface: the helper is == for operands of any type
		_, xid := ast.Unparen(x.e).(*ast.Ident)
		_, yid := ast.Unparen(y.e).(*ast.Ident)
		if x.t == nil && xid && types.IsInterface(y.t) || y.t == nil && yid && types.IsInterface(x.t) {
			return ifaceCmp{}, true
		}
	}
	if m.pkg == nil || x.t == nil || y.t == nil || isUntypedNil(x.t) || isUntypedNil(y.t) ||
		mentionsTypeParam(x.t) || mentionsTypeParam(y.t) {
		return ifaceCmp{}, false
	}
	if !types.IsInterface(x.t) && !types.IsInterface(y.t) {
		return ifaceCmp{}, false
	}
	kx, ky := x.dynamic(m), y.dynamic(m)
	if kx != nil && ky != nil {
		return ifaceCmp{}, false // both types are known for good
	}
	cells := cellTypes(m)
	hx, hy := holdable(cells, x.t), holdable(cells, y.t)
	if kx != nil {
		hx = []types.Type{kx}
	}
	if ky != nil {
		hy = []types.Type{ky}
	}
	return ifaceCmp{unique: uniqueShapes(x.t, hx, hy) && uniqueShapes(y.t, hy, hx)}, true
}

// shapeClash reports whether two different types of a and b, one of them
// a cell type, have one representation in the interpreter.
func shapeClash(a, b []types.Type) bool {
	for _, s := range a {
		for _, t := range b {
			if !types.Identical(s, t) && (declaredInCell(s) || declaredInCell(t)) && shape(s, nil) == shape(t, nil) {
				return true
			}
		}
	}
	return false
}

// openClash reports whether an operand of the interface type t without
// methods (known nil: its dynamic type is not known) may hold a compiled
// value of the basic representation of a cell type among other (2.0 for
// a Celsius float64). It is asked only where the other operand's type is
// known (v == Celsius(2)): two operands of unknown types would make every
// comparison of two interface values equal values refuse.
func openClash(t, known types.Type, other []types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || known != nil || iface.NumMethods() > 0 {
		return false
	}
	for _, o := range other {
		if _, basic := o.Underlying().(*types.Basic); basic && declaredInCell(o) {
			if _, ptr := types.Unalias(o).(*types.Pointer); !ptr {
				return true
			}
		}
	}
	return false
}

// cellTypes returns the types declared in the cells (non-generic named
// types of package main) and pointers to them.
func cellTypes(m *model) []types.Type {
	var out []types.Type
	scope := m.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 || types.IsInterface(n) {
			continue
		}
		out = append(out, n, types.NewPointer(n))
	}
	return out
}

// assignableTo reports whether a value of the concrete type t can be held
// by an operand of type to: to is t, or an interface t implements.
func assignableTo(t, to types.Type) bool {
	if types.IsInterface(to) {
		return types.Implements(t, to.Underlying().(*types.Interface))
	}
	return types.Identical(t, to)
}

// holdable returns the cell types an operand of type t may hold.
func holdable(cells []types.Type, t types.Type) []types.Type {
	var out []types.Type
	for _, c := range cells {
		if assignableTo(c, t) {
			out = append(out, c)
		}
	}
	return out
}

// uniqueShapes reports whether equal representations of the values of an
// operand of type t, which may hold the cell types own, and of the other
// operand, which may hold other, mean equal types: no two different types
// of the two lists have one shape, and, if t is an interface without
// methods (which may hold compiled values of any representation), the
// other holds only pointers to cell types.
func uniqueShapes(t types.Type, own, other []types.Type) bool {
	if iface, ok := t.Underlying().(*types.Interface); ok && iface.NumMethods() == 0 {
		for _, o := range other {
			if _, ptr := types.Unalias(o).(*types.Pointer); !ptr {
				return false
			}
		}
	}
	for _, a := range own {
		for _, b := range other {
			if !types.Identical(a, b) && shape(a, nil) == shape(b, nil) {
				return false
			}
		}
	}
	return true
}

// shape writes t as the interpreter represents it: named types declared in
// cells are replaced by their underlying types (yaegi v0.16.1 gives them
// no reflect type of their own), so two cell types of one shape have
// equal shapes.
func shape(t types.Type, seen map[*types.Named]bool) string {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.Obj().Pkg() == nil || t.Obj().Pkg().Path() != "main" {
			return types.TypeString(t, nil)
		}
		if seen[t] {
			return "(recursive)"
		}
		if seen == nil {
			seen = map[*types.Named]bool{}
		}
		seen[t] = true
		defer delete(seen, t)
		return shape(t.Underlying(), seen)
	case *types.Pointer:
		return "*" + shape(t.Elem(), seen)
	case *types.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), shape(t.Elem(), seen))
	case *types.Struct:
		s := "struct{"
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			s += fmt.Sprintf("%s %s %q;", f.Name(), shape(f.Type(), seen), t.Tag(i))
		}
		return s + "}"
	}
	return types.TypeString(t, nil)
}

// isUntypedNil reports whether t is the type of the predeclared nil.
func isUntypedNil(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.UntypedNil
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

// compareEdit writes the recorded comparison b as a call of HelperEqual.
func (p *parse) compareEdit(b *ast.BinaryExpr, c ifaceCmp) edit {
	s, e := p.span(b)
	xs, xe := p.span(b.X)
	ys, ye := p.span(b.Y)
	neg := ""
	if b.Op == token.NEQ {
		neg = "!"
	}
	if c.differ {
		return edit{s, e, fmt.Sprintf("%sfunc(any, any) bool { return false }(%s, %s)", neg, p.rewrite(xs, xe, b.X), p.rewrite(ys, ye, b.Y))}
	}
	gen := p.typeGen()
	return edit{s, e, fmt.Sprintf("%s%s(%s, %s, %t, %d, %s)", neg, HelperEqual,
		p.rewrite(xs, xe, b.X), p.rewrite(ys, ye, b.Y), c.unique, gen, strconv.Quote(p.src[s:e]))}
}

// switchEdits rewrites a switch recorded by checkSwitch: its tag is kept
// in a variable, switch x := tag; { ... }, and each case compares it, with
// HelperEqual where recorded and == elsewhere (case a, b: becomes
// case eq(x, a) || x == b:).
func (p *parse) switchEdits(s *ast.SwitchStmt, cases map[ast.Expr]ifaceCmp) []edit {
	v := HelperTemp + "_sw"
	ts, te := p.span(s.Tag)
	tag := p.src[ts:te]
	eds := []edit{{ts, ts, v + " := "}, {te, te, "; "}}
	if s.Init != nil {
		// switch x := f(); x { ... } (checkSwitch allows only a variable):
		// the cases read the variable, switch x := f(); { ... }
		v = tag
		eds = []edit{{ts, te, ""}}
	}
	gen := p.typeGen()
	for _, cc := range s.Body.List {
		list := cc.(*ast.CaseClause).List
		for i, e := range list {
			es, ee := p.span(e)
			if i > 0 {
				_, pe := p.span(list[i-1])
				eds = append(eds, edit{pe, es, " || "})
			}
			c, ok := cases[e]
			if !ok {
				// in parentheses only where needed: yaegi v0.16.1 finds
				// x == (nil) false for a nil x
				if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op.Precedence() <= token.LAND.Precedence() {
					eds = append(eds, edit{es, es, v + " == ("}, edit{ee, ee, ")"})
				} else {
					eds = append(eds, edit{es, es, v + " == "})
				}
				continue
			}
			if c.differ {
				eds = append(eds, edit{es, es, fmt.Sprintf("func(any, any) bool { return false }(%s, ", v)}, edit{ee, ee, ")"})
				continue
			}
			expr := strconv.Quote(tag + " == " + p.src[es:ee] + " (a case of a switch)")
			eds = append(eds, edit{es, es, fmt.Sprintf("%s(%s, ", HelperEqual, v)},
				edit{ee, ee, fmt.Sprintf(", %t, %d, %s)", c.unique, gen, expr)})
		}
	}
	return eds
}

// typeGen is Options.TypeGen as of this cell: one more if it declares a
// type, which the model knew.
func (p *parse) typeGen() int {
	gen := p.opts.TypeGen
	for _, it := range p.items {
		if it.Kind == Type {
			return gen + 1
		}
	}
	return gen
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
			if a, ok := p.checkIfaceAssert(m, x, e); ok {
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
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		return a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		return a.X.(*ast.TypeAssertExpr).X
	}
	return nil
}

// isNilIdent reports whether e is the identifier nil.
func isNilIdent(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}
