package session

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
)

// redeclaresUsedVar reports whether the statement redeclared a variable of
// an earlier cell that a func or method of the session uses.
func (x *execution) redeclaresUsedVar(it cell.Item) bool {
	old := x.s.names.vars // the earlier cells' variables
	for _, n := range it.Names {
		if !old[n] {
			continue
		}
		for _, d := range x.table {
			if (d.Kind == cell.Func || d.Kind == cell.Method) && contains(d.Uses, n) {
				return true
			}
		}
	}
	return false
}

// statements runs the cell's statements in order, with the declarations in
// later placed after the statements defining what they use, and renders a
// final expression.
func (x *execution) statements(later []cell.Item) error {
	var run []cell.Item
	items := x.c.Items
	final := x.c.Final()
	lastLine, lastCol := 0, 0 // the last statement: if it ends, the cell does
	if len(items) > 0 {
		lastLine, lastCol = items[len(items)-1].Line, items[len(items)-1].Col
	}
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		x.dirty = true
		for i := range run {
			x.cur = &run[i]
			if err := x.evalStmt(run[i]); err != nil {
				run = run[:0]
				return err
			}
			if x.s.rt.returned.Load() {
				// a return at the top level: the cell ends here, with
				// what its statements so far defined
				if len(run[i].Names) > 0 {
					x.keep(run[i].Names)
				}
				run = run[:0]
				return errReturned
			}
			if len(run[i].Names) > 0 && !(run[i].Line == lastLine && run[i].Col == lastCol) {
				x.keep(run[i].Names)
			}
			for name, lit := range run[i].FuncLits {
				if j := x.varIndex(name); j >= 0 && x.vars[j].funcLit != lit {
					x.ownVars(j)
					x.vars[j].funcLit = lit
				}
			}
			if x.redeclaresUsedVar(run[i]) {
				// A redeclared variable is a new one to yaegi; funcs
				// compiled earlier read the old one until replayed.
				in, notices, err := x.s.rebuild(x.s.in, x.imports, x.table, x.vars, nil, nil)
				x.notices = append(x.notices, notices...)
				if err != nil {
					return x.mapError(err)
				}
				x.s.in = in
			}
		}
		x.cur = nil
		run = run[:0]
		return nil
	}
	x.s.rt.returned.Store(false)
	defer x.s.rt.returned.Store(false)
	for i, it := range items {
		if it.Kind != cell.Stmt && it.Kind != cell.Var {
			continue
		}
		if final != nil && i == len(items)-1 {
			if err := flush(); err != nil {
				return x.afterReturn(err, &later)
			}
			if err := x.placeLater(&later, len(items)); err != nil {
				return err
			}
			return x.final(it)
		}
		run = append(run, it)
		for _, n := range it.Names {
			x.defineVar(n, it)
		}
		x.noteShadowing(it)
		if len(later) > 0 {
			if err := flush(); err != nil {
				return x.afterReturn(err, &later)
			}
			if err := x.placeLater(&later, i); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return x.afterReturn(err, &later)
	}
	return x.placeLater(&later, len(items))
}

// errReturned ends a cell's statements at a return of its top level.
var errReturned = errors.New("returned")

// afterReturn returns err, or, where err is errReturned, places the
// declarations still waiting in later (the cell declared them, as Go
// declares a program's funcs whether or not main returns early) and
// returns what that gives.
func (x *execution) afterReturn(err error, later *[]cell.Item) error {
	if err != errReturned {
		return err
	}
	return x.placeLater(later, len(x.c.Items))
}

// evalStmt runs one top-level statement. yaegi's global type analysis gets
// some top-level definitions wrong (x := genericCall(...) panics,
// y := undefinedName says "constant definition loop"); as nothing ran when
// compiling fails, such a definition is retried inside a func literal, which
// yaegi compiles correctly, and its variables are then declared at top level
// with the static types the func literal saw.
func (x *execution) evalStmt(it cell.Item) error {
	err := x.eval(stmtChunk([]cell.Item{it}))
	var ce *cellError
	if err == nil || !errors.As(err, &ce) || ce.kind != KindCompileError || len(it.Names) == 0 || !isDefine(it.Src) ||
		strings.Contains(ce.msg, "undefined: ") {
		return err
	}
	if err2 := x.defineInFunc(it); err2 != nil {
		if errors.As(err2, &ce) && ce.kind == KindCompileError {
			return err2 // the func literal's message is the better one
		}
		return err2
	}
	return nil
}

func isDefine(src string) bool {
	i := strings.Index(src, ":=")
	return i > 0 && !strings.ContainsAny(src[:i], "({[\"")
}

func (x *execution) defineInFunc(it cell.Item) error {
	ptrs := make([]string, len(it.Names))
	for i, n := range it.Names {
		ptrs[i] = "&" + n
	}
	w := it
	// The wrapper's head goes on the line before, so the statement keeps
	// its cell line and column in the interpreter's messages.
	w.Src = "__gocurve_tmp := func() []any {\n" + strings.Repeat(" ", max(it.Col-1, 0)) + it.Src + "; return []any{" + strings.Join(ptrs, ", ") + "} }()"
	w.Line, w.Col = it.Line-1, 1
	if w.Line < 0 {
		// it starts with a head line of its own (a final expression's
		// variables): the wrapper's head shares it.
		w.Src = "__gocurve_tmp := func() []any {" + it.Src + "; return []any{" + strings.Join(ptrs, ", ") + "} }()"
		w.Line = it.Line
	}
	if err := x.eval(stmtChunk([]cell.Item{w})); err != nil {
		return err
	}
	tmp, err := evalSafe(x.s.in, "__gocurve_tmp")
	if err != nil || tmp.Kind() != reflect.Slice || tmp.Len() != len(it.Names) {
		return &cellError{kind: KindCompileError, msg: "could not define " + strings.Join(it.Names, ", "), trace: []string{"could not define " + strings.Join(it.Names, ", ")}}
	}
	byName := map[reflect.Type]string{}
	for name, t := range namedTypes(x.s.in, x.table) {
		byName[t] = name
	}
	for i, n := range it.Names {
		p := tmp.Index(i)
		if p.Kind() == reflect.Interface {
			p = p.Elem()
		}
		texpr, ok := typeExpr(p.Type().Elem(), byName, x.imports)
		if st := it.Static[n]; !ok && st != "" {
			// the type model names what reflection cannot (Set[string],
			// an instance of a generic type declared in a cell)
			texpr, ok = st, true
		}
		if !ok {
			return &cellError{kind: KindCompileError, msg: fmt.Sprintf("cannot define %s at top level (type %s)", n, p.Type().Elem()),
				trace: []string{fmt.Sprintf("cannot define %s at top level: its type %s cannot be named; declare it with var", n, p.Type().Elem())}}
		}
		if _, err := evalSafe(x.s.in, fmt.Sprintf("package main; var %s %s", n, texpr)); err != nil {
			return x.mapError(err)
		}
		dst, err := evalSafe(x.s.in, "&"+n)
		if err != nil || dst.Kind() != reflect.Ptr {
			return &cellError{kind: KindCompileError, msg: "could not define " + n, trace: []string{"could not define " + n}}
		}
		dst.Elem().Set(p.Elem())
	}
	return nil
}

// placeLater evaluates the declarations of later whose variables exist now.
func (x *execution) placeLater(later *[]cell.Item, upto int) error {
	if len(*later) == 0 {
		return nil
	}
	have := map[string]bool{}
	for _, v := range x.vars {
		have[v.name] = true
	}
	var ready, rest []cell.Item
	for _, it := range *later {
		ok := true
		for _, u := range it.Uses {
			for _, jt := range x.c.Items {
				if (jt.Kind == cell.Stmt || jt.Kind == cell.Var) && contains(jt.Names, u) && !have[u] {
					ok = false
				}
			}
		}
		if ok || upto >= len(x.c.Items) {
			ready = append(ready, it)
		} else {
			rest = append(rest, it)
		}
	}
	*later = rest
	if len(ready) == 0 {
		return nil
	}
	x.dirty = true
	if err := x.eval(declChunk(ready)); err != nil {
		return err
	}
	for _, it := range ready {
		x.put(it)
	}
	return nil
}

// noteShadowing notes a top-level variable named like a type or func of
// the session (song := rock.songs[0] with type song): statements, of this
// cell and later ones, see the variable, as the rest of Go's main would,
// and declarations the type or func (see package cell's clash.go).
func (x *execution) noteShadowing(it cell.Item) {
	for _, n := range it.Names {
		if !x.s.names.mayBeDeclared([]string{n}) && !x.putHere([]string{n}) {
			continue
		}
		for _, d := range x.table {
			if (d.Kind == cell.Type || d.Kind == cell.Func) && !d.Synthetic && slices.Equal(d.Names, []string{n}) {
				x.notices = append(x.notices, fmt.Sprintf("%s is now a variable: statements see it, declarations the %s %[1]s, as in Go's main; give the variable another name to use the %[2]s in statements", n, d.Kind))
			}
		}
	}
}

// dropReplacedVars drops the session's variables that a type, func or
// const of decls names again (the last definition of a name wins, and a
// variable left beside it would be what the interpreter takes for the
// name in statements); it reports whether any was dropped (the
// interpreter must then be made again).
func (x *execution) dropReplacedVars(decls []cell.Item) bool {
	dropped := false
	for _, it := range decls {
		if it.Kind != cell.Type && it.Kind != cell.Func && it.Kind != cell.Const {
			continue
		}
		for _, n := range it.Names {
			if !x.s.names.vars[n] {
				continue
			}
			if i := slices.IndexFunc(x.vars, func(v variable) bool { return v.name == n }); i >= 0 {
				x.ownVars(i)
				x.vars = slices.Delete(x.vars, i, i+1)
				x.notices = append(x.notices, fmt.Sprintf("the %s %s replaces the variable %[2]s", it.Kind, n))
				dropped = true
			}
		}
	}
	return dropped
}

func (x *execution) defineVar(name string, it cell.Item) {
	v := variable{name: name, declared: it.Types[name], static: it.Static[name], doc: it.Doc}
	if i := x.varIndex(name); i >= 0 {
		if it.Kind == cell.Var || v.declared != "" {
			x.ownVars(i)
			x.vars[i] = v
		} else if x.vars[i].static != v.static {
			x.ownVars(i) // the session's entry is not changed in place
			x.vars[i].static = v.static
		}
		return
	}
	x.vars = append(x.vars, v)
}

// runDefers runs the cell's top-level defers, last first.
func (x *execution) runDefers() (err error) {
	ds := x.s.rt.defers
	x.s.rt.defers = nil
	for i := len(ds) - 1; i >= 0; i-- {
		func() {
			defer func() {
				if r := recover(); r != nil && err == nil {
					err = &cellError{kind: KindPanic, msg: fmt.Sprintf("panic: %v", r), trace: []string{fmt.Sprintf("panic in a deferred call: %v", r)}}
				}
			}()
			ds[i]()
		}()
	}
	return err
}
