package cell

import (
	"fmt"
	"go/types"
	"sort"
)

// checkGenericArgs refuses a generic type declared in a cell instantiated
// with a type argument that is itself an instance of a generic type
// declared in a cell (Box[Pair[string, int]]): yaegi v0.16.1 fails to
// compile it with an internal error ("CFG post-order panic").
func (p *parse) checkGenericArgs(m *model) []refusal {
	var out []refusal
	for id, inst := range m.info.Instances {
		tn, ok := m.info.Uses[id].(*types.TypeName)
		if !ok || tn.Pkg() == nil || tn.Pkg().Path() != "main" || !p.inCell(id.Pos()) {
			continue
		}
		for i := 0; i < inst.TypeArgs.Len(); i++ {
			a, ok := types.Unalias(inst.TypeArgs.At(i)).(*types.Named)
			if !ok || a.TypeArgs().Len() == 0 || a.Obj().Pkg() == nil || a.Obj().Pkg().Path() != "main" {
				continue
			}
			qual := func(*types.Package) string { return "" }
			out = append(out, refusal{id.Pos(), fmt.Sprintf("%s instantiated with %s: the interpreter cannot instantiate a generic type declared in a cell with an instance of another one; declare a plain type for the argument (type %sEntry %s) and write %s[%[3]sEntry]",
				id.Name, types.TypeString(a, qual), a.Obj().Name(), types.TypeString(a.Underlying(), qual), id.Name)})
			break
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}
