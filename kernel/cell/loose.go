package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// Types declared inside a func's body (func f() { type point struct{…} })
// and the instances of generic types (Box[int]) are "loose": the session's
// runtime registry of types (the shapes that HelperEqual, HelperShape and
// HelperKey consult) lists only the non-generic types of the cells' top
// level, and yaegi v0.16.1 gives a loose type without methods no runtime
// type of its own, as it gives none to a top-level one. Behind an
// interface, a loose type is then its representation: any(P{1}) ==
// any(Q{1}) is true for two local types of one shape, a.(P) matches a Q,
// a case C of a local type C float64 matches a float64, and %T prints the
// structure. Where an interface operand may hold a loose type whose
// representation another type may have too, the construct is refused
// before the cell runs.

// looseTypes returns the loose types the model has (the session's
// declarations and the cell), each with a pointer to it, that are not
// interfaces.
func looseTypes(m *model) []types.Type {
	if m.pkg == nil {
		return nil
	}
	var out []types.Type
	seen := map[types.Type]bool{}
	add := func(t types.Type) {
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() != m.pkg || types.IsInterface(n) || n.TypeParams().Len() > 0 && n.TypeArgs().Len() == 0 || mentionsTypeParam(n) {
			return
		}
		for o := range seen {
			if types.Identical(o, n) {
				return
			}
		}
		seen[n] = true
		out = append(out, n, types.NewPointer(n))
	}
	// in the order of the source, so that a refusal names the same type
	// every time
	var ids []*ast.Ident
	for id, obj := range m.info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && !tn.IsAlias() && tn.Parent() != nil && tn.Parent() != m.pkg.Scope() && id.Name != "_" {
			ids = append(ids, id)
		}
	}
	for id := range m.info.Instances {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b *ast.Ident) int { return int(a.Pos()) - int(b.Pos()) })
	for _, id := range ids {
		if obj := m.info.Defs[id]; obj != nil {
			add(obj.Type())
		} else {
			add(m.info.Instances[id].Type)
		}
	}
	return out
}

// loose returns looseTypes(m), found once per cell.
func (p *parse) loose(m *model) []types.Type {
	if !p.looseDone {
		p.looseList, p.looseDone = looseTypes(m), true
	}
	return p.looseList
}

// looseClash returns a loose type that an operand of type t may hold and
// that another type an operand of the construct may hold has the
// representation of, and that other type ("a float64" for a compiled
// value, which an empty interface may hold where the loose type is not a
// struct); nil if there is none. ts are the static types of the
// construct's interface operands; also are types the construct names (an
// assertion's or a case's type).
func looseClash(m *model, loose []types.Type, ts []types.Type, also []types.Type) (types.Type, string) {
	if len(loose) == 0 {
		return nil, ""
	}
	all := append(cellTypes(m), loose...)
	var held []types.Type
	empty := false
	for _, t := range ts {
		if invalid(t) || !types.IsInterface(t) || mentionsTypeParam(t) {
			continue
		}
		held = append(held, holdable(all, t)...)
		empty = empty || isEmptyIface(t)
	}
	held = append(held, also...)
	q := types.RelativeTo(m.pkg)
	for _, l := range loose {
		if !containsType(held, l) {
			continue
		}
		if o := sameShape(l, held); o != nil {
			return l, types.TypeString(o, q)
		}
		if _, ptr := types.Unalias(l).(*types.Pointer); empty && !ptr && !structShape(l) {
			return l, "a " + types.TypeString(l.Underlying(), q) + " of a package"
		}
	}
	return nil, ""
}

// containsType reports whether ts has a type identical to t.
func containsType(ts []types.Type, t types.Type) bool {
	for _, o := range ts {
		if types.Identical(o, t) {
			return true
		}
	}
	return false
}

// looseRefusal is the refusal of construct (as the cell wrote it) at pos,
// which may see l as other.
func looseRefusal(m *model, pos token.Pos, construct string, l types.Type, other string) refusal {
	q := types.RelativeTo(m.pkg)
	kind := "declared inside a func"
	if n, ok := types.Unalias(l).(*types.Named); ok && n.TypeArgs().Len() > 0 {
		kind = "an instance of a generic type"
	} else if p, ok := types.Unalias(l).(*types.Pointer); ok {
		if n, ok := types.Unalias(p.Elem()).(*types.Named); ok && n.TypeArgs().Len() > 0 {
			kind = "a pointer to an instance of a generic type"
		}
	}
	return refusal{pos, fmt.Sprintf("%s: the interpreter cannot tell %s (%s) from %s, which has its representation, behind an interface, so this would give a wrong answer; declare the type at the top level of a cell without type parameters, give it its own shape (a struct with a field of its own) or a method, or compare concrete values after a type switch",
		construct, types.TypeString(l, q), kind, other)}
}

// checkLoose refuses n, a comparison, a type assertion, a type switch, a
// switch on an interface or a %T, where an interface operand may hold a
// loose type of a representation another type it may hold has.
func (p *parse) checkLoose(m *model, loose []types.Type, n ast.Node) *refusal {
	if len(loose) == 0 {
		return nil
	}
	typeOfExpr := func(e ast.Expr) types.Type { return m.info.Types[e].Type }
	switch n := n.(type) {
	case *ast.BinaryExpr:
		if n.Op != token.EQL && n.Op != token.NEQ || compiledValue(m, n.X) || compiledValue(m, n.Y) {
			return nil
		}
		x, y := typeOfExpr(n.X), typeOfExpr(n.Y)
		if invalid(x) || invalid(y) || isUntypedNil(x) || isUntypedNil(y) || !types.IsInterface(x) && !types.IsInterface(y) {
			return nil
		}
		var also []types.Type
		for _, t := range []types.Type{x, y} {
			if !types.IsInterface(t) {
				also = append(also, types.Default(t))
			}
		}
		if l, o := looseClash(m, loose, []types.Type{x, y}, also); l != nil {
			r := looseRefusal(m, n.OpPos, types.ExprString(n), l, o)
			return &r
		}
	case *ast.TypeAssertExpr:
		if n.Type == nil {
			return nil
		}
		t := typeOfExpr(n.Type)
		if invalid(t) || types.IsInterface(t) {
			return nil
		}
		if l, o := looseClash(m, loose, []types.Type{typeOfExpr(n.X)}, []types.Type{t}); l != nil {
			r := looseRefusal(m, n.Type.Pos(), types.ExprString(n), l, o)
			return &r
		}
	case *ast.TypeSwitchStmt:
		var x ast.Expr
		switch a := n.Assign.(type) {
		case *ast.AssignStmt:
			x = a.Rhs[0].(*ast.TypeAssertExpr).X
		case *ast.ExprStmt:
			x = a.X.(*ast.TypeAssertExpr).X
		}
		var cases []types.Type
		for _, cc := range n.Body.List {
			for _, e := range cc.(*ast.CaseClause).List {
				if t := typeOfExpr(e); !invalid(t) && !types.IsInterface(t) && !isUntypedNil(t) {
					cases = append(cases, t)
				}
			}
		}
		if l, o := looseClash(m, loose, []types.Type{typeOfExpr(x)}, cases); l != nil {
			r := looseRefusal(m, n.Switch, "a type switch on "+types.ExprString(x), l, o)
			return &r
		}
	case *ast.SwitchStmt:
		if n.Tag == nil {
			return nil
		}
		ts := []types.Type{typeOfExpr(n.Tag)}
		var also []types.Type
		for _, cc := range n.Body.List {
			for _, e := range cc.(*ast.CaseClause).List {
				if t := typeOfExpr(e); !invalid(t) && !compiledValue(m, e) && !isUntypedNil(t) {
					ts = append(ts, t)
					if !types.IsInterface(t) {
						also = append(also, types.Default(t))
					}
				}
			}
		}
		if !types.IsInterface(ts[0]) {
			return nil
		}
		if l, o := looseClash(m, loose, ts, also); l != nil {
			r := looseRefusal(m, n.Switch, "a switch on "+types.ExprString(n.Tag), l, o)
			return &r
		}
	}
	return nil
}

// looseTypeName returns the loose types that arg, of the interface type
// t, may hold, and the refusal of %T of it: the interpreter prints their
// structure, and no rewrite can name a type declared inside a func from
// outside it. (A %T whose value is none of them is Go's: checkFormat
// names it at run time where looseKinds tells them from the rest.)
func looseTypeName(m *model, loose []types.Type, arg ast.Expr, t types.Type) ([]types.Type, *refusal) {
	if !types.IsInterface(t) || mentionsTypeParam(t) {
		return nil, nil
	}
	var held []types.Type
	for _, l := range loose {
		if assignableTo(l, t) {
			held = append(held, l)
		}
	}
	if isEmptyIface(t) {
		// an instance of a generic type that the model has not seen (a
		// variable of an earlier cell's top level holds one)
		scope := m.pkg.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
				if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 && !types.IsInterface(n) {
					held = append(held, n)
				}
			}
		}
	}
	if len(held) == 0 {
		return nil, nil
	}
	q := types.RelativeTo(m.pkg)
	return held, &refusal{arg.Pos(), fmt.Sprintf("%%T of %s, which is or may hold %s (a type declared inside a func, or an instance of a generic type): the interpreter prints its structure, not its name; declare the type at the top level of a cell, or give it a Name() string method and print that",
		types.ExprString(arg), types.TypeString(held[0], q))}
}

// looseKinds returns the kinds of the representations of the loose types
// (reflect's names: "slice,ptr:struct"), by which HelperTypeName tells a value
// that may be one of them; "" where one is an interface or a type
// parameter's.
func looseKinds(loose []types.Type) string {
	var kinds []string
	for _, l := range loose {
		k := ""
		switch u := l.Underlying().(type) {
		case *types.Basic:
			k = basicKind(u)
		case *types.Slice:
			k = "slice"
		case *types.Array:
			k = "array"
		case *types.Map:
			k = "map"
		case *types.Struct:
			k = "struct"
		case *types.Pointer:
			if e := looseKinds([]types.Type{u.Elem()}); e != "" && !strings.Contains(e, ",") {
				k = "ptr:" + e
			}
		case *types.Chan:
			k = "chan"
		case *types.Signature:
			k = "func"
		}
		if k == "" {
			return ""
		}
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	return strings.Join(kinds, ",")
}

// basicKind is reflect's name of the kind of the basic type b ("float64"),
// or "" for an untyped one.
func basicKind(b *types.Basic) string {
	if b.Info()&types.IsUntyped != 0 || b.Kind() == types.Invalid {
		return ""
	}
	if b.Kind() == types.UnsafePointer {
		return "unsafe.Pointer"
	}
	return types.Typ[b.Kind()].Name() // uint8 for byte, as reflect names it
}

// declaresLocalTypes reports whether the cell declares a type in a func's
// body (a DeclStmt of types), by its syntax.
func (p *parse) declaresLocalTypes() bool {
	found := false
	ast.Inspect(p.ast, func(n ast.Node) bool {
		if d, ok := n.(*ast.DeclStmt); ok {
			if g, ok := d.Decl.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				found = true
			}
		}
		return !found
	})
	return found
}
