package cell

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"math/big"
	"slices"
	"strings"
)

// refusal is a construct the interpreter would run differently from Go.
type refusal struct {
	pos token.Pos
	msg string
}

// check walks the cell with the model: it returns the constructs to refuse
// and records the rewrites that make others right (p.convs).
func (p *parse) check(m *model) []refusal {
	var out []refusal
	var generic []*ast.FieldList // type parameter lists in scope
	var walk func(n ast.Node) bool
	inGeneric := func() bool { return len(generic) > 0 }
	called := map[ast.Expr]bool{}
	discarded := map[ast.Expr]bool{} // values assigned to _
	// deferred are the funcs of deferred calls without arguments that
	// deferArgs binds at the defer statement (bindsFunc): a method value
	// there is bound to its receiver then
	deferred := map[ast.Expr]bool{}
	recovered := recoveredVars(m, p.ast)
	loose := p.loose(m)
	p.reflect = reflectUses(m, p.ast, p.inCell)
	out = append(out, p.reflect.earlierReads()...)
	p.recoveringFuncs(m, p.ast)
	out = append(out, p.checkLaterShape(m)...)
	out = append(out, p.checkIterators(m)...)
	out = append(out, p.instanceAliases(m)...)
	p.atomicPointers(m)
	p.constParams(m)
	p.checkTagReads(m)
	p.checkIfaceConvs(m)
	p.renameShadowingTypes(m)
	out = append(out, p.checkLocalAliases(m)...)
	walk = func(n ast.Node) bool {
		switch n.(type) {
		case *ast.BinaryExpr, *ast.TypeAssertExpr, *ast.TypeSwitchStmt, *ast.SwitchStmt:
			if r := p.checkLoose(m, loose, n); r != nil {
				out = append(out, *r)
			}
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Type.TypeParams != nil || recvHasTypeParams(n) {
				p.renameTypeParams(m, n)
				generic = append(generic, n.Type.TypeParams)
				if n.Body != nil {
					ast.Inspect(n.Body, walk)
				}
				generic = generic[:len(generic)-1]
				return false
			}
		case *ast.DeferStmt:
			if p.bindsFunc(n) {
				deferred[ast.Unparen(n.Call.Fun)] = true
			}
		case *ast.CallExpr:
			called[ast.Unparen(n.Fun)] = true
			if tv := m.info.Types[n.Fun]; tv.IsType() && len(n.Args) == 1 {
				p.checkAnyStore(m, tv.Type, n, n.Args[0]) // any(Dog{})
			}
			p.checkFormat(m, n)
			p.checkForward(m, n)
			p.checkReflectMethods(m, n)
			p.checkTemplateExec(m, n)
			p.checkNewExpr(m, n)
			if r := checkContextKey(m, n); r != nil {
				out = append(out, *r)
			}
			if inGeneric() {
				p.checkSliceCall(m, n)
			}
			if r := p.checkReflect(m, n); r != nil {
				out = append(out, *r)
			}
			if r := checkErrorsMethod(m, n); r != nil {
				out = append(out, *r)
			}
			if r := checkGenericEq(m, n); r != nil {
				out = append(out, *r)
			}
			p.checkLogFormat(m, n)
			p.checkFuncConv(m, n)
			p.checkErrorsIs(m, n)
			p.checkErrorsUnwrap(m, n)
			p.checkErrorArgs(m, n)
			p.checkAsType(m, n)
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 2 {
				if _, builtin := m.info.Uses[id].(*types.Builtin); builtin && id.Name == "delete" {
					if r := checkMapKey(m, n.Args[0], n.Args[1]); r != nil {
						out = append(out, *r)
					} else {
						p.checkKeyShape(m, n.Args[0], n.Args[1])
					}
				}
			}
			p.inferred(m, n)
			if r := checkEncoding(m, n); r != nil {
				out = append(out, *r)
			} else {
				p.checkJSONError(m, n)
			}
			if r := checkErrorsIsTarget(m, n); r != nil {
				out = append(out, *r)
			}
			if r := p.checkSlog(m, n); r != nil {
				out = append(out, *r)
			}
			if r := checkFieldByName(m, n); r != nil {
				out = append(out, *r)
			}
			p.checkPanicValue(m, n)
			if isPkgFunc(m, n.Fun, "errors", "As") && len(n.Args) == 2 {
				if r := p.checkErrorsAs(m, n); r != nil {
					out = append(out, *r)
				}
			}
		case *ast.TypeSwitchStmt:
			var cases []ast.Expr
			for _, cc := range n.Body.List {
				cases = append(cases, cc.(*ast.CaseClause).List...)
			}
			if ta := typeSwitchAssert(n); ta != nil {
				p.checkRecovered(m, recovered, ta, cases)
			}
			if r := checkSwitchTwins(m, n); r != nil {
				out = append(out, *r)
			}
			if r := p.checkSwitchShapes(m, n, inGeneric()); r != nil {
				out = append(out, *r)
			}
			if r := p.checkTypeSwitch(m, n, inGeneric()); r != nil {
				out = append(out, *r)
			}
			for _, cc := range n.Body.List {
				for _, e := range cc.(*ast.CaseClause).List {
					if r := checkWrappedStruct(m, typeSwitchTag(n), e); r != nil {
						out = append(out, *r)
					}
					if t := m.info.Types[e].Type; t != nil && types.Identical(t, types.Universe.Lookup("error").Type()) && !p.typeSwitches[n] {
						out = append(out, refusal{e.Pos(), "a type switch case error does not match compiled error values in the interpreter; test for it before the switch: if e, ok := v.(error); ok { ... }"})
					}
				}
			}
			if !inGeneric() {
				break
			}
			for _, cc := range n.Body.List {
				for _, e := range cc.(*ast.CaseClause).List {
					if t := m.info.Types[e].Type; t != nil && mentionsTypeParam(t) {
						out = append(out, refusal{e.Pos(), "a type switch case that uses a type parameter (" + types.ExprString(e) +
							") selects differently in the interpreter; compare with reflect.TypeFor[T]() instead, or give the func a parameter of the concrete type"})
					}
				}
			}
		case *ast.GenDecl:
			p.checkIotaConsts(m, n)
		case *ast.SwitchStmt:
			if r := p.checkSwitch(m, n); r != nil {
				out = append(out, *r)
			}
		case *ast.IndexExpr:
			if r := checkMapKey(m, n.X, n.Index); r != nil {
				out = append(out, *r)
			} else {
				p.checkKeyShape(m, n.X, n.Index)
			}
			if !called[n] && !discarded[n] {
				p.genericFuncValue(m, n, n.X)
			}
		case *ast.IndexListExpr:
			if !called[n] && !discarded[n] {
				p.genericFuncValue(m, n, n.X)
			}
		case *ast.TypeAssertExpr:
			if p.commaOK == nil {
				p.commaOK = commaOKAsserts(p.ast)
			}
			if a, ok := p.checkIfaceAssert(m, n.X, n.Type, p.commaOK[n]); ok && !inGeneric() {
				if p.ifaceAsserts == nil {
					p.ifaceAsserts = map[*ast.TypeAssertExpr]ifaceAssert{}
				}
				p.ifaceAsserts[n] = a
			}
			if compiled, ok := checkShapeAssert(m, n.X, n.Type, false); ok && !inGeneric() {
				if p.shapeAsserts == nil {
					p.shapeAsserts = map[*ast.TypeAssertExpr]shapeAssert{}
				}
				if p.commaOK == nil {
					p.commaOK = commaOKAsserts(p.ast)
				}
				p.shapeAsserts[n] = shapeAssert{compiled, typeSrc(m, m.info.Types[n.X].Type)}
			}
			if r := checkAssertShape(m, n.X, n.Type); r != nil {
				if typ, ok := checkIdentity(m, n.X, n.Type); ok && !inGeneric() {
					if p.identAsserts == nil {
						p.identAsserts = map[*ast.TypeAssertExpr]identityAssert{}
					}
					if p.commaOK == nil {
						p.commaOK = commaOKAsserts(p.ast)
					}
					xt := m.info.Types[n.X].Type
					p.identAsserts[n] = identityAssert{typ, typeSrc(m, xt), goTypeName(m, xt)}
				} else {
					out = append(out, *r)
				}
			}
			if r := checkAssertIface(m, n.X, n.Type); r != nil {
				out = append(out, *r)
			}
			p.checkRecovered(m, recovered, n, nil)
			_, iface := p.ifaceAsserts[n]
			_, ident := p.identAsserts[n]
			_, shape := p.shapeAsserts[n]
			if !iface && !ident && !shape && !inGeneric() && p.recoveredAs[n.X] == "" {
				if p.commaOK == nil {
					p.commaOK = commaOKAsserts(p.ast)
				}
				p.checkKeptAssert(m, n, p.commaOK[n])
			}
			if r := checkWrappedStruct(m, n.X, n.Type); r != nil {
				_, kept := p.keptAsserts[n]
				ts, named := m.typeString(m.info.TypeOf(n.Type))
				if iface || ident || shape || kept || inGeneric() || !named {
					out = append(out, *r)
				} else {
					// the value HelperRemember kept beside the wrapper,
					// as an any that keeps its type
					if p.keptAsserts == nil {
						p.keptAsserts = map[*ast.TypeAssertExpr][2]string{}
					}
					p.keptAsserts[n] = [2]string{HelperRecalled + "(", ", " + ts + "{}).(" + ts + ")"}
				}
			}
		case *ast.CompositeLit:
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if r := checkMapKey(m, n, kv.Key); r != nil {
						out = append(out, *r)
						break
					}
					p.checkKeyShape(m, n, kv.Key)
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil && len(n.Values) == 1 && len(n.Names) == 1 {
				p.checkAnyStore(m, m.info.Types[n.Type].Type, n.Values[0], n.Values[0])
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == "_" && len(n.Rhs) == len(n.Lhs) {
					discarded[n.Rhs[i]] = true // (_ = F[int]: nothing to call)
				}
			}
			if n.Tok == token.ASSIGN && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				p.checkAnyStore(m, m.info.Types[n.Lhs[0]].Type, n.Rhs[0], n.Rhs[0])
			}
			if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					p.checkElemStore(m, l, n.Rhs[i])
					p.checkFieldStore(m, l, n.Rhs[i])
				}
			}
		case *ast.UnaryExpr, *ast.ParenExpr:
			if p.checkIntDiv(m, n.(ast.Expr)) {
				return false
			}
		case *ast.BinaryExpr:
			p.checkShift(m, n)
			if p.checkIntDiv(m, n) {
				return false
			}
			if r := checkNestedCompare(m, n); r != nil {
				out = append(out, *r)
			}
			p.checkCompare(m, n)
			if !inGeneric() || (n.Op != token.EQL && n.Op != token.NEQ) {
				break
			}
			x, y := m.info.Types[n.X].Type, m.info.Types[n.Y].Type
			if x == nil || y == nil {
				break
			}
			if isTypeParam(x) && types.IsInterface(y) && !isTypeParam(y) || isTypeParam(y) && types.IsInterface(x) && !isTypeParam(x) {
				out = append(out, refusal{n.OpPos, "comparing an interface value with a value of a type parameter (" + types.ExprString(n) +
					") gives the wrong result in the interpreter; convert the type parameter's value first: any(t)"})
			}
		case *ast.SelectorExpr:
			if called[n] && !deferred[n] {
				break
			}
			sel := m.info.Selections[n]
			if sel == nil || sel.Kind() != types.MethodVal {
				break
			}
			fn, ok := sel.Obj().(*types.Func)
			if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "main" {
				break
			}
			recv := fn.Type().(*types.Signature).Recv()
			if recv == nil {
				break
			}
			if types.IsInterface(recv.Type()) && !deferred[n] {
				break
			}
			if deferred[n] && p.recovers(fn) {
				// bound through a func literal, its recover would not
				// stop the panic in the interpreter: left as written
				break
			}
			// (a pointer receiver of a value X binds &X, which later
			// changes of X show through in Go too; of a pointer X, the
			// pointer X holds now, which yaegi took at the call)
			if _, ptr := recv.Type().(*types.Pointer); ptr && (!isPointer(m.info.Types[n.X].Type) || inGeneric() || mentionsTypeParam(m.info.Types[n.X].Type)) {
				break // (nor in generic code, which yaegi cannot compile so)
			}
			if !variableRoot(m, n.X) {
				break // a literal or a call result: nothing can change it later
			}
			// Go binds a copy of the receiver: so does a func literal
			// taking it as a parameter.
			qual := func(q *types.Package) string {
				if q == m.pkg {
					return ""
				}
				return q.Name()
			}
			recvT, sigT := m.info.Types[n.X].Type, m.info.Types[n].Type
			deref, end := "", ")"
			if ptr, ok := types.Unalias(recvT).(*types.Pointer); ok && !isPointer(recv.Type()) {
				// c.Get, c a *Counter: Go binds a copy of *c (yaegi the
				// pointer, so later changes of *c showed through)
				recvT, deref, end = ptr.Elem(), "*(", "))"
			}
			if recvT != nil && sigT != nil {
				rt, st := types.TypeString(recvT, qual), types.TypeString(sigT, qual)
				if !strings.Contains(rt+st, "invalid type") {
					if p.methodVals == nil {
						p.methodVals = map[*ast.SelectorExpr][2]string{}
					}
					p.methodVals[n] = [2]string{"func(" + HelperTemp + " " + rt + ") " + st + " { return " + HelperTemp + "." + n.Sel.Name + " }(" + deref, end}
					break
				}
			}
			x := types.ExprString(n.X)
			out = append(out, refusal{n.Sel.Pos(), fmt.Sprintf("the method value %s.%s (a method with a value receiver) would be bound to %s itself here, so later changes to %s would show through; Go binds a copy. Copy it and call the copy in a func literal: cp := %s, then func(...) { return cp.%s(...) }",
				x, n.Sel.Name, x, x, x, n.Sel.Name)})
		}
		return true
	}
	// Calls are seen before their Fun (pre-order), so method values in
	// call position are known as called when reached.
	ast.Inspect(p.ast, walk)
	p.dropConverted()
	out = append(out, p.checkRangeFuncs(m)...)
	p.genericAliases(m) // (after the walk: with the type parameters' new names)
	return append(out, p.checkGenericArgs(m)...)
}

// renameShadowingTypes records new names for the types declared in a
// func's body that have the name of a type of the package scope, and for
// their uses: yaegi v0.16.1 resolves such a name to the package's type
// (type ColoredPoint struct{ *Point } inside main, beside a top-level
// ColoredPoint: "cannot use type *main.Point as type main.Point"). The
// new names are the interpreter's only, as renameTypeParams's are.
func (p *parse) renameShadowingTypes(m *model) {
	if m.pkg == nil {
		return
	}
	shadowing := map[types.Object]string{}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Name.Name == "_" {
			return true
		}
		obj := m.info.Defs[ts.Name]
		if obj == nil || obj.Parent() == m.pkg.Scope() || obj.Parent() == nil {
			return true
		}
		if _, ok := m.pkg.Scope().Lookup(ts.Name.Name).(*types.TypeName); ok {
			shadowing[obj] = fmt.Sprintf("%s_%s_%d", HelperTemp, ts.Name.Name, len(shadowing))
		}
		return true
	})
	p.renameObjects(m, p.ast, shadowing)
}

// renameObjects records the new names of the objects in names for their
// declarations and uses inside n (p.renames).
func (p *parse) renameObjects(m *model, n ast.Node, names map[types.Object]string) {
	if len(names) == 0 {
		return
	}
	if p.renames == nil {
		p.renames = map[*ast.Ident]string{}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			obj := m.info.Defs[id]
			if obj == nil {
				obj = m.info.Uses[id]
			}
			if name, ok := names[obj]; ok && obj != nil {
				p.renames[id] = name
			}
		}
		return true
	})
}

// genericFuncValue records e, an instance of a generic func the cells
// declare used as a value (toLen := Map[string, int]), to be written as
// a func literal that calls it: yaegi v0.16.1 has no such values ("not a
// generic type").
func (p *parse) genericFuncValue(m *model, e, fun ast.Expr) {
	id, ok := fun.(*ast.Ident)
	if !ok {
		return
	}
	fn, ok := m.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "main" {
		return
	}
	sig, ok := m.info.Types[e].Type.(*types.Signature)
	if !ok {
		return
	}
	l, ok := m.funcLit(sig)
	if !ok {
		return
	}
	if p.funcValues == nil {
		p.funcValues = map[ast.Expr]string{}
	}
	p.funcValues[e] = l.calling(instancePlace, l.args)
}

// instancePlace stands in a recorded func literal (funcValues) for the
// instance it calls, written there once rewritten.
const instancePlace = "\x00"

// checkContextKey refuses ctx.Value(k), ctx a context.Context, where k
// is of a predeclared type (ctx.Value(0)) and a type the cells declare
// has that representation (type userKey int): compiled context compares
// keys as the interpreter hands them over, without the cell type, so
// userKey(0) and 0 were one key.
func checkContextKey(m *model, c *ast.CallExpr) *refusal {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Value" || len(c.Args) != 1 || !isNamedIn(m.info.Types[sel.X].Type, "context", "Context") {
		return nil
	}
	kt := types.Default(m.info.Types[c.Args[0]].Type)
	b, ok := kt.(*types.Basic)
	if !ok {
		return nil
	}
	for _, t := range cellTypes(m) {
		if n, ok := t.(*types.Named); ok && types.Identical(n.Underlying(), b) {
			return &refusal{c.Args[0].Pos(), fmt.Sprintf("%s.Value with a key of type %s while %s, a type declared in a cell, has that representation: the interpreter hands compiled context a %[3]s key without its type, so the two are one key where Go keeps them apart; look the value up with the key it was stored with", types.ExprString(sel.X), b, n.Obj().Name())}
		}
	}
	return nil
}

// checkNewExpr records a call of new with an expression (Go 1.26:
// new(2+1) is a *int pointing to 3), which yaegi v0.16.1 takes for
// new(T) of the expression's type, silently a pointer to its zero value.
// It is written as a func literal that returns its parameter's address.
func (p *parse) checkNewExpr(m *model, c *ast.CallExpr) {
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok || len(c.Args) != 1 {
		return
	}
	if b, ok := m.info.Uses[id].(*types.Builtin); !ok || b.Name() != "new" || m.info.Types[c.Args[0]].IsType() {
		return
	}
	ptr, ok := m.info.Types[c].Type.(*types.Pointer)
	if !ok {
		return
	}
	t, ok := m.typeString(ptr.Elem())
	if !ok {
		if t, ok = p.typeParamText(m, c.Pos(), ptr.Elem()); !ok {
			return
		}
	}
	if p.funcConvs == nil {
		p.funcConvs = map[ast.Node]string{}
	}
	p.funcConvs[c.Fun] = fmt.Sprintf("func(%s_v %s) *%[2]s { return &%[1]s_v }", HelperTemp, t)
}

// renameTypeParams records new names for the type parameters of the
// generic func d (not a method): yaegi v0.16.1 resolves a type parameter
// by its name in the package scope first, so func F[T any] fails once the
// cells declare a type T ("undefined type", or a declaration that no
// longer replays). The new names are the interpreter's only: the cell's
// errors, signatures and %T come from the model or the values.
func (p *parse) renameTypeParams(m *model, d *ast.FuncDecl) {
	if d.Recv != nil || d.Type.TypeParams == nil {
		return
	}
	params := map[types.Object]string{}
	for _, f := range d.Type.TypeParams.List {
		for _, id := range f.Names {
			if obj := m.info.Defs[id]; obj != nil && id.Name != "_" {
				params[obj] = HelperTemp + "_" + id.Name
			}
		}
	}
	p.renameObjects(m, d, params)
}

// checkFuncConv records a conversion F(f) to a func type F declared in a
// cell, the func literals appended to a []F, and the func values passed
// to a parameter of type F in a call that spreads a slice (f(isEven,
// xs...)): yaegi v0.16.1 calls a
// closure converted by F(f) with the wrong captured variables (silently:
// in a loop, every closure saw another's), and panics appending a func
// literal to a []F (reflect.Set). Passing the value to a func literal's
// parameter of type F converts it right.
func (p *parse) checkFuncConv(m *model, c *ast.CallExpr) {
	funcType := func(t types.Type) string {
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || !declaredInCell(n) || n.TypeParams().Len() > 0 {
			return ""
		}
		if _, ok := n.Underlying().(*types.Signature); !ok {
			return ""
		}
		return types.TypeString(n, types.RelativeTo(m.pkg))
	}
	identity := func(name string) string {
		return "func(" + HelperTemp + "_f " + name + ") " + name + " { return " + HelperTemp + "_f }"
	}
	if tv := m.info.Types[c.Fun]; tv.IsType() && len(c.Args) == 1 {
		if name := funcType(tv.Type); name != "" {
			if p.funcConvs == nil {
				p.funcConvs = map[ast.Node]string{}
			}
			p.funcConvs[c.Fun] = identity(name)
		}
		return
	}
	record := func(a ast.Expr, name string) {
		if p.funcConvs == nil {
			p.funcConvs = map[ast.Node]string{}
		}
		p.funcConvs[a] = identity(name) + "("
	}
	// f(isEven, xs...) with a parameter of a cell func type: yaegi
	// panicked (reflect.Set) passing the func where the call spreads a
	// slice.
	if sig, ok := m.info.Types[c.Fun].Type.(*types.Signature); ok && c.Ellipsis.IsValid() {
		for i, a := range c.Args[:len(c.Args)-1] {
			if i >= sig.Params().Len() {
				break
			}
			at, _ := m.info.Types[a].Type.(*types.Signature)
			if name := funcType(sig.Params().At(i).Type()); name != "" && at != nil {
				record(a, name)
			}
		}
		return
	}
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok || len(c.Args) < 2 || c.Ellipsis.IsValid() {
		return
	}
	if b, ok := m.info.Uses[id].(*types.Builtin); !ok || b.Name() != "append" {
		return
	}
	t := m.info.Types[c.Args[0]].Type
	if t == nil {
		return
	}
	sl, ok := t.Underlying().(*types.Slice)
	if !ok {
		return
	}
	name := funcType(sl.Elem())
	if name == "" {
		return
	}
	for _, a := range c.Args[1:] {
		if _, lit := ast.Unparen(a).(*ast.FuncLit); lit {
			record(a, name)
		}
	}
}

// checkAnyStore records e, an expression that stores v, a value of a cell
// type with methods that shares its shape with another cell type, in an
// any (var x any = Dog{}, x = Dog{}, any(Dog{}); to is the type stored
// to): yaegi v0.16.1 keeps such a value in the any without its type, so
// an assertion to one of the two (checkIdentity) cannot tell which it
// is; as an element of a []any, it keeps it. anyStoreEdits writes e as
// []any{v}[0].
func (p *parse) checkAnyStore(m *model, to types.Type, e, v ast.Expr) {
	t := m.info.Types[v].Type
	if to == nil || invalid(t) || m.pkg == nil || !isEmptyIface(to) || types.IsInterface(t) || mentionsTypeParam(t) {
		return
	}
	if _, ptr := types.Unalias(t).(*types.Pointer); ptr || !topLevelWithMethods(m, t) || sameShape(t, cellTypes(m)) == nil {
		return // a pointer keeps its type
	}
	if p.anyStores == nil {
		p.anyStores = map[ast.Expr]ast.Expr{}
	}
	p.anyStores[e] = v
}

// checkElemStore records v in xs[i] = v, where the element is of an
// interface type declared in a cell and v is a composite literal or a
// conversion of a type declared in a cell that is not a pointer
// (registry["const"] = Constant{0.1}): yaegi v0.16.1 panicked storing it
// (reflect.Set: value of type interp.valueInterface is not assignable to
// type struct { Base float64 }). v is converted to the interface first,
// which it stores (p.elemStores).
func (p *parse) checkElemStore(m *model, l, v ast.Expr) {
	if _, ok := ast.Unparen(l).(*ast.IndexExpr); !ok || m.pkg == nil {
		return
	}
	to, ok := types.Unalias(m.info.Types[l].Type).(*types.Named)
	if !ok || !types.IsInterface(to) || to.Obj().Pkg() != m.pkg || to.TypeArgs().Len() > 0 {
		return
	}
	switch x := ast.Unparen(v).(type) {
	case *ast.CompositeLit:
	case *ast.CallExpr:
		if !m.info.Types[x.Fun].IsType() {
			return
		}
	default:
		return
	}
	if t := m.info.Types[v].Type; invalid(t) || !declaredInCell(t) || isPointer(t) || types.IsInterface(t) {
		return
	}
	if p.elemStores == nil {
		p.elemStores = map[ast.Expr]string{}
	}
	p.elemStores[v] = to.Obj().Name()
}

// checkFieldStore records v, stored by x.F = v into a field of an empty
// interface or error type of a compiled package's struct (ring.Ring's
// Value), to be converted to that type first (p.elemStores): yaegi
// v0.16.1 drops the store of an operation's value there (r.Value = i * i
// left Value as it was).
func (p *parse) checkFieldStore(m *model, l, v ast.Expr) {
	sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
	if !ok || m.pkg == nil {
		return
	}
	s := m.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || s.Obj().Pkg() == nil || s.Obj().Pkg() == m.pkg {
		return
	}
	to := ""
	switch t := s.Obj().Type(); {
	case isEmptyIface(t):
		to = "any"
	case types.Identical(t, types.Universe.Lookup("error").Type()):
		to = "error"
	default:
		return
	}
	if t := m.info.Types[v].Type; invalid(t) || types.IsInterface(t) {
		return
	}
	if p.elemStores == nil {
		p.elemStores = map[ast.Expr]string{}
	}
	p.elemStores[v] = to
}

// checkIntDiv records the divisions of untyped integer constants (7 / 2,
// n / 2 with const n = 7) in e, a constant expression whose value becomes
// a float (var f float64 = 7 / 2, 1 + 7/2 as a float64 argument), to be
// written as their values: yaegi v0.16.1 divides such constants as floats
// (3.5, where Go's constant arithmetic gives 3). It reports whether e is a
// constant expression, whose parts need no other check.
func (p *parse) checkIntDiv(m *model, e ast.Expr) bool {
	tv := m.info.Types[e]
	if tv.Value == nil || tv.Type == nil {
		return false
	}
	if p.checkConstMix(m, e) {
		return true
	}
	if b, ok := tv.Type.Underlying().(*types.Basic); !ok || b.Info()&(types.IsFloat|types.IsComplex) == 0 {
		return true
	}
	if len(p.iotas(e)) > 0 {
		return true // a const group repeats e with another iota: checkIotaConsts
	}
	divs := map[ast.Expr]string{}
	for _, n := range untypedIntDivs(m, e) {
		v := constant.ToInt(m.info.Types[n].Value)
		if v.Kind() != constant.Int {
			continue
		}
		lit := v.ExactString()
		if constant.Sign(v) < 0 {
			lit = "(" + lit + ")"
		}
		divs[n] = lit
	}
	if len(divs) == 0 {
		return true
	}
	if p.intDivs == nil {
		p.intDivs = map[ast.Expr]string{}
	}
	maps.Copy(p.intDivs, divs)
	return true
}

// checkConstMix records, within e, a constant expression of a float kind
// that holds a constant of a compiled package among others (2.5 *
// math.Pi; also inside a comparison of such), to be written as its value
// (p.intDivs): yaegi v0.16.1 refuses a compiled package's float constant
// with an untyped float one ("mismatched types untyped float and untyped
// float64"). It reports whether it recorded any. iota's expressions are
// left alone: a const group repeats them.
func (p *parse) checkConstMix(m *model, e ast.Expr) bool {
	if len(p.iotas(e)) > 0 {
		return false
	}
	found := map[ast.Expr]string{}
	ast.Inspect(e, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		switch x.(type) {
		case *ast.BinaryExpr, *ast.UnaryExpr, *ast.ParenExpr:
		default:
			return true
		}
		tv := m.info.Types[x]
		if tv.Value == nil || tv.Value.Kind() != constant.Float || !hasPkgConst(m, x) {
			return true
		}
		found[x] = floatLiteral(tv.Value)
		return false
	})
	if len(found) == 0 {
		return false
	}
	if p.intDivs == nil {
		p.intDivs = map[ast.Expr]string{}
	}
	maps.Copy(p.intDivs, found)
	return true
}

// checkIotaConsts records, for each name of the const declaration d whose
// value is of a float or complex kind and comes from an expression with
// iota, the literal of Go's value (p.constLits; p.intDivs for a value
// written out): yaegi v0.16.1 divides untyped integer constants as floats
// (iota / 2 at iota 1 is 0.5, where Go gives 0), refuses a shift of one
// converted to a float type (KB ByteSize = 1 << (10 * iota): "constant
// definition loop") and a compiled package's float constant beside
// untyped ones, and checkIntDiv and checkConstMix cannot write such a
// part as one value when a group repeats it with another iota.
func (p *parse) checkIotaConsts(m *model, d *ast.GenDecl) {
	if d.Tok != token.CONST {
		return
	}
	var values []ast.Expr
	for _, sp := range d.Specs {
		vs := sp.(*ast.ValueSpec)
		if len(vs.Values) > 0 {
			values = vs.Values
		}
		if len(vs.Names) != len(values) {
			continue
		}
		for i, name := range vs.Names {
			v := values[i]
			c, ok := m.info.Defs[name].(*types.Const)
			if !ok || len(p.iotas(v)) == 0 {
				continue
			}
			lit, ok := constLiteral(c)
			if !ok {
				continue
			}
			if p.constLits == nil {
				p.constLits = map[*ast.Ident]string{}
			}
			p.constLits[name] = lit
			if len(vs.Values) > 0 {
				if p.intDivs == nil {
					p.intDivs = map[ast.Expr]string{}
				}
				p.intDivs[v] = lit
			}
		}
	}
}

// constLiteral is the value of the float or complex constant c as a
// literal, and whether c is of such a kind.
func constLiteral(c *types.Const) (string, bool) {
	b, ok := c.Type().Underlying().(*types.Basic)
	switch {
	case !ok:
		return "", false
	case b.Info()&types.IsFloat != 0:
		return floatLiteral(c.Val()), true
	case b.Info()&types.IsComplex != 0:
		re, im := constant.Real(c.Val()), constant.Imag(c.Val())
		op := " + "
		if constant.Sign(im) < 0 {
			op, im = " - ", constant.UnaryOp(token.SUB, im, 0)
		}
		return "(" + floatLiteral(re) + op + strings.Trim(floatLiteral(im), "()") + "i)", true
	}
	return "", false
}

// untypedIntDivs are the outermost divisions of two untyped integer
// constants within e.
func untypedIntDivs(m *model, e ast.Expr) []*ast.BinaryExpr {
	var divs []*ast.BinaryExpr
	ast.Inspect(e, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if !ok || b.Op != token.QUO || !isUntypedInt(m.info.Types[b.X].Type) || !isUntypedInt(m.info.Types[b.Y].Type) {
			return true
		}
		divs = append(divs, b)
		return false
	})
	return divs
}

// hasPkgConst reports whether e names a constant of a compiled package.
func hasPkgConst(m *model, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if c, ok := m.info.Uses[sel.Sel].(*types.Const); ok && c.Pkg() != nil && c.Pkg() != m.pkg {
				found = true
			}
		}
		return !found
	})
	return found
}

// floatLiteral is the float constant v as a literal: 40 significant
// digits (a float64 needs 17), in parentheses when negative.
func floatLiteral(v constant.Value) string {
	f := new(big.Float).SetPrec(256)
	switch x := constant.Val(v).(type) {
	case *big.Float:
		f.Set(x)
	case *big.Rat:
		f.SetRat(x)
	case int64:
		f.SetInt64(x)
	case *big.Int:
		f.SetInt(x)
	}
	lit := f.Text('g', 40)
	if !strings.ContainsAny(lit, ".e") {
		lit += ".0" // a float, not an int
	}
	if f.Sign() < 0 {
		lit = "(" + lit + ")"
	}
	return lit
}

// isUntypedInt reports whether t is the type of an untyped integer or
// rune constant.
func isUntypedInt(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && (b.Kind() == types.UntypedInt || b.Kind() == types.UntypedRune)
}

// variableRoot reports whether e denotes (part of) a variable, or what a
// pointer points to: something a later statement may change.
func variableRoot(m *model, e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			return true
		case *ast.IndexExpr:
			e = x.X
		case *ast.SelectorExpr:
			if sel := m.info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				_, isVar := m.info.Uses[x.Sel].(*types.Var) // a package's variable
				return isVar
			}
			e = x.X
		case *ast.Ident:
			_, isVar := m.info.Uses[x].(*types.Var)
			return isVar
		default:
			return false
		}
	}
}

// inferred records the type arguments go/types inferred for a call of a
// generic func declared in a cell or of the session's slices, maps and cmp
// (whose variadic funcs yaegi cannot instantiate from their arguments:
// cmp.Or(a, b) is "undefined type for T"), when they can be written in
// the cell: in a generic body, where yaegi v0.16.1 infers them wrongly
// (inferredByFields, coreTyped), in the type parameters there
// (typeParamText). Elsewhere in generic bodies they are left to yaegi:
// written out, Sum[T](xs) failed for an instance of a named type (Score),
// which it infers right.
func (p *parse) inferred(m *model, c *ast.CallExpr) {
	var id *ast.Ident
	pkg := "main" // where the func must be
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
		if x, ok := f.X.(*ast.Ident); ok && implicitPackages[x.Name] {
			pkg = x.Name
		}
	default:
		return
	}
	inst, ok := m.info.Instances[id]
	if !ok || inst.TypeArgs == nil || inst.TypeArgs.Len() == 0 {
		return
	}
	fn, ok := m.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != pkg {
		return
	}
	args := make([]string, inst.TypeArgs.Len())
	for i := range args {
		t := withoutIterTypes(inst.TypeArgs.At(i))
		var ok bool
		if args[i], ok = m.typeString(t); !ok && (inferredByFields(fn) || slices.ContainsFunc(c.Args, func(a ast.Expr) bool { return coreTyped(m.info.Types[a].Type) })) {
			args[i], ok = p.typeParamText(m, c.Pos(), t)
		}
		if !ok {
			return
		}
	}
	if p.typeArgs == nil {
		p.typeArgs = map[*ast.Ident]string{}
	}
	p.typeArgs[id] = "[" + strings.Join(args, ", ") + "]"
}

// inferredByFields reports whether yaegi v0.16.1 infers fn's type
// arguments from the fields of a struct: a parameter's type is an
// instance of a generic type a cell declared (func height[T any](n
// *Node[T])). It takes them in the order of the fields, not of the type
// parameters, and recurses without end through a field of the type
// itself (Left *Node[T]: the cell hangs), so such a call gets its type
// arguments written out even in a generic body, in the type parameters
// there.
func inferredByFields(fn *types.Func) bool {
	params := fn.Origin().Type().(*types.Signature).Params()
	for v := range params.Variables() {
		found := false
		visitTypes(v.Type(), func(t types.Type) {
			if _, ok := cellInstance(t); ok {
				found = true
			}
		})
		if found {
			return true
		}
	}
	return false
}

// coreTyped reports whether t is a type parameter constrained by one
// composite type (S ~[]E, the slices package's idiom): yaegi v0.16.1
// cannot infer another's type arguments from an argument of that type
// ("undefined type for E", or a "CFG post-order panic").
func coreTyped(t types.Type) bool {
	tp, ok := t.(*types.TypeParam)
	if !ok {
		return false
	}
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok || iface.NumEmbeddeds() != 1 {
		return false
	}
	term := iface.EmbeddedType(0)
	if u, ok := term.(*types.Union); ok {
		if u.Len() != 1 {
			return false
		}
		term = u.Term(0).Type()
	}
	switch term.(type) {
	case *types.Slice, *types.Map, *types.Array, *types.Pointer, *types.Chan:
		return true
	}
	return false
}

// typeParamText writes t, a type argument of a call at pos that mentions
// type parameters, when they are those of the func or method declared
// around the call, by the names the interpreter sees them by
// (renameTypeParams).
func (p *parse) typeParamText(m *model, pos token.Pos, t types.Type) (string, bool) {
	var d *ast.FuncDecl
	for _, decl := range p.ast.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
			d = fd
		}
	}
	if d == nil {
		return "", false
	}
	own := map[types.Object]bool{} // d's type parameters, its receiver's too
	collect := func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if tn, ok := m.info.Defs[id].(*types.TypeName); ok && isTypeParam(tn.Type()) {
				own[tn] = true
			}
		}
		return true
	}
	ast.Inspect(d.Type, collect)
	if d.Recv != nil {
		ast.Inspect(d.Recv, collect)
	}
	ok := true
	visitTypes(t, func(t types.Type) {
		if tp, isTP := types.Unalias(t).(*types.TypeParam); isTP && !own[tp.Obj()] {
			ok = false
		}
	})
	if !ok {
		return "", false
	}
	return p.paramTypeText(m, d, t)
}

// recovers reports whether fn, a func or method of package main, may call
// recover: its body in the cell does, or the session's declaration of it
// does, or the session does not show it.
func (p *parse) recovers(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != "main" {
		return false
	}
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Pos() == fn.Pos() {
			return fd.Body == nil || calls(fd.Body, "recover")
		}
	}
	name := fn.Name()
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		t := recv.Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return true
		}
		name = named.Obj().Name() + "." + name
	}
	if p.opts.Context == nil {
		return true
	}
	return p.opts.Context().recovers(name)
}
