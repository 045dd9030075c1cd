package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// forLoopVars gives a three-clause loop Go 1.22 per-iteration variables when
// its body can capture them (func literals, go, defer, &v, v.M): `v := v;` at the
// top of the body. Loops whose body assigns the variable are left alone.
func (p *parse) forLoopVars(f *ast.ForStmt) []edit {
	as, ok := f.Init.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE {
		return nil
	}
	var names []string
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
			names = append(names, id.Name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	if f.Post == nil && assigns(f.Body, names) {
		// for l := 0; ; { ...; l++ }: yaegi v0.16.1 lost the body's
		// changes of l from one iteration to the next when the loop has
		// no post statement; a post statement that changes nothing
		// (l = l) keeps them
		at := p.cellOffset(f.Body.Lbrace)
		l := strings.Join(names, ", ")
		return []edit{{at, at, l + " = " + l + " "}}
	}
	if !captures(f.Body, names) || assigns(f.Body, names) {
		return nil
	}
	return p.shadow(f.Body, names)
}

// shadow gives the loop body per-iteration copies of names: `v := v;`
// at its top. A body that declares one of them again at its top level
// (the `v := v` of code written before Go 1.22) keeps its statements in
// a block of their own, where that declaration is new.
func (p *parse) shadow(body *ast.BlockStmt, names []string) []edit {
	at := p.cellOffset(body.Lbrace) + 1
	l := strings.Join(names, ", ")
	if !redeclares(body, names) {
		return []edit{{at, at, " " + l + " := " + l + ";"}}
	}
	end := p.cellOffset(body.Rbrace)
	return []edit{{at, at, " " + l + " := " + l + "; {"}, {end, end, "}"}}
}

// redeclares reports whether a statement at the top level of body
// declares one of names.
func redeclares(body *ast.BlockStmt, names []string) bool {
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok == token.DEFINE && slices.ContainsFunc(st.Lhs, func(e ast.Expr) bool {
				id, ok := e.(*ast.Ident)
				return ok && slices.Contains(names, id.Name)
			}) {
				return true
			}
		case *ast.DeclStmt:
			if gd, ok := st.Decl.(*ast.GenDecl); ok {
				for _, sp := range gd.Specs {
					if vs, ok := sp.(*ast.ValueSpec); ok && slices.ContainsFunc(vs.Names, func(id *ast.Ident) bool { return slices.Contains(names, id.Name) }) {
						return true
					}
				}
			}
		}
	}
	return false
}

// captures reports whether body may capture one of names beyond an
// iteration: a func literal, go, defer, &v, or v.M not called (a method
// value: yaegi binds it to the variable, so one taken from a loop
// variable saw the last iteration's value).
func captures(body ast.Node, names []string) bool {
	found := false
	called := map[ast.Expr]bool{}
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			found = true
		case *ast.CallExpr:
			called[ast.Unparen(x.Fun)] = true
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok && contains(names, id.Name) && !called[x] {
				found = true
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				if id, ok := x.X.(*ast.Ident); ok && contains(names, id.Name) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func assigns(body ast.Node, names []string) bool {
	found := false
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.AssignStmt:
			if x.Tok != token.DEFINE {
				for _, l := range x.Lhs {
					if id, ok := l.(*ast.Ident); ok && contains(names, id.Name) {
						found = true
					}
				}
			}
		case *ast.IncDecStmt:
			if id, ok := x.X.(*ast.Ident); ok && contains(names, id.Name) {
				found = true
			}
		}
		return !found
	})
	return found
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// rangeStmt rewrites range over an integer into a three-clause loop and gives
// range loops per-iteration variables when the body can capture them or
// assigns them.
func (p *parse) rangeStmt(r *ast.RangeStmt, root ast.Node) []edit {
	var names []string
	if r.Tok == token.DEFINE {
		for _, e := range []ast.Expr{r.Key, r.Value} {
			if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
				names = append(names, id.Name)
			}
		}
	}
	var eds []edit
	if c, ok := r.X.(*ast.CallExpr); ok && r.Key != nil && r.Value == nil {
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && (id.Name == "maps" || id.Name == "slices") &&
				(sel.Sel.Name == "Keys" || sel.Sel.Name == "Values") {
				// the interpreted iterators are slices: take their values
				ks := p.cellOffset(r.Key.Pos())
				eds = append(eds, edit{ks, ks, "_, "})
			}
		}
	}
	if p.typedInt(r.X) {
		xs, xe := p.span(r.X)
		x := p.src[xs:xe]
		hs := p.cellOffset(r.For)
		he := p.cellOffset(r.Body.Lbrace)
		if !strings.Contains(p.src[hs:he], "\n") {
			n := fmt.Sprintf("__gocurve_n%d", hs)
			var hdr string
			key := ""
			if id, ok := r.Key.(*ast.Ident); ok && id.Name != "_" {
				key = id.Name
			}
			switch {
			case key != "" && r.Tok == token.DEFINE:
				hdr = fmt.Sprintf("for %s, %s := (%s)-(%s), (%s); %s < %s; %s++ ", key, n, x, x, x, key, n, key)
			case key != "" || r.Key != nil && r.Tok == token.ASSIGN:
				k := p.text0(r.Key)
				hdr = fmt.Sprintf("for %s = (%s)-(%s); %s < (%s); %s++ ", k, x, x, k, x, k)
			default:
				i := fmt.Sprintf("__gocurve_i%d", hs)
				hdr = fmt.Sprintf("for %s, %s := (%s)-(%s), (%s); %s < %s; %s++ ", i, n, x, x, x, i, n, i)
			}
			eds = append(eds, edit{hs, he, hdr})
			if len(names) > 0 && (captures(r.Body, names[:1]) || assigns(r.Body, names[:1])) {
				eds = append(eds, p.shadow(r.Body, names[:1])...)
			}
			return eds
		}
	}
	if p.typedString(r.X) {
		return append(eds, p.stringRange(r)...)
	}
	if r.Value != nil && p.channelElems(r.X) || r.Key != nil && p.arrayPointer(r.X) {
		// (yaegi v0.16.1 ranges over a pointer to an array wrongly: an
		// index of -1 in a func literal, "reflect: call of
		// reflect.Value.Float on array Value" in a method)
		return append(eds, p.indexRange(r)...)
	}
	eds = append(eds, p.rangeChanOnce(r)...)
	if r.Tok == token.ASSIGN && r.Key != nil {
		eds = append(eds, p.rangeAssign(r)...)
	}
	// yaegi steps a range by its key variable: i = f(i) in the body
	// changed the next iteration's i (Go: each iteration has its own)
	if len(names) > 0 && (captures(r.Body, names) || assigns(r.Body, names)) {
		eds = append(eds, p.shadow(r.Body, names)...)
	}
	return eds
}

// rangeChanOnce makes a range over a channel variable that the body
// assigns (for v := range ch { ch = ch2 }) read the channel the variable
// held when the loop began, as Go evaluates the range expression once:
// yaegi v0.16.1 received from the variable's current channel.
func (p *parse) rangeChanOnce(r *ast.RangeStmt) []edit {
	id, ok := ast.Unparen(r.X).(*ast.Ident)
	if !ok || !assigns(r.Body, []string{id.Name}) {
		return nil
	}
	t := p.modelType(r.X)
	if t == nil {
		return nil
	}
	if _, isChan := t.Underlying().(*types.Chan); !isChan {
		return nil
	}
	ts, ok := p.typeModel().typeString(t)
	if !ok {
		return nil
	}
	xs, xe := p.span(r.X)
	return []edit{{xs, xs, "func() " + ts + " { return "}, {xe, xe, " }()"}}
}

// stringRange writes a range over a string as a loop that decodes each
// rune: yaegi v0.16.1 steps over an invalid byte by 3 (the length of
// U+FFFD), where Go steps by 1, so the offsets after it are wrong. The
// body runs in a block of its own, so it may declare the loop's names.
func (p *parse) stringRange(r *ast.RangeStmt) []edit {
	hs := p.cellOffset(r.For)
	v := func(what string) string { return fmt.Sprintf("__gocurve_%s%d", what, hs) }
	xs, xe := p.span(r.X)
	assign := p.rangeVars(r, v("o"), v("c"))
	lb, rb := p.cellOffset(r.Body.Lbrace), p.cellOffset(r.Body.Rbrace)
	hdr := fmt.Sprintf("for %[1]s, %[2]s, %[3]s := string(%[4]s), 0, 0; %[2]s < len(%[1]s); %[2]s += %[3]s { var %[5]s rune; %[5]s, %[3]s = %[6]s(%[1]s, %[2]s); %[7]s{",
		v("s"), v("o"), v("n"), p.rewrite(xs, xe, r.X), v("c"), HelperDecode, assign)
	return []edit{{hs, lb + 1, hdr}, {rb, rb, "}"}}
}

// channelElems reports whether the type model gives e the type of a
// slice or array of channels (or a pointer to such an array): yaegi
// v0.16.1 panics ranging over one with a value variable ("call of
// reflect.Value.Len on int Value"), the fan-in of for _, c := range cs.
func (p *parse) channelElems(e ast.Expr) bool {
	t := p.modelType(e)
	if t == nil {
		return false
	}
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	elem := seqElem(t)
	if elem == nil {
		return false
	}
	_, ok := elem.Underlying().(*types.Chan)
	return ok
}

// indexRange writes a range over a slice or array with a value variable
// as a loop over its indices that takes each element by index, the
// operand evaluated once (an array copied) as Go does; the body runs in
// a block of its own, so it may declare the loop's names.
func (p *parse) indexRange(r *ast.RangeStmt) []edit {
	hs := p.cellOffset(r.For)
	v := func(what string) string { return fmt.Sprintf("__gocurve_%s%d", what, hs) }
	xs, xe := p.span(r.X)
	assign := p.rangeVars(r, v("k"), v("x")+"["+v("k")+"]")
	lb, rb := p.cellOffset(r.Body.Lbrace), p.cellOffset(r.Body.Rbrace)
	hdr := fmt.Sprintf("for %[1]s, %[2]s := %[3]s, 0; %[2]s < len(%[1]s); %[2]s++ { %[4]s{",
		v("x"), v("k"), p.rewrite(xs, xe, r.X), assign)
	return []edit{{hs, lb + 1, hdr}, {rb, rb, "}"}}
}

// rangeVars writes the statement that gives r's key and value variables
// (those not blank) the values key and value, as r's := or = does, and
// uses them (the loop rewritten may not); "" where r has none.
func (p *parse) rangeVars(r *ast.RangeStmt, key, value string) string {
	var lhs, rhs []string
	for i, e := range []ast.Expr{r.Key, r.Value} {
		if e == nil {
			continue
		}
		if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		s, end := p.span(e)
		lhs = append(lhs, p.rewrite(s, end, e))
		rhs = append(rhs, []string{key, value}[i])
	}
	if len(lhs) == 0 {
		return ""
	}
	op := " = "
	if r.Tok == token.DEFINE {
		op = " := "
	}
	assign := strings.Join(lhs, ", ") + op + strings.Join(rhs, ", ") + "; "
	if r.Tok == token.DEFINE {
		assign += strings.Repeat("_, ", len(lhs)-1) + "_ = " + strings.Join(lhs, ", ") + "; "
	}
	return assign
}

// arrayPointer reports whether the type model gives e a pointer to an
// array type.
func (p *parse) arrayPointer(e ast.Expr) bool {
	t := p.modelType(e)
	if t == nil {
		return false
	}
	ptr, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, isArray := ptr.Elem().Underlying().(*types.Array)
	return isArray
}

// typedString reports whether the type model gives e a string type.
func (p *parse) typedString(e ast.Expr) bool {
	t := p.modelType(e)
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// rangeAssign rewrites `for k, v = range x { ... }` into `for t, u :=
// range x { k, v = t, u; ... }`: yaegi v0.16.1 leaves k and v as they
// were after some such loops (over an array of struct{}), where Go leaves
// the last index and value.
func (p *parse) rangeAssign(r *ast.RangeStmt) []edit {
	hs := p.cellOffset(r.Key.Pos())
	var lhs, tmps []string
	for i, e := range []ast.Expr{r.Key, r.Value} {
		if e == nil {
			continue
		}
		if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
			tmps = append(tmps, "_")
			continue
		}
		s, end := p.span(e)
		lhs = append(lhs, p.rewrite(s, end, e))
		t := fmt.Sprintf("__gocurve_r%d_%d", hs, i)
		tmps = append(tmps, t)
	}
	if len(lhs) == 0 {
		return nil
	}
	var assigned []string
	for _, t := range tmps {
		if t != "_" {
			assigned = append(assigned, t)
		}
	}
	lb := p.cellOffset(r.Body.Lbrace) + 1
	return []edit{
		{hs, p.cellOffset(r.TokPos) + 1, p.spaceBefore(hs) + strings.Join(tmps, ", ") + " :="},
		{lb, lb, " " + strings.Join(lhs, ", ") + " = " + strings.Join(assigned, ", ") + ";"},
	}
}

// tupleVarEdit writes the top-level var a, b = f() as a holder of the
// call's values and a var for each, of the holder's field (__gocurve_tN =
// func() struct{ v0 T0; v1 T1 } { x0, x1 := f(); return … }(); a =
// __gocurve_tN.v0; b = __gocurve_tN.v1, with var before each spec where
// the declaration is not parenthesized): yaegi v0.16.1 left a and b zero
// for a func declared before them in one evaluation, as the funcs of a
// program pasted whole are. Each variable refers to the holder directly,
// so yaegi initializes what uses a and b after them, in Go's order. It
// reports false where the model cannot write the variables' types.
func (p *parse) tupleVarEdit(vs *ast.ValueSpec, grouped bool) (edit, bool) {
	m := p.typeModel()
	if m == nil || m.pkg == nil {
		return edit{}, false
	}
	sep := "; var "
	if grouped {
		sep = "; "
	}
	s, e := p.span(vs)
	holder := fmt.Sprintf("__gocurve_t%d", s)
	var fields, locals, vars []string
	for i, n := range vs.Names {
		local := fmt.Sprintf("%s_%d", holder, i)
		locals = append(locals, local)
		if n.Name == "_" {
			continue
		}
		obj := m.info.Defs[n]
		if obj == nil {
			return edit{}, false
		}
		t, ok := m.typeString(obj.Type())
		if !ok {
			return edit{}, false
		}
		fields = append(fields, fmt.Sprintf("v%d %s", i, t))
		vars = append(vars, fmt.Sprintf("%s = %s.v%d", n.Name, holder, i))
	}
	if len(vars) == 0 {
		return edit{}, false
	}
	var used []string
	for i, n := range vs.Names {
		if n.Name != "_" {
			used = append(used, locals[i])
		} else {
			locals[i] = "_"
		}
	}
	st := "struct{ " + strings.Join(fields, "; ") + " }"
	vstart, vend := p.span(vs.Values[0])
	value := p.rewrite(vstart, vend, vs.Values[0])
	text := fmt.Sprintf("%s = func() %s { %s := %s; return %s{%s} }()%s%s",
		holder, st, strings.Join(locals, ", "), value, st, strings.Join(used, ", "), sep, strings.Join(vars, sep))
	return edit{s, e, text}, true
}

// seqArgs records the iterators given to a func of the session's slices
// or maps that takes an iterator (slices.Collect(strings.Lines(s)),
// slices.Sorted(l.All())), funcs, to pass through HelperSeq, which gives
// the slice those funcs take (HelperSeqMap: the map, for an iterator of
// pairs): p.seqArg has the call of the helper each is written in. The
// session's own iterators given straight to them are slices already.
func (p *parse) seqArgs(c *ast.CallExpr) {
	m := p.typeModel()
	if m == nil || !iteratorTakers[p.implicitFunc(m, c.Fun)] {
		return
	}
	for _, a := range c.Args {
		if ac, ok := ast.Unparen(a).(*ast.CallExpr); ok && iteratorFuncs[p.implicitFunc(m, ac.Fun)] > 0 {
			if sel, ok := ast.Unparen(ac.Fun).(*ast.SelectorExpr); !ok || !p.iterOf[sel] {
				continue // the session's iterators are what the session's funcs take
			}
		}
		// an iterator of the cell's (a func): its values, as a slice, or
		// for an iterator of pairs, a map
		yield, ok := funcRangeSig(m.info.Types[a].Type)
		if !ok || yield.Params().Len() == 0 {
			continue
		}
		var ts []string
		for v := range yield.Params().Variables() {
			t, ok := p.localTypeString(m, v.Type())
			if !ok {
				break
			}
			ts = append(ts, t)
		}
		helper := HelperSeq
		if len(ts) == 2 {
			helper = HelperSeqMap
		}
		if len(ts) == yield.Params().Len() {
			if p.seqArg == nil {
				p.seqArg = map[ast.Expr]string{}
			}
			p.seqArg[a] = helper + "[" + strings.Join(ts, ", ") + "]"
		}
	}
}
