package cell

import (
	"fmt"
	"go/ast"
	"go/types"
)

// A top-level variable named like a type or func a cell declared (song :=
// rock.songs[0] with type song) is, in Go, a local of main that shadows
// the type for the rest of main. A notebook's top level is its package:
// later cells see the declaration, and go/types' error there (song.title
// undefined (type song has no method title)) does not say why.

// explainClash rewrites the refusals at a statement that names a type or
// func of the session that is also the name of a session variable,
// saying which one the cell sees and what to write.
func (p *parse) explainClash(m *model, errs []refusal) []refusal {
	if len(p.opts.Vars) == 0 {
		return errs
	}
	for i, r := range errs {
		st := m.topLevelStmt(r.pos)
		if st == nil {
			continue
		}
		ast.Inspect(st, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || errs[i].msg != r.msg {
				return errs[i].msg == r.msg
			}
			obj := m.info.Uses[id]
			kind := ""
			switch obj.(type) {
			case *types.TypeName:
				kind = "type"
			case *types.Func:
				kind = "func"
			}
			if kind == "" || !p.opts.Vars[id.Name] || obj.Parent() != m.pkg.Scope() || p.inCell(obj.Pos()) {
				return true
			}
			errs[i].msg = fmt.Sprintf("%s here is the %s %[1]s a cell declared, not the variable %[1]s an earlier cell defined: later cells see the declaration (only inside Go's main would the variable shadow it); give the variable another name and run its cell again (%s)",
				id.Name, kind, r.msg)
			return false
		})
	}
	return errs
}
