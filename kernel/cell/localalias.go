package cell

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// yaegi v0.16.1 does not resolve a type alias declared inside a func
// (func main() { type key = struct{ name string }; m := map[key]bool{} }
// fails with "undefined: key"). An alias is only another name for its
// type, so each use of such an alias is written as the aliased type and
// the declaration is dropped: the program is the same to go/types and to
// reflect (%T prints the aliased type in Go too).

// localAlias is a type alias declared in a func body.
type localAlias struct {
	spec *ast.TypeSpec
	// paren: the aliased type is written in parentheses where it is
	// converted to or its method is selected (a pointer, func or chan
	// type: (*T)(x), not *T(x))
	paren bool
}

// aliasUse is a use of a local alias: the alias, and whether the aliased
// type is written in parentheses there.
type aliasUse struct {
	spec  *ast.TypeSpec
	paren bool
}

// checkLocalAliases records the type aliases declared inside funcs, their
// uses and their declarations, for aliasEdits. It refuses an alias whose
// type would mean another type where it is used (a name in it shadowed
// there), and a generic one.
func (p *parse) checkLocalAliases(m *model) []refusal {
	var out []refusal
	aliases := map[types.Object]*localAlias{}
	inFunc := func(body *ast.BlockStmt) {
		ast.Inspect(body, func(n ast.Node) bool {
			ds, ok := n.(*ast.DeclStmt)
			if !ok {
				return true
			}
			g, ok := ds.Decl.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				return true
			}
			for _, sp := range g.Specs {
				ts := sp.(*ast.TypeSpec)
				if !ts.Assign.IsValid() {
					continue
				}
				obj := m.info.Defs[ts.Name]
				if obj == nil {
					continue
				}
				if ts.TypeParams != nil {
					out = append(out, refusal{ts.Pos(), fmt.Sprintf("the generic type alias %s declared in a func: the interpreter cannot resolve a type alias inside a func; declare it at the top level of the cell", ts.Name.Name)})
					continue
				}
				a := &localAlias{spec: ts}
				switch ast.Unparen(ts.Type).(type) {
				case *ast.StarExpr, *ast.FuncType, *ast.ChanType:
					a.paren = true
				}
				aliases[obj] = a
			}
			return true
		})
	}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				inFunc(n.Body)
			}
			return false
		case *ast.FuncLit:
			inFunc(n.Body)
			return false
		}
		return true
	})
	if len(aliases) == 0 {
		return out
	}
	// operands: names converted to (T(x)) or selected from (T.M), where
	// a pointer, func or chan type needs parentheses
	operands := map[*ast.Ident]bool{}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				operands[id] = true
			}
		case *ast.SelectorExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				operands[id] = true
			}
		}
		return true
	})
	var uses []*ast.Ident
	for id, obj := range m.info.Uses {
		if aliases[obj] != nil {
			uses = append(uses, id)
		}
	}
	slices.SortFunc(uses, func(a, b *ast.Ident) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, id := range uses {
		a := aliases[m.info.Uses[id]]
		if name, ok := shadowedIn(m, a.spec.Type, id.Pos()); ok {
			out = append(out, refusal{id.Pos(), fmt.Sprintf("the type alias %s declared in a func is used where %s means something else: the interpreter cannot resolve a type alias inside a func, and the cell writes the aliased type in its place; declare the alias at the top level of the cell, or rename %[2]s", id.Name, name)})
			continue
		}
		if p.aliasUses == nil {
			p.aliasUses = map[*ast.Ident]aliasUse{}
		}
		p.aliasUses[id] = aliasUse{a.spec, a.paren && operands[id]}
	}
	for _, a := range aliases {
		if p.aliasDecls == nil {
			p.aliasDecls = map[*ast.TypeSpec]bool{}
		}
		p.aliasDecls[a.spec] = true
	}
	return out
}

// shadowedIn reports a name the type expression t uses that means another
// object at pos.
func shadowedIn(m *model, t ast.Expr, pos token.Pos) (string, bool) {
	scope := m.pkg.Scope().Innermost(pos)
	if scope == nil {
		return "", false
	}
	name, shadowed := "", false
	ast.Inspect(t, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			ast.Inspect(sel.X, func(x ast.Node) bool { // a package's name, not its member
				if id, ok := x.(*ast.Ident); ok && !shadowed {
					name, shadowed = id.Name, differs(m, scope, id, pos)
				}
				return !shadowed
			})
			return false
		}
		if id, ok := n.(*ast.Ident); ok && !shadowed {
			name, shadowed = id.Name, differs(m, scope, id, pos)
		}
		return !shadowed
	})
	return name, shadowed
}

// differs reports whether id, where it is written, means another object
// than its name does at pos in scope.
func differs(m *model, scope *types.Scope, id *ast.Ident, pos token.Pos) bool {
	obj := m.info.Uses[id]
	if obj == nil {
		return false // a field name of a struct type, a method of an interface
	}
	_, there := scope.LookupParent(id.Name, pos)
	return there != obj
}

// aliasEdits write the aliased type in place of a use of a local alias,
// and drop the alias's declaration (the GenDecl's whole text when all its
// specs go).
func (p *parse) aliasEdits(n ast.Node) ([]edit, bool) {
	switch n := n.(type) {
	case *ast.Ident:
		u, ok := p.aliasUses[n]
		if !ok {
			return nil, false
		}
		s, e := p.span(n)
		ts, te := p.span(u.spec.Type)
		text := p.rewrite(ts, te, u.spec.Type)
		if u.paren {
			text = "(" + text + ")"
		}
		return []edit{{s, e, text}}, true
	case *ast.DeclStmt:
		g, ok := n.Decl.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			return nil, false
		}
		var eds []edit
		for _, sp := range g.Specs {
			if ts := sp.(*ast.TypeSpec); p.aliasDecls[ts] {
				s, e := p.span(ts)
				eds = append(eds, edit{s, e, ""})
			}
		}
		if len(eds) == 0 {
			return nil, false
		}
		if len(eds) == len(g.Specs) {
			s, e := p.span(n)
			return []edit{{s, e, ""}}, true
		}
		return eds, true
	}
	return nil, false
}
