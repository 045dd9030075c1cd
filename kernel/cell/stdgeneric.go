package cell

import (
	"go/ast"
	"go/types"
)

// The generic parts of the standard library, which yaegi's symbol tables
// cannot hold, and which the session gives as interpreted versions: whole
// packages (slices, maps, cmp) and members of compiled ones.

// implicitPackages are the packages a cell uses without an import, which
// the rewriter turns into calls of the session's interpreted versions
// (slices.Sort → __gocurve_slices_Sort), whose types the model gets from
// Options.Importer where the session gives them: the one list of them
// (see Implicit).
var implicitPackages = map[string]bool{"slices": true, "maps": true, "cmp": true, "iter": true}

// Implicit reports whether the standard package path is one that cells
// use without an import and that the session gives as interpreted
// versions (slices, maps, cmp): its compiled symbol table is not used and
// an import of it adds nothing.
func Implicit(path string) bool { return implicitPackages[path] }

// implicitFunc is "pkg.Name" where fun names a func of the implicit
// package pkg (slices, maps, cmp), else "". Without the model's types of
// those packages (no importer), the package's name decides.
func (p *parse) implicitFunc(m *model, fun ast.Expr) string {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	pkg := id.Name
	switch obj := m.info.Uses[id].(type) {
	case *types.PkgName:
		pkg = obj.Imported().Path()
	case nil:
		if p.opts.Shadowed[pkg] || p.top[pkg] {
			return ""
		}
	default:
		return ""
	}
	if !implicitPackages[pkg] {
		return ""
	}
	return pkg + "." + sel.Sel.Name
}

// interpretedMembers are the generic members of compiled packages that
// the session gives as interpreted versions (yaegi's symbol tables cannot
// hold generics), by import path and name: the one list of them.
var interpretedMembers = map[[2]string]string{
	{"sync", "OnceValue"}:  "__gocurve_sync_OnceValue",
	{"sync", "OnceValues"}: "__gocurve_sync_OnceValues",
}

// interpretedMember is the name of the session's version of sel, a member
// of a compiled package listed in interpretedMembers, else "". Without
// the model's view of the package name, the package's default name
// decides.
func (p *parse) interpretedMember(sel *ast.SelectorExpr) string {
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	var path string
	if m := p.typeModel(); m != nil {
		switch obj := m.info.Uses[id].(type) {
		case *types.PkgName:
			path = obj.Imported().Path()
		case nil:
		default:
			return ""
		}
	}
	if path == "" {
		if p.opts.Shadowed[id.Name] || p.top[id.Name] {
			return ""
		}
		path = id.Name // (sync is named as its path)
	}
	return interpretedMembers[[2]string{path, sel.Sel.Name}]
}
