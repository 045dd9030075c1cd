package cell

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// atomic.Pointer[T] is generic, so yaegi v0.16.1's symbol tables cannot
// hold it ("undefined selector sync/atomic.Pointer"). A cell that names it
// gets an interpreted type of the same methods in its place, declared once
// in the session when a cell first names it (not in the prelude: a
// generic type with methods there keeps the session from taking its
// frame's slots again, TestFrameSlotsReclaimed). The type model has
// sync/atomic's own declaration (the importer's stand-ins), and reads the
// stand-in as an alias of it (the session's later declarations name the
// stand-in), so the cell's errors and %T name atomic.Pointer; printing
// one, whose fields are the stand-in's, is refused.

// atomicPointer is the name of the interpreted atomic.Pointer.
const atomicPointer = "__gocurve_atomic_Pointer"

// atomicPointerSrc declares atomicPointer; pkg is the cell's name for
// sync/atomic. The pointer is guarded by a spin lock on an atomic.Int32
// (the cell may not import sync; yaegi cannot assert x.(*T) in a generic
// method: "cannot indirect"), whose CompareAndSwap and Store order the
// pointer's reads and writes as atomic.Pointer's own operations do.
func atomicPointerSrc(pkg string) string {
	return strings.NewReplacer("P", atomicPointer, "atomic.", pkg+".").Replace(
		"type P[T any] struct{ l atomic.Int32; p *T }; " +
			"func (x *P[T]) Load() *T { for !x.l.CompareAndSwap(0, 1) {}; p := x.p; x.l.Store(0); return p }; " +
			"func (x *P[T]) Store(val *T) { for !x.l.CompareAndSwap(0, 1) {}; x.p = val; x.l.Store(0) }; " +
			"func (x *P[T]) Swap(new *T) (old *T) { for !x.l.CompareAndSwap(0, 1) {}; old, x.p = x.p, new; x.l.Store(0); return old }; " +
			"func (x *P[T]) CompareAndSwap(old, new *T) (swapped bool) { for !x.l.CompareAndSwap(0, 1) {}; if x.p == old { x.p, swapped = new, true }; x.l.Store(0); return swapped }")
}

// atomicPointers writes atomicPointer for each atomic.Pointer the cell
// names, and records its declaration where the session has none.
func (p *parse) atomicPointers(m *model) {
	ctx := (*Context)(nil)
	if p.opts.Context != nil {
		ctx = p.opts.Context()
	}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || !p.inCell(sel.Pos()) {
			return true
		}
		x, ok := sel.X.(*ast.Ident)
		if !ok || !isAtomicPointer(m.info.Uses[sel.Sel]) {
			return true
		}
		if p.instAliases == nil {
			p.instAliases = map[ast.Expr]string{}
		}
		p.instAliases[sel] = atomicPointer
		if !ctx.declares(atomicPointer) && p.atomicDecl == "" {
			p.atomicDecl = atomicPointerSrc(x.Name)
			p.atomicModel = "type " + atomicPointer + "[T any] = " + x.Name + ".Pointer[T]"
		}
		return false
	})
}

// isAtomicPointer reports whether obj is sync/atomic's Pointer.
func isAtomicPointer(obj types.Object) bool {
	tn, ok := obj.(*types.TypeName)
	return ok && tn.Pkg() != nil && tn.Pkg().Path() == "sync/atomic" && tn.Name() == "Pointer"
}

// checkAtomicPrint refuses printing, with a verb other than %T, a value
// that is or holds an atomic.Pointer: fmt would print the stand-in's
// fields, not Go's (which show an address anyway).
func (p *parse) checkAtomicPrint(arg ast.Expr, t types.Type, verb rune) bool {
	if verb == 'T' || !holdsAtomicPointer(t) {
		return false
	}
	p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("printing %s, which is or holds an atomic.Pointer: the interpreter's atomic.Pointer is a stand-in whose fields fmt would print; print what it points to (p.Load())",
		types.ExprString(arg))})
	return true
}

// holdsAtomicPointer reports whether t is or holds an atomic.Pointer, in
// its fields at any depth too.
func holdsAtomicPointer(t types.Type) bool {
	held := false
	seen := map[types.Type]bool{}
	var visit func(types.Type)
	visit = func(t types.Type) {
		visitTypes(t, func(t types.Type) {
			n, ok := types.Unalias(t).(*types.Named)
			if !ok || held || seen[n] {
				return
			}
			seen[n] = true
			if isAtomicPointer(n.Obj()) {
				held = true
				return
			}
			if s, ok := n.Underlying().(*types.Struct); ok {
				visit(s)
			}
		})
	}
	visit(t)
	return held
}
