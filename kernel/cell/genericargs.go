package cell

import (
	"fmt"
	"go/ast"
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
	out = append(out, p.checkGenericNonStruct(m)...)
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// checkGenericNonStruct refuses, in a generic func declared in the cell
// (not a method), an instance of a generic type declared in a cell whose
// underlying type is not a struct (type Set[T comparable] map[T]struct{})
// with the func's type parameters (Set[T]): yaegi v0.16.1 cannot build it
// (a CFG panic, or map[interface {}]struct {} where map[string]struct{}
// was wanted). Methods of such types, struct types and interfaces work.
func (p *parse) checkGenericNonStruct(m *model) []refusal {
	var out []refusal
	for _, d := range p.ast.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Type.TypeParams == nil || !p.inCell(fd.Pos()) {
			continue
		}
		ast.Inspect(fd, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			inst, ok := m.info.Instances[id]
			tn, isType := m.info.Uses[id].(*types.TypeName)
			if !ok || !isType || tn.Pkg() == nil || tn.Pkg().Path() != "main" {
				return true
			}
			switch u := tn.Type().Underlying().(type) {
			case *types.Struct, *types.Interface:
				return true // structs work; interfaces are constraints and method sets
			case *types.Basic:
				if u.Kind() == types.Invalid {
					return true // the model could not tell; the interpreter will say
				}
			}
			for i := 0; i < inst.TypeArgs.Len(); i++ {
				if mentionsTypeParam(inst.TypeArgs.At(i)) {
					out = append(out, refusal{id.Pos(), fmt.Sprintf("%s with the type parameters of %s: the interpreter cannot instantiate a generic %s type declared in a cell inside a generic func; make %[1]s a struct (type %[1]s[...] struct{ items %[3]s }), or write %[2]s for the type at hand (func %[2]s(vs ...string) %[1]s[string])",
						id.Name, fd.Name.Name, types.TypeString(tn.Type().Underlying(), func(*types.Package) string { return "" }))})
					return true
				}
			}
			return true
		})
	}
	return out
}
