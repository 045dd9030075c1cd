package cell

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
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

// reflectUses returns what f does with reflect's values: the expressions
// giving a reflect.Type whose result is asked only what a cell type's
// representation answers alike (a method of reflectSafe, a field's Tag,
// Index, Offset or Anonymous, or its Type asked the same; directly, or
// through local variables used only so: st := reflect.TypeOf(s);
// st.Field(0).Tag.Get("color")), and what each variable is assigned, for
// held. A variable the cell keeps for later cells (one at its top level)
// is checked in each later cell that reads it (earlierReads).
func reflectUses(m *model, f *ast.File, inCell func(token.Pos) bool) *reflectUse {
	u := &reflectUse{m: m, inCell: inCell, parent: map[ast.Node]ast.Node{}, uses: map[types.Object][]*ast.Ident{},
		values: map[types.Object][]ast.Expr{}}
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
		switch n := n.(type) {
		case *ast.AssignStmt:
			u.assigned(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			u.assigned(lhs, n.Values)
		}
		return true
	})
	for id, obj := range m.info.Uses {
		u.uses[obj] = append(u.uses[obj], id)
	}
	return u
}

// reflectUse follows where a reflect.Type goes, for reflectUses, and
// where a reflect.Value comes from, for held.
type reflectUse struct {
	m      *model
	inCell func(token.Pos) bool
	parent map[ast.Node]ast.Node
	uses   map[types.Object][]*ast.Ident
	// values are the expressions the file assigns to each variable.
	values map[types.Object][]ast.Expr
}

// earlier reports whether v is a session variable an earlier cell
// declared: its value may be anything the cell cannot see.
func (u *reflectUse) earlier(v *types.Var) bool {
	return v.Parent() == u.m.pkg.Scope() && !u.inCell(v.Pos())
}

// earlierReads refuses the reads of session variables of type
// reflect.Type or reflect.StructField that earlier cells set, in a session
// with cell types, where something is asked of them that the
// interpreter answers as Go only for some types: the cell cannot see
// which type they describe.
func (u *reflectUse) earlierReads() []refusal {
	if len(cellTypes(u.m)) == 0 {
		return nil
	}
	var out []refusal
	for n := range u.parent {
		id, ok := n.(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := u.m.info.Uses[id].(*types.Var)
		if !ok || !u.earlier(v) {
			continue
		}
		field := isNamedIn(v.Type(), "reflect", "StructField")
		if !field && !isNamedIn(v.Type(), "reflect", "Type") {
			continue
		}
		if a, ok := u.parent[id].(*ast.AssignStmt); ok && slices.Contains(a.Lhs, ast.Expr(id)) {
			continue // written, not read
		}
		if field && u.fieldSafe(id, nil, 0) || !field && u.typeSafe(id, nil, 0) {
			continue
		}
		out = append(out, refusal{id.Pos(), fmt.Sprintf("%s, a %s an earlier cell set: the interpreter's reflect sees the representation of the types declared in cells, not the types, and this cell cannot see which type it describes; ask it in the cell that sets it, or ask only its Kind, NumField or Len, or a field's Tag",
			id.Name, types.TypeString(v.Type(), nil))})
	}
	slices.SortFunc(out, func(a, b refusal) int { return int(a.pos - b.pos) })
	return out
}

// assigned records the values of a one-to-one assignment.
func (u *reflectUse) assigned(lhs, rhs []ast.Expr) {
	if len(lhs) != len(rhs) {
		return
	}
	for i, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			continue
		}
		obj := u.m.info.Defs[id]
		if obj == nil {
			obj = u.m.info.Uses[id]
		}
		if obj != nil {
			u.values[obj] = append(u.values[obj], rhs[i])
		}
	}
}

// held returns the static type of what the reflect.Value e holds, as far
// as the file shows it: reflect.ValueOf(x) holds x's type, and Elem,
// Field, Index, MapIndex, Addr, Slice and reflect.Indirect take it apart
// (a field not known by a constant stands for the whole struct), through
// the values the file assigns to a variable of the cell (the first that
// mentions a cell type). It returns nil where the file does not show it
// (a parameter, a result), and fromEarlier is set when e is a variable an
// earlier cell set.
func (u *reflectUse) held(e ast.Expr, depth int) (t types.Type, fromEarlier bool) {
	if depth > 8 {
		return nil, false
	}
	m := u.m
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := m.info.Uses[e].(*types.Var)
		if !ok {
			return nil, false
		}
		if u.earlier(v) {
			return nil, true
		}
		for _, r := range u.values[v] {
			t, earlier := u.held(r, depth+1)
			if earlier || t != nil && mentionsCellType(t, map[types.Type]bool{}) {
				return t, earlier
			}
		}
		return nil, false
	case *ast.CallExpr:
		switch {
		case isPkgFunc(m, e.Fun, "reflect", "ValueOf") && len(e.Args) == 1:
			return m.info.Types[e.Args[0]].Type, false
		case isPkgFunc(m, e.Fun, "reflect", "Indirect") && len(e.Args) == 1:
			t, earlier := u.held(e.Args[0], depth+1)
			if p, ok := under(t).(*types.Pointer); ok {
				return p.Elem(), earlier
			}
			return t, earlier
		}
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || !isNamedIn(m.info.Types[sel.X].Type, "reflect", "Value") {
			return nil, false
		}
		t, earlier := u.held(sel.X, depth+1)
		if t == nil {
			return nil, earlier
		}
		return part(m, t, sel.Sel.Name, e.Args), earlier
	}
	return nil, false
}

// under is t's underlying type, or nil for nil.
func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// part returns the type of what the reflect.Value method name, called
// with args on a value holding t, holds; nil where it is not one type the
// call shows.
func part(m *model, t types.Type, name string, args []ast.Expr) types.Type {
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		switch name {
		case "Elem":
			return u.Elem()
		case "Index", "Slice", "Slice3":
			if _, ok := u.Elem().Underlying().(*types.Array); ok {
				return part(m, u.Elem(), name, args)
			}
		}
	case *types.Struct:
		switch name {
		case "Field", "FieldByName":
			if f := constField(m, u, name, args); f != nil {
				return f.Type()
			}
			return t
		case "FieldByIndex", "FieldByNameFunc":
			return t
		}
	case *types.Slice, *types.Array:
		elem := u.(interface{ Elem() types.Type }).Elem()
		switch {
		case name == "Index":
			return elem
		case name != "Slice" && name != "Slice3":
		case types.Identical(u, types.NewSlice(elem)):
			return t // a slice of a slice is of its type
		default:
			return types.NewSlice(elem)
		}
	case *types.Map:
		if name == "MapIndex" {
			return u.Elem()
		}
	}
	if name == "Addr" {
		return types.NewPointer(t)
	}
	return nil
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

// typeSafe reports whether the reflect.Type of t that e gives is used
// only where the interpreter answers as Go: t mentions no cell type, or
// it is asked a method of reflectSafe, or a field is asked what fieldSafe
// allows, or its element or key (Elem, Key) the same. A nil t is a type
// the cell cannot see (one an earlier cell's value holds): only what is
// safe for every type is.
func (u *reflectUse) typeSafe(e ast.Expr, t types.Type, depth int) bool {
	if t != nil && !mentionsCellType(t, map[types.Type]bool{}) {
		return true
	}
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
		case "Field", "FieldByIndex", "FieldByName":
			for _, f := range u.fields(t, p.Sel.Name, call.Args) {
				if !u.fieldSafe(call, f, depth+1) {
					return false
				}
			}
			return true
		case "Elem", "Key":
			var next types.Type
			if t != nil {
				next = part(u.m, t, p.Sel.Name, nil)
			}
			return u.typeSafe(call, next, depth+1)
		}
	case *ast.AssignStmt, *ast.ValueSpec:
		return u.assignedSafe(p, e, reflected{t: t}, depth)
	}
	return false
}

// fields returns the fields of the struct t that the Type method name
// called with args may give: the one a constant index or name gives, or
// all; one nil field where t is nil or not a struct.
func (u *reflectUse) fields(t types.Type, name string, args []ast.Expr) []*types.Var {
	st, ok := under(t).(*types.Struct)
	if !ok {
		return []*types.Var{nil}
	}
	if f := constField(u.m, st, name, args); f != nil {
		return []*types.Var{f}
	}
	out := make([]*types.Var, st.NumFields())
	for i := range out {
		out[i] = st.Field(i)
	}
	return out
}

// constField returns the field of st that Field or FieldByName (name)
// gives with args, a constant index or name; nil if they are not one.
func constField(m *model, st *types.Struct, name string, args []ast.Expr) *types.Var {
	if len(args) != 1 {
		return nil
	}
	c := m.info.Types[args[0]].Value
	if c == nil {
		return nil
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		switch {
		case name == "Field" && c.Kind() == constant.Int:
			if n, ok := constant.Int64Val(c); ok && n == int64(i) {
				return f
			}
		case name == "FieldByName" && c.Kind() == constant.String:
			if constant.StringVal(c) == f.Name() {
				return f
			}
		}
	}
	return nil
}

// fieldSafe reports whether the reflect.StructField of f (nil: a field
// the cell cannot see) that e gives is used only safely: its Tag (read
// through HelperTag), Index, Offset and Anonymous, its Name where it is
// exported and not embedded (the interpreter names an unexported field
// Xname), and its Type as typeSafe allows.
func (u *reflectUse) fieldSafe(e ast.Expr, f *types.Var, depth int) bool {
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
		case "Name":
			return f != nil && f.Exported() && !f.Embedded()
		case "Type":
			var t types.Type
			if f != nil {
				t = f.Type()
			}
			return u.typeSafe(p, t, depth+1)
		}
	case *ast.AssignStmt, *ast.ValueSpec:
		return u.assignedSafe(p, e, reflected{f: f, field: true}, depth)
	}
	return false
}

// reflected is what a reflect.Type or reflect.StructField describes, for
// varSafe: the type t, or the field f when field is set (nil: not seen).
type reflected struct {
	t     types.Type
	f     *types.Var
	field bool
}

// assignedSafe is varSafe of e, the value of an assignment or a var
// spec p.
func (u *reflectUse) assignedSafe(p ast.Node, e ast.Expr, r reflected, depth int) bool {
	if a, ok := p.(*ast.AssignStmt); ok {
		return u.varSafe(a.Lhs, a.Rhs, e, r, depth)
	}
	spec := p.(*ast.ValueSpec)
	lhs := make([]ast.Expr, len(spec.Names))
	for i, n := range spec.Names {
		lhs[i] = n
	}
	return u.varSafe(lhs, spec.Values, e, r, depth)
}

// varSafe reports whether e, the value assigned to one of lhs, goes to a
// variable of the cell whose every read in the cell is safe (typeSafe or
// fieldSafe of r). One a later cell reads is checked there (earlierReads).
func (u *reflectUse) varSafe(lhs, rhs []ast.Expr, e ast.Expr, r reflected, depth int) bool {
	if len(lhs) != len(rhs) {
		return false
	}
	for i, val := range rhs {
		if val != e {
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
		if !ok || v.Parent() == nil || u.earlier(v) {
			return false // not a variable, or an earlier cell's
		}
		for _, use := range u.uses[v] {
			if a, ok := u.parent[use].(*ast.AssignStmt); ok && slices.Contains(a.Lhs, ast.Expr(use)) {
				continue // written, not read
			}
			if r.field && !u.fieldSafe(use, r.f, depth+1) || !r.field && !u.typeSafe(use, r.t, depth+1) {
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
		if !ok || sel.Sel.Name != "Type" || len(c.Args) != 0 || !isNamedIn(m.info.Types[sel.X].Type, "reflect", "Value") {
			return nil
		}
		var earlier bool
		t, earlier = p.reflect.held(sel.X, 0)
		what = types.ExprString(c)
		if earlier && len(cellTypes(m)) > 0 && !p.reflect.typeSafe(c, nil, 0) {
			return &refusal{c.Pos(), fmt.Sprintf("%s of a reflect.Value an earlier cell set: the interpreter's reflect sees the representation of the types declared in cells, not the types, and this cell cannot see which value it holds; ask for the Type in the cell that calls reflect.ValueOf, and ask it only its Kind, NumField or Len, or an exported field's Name or Tag, or use a type switch, or a Name() string method", what)}
		}
	}
	if invalid(t) || mentionsTypeParam(t) {
		return nil
	}
	// An interface operand is checked when it runs (HelperTypeOf), where
	// more than what every type answers alike is asked: Go's own test
	// convert.go compares reflect.TypeOf(x).String() of values in an
	// interface{}, which the interpreter's representations of compiled
	// types and of cell types of a basic type answer alike; a struct
	// type of the cells prints as its fields.
	if types.IsInterface(t) {
		if !p.reflect.typeSafe(c, nil, 0) && !isReflectTypeFor(m, c.Fun) {
			if p.typeOfChecks == nil {
				p.typeOfChecks = map[*ast.CallExpr]string{}
			}
			p.typeOfChecks[c] = what
		}
		return nil
	}
	if p.reflect.typeSafe(c, t, 0) {
		return nil
	}
	return &refusal{c.Pos(), fmt.Sprintf("%s: the interpreter's reflect sees the representation of a type declared in a cell (%s), not the type: its name, its String, its methods and the names of its unexported fields differ from Go's; ask only its Kind, NumField or Len, or an exported field's Name or Tag, or use a type switch, or a Name() string method",
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
