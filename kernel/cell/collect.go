package cell

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

func (p *parse) collect(f *ast.File, text string) error {
	if err := p.checkSharedMethods(); err != nil {
		return err
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			p.genDecl(d)
		case *ast.FuncDecl:
			if strings.HasPrefix(d.Name.Name, "_cell") && d.Recv == nil && p.isSynth(d) {
				list := d.Body.List
				for i, s := range list {
					if p.defersRecover(f, s) {
						// The rest of the statements run as one function
						// body, whose defer a recover() can stop a panic of.
						last := list[len(list)-1]
						p.recoverBlock = &ast.BlockStmt{Lbrace: s.Pos(), List: list[i:], Rbrace: last.End() - 1}
						p.stmt(p.recoverBlock)
						break
					}
					p.stmt(s)
				}
				continue
			}
			if err := p.checkRecv(d); err != nil {
				return err
			}
			p.funcDecl(d)
		}
	}
	return nil
}

// defersRecover reports whether s is a top-level defer of a func literal,
// or of a func the cell declares, that calls recover(). Top-level defers
// otherwise run when the cell ends, outside the panic they would stop.
func (p *parse) defersRecover(f *ast.File, s ast.Stmt) bool {
	ds, ok := s.(*ast.DeferStmt)
	if !ok {
		return false
	}
	var body ast.Node
	switch fn := ast.Unparen(ds.Call.Fun).(type) {
	case *ast.FuncLit:
		body = fn.Body
	case *ast.Ident:
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == fn.Name && fd.Body != nil {
				body = fd.Body
			}
		}
	}
	found := false
	if body != nil {
		ast.Inspect(body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "recover" && len(c.Args) == 0 {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// checkRecv refuses a receiver list go/parser accepts and Go does not:
// none, or more than one.
func (p *parse) checkRecv(d *ast.FuncDecl) error {
	if d.Recv == nil || d.Recv.NumFields() == 1 {
		return nil
	}
	msg := "method has no receiver"
	if d.Recv.NumFields() > 1 {
		msg = "method has multiple receivers"
	}
	line, col := p.lineCol(p.cellOffset(d.Recv.Opening))
	return ErrorList{{Line: line, Col: col, Msg: msg, Source: p.lineText(line)}}
}

// isSynth reports whether a func decl is one of the wrappers run inserted.
func (p *parse) isSynth(d *ast.FuncDecl) bool {
	o := p.file.Offset(d.Pos()) - p.off
	shift := 0
	for _, in := range p.ins {
		if o-shift == in.at {
			return true
		}
		if o-shift > in.at {
			shift += in.n
		}
	}
	return false
}

func (p *parse) span(n ast.Node) (int, int) {
	return p.cellOffset(n.Pos()), p.cellOffset(n.End())
}

func (p *parse) newItem(k Kind, n ast.Node) Item {
	s, e := p.span(n)
	line, col := p.lineCol(s)
	return Item{Kind: k, Line: line, Col: col, Orig: p.src[s:e], Earlier: s < p.earlierEnd}
}

func (p *parse) genDecl(d *ast.GenDecl) {
	switch d.Tok {
	case token.IMPORT:
		for _, sp := range d.Specs {
			is := sp.(*ast.ImportSpec)
			it := p.newItem(Import, is)
			it.ImportPath, _ = strconv.Unquote(is.Path.Value)
			if is.Name != nil {
				it.ImportName = is.Name.Name
			}
			p.items = append(p.items, it)
		}
	case token.TYPE:
		for _, sp := range d.Specs {
			ts := sp.(*ast.TypeSpec)
			var it Item
			if d.Lparen.IsValid() {
				it = p.newItem(Type, ts)
				s, e := p.span(ts)
				it.Src = "type " + p.rewrite(s, e, ts)
			} else {
				it = p.newItem(Type, d)
				s, e := p.span(d)
				it.Src = p.rewrite(s, e, d)
			}
			it.Names = []string{ts.Name.Name}
			if st, ok := ts.Type.(*ast.StructType); ok && ts.TypeParams == nil {
				for _, f := range st.Fields.List {
					if len(f.Names) == 0 {
						it.Embeds = append(it.Embeds, p.text0(f.Type))
					}
				}
			}
			it.Doc = docText(ts.Doc, d.Doc)
			it.Signature = "type " + oneLine(p.text0(ts))
			it.Uses = uses(ts)
			it.Waits = p.waits[ts]
			p.items = append(p.items, it)
		}
	case token.CONST, token.VAR:
		k := Const
		if d.Tok == token.VAR {
			k = Stmt
			for _, sp := range d.Specs {
				if vs := sp.(*ast.ValueSpec); len(vs.Names) > 1 && len(vs.Values) == 1 {
					if p.tupleVars == nil {
						p.tupleVars = map[*ast.ValueSpec]bool{}
					}
					p.tupleVars[vs] = d.Lparen.IsValid()
				}
			}
		}
		it := p.newItem(k, d)
		s, e := p.span(d)
		it.Src = p.rewrite(s, e, d)
		it.Doc = docText(d.Doc)
		it.Signature = oneLine(it.Orig)
		it.Uses = uses(d)
		for _, sp := range d.Specs {
			vs := sp.(*ast.ValueSpec)
			for _, n := range vs.Names {
				if n.Name != "_" {
					it.Names = append(it.Names, n.Name)
				}
			}
		}
		p.items = append(p.items, it)
	}
}

func (p *parse) text0(n ast.Node) string {
	s, e := p.span(n)
	return p.src[s:e]
}

func (p *parse) funcDecl(d *ast.FuncDecl) {
	k := Func
	if d.Recv != nil {
		k = Method
	}
	it := p.newItem(k, d)
	if d.Doc != nil {
		// The item starts at the func keyword, not at its doc comment.
		s, e := p.cellOffset(d.Type.Pos()), p.cellOffset(d.End())
		it.Line, it.Col = p.lineCol(s)
		it.Orig = p.src[s:e]
	}
	s, e := p.cellOffset(d.Type.Pos()), p.cellOffset(d.End())
	it.Src = p.rewrite(s, e, d)
	it.Doc = docText(d.Doc)
	sigEnd := e
	if d.Body != nil {
		sigEnd = p.cellOffset(d.Body.Lbrace)
	}
	it.Signature = oneLine(strings.TrimSpace(p.src[s:sigEnd]))
	it.Uses = uses(d)
	it.Prints = p.prints[d]
	it.Waits = p.waits[d]
	if d.Type.Results != nil {
		for _, f := range d.Type.Results.List {
			if len(f.Names) == 0 {
				it.Results++
			} else {
				it.Results += len(f.Names)
			}
		}
	}
	if k == Method {
		it.Recv = recvName(d.Recv.List[0].Type)
		it.Renamed = p.renamedMethods[it.Recv+"."+d.Name.Name]
	}
	it.Names = []string{DeclName(d)}
	p.items = append(p.items, it)
	if twin, ok := p.sliceTwin(d, it); ok {
		p.items = append(p.items, twin)
	}
}

// DeclName is the name a cell's Item gives the func or method d: its
// name, or the receiver's base type and its name ("T.M") for a method
// (the name alone where the receiver names no type).
func DeclName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	if r := recvName(d.Recv.List[0].Type); r != "" {
		return r + "." + d.Name.Name
	}
	return d.Name.Name
}

// returns reports whether s holds a return statement of the func it is in
// (not one of a func literal in it).
func returns(s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}

// recvName is the base type name of a receiver type expression ("" if none).
func recvName(t ast.Expr) string {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

func (p *parse) stmt(s ast.Stmt) {
	if _, ok := s.(*ast.EmptyStmt); ok {
		return
	}
	if ds, ok := s.(*ast.DeclStmt); ok {
		if gd, ok := ds.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			p.genDecl(gd)
			it := &p.items[len(p.items)-1]
			it.Kind = Var
			it.Waits = p.waits[gd]
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i < len(vs.Values) && len(vs.Values) == len(vs.Names) && n.Name != "_" {
						p.funcLit(it, n.Name, vs.Values[i])
					}
				}
			}
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				if vs.Type == nil {
					continue
				}
				for _, n := range vs.Names {
					if it.Types == nil {
						it.Types = map[string]string{}
					}
					it.Types[n.Name] = p.text0(vs.Type)
				}
			}
			return
		}
	}
	it := p.newItem(Stmt, s)
	start, end := p.span(s)
	it.Uses = uses(s)
	if as, ok := s.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
				it.Names = append(it.Names, id.Name)
			}
		}
	}
	var edits []edit
	switch s := s.(type) {
	case *ast.ForStmt, *ast.RangeStmt, *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt,
		*ast.SelectStmt, *ast.BlockStmt, *ast.LabeledStmt:
		// yaegi mishandles these at top level (shadowing hangs, type switch
		// crashes); inside a func literal they behave as in a function body.
		if returns(s) {
			// a return in it ends the cell, as one in main ends the
			// program: the func literal's return is noted (HelperReturn)
			// and the session runs nothing after it
			const done = HelperTemp + "_done"
			edits = append(edits, edit{start, start, "func(){ " + done + " := false; defer func() { if !" + done + " { " + HelperReturn + "() } }(); "},
				edit{end, end, "; " + done + " = true }()"})
		} else {
			edits = append(edits, edit{start, start, "func(){"}, edit{end, end, "}()"})
		}
	case *ast.ReturnStmt:
		// a return at the top level ends the cell (yaegi cannot compile
		// one there)
		it.Src = HelperReturn + "()"
		p.items = append(p.items, it)
		return
	case *ast.DeferStmt:
		edits = append(edits, p.callEdits(s.Defer, s.Call, HelperDefer)...)
	case *ast.ExprStmt:
		if c, ok := s.X.(*ast.CallExpr); ok {
			it.Call = p.text0(c.Fun)
			if fl, ok := c.Fun.(*ast.FuncLit); ok && fl.Type.Results == nil {
				it.Void = true
			}
			if id, ok := c.Fun.(*ast.Ident); ok {
				switch id.Name {
				case "print", "println", "panic", "close", "delete", "clear":
					it.Void = true
				}
			}
		}
	}
	edits = append(edits, p.edits(s)...)
	it.Src = apply(p.src, start, end, edits)
	if as, ok := s.(*ast.AssignStmt); ok && as.Tok == token.DEFINE && selfDefine(as) {
		// x := x + 1, x, err := f(x): yaegi makes the new x before it
		// evaluates the right side, which then reads a zero x. Go reads
		// the existing one: evaluate into temporaries first.
		tmps := make([]string, len(as.Lhs))
		for i := range tmps {
			tmps[i] = fmt.Sprintf("%s%d", HelperTemp, i)
		}
		// yaegi declares every variable of an Eval before running it, so
		// the temporaries are a statement of their own.
		rs, re := p.cellOffset(as.Rhs[0].Pos()), p.cellOffset(as.Rhs[len(as.Rhs)-1].End())
		ls, le := p.cellOffset(as.Lhs[0].Pos()), p.cellOffset(as.Lhs[len(as.Lhs)-1].End())
		tmp := it
		tmp.Names, tmp.Synthetic = nil, true
		tmp.Src = strings.Join(tmps, ", ") + " := " + apply(p.src, rs, re, edits)
		p.items = append(p.items, tmp)
		it.Line, it.Col = p.lineCol(re)
		it.Src = p.src[ls:le] + " := " + strings.Join(tmps, ", ")
	}
	if as, ok := s.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) && (as.Tok == token.DEFINE || as.Tok == token.ASSIGN) {
		for i, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
				p.funcLit(&it, id.Name, as.Rhs[i])
			}
		}
	}
	if es, ok := s.(*ast.ExprStmt); ok {
		it.Expr = it.Src
		_ = es
	}
	p.items = append(p.items, it)
}
