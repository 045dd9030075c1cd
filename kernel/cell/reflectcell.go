package cell

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// yaegi v0.16.1 gives compiled code, reflect included, the representation
// of a type declared in a cell, not the type: reflect.TypeOf(C(1)).Name()
// was "float64" (Go: "C"), reflect.TypeOf(P{}) printed struct { X int }
// (Go: main.P), an unexported field's name was "Xpriv", and
// reflect.DeepEqual(P{1}, Q{1}) of two types of one shape was true (Go:
// false, the types differ). These are refused before the cell runs where
// the model sees a cell type in the operand; what the interpreter gets
// right (the Kind, the number of fields, the length) is left alone.

// reflectSafe are the methods of a reflect.Type whose answer is the same
// for a cell type and its representation.
var reflectSafe = map[string]bool{"Kind": true, "NumField": true, "Len": true, "Size": true, "Comparable": true,
	"NumIn": true, "NumOut": true, "Bits": true, "Align": true, "IsVariadic": true, "ChanDir": true}

// reflectUses returns the expressions of f giving a reflect.Type whose
// result is asked only what a cell type's representation answers alike: a
// method of reflectSafe, a field's Tag, Index, Offset or Anonymous, or
// its Type asked the same; directly, or through local variables used only
// so (st := reflect.TypeOf(s); st.Field(0).Tag.Get("color")). A variable
// the cell keeps for later cells (one at its top level) may be asked
// anything there, so it does not count.
func reflectUses(m *model, f *ast.File) map[ast.Expr]bool {
	u := reflectUse{m: m, parent: map[ast.Node]ast.Node{}, uses: map[types.Object][]*ast.Ident{}}
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			u.parent[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	for id, obj := range m.info.Uses {
		u.uses[obj] = append(u.uses[obj], id)
	}
	out := map[ast.Expr]bool{}
	for n := range u.parent {
		if c, ok := n.(*ast.CallExpr); ok && u.typeSafe(c, 0) {
			out[c] = true
		}
	}
	return out
}

// reflectUse follows where a reflect.Type goes, for reflectUses.
type reflectUse struct {
	m      *model
	parent map[ast.Node]ast.Node
	uses   map[types.Object][]*ast.Ident
}

// up returns e's parent, past parentheses, and the child of that parent
// on e's path.
func (u *reflectUse) up(e ast.Expr) (ast.Node, ast.Expr) {
	for {
		p := u.parent[e]
		if pe, ok := p.(*ast.ParenExpr); ok {
			e = pe
			continue
		}
		return p, e
	}
}

// typeSafe reports whether the reflect.Type e gives is used only safely.
func (u *reflectUse) typeSafe(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	p, e := u.up(e)
	switch p := p.(type) {
	case *ast.SelectorExpr:
		if p.X != e {
			return false
		}
		if reflectSafe[p.Sel.Name] {
			return true
		}
		call, ok := u.parent[p].(*ast.CallExpr)
		if !ok || call.Fun != p {
			return false
		}
		switch p.Sel.Name {
		case "Field", "FieldByIndex":
			return u.fieldSafe(call, depth+1)
		case "Elem", "Key":
			return u.typeSafe(call, depth+1)
		}
	case *ast.AssignStmt, *ast.ValueSpec:
		return u.assignedSafe(p, e, depth)
	}
	return false
}

// fieldSafe reports whether the reflect.StructField e gives is used only
// safely: its Name and PkgPath are the interpreter's (Xname).
func (u *reflectUse) fieldSafe(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	p, e := u.up(e)
	switch p := p.(type) {
	case *ast.SelectorExpr:
		if p.X != e {
			return false
		}
		switch p.Sel.Name {
		case "Tag", "Index", "Offset", "Anonymous":
			return true
		case "Type":
			return u.typeSafe(p, depth+1)
		}
	case *ast.AssignStmt, *ast.ValueSpec:
		return u.assignedSafe(p, e, depth)
	}
	return false
}

// assignedSafe is varSafe of e, the value of an assignment or a var
// spec p.
func (u *reflectUse) assignedSafe(p ast.Node, e ast.Expr, depth int) bool {
	if a, ok := p.(*ast.AssignStmt); ok {
		return u.varSafe(a.Lhs, a.Rhs, e, depth)
	}
	spec := p.(*ast.ValueSpec)
	lhs := make([]ast.Expr, len(spec.Names))
	for i, n := range spec.Names {
		lhs[i] = n
	}
	return u.varSafe(lhs, spec.Values, e, depth)
}

// varSafe reports whether e, the value assigned to one of lhs, goes to a
// local variable whose every read is safe (typeSafe or fieldSafe, by the
// variable's type).
func (u *reflectUse) varSafe(lhs, rhs []ast.Expr, e ast.Expr, depth int) bool {
	if len(lhs) != len(rhs) {
		return false
	}
	for i, r := range rhs {
		if r != e {
			continue
		}
		id, ok := lhs[i].(*ast.Ident)
		if !ok {
			return false
		}
		obj := u.m.info.Defs[id]
		if obj == nil {
			obj = u.m.info.Uses[id]
		}
		v, ok := obj.(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == u.m.pkg.Scope() ||
			u.m.body != nil && v.Parent() == u.m.info.Scopes[u.m.body.Type] {
			return false // kept for later cells, or not a variable
		}
		field := isNamedIn(v.Type(), "reflect", "StructField")
		for _, use := range u.uses[v] {
			if a, ok := u.parent[use].(*ast.AssignStmt); ok && slices.Contains(a.Lhs, ast.Expr(use)) {
				continue // written, not read
			}
			if field && !u.fieldSafe(use, depth+1) || !field && !u.typeSafe(use, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// isNamedIn reports whether t is the named type pkg.name.
func isNamedIn(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// checkReflect refuses reflect.TypeOf(x), reflect.ValueOf(x).Type() and
// reflect.TypeFor[T]() where x's static type is or holds a cell type
// unless only a method of reflectSafe is asked of the result, and
// reflect.DeepEqual(a, b), one of them not an interface, where a and b
// may hold two types of one representation.
func (p *parse) checkReflect(m *model, c *ast.CallExpr) *refusal {
	q := types.RelativeTo(m.pkg)
	if isPkgFunc(m, c.Fun, "reflect", "DeepEqual") && len(c.Args) == 2 {
		if a, b := deepClash(m, c.Args[0], c.Args[1]); a != nil {
			other := "a compiled value of its representation"
			if b != nil {
				other = types.TypeString(b, q)
			}
			return &refusal{c.Lparen, fmt.Sprintf("reflect.DeepEqual(%s, %s): the interpreter cannot tell %s from %s (it has no runtime type of its own), so it may say true where Go says false (the types differ); compare values of one type, after a type switch or a comma-ok assertion",
				types.ExprString(c.Args[0]), types.ExprString(c.Args[1]), types.TypeString(a, q), other)}
		}
		return nil
	}
	var t types.Type
	var what string
	switch {
	case isPkgFunc(m, c.Fun, "reflect", "TypeOf") && len(c.Args) == 1:
		t, what = m.info.Types[c.Args[0]].Type, "reflect.TypeOf("+types.ExprString(c.Args[0])+")"
	case isReflectTypeFor(m, c.Fun):
		t, what = m.info.Types[c].Type, types.ExprString(c)
		if inst := instanceArg(m, c.Fun); inst != nil {
			t = inst
		}
	default:
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Type" || len(c.Args) != 0 {
			return nil
		}
		vc, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok || !isPkgFunc(m, vc.Fun, "reflect", "ValueOf") || len(vc.Args) != 1 {
			return nil
		}
		t, what = m.info.Types[vc.Args[0]].Type, types.ExprString(c)
	}
	if invalid(t) || mentionsTypeParam(t) || p.reflectOK[c] {
		return nil
	}
	// (an interface operand is left alone: Go's own test convert.go
	// compares reflect.TypeOf(x).String() of values in an interface{},
	// which the interpreter's representations answer alike)
	if types.IsInterface(t) || !mentionsCellType(t, map[types.Type]bool{}) {
		return nil
	}
	return &refusal{c.Pos(), fmt.Sprintf("%s: the interpreter's reflect sees the representation of a type declared in a cell (%s), not the type: its name, its String and the names of its unexported fields differ from Go's; ask only its Kind, NumField or Len, or use a type switch, or a Name() string method",
		what, types.TypeString(t, q))}
}

// isReflectTypeFor reports whether fun is reflect.TypeFor[T].
func isReflectTypeFor(m *model, fun ast.Expr) bool {
	if ix, ok := ast.Unparen(fun).(*ast.IndexExpr); ok {
		return isPkgFunc(m, ix.X, "reflect", "TypeFor")
	}
	return false
}

// instanceArg returns the type argument of fun, reflect.TypeFor[T].
func instanceArg(m *model, fun ast.Expr) types.Type {
	ix, ok := ast.Unparen(fun).(*ast.IndexExpr)
	if !ok {
		return nil
	}
	return m.info.Types[ix.Index].Type
}

// deepClash returns a type that the operand a may hold and one b may
// hold (nil for a compiled value of an empty interface), different but of
// one representation, as the interpreter sees them; nil, nil if none.
func deepClash(m *model, a, b ast.Expr) (types.Type, types.Type) {
	ta, tb := m.info.Types[a].Type, m.info.Types[b].Type
	if invalid(ta) || invalid(tb) || mentionsTypeParam(ta) || mentionsTypeParam(tb) {
		return nil, nil
	}
	all := append(cellTypes(m), looseTypes(m)...)
	held := func(t types.Type) ([]types.Type, bool) {
		if !types.IsInterface(t) {
			return []types.Type{types.Default(t)}, false
		}
		return holdable(all, t), isEmptyIface(t)
	}
	if types.IsInterface(ta) && types.IsInterface(tb) {
		// two interfaces: left alone (Go's own append.go compares two
		// interface{} values of one cell type each time, which the
		// interpreter answers right)
		return nil, nil
	}
	as, aAny := held(ta)
	bs, bAny := held(tb)
	for _, x := range as {
		for _, y := range bs {
			if !types.Identical(x, y) && repr(x, nil) == repr(y, nil) && (mentionsCellType(x, map[types.Type]bool{}) || mentionsCellType(y, map[types.Type]bool{})) {
				return x, y
			}
		}
	}
	// a cell type of a representation a compiled value has, against an any
	for _, pair := range []struct {
		ts  []types.Type
		any bool
	}{{as, bAny}, {bs, aAny}} {
		if !pair.any {
			continue
		}
		for _, x := range pair.ts {
			if mentionsCellType(x, map[types.Type]bool{}) && !strings.Contains(repr(x, nil), "struct{") {
				return x, nil
			}
		}
	}
	return nil, nil
}

// repr is t as the interpreter represents it: the cells' named types by
// their underlying types, all the way down.
func repr(t types.Type, seen map[*types.Named]bool) string {
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
		return repr(t.Underlying(), seen)
	case *types.Pointer:
		return "*" + repr(t.Elem(), seen)
	case *types.Slice:
		return "[]" + repr(t.Elem(), seen)
	case *types.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), repr(t.Elem(), seen))
	case *types.Map:
		return "map[" + repr(t.Key(), seen) + "]" + repr(t.Elem(), seen)
	case *types.Chan:
		return fmt.Sprintf("chan(%d) %s", t.Dir(), repr(t.Elem(), seen))
	case *types.Struct:
		s := "struct{"
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			s += fmt.Sprintf("%s %s %q;", f.Name(), repr(f.Type(), seen), t.Tag(i))
		}
		return s + "}"
	}
	return types.TypeString(t, nil)
}
