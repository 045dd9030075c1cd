package cell

import (
	"fmt"
	"go/ast"
	"go/types"
)

// iteratorFuncs are the funcs of slices and maps that return an iterator
// in Go (iter.Seq, or iter.Seq2), by the number of values it yields. The
// session's versions return a slice or the map itself (prelude.go), which
// a range statement over the call reads as Go reads the iterator
// (rangeStmt), and a func that takes an iterator (iteratorTakers) takes.
var iteratorFuncs = map[string]int{
	"slices.All": 2, "slices.Values": 1, "slices.Backward": 2, "slices.Chunk": 1,
	"maps.All": 2, "maps.Keys": 1, "maps.Values": 1,
}

// iteratorTakers are the funcs of slices and maps that take an iterator.
var iteratorTakers = map[string]bool{
	"slices.Collect": true, "slices.Sorted": true, "slices.SortedFunc": true, "slices.SortedStableFunc": true,
	"slices.AppendSeq": true, "maps.Collect": true, "maps.Insert": true,
}

// checkIterators refuses an iterator of slices or maps used other than by
// a range statement over the call or as the argument of a func that takes
// an iterator: stored, the session's slice would range differently (keys
// := maps.Keys(m); for k := range keys gives indices, Go gives keys). It
// refuses two variables in a range over a one-value iterator, which Go
// does not compile.
func (p *parse) checkIterators(m *model) []refusal {
	var out []refusal
	ast.PreorderStack(p.ast, nil, func(n ast.Node, stack []ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || !p.inCell(c.Pos()) {
			return true
		}
		name := p.implicitFunc(m, c.Fun)
		values, ok := iteratorFuncs[name]
		compiled := false
		if !ok && compiledSeq(m, c) != "" {
			values, ok, compiled = 1, true, true
		}
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
			if iteratorTakers[p.implicitFunc(m, x.Fun)] {
				return true
			}
		}
		if compiled {
			out = append(out, refusal{c.Pos(), fmt.Sprintf("%s returns an iterator, a func the interpreter cannot range over once stored or passed on; range over the call itself (for v := range %[1]s), or collect it (slices.Collect(%[1]s))",
				types.ExprString(c))})
			return true
		}
		out = append(out, refusal{c.Pos(), fmt.Sprintf("%s returns an iterator in Go, which cells do not have: here it gives a slice or the map, which ranges differently once stored (indices, not values); range over the call itself (for v := range %s), or collect it (slices.Collect(%[2]s), slices.Sorted(%[2]s))",
			name, types.ExprString(c))})
		return true
	})
	return out
}
