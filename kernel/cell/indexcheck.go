package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// yaegi v0.16.1 indexes slices, arrays and strings through reflect, whose
// panic for an index out of range carries neither the index nor the
// length: recover() got `reflect: slice index out of range` where Go
// gives `runtime error: index out of range [5] with length 0`. In a func
// that recovers (it defers a func literal that calls recover()), where a
// program prints what it recovered, an index of a slice, array or string
// named by a variable is passed through HelperIndex, which panics with
// Go's runtime error. Elsewhere the index is left as it is: the check
// costs a call into compiled code per index.
//
// (A panic anywhere may reach a recovering func: every index of a cell
// that has or follows one is checked.)

// recoveringFuncs records, in p.indexChecks, the index expressions of all
// of f where a func of f or of the session's earlier cells defers a
// recover (a panic of a func literal this cell declares may reach it:
// safeCall(func() { _ = s[i] }), with safeCall declared before or in f).
func (p *parse) recoveringFuncs(m *model, f *ast.File) {
	if (p.opts.Context == nil || !p.opts.Context().recovering()) && !p.recoversAnywhere(f) {
		return
	}
	// (a package-level var whose value uses the helpers, vars of the
	// session's prelude, is "variable definition loop" to yaegi v0.16.1:
	// var tests = []func(){ func() { _ = s[i] } }; the cell's top-level
	// var statements are package-level vars to it too)
	topVars := map[ast.Node]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			topVars[d] = d.Tok == token.VAR
		case *ast.FuncDecl:
			if d.Recv == nil && strings.HasPrefix(d.Name.Name, "_cell") && p.isSynth(d) {
				for _, st := range d.Body.List {
					if ds, ok := st.(*ast.DeclStmt); ok {
						topVars[ds.Decl] = ds.Decl.(*ast.GenDecl).Tok == token.VAR
					}
				}
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if topVars[n] {
			return false
		}
		if ix, ok := n.(*ast.IndexExpr); ok && checkableIndex(m, ix) {
			if p.indexChecks == nil {
				p.indexChecks = map[*ast.IndexExpr]bool{}
			}
			p.indexChecks[ix] = true
		}
		if se, ok := n.(*ast.SliceExpr); ok {
			if n := sliceLimit(m, se); n != "" {
				if p.sliceChecks == nil {
					p.sliceChecks = map[*ast.SliceExpr]string{}
				}
				p.sliceChecks[se] = n
			}
		}
		return true
	})
}

// recoversAnywhere reports whether a func of f defers a func literal that
// calls recover(): a panic anywhere in f may reach it (a program's
// safeCall(func() { _ = s[i] }), pasted whole).
func (p *parse) recoversAnywhere(f *ast.File) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			found = found || n.Body != nil && defersRecover(n.Body)
		case *ast.FuncLit:
			found = found || defersRecover(n.Body)
		}
		return !found
	})
	return found
}

// defersRecover reports whether body defers, at its own level, a func
// literal that calls recover().
func defersRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if lit, ok := n.Call.Fun.(*ast.FuncLit); ok {
				ast.Inspect(lit.Body, func(n ast.Node) bool {
					if c, ok := n.(*ast.CallExpr); ok {
						if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "recover" && len(c.Args) == 0 {
							found = true
						}
					}
					return !found
				})
			}
		}
		return true
	})
	return found
}

// sliceLimit is what bounds the indices of se, a slice expression of a
// slice, an array or a string named by a variable with indices of an
// integer type made of names, literals and arithmetic (so that each may
// be written twice): "cap" for a slice, "len" otherwise; "" where se is
// not such an expression.
func sliceLimit(m *model, se *ast.SliceExpr) string {
	if !pureOperand(se.X) {
		return ""
	}
	t := m.info.Types[se.X].Type
	if invalid(t) {
		return ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	limit := "len"
	switch u := t.Underlying().(type) {
	case *types.Slice:
		limit = "cap"
	case *types.Array:
	case *types.Basic:
		if u.Info()&types.IsString == 0 {
			return ""
		}
	default:
		return ""
	}
	for _, e := range []ast.Expr{se.Low, se.High, se.Max} {
		if e != nil && !pureIndex(m, e) {
			return ""
		}
	}
	return limit
}

// sliceEdits pass the low bound of se through HelperSlice, which checks
// all three bounds against limit (len or cap) of the operand as Go does:
// s[i:j] becomes s[__gocurve_slc(i, j, 0, cap(s), false, true):j].
func (p *parse) sliceEdits(se *ast.SliceExpr, limit string) []edit {
	xs, xe := p.span(se.X)
	x := p.src[xs:xe]
	text := func(e ast.Expr, or string) string {
		if e == nil {
			return or
		}
		s, e2 := p.span(e)
		return "int(" + p.src[s:e2] + ")"
	}
	args := fmt.Sprintf(", %s, %s, %s(%s), %t, %t)", text(se.High, "len("+x+")"), text(se.Max, "0"), limit, x, se.Slice3, limit == "cap")
	if se.Low == nil {
		at := p.cellOffset(se.Lbrack) + 1
		return []edit{{at, at, HelperSlice + "(0" + args}}
	}
	s, e := p.span(se.Low)
	return []edit{{s, s, HelperSlice + "(int("}, {e, e, ")" + args}}
}

// checkableIndex reports whether ix indexes a slice, an array or a
// string named by a variable (a name or a selector of names, so that
// len of it may be written beside it), with an index of an integer type
// made of names, literals and arithmetic (which no other rewrite
// touches).
func checkableIndex(m *model, ix *ast.IndexExpr) bool {
	if !pureOperand(ix.X) {
		return false
	}
	t := m.info.Types[ix.X].Type
	if invalid(t) {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array:
	case *types.Basic:
		if u.Info()&types.IsString == 0 {
			return false
		}
	default:
		return false
	}
	return pureIndex(m, ix.Index)
}

// pureIndex reports whether e is of an integer type and made of names,
// literals, arithmetic, indexes and len or cap (xs[len(xs)], arr[i%4+2]):
// nothing in it can change the operand before the helper's len reads it.
func pureIndex(m *model, e ast.Expr) bool {
	it := m.info.Types[e].Type
	if invalid(it) {
		return false
	}
	if b, ok := it.Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return false
	}
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil, *ast.Ident, *ast.BasicLit, *ast.ParenExpr, *ast.SelectorExpr, *ast.BinaryExpr, *ast.IndexExpr:
		case *ast.UnaryExpr:
			ok = n.Op != token.ARROW
		case *ast.CallExpr:
			id, isIdent := ast.Unparen(n.Fun).(*ast.Ident)
			_, builtin := m.info.Uses[id].(*types.Builtin)
			ok = isIdent && builtin && (id.Name == "len" || id.Name == "cap")
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// pureOperand reports whether e is a name, a selector of names, or an
// index of one by names, literals and arithmetic (grid[i]): written twice,
// it gives the same value.
func pureOperand(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return pureOperand(e.X)
	case *ast.IndexExpr:
		ok := pureOperand(e.X)
		ast.Inspect(e.Index, func(n ast.Node) bool {
			switch n := n.(type) {
			case nil, *ast.Ident, *ast.BasicLit, *ast.ParenExpr:
			case *ast.BinaryExpr:
				ok = ok && n.Op != token.LAND && n.Op != token.LOR
			default:
				ok = false
			}
			return ok
		})
		return ok
	}
	return false
}

// indexEdits passes ix's index through HelperIndex.
func (p *parse) indexEdits(ix *ast.IndexExpr) []edit {
	s, e := p.span(ix.Index)
	xs, xe := p.span(ix.X)
	return []edit{{s, s, HelperIndex + "(int("}, {e, e, "), len(" + p.src[xs:xe] + "))"}}
}
