package cell

import (
	"errors"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// displayHead wraps a final expression whose value the display cannot
// render as Go prints it: fmt, with the cell's format rewrites and
// refusals, makes the text instead.
const displayHead = `fmt.Sprintf("%+v", `

// displayNote ends a refusal that the wrapper of a final expression met.
const displayNote = " (a cell's last expression is shown as fmt.Printf(\"%+v\\n\", v) shows it; print it another way, or end the cell with a statement)"

// parseDisplayed parses src with its final expression wrapped in
// fmt.Sprintf("%+v", ...) when p, the parse of src as written, finds that
// the expression's value holds what only fmt, with the cell's format
// rewrites, prints right (needsFmt); in fmt.Sprintf("%v", ...) where that
// is refused; and a final call that neither can show runs as the call
// statement Go has, its value not shown. ok is false when no wrapper is
// needed.
func parseDisplayed(p *parse, src string, opts *Options) (c *Cell, ok bool, err error) {
	start, end, ok := p.finalNeedsFmt()
	if !ok {
		return nil, false, nil
	}
	q, err := parseWrapped(src, start, end, displayHead, opts)
	if err != nil {
		// what %+v cannot show as Go would (renamed unexported fields),
		// the display shows without field names, as %v does
		if plain, perr := parseWrapped(src, start, end, displayPlain, opts); perr == nil {
			return plain.cell(), true, nil
		}
		if last := &p.items[len(p.items)-1]; last.Call != "" {
			// a call whose value the display cannot show: run as Go
			// runs a call statement, its results dropped
			last.Void = true
			return p.cell(), true, nil
		}
		// positions are the cell's as written
		line, col := p.lineCol(start + p.earlierEnd)
		lines := strings.Split(src, "\n")
		var list ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				if e.Line == line && e.Col > col {
					e.Col = max(col, e.Col-len(displayHead))
				}
				if e.Line >= 1 && e.Line <= len(lines) {
					e.Source = lines[e.Line-1]
				}
				if e.Line >= line {
					e.Msg += displayNote
				}
			}
		}
		return nil, true, err
	}
	return q.cell(), true, nil
}

// displayPlain wraps a final expression that displayHead's %+v cannot
// show: %v prints no field names.
const displayPlain = `fmt.Sprintf("%v", `

// parseWrapped parses src with its final expression, at [start, end),
// wrapped by head and ")".
func parseWrapped(src string, start, end int, head string, opts *Options) (*parse, error) {
	q := &parse{src: src[:start] + head + src[start:end] + ")" + src[end:], opts: opts}
	if len(opts.Pending) > 0 && opts.Importer != nil {
		if err := q.withPending(); err != nil {
			return nil, err
		}
	}
	return q, q.run()
}

// finalNeedsFmt returns the offsets in the cell as written of its final
// expression when its value needs fmt to be shown (see parseDisplayed).
func (p *parse) finalNeedsFmt() (start, end int, ok bool) {
	if p.opts.Shadowed["fmt"] || p.top["fmt"] || len(p.items) == 0 {
		return 0, 0, false
	}
	last := p.items[len(p.items)-1]
	if last.Kind != Stmt || last.Expr == "" || last.Void {
		return 0, 0, false
	}
	if !p.declaresTypes() {
		return 0, 0, false // no cell type: the display prints it as Go does, and no model is built
	}
	m := p.typeModel()
	if m == nil || m.pkg == nil {
		return 0, 0, false
	}
	final := p.finalStmt(last)
	if final == nil {
		return 0, 0, false
	}
	tv, known := m.info.Types[final.X]
	if !known || tv.IsVoid() || tv.IsType() || tv.Type == nil {
		return 0, 0, false
	}
	if _, tuple := tv.Type.(*types.Tuple); tuple || !needsFmt(tv.Type) {
		return 0, 0, false
	}
	return p.cellOffset(final.Pos()) - p.earlierEnd, p.cellOffset(final.End()) - p.earlierEnd, true
}

// finalStmt is the expression statement of the synthesized file that is
// the cell's item last, or nil.
func (p *parse) finalStmt(last Item) *ast.ExprStmt {
	for _, d := range p.ast.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Body == nil || !p.isSynth(fd) || len(fd.Body.List) == 0 {
			continue
		}
		es, ok := fd.Body.List[len(fd.Body.List)-1].(*ast.ExprStmt)
		if !ok {
			continue
		}
		if l, c := p.lineCol(p.cellOffset(es.Pos())); l == last.Line && c == last.Col {
			return es
		}
	}
	return nil
}

// finalValues records on the cell's final expression statement, a call,
// how many values the type model says it gives: none (Void), or Results
// of them. (tests[0]() of a []func() gives none: displaying it as a value
// failed inside the interpreter.)
func (p *parse) finalValues() {
	if len(p.items) == 0 {
		return
	}
	last := &p.items[len(p.items)-1]
	if last.Kind != Stmt || last.Call == "" || last.Void {
		return
	}
	m := p.typeModel()
	if m == nil || m.pkg == nil {
		return
	}
	final := p.finalStmt(*last)
	if final == nil {
		return
	}
	tv, known := m.info.Types[final.X]
	call, _ := final.X.(*ast.CallExpr)
	switch {
	case !known || tv.IsType() || tv.Type == nil || invalid(tv.Type):
	case tv.IsVoid() || call != nil && fmtPrint(m, call.Fun):
		// (fmt.Println's n and err are noise to show)
		last.Void = true
	default:
		last.Results = 1
		if tuple, ok := tv.Type.(*types.Tuple); ok {
			last.Results = tuple.Len()
		}
	}
}

// fmtPrint reports whether fun is one of fmt's Print, Printf, Println,
// Fprint... funcs.
func fmtPrint(m *model, fun ast.Expr) bool {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := m.info.Uses[sel.Sel].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && strings.Contains(fn.Name(), "Print")
}

// needsFmt reports whether a final expression of type t is shown right
// only by fmt: t holds a type declared in a cell with unexported struct
// fields (the interpreter renames them X+name), or, below the top, one with
// a String or Error method. A t declared in a cell with such a method (or
// a pointer to one) is shown by calling it, as Go does.
func needsFmt(t types.Type) bool {
	own := t
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		own = p.Elem()
	}
	if n, ok := types.Unalias(own).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main" &&
		(hasMethod(own, "String") || hasMethod(own, "Error")) {
		return false
	}
	return hasUnexportedFields(t, map[types.Type]bool{}) || holdsMethods(t, map[types.Type]bool{}, true)
}

// holdsMethods reports whether t holds, below the top when top is set, a
// type declared in a cell with a String or Error method.
func holdsMethods(t types.Type, seen map[types.Type]bool, top bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
			return false // a compiled type: the display prints it as Go does
		}
		if !top && (hasMethod(t, "String") || hasMethod(t, "Error")) {
			return true
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return holdsMethods(u.Elem(), seen, top)
	case *types.Slice:
		return holdsMethods(u.Elem(), seen, false)
	case *types.Array:
		return holdsMethods(u.Elem(), seen, false)
	case *types.Map:
		return holdsMethods(u.Key(), seen, false) || holdsMethods(u.Elem(), seen, false)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if holdsMethods(u.Field(i).Type(), seen, false) {
				return true
			}
		}
	}
	return false
}

// declaresTypes reports whether the session's earlier cells or this one
// declared types.
func (p *parse) declaresTypes() bool {
	if p.opts.TypeGen > 0 || len(p.opts.Methods) > 0 {
		return true
	}
	for _, d := range p.ast.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			return true
		}
	}
	return false
}
