package cell

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
)

// A generic func or method that prints values of its type parameters
// prints them as the instance's type arguments print: yaegi v0.16.1
// instantiates it for each, and a value of the type parameter alone
// reaches fmt with its type's String or Error method. Inside a slice, a
// map or a struct it reaches fmt bare ([]L with L a cell type with String
// printed the elements' fields, where Go calls String on each), and so
// does a struct type argument whose fields have such methods. Whether that
// happens depends on the type arguments, which later cells may give: the
// declaration records what its body prints (ParamPrint, kept in the
// session's table), and each instantiation with such type arguments is
// refused (printedInstances).

// ParamPrint says that the body of a generic func, or of a method of a
// generic type, prints values of its type parameter Index: alone, or,
// with Inside, inside a slice, array, map or struct (fmt.Println(xs) of
// an xs []T).
type ParamPrint struct {
	Index  int
	Inside bool
}

// notePrintedParams records in p.prints the type parameters of the
// generic declaration around arg that the printed operand arg of type t
// holds.
func (p *parse) notePrintedParams(arg ast.Expr, t types.Type) {
	visitTypes(t, func(u types.Type) {
		tp, ok := types.Unalias(u).(*types.TypeParam)
		if !ok {
			return
		}
		d := p.genericDeclAt(arg)
		if d == nil {
			return
		}
		if p.prints == nil {
			p.prints = map[*ast.FuncDecl][]ParamPrint{}
		}
		pp := ParamPrint{Index: tp.Index(), Inside: !types.Identical(u, t)}
		if !slices.Contains(p.prints[d], pp) {
			p.prints[d] = append(p.prints[d], pp)
		}
	})
}

// genericDeclAt is the generic func, or method of a generic type, of the
// cell whose body holds n; nil if none.
func (p *parse) genericDeclAt(n ast.Node) *ast.FuncDecl {
	for _, d := range p.ast.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if ok && fd.Body != nil && fd.Body.Pos() <= n.Pos() && n.End() <= fd.Body.End() &&
			(fd.Type.TypeParams != nil && fd.Type.TypeParams.NumFields() > 0 || recvHasTypeParams(fd)) {
			return fd
		}
	}
	return nil
}

// printsOf are the type parameters the generic func or type name prints
// (a type: any of its methods): the session's (Options.Prints) and the
// cell's own declarations'.
func (p *parse) printsOf(name string) []ParamPrint {
	out := p.opts.Prints[name]
	for d, pps := range p.prints {
		if declPrintsName(d) == name {
			out = append(slices.Clip(out), pps...)
		}
	}
	return out
}

// declPrintsName is the name under which a declaration's ParamPrints are
// looked up: a func's, or a method's receiver type's.
func declPrintsName(d *ast.FuncDecl) string {
	if d.Recv != nil && len(d.Recv.List) == 1 {
		return recvName(d.Recv.List[0].Type)
	}
	return d.Name.Name
}

// printedInstances refuses each instantiation, in the cell, of a generic
// func or type whose body prints a type parameter that the type argument
// would make print differently in the interpreter (see above). An
// instantiation inside another generic declaration, with that one's type
// parameters, passes the record on to it.
func (p *parse) printedInstances(m *model) []refusal {
	if len(p.opts.Prints) == 0 && len(p.prints) == 0 {
		return nil
	}
	var out []refusal
	// (the declarations first: what they pass on is known before their
	// own instantiations are looked at)
	ids := make([]*ast.Ident, 0, len(m.info.Instances))
	for id := range m.info.Instances {
		if p.inCell(id.Pos()) && p.cellOffset(id.Pos()) >= p.earlierEnd {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b *ast.Ident) int {
		da, db := p.genericDeclAt(a) != nil, p.genericDeclAt(b) != nil
		if da != db {
			if da {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Pos(), b.Pos())
	})
	for _, id := range ids {
		inst := m.info.Instances[id]
		for _, pp := range p.printsOf(id.Name) {
			if pp.Index >= inst.TypeArgs.Len() {
				continue
			}
			a := inst.TypeArgs.At(pp.Index)
			if mentionsTypeParam(a) {
				if d := p.genericDeclAt(id); d != nil {
					p.notePrintedParams(id, a) // (Inside where a is a composite of the parameter)
					if pp.Inside {
						p.markInside(d)
					}
				}
				continue
			}
			if !printsDifferently(m, a, pp.Inside) {
				continue
			}
			where := "alone"
			if pp.Inside {
				where = "inside a slice, map or struct"
			}
			ta := types.TypeString(a, types.RelativeTo(m.pkg))
			out = append(out, refusal{id.Pos(), fmt.Sprintf("%s with %s: %s prints values of its type parameter %s, and %s %s; the interpreter hands fmt such values %s without their methods, so they would print their fields; print each value on its own (for _, x := range xs { fmt.Println(x) }), or make the strings first (x.String())",
				id.Name, ta, id.Name, typeParamName(m, id, pp.Index), ta, printedHow(a), where)})
		}
	}
	slices.SortFunc(out, func(a, b refusal) int { return cmp.Compare(a.pos, b.pos) })
	return out[:min(len(out), 1)]
}

// markInside marks every ParamPrint recorded for d as printed inside a
// composite: a call passes d's parameter on to one that prints it there.
func (p *parse) markInside(d *ast.FuncDecl) {
	for i := range p.prints[d] {
		p.prints[d][i].Inside = true
	}
}

// printsDifferently reports whether a value of a, a type argument, printed
// alone or inside a composite of the generic body's, prints otherwise in
// the interpreter than in Go.
func printsDifferently(m *model, a types.Type, inside bool) bool {
	direct := cellStringer(a) || declaredInCell(a) && hasValueMethod(a, "Error") || instanceStringer(a)
	if inside {
		return direct || printHelped(m, a, 'v')
	}
	return !direct && printHelped(m, a, 'v')
}

// printedHow says why values of a print otherwise in Go than their fields.
func printedHow(a types.Type) string {
	if hasValueMethod(a, "Error") || hasValueMethod(a, "String") {
		return "has a String or Error method, which Go's fmt calls"
	}
	return "holds values whose String or Error methods Go's fmt calls"
}

// typeParamName is the name of type parameter i of the generic func or
// type id names.
func typeParamName(m *model, id *ast.Ident, i int) string {
	var tps *types.TypeParamList
	switch obj := m.info.Uses[id].(type) {
	case *types.Func:
		tps = obj.Signature().TypeParams()
	case *types.TypeName:
		if n, ok := obj.Type().(*types.Named); ok {
			tps = n.TypeParams()
		}
	}
	if tps == nil || i >= tps.Len() {
		return fmt.Sprint("#", i+1)
	}
	return tps.At(i).Obj().Name()
}
