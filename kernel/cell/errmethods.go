package cell

import (
	"fmt"
	"go/ast"
	"go/types"
)

// checkErrorsMethod refuses errors.As(err, target) where err may hold a
// type declared in a cell with an As(any) bool method: the interpreter
// hands compiled errors the value with its Error method only (and the
// session's own walk calls Unwrap, not As), so the method is never
// called. (errors.Is calls an Is method through isUnwrapFunc.)
func checkErrorsMethod(m *model, c *ast.CallExpr) *refusal {
	const method = "As"
	if !isPkgFunc(m, c.Fun, "errors", method) || len(c.Args) != 2 {
		return nil
	}
	t := m.info.Types[c.Args[0]].Type
	if invalid(t) || !types.IsInterface(t) || mentionsTypeParam(t) {
		return nil
	}
	for _, h := range holdable(cellTypes(m), t) {
		if obj, _, _ := types.LookupFieldOrMethod(h, true, m.pkg, method); obj != nil {
			if _, ok := obj.(*types.Func); ok {
				q := types.RelativeTo(m.pkg)
				return &refusal{c.Pos(), fmt.Sprintf("errors.%s(%s, …) would not call the %s method of %s, a type declared in a cell (the interpreter shows the errors package its Error method only); call the method yourself: if e, ok := err.(%[4]s); ok && e.%[3]s(...)",
					method, types.ExprString(c.Args[0]), method, types.TypeString(h, q))}
			}
		}
	}
	return nil
}

// checkErrorArgs passes through HelperError each argument of a cell type
// given to a compiled func's parameter of type error
// (errors.Join(&ValidationError{...}, err)): yaegi v0.16.1 hands compiled
// code the bare value, without the type's Error method, and the call
// panics (reflect: cannot use *struct {...} as type error). Where
// checkIfaceConvs copies the argument, the copy is an error already.
func (p *parse) checkErrorArgs(m *model, c *ast.CallExpr) {
	fn := calledFunc(m, c)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() == "main" || fn.Pkg().Path() == "errors" && fn.Name() != "Join" {
		return // errors.Is, As and Unwrap are rewritten whole (unwrap.go)
	}
	sig := fn.Type().(*types.Signature)
	errType := types.Universe.Lookup("error").Type()
	for i, a := range c.Args {
		var pt types.Type
		switch n := sig.Params().Len(); {
		case sig.Variadic() && i >= n-1 && !c.Ellipsis.IsValid():
			pt = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
		case i < n:
			pt = sig.Params().At(i).Type()
		default:
			continue
		}
		at := m.info.Types[a].Type
		if !types.Identical(pt, errType) || at == nil || !declaredInCell(at) || p.wraps[a] != "" || p.ifaceConvs[a] != "" {
			continue
		}
		if p.wraps == nil {
			p.wraps = map[ast.Expr]string{}
		}
		p.wraps[a] = HelperError
	}
}

// calledFunc is the func or method c calls by name, or nil.
func calledFunc(m *model, c *ast.CallExpr) *types.Func {
	fn, _ := m.info.Uses[calleeName(c)].(*types.Func)
	return fn
}

// calleeName is the name c calls (f, pkg.F, x.M, f[T]), or nil.
func calleeName(c *ast.CallExpr) *ast.Ident {
	fun := ast.Unparen(c.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	switch f := fun.(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}
