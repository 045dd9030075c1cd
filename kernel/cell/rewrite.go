package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"
)

type edit struct {
	at, end int // cell offsets of the replaced range (at == end for an insertion)
	text    string
}

// rewrite returns the text of [s, e) with the rewrites of node n applied.
func (p *parse) rewrite(s, e int, n ast.Node) string {
	return apply(p.src, s, e, p.edits(n))
}

// apply returns src[s:e] with the edits applied. Edits must not overlap
// except for insertions at the same point, which are applied in order.
func apply(src string, s, e int, edits []edit) string {
	// at one offset, insertions first: one there ends what is before the
	// offset (x.Sel's " }()"), a replacement starts at it (")" of a call)
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i], edits[j]
		return a.at < b.at || a.at == b.at && a.at == a.end && b.at != b.end
	})
	var b strings.Builder
	pos := s
	for _, ed := range edits {
		if ed.at < pos || ed.end > e || ed.at < s {
			continue // overlapping or outside: skip rather than corrupt
		}
		b.WriteString(src[pos:ed.at])
		b.WriteString(ed.text)
		pos = ed.end
	}
	b.WriteString(src[pos:e])
	return b.String()
}

// asExpr is n as an expression, or nil.
func asExpr(n ast.Node) ast.Expr {
	e, _ := n.(ast.Expr)
	return e
}

// wrapped is one edit that replaces e, recorded in rec, by what text
// makes of e's own rewrite and e's record: one replacement, so that the
// edits inside e nest in it and those around e outside. e's record is
// left out of its own rewrite.
func wrapped(p *parse, rec map[ast.Expr]string, e ast.Expr, text func(inner, r string) string) edit {
	r := rec[e]
	delete(rec, e)
	s, en := p.span(e)
	inner := p.rewrite(s, en, e)
	rec[e] = r
	return edit{s, en, text(inner, r)}
}

// edits returns the rewrites inside node n that hold at any depth.
func (p *parse) edits(n ast.Node) []edit {
	var eds []edit
	inList := map[ast.Stmt]bool{} // statements of a block or case body
	topDefers := map[*ast.DeferStmt]bool{}
	labeled := map[*ast.SwitchStmt]bool{} // rewritten with their label
	if st, ok := n.(ast.Stmt); ok && st != p.recoverBlock {
		inList[st] = true // a top-level statement of the cell
		// Defers in a top-level for, if, switch or block (which run
		// wrapped in a func literal) belong to the cell, as to main.
		ast.Inspect(st, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				topDefers[x] = true
			}
			return true
		})
	}
	ast.Inspect(n, func(x ast.Node) bool {
		if _, ok := p.ifaceConvs[asExpr(x)]; ok {
			e := x.(ast.Expr)
			// the edits inside e nest in the copy, those around it (the
			// ", ..." a call's rewrite adds after its last argument)
			// outside; in parentheses: yaegi v0.16.1 loses the dynamic
			// type of an interface value that a call gives straight to
			// a parameter of an interface declared in a cell (an
			// assertion said false), not of a parenthesized one: the
			// copy's call and its operand are parenthesized
			eds = append(eds, wrapped(p, p.ifaceConvs, e, func(inner, w string) string {
				if w == "" {
					return "(" + inner + ")" // a call, parenthesized only
				}
				return "(" + w + "(" + inner + ")))"
			}))
			return false
		}
		if e, ok := x.(ast.Expr); ok && p.seqArg[e] != "" {
			// an iterator given to slices.Collect and friends: its
			// values (the edits inside e nest in the helper's call)
			eds = append(eds, wrapped(p, p.seqArg, e, func(inner, helper string) string {
				return helper + "(" + inner + ")"
			}))
			return false
		}
		if e, ok := x.(ast.Expr); ok && p.recoveredAs[e] != "" {
			// recover() made HelperRecovered(recover()) inside, an
			// assertion's edits around
			eds = append(eds, wrapped(p, p.recoveredAs, e, func(inner, typ string) string {
				return HelperRecoveredAs + "(" + inner + ", " + strconv.Quote(typ) + ")"
			}))
			return false
		}
		if ces, done := p.constParamEdits(x); len(ces) > 0 {
			eds = append(eds, ces...)
			if done {
				return false
			}
		}
		if e, ok := x.(ast.Expr); ok && p.instAliases[e] != "" {
			s, en := p.span(e)
			eds = append(eds, edit{s, en, p.instAliases[e]})
			return false
		}
		if aes, ok := p.aliasEdits(x); ok {
			eds = append(eds, aes...)
			return false
		}
		if e, ok := x.(ast.Expr); ok {
			if text, ok := p.iterSeqType(e); ok {
				s, en := p.span(e)
				eds = append(eds, edit{s, en, text})
				return false
			}
		}
		if st, ok := x.(ast.Stmt); ok {
			if site, ok := p.rfJumps[st]; ok {
				eds = append(eds, p.rfJumpEdit(st, site))
				return false
			}
		}
		switch x := x.(type) {
		case *ast.BlockStmt:
			for _, st := range x.List {
				inList[st] = true
			}
		case *ast.CaseClause:
			for _, st := range x.Body {
				inList[st] = true
			}
		case *ast.CommClause:
			for _, st := range x.Body {
				inList[st] = true
			}
		}
		if as, ok := x.(*ast.AssignStmt); ok && inList[as] {
			if e, ok := p.fieldTuple(as, as == n); ok {
				eds = append(eds, e)
				return false
			}
		}
		if c, ok := x.(*ast.CallExpr); ok {
			if pe, ok := c.Fun.(*ast.ParenExpr); ok {
				switch ast.Unparen(pe).(type) {
				case *ast.Ident, *ast.SelectorExpr:
					// (f)(x) is f(x): yaegi v0.16.1 panics calling a
					// declared func in parentheses ("call of
					// reflect.Value.Call on ptr Value"); the parentheses
					// become spaces (for(f)(x){} is for f (x) {}, not forf)
					for q, ok := pe, true; ok; q, ok = q.X.(*ast.ParenExpr) {
						l, r := p.cellOffset(q.Lparen), p.cellOffset(q.Rparen)
						eds = append(eds, edit{l, l + 1, " "}, edit{r, r + 1, " "})
					}
				}
			}
			if w, ok := p.jsonErrors[c]; ok {
				eds = append(eds, p.jsonEdits(c, w)...)
			}
			p.seqArgs(c)
		}
		if c, ok := x.(*ast.CallExpr); ok {
			if e, ok := p.methodCall(c); ok {
				eds = append(eds, e)
				return false
			}
		}
		if ta, ok := x.(*ast.TypeAssertExpr); ok {
			if w, ok := p.keptAsserts[ta]; ok {
				s, e := p.span(ta)
				xs, xe := p.span(ta.X)
				eds = append(eds, edit{s, e, w[0] + p.rewrite(xs, xe, ta.X) + w[1]})
				return false
			}
			if a, ok := p.ifaceAsserts[ta]; ok {
				eds = append(eds, p.ifaceAssertEdit(ta, a))
				return false
			}
			if a, ok := p.identAsserts[ta]; ok {
				eds = append(eds, p.identityAssertEdit(ta, a))
				return false
			}
			if sa, ok := p.shapeAsserts[ta]; ok {
				eds = append(eds, p.shapeAssertEdit(ta, sa))
				return false
			}
		}
		if e, ok := x.(ast.Expr); ok && p.mapKeys[e] {
			s, en := p.span(e)
			eds = append(eds, edit{s, s, HelperKey + "("}, edit{en, en, ", " + strconv.Quote(p.src[s:en]) + ")"})
		}
		if e, ok := x.(ast.Expr); ok && p.intDivs[e] != "" {
			s, en := p.span(e)
			eds = append(eds, edit{s, en, p.intDivs[e]})
			return false
		}
		if e, ok := x.(ast.Expr); ok && p.elemStores[e] != "" {
			s, en := p.span(e)
			eds = append(eds, edit{s, s, p.elemStores[e] + "("}, edit{en, en, ")"})
		}
		if e, ok := x.(ast.Expr); ok && p.anyStores[e] != nil {
			s, en := p.span(e)
			vs, ve := p.span(p.anyStores[e])
			eds = append(eds, edit{s, vs, "[]any{"}, edit{ve, en, "}[0]"})
		}
		switch x := x.(type) {
		case *ast.Ident:
			if name, ok := p.renames[x]; ok {
				s, e := p.span(x)
				eds = append(eds, edit{s, e, name})
			}
		case *ast.FuncDecl:
			eds = append(eds, p.nameParams(x.Recv)...)
			eds = append(eds, p.nameParams(x.Type.Params)...)
			eds = append(eds, p.zeroResults(x.Type, x.Body)...)
		case *ast.FuncLit:
			if copies := p.litCopies()[x]; p.madeApart()[x] || len(copies) > 0 {
				ts, te := p.span(x.Type)
				s, e := p.span(x)
				l := strings.Join(copies, ", ")
				if l != "" {
					l += " := " + l + "; "
				}
				eds = append(eds, edit{s, s, "func() " + p.src[ts:te] + " { " + l + "return "}, edit{e, e, " }()"})
			}
			eds = append(eds, p.nameParams(x.Type.Params)...)
			eds = append(eds, p.zeroResults(x.Type, x.Body)...)
		case *ast.StructType:
			eds = append(eds, p.fieldTagEdits(x)...)
		case *ast.CompositeLit:
			if t := p.elidedPointer(x); t != "" {
				lb := p.cellOffset(x.Lbrace)
				eds = append(eds, edit{lb, lb, "&" + t})
			}
		case *ast.ForStmt:
			eds = append(eds, p.forLoopVars(x)...)
		case *ast.RangeStmt:
			if rf := p.rangeFuncs[x]; rf != nil {
				eds = append(eds, p.rangeFuncEdits(rf)...)
			} else {
				eds = append(eds, p.rangeStmt(x, n)...)
			}
		case *ast.GoStmt:
			eds = append(eds, p.callEdits(x.Go, x.Call, HelperGo)...)
			if names := p.goCopies()[x]; len(names) > 0 {
				lit := x.Call.Fun.(*ast.FuncLit)
				ts, te := p.span(lit.Type)
				s, e := p.span(lit)
				l := strings.Join(names, ", ")
				eds = append(eds, edit{s, s, "func() " + p.src[ts:te] + " { " + l + " := " + l + "; return "}, edit{e, e, " }()"})
			}
		case *ast.DeferStmt:
			switch {
			case p.rfDefers[x] != nil:
				// in the body of a range over a func: kept for the func's
				// return (rangefunc.go), its func and arguments evaluated here
				l := p.rfDefers[x].deferList()
				eds = append(eds, p.callEdits(x.Defer, x.Call, fmt.Sprintf("func(f func()) { %s = append(%[1]s, f) }", l))...)
			case x == n: // a top-level defer is rewritten by stmt
			case topDefers[x]:
				eds = append(eds, p.callEdits(x.Defer, x.Call, HelperDefer)...)
			default:
				eds = append(eds, p.deferArgs(x)...)
			}
		case *ast.CommClause:
			eds = append(eds, p.commClause(x)...)
		case *ast.LabeledStmt:
			if sw, ok := x.Stmt.(*ast.SwitchStmt); ok {
				if e := p.switchInitEdits(sw, x); e != nil {
					eds = append(eds, e...)
					labeled[sw] = true
				}
			}
		case *ast.SwitchStmt:
			if cases, ok := p.switches[x]; ok {
				eds = append(eds, p.switchEdits(x, cases)...)
			}
			if x.Tag == nil {
				eds = append(eds, p.caseListEdits(x)...)
			}
			if !labeled[x] {
				eds = append(eds, p.switchInitEdits(x, nil)...)
			}
		case *ast.TypeSwitchStmt:
			if p.typeSwitches[x] {
				eds = append(eds, p.typeSwitchEdits(x)...)
			}
		case *ast.IndexListExpr:
			if e, ok := p.funcValueEdit(x); ok {
				eds = append(eds, e)
				return false
			}
		case *ast.IndexExpr:
			if e, ok := p.funcValueEdit(x); ok {
				eds = append(eds, e)
				return false
			}
			if p.indexChecks[x] {
				eds = append(eds, p.indexEdits(x)...)
			}
		case *ast.SliceExpr:
			if limit, ok := p.sliceChecks[x]; ok {
				eds = append(eds, p.sliceEdits(x, limit)...)
			}
		case *ast.BinaryExpr:
			if c, ok := p.cmps[x]; ok {
				eds = append(eds, p.compareEdit(x, c))
				return false
			}
			if t, ok := p.shiftConvs[x]; ok {
				s, e := p.span(x.X)
				eds = append(eds, edit{s, s, t + "("}, edit{e, e, ")"})
			}
		case *ast.UnaryExpr:
			if x.Op == token.ARROW && !p.bareRecvs()[x] {
				s, e := p.span(x)
				eds = append(eds, edit{s, s, "("}, edit{e, e, ")"})
			}
			if x.Op == token.TILDE {
				if id, ok := x.X.(*ast.Ident); ok && !p.opts.Shadowed[id.Name] && !p.top[id.Name] && !p.inGenericAlias(x) {
					if names := p.opts.CompiledTerms[id.Name]; len(names) > 0 {
						_, e := p.span(x)
						eds = append(eds, edit{e, e, " | " + strings.Join(names, " | ")})
					}
				}
			}
		case *ast.ReturnStmt:
			eds = append(eds, p.tupleValues(x.Results)...)
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				for _, r := range x.Rhs {
					eds = append(eds, p.runeConst(r)...)
				}
			}
			eds = append(eds, p.tupleValues(x.Rhs)...)
		case *ast.ValueSpec:
			if p.nilInits[x] {
				_, e := p.span(x.Type)
				eds = append(eds, edit{e, e, " = nil"})
			}
			if grouped, ok := p.tupleVars[x]; ok {
				if e, ok := p.tupleVarEdit(x, grouped); ok {
					eds = append(eds, e)
					return false
				}
			}
			if x.Type == nil && !p.isConstSpec(x) {
				// (a constant stays untyped: const dead = '_' is a byte
				// where a byte is wanted)
				for _, r := range x.Values {
					eds = append(eds, p.runeConst(r)...)
					eds = append(eds, p.untypedVarValue(r)...)
				}
			}
			eds = append(eds, p.tupleValues(x.Values)...)
			if p.isConstSpec(x) {
				for i, v := range x.Values {
					if text, ok := p.foldedSpec(x, nil, i); ok {
						s, e := p.span(v)
						eds = append(eds, edit{s, e, text})
					}
				}
			}
		case *ast.GenDecl:
			eds = append(eds, p.constRepeat(x)...)
		case *ast.SelectorExpr:
			if ptr, ok := p.tagReads[x]; ok {
				s, e := p.span(x)
				xs, xe := p.span(x.X)
				arg := p.rewrite(xs, xe, x.X)
				if ptr {
					arg = "*(" + arg + ")"
				}
				eds = append(eds, edit{s, e, HelperTag + "(" + arg + ")"})
				return false
			}
			if w, ok := p.methodVals[x]; ok {
				if name, ok := p.renames[x.Sel]; ok { // (a method the interpreter knows by another name)
					w[0] = strings.Replace(w[0], "."+x.Sel.Name+" }", "."+name+" }", 1)
				}
				s, e := p.span(x)
				xs, xe := p.span(x.X)
				eds = append(eds, edit{s, e, w[0] + p.rewrite(xs, xe, x.X) + w[1]})
				return false
			}
			if e := p.methodExpr(x); e != nil {
				eds = append(eds, *e)
				return false
			}
			if lit, ok := p.ifaceMethodExpr(x); ok {
				s, e := p.span(x)
				eds = append(eds, edit{s, e, lit})
				return false
			}
			// slices and maps are generic: yaegi cannot call the compiled
			// ones, so cells use interpreted versions the session defines.
			if id, ok := x.X.(*ast.Ident); ok && id.Name == "os" && x.Sel.Name == "Exit" && !p.opts.Shadowed["os"] {
				s, e := p.span(x)
				eds = append(eds, edit{s, e, HelperExit})
				return false
			}
			if id, ok := x.X.(*ast.Ident); ok && id.Name == "os" && x.Sel.Name == "Stdin" && !p.opts.Shadowed["os"] {
				// the session's stdin (the front end), not the process's
				s, e := p.span(x)
				eds = append(eds, edit{s, e, HelperStdin})
				return false
			}
			if id, ok := x.X.(*ast.Ident); ok && id.Name == "errors" && x.Sel.Name == "AsType" && !p.opts.Shadowed["errors"] && !p.definesName("errors") {
				// Go 1.26's generic errors.AsType: an interpreted version
				s, e := p.span(x)
				eds = append(eds, edit{s, e, HelperAsType})
				return false
			}
			if name := p.interpretedMember(x); name != "" {
				s, e := p.span(x)
				eds = append(eds, edit{s, e, name})
				return false
			}
			if id, ok := x.X.(*ast.Ident); ok && implicitPackages[id.Name] && !p.opts.Shadowed[id.Name] {
				s, e := p.span(x)
				name := "__gocurve_" + id.Name + "_" + x.Sel.Name
				if p.iterOf[x] {
					name = "__gocurve_iterof_" + id.Name + "_" + x.Sel.Name // (checkIterators)
				}
				if id.Name == "cmp" && x.Sel.Name == "Ordered" {
					name = "__gocurve_ordered"
				}
				eds = append(eds, edit{s, e, name + p.typeArgs[x.Sel]})
				return false
			}
			if path := p.embeddedIfacePath(x); path != "" {
				_, e := p.span(x.X)
				eds = append(eds, edit{e, e, path})
			}
		case *ast.CallExpr:
			if c, ok := p.errIs[x]; ok {
				eds = append(eds, p.errorsIsEdits(x, c)...)
			}
			if p.errUnwrap[x] {
				fs, fe := p.span(x.Fun)
				eds = append(eds, edit{fs, fe, p.unwrapLit()})
			}
			if a, ok := p.errAs[x]; ok {
				eds = append(eds, p.errorsAsEdits(x, a)...)
				for _, a := range x.Args {
					eds = append(eds, p.edits(a)...)
				}
				return false
			}
			if u, ok := p.asTypes[x]; ok {
				eds = append(eds, p.asTypeEdits(x, u)...)
				for _, a := range x.Args {
					eds = append(eds, p.edits(a)...)
				}
				return false
			}
			if ts, ok := p.sliceCalls[x]; ok {
				eds = append(eds, p.sliceCallEdits(x, ts)...)
			}
			if what, ok := p.typeOfChecks[x]; ok {
				s, e := p.span(x)
				eds = append(eds, edit{s, s, HelperTypeOf + "("}, edit{e, e, ", " + strconv.Quote(what) + ")"})
			}
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				if r, ok := p.reflectMethods[sel.X]; ok {
					eds = append(eds, r.edits(p, sel.X)...)
				}
			}
			for _, a := range x.Args {
				if h, ok := p.wraps[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, s, h + "("}, edit{e, e, ")"})
				}
				if w, ok := p.funcConvs[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, s, w}, edit{e, e, ")"})
				}
				if names, ok := p.plusV[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, s, HelperPlusV + "("}, edit{e, e, ", " + strconv.Quote(names) + ")"})
				}
				if t, ok := p.convs[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, s, t + "("}, edit{e, e, ")"})
				}
				if name, ok := p.typeNames[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, s, "func(any) string { return " + strconv.Quote(name) + " }("}, edit{e, e, ")"})
				}
				if lit, ok := p.literals[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, e, lit})
				}
			}
			if len(x.Args) == 1 && p.panics[x.Args[0]] {
				s, e := p.span(x.Args[0])
				eds = append(eds, edit{s, s, HelperPanicToken + "(" + HelperPanic + "("}, edit{e, e, "))"})
			}
			if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "recover" && len(x.Args) == 0 && !p.opts.Shadowed["recover"] && !p.definesName("recover") {
				s, e := p.span(x)
				eds = append(eds, edit{s, s, HelperRecovered + "("}, edit{e, e, ")"})
			}
			if w, ok := p.funcConvs[x.Fun]; ok {
				s, e := p.span(x.Fun)
				eds = append(eds, edit{s, e, w})
			}
			if la, ok := p.loggerArgs[x]; ok {
				s, _ := p.span(x.Args[la.first])
				_, e := p.span(x.Args[len(x.Args)-1])
				eds = append(eds, edit{s, s, la.helper + "([]any{"}, edit{e, e, "})..."})
			}
			eds = append(eds, p.ifaceMethodCall(x)...)
			eds = append(eds, p.variadicArgs(x)...)
			eds = append(eds, p.instantiate(x)...)
			if id, ok := x.Fun.(*ast.Ident); ok && !p.opts.Shadowed[id.Name] {
				var h string
				switch id.Name {
				case "min":
					h = HelperMin
				case "max":
					h = HelperMax
				case "clear":
					h = HelperClear
				case "print":
					h = HelperPrint
				case "println":
					h = HelperPrintln
				}
				if h != "" && !p.definesName(id.Name) {
					s, e := p.span(id)
					eds = append(eds, edit{s, e, h})
					if h == HelperMin || h == HelperMax {
						eds = append(eds, p.minMaxArgs(x)...)
					}
				}
			}
		}
		return true
	})
	return eds
}

// zeroResults sets a func's named results to their zero values first
// thing in its body (result = *new(T)): yaegi v0.16.1 keeps their values
// from the previous call when the func is called in a loop and ranges over
// something (a filter returning (out []int) appended to the last call's
// out).
func (p *parse) zeroResults(ft *ast.FuncType, body *ast.BlockStmt) []edit {
	if body == nil || ft.Results == nil {
		return nil
	}
	var names, zeros []string
	for _, f := range ft.Results.List {
		s, e := p.span(f.Type)
		typ := p.rewrite(s, e, f.Type)
		for _, n := range f.Names {
			if n.Name != "_" {
				names = append(names, n.Name)
				zeros = append(zeros, "*new("+typ+")")
			}
		}
	}
	if len(names) == 0 || strings.Contains(strings.Join(zeros, ""), "\n") {
		return nil
	}
	at := p.cellOffset(body.Lbrace) + 1
	return []edit{{at, at, " " + strings.Join(names, ", ") + " = " + strings.Join(zeros, ", ") + ";"}}
}

// tupleValues parenthesizes the composite literals and the calls among
// the values of a tuple assignment, var spec or return statement (a, b :=
// []int{1}, 3; return 5, len(s); x, y = d, f(2)): yaegi v0.16.1 gives the
// other values of such a tuple their zero value, stores a builtin's
// result in the first slot, panics (return 5, append(s, t...)), or in an
// assignment with = leaves the other variables as they were (x, y = d,
// f(2) assigned y only), unless the value is in parentheses.
func (p *parse) tupleValues(values []ast.Expr) []edit {
	if len(values) < 2 {
		return nil
	}
	var eds []edit
	for _, v := range values {
		paren := false
		switch v.(type) {
		case *ast.CompositeLit, *ast.CallExpr:
			paren = true
		}
		if paren {
			s, e := p.span(v)
			eds = append(eds, edit{s, s, "("}, edit{e, e, ")"})
		}
	}
	return eds
}

// fieldTuple rewrites a tuple assignment to struct fields,
// l.Color, l.Width = c, w, into one assignment after another: yaegi
// assigns only the last field of a compiled struct. So it does one that
// assigns an empty interface (a, b = b, a of two any; xs[i], xs[j] =
// xs[j], xs[i] of a []any), which yaegi v0.16.1 failed (reflect.Set: ...
// interp.valueInterface) where the left sides can be assigned in turn. Right-hand sides that
// read a variable the left side assigns (p.X, p.Y = p.Y, p.X) are kept in
// temporaries first, inside a block (a func literal at the cell's top
// level), so Go's evaluate-then-assign order holds.
func (p *parse) fieldTuple(as *ast.AssignStmt, top bool) (edit, bool) {
	if as.Tok != token.ASSIGN || len(as.Lhs) < 2 || len(as.Lhs) != len(as.Rhs) {
		return edit{}, false
	}
	field, empty := false, false
	roots := map[string]bool{}
	for _, l := range as.Lhs {
		if _, ok := l.(*ast.SelectorExpr); ok {
			field = true
		}
		if t := p.modelType(l); t != nil && isEmptyIface(t) {
			empty = true
		}
		for _, u := range uses(l) {
			roots[u] = true
		}
	}
	if !field && (!empty || !p.inOrder(as.Lhs)) {
		return edit{}, false
	}
	text := func(e ast.Expr) string {
		s, end := p.span(e)
		return p.rewrite(s, end, e)
	}
	var pre, assign []string
	for i, r := range as.Rhs {
		rhs := text(r)
		reads := false
		for _, u := range uses(r) {
			if roots[u] {
				reads = true
			}
		}
		if reads {
			tmp := fmt.Sprintf("%s%d", HelperTemp, i)
			pre = append(pre, tmp+" := "+rhs)
			rhs = tmp
		}
		assign = append(assign, text(as.Lhs[i])+" = "+rhs)
	}
	out := strings.Join(append(pre, assign...), "; ")
	if len(pre) > 0 {
		if top {
			out = "func() { " + out + " }()"
		} else {
			out = "{ " + out + " }"
		}
	}
	s, e := p.span(as)
	return edit{s, e, out}, true
}

// inOrder reports whether the left sides of a tuple assignment can be
// assigned one after another as Go assigns them together: none calls a
// func (Go calls it before the right side's), and none reads a variable
// an earlier one assigns (i, xs[i] = 0, v indexes with the old i).
func (p *parse) inOrder(lhs []ast.Expr) bool {
	assigned := map[string]bool{}
	for _, l := range lhs {
		if id, ok := l.(*ast.Ident); ok {
			assigned[id.Name] = true
			continue
		}
		calls := false
		ast.Inspect(l, func(n ast.Node) bool {
			_, call := n.(*ast.CallExpr)
			calls = calls || call
			return !calls
		})
		if calls || slices.ContainsFunc(uses(l), func(u string) bool { return assigned[u] }) {
			return false
		}
	}
	return true
}

// selfDefine reports whether a short variable declaration's right side
// uses a name its left side declares.
func selfDefine(as *ast.AssignStmt) bool {
	lhs := map[string]bool{}
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
			lhs[id.Name] = true
		}
	}
	for _, r := range as.Rhs {
		for _, u := range uses(r) {
			if lhs[u] {
				return true
			}
		}
	}
	return false
}

// definesName reports whether the cell declares name at top level.
func (p *parse) definesName(name string) bool { return p.top[name] }

// topLevelNames are the names the cell declares at top level: its types,
// consts, vars and funcs, and the variables its statements define.
func (p *parse) topLevelNames(f *ast.File) map[string]bool {
	names := map[string]bool{}
	genDecl := func(d *ast.GenDecl) {
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.ValueSpec:
				for _, id := range sp.Names {
					names[id.Name] = true
				}
			case *ast.TypeSpec:
				names[sp.Name.Name] = true
			}
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			genDecl(d)
		case *ast.FuncDecl:
			if d.Recv != nil {
				continue
			}
			if !(strings.HasPrefix(d.Name.Name, "_cell") && p.isSynth(d)) {
				names[d.Name.Name] = true
				continue
			}
			for _, st := range d.Body.List {
				switch st := st.(type) {
				case *ast.AssignStmt:
					if st.Tok == token.DEFINE {
						for _, l := range st.Lhs {
							if id, ok := l.(*ast.Ident); ok {
								names[id.Name] = true
							}
						}
					}
				case *ast.DeclStmt:
					if gd, ok := st.Decl.(*ast.GenDecl); ok {
						genDecl(gd)
					}
				}
			}
		}
	}
	return names
}

// callEdits rewrites `go f(a, b)` / `defer f(a, b)` into
// helper(bind(f, a, b)), so f and its arguments are evaluated now as Go does,
// and `go func(){...}()` into helper(func(){...}).
func (p *parse) callEdits(kw token.Pos, c *ast.CallExpr, helper string) []edit {
	ks := p.cellOffset(kw)
	fs := p.cellOffset(c.Fun.Pos())
	if fl, ok := c.Fun.(*ast.FuncLit); ok && len(c.Args) == 0 && fl.Type.Params.NumFields() == 0 {
		ls := p.cellOffset(c.Lparen)
		return []edit{{ks, fs, helper + "("}, {ls, p.cellOffset(c.Rparen) + 1, ")"}}
	}
	if id, ok := c.Fun.(*ast.Ident); ok && isBuiltin(id.Name) && !p.opts.Shadowed[id.Name] {
		// builtins are not values: evaluate the call late
		return []edit{{ks, fs, helper + "(func(){"}, {p.cellOffset(c.Rparen) + 1, p.cellOffset(c.Rparen) + 1, "})"}}
	}
	bind := HelperBind
	if c.Ellipsis.IsValid() {
		bind = HelperBindS
	}
	ls := p.cellOffset(c.Lparen)
	rs := p.cellOffset(c.Rparen)
	eds := []edit{{ks, fs, helper + "(" + bind + "("}}
	if len(c.Args) == 0 {
		eds = append(eds, edit{ls, rs + 1, "))"})
		return eds
	}
	eds = append(eds, edit{ls, ls + 1, ", "})
	if c.Ellipsis.IsValid() {
		es := p.cellOffset(c.Ellipsis)
		eds = append(eds, edit{es, es + 3, ""})
	}
	eds = append(eds, edit{rs, rs + 1, "))"})
	return eds
}

// isBuiltin reports whether name is one of Go's builtin funcs (go/types'
// universe is the list).
func isBuiltin(name string) bool {
	_, ok := types.Universe.Lookup(name).(*types.Builtin)
	return ok
}

// spaceBefore is " " where text replacing the cell from offset at on
// would otherwise run into the keyword before it (`case!ok = <-c`,
// `for!k = range xs`: the replacement starts with a name).
func (p *parse) spaceBefore(at int) string {
	if at > 0 && p.src[at-1] != ' ' && p.src[at-1] != '\t' && p.src[at-1] != '\n' {
		return " "
	}
	return ""
}

// nameParams names the unnamed parameters (or receiver) of a func
// declaration or literal _: yaegi v0.16.1 gives an unnamed parameter no
// frame slot, and a call through an interface then stores the argument in
// the slot of the result (func (Base) Rate(int) float64 called as a
// Schedule panics: reflect.Set: value of type int is not assignable to
// type float64).
func (p *parse) nameParams(fl *ast.FieldList) []edit {
	if fl == nil {
		return nil
	}
	var eds []edit
	for _, f := range fl.List {
		if len(f.Names) == 0 {
			at := p.cellOffset(f.Type.Pos())
			eds = append(eds, edit{at, at, "_ "})
		}
	}
	return eds
}

// typedInt reports whether the type model gives e an integer type.
func (p *parse) typedInt(e ast.Expr) bool {
	t := p.modelType(e)
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// namesType reports whether id names a type, not a variable, in the
// cell's type model. Without a model it says yes: the caller has found a
// type of that name with the method, and a variable that shadows it makes
// the rewrite fail to compile, loudly.
func (p *parse) namesType(id *ast.Ident) bool {
	if m := p.typeModel(); m != nil && m.pkg != nil {
		if obj := m.info.Uses[id]; obj != nil {
			_, ok := obj.(*types.TypeName)
			return ok
		}
	}
	return true
}

// modelType is e's type in the cell's type model, nil where unknown.
func (p *parse) modelType(e ast.Expr) types.Type {
	m := p.typeModel()
	if m == nil {
		return nil
	}
	return m.info.Types[e].Type
}

// commClause rewrites `case x = <-ch:` (which yaegi rejects) into
// `case v := <-ch: x = v;`.
func (p *parse) commClause(c *ast.CommClause) []edit {
	as, ok := c.Comm.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Rhs) != 1 {
		return nil
	}
	s, e := p.span(as)
	if strings.Contains(p.src[s:e], "\n") {
		return nil
	}
	rs, re := p.span(as.Rhs[0])
	tmp := make([]string, len(as.Lhs))
	for i := range tmp {
		tmp[i] = fmt.Sprintf("__gocurve_r%d_%d", s, i)
	}
	lhs := make([]string, len(as.Lhs))
	for i, l := range as.Lhs {
		lhs[i] = p.text0(l)
	}
	colon := p.cellOffset(c.Colon) + 1
	return []edit{
		{s, e, p.spaceBefore(s) + strings.Join(tmp, ", ") + " := " + p.src[rs:re]},
		{colon, colon, " " + strings.Join(lhs, ", ") + " = " + strings.Join(tmp, ", ") + ";"},
	}
}

// uses returns the identifiers n refers to, sorted, without selector names.
func uses(n ast.Node) []string {
	set := map[string]bool{}
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(x.X, func(y ast.Node) bool {
				if id, ok := y.(*ast.Ident); ok {
					set[id.Name] = true
				}
				return true
			})
			return false
		case *ast.Ident:
			set[x.Name] = true
		}
		return true
	})
	// Names the node declares itself (params, receivers, locals) are not
	// uses of outer names; shadowing is approximated away. A struct's
	// field names are no such names (type Token struct{ Kind Kind } uses
	// the type Kind).
	{
		structField := map[*ast.Field]bool{}
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.StructType:
				for _, f := range x.Fields.List {
					structField[f] = true
				}
			case *ast.Field:
				if structField[x] {
					break
				}
				for _, id := range x.Names {
					delete(set, id.Name)
				}
			case *ast.AssignStmt:
				if x.Tok == token.DEFINE {
					for _, l := range x.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							delete(set, id.Name)
						}
					}
				}
			case *ast.RangeStmt:
				if x.Tok == token.DEFINE {
					for _, e := range []ast.Expr{x.Key, x.Value} {
						if id, ok := e.(*ast.Ident); ok {
							delete(set, id.Name)
						}
					}
				}
			case *ast.ValueSpec:
				if _, top := n.(*ast.GenDecl); !top {
					for _, id := range x.Names {
						delete(set, id.Name)
					}
				}
			}
			return true
		})
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func docText(groups ...*ast.CommentGroup) string {
	for _, g := range groups {
		if g != nil {
			return strings.TrimSpace(g.Text())
		}
	}
	return ""
}

func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " …"
	}
	return s
}

// minMaxArgs helps yaegi infer the type argument of the min and max
// helpers: it fails when the first argument is an untyped float constant.
// Typed arguments move first (min and max are symmetric); if all are
// constants and one is a float, the first becomes float64(...).
func (p *parse) minMaxArgs(c *ast.CallExpr) []edit {
	if len(c.Args) < 2 || c.Ellipsis.IsValid() {
		return nil
	}
	s, e := p.cellOffset(c.Lparen)+1, p.cellOffset(c.Rparen)
	if strings.Contains(p.src[s:e], "\n") {
		return nil
	}
	var lits, others []string
	float := false
	for _, a := range c.Args {
		as, ae := p.span(a)
		t := p.rewrite(as, ae, a) // the argument with its own rewrites
		if k, ok := constLit(a); ok {
			lits = append(lits, t)
			float = float || k == token.FLOAT
		} else {
			others = append(others, t)
		}
	}
	if len(lits) == 0 {
		return nil
	}
	if len(others) == 0 {
		if !float {
			return nil
		}
		lits[0] = "float64(" + lits[0] + ")"
	}
	// This edit replaces the edits inside the arguments (apply keeps the
	// first of overlapping edits); their rewrites are in the text.
	return []edit{{s, e, strings.Join(append(others, lits...), ", ")}}
}

// variadicArgs converts the variadic arguments of calls listed in
// Options.Variadic to their interface type: p.Add(a, b) becomes
// p.Add(plot.Plotter(a), plot.Plotter(b)).
func (p *parse) variadicArgs(c *ast.CallExpr) []edit {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || len(p.opts.Variadic) == 0 || c.Ellipsis.IsValid() {
		return nil
	}
	var v *Variadic
	if id, ok := sel.X.(*ast.Ident); ok {
		if cands := p.opts.Variadic[id.Name+"."+sel.Sel.Name]; len(cands) == 1 && !p.opts.Shadowed[id.Name] {
			v = &cands[0]
		}
	}
	if v == nil {
		cands := p.opts.Variadic[sel.Sel.Name]
		if len(cands) == 0 {
			return nil
		}
		recv := p.methodRecv(sel)
		for i := range cands {
			if cands[i].Recv == recv {
				v = &cands[i]
			}
		}
		if v == nil && recv == "" && len(cands) == 1 && !p.declaresMethod(sel.Sel.Name) {
			v = &cands[0]
		}
		if v == nil {
			return nil
		}
	}
	var eds []edit
	for i, a := range c.Args {
		if i < v.Fixed {
			continue
		}
		s, e := p.span(a)
		eds = append(eds, edit{s, s, v.Iface + "("}, edit{e, e, ")"})
	}
	return eds
}

// funcLit records in it.FuncLits what a top-level assignment gives name:
// the expression when it contains a func literal (a closure, or a value
// holding one such as hessian.Func(func…)), else "".
func (p *parse) funcLit(it *Item, name string, rhs ast.Expr) {
	if it.FuncLits == nil {
		it.FuncLits = map[string]string{}
	}
	it.FuncLits[name] = ""
	hasLit := false
	ast.Inspect(rhs, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			hasLit = true
		}
		return !hasLit
	})
	if hasLit {
		s, e := p.span(rhs)
		it.FuncLits[name] = p.rewrite(s, e, rhs)
	}
}

// instantiate writes out the type arguments the type model inferred for a
// call of a generic func the cells declared, where yaegi infers some
// wrongly: Largest(3, 9, 2) becomes Largest[int](3, 9, 2).
func (p *parse) instantiate(c *ast.CallExpr) []edit {
	if id, ok := c.Fun.(*ast.Ident); ok && p.typeArgs[id] != "" {
		_, e := p.span(id)
		return []edit{{e, e, p.typeArgs[id]}}
	}
	return nil
}

// deferArgs makes a defer inside a function evaluate its call's func and
// arguments at the defer statement, as Go does (yaegi evaluates them when
// the deferred call runs): defer f(a, b) becomes defer
// __gocurve_bind(f, a, b)(), defer r.Close() defer __gocurve_bind(r.Close)().
func (p *parse) deferArgs(d *ast.DeferStmt) []edit {
	c := d.Call
	p.madeApart()
	if lit, ok := c.Fun.(*ast.FuncLit); ok && p.loopDeferred[lit] {
		// made at the defer statement, by a call of its own (madeApart)
		ts, te := p.span(lit.Type)
		s, e := p.span(lit)
		return []edit{{s, s, HelperBind + "(func() " + p.src[ts:te] + " { return "}, {e, e, " }())"}}
	}
	if id, ok := c.Fun.(*ast.Ident); ok && isBuiltin(id.Name) && !p.opts.Shadowed[id.Name] {
		return nil
	}
	if len(c.Args) == 0 {
		if !p.bindsFunc(d) {
			return nil
		}
		// the func value too is evaluated at the defer statement in Go:
		// yaegi evaluated r.Close of `defer r.Close()` when it ran (in a
		// loop, the last r's Close every time)
		fs, fe := p.span(c.Fun)
		return []edit{{fs, fs, HelperBind + "("}, {fe, fe, ")"}}
	}
	bind := HelperBind
	if c.Ellipsis.IsValid() {
		bind = HelperBindS
	}
	fs := p.cellOffset(c.Fun.Pos())
	ls := p.cellOffset(c.Lparen)
	rs := p.cellOffset(c.Rparen)
	eds := []edit{{fs, fs, bind + "("}, {ls, ls + 1, ", "}, {rs, rs + 1, ")()"}}
	if c.Ellipsis.IsValid() {
		es := p.cellOffset(c.Ellipsis)
		eds = append(eds, edit{es, es + 3, ""})
	}
	return eds
}

// madeApart returns the func literals to be made by a func literal of
// their own, called at once (func() T { return lit }()), so that their
// closure belongs to that call's frame and not to the frame of the func
// they are in (computed once). yaegi v0.16.1 runs a func's deferred calls
// holding its frame's lock, and a closure made in a frame takes that lock
// when a call of it returns: calling such a closure from a deferred call
// (cleanup := func() {…}; defer cleanup()) never returned. So are made the
// literals of a func that defers, but those called where they stand; and,
// in a loop, a deferred literal without arguments, which yaegi made only
// when it ran, after the loop (for i := range 3 { defer func() {
// fmt.Println(i) }() } printed 2 2 2, Go 2 1 0) — but not one that calls
// recover, which must be the deferred call itself to stop a panic.
func (p *parse) madeApart() map[*ast.FuncLit]bool {
	if p.apart != nil {
		return p.apart
	}
	p.apart, p.loopDeferred = map[*ast.FuncLit]bool{}, map[*ast.FuncLit]bool{}
	p.deferAt = map[*ast.DeferStmt]deferSite{}
	// walk visits the body of one func: defers tells whether it defers
	var walk func(body ast.Node)
	walk = func(body ast.Node) {
		defers := false
		var lits []*ast.FuncLit
		called := map[*ast.FuncLit]bool{}
		loopDeferred := map[*ast.FuncLit]bool{}
		var visit func(n ast.Node, loop bool)
		visit = func(n ast.Node, loop bool) {
			ast.Inspect(n, func(x ast.Node) bool {
				if x == n {
					return true
				}
				switch x := x.(type) {
				case *ast.FuncLit:
					lits = append(lits, x)
					walk(x.Body)
					return false
				case *ast.ForStmt:
					for _, part := range []ast.Node{x.Init, x.Cond, x.Post} {
						if part != nil { // (a nil Stmt or Expr is a nil Node)
							visit(part, loop)
						}
					}
					visit(x.Body, true)
					return false
				case *ast.RangeStmt:
					visit(x.X, loop)
					visit(x.Body, true)
					return false
				case *ast.DeferStmt:
					defers = true
					p.deferAt[x] = deferSite{loop: loop, body: body}
					if lit, ok := ast.Unparen(x.Call.Fun).(*ast.FuncLit); ok && loop && len(x.Call.Args) == 0 && !calls(lit, "recover") {
						loopDeferred[lit] = true
					}
				case *ast.CallExpr:
					if lit, ok := ast.Unparen(x.Fun).(*ast.FuncLit); ok {
						called[lit] = true
					}
				}
				return true
			})
		}
		visit(body, false)
		for _, lit := range lits {
			switch {
			case loopDeferred[lit]:
				p.loopDeferred[lit] = true // deferArgs writes it
			case defers && !called[lit]:
				p.apart[lit] = true
			}
		}
	}
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			walk(fd.Body)
		}
	}
	return p.apart
}

// goCopies returns, for each go statement of a func literal in a loop,
// the loop's variables the literal uses (computed once). The literal is
// made by a call of its own that copies them first (go func() func() {
// i := i; return func() {…} }()): the goroutine reads that call's copies.
// yaegi's per-iteration variables are slots the next iteration writes
// again, and a goroutine of `for i := … { go func() { sum += i }() }`
// read some of them zeroed or changed: the sum came out short, silently
// and not every time. Loops whose body assigns the variable are left as
// they are (the goroutine shares it with the loop).
func (p *parse) goCopies() map[*ast.GoStmt][]string {
	if p.goVars != nil {
		return p.goVars
	}
	p.goVars = map[*ast.GoStmt][]string{}
	p.litVars = map[*ast.FuncLit][]string{}
	// (top: in the cell's top-level statements, not in a func of theirs)
	var visit func(n ast.Node, vars []string, top bool)
	visit = func(n ast.Node, vars []string, top bool) {
		ast.Inspect(n, func(x ast.Node) bool {
			if x == n {
				return true
			}
			switch x := x.(type) {
			case *ast.FuncLit:
				visit(x.Body, nil, false) // a func of its own: its own loops
				return false
			case *ast.ForStmt:
				inner := vars
				if as, ok := x.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
					inner = append(slices.Clip(vars), loopNames(as.Lhs, x.Body)...)
				}
				visit(x.Body, inner, top)
				return false
			case *ast.RangeStmt:
				inner := vars
				if x.Tok == token.DEFINE {
					inner = append(slices.Clip(vars), loopNames([]ast.Expr{x.Key, x.Value}, x.Body)...)
				}
				visit(x.X, vars, top)
				visit(x.Body, inner, top)
				return false
			case *ast.GoStmt:
				if lit, ok := x.Call.Fun.(*ast.FuncLit); ok && len(vars) > 0 {
					if used := usedNames(lit, vars); len(used) > 0 {
						p.goVars[x] = used
					}
				}
			case *ast.DeferStmt:
				// a func literal deferred in a loop of the cell's top
				// level runs when the cell ends (HelperDefer): each
				// turn's is made with its own copy of the loop's
				// variables, or all saw the last turn's (2 2 2 for Go's
				// 2 1 0)
				if lit, ok := x.Call.Fun.(*ast.FuncLit); ok && len(vars) > 0 && top {
					if used := usedNames(lit, vars); len(used) > 0 {
						p.litVars[lit] = used
					}
				}
			case *ast.CallExpr:
				if len(vars) == 0 || !p.callsCompiled(x) {
					break
				}
				for _, a := range x.Args {
					if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
						if used := usedNames(lit, vars); len(used) > 0 {
							p.litVars[lit] = used
						}
					}
				}
			}
			return true
		})
	}
	for _, d := range p.ast.Decls {
		fd, ok := d.(*ast.FuncDecl)
		visit(d, nil, ok && fd.Recv == nil && strings.HasPrefix(fd.Name.Name, "_cell") && p.isSynth(fd))
	}
	return p.goVars
}

// funcValueEdit writes x, an instance of a generic func recorded as used
// as a value (funcValues), as its func literal, the instance rewritten
// inside it.
func (p *parse) funcValueEdit(x ast.Expr) (edit, bool) {
	if _, ok := p.funcValues[x]; !ok {
		return edit{}, false
	}
	return wrapped(p, p.funcValues, x, func(inner, lit string) string { return strings.Replace(lit, instancePlace, inner, 1) }), true
}

// usedNames are the names among vars that n uses, in the order it first
// does.
func usedNames(n ast.Node, vars []string) []string {
	var used []string
	ast.Inspect(n, func(y ast.Node) bool {
		if id, ok := y.(*ast.Ident); ok && slices.Contains(vars, id.Name) && !slices.Contains(used, id.Name) {
			used = append(used, id.Name)
		}
		return true
	})
	return used
}

// litCopies returns, for each func literal in a loop that is an argument
// of a compiled func or method (wg.Go(func() { … i … })), the loop's
// variables the literal uses. The literal is made by a call of its own
// that copies them first, as goCopies does for go statements: yaegi
// v0.16.1 hands compiled code a wrapper that reads the captured
// variables when it is called, and wg.Go's goroutines read the slot the
// loop's later iterations wrote (squares: [0 0 0 0 0 25], silently).
func (p *parse) litCopies() map[*ast.FuncLit][]string {
	p.goCopies()
	return p.litVars
}

// callsCompiled reports whether c calls a func or method of a compiled
// package.
func (p *parse) callsCompiled(c *ast.CallExpr) bool {
	m := p.typeModel()
	if m == nil {
		return false
	}
	fn := calledFunc(m, c)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() != "main"
}

// loopNames returns the names among a loop's variables (lhs) that its
// body does not assign.
func loopNames(lhs []ast.Expr, body *ast.BlockStmt) []string {
	var out []string
	for _, l := range lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" && !assigns(body, []string{id.Name}) {
			out = append(out, id.Name)
		}
	}
	return out
}

// deferSite is where a defer statement is: in a loop of its func or not,
// and the body of that func.
type deferSite struct {
	loop bool
	body ast.Node
}

// bindsFunc reports whether deferArgs binds the func value of d, a
// deferred call without arguments, at the defer statement: where it may
// differ when the call runs, because the defer is in a loop of its func,
// the func is a call's result (defer g()()), or the variable it starts
// from is assigned in the func (r := a; defer r.Close(); r = b). Elsewhere
// yaegi's own deferred call is left (a goroutine's defer wg.Done()).
func (p *parse) bindsFunc(d *ast.DeferStmt) bool {
	p.madeApart()
	site, ok := p.deferAt[d]
	if !ok || len(d.Call.Args) > 0 {
		return false
	}
	if site.loop {
		_, lit := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
		return !lit // (a literal is made at the defer: madeApart)
	}
	selected := false
	for e := d.Call.Fun; ; {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			// s.print: any change of s (s.id = "bar", a pointer method
			// call, &s given away) may show through a method value
			// bound later, so it is bound at the defer
			return selected || assigns(site.body, []string{x.Name})
		case *ast.SelectorExpr:
			selected = true
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.CallExpr:
			return true
		default:
			return false
		}
	}
}

// calls reports whether n calls a func named name (recover, panic)
// anywhere in it, by its syntax.
func calls(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if c, ok := x.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok && id.Name == name {
				found = true
			}
		}
		return !found
	})
	return found
}

// checkOpaqueFormat refuses the operands of a type declared in a cell
// (or an interface that may hold one) of a printf-style call whose format
// is not a constant: its verbs are unknown before it runs, and %T of such
// a value prints the interpreter's structure, %+v its renamed fields.
func (p *parse) checkOpaqueFormat(m *model, args []ast.Expr) {
	for _, arg := range args {
		t := m.info.Types[arg].Type
		if t == nil {
			continue
		}
		what := "a type declared in a cell"
		if !mentionsCellType(t, map[types.Type]bool{}) {
			if !holdsCellType(m, t) {
				continue
			}
			what = "which may hold a type declared in a cell"
		}
		p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("a %s, %s, printed through a format that is not a constant: if the format has %%T or %%+v, the interpreter prints its own structure or renamed fields, not Go's; write the format as a string literal (or a constant)",
			types.TypeString(t, types.RelativeTo(m.pkg)), what)})
		return
	}
}

// elidedPointer is T where lit is an element of a composite literal
// written without its type that stands for &T{...}, T a type of a compiled
// package (fstest.MapFS{"f": {Data: b}}): yaegi v0.16.1 does not take the
// elided literal as a pointer to T there ("undefined: Data", or a panic
// of its compiler). "" for any other literal.
func (p *parse) elidedPointer(lit *ast.CompositeLit) string {
	if lit.Type != nil {
		return ""
	}
	m := p.typeModel()
	if m == nil {
		return ""
	}
	ptr, ok := types.Unalias(m.info.Types[lit].Type).(*types.Pointer)
	if !ok {
		return ""
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() == "main" || n.TypeArgs().Len() > 0 {
		return ""
	}
	t, ok := m.typeString(n)
	if !ok {
		return ""
	}
	return t
}

// caseListEdits joins the expressions of each case of a switch without a
// tag by ||, which is what Go's case a, b: is there (each is evaluated in
// turn until one is true): yaegi v0.16.1 tests only the first, so
// case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z': missed 'G' silently.
// || is the lowest of Go's operators: no expression needs parentheses.
func (p *parse) caseListEdits(s *ast.SwitchStmt) []edit {
	var eds []edit
	for _, cc := range s.Body.List {
		list := cc.(*ast.CaseClause).List
		for i := 1; i < len(list); i++ {
			_, pe := p.span(list[i-1])
			es, _ := p.span(list[i])
			eds = append(eds, edit{pe, es, " || "})
		}
	}
	return eds
}

// bareRecvs returns the receive expressions of the cell that stay as they
// are written: a statement of its own, a select case's, a comma-ok
// receive's, and one already in parentheses. yaegi v0.16.1 stores the
// value any other receive gives as the channel handed it, without a copy:
// assigned to a slice's element or a struct's field (xs[0] = <-ch), it
// was lost (the element stayed 0); given to a variable, a later x += 1 or
// x++ panicked (reflect.Value.SetInt using unaddressable value), and so
// did return <-ch. In parentheses it is copied; the edit writes them.
func (p *parse) bareRecvs() map[*ast.UnaryExpr]bool {
	if p.keptRecvs != nil {
		return p.keptRecvs
	}
	p.keptRecvs = map[*ast.UnaryExpr]bool{}
	keep := func(e ast.Expr) {
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			p.keptRecvs[u] = true
		}
	}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ExprStmt:
			keep(n.X)
		case *ast.ParenExpr:
			keep(n.X)
		case *ast.CommClause:
			switch c := n.Comm.(type) {
			case *ast.ExprStmt:
				keep(c.X)
			case *ast.AssignStmt:
				keep(c.Rhs[0])
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 {
				keep(n.Rhs[0])
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 {
				keep(n.Values[0])
			}
		}
		return true
	})
	return p.keptRecvs
}

// inGenericAlias reports whether n is in the type parameters of a generic
// alias (type Set[T ~int] = …), which yaegi v0.16.1 does not parse: its
// error's column is the cell's, not one past a constraint written out.
func (p *parse) inGenericAlias(n ast.Node) bool {
	found := false
	ast.Inspect(p.ast, func(x ast.Node) bool {
		if found || x == nil || x.Pos() > n.Pos() || x.End() < n.End() {
			return false
		}
		if ts, ok := x.(*ast.TypeSpec); ok && ts.Assign.IsValid() && ts.TypeParams != nil {
			found = true
		}
		return !found
	})
	return found
}

// embeddedIfacePath is the path of embedded fields (".Logger") through
// which x, a method of an interface embedded in a struct, is promoted:
// yaegi v0.16.1 panicked ("invalid interface value") calling s.Log where
// Go calls s.Logger.Log, which it calls right. "" for any other selector.
func (p *parse) embeddedIfacePath(x *ast.SelectorExpr) string {
	if p.model == nil {
		return ""
	}
	sel, ok := p.model.info.Selections[x]
	if !ok || sel.Kind() != types.MethodVal || len(sel.Index()) < 2 {
		return ""
	}
	t := sel.Recv()
	var path strings.Builder
	inCell := false // the struct holding the field is a type of the cells
	for _, i := range sel.Index()[:len(sel.Index())-1] {
		if ptr, ok := t.Underlying().(*types.Pointer); ok {
			t = ptr.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return ""
		}
		inCell = declaredInCell(t)
		f := st.Field(i)
		path.WriteString("." + f.Name())
		t = f.Type()
	}
	if !types.IsInterface(t) || !inCell {
		return ""
	}
	return path.String()
}
