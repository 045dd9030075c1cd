package cell

import (
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// A Go package's declarations may come in any order, and a notebook's
// cells build one up: a func may call a func a later cell declares, as
// cells pasted in a program's order do. Such a declaration waits
// (Item.Waits): the session keeps it aside and gives it back with every
// later cell (Options.Pending), which is checked with it written before
// its own text. When a cell declares what it waits for, it is ready and
// compiled with that cell's declarations.

// earlierDecl is one Options.Pending declaration written before the
// cell's text, at src[start:end].
type earlierDecl struct {
	start, end int
	names      []string
}

// withPending writes the pending declarations the cell does not declare
// again before its text, each on lines of its own; the cell's lines keep
// their numbers (p.shift).
func (p *parse) withPending() error {
	own := &parse{src: p.src, opts: p.opts}
	if err := own.syntax(); err != nil {
		return err
	}
	var b strings.Builder
	for _, it := range p.opts.Pending {
		if slices.ContainsFunc(it.Names, func(n string) bool { return own.top[n] || own.declaresMethodOf(n) }) {
			continue // the cell declares it again: the new one replaces it
		}
		if it.Doc != "" {
			for _, l := range strings.Split(strings.TrimRight(it.Doc, "\n"), "\n") {
				b.WriteString("// " + l + "\n")
			}
		}
		d := earlierDecl{start: b.Len(), names: it.Names}
		if it.Kind == Type && !startsWith(it.Orig, token.TYPE) {
			b.WriteString("type ") // a spec of a group
		}
		b.WriteString(it.Orig)
		d.end = b.Len()
		b.WriteString("\n")
		p.earlier = append(p.earlier, d)
	}
	p.earlierEnd = b.Len()
	p.shift = strings.Count(b.String(), "\n")
	p.src = b.String() + p.src
	return nil
}

// declaresMethodOf reports whether the cell declares the method "T.M".
func (p *parse) declaresMethodOf(name string) bool {
	if !strings.Contains(name, ".") {
		return false
	}
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && DeclName(fd) == name {
			return true
		}
	}
	return false
}

// startsWith reports whether src's first token is tok.
func startsWith(src string, tok token.Token) bool {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), nil, scanner.ScanComments)
	for {
		_, t, _ := s.Scan()
		if t != token.COMMENT {
			return t == tok
		}
	}
}

// refusalError is r at its cell position; a refusal inside a pending
// declaration names that declaration instead.
func (p *parse) refusalError(r refusal) *Error {
	o := p.cellOffset(r.pos)
	if o < p.earlierEnd {
		names := "a declaration"
		for _, d := range p.earlier {
			if d.start <= o && o <= d.end {
				names = strings.Join(d.names, ", ")
			}
		}
		return &Error{Line: 1, Col: 1, Msg: fmt.Sprintf("%s, which an earlier cell declared and which waited for names this cell declares, does not compile now: %s (declare %[1]s again, corrected)", names, r.msg)}
	}
	line, col := p.lineCol(o)
	return &Error{Line: line, Col: col, Msg: r.msg, Source: p.lineText(line)}
}

// waitUnit is a top-level declaration or statement of the cell, for
// markWaiting.
type waitUnit struct {
	node     ast.Node
	names    []string
	canWait  bool // a func, method, type or var declaration
	defs     []types.Object
	missing  map[string]bool
	waitsFor bool // set once it waits
}

// markWaiting finds the declarations that wait: those whose only errors
// (of the ones the cell would be refused for) are names no scope has, and
// those that use a declaration that waits. Their undefined-name errors are
// dropped from m.errs and p.waits records them. It returns refusals of
// the statements that use a declaration that waits: nothing may run with
// a func that is not there.
func (p *parse) markWaiting(m *model) []refusal {
	if !m.real || p.opts.Whole || !slices.ContainsFunc(m.errs, func(e types.Error) bool {
		// most cells have none: no walk
		return strings.HasPrefix(e.Msg, "undefined: ") || strings.HasSuffix(e.Msg, ")") && strings.Contains(e.Msg, "(missing method ") ||
			strings.Contains(e.Msg, " has no field or method ")
	}) {
		return nil
	}
	// the selectors called as methods or taken where a method value may
	// be (an argument, a result, an assigned value: p.binary(p.term,
	// "+-")), by the position of their name
	calledSel := map[token.Pos]bool{}
	value := func(x ast.Expr) {
		if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok {
			calledSel[sel.Sel.Pos()] = true
		}
	}
	ast.Inspect(p.ast, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			value(n.Fun)
			for _, a := range n.Args {
				value(a)
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				value(r)
			}
		case *ast.AssignStmt:
			for _, r := range n.Rhs {
				value(r)
			}
		case *ast.ValueSpec:
			for _, v := range n.Values {
				value(v)
			}
		}
		return true
	})
	units := p.waitUnits(m)
	at := func(pos token.Pos) *waitUnit {
		for _, u := range units {
			if u.node.Pos() <= pos && pos < u.node.End() {
				return u
			}
		}
		return nil
	}
	kept := m.errs[:0:0]
	// a func naming a variable the cell declares is told "undefined" (the
	// model's cell variables are locals of its statements' func)
	cellVar := map[token.Pos]bool{}
	for _, e := range m.errs {
		if name, ok := strings.CutPrefix(e.Msg, "undefined: "); ok && p.top[name] {
			cellVar[e.Pos] = true
		}
	}
	for _, e := range m.errs {
		name, ok := strings.CutPrefix(e.Msg, "undefined: ")
		if ok && strings.Contains(name, ".") {
			ok = false
		}
		if !ok {
			// a method a later cell may declare: a func declared before
			// the methods that make its type a sort.Interface
			name, ok = missingMethod(m, e.Msg)
		}
		if !ok && calledSel[e.Pos] {
			// a method a later cell may declare, called or taken as a
			// value in a method declared before it (e.expr undefined
			// (type *Evaluator has no field or method expr))
			name, ok = undefinedMethod(m, e.Msg)
		}
		u := at(e.Pos)
		if !ok || p.top[name] || p.opts.Shadowed[name] || implicitPackages[name] ||
			m.inGenericType(e.Pos) || u == nil || !u.canWait {
			kept = append(kept, e)
			continue
		}
		u.missing[name] = true
		u.waitsFor = true
	}
	if len(kept) == len(m.errs) {
		return nil
	}
	// an element without its type in a literal of a type no scope has yet
	// (var stations = places{{name: …}}): that it has none follows from
	// the missing type, which the declaration waits for
	kept = slices.DeleteFunc(kept, func(e types.Error) bool {
		u := at(e.Pos)
		return e.Msg == "missing type in composite literal" && u != nil && u.waitsFor
	})
	m.errs = kept
	// What uses a declaration that waits waits too, for the same names.
	w := &waiters{m: m, by: map[types.Object]*waitUnit{}, vars: map[string]*waitUnit{}, cellVar: cellVar}
	for changed := true; changed; {
		changed = false
		for _, u := range units {
			if u.waitsFor {
				for _, o := range u.defs {
					w.by[o] = u
					if _, ok := o.(*types.Var); ok {
						w.vars[o.Name()] = u
					}
				}
			}
		}
		for _, u := range units {
			if !u.canWait {
				continue
			}
			w.uses(u.node, func(_ *ast.Ident, v *waitUnit) bool {
				if v == u {
					return true
				}
				for n := range v.missing {
					if !u.missing[n] {
						u.missing[n] = true
						changed = true
					}
				}
				u.waitsFor = true
				return true
			})
		}
	}
	// An earlier cell's declaration that still waits cannot run anyway:
	// its other errors are for the cell that makes it ready.
	kept = m.errs[:0:0]
	for _, e := range m.errs {
		if u := at(e.Pos); u == nil || !u.waitsFor || p.cellOffset(u.node.Pos()) >= p.earlierEnd {
			kept = append(kept, e)
		}
	}
	m.errs = kept
	var out []refusal
	p.waits = map[ast.Node][]string{}
	for _, u := range units {
		if u.waitsFor {
			p.waits[u.node] = sortedKeys(u.missing)
			continue
		}
		w.uses(u.node, func(id *ast.Ident, v *waitUnit) bool {
			missing := andList(sortedKeys(v.missing))
			what := "it" // or a method of the type id names
			if !slices.Contains(v.names, id.Name) {
				what = strings.Join(v.names, ", ")
			}
			out = append(out, refusal{id.Pos(), fmt.Sprintf("%s is not ready: %s waits for %s, which no cell has declared yet; declare %s first, then run this cell again",
				id.Name, what, missing, missing)})
			return false
		})
	}
	return out
}

// waiters are the declarations that wait, for uses.
type waiters struct {
	m  *model
	by map[types.Object]*waitUnit
	// vars are the variables that wait by name, and cellVar the
	// positions of names of the cell's variables used in its funcs
	vars    map[string]*waitUnit
	cellVar map[token.Pos]bool
}

// uses calls use for each identifier in n that names a declaration that
// waits, or a type with a method that waits (whoever uses the type may
// need the method), until use returns false.
func (w *waiters) uses(n ast.Node, use func(*ast.Ident, *waitUnit) bool) {
	more := true
	ast.Inspect(n, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !more || !ok {
			return more
		}
		if u := w.vars[id.Name]; u != nil && w.cellVar[id.Pos()] {
			more = use(id, u)
		}
		obj := w.m.info.Uses[id]
		if obj == nil || !more {
			return more
		}
		if u := w.by[obj]; u != nil {
			more = use(id, u)
		}
		if tn, ok := obj.(*types.TypeName); ok {
			for o, u := range w.by {
				if f, ok := o.(*types.Func); ok && more && recvTypeName(f) == tn {
					more = use(id, u)
				}
			}
		}
		return more
	})
}

// recvTypeName is the named type a method is declared on, or nil.
func recvTypeName(f *types.Func) *types.TypeName {
	sig, ok := f.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	t := sig.Recv().Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if named, ok := t.(*types.Named); ok {
		return named.Obj()
	}
	return nil
}

// waitUnits are the cell's top-level declarations and statements.
func (p *parse) waitUnits(m *model) []*waitUnit {
	var units []*waitUnit
	add := func(n ast.Node, canWait bool, names []string, ids ...*ast.Ident) {
		u := &waitUnit{node: n, names: names, missing: map[string]bool{}}
		// a declaration replacing one the session has stays refused: the
		// old one would go on running in the meantime
		u.canWait = canWait && !slices.ContainsFunc(names, func(n string) bool { return p.opts.Shadowed[n] })
		for _, id := range ids {
			if o := m.info.Defs[id]; o != nil {
				u.defs = append(u.defs, o)
			}
		}
		units = append(units, u)
	}
	varDecl := func(gd *ast.GenDecl) {
		var names []string
		var ids []*ast.Ident
		for _, sp := range gd.Specs {
			for _, id := range sp.(*ast.ValueSpec).Names {
				names = append(names, id.Name)
				ids = append(ids, id)
			}
		}
		add(gd, true, names, ids...)
	}
	for _, d := range p.ast.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && strings.HasPrefix(d.Name.Name, "_cell") && p.isSynth(d) {
				for _, st := range d.Body.List {
					if ds, ok := st.(*ast.DeclStmt); ok {
						if gd, ok := ds.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
							varDecl(gd)
							continue
						}
					}
					add(st, false, nil)
				}
				continue
			}
			add(d, d.Body != nil, []string{DeclName(d)}, d.Name)
		case *ast.GenDecl:
			switch d.Tok {
			case token.TYPE:
				for _, sp := range d.Specs {
					ts := sp.(*ast.TypeSpec)
					add(ts, true, []string{ts.Name.Name}, ts.Name)
				}
			case token.CONST:
				add(d, false, nil)
			}
		}
	}
	return units
}

func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// andList writes names as "a", "a and b", "a, b and c".
func andList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// undefinedMethod returns "T.M" for a type error saying that a value of
// T or *T, a type declared in the cells that is not an interface, has no
// field or method M ("e.expr undefined (type *Evaluator has no field or
// method expr)").
func undefinedMethod(m *model, msg string) (string, bool) {
	_, rest, ok := strings.Cut(msg, " undefined (type ")
	if !ok {
		return "", false
	}
	typ, method, ok := strings.Cut(rest, " has no field or method ")
	if !ok {
		return "", false
	}
	method, _, _ = strings.Cut(strings.TrimSuffix(method, ")"), ",")
	typ = strings.TrimPrefix(typ, "*")
	typ, _, _ = strings.Cut(typ, "[") // an instance of a generic type (*Stack[T])
	if !token.IsIdentifier(method) || !token.IsIdentifier(typ) {
		return "", false
	}
	tn, ok := m.pkg.Scope().Lookup(typ).(*types.TypeName)
	if !ok || tn.Pkg() != m.pkg || tn.IsAlias() || types.IsInterface(tn.Type()) {
		return "", false
	}
	return typ + "." + method, true
}

// missingMethod returns "T.M" for a type error saying that T, or *T, a
// type declared in the cells that is not an interface, does not implement
// an interface for want of its method M, which a later cell may declare
// ("*planetSorter does not implement sort.Interface (missing method
// Len)", "s (variable of interface type Shape) cannot have dynamic type
// Circle (missing method Area)").
func missingMethod(m *model, msg string) (string, bool) {
	rest, method, ok := strings.Cut(msg, " (missing method ")
	if !ok || !strings.HasSuffix(method, ")") {
		return "", false
	}
	method = strings.TrimSuffix(method, ")")
	before, _, ok := strings.Cut(rest, " does not implement ")
	if !ok {
		// an impossible type switch case: "s (variable of interface
		// type Shape) cannot have dynamic type Circle"
		_, before, ok = strings.Cut(rest, " cannot have dynamic type ")
	}
	if !ok || !token.IsIdentifier(method) {
		return "", false
	}
	fields := strings.Fields(before) // (an impossible assertion's reason follows a newline and a tab)
	if len(fields) == 0 {
		return "", false
	}
	typ := strings.TrimPrefix(fields[len(fields)-1], "*")
	tn, ok := m.pkg.Scope().Lookup(typ).(*types.TypeName)
	if !ok || tn.Pkg() != m.pkg || tn.IsAlias() || types.IsInterface(tn.Type()) {
		return "", false
	}
	return typ + "." + method, true
}
