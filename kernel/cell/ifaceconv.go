package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// checkIfaceConvs records the operands of the cell's conversions to an
// interface type (an assignment, a var declaration, a return, a call's
// argument, an element of a composite literal or of append, a send, an
// explicit conversion) whose value is of a type declared in a cell with
// methods, or a pointer to one. yaegi v0.16.1 does not copy such a value
// into the interface: it keeps where the value was read (the variable,
// or the slot of the expression's value in its func's frame) and reads it
// again each time a method is called or the value is printed, so a later
// change of the variable, or the next turn of a loop, showed through
// silently (var err error = e; e.Code = 2 printed the new code; errors
// appended in a loop all printed the last one). Each operand is passed
// through a func literal that returns it as the interface: the value is
// then read from that call's own frame, which nothing else writes. The
// walk also records a func's one result stored in an any for
// checkAnyStore.
//
// A compiled func's empty-interface parameter (fmt.Println's) receives a
// copy and is left alone; so are constants, nil, and values of func types
// (checkFuncConv).
func (p *parse) checkIfaceConvs(m *model) {
	if m.pkg == nil {
		return
	}
	var results []*types.Tuple // of the funcs the walk is in
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			fn, _ := m.info.Defs[n.Name].(*types.Func)
			if fn == nil {
				return false
			}
			results = append(results, fn.Type().(*types.Signature).Results())
			ast.Inspect(n.Body, walk)
			results = results[:len(results)-1]
			return false
		case *ast.FuncLit:
			sig, _ := m.info.Types[n].Type.(*types.Signature)
			if sig == nil {
				return false
			}
			results = append(results, sig.Results())
			ast.Inspect(n.Body, walk)
			results = results[:len(results)-1]
			return false
		case *ast.ReturnStmt:
			if len(results) == 0 {
				break
			}
			if rs := results[len(results)-1]; rs != nil && rs.Len() == len(n.Results) {
				if len(n.Results) == 1 {
					// func f() any { return Dog{} }, one result: the
					// results of a return of several are rewritten
					// otherwise too
					p.checkAnyStore(m, rs.At(0).Type(), n.Results[0], n.Results[0])
				}
				for i, r := range n.Results {
					if to := rs.At(i).Type(); compiledIface(m, to) || isEmptyIface(to) || !fresh(m, r) {
						p.ifaceConv(m, to, r)
					}
				}
			}
		case *ast.AssignStmt:
			if (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					p.ifaceConv(m, m.info.TypeOf(l), n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil && len(n.Names) == len(n.Values) {
				for _, v := range n.Values {
					p.ifaceConv(m, m.info.TypeOf(n.Type), v)
				}
			}
		case *ast.SendStmt:
			if ch, ok := underlying(m.info.TypeOf(n.Chan)).(*types.Chan); ok {
				p.ifaceConv(m, ch.Elem(), n.Value)
			}
		case *ast.CompositeLit:
			p.compositeConvs(m, n)
		case *ast.CallExpr:
			p.callConvs(m, n)
		}
		return true
	}
	ast.Inspect(p.ast, walk)
}

// dropConverted forgets the stores of checkAnyStore and checkElemStore
// whose value checkIfaceConvs copies: the copy is converted to the
// interface already, and an empty interface's copy keeps its type
// (ifaceConv).
func (p *parse) dropConverted() {
	for e := range p.ifaceConvs {
		delete(p.elemStores, e)
		if p.anyStores[e] == e {
			delete(p.anyStores, e)
		}
	}
}

// fresh reports whether e, returned by a func, is a value made there (a
// composite literal or a call's result), read from the slot of the call's
// own frame, which nothing writes after the return: it needs no copy to
// become an interface declared in a cell (one of a package still is made
// through the copy, which keeps a struct's value, HelperRemember; an any
// through the copy that keeps its type).
func fresh(m *model, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		return isCall(m, x)
	}
	return false
}

// underlying is t's underlying type, or nil.
func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// compositeConvs records the elements of the composite literal c that are
// converted to an interface (checkIfaceConvs).
func (p *parse) compositeConvs(m *model, c *ast.CompositeLit) {
	t := underlying(m.info.TypeOf(c))
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem().Underlying() // &T{...} elided in a []*T
	}
	for i, e := range c.Elts {
		kv, _ := e.(*ast.KeyValueExpr)
		v := e
		if kv != nil {
			v = kv.Value
		}
		switch t := t.(type) {
		case *types.Slice:
			p.ifaceConv(m, t.Elem(), v)
		case *types.Array:
			p.ifaceConv(m, t.Elem(), v)
		case *types.Map:
			p.ifaceConv(m, t.Elem(), v)
		case *types.Struct:
			if kv == nil {
				if i < t.NumFields() {
					p.ifaceConv(m, t.Field(i).Type(), v)
				}
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := m.info.Uses[id].(*types.Var); ok {
					p.ifaceConv(m, f.Type(), v)
				}
			}
		}
	}
}

// callConvs records the arguments of the call c that are converted to an
// interface (checkIfaceConvs): to a parameter, to the element of append,
// or by a conversion I(v).
func (p *parse) callConvs(m *model, c *ast.CallExpr) {
	if tv := m.info.Types[c.Fun]; tv.IsType() {
		if len(c.Args) == 1 {
			p.ifaceConv(m, tv.Type, c.Args[0])
		}
		return
	}
	if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok {
		if b, ok := m.info.Uses[id].(*types.Builtin); ok {
			if sl, ok := underlying(m.info.TypeOf(c)).(*types.Slice); ok && b.Name() == "append" && !c.Ellipsis.IsValid() {
				for _, a := range c.Args[1:] {
					p.ifaceConv(m, sl.Elem(), a)
				}
			}
			return
		}
	}
	sig, ok := underlying(m.info.TypeOf(c.Fun)).(*types.Signature)
	if !ok {
		return
	}
	if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
		if s := m.info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			return // T.M(x, args): rewritten as x.M(args) (methodExpr)
		}
	}
	compiled := compiledFunc(m, c.Fun)
	params := sig.Params()
	for i, a := range c.Args {
		var to types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			if c.Ellipsis.IsValid() {
				continue // the slice is passed as it is
			}
			to = params.At(params.Len() - 1).Type().(*types.Slice).Elem()
		case i < params.Len():
			to = params.At(i).Type()
		default:
			continue
		}
		if compiled && isEmptyIface(to) {
			continue
		}
		if at := m.info.TypeOf(a); !compiled && at != nil && types.IsInterface(at) && declaredInCell(at) && isCall(m, a) {
			// detect(mk()), mk returning a Shape: yaegi v0.16.1 loses
			// the dynamic type of the value (v.(Circle) said false)
			// unless the call is parenthesized (the edit of ifaceConvs)
			if p.ifaceConvs == nil {
				p.ifaceConvs = map[ast.Expr]string{}
			}
			p.ifaceConvs[a] = ""
			continue
		}
		p.ifaceConv(m, to, a)
	}
}

// isCall reports whether e is a call of a func (not a conversion).
func isCall(m *model, e ast.Expr) bool {
	c, ok := e.(*ast.CallExpr)
	return ok && !m.info.Types[c.Fun].IsType()
}

// compiledFunc reports whether fun, the func of a call, is a func or
// method of a compiled package.
func compiledFunc(m *model, fun ast.Expr) bool {
	var obj types.Object
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		obj = m.info.Uses[f]
	case *ast.SelectorExpr:
		obj = m.info.Uses[f.Sel]
	}
	fn, ok := obj.(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg() != m.pkg
}

// ifaceConv records v, converted to the type to, where the conversion
// keeps the place v was read instead of a copy (checkIfaceConvs), or
// makes a wrapper of an interface declared in a cell for an interface of
// a package.
func (p *parse) ifaceConv(m *model, to types.Type, v ast.Expr) {
	tv := m.info.Types[v]
	from := tv.Type
	if invalid(to) || invalid(from) || tv.Value != nil || tv.IsNil() || !types.IsInterface(to) || mentionsTypeParam(to) || mentionsTypeParam(from) {
		return
	}
	if _, fn := from.Underlying().(*types.Signature); fn || !declaredInCell(from) {
		return
	}
	if types.IsInterface(from) && (isEmptyIface(to) || !compiledIface(m, to)) || !types.IsInterface(from) && !hasMethods(from) {
		return
	}
	fs, ok := m.typeString(from)
	if !ok {
		return
	}
	ts, ok := m.typeString(to)
	if !ok {
		return
	}
	if p.ifaceConvs == nil {
		p.ifaceConvs = map[ast.Expr]string{}
	}
	p.ifaceConvs[v] = copyFunc(m, from, to, fs, ts)
}

// copyFunc is the source of the func literal, up to its call's "(", that
// checkIfaceConvs passes a value of the type from (written fs) through to
// make it the interface to (written ts). An empty interface keeps the
// value's type beside it as an element of a []any does (checkAnyStore).
// An interface of a package is the interpreter's wrapper, beside which a
// struct's value is kept (HelperRemember: the wrapper holds one of its
// fields, where it holds a pointer or a value of another kind right); a
// nil pointer or channel would make
// it a nil interface there, where Go's holds the nil pointer and its
// type, so it panics saying so, and a nil slice or map is passed as an
// empty one (sort.Sort(byAge(nil)) would call a method of nil).
func copyFunc(m *model, from, to types.Type, fs, ts string) string {
	c := HelperTemp + "_c"
	var body string
	switch {
	case isEmptyIface(to):
		body = "return []any{" + c + "}[0]"
	case compiledIface(m, to):
		_, ptr := from.Underlying().(*types.Pointer)
		switch from.Underlying().(type) {
		case *types.Pointer, *types.Chan:
			if ptr && types.Identical(to, types.Universe.Lookup("error").Type()) {
				// Go's error holding the nil pointer and its type, the
				// classic trap (err != nil)
				body = "if " + c + " == nil { return " + HelperTypedNil + "(" + c + ", func() string { return " + c + ".Error() }) }; "
				break
			}
			body = "if " + c + " == nil { panic(" + strconv.Quote(nilIfaceMessage(fs, ts)+"; where there is no value, return or assign nil itself") + ") }; "
		case *types.Slice, *types.Map:
			body = "if " + c + " == nil { " + c + " = " + fs + "{} }; "
		}
		if structValue(from) || types.IsInterface(from) { // (an interface's struct is kept, HelperRemember sees)
			r := HelperTemp + "_r"
			if types.IsInterface(from) && declaredInCell(from) {
				// From a cell's interface, the interpreter builds the
				// wrapper's methods from the interface, not the value,
				// and took a struct's field of the method's name for
				// the method (a Write of upper{w io.Writer} wrote to w
				// as it was): each cell type that has from's methods
				// converts from its own value.
				v, ok := HelperTemp+"_v", HelperTemp+"_ok"
				cells := cellTypes(m)
				for _, t := range cells {
					if types.Implements(t, from.Underlying().(*types.Interface)) && structShape(t) && sameShape(t, cells) == nil {
						ct, writable := m.typeString(t)
						if !writable {
							continue
						}
						body += "if " + v + ", " + ok + " := " + c + ".(" + ct + "); " + ok + " { var " + r + " " + ts + " = " + v + "; " + HelperRemember + "(" + r + ", []any{" + v + "}[0]); return " + r + " }; "
					}
				}
			}
			body += "var " + r + " " + ts + " = " + c + "; " + HelperRemember + "(" + r + ", []any{" + c + "}[0]); return " + r
		} else {
			body += "return " + c
		}
	default:
		body = "return " + c
	}
	return "func(" + c + " " + fs + ") " + ts + " { " + body + " }("
}

// nilIfaceMessage says why a nil pointer of type ptr made the interface
// iface panics: the interpreter makes it a nil interface.
func nilIfaceMessage(ptr, iface string) string {
	return fmt.Sprintf("a nil %s made %s %s: Go's %[3]s holds the nil pointer and its type, so it is not nil, but the interpreter makes it a nil %[3]s", ptr, article(iface), iface)
}

// article is "a" or "an" before s.
func article(s string) string {
	if strings.ContainsRune("aeiouAEIOU", rune(s[0])) {
		return "an"
	}
	return "a"
}

// structValue reports whether t is a struct type with fields (not a
// pointer): the interpreter's wrapper holds one of its fields instead (an
// empty struct it holds right).
func structValue(t types.Type) bool {
	s, ok := t.Underlying().(*types.Struct)
	return ok && s.NumFields() > 0
}

// compiledIface reports whether t, an interface, is error or an interface
// of a compiled package, which the interpreter makes of a cell's value
// with a wrapper (not an interface it interprets).
func compiledIface(m *model, t types.Type) bool {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return true
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg() != m.pkg
}

// checkKeptAssert records x.(I), an assertion to an interface of a
// package with methods (error, fmt.Stringer) of a value of an empty
// interface or of one declared in a cell that may hold a cell type: the
// interpreter makes the wrapper there, and the value is kept beside it as
// checkIfaceConvs keeps those it converts (HelperRemember); commaOK: x.(I)
// gives two values.
func (p *parse) checkKeptAssert(m *model, ta *ast.TypeAssertExpr, commaOK bool) {
	if ta.Type == nil || m.pkg == nil {
		return
	}
	to, xt := m.info.TypeOf(ta.Type), m.info.TypeOf(ta.X)
	if invalid(to) || invalid(xt) || !types.IsInterface(to) || isEmptyIface(to) || !compiledIface(m, to) || mentionsTypeParam(xt) {
		return
	}
	if !isEmptyIface(xt) && !(types.IsInterface(xt) && declaredInCell(xt)) || !holdsCellType(m, xt) {
		return
	}
	ts, ok := m.typeString(to)
	if !ok {
		return
	}
	x, v, okName := HelperTemp+"_x", HelperTemp+"_v", HelperTemp+"_ok"
	lit := "func(" + x + " any) " + ts + " { " + v + " := " + x + ".(" + ts + "); " + HelperRemember + "(" + v + ", " + x + "); return " + v + " }("
	if commaOK {
		lit = "func(" + x + " any) (" + ts + ", bool) { " + v + ", " + okName + " := " + x + ".(" + ts + "); if " + okName + " { " + HelperRemember + "(" + v + ", " + x + ") }; return " + v + ", " + okName + " }("
	}
	if p.keptAsserts == nil {
		p.keptAsserts = map[*ast.TypeAssertExpr][2]string{}
	}
	p.keptAsserts[ta] = [2]string{lit, ")"}
}
