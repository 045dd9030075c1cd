package cell

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"hash/fnv"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// yaegi v0.16.1 cannot compile a generic type declared in a cell
// instantiated with an instance of another (Stack[Pair[string, float64]]:
// "CFG post-order panic"), but it can with a type alias of that instance
// as the argument (type P = Pair[string, float64]; Stack[P]), when the
// instance is written with the alias everywhere after (a literal
// Pair[string, float64]{...} given to Stack[P]'s method is "call of nil
// function"). So such an instance gets a package-level alias, declared
// once in the session under a name made from the instance, and every
// cell writes that alias for each occurrence of the instance it names.
// An alias is the same type to Go and to reflect: nothing shows.

// instAlias is the alias of an instance of a generic type a cell
// declared.
type instAlias struct {
	name string
	typ  *types.Named
}

// aliasName is the alias's name for the instance t: the generic type's
// name and a hash of the instance's full type string.
func aliasName(t *types.Named) string {
	h := fnv.New64a()
	h.Write([]byte(types.TypeString(t, nil)))
	return fmt.Sprintf("__gocurve_inst_%s_%x", t.Obj().Name(), h.Sum64())
}

// instanceOf returns the instance of a generic type declared in a cell
// that the type expression e denotes.
func instanceOf(m *model, e ast.Expr) (*types.Named, bool) {
	switch e.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
	default:
		return nil, false
	}
	tv, ok := m.info.Types[e]
	if !ok || !tv.IsType() {
		return nil, false
	}
	return cellInstance(tv.Type)
}

// closed reports whether the type expression e means the same at the
// top level of the cell: every name in it is the package's, an import's
// or predeclared (no type parameter, no type declared in a func).
func closed(m *model, e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if id, isID := n.X.(*ast.Ident); isID {
				_, ok = m.info.Uses[id].(*types.PkgName)
			} else {
				ok = false
			}
			return false
		case *ast.Ident:
			obj := m.info.Uses[n]
			if obj == nil {
				return true // a field's name
			}
			if _, isTP := obj.Type().(*types.TypeParam); isTP {
				ok = false
				return false
			}
			ok = obj.Parent() == m.pkg.Scope() || obj.Parent() == types.Universe
		}
		return true
	})
	return ok
}

// instanceAliases gives an alias to each instance of a generic type
// declared in a cell that is a type argument of an instance of another
// generic type or func (Stack[Pair[string, float64]], Map[string,
// Pair[string, int]] as the rewrite of an inferred call writes it), to
// the instances inside those, and to each instance the session gave one
// before. It refuses such an argument of a generic type that cannot be
// written at the top level (it mentions a type parameter or a type
// declared in a func).
func (p *parse) instanceAliases(m *model) []refusal {
	var out []refusal
	type occurrence struct {
		e ast.Expr
		t *types.Named
	}
	var occs []occurrence
	ast.Inspect(p.ast, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok || !p.inCell(e.Pos()) {
			return true
		}
		if t, ok := instanceOf(m, e); ok {
			occs = append(occs, occurrence{e, t})
		}
		return true
	})
	ctx := (*Context)(nil)
	if p.opts.Context != nil {
		ctx = p.opts.Context()
	}
	needed := map[string]*types.Named{} // by alias name
	var need func(a *types.Named)
	need = func(a *types.Named) {
		if needed[aliasName(a)] != nil {
			return
		}
		needed[aliasName(a)] = a
		for t := range a.TypeArgs().Types() {
			if in, ok := cellInstance(t); ok {
				need(in)
			}
		}
	}
	for _, o := range occs {
		if ctx.declares(aliasName(o.t)) {
			need(o.t)
		}
	}
	for _, id := range p.instantiations(m) {
		tn, isType := m.info.Uses[id].(*types.TypeName)
		_, isFunc := m.info.Uses[id].(*types.Func)
		if isType && (tn.Pkg() == nil || tn.Pkg().Path() != "main") || !isType && !isFunc {
			continue
		}
		for t := range m.info.Instances[id].TypeArgs.Types() {
			a, ok := cellInstance(t)
			if !ok {
				continue
			}
			if closedType(a) {
				need(a)
				continue
			}
			if isType {
				qual := func(*types.Package) string { return "" }
				out = append(out, refusal{id.Pos(), fmt.Sprintf("%s instantiated with %s: the interpreter cannot instantiate a generic type declared in a cell with an instance of another one inside a generic func or with a type declared in a func; declare a plain type for the argument at the top level (type %sEntry %s) and write %s[%[3]sEntry]",
					id.Name, types.TypeString(a, qual), a.Obj().Name(), types.TypeString(a.Underlying(), qual), id.Name)})
				break
			}
		}
	}
	if len(needed) == 0 {
		return out
	}
	// inner instances first: an alias's declaration names those inside it
	names := slices.Collect(maps.Keys(needed))
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(depth(needed[a]), depth(needed[b])), strings.Compare(a, b))
	})
	for _, name := range names {
		m.instAliases = append(m.instAliases, instAlias{name: name, typ: needed[name]})
	}
	for _, o := range occs {
		if name := aliasName(o.t); needed[name] != nil && closed(m, o.e) {
			if p.instAliases == nil {
				p.instAliases = map[ast.Expr]string{}
			}
			p.instAliases[o.e] = name
		}
	}
	for _, a := range m.instAliases {
		if !ctx.declares(a.name) {
			p.instDecls = append(p.instDecls, a)
		}
	}
	return out
}

// checkGenericArgs refuses what the interpreter cannot compile of the
// calls of generic funcs in composite literals and of generic types in
// generic funcs, after the walk of check (which writes out the type
// arguments of inferred calls).
func (p *parse) checkGenericArgs(m *model) []refusal {
	out := append(p.genericElems(m), p.checkGenericNonStruct(m)...)
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// instantiations are the names of generic types and funcs the cell
// instantiates, in the cell's order.
func (p *parse) instantiations(m *model) []*ast.Ident {
	var ids []*ast.Ident
	for id := range m.info.Instances {
		if p.inCell(id.Pos()) {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b *ast.Ident) int { return cmp.Compare(a.Pos(), b.Pos()) })
	return ids
}

// cellInstance returns t as an instance of a generic type declared in a
// cell.
func cellInstance(t types.Type) (*types.Named, bool) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
		return nil, false
	}
	return n, true
}

// closedType reports whether the instance t can be written at the top
// level: it mentions no type parameter and no type declared in a func.
func closedType(t *types.Named) bool {
	ok := !mentionsTypeParam(t)
	visitTypes(t, func(t types.Type) {
		if n, isNamed := types.Unalias(t).(*types.Named); isNamed {
			if o := n.Obj(); o.Pkg() != nil && o.Parent() != o.Pkg().Scope() {
				ok = false
			}
		}
	})
	return ok
}

// depth is how deep instances of generic types nest in the instance t.
func depth(t *types.Named) int {
	d := 0
	for a := range t.TypeArgs().Types() {
		if in, ok := cellInstance(a); ok {
			d = max(d, depth(in)+1)
		}
	}
	return d
}

// genericElems keeps yaegi v0.16.1 from seeing type arguments written
// out in a call whose value is an element of a composite literal: it
// takes the call's func for a generic type there ([]any{F[int, string](x)}:
// "not a generic type"; []any{F[int](x).M()}: a nil pointer in its type
// check). Inferred type arguments are left to the interpreter there when
// no argument is a func literal (what it infers wrongly); others are
// refused with what to write instead.
func (p *parse) genericElems(m *model) []refusal {
	var out []refusal
	ast.Inspect(p.ast, func(n ast.Node) bool {
		cl, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		for _, el := range cl.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				t := m.info.Types[cl].Type
				if t == nil {
					continue // the model could not tell
				}
				if _, isStruct := t.Underlying().(*types.Struct); !isStruct {
					continue // a map's or an index's value: not checked so
				}
				el = kv.Value
			}
			if r, ok := p.elemTypeArgs(el, "as an element of a composite literal", "write the variable in the literal"); !ok {
				out = append(out, r)
			}
		}
		return true
	})
	for _, v := range p.anyStores { // made []any{v}[0]
		if r, ok := p.elemTypeArgs(v, "printed straight from the call", "print the variable"); !ok {
			out = append(out, r)
		}
	}
	return out
}

// elemTypeArgs drops the inferred type arguments on the path yaegi types
// the element e of a composite literal by (a call's func, a selector's
// operand), and reports false, with a refusal, where type arguments must
// stay written there.
func (p *parse) elemTypeArgs(e ast.Expr, where, instead string) (refusal, bool) {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			var id *ast.Ident
			var recv ast.Expr // a method's operand, typed by yaegi next
			switch f := ast.Unparen(x.Fun).(type) {
			case *ast.IndexExpr, *ast.IndexListExpr:
				if _, isType := p.typeModel().info.Types[f].Type.(*types.Signature); isType {
					return refusal{x.Pos(), fmt.Sprintf("%s %s: the interpreter cannot compile a call with type arguments written out there; assign its result to a variable first and %s",
						types.ExprString(x.Fun), where, instead)}, false
				}
				return refusal{}, true // a conversion
			case *ast.Ident:
				id = f
			case *ast.SelectorExpr:
				id, recv = f.Sel, f.X
			default:
				return refusal{}, true
			}
			if p.typeArgs[id] != "" {
				if slices.ContainsFunc(x.Args, func(a ast.Expr) bool { _, lit := ast.Unparen(a).(*ast.FuncLit); return lit }) {
					return refusal{x.Pos(), fmt.Sprintf("%s with a func literal, %s: the interpreter infers its type arguments wrongly, and cannot compile them written out there; assign the call's result to a variable first and %s",
						id.Name, where, instead)}, false
				}
				delete(p.typeArgs, id)
			}
			if recv == nil {
				return refusal{}, true
			}
			e = recv
		default:
			return refusal{}, true
		}
	}
}

// instAliasItems are the declarations of the aliases the cell
// introduces, inner instances first: the instance written with the aliases of the
// instances inside it, and the packages named as the cell names them.
func (p *parse) instAliasItems() []Item {
	m := p.typeModel()
	var out []Item
	for _, a := range p.instDecls {
		args := make([]string, 0, a.typ.TypeArgs().Len())
		for t := range a.typ.TypeArgs().Types() {
			s, ok := m.typeString(t)
			if !ok {
				return nil // checkGenericArgs took it as closed: not reached
			}
			args = append(args, s)
		}
		src := "type " + a.name + " = " + a.typ.Obj().Name() + "[" + strings.Join(args, ", ") + "]"
		uses := identRE.FindAllString(src[len("type "+a.name+" = "):], -1)
		slices.Sort(uses)
		out = append(out, Item{Kind: Type, Names: []string{a.name}, Col: 1, Src: src, Orig: src,
			Signature: src, Uses: slices.Compact(uses), Synthetic: true})
	}
	if p.atomicDecl != "" {
		out = append(out, Item{Kind: Type, Names: []string{atomicPointer}, Col: 1, Src: p.atomicDecl, Orig: p.atomicModel,
			Signature: "type " + atomicPointer + "[T any] struct{ … }", Synthetic: true})
	}
	return out
}

// identRE matches the identifiers of a type's text.
var identRE = regexp.MustCompile(`[\pL_][\pL\pN_]*`)

// withInstAliases writes, in s (a type's string made by types.TypeString
// with qualifier q), the alias of each instance the cell gives one: the
// code the cell's rewrites write must name such an instance as its
// occurrences do.
func (m *model) withInstAliases(s string, q types.Qualifier) string {
	if len(m.instAliases) == 0 {
		return s
	}
	type rep struct{ from, to string }
	reps := make([]rep, len(m.instAliases))
	for i, a := range m.instAliases {
		reps[i] = rep{types.TypeString(a.typ, q), a.name}
	}
	// an instance inside another is replaced with the one around it
	slices.SortFunc(reps, func(a, b rep) int { return cmp.Compare(len(b.from), len(a.from)) })
	for _, r := range reps {
		var b strings.Builder
		for {
			i := strings.Index(s, r.from)
			if i < 0 {
				break
			}
			b.WriteString(s[:i])
			if i > 0 && isIdentByte(s[i-1]) {
				b.WriteString(r.from) // the end of a longer name
			} else {
				b.WriteString(r.to)
			}
			s = s[i+len(r.from):]
		}
		b.WriteString(s)
		s = b.String()
	}
	return s
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

// checkSelfInstances refuses an instance of a generic type declared in a
// cell that has, or holds at any depth, a generic type of two or more
// type parameters whose own type refers to an instance of itself (type
// entry[K comparable, V any] struct{ next *entry[K, V] }): yaegi v0.16.1
// recurses without end instantiating it, a stack overflow that ends the
// worker. With one type parameter it works; the declaration alone too.
// It runs for every cell the model checks (not only those check walks):
// instances are few, and a cell that only calls NewLRU(2) makes one.
func (p *parse) checkSelfInstances(m *model) []refusal {
	var out []refusal
	for _, id := range p.instantiations(m) {
		var t types.Type
		switch obj := m.info.Uses[id].(type) {
		case *types.TypeName:
			t = obj.Type()
		case *types.Func:
			t = obj.Type()
		default:
			continue
		}
		if obj := m.info.Uses[id]; obj.Pkg() == nil || obj.Pkg().Path() != "main" {
			continue
		}
		if slices.ContainsFunc(slices.Collect(m.info.Instances[id].TypeArgs.Types()), mentionsTypeParam) {
			continue // in a generic declaration: instantiated with its caller's
		}
		if bad := selfInstance(t); bad != nil {
			out = append(out, refusal{id.Pos(), fmt.Sprintf("%s has %d type parameters and its fields refer to %[1]s itself: the interpreter recurses without end instantiating such a type (a stack overflow), here in %[3]s; give %[1]s one type parameter (a struct of the others: type %[1]s[T any] with T = struct{ Key K; Val V }), or declare it for the types at hand",
				bad.Obj().Name(), bad.TypeParams().Len(), id.Name)})
			break
		}
	}
	return out
}

// selfInstance returns a generic type of two or more type parameters
// declared in a cell that refers to an instance of itself and that t
// (a generic type or func) holds at any depth, or nil.
func selfInstance(t types.Type) *types.Named {
	var bad *types.Named
	seen := map[*types.Named]bool{}
	var check func(types.Type)
	check = func(t types.Type) {
		visitTypes(t, func(t types.Type) {
			n, ok := types.Unalias(t).(*types.Named)
			if !ok || bad != nil || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" || n.TypeParams().Len() == 0 {
				return
			}
			o := n.Origin()
			if seen[o] {
				return
			}
			seen[o] = true
			if o.TypeParams().Len() >= 2 && refersTo(o.Underlying(), o) {
				bad = o
				return
			}
			check(o.Underlying())
		})
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		check(n.Origin()) // the type itself, then what it holds
	} else {
		check(t)
	}
	return bad
}

// refersTo reports whether t refers to an instance of the generic type
// self, at any depth but through other named types.
func refersTo(t types.Type, self *types.Named) bool {
	found := false
	visitTypes(t, func(t types.Type) {
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Origin() == self {
			found = true
		}
	})
	return found
}

// constParams finds, in the generic funcs and methods the cell declares,
// the conversions of a constant to a type parameter (T(0) in func
// Sum[T Number]): yaegi v0.16.1 gives such a conversion a type that spoils
// every expression it is in, and the inference of a generic call given
// the result (Reduce(xs, T(0), func(a, x T) T {...}) and z := xs[0] * T(0)
// then Reduce(xs, z, ...): "too many arguments"), but not a variable of
// the type parameter initialized by the constant, which is the same value.
// Each such conversion reads a variable the func's body declares first
// (var __gocurve_tc0 T = 0), once per call, not per use; one whose
// constant names something the body declares (a local const) is made by
// a func literal declaring the variable where it stands.
func (p *parse) constParams(m *model) {
	for _, d := range p.ast.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || !p.inCell(fd.Pos()) || !generic(fd) {
			continue
		}
		var hoisted []*ast.CallExpr
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || len(c.Args) != 1 {
				return true
			}
			tv, arg := m.info.Types[c.Fun], m.info.Types[c.Args[0]]
			if _, isParam := types.Unalias(tv.Type).(*types.TypeParam); !tv.IsType() || !isParam || arg.Value == nil {
				return true
			}
			if p.constConvs == nil {
				p.constConvs = map[*ast.CallExpr]string{}
			}
			if !closed(m, c.Args[0]) {
				p.constConvs[c] = "" // made where it stands
				return true
			}
			p.constConvs[c] = fmt.Sprintf("%sc%d", HelperTemp, len(hoisted))
			hoisted = append(hoisted, c)
			return true
		})
		if len(hoisted) > 0 {
			if p.constDecls == nil {
				p.constDecls = map[*ast.BlockStmt][]*ast.CallExpr{}
			}
			p.constDecls[fd.Body] = hoisted
		}
	}
}

// constParamEdits write a conversion of constParams as its variable, or
// as a func literal declaring one, and a generic func's body's
// declarations of those variables. (Written when the rewrites are, after
// the check: the type parameters' new names are known then.)
func (p *parse) constParamEdits(n ast.Node) ([]edit, bool) {
	decl := func(name string, c *ast.CallExpr) string {
		ts, te := p.span(c.Fun)
		as, ae := p.span(c.Args[0])
		return "var " + name + " " + p.rewrite(ts, te, c.Fun) + " = " + p.rewrite(as, ae, c.Args[0]) + "; "
	}
	switch n := n.(type) {
	case *ast.CallExpr:
		name, ok := p.constConvs[n]
		if !ok {
			return nil, false
		}
		s, e := p.span(n)
		if name == "" {
			v := HelperTemp + "_v"
			ts, te := p.span(n.Fun)
			return []edit{{s, e, "func() " + p.rewrite(ts, te, n.Fun) + " { " + decl(v, n) + "return " + v + " }()"}}, true
		}
		return []edit{{s, e, name}}, true
	case *ast.BlockStmt:
		var b strings.Builder
		for _, c := range p.constDecls[n] {
			b.WriteString(decl(p.constConvs[c], c))
		}
		if b.Len() == 0 {
			return nil, false
		}
		at, _ := p.span(n)
		return []edit{{at + 1, at + 1, b.String()}}, false // and the edits inside
	}
	return nil, false
}

// generic reports whether fd is a generic func or a method of a generic
// type.
func generic(fd *ast.FuncDecl) bool {
	if fd.Type.TypeParams != nil {
		return true
	}
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return false
	}
	switch t := ast.Unparen(fd.Recv.List[0].Type).(type) {
	case *ast.StarExpr:
		switch ast.Unparen(t.X).(type) {
		case *ast.IndexExpr, *ast.IndexListExpr:
			return true
		}
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// checkGenericNonStruct rewrites or refuses, in a generic func declared
// in the cell (not a method), an instance of a generic type declared in a
// cell whose underlying type is not a struct (type Schedule[T Float]
// func(step int) T, type Set[T comparable] map[T]struct{}) with the
// func's type parameters (Schedule[T]): yaegi v0.16.1 cannot build it (a
// CFG panic, "undefined type for T", or map[interface {}]struct {} where
// map[string]struct{} was wanted). Such a type without methods is written
// as its underlying type there (func(int) T), which is what a value of it
// is to the interpreter anyway: it keeps no name for an instance of a
// generic type (%T of one was func(int) float64 already), and the model
// gives %T its name; with methods it is refused. Methods of such types
// (func (s Set[T]) Add(v T)), struct types and interfaces work.
func (p *parse) checkGenericNonStruct(m *model) []refusal {
	var out []refusal
	for _, d := range p.ast.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Type.TypeParams == nil || !p.inCell(fd.Pos()) {
			continue
		}
		around := map[*ast.Ident]ast.Expr{} // the instance expression of a generic type's name
		converted := map[ast.Expr]bool{}    // called: a conversion
		ast.Inspect(fd, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.IndexExpr:
				if id, ok := n.X.(*ast.Ident); ok {
					around[id] = n
				}
			case *ast.IndexListExpr:
				if id, ok := n.X.(*ast.Ident); ok {
					around[id] = n
				}
			case *ast.CallExpr:
				converted[ast.Unparen(n.Fun)] = true
			}
			return true
		})
		ast.Inspect(fd, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			inst, ok := m.info.Instances[id]
			tn, isType := m.info.Uses[id].(*types.TypeName)
			if !ok || !isType || tn.Pkg() == nil || tn.Pkg().Path() != "main" || tn.IsAlias() {
				return true // (a generic alias: written as what it stands for, genericAliases)
			}
			switch u := tn.Type().Underlying().(type) {
			case *types.Struct, *types.Interface:
				return true // structs work; interfaces are constraints and method sets
			case *types.Basic:
				if u.Kind() == types.Invalid {
					return true // the model could not tell; the interpreter will say
				}
			}
			if !slices.ContainsFunc(slices.Collect(inst.TypeArgs.Types()), mentionsTypeParam) {
				return true
			}
			if e := around[id]; e != nil && tn.Type().(*types.Named).NumMethods() == 0 {
				if text, ok := p.paramTypeText(m, fd, inst.Type.Underlying()); ok {
					if converted[e] {
						text = "(" + text + ")"
					}
					if p.instAliases == nil {
						p.instAliases = map[ast.Expr]string{}
					}
					p.instAliases[e] = text
					return true
				}
			}
			out = append(out, refusal{id.Pos(), fmt.Sprintf("%s with the type parameters of %s: the interpreter cannot instantiate a generic %s type declared in a cell inside a generic func; make %[1]s a struct (type %[1]s[...] struct{ items %[3]s }), or write %[2]s for the type at hand (func %[2]s(vs ...string) %[1]s[string])",
				id.Name, fd.Name.Name, types.TypeString(tn.Type().Underlying(), func(*types.Package) string { return "" }))})
			return true
		})
	}
	return out
}

// paramTypeText writes t, a type that mentions the type parameters of the
// generic func fd, as the interpreter sees it in fd: the type parameters
// by their new names (renameTypeParams), a func type's parameters without
// names.
func (p *parse) paramTypeText(m *model, fd *ast.FuncDecl, t types.Type) (string, bool) {
	qual, named := m.qualifier()
	s := types.TypeString(unnamedParams(t), qual)
	if !*named || strings.Contains(s, "invalid type") {
		return "", false
	}
	if fd.Type.TypeParams == nil {
		return s, true // a method's: not renamed
	}
	for _, f := range fd.Type.TypeParams.List {
		for _, id := range f.Names {
			if to, ok := p.renames[id]; ok {
				s = renameIn(s, id.Name, to)
			}
		}
	}
	return s, true
}

// renameIn is the type text s with the name alone (not a package's
// member, pkg.T) written to.
func renameIn(s, name, to string) string {
	re := regexp.MustCompile(`(^|[^.\pL\pN_])` + regexp.QuoteMeta(name) + `($|[^\pL\pN_])`)
	for re.MatchString(s) { // (the matches of adjacent names overlap)
		s = re.ReplaceAllString(s, "${1}"+to+"${2}")
	}
	return s
}

// genericAliases writes each instance of a generic alias declared in a
// cell (type Set[T comparable] = map[T]struct{}, Go 1.24) as the type it
// stands for (map[int]struct{}), which is what Go's alias is: yaegi
// v0.16.1 accepts the declaration but cannot instantiate it.
func (p *parse) genericAliases(m *model) {
	ast.Inspect(p.ast, func(n ast.Node) bool {
		var id *ast.Ident
		switch e := n.(type) {
		case *ast.IndexExpr:
			id, _ = e.X.(*ast.Ident)
		case *ast.IndexListExpr:
			id, _ = e.X.(*ast.Ident)
		}
		if id == nil || !p.inCell(n.Pos()) {
			return true
		}
		tn, ok := m.info.Uses[id].(*types.TypeName)
		if !ok || !tn.IsAlias() {
			return true
		}
		if a, ok := tn.Type().(*types.Alias); !ok || a.TypeParams().Len() == 0 {
			return true
		}
		e := n.(ast.Expr)
		text, ok := p.localTypeString(m, types.Unalias(m.info.Types[e].Type))
		if !ok {
			return true
		}
		if p.instAliases == nil {
			p.instAliases = map[ast.Expr]string{}
		}
		p.instAliases[e] = text
		return false
	})
}
