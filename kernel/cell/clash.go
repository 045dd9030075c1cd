package cell

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/gocurve/gocurve/kernel/importer"
)

// A top-level variable named like a type or func a cell declared (song :=
// rock.songs[0] with type song) is, in Go, a local of main that shadows
// the type for the rest of main. So it is in the cells: the model of a
// later cell declares it first among the cell's statements, which then
// see the variable (where its type could be written). A use of the type
// itself is refused: the interpreter would take the variable.

// keepsDecl reports whether the session's declaration d stays in the
// cell's model though the cell defines name: the cell defines it only as
// a variable of its statements, and d is not a variable.
func (p *parse) keepsDecl(name string, d contextDecl) bool {
	if gd, ok := d.decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
		return false
	}
	for _, dd := range p.ast.Decls {
		switch dd := dd.(type) {
		case *ast.FuncDecl:
			if dd.Recv == nil && dd.Name.Name == name && !(strings.HasPrefix(name, "_cell") && p.isSynth(dd)) {
				return false
			}
		case *ast.GenDecl:
			for _, sp := range dd.Specs {
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					if sp.Name.Name == name {
						return false
					}
				case *ast.ValueSpec:
					for _, id := range sp.Names {
						if id.Name == name {
							return false // a const
						}
					}
				}
			}
		}
	}
	return true
}

// hiddenVar reports whether d is a session variable named like another
// session declaration (a type or func).
func (c *Context) hiddenVar(d contextDecl) bool {
	gd, ok := d.decl.(*ast.GenDecl)
	return ok && gd.Tok == token.VAR && len(d.names) == 1 && c.varAndDecl(d.names[0])
}

// hiddenVars are the statements declaring the variables of ds.
func hiddenVars(ds []contextDecl) []ast.Stmt {
	out := make([]ast.Stmt, len(ds))
	for i, d := range ds {
		out[i] = &ast.DeclStmt{Decl: d.decl}
	}
	return out
}

// clashes are the refusals of the cell's uses of a type or func of the
// session whose name a session variable has too: the interpreter takes
// the variable there (song{"d"} is an "undefined type").
func (p *parse) clashes(m *model) []refusal {
	if len(p.opts.Vars) == 0 {
		return nil
	}
	var out []refusal
	// (statements see the variable, hiddenVars, unless they define it again)
	for _, d := range p.ast.Decls {
		ast.Inspect(d, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			if kind := declKind(m.info.Uses[id]); kind != "" && p.opts.Vars[id.Name] && m.info.Uses[id].Parent() == m.pkg.Scope() {
				out = append(out, refusal{id.Pos(), fmt.Sprintf("%s is the %s %[1]s here, but an earlier cell made a variable %[1]s too, which the interpreter would take instead; give the variable another name and run its cell again",
					id.Name, kind)})
				return false
			}
			return len(out) == 0 || out[len(out)-1].pos < d.Pos()
		})
	}
	return out
}

// declKind is "type" or "func" for a type name or func, "" otherwise.
func declKind(obj types.Object) string {
	switch obj.(type) {
	case *types.TypeName:
		return "type"
	case *types.Func:
		return "func"
	}
	return ""
}

// varAndDecl reports whether the session has name both as a variable and
// as another declaration.
func (c *Context) varAndDecl(name string) bool {
	isVar, other := false, false
	for _, i := range c.byName[name] {
		if gd, ok := c.decls[i].decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			isVar = true
		} else {
			other = true
		}
	}
	return isVar && other
}

// pkgClashes refuses a variable the cell declares at its top level with
// the name of a package the session or the cell imports, when its value
// uses the package (md5 := md5.New()). In Go that variable is a local of
// main that hides the package for the rest of main; in the cells it is the
// session's, and the interpreter keeps it in the scope its packages are in,
// where it cannot be both. (A name the session's funcs use as a package is
// the session's to refuse: it knows them.)
func (p *parse) pkgClashes(m *model) []refusal {
	var out []refusal
	var imported map[string]string // name → path, made at the first candidate
	for id, obj := range m.info.Defs {
		v, ok := obj.(*types.Var)
		if !ok || v.IsField() || !p.top[id.Name] || !p.inCell(id.Pos()) || v.Type() != types.Typ[types.Invalid] {
			continue
		}
		if imported == nil {
			imported = p.importNames()
		}
		if path, ok := imported[id.Name]; ok {
			out = append(out, refusal{id.Pos(), fmt.Sprintf("%s names the package %s, which its value uses, and a variable at the top of a cell is the session's: the interpreter keeps it beside the packages, where the one would take the other's place in every later cell; give the variable another name (%[1]sVal)",
				id.Name, strconv.Quote(path))})
		}
	}
	slices.SortFunc(out, func(a, b refusal) int { return cmp.Compare(a.pos, b.pos) })
	return out[:min(len(out), 1)]
}

// importNames are the names of the packages the session and the cell
// import, with their paths.
func (p *parse) importNames() map[string]string {
	names := map[string]string{}
	if p.opts.Context != nil {
		for _, im := range p.opts.Context().importList {
			names[im[0]] = im[1]
		}
	}
	for _, it := range p.items { // (the cell's imports, as the model reads them)
		if it.Kind == Import {
			name := it.ImportName
			if name == "" {
				name = importer.DefaultName(it.ImportPath)
			}
			names[name] = it.ImportPath
		}
	}
	return names
}
