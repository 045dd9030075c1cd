package cell

import (
	"go/ast"
	"go/token"
	"go/types"
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

// recoveringFuncs records, in p.indexChecks, the index expressions of the
// funcs of f that defer a func literal calling recover(); of all of f
// where a func of the session's earlier cells calls recover (a panic of
// a func literal this cell declares may reach it: safeCall(func() {
// _ = s[i] }), with safeCall declared before).
func (p *parse) recoveringFuncs(m *model, f *ast.File) {
	if p.opts.Context != nil && p.opts.Context().recovering() {
		ast.Inspect(f, func(n ast.Node) bool {
			if ix, ok := n.(*ast.IndexExpr); ok && checkableIndex(m, ix) {
				if p.indexChecks == nil {
					p.indexChecks = map[*ast.IndexExpr]bool{}
				}
				p.indexChecks[ix] = true
			}
			return true
		})
		return
	}
	ast.Inspect(f, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		if body == nil || !defersRecover(body) {
			return true
		}
		ast.Inspect(body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false // its own func: judged on its own
			}
			if ix, ok := n.(*ast.IndexExpr); ok && checkableIndex(m, ix) {
				if p.indexChecks == nil {
					p.indexChecks = map[*ast.IndexExpr]bool{}
				}
				p.indexChecks[ix] = true
			}
			return true
		})
		return true
	})
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
	it := m.info.Types[ix.Index].Type
	if invalid(it) {
		return false
	}
	if b, ok := it.Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return false
	}
	ok := true
	ast.Inspect(ix.Index, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil, *ast.Ident, *ast.BasicLit, *ast.ParenExpr, *ast.SelectorExpr:
		case *ast.BinaryExpr:
			ok = ok && (n.Op == token.ADD || n.Op == token.SUB || n.Op == token.MUL)
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// pureOperand reports whether e is a name or a selector of names.
func pureOperand(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return pureOperand(e.X)
	}
	return false
}

// indexEdits passes ix's index through HelperIndex.
func (p *parse) indexEdits(ix *ast.IndexExpr) []edit {
	s, e := p.span(ix.Index)
	xs, xe := p.span(ix.X)
	return []edit{{s, s, HelperIndex + "(int("}, {e, e, "), len(" + p.src[xs:xe] + "))"}}
}
