package cell

import (
	"go/ast"
	"go/token"
)

// selectBranches returns the break and continue statements in select
// clauses that yaegi v0.16.1 runs differently from Go: in the default
// clause, `break L` hangs and `continue` is ignored; in any clause an
// unlabelled `break` leaves the enclosing loop instead of the select; and an
// unlabelled `continue` in a select with a default clause leaves the loop.
// Labelled break and continue in a clause with a case (`case v := <-ch:`)
// run right and are kept.
func selectBranches(root ast.Node) []refusal {
	var out []refusal
	ast.Inspect(root, func(n ast.Node) bool {
		s, ok := n.(*ast.SelectStmt)
		if !ok {
			return true
		}
		hasDefault := false
		for _, c := range s.Body.List {
			if c.(*ast.CommClause).Comm == nil {
				hasDefault = true
			}
		}
		for _, c := range s.Body.List {
			cc := c.(*ast.CommClause)
			for _, st := range cc.Body {
				out = append(out, clauseBranches(st, cc.Comm == nil, hasDefault, false)...)
			}
		}
		return true // nested selects are visited on their own
	})
	return out
}

// clauseBranches finds the refused branch statements in n, a statement of a
// select clause; inSwitch is true inside a switch of that clause, where an
// unlabelled break leaves the switch.
func clauseBranches(n ast.Node, isDefault, hasDefault, inSwitch bool) []refusal {
	var out []refusal
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt, *ast.SelectStmt:
			return false // their break and continue are their own
		case *ast.SwitchStmt:
			out = append(out, clauseBranches(x.Body, isDefault, hasDefault, true)...)
			return false
		case *ast.TypeSwitchStmt:
			out = append(out, clauseBranches(x.Body, isDefault, hasDefault, true)...)
			return false
		case *ast.BranchStmt:
			if r, ok := selectBranchRefusal(x, isDefault, hasDefault, inSwitch); ok {
				out = append(out, r)
			}
		}
		return true
	})
	return out
}

func selectBranchRefusal(b *ast.BranchStmt, isDefault, hasDefault, inSwitch bool) (refusal, bool) {
	const instead = "set a variable in the clause (done = true) and test it after the select: if done { break }, or move the loop into a func and return"
	switch {
	case b.Tok == token.BREAK && b.Label == nil && !inSwitch:
		return refusal{b.Pos(), "break in a select clause leaves the enclosing loop in the interpreter, not the select as in Go; " +
			"drop it and put the rest of the clause in an if, or " + instead}, true
	case b.Tok != token.BREAK && b.Tok != token.CONTINUE:
		return refusal{}, false
	case isDefault && b.Label != nil:
		return refusal{b.Pos(), b.Tok.String() + " " + b.Label.Name + " in the default clause of a select does not work in the interpreter (it hangs or goes on); " + instead}, true
	case b.Tok == token.CONTINUE && (isDefault || hasDefault):
		return refusal{b.Pos(), "continue in a select with a default clause does not work in the interpreter (it is ignored or leaves the loop); " + instead}, true
	}
	return refusal{}, false
}
