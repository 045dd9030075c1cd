package cell

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// typeString writes t as the cell can name it: a package by the name the
// cell sees it under. It reports false for a type the cell cannot write
// (of a package it does not import, invalid, or with type parameters).
func (m *model) typeString(t types.Type) (string, bool) {
	t = withoutGenericAliases(t)
	qual, named := m.qualifier()
	s := m.withInstAliases(types.TypeString(t, qual), qual)
	return s, *named && !strings.Contains(s, "invalid type") && !mentionsTypeParam(t)
}

// qualifier names packages as the cell or the session imports them (""
// for the cell's own); *named turns false when it was asked for one they
// do not import.
func (m *model) qualifier() (types.Qualifier, *bool) {
	names := map[*types.Package]string{}
	if fs := m.info.Scopes[m.file]; fs != nil {
		for _, n := range fs.Names() {
			if pn, ok := fs.Lookup(n).(*types.PkgName); ok {
				names[pn.Imported()] = pn.Name()
			}
		}
	}
	named := true
	return func(q *types.Package) string {
		if q == m.pkg {
			return ""
		}
		name, ok := names[q]
		if !ok {
			name, ok = m.sessionNames[q.Path()]
		}
		if !ok {
			named = false
		}
		return name
	}, &named
}

// topLevelTypes are the static types of the variables the cell declares
// at its top level, for those the cell can write.
func (m *model) topLevelTypes() map[string]string {
	out := map[string]string{}
	var names []string
	scope := (*types.Scope)(nil)
	if m.body != nil {
		scope = m.info.Scopes[m.body.Type]
	}
	if scope != nil {
		names = scope.Names()
	}
	for _, n := range names {
		v, ok := scope.Lookup(n).(*types.Var)
		if !ok {
			continue
		}
		if s, ok := m.typeString(v.Type()); ok {
			out[n] = s
		}
	}
	// and the cell's package-level vars (var ErrX = ErrCode(4) is an
	// ErrCode, not the int the interpreter's value shows)
	for _, d := range m.file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, sp := range g.Specs {
			for _, id := range sp.(*ast.ValueSpec).Names {
				if v, ok := m.info.Defs[id].(*types.Var); ok && id.Name != "_" {
					if s, ok := m.typeString(v.Type()); ok {
						out[id.Name] = s
					}
				}
			}
		}
	}
	return out
}

// declaredTypes are the underlying types of the types the cell declares,
// for those the cell can write (completion lists their fields from them).
func (m *model) declaredTypes() map[string]string {
	if m.pkg == nil {
		return nil
	}
	out := map[string]string{}
	for _, d := range m.file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		for _, sp := range g.Specs {
			tn, ok := m.info.Defs[sp.(*ast.TypeSpec).Name].(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if s, ok := m.typeString(tn.Type().Underlying()); ok {
				out[tn.Name()] = s
			}
		}
	}
	return out
}

// isPkgFunc reports whether fun is pkg.name of the imported package pkg.
func isPkgFunc(m *model, fun ast.Expr, pkg, name string) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	pn, ok := m.info.Uses[id].(*types.PkgName)
	return ok && pn.Imported().Path() == pkg
}

// isPointer reports whether t is a pointer type.
func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

// declaredInCell reports whether t is, or points to, a named type the
// session's cells declared (the interpreter's types).
func declaredInCell(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"
}

// holdsCellType reports whether t is an interface that a type declared
// in the cells (or a pointer to one) implements.
func holdsCellType(m *model, t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	scope := m.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		nt := tn.Type()
		if _, isIface := nt.Underlying().(*types.Interface); isIface {
			continue
		}
		if named, ok := nt.(*types.Named); ok && named.TypeParams().Len() > 0 {
			continue
		}
		if types.Implements(nt, iface) || types.Implements(types.NewPointer(nt), iface) {
			return true
		}
	}
	return false
}

// mentionsCellType reports whether t is, or is built from, a type declared
// in a cell (Employee, []*Employee, map[string]Employee).
func mentionsCellType(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.Obj().Pkg() != nil && t.Obj().Pkg().Path() == "main" {
			return true
		}
		if args := t.TypeArgs(); args != nil {
			for i := range args.Len() {
				if mentionsCellType(args.At(i), seen) {
					return true
				}
			}
		}
		return false
	case *types.Pointer:
		return mentionsCellType(t.Elem(), seen)
	case *types.Slice:
		return mentionsCellType(t.Elem(), seen)
	case *types.Array:
		return mentionsCellType(t.Elem(), seen)
	case *types.Chan:
		return mentionsCellType(t.Elem(), seen)
	case *types.Map:
		return mentionsCellType(t.Key(), seen) || mentionsCellType(t.Elem(), seen)
	case *types.Struct:
		for i := range t.NumFields() {
			if mentionsCellType(t.Field(i).Type(), seen) {
				return true
			}
		}
	case *types.Signature:
		for _, tu := range []*types.Tuple{t.Params(), t.Results()} {
			for i := range tu.Len() {
				if mentionsCellType(tu.At(i).Type(), seen) {
					return true
				}
			}
		}
	}
	return false
}

func recvHasTypeParams(fd *ast.FuncDecl) bool {
	return fd.Recv != nil && len(fd.Recv.List) > 0 && typeParamCount(fd.Recv.List[0].Type) > 0
}

func isTypeParam(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}

// mentionsTypeParam reports whether t is or contains a type parameter.
func mentionsTypeParam(t types.Type) bool {
	found := false
	visitTypes(t, func(t types.Type) {
		if _, ok := types.Unalias(t).(*types.TypeParam); ok {
			found = true
		}
	})
	return found
}

// visitTypes calls f with t and each type t is made of, down to the named
// types in it (a named type's type arguments are visited, its underlying
// type is not).
func visitTypes(t types.Type, f func(types.Type)) {
	seen := map[types.Type]bool{}
	var visit func(types.Type)
	visit = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		f(t)
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			for a := range t.TypeArgs().Types() {
				visit(a)
			}
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Chan:
			visit(t.Elem())
		case *types.Struct:
			for fl := range t.Fields() {
				visit(fl.Type())
			}
		case *types.Signature:
			for v := range t.Params().Variables() {
				visit(v.Type())
			}
			for v := range t.Results().Variables() {
				visit(v.Type())
			}
		case *types.Interface:
			for i := range t.NumMethods() {
				visit(t.Method(i).Type())
			}
		}
	}
	visit(t)
}

// seqElem returns the element type of t, a slice or array type (or a
// named type of one), or nil for any other t.
func seqElem(t types.Type) types.Type {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	}
	return nil
}
