package cell

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// iteratorFuncs are the funcs of slices and maps that return an iterator
// in Go (iter.Seq, or iter.Seq2), by the number of values it yields. The
// session's versions return a slice or the map itself (prelude.go), which
// a range statement over the call reads as Go reads the iterator
// (rangeStmt), and a func that takes an iterator (iteratorTakers) takes.
var iteratorFuncs = map[string]int{
	"slices.All": 2, "slices.Values": 1,
	"maps.All": 2, "maps.Keys": 1, "maps.Values": 1,
}

// iteratorTakers are the funcs of slices and maps that take an iterator.
var iteratorTakers = map[string]bool{
	"slices.Collect": true, "slices.Sorted": true, "slices.SortedFunc": true, "slices.SortedStableFunc": true,
	"slices.AppendSeq": true, "maps.Collect": true, "maps.Insert": true,
}

// checkIterators finds the iterators of slices or maps used other than by
// a range statement over the call or as the argument of a func that takes
// an iterator: stored, the session's slice would range differently (keys
// := maps.Keys(m); for k := range keys gives indices, Go gives keys), so
// these calls give Go's iterator, a func (p.iterOf). It refuses two
// variables in a range over a one-value iterator, which Go does not
// compile.
func (p *parse) checkIterators(m *model) []refusal {
	var out []refusal
	ast.PreorderStack(p.ast, nil, func(n ast.Node, stack []ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || !p.inCell(c.Pos()) {
			return true
		}
		name := p.implicitFunc(m, c.Fun)
		values, ok := iteratorFuncs[name]
		if !ok {
			return true
		}
		parent := ast.Node(nil)
		for i := len(stack) - 1; i >= 0; i-- {
			if _, paren := stack[i].(*ast.ParenExpr); !paren {
				parent = stack[i]
				break
			}
		}
		switch x := parent.(type) {
		case *ast.RangeStmt:
			if ast.Unparen(x.X) == c {
				if values == 1 && x.Value != nil {
					out = append(out, refusal{x.Value.Pos(), fmt.Sprintf("range over %s permits only one iteration variable", types.ExprString(c))})
				}
				return true
			}
		case *ast.CallExpr:
			// (the session's slices.All gives a slice, where maps.Collect
			// and maps.Insert take a map: Go's iterator, collected)
			if taker := p.implicitFunc(m, x.Fun); iteratorTakers[taker] && !(name == "slices.All" && strings.HasPrefix(taker, "maps.")) {
				return true
			}
		}
		// stored or passed on: the iterator itself, a func
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
			if p.iterOf == nil {
				p.iterOf = map[*ast.SelectorExpr]bool{}
			}
			p.iterOf[sel] = true
		}
		return true
	})
	return out
}
