package cell

import (
	"go/ast"
	"go/types"
	"strings"
)

// Direct method calls as method-expression calls.
//
// yaegi v0.16.1 runs a call x.M(a) of an interpreted method by building a
// method value on every call (getMethod: a copy of the method's node and a
// reflect.MakeFunc wrapper, genFuncValue) and calling that through
// reflect.Value.Call, about four times the cost of a plain interpreted func
// call. The method expression call (*T).M(x, a) is called like a func with
// the receiver as its first argument, at the plain func's cost, with the
// same result: Go defines x.M(a) as (*T).M(&x, a) or T.M(x, a) when M is
// declared on T (the Go spec, "Method values" and "Calls").
//
// Only calls whose meaning is that exact identity are rewritten: M declared
// on the named, non-generic type T itself (not promoted through an
// embedded field), T declared by the cells, and T's name meaning T at the
// call; a pointer receiver called on *T or on an addressable variable or
// field, a value receiver called on a T. A value method called through a
// *T is left alone (the dereference would panic with yaegi's message
// rather than Go's), as are method values, interface calls, the calls
// of go and defer statements, which other rewrites own, and calls whose
// one argument is a call of several results (x.M(f())).

// methodCalls maps each rewritable call x.M(a) to the text that replaces
// "x.M(": the method expression and what goes before x ("&" or "").
type methodCalls map[*ast.CallExpr][2]string

// methodCall returns the edit that writes the call c as a method
// expression call, with the rewrites inside its receiver and arguments.
func (p *parse) methodCall(c *ast.CallExpr) (edit, bool) {
	if p.methodCallsOf == nil {
		p.methodCallsOf = p.findMethodCalls()
	}
	w, ok := p.methodCallsOf[c]
	if !ok {
		return edit{}, false
	}
	for _, a := range c.Args {
		if p.wraps[a] != "" || p.convs[a] != "" || p.typeNames[a] != "" || p.literals[a] != "" {
			return edit{}, false
		}
	}
	if len(p.variadicArgs(c)) > 0 || len(p.instantiate(c)) > 0 {
		return edit{}, false
	}
	sel := c.Fun.(*ast.SelectorExpr)
	xs, xe := p.span(sel.X)
	lp, rp := p.cellOffset(c.Lparen)+1, p.cellOffset(c.Rparen)
	var b strings.Builder
	b.WriteString(w[0])
	b.WriteString(w[1])
	b.WriteString(p.rewrite(xs, xe, sel.X))
	// Keep the line breaks between x and "(", so that lines map back.
	b.WriteString(strings.Repeat("\n", strings.Count(p.src[xe:lp], "\n")))
	if len(c.Args) > 0 {
		b.WriteString(", ")
		var eds []edit
		for _, a := range c.Args {
			eds = append(eds, p.edits(a)...)
		}
		b.WriteString(apply(p.src, lp, rp, eds))
	}
	b.WriteString(")")
	s, e := p.span(c)
	return edit{s, e, b.String()}, true
}

// findMethodCalls finds the rewritable calls of the cell; it type-checks
// the cell only if the cell calls a method name that the cells declare.
func (p *parse) findMethodCalls() (calls methodCalls) {
	calls = methodCalls{}
	names := p.methodNames()
	var candidates []*ast.CallExpr
	owned := map[*ast.CallExpr]bool{} // the calls of go and defer statements
	ast.Inspect(p.ast, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			owned[n.Call] = true
		case *ast.DeferStmt:
			owned[n.Call] = true
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok && names[sel.Sel.Name] && !owned[n] {
				candidates = append(candidates, n)
			}
		}
		return true
	})
	if len(candidates) == 0 {
		return calls
	}
	defer func() {
		if recover() != nil { // a failure of the checker costs only the speed-up
			calls = methodCalls{}
		}
	}()
	m := p.typeModel()
	if m == nil || m.pkg == nil {
		return calls
	}
	locals := localNames(m)
	for _, c := range candidates {
		if len(c.Args) == 1 {
			if _, tuple := m.info.Types[c.Args[0]].Type.(*types.Tuple); tuple {
				continue // x.M(f()) of f's several results: (*T).M(x, f()) is not Go
			}
		}
		if w, ok := methodExprOf(m, locals, c); ok {
			calls[c] = w
		}
	}
	return calls
}

// methodNames are the names of the methods the session and the cell declare.
func (p *parse) methodNames() map[string]bool {
	names := map[string]bool{}
	for k := range p.opts.Methods {
		names[k[strings.IndexByte(k, '.')+1:]] = true
	}
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
			names[fd.Name.Name] = true
		}
	}
	return names
}

// methodExprOf returns the method expression that c calls, as "(*T).M(" or
// "T.M(", and "&" where the receiver's address is taken.
func methodExprOf(m *model, locals map[string]bool, c *ast.CallExpr) ([2]string, bool) {
	no := [2]string{}
	sel := c.Fun.(*ast.SelectorExpr)
	s := m.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || len(s.Index()) != 1 {
		return no, false
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok {
		return no, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return no, false
	}
	recv := sig.Recv().Type()
	_, ptrRecv := recv.(*types.Pointer)
	if ptrRecv {
		recv = recv.(*types.Pointer).Elem()
	}
	named, ok := recv.(*types.Named)
	if !ok || types.IsInterface(named) || named.TypeParams().Len() > 0 || named.TypeArgs().Len() > 0 || !declaredInCell(named) {
		return no, false
	}
	obj := named.Obj()
	if obj.Parent() != m.pkg.Scope() {
		return no, false
	}
	// T must mean T where the call is: the cell declares no local of
	// that name anywhere (more cautious than scopes, and simpler).
	if locals[obj.Name()] {
		return no, false
	}
	xt := m.info.Types[sel.X].Type
	if xt == nil {
		return no, false
	}
	xt = types.Unalias(xt)
	xp, xPtr := xt.(*types.Pointer)
	switch {
	case ptrRecv && xPtr && types.Identical(xp.Elem(), named):
		return [2]string{"(*" + obj.Name() + ")." + sel.Sel.Name + "(", ""}, true
	case ptrRecv && !xPtr && types.Identical(xt, named) && addressable(m, sel.X):
		return [2]string{"(*" + obj.Name() + ")." + sel.Sel.Name + "(", "&"}, true
	case !ptrRecv && !xPtr && types.Identical(xt, named):
		return [2]string{obj.Name() + "." + sel.Sel.Name + "(", ""}, true
	}
	return no, false
}

// localNames are the names the model declares other than at package level
// (parameters, variables, types and labels in funcs).
func localNames(m *model) map[string]bool {
	locals := map[string]bool{}
	for id, obj := range m.info.Defs {
		if obj != nil && obj.Parent() != nil && obj.Parent() != m.pkg.Scope() {
			locals[id.Name] = true
		}
	}
	return locals
}

// addressable reports whether &x is valid Go for the receiver x: a
// variable, or a field of an addressable struct or of a pointer.
func addressable(m *model, x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		_, ok := m.info.Uses[x].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		s := m.info.Selections[x]
		if s == nil || s.Kind() != types.FieldVal {
			return false
		}
		if s.Indirect() {
			return true
		}
		t := m.info.Types[x.X].Type
		if _, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
			return true
		}
		return addressable(m, x.X)
	}
	return false
}
