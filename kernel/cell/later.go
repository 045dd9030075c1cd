package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// A lone type assertion x.(P) to a type that is not an interface is
// checked, or refused, by the model of its own cell where another type of
// P's representation exists then (checkShapeAssert, checkAssertShape,
// checkIdentity). One in a func whose cell ran before a later cell
// declared Q of P's representation is compiled already, unchecked, and
// yaegi v0.16.1 asserts by the representation: it would take a Q for a P
// with no error. The later cell is refused instead, naming the func.

// bodyAssert is a type assertion in a func's body, kept when the body is
// cut off (parseContextDecl).
type bodyAssert struct {
	fn   string // the func ("isP", "T.M")
	expr string // the assertion as written
	typ  string // the type asserted, as written
}

// bodyAsserts returns the assertions to a type in fd's body as the
// session keeps it (rewritten), func literals included, type switches
// and checked assertions left out.
func bodyAsserts(fd *ast.FuncDecl) []bodyAssert {
	name := fd.Name.Name
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		name = types.ExprString(fd.Recv.List[0].Type) + "." + name
	}
	var out []bodyAssert
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		// (an operand the session's rewrite named, a type switch's value
		// or a checked assertion's, is checked when it runs)
		if ta, ok := n.(*ast.TypeAssertExpr); ok && ta.Type != nil && !strings.HasPrefix(types.ExprString(ta.X), HelperTemp) {
			out = append(out, bodyAssert{name, types.ExprString(ta), types.ExprString(ta.Type)})
		}
		return true
	})
	return out
}

// asserts reports whether a func of the context has a type assertion.
func (c *Context) asserts() bool { return c != nil && c.nAsserts > 0 }

// checkLaterShape refuses a type the cell declares at its top level whose
// representation (or its pointer's) is that of a type, not an interface,
// that a func of an earlier cell asserts to: that assertion, compiled
// unchecked, would match the new type's values. A func the cell declares
// again is compiled anew, and left out.
func (p *parse) checkLaterShape(m *model) []refusal {
	if p.opts.Context == nil || m.pkg == nil {
		return nil
	}
	ctx := p.opts.Context()
	if ctx == nil || ctx.fset != p.fset {
		return nil
	}
	again := map[string]bool{}
	var newTypes []*ast.Ident
	for _, d := range p.ast.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			again[d.Name.Name] = true
			if d.Recv != nil && len(d.Recv.List) == 1 {
				again[types.ExprString(d.Recv.List[0].Type)+"."+d.Name.Name] = true
			}
		case *ast.GenDecl:
			if d.Tok != token.TYPE {
				continue
			}
			for _, sp := range d.Specs {
				if ts := sp.(*ast.TypeSpec); ts.TypeParams == nil && !ts.Assign.IsValid() {
					newTypes = append(newTypes, ts.Name)
				}
			}
		}
	}
	if len(newTypes) == 0 {
		return nil
	}
	q := types.RelativeTo(m.pkg)
	var out []refusal
	evaluated := map[string]types.Type{}
	shapes := map[string]string{} // of the types asserted, by source
	for _, id := range newTypes {
		tn, ok := m.info.Defs[id].(*types.TypeName)
		if !ok || types.IsInterface(tn.Type()) {
			continue
		}
		mine := []types.Type{tn.Type(), types.NewPointer(tn.Type())}
		mineShape := []string{shape(mine[0], nil), shape(mine[1], nil)}
	decls:
		for _, d := range ctx.decls {
			for _, a := range d.asserts {
				if again[a.fn] {
					continue
				}
				at, ok := evalType(p.fset, m, a.typ, evaluated)
				if !ok || types.IsInterface(at) || mentionsTypeParam(at) {
					continue
				}
				for i, t := range mine {
					if !sameOutline(t, at) || types.Identical(t, at) {
						continue
					}
					atShape, ok := shapes[a.typ]
					if !ok {
						atShape = shape(at, nil)
						shapes[a.typ] = atShape
					}
					if atShape != mineShape[i] {
						continue
					}
					out = append(out, refusal{id.Pos(), fmt.Sprintf("type %s has the representation of %s, which func %s, declared in an earlier cell, asserts to (%s): the interpreter asserts by the representation, so that assertion, compiled before %[1]s existed, would take a %[1]s for a %[2]s; give %[1]s a shape of its own (a struct with a field of its own), or declare it in the cell of %[3]s, before it, where the assertion is checked",
						id.Name, types.TypeString(at, q), a.fn, a.expr)})
					break decls
				}
			}
		}
	}
	return out
}

// evalType returns the type src (as an assertion wrote it) denotes in the
// package scope, from cache where it was evaluated before: a name, or a
// pointer to one, is looked up; anything else evaluated.
func evalType(fset *token.FileSet, m *model, src string, cache map[string]types.Type) (types.Type, bool) {
	if t, ok := cache[src]; ok {
		return t, t != nil
	}
	var t types.Type
	name, ptr := strings.CutPrefix(src, "*")
	if token.IsIdentifier(name) {
		if tn, ok := m.pkg.Scope().Lookup(name).(*types.TypeName); ok {
			t = tn.Type()
		} else if tn, ok := types.Universe.Lookup(name).(*types.TypeName); ok {
			t = tn.Type()
		}
		if t != nil && ptr {
			t = types.NewPointer(t)
		}
	} else if tv, err := types.Eval(fset, m.pkg, token.NoPos, src); err == nil && tv.IsType() {
		t = tv.Type
	}
	cache[src] = t
	return t, t != nil
}

// sameOutline reports whether a and b may have one shape, by what costs
// nothing to look at: both pointers or neither, the same kind of
// underlying type, and for structs the same field names.
func sameOutline(a, b types.Type) bool {
	pa, aPtr := types.Unalias(a).(*types.Pointer)
	pb, bPtr := types.Unalias(b).(*types.Pointer)
	if aPtr != bPtr {
		return false
	}
	if aPtr {
		a, b = pa.Elem(), pb.Elem()
	}
	switch ua := a.Underlying().(type) {
	case *types.Struct:
		ub, ok := b.Underlying().(*types.Struct)
		if !ok || ua.NumFields() != ub.NumFields() {
			return false
		}
		for i := range ua.NumFields() {
			if ua.Field(i).Name() != ub.Field(i).Name() {
				return false
			}
		}
		return true
	case *types.Basic:
		ub, ok := b.Underlying().(*types.Basic)
		return ok && ua.Kind() == ub.Kind()
	default:
		return fmt.Sprintf("%T", a.Underlying()) == fmt.Sprintf("%T", b.Underlying())
	}
}
