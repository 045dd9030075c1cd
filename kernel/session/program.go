package session

import (
	"slices"

	"github.com/gocurve/gocurve/kernel/cell"
)

// initOrdered moves the var declarations of decls to the end, in the
// order Go initializes them (yaegi orders package-level vars only by their
// direct references to each other, not through funcs).
func initOrdered(decls []cell.Item, order []string) []cell.Item {
	rank := func(it cell.Item) int {
		r := len(order)
		for _, n := range it.Names {
			if i := slices.Index(order, n); i >= 0 && i < r {
				r = i
			}
		}
		return r
	}
	var out, vars []cell.Item
	for _, it := range decls {
		if it.Kind == cell.Var {
			vars = append(vars, it)
		} else {
			out = append(out, it)
		}
	}
	slices.SortStableFunc(vars, func(a, b cell.Item) int { return rank(a) - rank(b) })
	return append(out, vars...)
}

// runProgram runs a program's init funcs in source order, then its main,
// each once: they were declared under other names, so the interpreter does
// not run them by itself, now or on a later cell.
func (x *execution) runProgram() error {
	x.dirty = true
	for _, name := range x.prog.Entries {
		it := cell.Item{Kind: cell.Stmt, Src: name + "()", Line: 1, Col: 1}
		for _, d := range x.c.Items {
			if d.Kind == cell.Func && d.Names[0] == name {
				it.Line = d.Line
			}
		}
		x.cur = &it
		if err := x.eval(stmtChunk([]cell.Item{it})); err != nil {
			return err
		}
	}
	x.cur = nil
	return nil
}
