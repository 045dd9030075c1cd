package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// A range over a func (Go 1.23: for v := range seq, seq an iter.Seq or
// any func(yield func(...) bool)) does not compile in yaegi v0.16.1 ("nil
// type"). The cell writes it as Go's specification defines it: a call of
// the func with the loop's body as the yield func literal,
//
//	{ var ctl int; seq(func(v V) bool { if ctl != 0 { panic(...) }; body; return true }); if ctl == 2 { ... } }
//
// where break is { ctl = 1; return false } and continue is return true.
// A jump out of the loop from its body (break or continue of an outer
// statement, return) cannot be made from inside the literal: it sets ctl
// to a code of its own and returns false, and after the call the jump is
// made, or passed on to the range over a func around this one. A return's
// values are kept in variables of the outermost such loop of the func
// meanwhile. A body's yield called again once it said false panics with
// Go's runtime error.

// rangeFunc is one range statement over a func.
type rangeFunc struct {
	r      *ast.RangeStmt
	label  *ast.LabeledStmt // r's label, or nil
	parent *rangeFunc       // the range over a func whose body holds r in the same func, or nil
	fn     *ast.FuncType    // the func r is in; nil at a cell's top level
	params []string         // the yield func's parameter types, as the cell writes them
	// exits are the jumps from r's body to beyond r, each made after the
	// call where ctl is its index+2
	exits []rfJump
	// results are the variables of a return's values, declared by the
	// outermost range over a func of the func ("" where none returns one)
	results []string
	// defers: the bodies of this outermost range over a func and of those
	// in it defer calls, which the enclosing func makes when it returns
	// (deferList)
	defers bool
}

// deferList names the list of the calls deferred in the bodies of rf, an
// outermost range over a func, made in reverse order when the func
// returns.
func (rf *rangeFunc) deferList() string { return fmt.Sprintf("%s_rfd%d", HelperTemp, rf.r.For) }

// inCellBody reports whether the innermost func of stack is the func a
// cell's top-level statements run in.
func (p *parse) inCellBody(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			return false
		case *ast.FuncDecl:
			return f.Recv == nil && strings.HasPrefix(f.Name.Name, "_cell") && p.isSynth(f)
		}
	}
	return false
}

// rfJump is a jump from the body of a range over a func.
type rfJump struct {
	tok    token.Token // BREAK, CONTINUE or RETURN
	label  string      // a break's or continue's label
	target ast.Stmt    // the statement a break or continue leaves or continues
	values bool        // a return with values
}

func (j rfJump) key() string { return fmt.Sprintf("%s %s %v", j.tok, j.label, j.values) }

// rfJumpSite is a jump statement in the body of a range over a func.
type rfJumpSite struct {
	loop  *rangeFunc // the innermost range over a func around it
	jump  rfJump
	local bool       // it breaks or continues loop itself
	outer *rangeFunc // the outermost range over a func around it in its func, which keeps a return's values
}

func (rf *rangeFunc) ctl() string { return fmt.Sprintf("%s_rf%d", HelperTemp, rf.r.For) }

// exitCode records j as an exit of rf and returns its code.
func (rf *rangeFunc) exitCode(j rfJump) int {
	for i, e := range rf.exits {
		if e.key() == j.key() {
			return i + 2
		}
	}
	rf.exits = append(rf.exits, j)
	return len(rf.exits) + 1
}

// within reports whether n is in rf's body.
func (rf *rangeFunc) within(n ast.Node) bool {
	return n != nil && n.Pos() >= rf.r.Body.Lbrace && n.End() <= rf.r.Body.End()
}

// funcRangeSig returns the yield func's signature where t is a func that
// a range statement can range over (func(yield func(...) bool)).
func funcRangeSig(t types.Type) (*types.Signature, bool) {
	if t == nil {
		return nil, false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 0 {
		return nil, false
	}
	yield, ok := sig.Params().At(0).Type().Underlying().(*types.Signature)
	if !ok || yield.Results().Len() != 1 || yield.Params().Len() > 2 {
		return nil, false
	}
	return yield, true
}

// checkRangeFuncs finds the ranges over funcs and the jumps out of their
// bodies; it refuses what the body's func literal cannot do as the loop
// would: a defer (it would run at the end of an iteration), a goto out of
// the body.
func (p *parse) checkRangeFuncs(m *model) []refusal {
	var out []refusal
	ast.PreorderStack(p.ast, nil, func(n ast.Node, stack []ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		if !ok || !p.inCell(r.Pos()) {
			return true
		}
		if c, ok := ast.Unparen(r.X).(*ast.CallExpr); ok && iteratorFuncs[p.implicitFunc(m, c.Fun)] > 0 {
			return true // the session's iterators are slices or maps (iterators.go)
		}
		yield, ok := funcRangeSig(m.info.Types[r.X].Type)
		if !ok {
			return true
		}
		rf := &rangeFunc{r: r}
		if len(stack) > 0 {
			if l, ok := stack[len(stack)-1].(*ast.LabeledStmt); ok && l.Stmt == r {
				rf.label = l
			}
		}
		for i := len(stack) - 1; i >= 0; i-- {
			if ft := funcTypeOf(stack[i]); ft != nil {
				rf.fn = ft
				break
			}
			if o, ok := stack[i].(*ast.RangeStmt); ok && rf.parent == nil && p.rangeFuncs[o] != nil && p.rangeFuncs[o].within(r) {
				rf.parent = p.rangeFuncs[o]
			}
		}
		for i := range yield.Params().Len() {
			t, ok := p.localTypeString(m, yield.Params().At(i).Type())
			if !ok {
				out = append(out, refusal{r.X.Pos(), fmt.Sprintf("the interpreter cannot range over a func (yaegi v0.16.1), and this one's values have a type the cell cannot write here (%s): collect them into a slice first and range over that",
					yield.Params().At(i).Type())})
				return true
			}
			rf.params = append(rf.params, t)
		}
		if p.rangeFuncs == nil {
			p.rangeFuncs = map[*ast.RangeStmt]*rangeFunc{}
			p.rfJumps = map[ast.Stmt]rfJumpSite{}
			p.rfDefers = map[*ast.DeferStmt]*rangeFunc{}
		}
		p.rangeFuncs[r] = rf
		return true
	})
	if len(p.rangeFuncs) == 0 {
		return out
	}
	ast.PreorderStack(p.ast, nil, func(n ast.Node, stack []ast.Node) bool {
		st, ok := n.(ast.Stmt)
		if !ok {
			return true
		}
		// the ranges over funcs around n in its func, innermost first
		var chain []*rangeFunc
		var enclosing []ast.Node // n's ancestors in its func, innermost first
		for i := len(stack) - 1; i >= 0; i-- {
			if funcTypeOf(stack[i]) != nil {
				break
			}
			enclosing = append(enclosing, stack[i])
			if r, ok := stack[i].(*ast.RangeStmt); ok && p.rangeFuncs[r] != nil && p.rangeFuncs[r].within(n) {
				chain = append(chain, p.rangeFuncs[r])
			}
		}
		if len(chain) == 0 {
			return true
		}
		var j rfJump
		switch st := st.(type) {
		case *ast.DeferStmt:
			if p.inCellBody(stack) {
				return true // the cell's own defers run when it ends (HelperDefer)
			}
			if fl, ok := ast.Unparen(st.Call.Fun).(*ast.FuncLit); ok && calls(fl.Body, "recover") {
				out = append(out, refusal{st.Pos(), "a deferred func that calls recover, in the body of a range over a func: the cell runs the body as a func literal (yaegi v0.16.1 cannot range over a func) and makes the deferred call when the enclosing func returns, from where recover cannot stop its panic; defer it before the loop"})
				return true
			}
			outer := chain[len(chain)-1]
			outer.defers = true
			p.rfDefers[st] = outer
			return true
		case *ast.ReturnStmt:
			j = rfJump{tok: token.RETURN, values: len(st.Results) > 0}
		case *ast.BranchStmt:
			switch st.Tok {
			case token.GOTO:
				if !labelIn(chain[0].r.Body, st.Label.Name) {
					out = append(out, refusal{st.Pos(), "goto out of the body of a range over a func: the cell runs the body as a func literal (yaegi v0.16.1 cannot range over a func); use break or continue with a label"})
				}
				return true
			case token.FALLTHROUGH:
				return true
			}
			j = rfJump{tok: st.Tok, target: branchTarget(st, enclosing)}
			if st.Label != nil {
				j.label = st.Label.Name
			}
			if j.target == nil {
				return true // the model did not check it
			}
		default:
			return true
		}
		if j.target != nil && chain[0].within(j.target) {
			return true // a jump inside the body
		}
		site := rfJumpSite{loop: chain[0], jump: j, outer: chain[len(chain)-1]}
		if j.target != nil && j.target == chain[0].r {
			site.local = true
		} else {
			// an exit of each loop it leaves, made after the call of the
			// loop's func by its jumpText
			for _, rf := range chain {
				if j.target != nil && (j.target == rf.r || rf.within(j.target)) {
					break
				}
				rf.exitCode(j)
			}
		}
		if j.tok == token.RETURN && j.values && len(site.outer.results) == 0 {
			fn := site.outer.fn
			if fn == nil || fn.Results == nil {
				return true
			}
			for _, f := range fn.Results.List {
				n := max(len(f.Names), 1)
				for range n {
					site.outer.results = append(site.outer.results, fmt.Sprintf("%s_rfr%d_%d", HelperTemp, site.outer.r.For, len(site.outer.results)))
				}
			}
		}
		p.rfJumps[st] = site
		return true
	})
	return out
}

// funcTypeOf is the type of a func declaration or literal, else nil.
func funcTypeOf(n ast.Node) *ast.FuncType {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type
	case *ast.FuncLit:
		return n.Type
	}
	return nil
}

// branchTarget is the statement a break or continue leaves or continues:
// the labeled one, or the innermost loop (or, for break, switch or
// select) among enclosing, innermost first.
func branchTarget(b *ast.BranchStmt, enclosing []ast.Node) ast.Stmt {
	for _, n := range enclosing {
		if b.Label != nil {
			if l, ok := n.(*ast.LabeledStmt); ok && l.Label.Name == b.Label.Name {
				return l.Stmt
			}
			continue
		}
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return n.(ast.Stmt)
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if b.Tok == token.BREAK {
				return n.(ast.Stmt)
			}
		}
	}
	return nil
}

// labelIn reports whether body declares the label name outside func
// literals.
func labelIn(body ast.Node, name string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			found = found || n.Label.Name == name
		}
		return !found
	})
	return found
}

// localTypeString writes t as the cell can write it where the range
// statement stands: the type parameters and types of its func by the
// names the rewrite gives them.
func (p *parse) localTypeString(m *model, t types.Type) (string, bool) {
	t = withoutIterTypes(withoutGenericAliases(t))
	qual, named := m.qualifier()
	s := m.withInstAliases(types.TypeString(t, qual), qual)
	if !*named || strings.Contains(s, "invalid type") {
		return "", false
	}
	renamed := map[types.Object]string{}
	for id, to := range p.renames {
		if obj := m.info.Defs[id]; obj != nil {
			renamed[obj] = to
		}
	}
	visitTypes(t, func(t types.Type) {
		var obj types.Object
		switch t := t.(type) {
		case *types.TypeParam:
			obj = t.Obj()
		case *types.Named:
			obj = t.Obj()
		}
		if to, ok := renamed[obj]; ok && obj != nil {
			s = renameIn(s, obj.Name(), to)
		}
	})
	return s, true
}

// rangeFuncEdits writes the range over a func rf as a call of the func.
func (p *parse) rangeFuncEdits(rf *rangeFunc) []edit {
	r := rf.r
	var eds []edit
	if rf.label != nil {
		ls := p.cellOffset(rf.label.Pos())
		eds = append(eds, edit{ls, p.cellOffset(rf.label.Colon) + 1, ""})
	}
	ctl := rf.ctl()
	var params []string
	assign := ""
	for i, t := range rf.params {
		name := "_"
		v := []ast.Expr{r.Key, r.Value}[i]
		if v != nil {
			if id, ok := v.(*ast.Ident); ok && r.Tok == token.DEFINE {
				name = id.Name
			} else if r.Tok == token.ASSIGN {
				name = fmt.Sprintf("%s_rfv%d_%d", HelperTemp, r.For, i)
			}
		}
		params = append(params, name+" "+t)
	}
	if r.Tok == token.ASSIGN {
		key, value := fmt.Sprintf("%s_rfv%d_0", HelperTemp, r.For), fmt.Sprintf("%s_rfv%d_1", HelperTemp, r.For)
		assign = p.rangeVars(r, key, value)
	}
	var decl strings.Builder
	fmt.Fprintf(&decl, "{ var %s int; ", ctl)
	if rf.defers {
		// (each call defers the one before it, so that one that panics
		// leaves the others to run, as Go's)
		fmt.Fprintf(&decl, "var %[1]s []func(); defer func() { var run func(i int); run = func(i int) { if i < 0 { return }; j := i - 1; defer func() { run(j) }(); %[1]s[i]() }; run(len(%[1]s) - 1) }(); ", rf.deferList())
	}
	if len(rf.results) > 0 {
		rts := p.resultTypes(rf.fn)
		for i, v := range rf.results {
			fmt.Fprintf(&decl, "var %s %s; ", v, rts[i])
		}
	}
	x := ast.Unparen(r.X)
	xs, xe := p.span(x)
	hs, lb := p.cellOffset(r.For), p.cellOffset(r.Body.Lbrace)
	fun := p.rewrite(xs, xe, x)
	switch x.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.IndexListExpr:
		// called as written: yaegi v0.16.1 cannot call a declared func
		// in parentheses ("call of reflect.Value.Call on ptr Value")
	default:
		fun = "(" + fun + ")"
	}
	eds = append(eds, edit{hs, lb + 1, fmt.Sprintf("%s%s(func(%s) bool { if %s != 0 { %s() }; %s",
		decl.String(), fun, strings.Join(params, ", "), ctl, HelperRangeDone, assign)})
	var post strings.Builder
	for i, j := range rf.exits {
		fmt.Fprintf(&post, " if %s == %d { %s };", ctl, i+2, p.jumpText(j, rf.parent, rf))
	}
	rb := p.cellOffset(r.Body.Rbrace)
	eds = append(eds, edit{rb, rb + 1, "; return true });" + post.String() + " }"})
	return eds
}

// resultTypes writes the types of fn's results, one for each result.
func (p *parse) resultTypes(fn *ast.FuncType) []string {
	var out []string
	for _, f := range fn.Results.List {
		s, e := p.span(f.Type)
		t := p.rewrite(s, e, f.Type)
		for range max(len(f.Names), 1) {
			out = append(out, t)
		}
	}
	return out
}

// jumpText writes the jump j where it stands in the body of the range over
// a func in (nil: in the func itself); from names the loop that passes it
// on, whose outermost loop keeps a return's values.
func (p *parse) jumpText(j rfJump, in, from *rangeFunc) string {
	outer := from
	for outer.parent != nil {
		outer = outer.parent
	}
	if in == nil {
		switch j.tok {
		case token.RETURN:
			if !j.values {
				return "return"
			}
			return "return " + strings.Join(outer.results, ", ")
		case token.BREAK, token.CONTINUE:
			if j.label != "" {
				return j.tok.String() + " " + j.label
			}
			return j.tok.String()
		}
	}
	switch {
	case j.target != nil && j.target == in.r:
		if j.tok == token.CONTINUE {
			return "return true"
		}
		return fmt.Sprintf("%s = 1; return false", in.ctl())
	case j.target != nil && in.within(j.target):
		return j.tok.String() + " " + j.label
	}
	return fmt.Sprintf("%s = %d; return false", in.ctl(), in.exitCode(j))
}

// rfJumpEdit rewrites a jump statement in the body of a range over a func.
func (p *parse) rfJumpEdit(st ast.Stmt, site rfJumpSite) edit {
	s, e := p.span(st)
	if site.local {
		if site.jump.tok == token.CONTINUE {
			return edit{s, e, "return true"}
		}
		return edit{s, e, fmt.Sprintf("{ %s = 1; return false }", site.loop.ctl())}
	}
	text := fmt.Sprintf("%s = %d; return false", site.loop.ctl(), site.loop.exitCode(site.jump))
	if ret, ok := st.(*ast.ReturnStmt); ok && site.jump.values {
		vars := site.outer.results
		if len(ret.Results) == len(vars) {
			var sets []string
			for i, v := range ret.Results {
				vs, ve := p.span(v)
				sets = append(sets, fmt.Sprintf("%s = (%s)", vars[i], p.rewrite(vs, ve, v)))
			}
			text = strings.Join(sets, "; ") + "; " + text
		} else {
			vs, ve := p.span(ret.Results[0])
			text = fmt.Sprintf("%s = %s; %s", strings.Join(vars, ", "), p.rewrite(vs, ve, ret.Results[0]), text)
		}
	}
	return edit{s, e, "{ " + text + " }"}
}

// iterSeqType writes iter.Seq[V] and iter.Seq2[K, V] as their func types
// (func(yield func(V) bool)): the interpreter has no package iter, and its
// generic func types are not Go's (genericargs.go). Only %T tells the two
// apart, and the cell prints the name there (format.go).
func (p *parse) iterSeqType(e ast.Expr) (string, bool) {
	var fun ast.Expr
	var args []ast.Expr
	switch e := e.(type) {
	case *ast.IndexExpr:
		fun, args = e.X, []ast.Expr{e.Index}
	case *ast.IndexListExpr:
		fun, args = e.X, e.Indices
	default:
		return "", false
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Seq" && sel.Sel.Name != "Seq2" {
		return "", false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok || id.Name != "iter" || p.opts.Shadowed["iter"] {
		return "", false
	}
	if m := p.typeModel(); m != nil {
		if pn, ok := m.info.Uses[id].(*types.PkgName); !ok || pn.Imported().Path() != "iter" {
			return "", false
		}
	}
	var ts []string
	for _, a := range args {
		s, e := p.span(a)
		ts = append(ts, p.rewrite(s, e, a))
	}
	return "func(yield func(" + strings.Join(ts, ", ") + ") bool)", true
}

// mentionsIterSeq reports whether t is or mentions iter.Seq or iter.Seq2,
// which the cells write as their func types.
func mentionsIterSeq(t types.Type) bool {
	found := false
	visitTypes(t, func(t types.Type) {
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "iter" {
			found = true
		}
	})
	return found
}

// withoutIterTypes is t with each instance of iter.Seq and iter.Seq2 in it
// written as its func type, as the cells write them (iterSeqType), for a
// type the rewrite writes out for the interpreter. (The arguments of other
// generic types are left: the interpreter then names an iter type it does
// not have, and the cell fails to compile, loudly.)
func withoutIterTypes(t types.Type) types.Type {
	if !mentionsIterSeq(t) {
		return t
	}
	return replaceTypes(t, func(t types.Type) (types.Type, bool) {
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "iter" {
			return n.Underlying(), true
		}
		return t, false
	})
}

// withoutGenericAliases is t with each instance of a generic alias in it
// written as the type it stands for (Set[int] as map[int]struct{}): yaegi
// v0.16.1 cannot instantiate a generic alias (genericAliases).
func withoutGenericAliases(t types.Type) types.Type {
	found := false
	visitTypes(t, func(t types.Type) {
		if a, ok := t.(*types.Alias); ok && a.TypeArgs().Len() > 0 {
			found = true
		}
	})
	if !found {
		return t
	}
	return replaceTypes(t, func(t types.Type) (types.Type, bool) {
		if a, ok := t.(*types.Alias); ok && a.TypeArgs().Len() > 0 {
			return types.Unalias(a), true
		}
		return t, false
	})
}

// replaceTypes is t made again with each type in it that with gives a
// replacement for replaced, at any depth (not inside a named type's type
// arguments). What it replaces with is walked again.
func replaceTypes(t types.Type, with func(types.Type) (types.Type, bool)) types.Type {
	if r, ok := with(t); ok {
		return replaceTypes(r, with)
	}
	tuple := func(tp *types.Tuple) *types.Tuple {
		var vs []*types.Var
		for v := range tp.Variables() {
			vs = append(vs, types.NewParam(v.Pos(), v.Pkg(), v.Name(), replaceTypes(v.Type(), with)))
		}
		return types.NewTuple(vs...)
	}
	switch t := t.(type) {
	case *types.Alias:
		if r := replaceTypes(types.Unalias(t), with); r != types.Unalias(t) {
			return r
		}
	case *types.Pointer:
		return types.NewPointer(replaceTypes(t.Elem(), with))
	case *types.Slice:
		return types.NewSlice(replaceTypes(t.Elem(), with))
	case *types.Array:
		return types.NewArray(replaceTypes(t.Elem(), with), t.Len())
	case *types.Map:
		return types.NewMap(replaceTypes(t.Key(), with), replaceTypes(t.Elem(), with))
	case *types.Chan:
		return types.NewChan(t.Dir(), replaceTypes(t.Elem(), with))
	case *types.Signature:
		return types.NewSignatureType(nil, nil, nil, tuple(t.Params()), tuple(t.Results()), t.Variadic())
	case *types.Struct:
		var fields []*types.Var
		var tags []string
		for i := range t.NumFields() {
			f := t.Field(i)
			fields = append(fields, types.NewField(f.Pos(), f.Pkg(), f.Name(), replaceTypes(f.Type(), with), f.Embedded()))
			tags = append(tags, t.Tag(i))
		}
		return types.NewStruct(fields, tags)
	}
	return t
}
