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
		return &refusal{b.OpPos, fmt.Sprintf("comparing values of %s, whose %s is an interface that may hold a type declared in a cell with methods or of another type's representation, gives the wrong result in the interpreter; compare the fields or elements one by one",
			types.TypeString(t, types.RelativeTo(m.pkg)), f)}
	}
	return nil
}

// nestedIface returns the field or element path ("field A", "element")
// of the first interface inside the struct or array type t that may hold
// a cell type with methods, or one without whose representation another
// type it may hold has (W{P{1}} == W{Q{1}} was true), or "".
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
		hs := holdable(append(cellTypes(m), looseTypes(m)...), u)
		for _, c := range hs {
			if hasMethods(c) {
				return true
			}
			// a type without methods whose representation another type
			// the interface may hold has (compared alike, nested or not)
			if sameShape(c, hs) != nil || isEmptyIface(u) && !structShape(c) && !isPointer(c) {
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

// assertable reports whether assertions to the cell types cands tell the
// values of an operand of type t apart, for naming their dynamic type
// (%T, %#v): no two of them have one shape and, if t is an interface
// without methods, each is a pointer or a struct, a representation that
// no compiled value has (an unnamed struct of the same fields aside, the
// exception docs/known-limits.md lists). A compiled float64 looks like a
// cell's type Celsius float64 behind an any.
func assertable(t types.Type, cands []types.Type) bool {
	if iface, ok := t.Underlying().(*types.Interface); ok && iface.NumMethods() == 0 {
		for _, c := range cands {
			_, ptr := types.Unalias(c).(*types.Pointer)
			_, strct := c.Underlying().(*types.Struct)
			if !ptr && !strct {
				return false
			}
		}
	}
	return uniqueShapes(types.NewPointer(t), cands, cands) // (a pointer: only the shapes are compared)
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
// type, which the model knew (anywhere in the cell: a program's main
// comes before the types it uses, and is rewritten before their items
// are made).
func (p *parse) typeGen() int {
	gen := p.opts.TypeGen
	for _, d := range p.ast.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
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
	if _, ok := p.ifaceMethodExpr(sel); ok {
		return nil // the model's: the method expression is a func literal
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

// ifaceMethodExpr writes a method expression of an interface type, I.M,
// as the func literal it means, func(r I, a A) R { return r.M(a) }, from
// the model: yaegi v0.16.1 has no such method expressions (I.M passed as
// a func(I) R: "cannot use type func() R as type func(I) R"; called:
// "too many arguments").
func (p *parse) ifaceMethodExpr(x *ast.SelectorExpr) (string, bool) {
	m := p.typeModel()
	if m == nil {
		return "", false
	}
	sel := m.info.Selections[x]
	if sel == nil || sel.Kind() != types.MethodExpr || !types.IsInterface(sel.Recv()) {
		return "", false
	}
	sig, ok := m.info.Types[x].Type.(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return "", false
	}
	l, ok := m.funcLit(sig)
	if !ok {
		return "", false
	}
	return l.calling(l.args[0]+"."+x.Sel.Name, l.args[1:]), true
}

// litParts are the parts of a func literal of a signature that passes its
// parameters on to a call (funcLit).
type litParts struct {
	params, args []string // "__gocurve_t_a0 int", ...; "__gocurve_t_a0", ... ("...": variadic)
	results      string   // "", " int" or " (int, error)"
}

// funcLit writes the parts of a func literal of type sig, or false where
// a type cannot be written in the cell.
func (m *model) funcLit(sig *types.Signature) (litParts, bool) {
	var l litParts
	n := sig.Params().Len()
	for i, v := range slices.Collect(sig.Params().Variables()) {
		t := v.Type()
		name := fmt.Sprintf("%s_a%d", HelperTemp, i)
		arg, dots := name, ""
		if sig.Variadic() && i == n-1 {
			t = t.(*types.Slice).Elem()
			arg, dots = name+"...", "..."
		}
		ts, ok := m.typeString(t)
		if !ok {
			return l, false
		}
		l.params, l.args = append(l.params, name+" "+dots+ts), append(l.args, arg)
	}
	var results []string
	for v := range sig.Results().Variables() {
		ts, ok := m.typeString(v.Type())
		if !ok {
			return l, false
		}
		results = append(results, ts)
	}
	switch len(results) {
	case 0:
	case 1:
		l.results = " " + results[0]
	default:
		l.results = " (" + strings.Join(results, ", ") + ")"
	}
	return l, true
}

// calling is the func literal that calls fun with args and returns what
// it returns.
func (l litParts) calling(fun string, args []string) string {
	ret := ""
	if l.results != "" {
		ret = "return "
	}
	return fmt.Sprintf("func(%s)%s { %s%s(%s) }", strings.Join(l.params, ", "), l.results, ret, fun, strings.Join(args, ", "))
}

// declaresInterface reports whether// declaresInterface reports whether the cell declares name as an
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
