package cell

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// Names of the helpers a session defines for rewritten code. Each must exist
// in the interpreter before rewritten code runs.
const (
	HelperMin   = "__gocurve_min"   // func[T cmp.Ordered](a T, rest ...T) T, Go's min with NaN propagation
	HelperMax   = "__gocurve_max"   // func[T cmp.Ordered](a T, rest ...T) T
	HelperClear = "__gocurve_clear" // func(any): Go's clear for maps and slices
	HelperGo    = "__gocurve_go"    // func(func()): runs it in a goroutine, reporting a panic on stderr
	HelperDefer = "__gocurve_defer" // func(func()): runs it when the cell ends
	HelperBind  = "__gocurve_bind"  // func(f any, args ...any) func(): f(args...) with args evaluated now
	HelperBindS = "__gocurve_binds" // like HelperBind for a call ending in args...
	HelperStdin = "__gocurve_stdin" // io.Reader: the session's stdin, for os.Stdin
	// HelperPrint and HelperPrintln are func(...any): Go's print and println,
	// to standard error in the runtime's formats.
	HelperPrint   = "__gocurve_print"
	HelperPrintln = "__gocurve_println"
	HelperExit    = "__gocurve_exit" // func(int): os.Exit, ending the cell
	HelperTemp    = "__gocurve_t"    // the prefix of temporaries a rewrite declares at top level
	// HelperDecode is func(s string, o int) (rune, int): the rune at byte
	// offset o of s and its length, as a range over a string steps.
	HelperDecode = "__gocurve_decode"
	// HelperEqual is func(a, b any, unique bool, gen int, expr string)
	// bool: == with an interface operand that may hold a cell type (now
	// or once a later cell declares one), checked against the session's
	// types when it runs; unique: the model found the operands' types of
	// distinct representations, as of Options.TypeGen gen.
	HelperEqual = "__gocurve_eq"
	// HelperLost is func(expr, typ string): the panic of an assertion
	// to an interface declared in a cell (assert.go) whose value the
	// interpreter stored without its methods and that may be a typ or
	// another type of its representation.
	HelperLost = "__gocurve_lost"
	// HelperMissed is func(x any, methods, expr string): it panics if x
	// is a compiled value with the methods named (comma-separated), which
	// the interpreter cannot assert to an interface declared in a cell.
	HelperMissed = "__gocurve_missed"
	// HelperShape is func(x any, compiled bool, expr string): it panics
	// if the representation of x, which an assertion to a type that is
	// not an interface matched, may be two types' (see HelperEqual);
	// compiled: the type asserted is not a cell type.
	HelperShape = "__gocurve_shape"
	// HelperIs is func(p any, typ, static string, must bool, expr string)
	// bool: whether the interface variable p points to, which an
	// assertion to typ (a cell type with methods, as the interpreter
	// names it: "main.Dog") matched by its representation, holds a typ,
	// by the type the interpreter keeps beside the value; it panics where
	// the interpreter kept none, and with must where the value is of
	// another type, as Go's x.(T) does (static: x's type).
	HelperIs = "__gocurve_is"
	// HelperKey is func(k any, expr string) any: k, a key of a map keyed
	// by an empty interface, after a check that the interpreter keys it
	// as Go does (not a type declared in a cell with methods, nor of a
	// representation two of the session's types share).
	HelperKey = "__gocurve_key"
	// HelperPlusV is func(v any, unexported string) any: v for %+v with
	// the unexported field names (comma-separated) its runtime type
	// spells "X"+name spelled as the cell wrote them.
	HelperPlusV = "__gocurve_plusv"
	// HelperErrorsIs is func(err, target error, unwrap func(error)
	// ([]error, bool), unique bool, gen int, expr string) bool: errors.Is,
	// comparing with HelperEqual, and unwrapping the cells' error types
	// with unwrap (see unwrapFunc).
	HelperErrorsIs = "__gocurve_errors_Is"
	// HelperAsType is func[E error](error) (E, bool): Go 1.26's errors.AsType.
	HelperAsType = "__gocurve_errors_AsType"
	// HelperAsTypeU is func[E error](err error, unwrap func(error)
	// ([]error, bool), unique bool, gen int, expr string) (E, bool):
	// errors.AsType where the model said whether E is the only error type
	// of its representation (see HelperEqual) and how to unwrap the cells'
	// error types (unwrapFunc).
	HelperAsTypeU = "__gocurve_errors_asType"
	// HelperError is func(error) error, the identity: passing a value of a
	// cell type through it gives compiled code an error with the type's
	// Error method.
	HelperError = "__gocurve_error"
	// HelperRecovered is func(any) any: what recover() returned, with the
	// interpreter's panics for Go's runtime errors made runtime.Errors in
	// Go's words.
	HelperRecovered = "__gocurve_recovered"
)

type edit struct {
	at, end int // cell offsets of the replaced range (at == end for an insertion)
	text    string
}

func (p *parse) collect(f *ast.File, text string) error {
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
	}
	it.Names = []string{DeclName(d)}
	p.items = append(p.items, it)
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
		edits = append(edits, edit{start, start, "func(){"}, edit{end, end, "}()"})
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

// rewrite returns the text of [s, e) with the rewrites of node n applied.
func (p *parse) rewrite(s, e int, n ast.Node) string {
	return apply(p.src, s, e, p.edits(n))
}

// apply returns src[s:e] with the edits applied. Edits must not overlap
// except for insertions at the same point, which are applied in order.
func apply(src string, s, e int, edits []edit) string {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].at < edits[j].at })
	var b strings.Builder
	pos := s
	for _, ed := range edits {
		if ed.at < pos || ed.end > e || ed.at < s {
			continue // overlapping or outside: skip rather than corrupt
		}
		b.WriteString(src[pos:ed.at])
		b.WriteString(ed.text)
		pos = ed.end
	}
	b.WriteString(src[pos:e])
	return b.String()
}

// edits returns the rewrites inside node n that hold at any depth.
func (p *parse) edits(n ast.Node) []edit {
	var eds []edit
	inList := map[ast.Stmt]bool{} // statements of a block or case body
	topDefers := map[*ast.DeferStmt]bool{}
	if st, ok := n.(ast.Stmt); ok && st != p.recoverBlock {
		inList[st] = true // a top-level statement of the cell
		// Defers in a top-level for, if, switch or block (which run
		// wrapped in a func literal) belong to the cell, as to main.
		ast.Inspect(st, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				topDefers[x] = true
			}
			return true
		})
	}
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.BlockStmt:
			for _, st := range x.List {
				inList[st] = true
			}
		case *ast.CaseClause:
			for _, st := range x.Body {
				inList[st] = true
			}
		case *ast.CommClause:
			for _, st := range x.Body {
				inList[st] = true
			}
		}
		if as, ok := x.(*ast.AssignStmt); ok && inList[as] {
			if e, ok := p.fieldTuple(as, as == n); ok {
				eds = append(eds, e)
				return false
			}
		}
		if c, ok := x.(*ast.CallExpr); ok {
			if e, ok := p.methodCall(c); ok {
				eds = append(eds, e)
				return false
			}
		}
		if ta, ok := x.(*ast.TypeAssertExpr); ok {
			if a, ok := p.ifaceAsserts[ta]; ok {
				eds = append(eds, p.ifaceAssertEdit(ta, a))
				return false
			}
			if a, ok := p.identAsserts[ta]; ok {
				eds = append(eds, p.identityAssertEdit(ta, a))
				return false
			}
			if sa, ok := p.shapeAsserts[ta]; ok {
				eds = append(eds, p.shapeAssertEdit(ta, sa))
				return false
			}
		}
		if e, ok := x.(ast.Expr); ok && p.mapKeys[e] {
			s, en := p.span(e)
			eds = append(eds, edit{s, s, HelperKey + "("}, edit{en, en, ", " + strconv.Quote(p.src[s:en]) + ")"})
		}
		if e, ok := x.(ast.Expr); ok && p.anyStores[e] != nil {
			s, en := p.span(e)
			vs, ve := p.span(p.anyStores[e])
			eds = append(eds, edit{s, vs, "[]any{"}, edit{ve, en, "}[0]"})
		}
		if e, ok := x.(ast.Expr); ok && p.errVars[e] {
			s, en := p.span(e)
			eds = append(eds, edit{s, s, "func() error { return "}, edit{en, en, " }()"})
		}
		switch x := x.(type) {
		case *ast.Ident:
			if name, ok := p.renames[x]; ok {
				s, e := p.span(x)
				eds = append(eds, edit{s, e, name})
			}
		case *ast.FuncDecl:
			eds = append(eds, p.nameParams(x.Recv)...)
			eds = append(eds, p.nameParams(x.Type.Params)...)
			eds = append(eds, p.zeroResults(x.Type, x.Body)...)
		case *ast.FuncLit:
			eds = append(eds, p.nameParams(x.Type.Params)...)
			eds = append(eds, p.zeroResults(x.Type, x.Body)...)
		case *ast.ForStmt:
			eds = append(eds, p.forLoopVars(x)...)
		case *ast.RangeStmt:
			eds = append(eds, p.rangeStmt(x, n)...)
		case *ast.GoStmt:
			eds = append(eds, p.callEdits(x.Go, x.Call, HelperGo)...)
		case *ast.DeferStmt:
			switch {
			case x == n: // a top-level defer is rewritten by stmt
			case topDefers[x]:
				eds = append(eds, p.callEdits(x.Defer, x.Call, HelperDefer)...)
			default:
				eds = append(eds, p.deferArgs(x)...)
			}
		case *ast.CommClause:
			eds = append(eds, p.commClause(x)...)
		case *ast.SwitchStmt:
			if cases, ok := p.switches[x]; ok {
				eds = append(eds, p.switchEdits(x, cases)...)
			}
		case *ast.TypeSwitchStmt:
			if p.typeSwitches[x] {
				eds = append(eds, p.typeSwitchEdits(x)...)
			}
		case *ast.BinaryExpr:
			if lit, ok := p.intDivs[x]; ok {
				s, e := p.span(x)
				eds = append(eds, edit{s, e, lit})
				return false
			}
			if c, ok := p.cmps[x]; ok {
				eds = append(eds, p.compareEdit(x, c))
				return false
			}
		case *ast.ReturnStmt:
			eds = append(eds, p.tupleValues(x.Results)...)
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				for _, r := range x.Rhs {
					eds = append(eds, p.runeConst(r)...)
				}
			}
			eds = append(eds, p.tupleValues(x.Rhs)...)
		case *ast.ValueSpec:
			if x.Type == nil {
				for _, r := range x.Values {
					eds = append(eds, p.runeConst(r)...)
				}
			}
			eds = append(eds, p.tupleValues(x.Values)...)
		case *ast.GenDecl:
			eds = append(eds, p.constRepeat(x)...)
		case *ast.SelectorExpr:
			if w, ok := p.methodVals[x]; ok {
				s, e := p.span(x)
				xs, xe := p.span(x.X)
				eds = append(eds, edit{s, e, w[0] + p.rewrite(xs, xe, x.X) + w[1]})
				return false
			}
			if e := p.methodExpr(x); e != nil {
				eds = append(eds, *e)
				return false
			}
			// slices and maps are generic: yaegi cannot call the compiled
			// ones, so cells use interpreted versions the session defines.
			if id, ok := x.X.(*ast.Ident); ok && id.Name == "os" && x.Sel.Name == "Exit" && !p.opts.Shadowed["os"] {
				s, e := p.span(x)
				eds = append(eds, edit{s, e, HelperExit})
				return false
			}
			if id, ok := x.X.(*ast.Ident); ok && id.Name == "os" && x.Sel.Name == "Stdin" && !p.opts.Shadowed["os"] {
				// the session's stdin (the front end), not the process's
				s, e := p.span(x)
				eds = append(eds, edit{s, e, HelperStdin})
				return false
			}
			if id, ok := x.X.(*ast.Ident); ok && id.Name == "errors" && x.Sel.Name == "AsType" && !p.opts.Shadowed["errors"] && !p.definesName("errors") {
				// Go 1.26's generic errors.AsType: an interpreted version
				s, e := p.span(x)
				eds = append(eds, edit{s, e, HelperAsType})
				return false
			}
			if id, ok := x.X.(*ast.Ident); ok && implicitPackages[id.Name] && !p.opts.Shadowed[id.Name] {
				s, e := p.span(x)
				name := "__gocurve_" + id.Name + "_" + x.Sel.Name
				if id.Name == "cmp" && x.Sel.Name == "Ordered" {
					name = "__gocurve_ordered"
				}
				eds = append(eds, edit{s, e, name})
				return false
			}
		case *ast.CallExpr:
			if c, ok := p.errIs[x]; ok {
				eds = append(eds, p.errorsIsEdits(x, c)...)
			}
			if p.errUnwrap[x] {
				fs, fe := p.span(x.Fun)
				eds = append(eds, edit{fs, fe, p.unwrapLit()})
			}
			if a, ok := p.errAs[x]; ok {
				eds = append(eds, p.errorsAsEdits(x, a)...)
				for _, a := range x.Args {
					eds = append(eds, p.edits(a)...)
				}
				return false
			}
			if u, ok := p.asTypes[x]; ok {
				eds = append(eds, p.asTypeEdits(x, u)...)
				for _, a := range x.Args {
					eds = append(eds, p.edits(a)...)
				}
				return false
			}
			for _, a := range x.Args {
				if h, ok := p.wraps[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, s, h + "("}, edit{e, e, ")"})
				}
				if w, ok := p.funcConvs[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, s, w}, edit{e, e, ")"})
				}
				if names, ok := p.plusV[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, s, HelperPlusV + "("}, edit{e, e, ", " + strconv.Quote(names) + ")"})
				}
				if t, ok := p.convs[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, s, t + "("}, edit{e, e, ")"})
				}
				if name, ok := p.typeNames[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, s, "func(any) string { return " + strconv.Quote(name) + " }("}, edit{e, e, ")"})
				}
				if lit, ok := p.literals[a]; ok {
					s, e := p.span(a)
					eds = append(eds, edit{s, e, lit})
				}
			}
			if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "recover" && len(x.Args) == 0 && !p.opts.Shadowed["recover"] && !p.definesName("recover") {
				s, e := p.span(x)
				eds = append(eds, edit{s, s, HelperRecovered + "("}, edit{e, e, ")"})
			}
			if w, ok := p.funcConvs[x.Fun]; ok {
				s, e := p.span(x.Fun)
				eds = append(eds, edit{s, e, w})
			}
			eds = append(eds, p.ifaceMethodCall(x)...)
			eds = append(eds, p.variadicArgs(x)...)
			eds = append(eds, p.instantiate(x)...)
			if id, ok := x.Fun.(*ast.Ident); ok && !p.opts.Shadowed[id.Name] {
				var h string
				switch id.Name {
				case "min":
					h = HelperMin
				case "max":
					h = HelperMax
				case "clear":
					h = HelperClear
				case "print":
					h = HelperPrint
				case "println":
					h = HelperPrintln
				}
				if h != "" && !p.definesName(id.Name) {
					s, e := p.span(id)
					eds = append(eds, edit{s, e, h})
					if h == HelperMin || h == HelperMax {
						eds = append(eds, p.minMaxArgs(x)...)
					}
				}
			}
		}
		return true
	})
	return eds
}

// zeroResults sets a func's named results to their zero values first
// thing in its body (result = *new(T)): yaegi v0.16.1 keeps their values
// from the previous call when the func is called in a loop and ranges over
// something (a filter returning (out []int) appended to the last call's
// out).
func (p *parse) zeroResults(ft *ast.FuncType, body *ast.BlockStmt) []edit {
	if body == nil || ft.Results == nil {
		return nil
	}
	var names, zeros []string
	for _, f := range ft.Results.List {
		s, e := p.span(f.Type)
		typ := p.rewrite(s, e, f.Type)
		for _, n := range f.Names {
			if n.Name != "_" {
				names = append(names, n.Name)
				zeros = append(zeros, "*new("+typ+")")
			}
		}
	}
	if len(names) == 0 || strings.Contains(strings.Join(zeros, ""), "\n") {
		return nil
	}
	at := p.cellOffset(body.Lbrace) + 1
	return []edit{{at, at, " " + strings.Join(names, ", ") + " = " + strings.Join(zeros, ", ") + ";"}}
}

// tupleValues parenthesizes the composite literals and the calls of
// builtins among the values of a tuple assignment, var spec or return
// statement (a, b := []int{1}, 3; return 5, len(s)): yaegi v0.16.1 gives
// the other values of such a tuple their zero value, stores the builtin's
// result in the first slot, or panics (return 5, append(s, t...)), unless
// the value is in parentheses.
func (p *parse) tupleValues(values []ast.Expr) []edit {
	if len(values) < 2 {
		return nil
	}
	var eds []edit
	for _, v := range values {
		paren := false
		switch v := v.(type) {
		case *ast.CompositeLit:
			paren = true
		case *ast.CallExpr:
			id, ok := v.Fun.(*ast.Ident)
			paren = ok && isBuiltin(id.Name)
		}
		if paren {
			s, e := p.span(v)
			eds = append(eds, edit{s, s, "("}, edit{e, e, ")"})
		}
	}
	return eds
}

// fieldTuple rewrites a tuple assignment to struct fields,
// l.Color, l.Width = c, w, into one assignment after another: yaegi
// assigns only the last field of a compiled struct. Right-hand sides that
// read a variable the left side assigns (p.X, p.Y = p.Y, p.X) are kept in
// temporaries first, inside a block (a func literal at the cell's top
// level), so Go's evaluate-then-assign order holds.
func (p *parse) fieldTuple(as *ast.AssignStmt, top bool) (edit, bool) {
	if as.Tok != token.ASSIGN || len(as.Lhs) < 2 || len(as.Lhs) != len(as.Rhs) {
		return edit{}, false
	}
	field := false
	roots := map[string]bool{}
	for _, l := range as.Lhs {
		if _, ok := l.(*ast.SelectorExpr); ok {
			field = true
		}
		for _, u := range uses(l) {
			roots[u] = true
		}
	}
	if !field {
		return edit{}, false
	}
	text := func(e ast.Expr) string {
		s, end := p.span(e)
		return p.rewrite(s, end, e)
	}
	var pre, assign []string
	for i, r := range as.Rhs {
		rhs := text(r)
		reads := false
		for _, u := range uses(r) {
			if roots[u] {
				reads = true
			}
		}
		if reads {
			tmp := fmt.Sprintf("%s%d", HelperTemp, i)
			pre = append(pre, tmp+" := "+rhs)
			rhs = tmp
		}
		assign = append(assign, text(as.Lhs[i])+" = "+rhs)
	}
	out := strings.Join(append(pre, assign...), "; ")
	if len(pre) > 0 {
		if top {
			out = "func() { " + out + " }()"
		} else {
			out = "{ " + out + " }"
		}
	}
	s, e := p.span(as)
	return edit{s, e, out}, true
}

// selfDefine reports whether a short variable declaration's right side
// uses a name its left side declares.
func selfDefine(as *ast.AssignStmt) bool {
	lhs := map[string]bool{}
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
			lhs[id.Name] = true
		}
	}
	for _, r := range as.Rhs {
		for _, u := range uses(r) {
			if lhs[u] {
				return true
			}
		}
	}
	return false
}

// definesName reports whether the cell declares name at top level.
func (p *parse) definesName(name string) bool { return p.top[name] }

// topLevelNames are the names the cell declares at top level: its types,
// consts, vars and funcs, and the variables its statements define.
func (p *parse) topLevelNames(f *ast.File) map[string]bool {
	names := map[string]bool{}
	genDecl := func(d *ast.GenDecl) {
		for _, sp := range d.Specs {
			switch sp := sp.(type) {
			case *ast.ValueSpec:
				for _, id := range sp.Names {
					names[id.Name] = true
				}
			case *ast.TypeSpec:
				names[sp.Name.Name] = true
			}
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			genDecl(d)
		case *ast.FuncDecl:
			if d.Recv != nil {
				continue
			}
			if !(strings.HasPrefix(d.Name.Name, "_cell") && p.isSynth(d)) {
				names[d.Name.Name] = true
				continue
			}
			for _, st := range d.Body.List {
				switch st := st.(type) {
				case *ast.AssignStmt:
					if st.Tok == token.DEFINE {
						for _, l := range st.Lhs {
							if id, ok := l.(*ast.Ident); ok {
								names[id.Name] = true
							}
						}
					}
				case *ast.DeclStmt:
					if gd, ok := st.Decl.(*ast.GenDecl); ok {
						genDecl(gd)
					}
				}
			}
		}
	}
	return names
}

// callEdits rewrites `go f(a, b)` / `defer f(a, b)` into
// helper(bind(f, a, b)), so f and its arguments are evaluated now as Go does,
// and `go func(){...}()` into helper(func(){...}).
func (p *parse) callEdits(kw token.Pos, c *ast.CallExpr, helper string) []edit {
	ks := p.cellOffset(kw)
	fs := p.cellOffset(c.Fun.Pos())
	if fl, ok := c.Fun.(*ast.FuncLit); ok && len(c.Args) == 0 && fl.Type.Params.NumFields() == 0 {
		ls := p.cellOffset(c.Lparen)
		return []edit{{ks, fs, helper + "("}, {ls, p.cellOffset(c.Rparen) + 1, ")"}}
	}
	if id, ok := c.Fun.(*ast.Ident); ok && isBuiltin(id.Name) && !p.opts.Shadowed[id.Name] {
		// builtins are not values: evaluate the call late
		return []edit{{ks, fs, helper + "(func(){"}, {p.cellOffset(c.Rparen) + 1, p.cellOffset(c.Rparen) + 1, "})"}}
	}
	bind := HelperBind
	if c.Ellipsis.IsValid() {
		bind = HelperBindS
	}
	ls := p.cellOffset(c.Lparen)
	rs := p.cellOffset(c.Rparen)
	eds := []edit{{ks, fs, helper + "(" + bind + "("}}
	if len(c.Args) == 0 {
		eds = append(eds, edit{ls, rs + 1, "))"})
		return eds
	}
	eds = append(eds, edit{ls, ls + 1, ", "})
	if c.Ellipsis.IsValid() {
		es := p.cellOffset(c.Ellipsis)
		eds = append(eds, edit{es, es + 3, ""})
	}
	eds = append(eds, edit{rs, rs + 1, "))"})
	return eds
}

// isBuiltin reports whether name is one of Go's builtin funcs (go/types'
// universe is the list).
func isBuiltin(name string) bool {
	_, ok := types.Universe.Lookup(name).(*types.Builtin)
	return ok
}

// forLoopVars gives a three-clause loop Go 1.22 per-iteration variables when
// its body can capture them (func literals, go, defer, &v): `v := v;` at the
// top of the body. Loops whose body assigns the variable are left alone.
func (p *parse) forLoopVars(f *ast.ForStmt) []edit {
	as, ok := f.Init.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE {
		return nil
	}
	var names []string
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
			names = append(names, id.Name)
		}
	}
	if len(names) == 0 || !captures(f.Body, names) || assigns(f.Body, names) {
		return nil
	}
	return []edit{p.shadow(f.Body, names)}
}

func (p *parse) shadow(body *ast.BlockStmt, names []string) edit {
	at := p.cellOffset(body.Lbrace) + 1
	l := strings.Join(names, ", ")
	return edit{at, at, " " + l + " := " + l + ";"}
}

// captures reports whether body may capture one of names beyond an iteration.
func captures(body ast.Node, names []string) bool {
	found := false
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			found = true
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				if id, ok := x.X.(*ast.Ident); ok && contains(names, id.Name) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func assigns(body ast.Node, names []string) bool {
	found := false
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.AssignStmt:
			if x.Tok != token.DEFINE {
				for _, l := range x.Lhs {
					if id, ok := l.(*ast.Ident); ok && contains(names, id.Name) {
						found = true
					}
				}
			}
		case *ast.IncDecStmt:
			if id, ok := x.X.(*ast.Ident); ok && contains(names, id.Name) {
				found = true
			}
		}
		return !found
	})
	return found
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// rangeStmt rewrites range over an integer into a three-clause loop and gives
// range loops per-iteration variables when the body can capture them.
func (p *parse) rangeStmt(r *ast.RangeStmt, root ast.Node) []edit {
	var names []string
	if r.Tok == token.DEFINE {
		for _, e := range []ast.Expr{r.Key, r.Value} {
			if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
				names = append(names, id.Name)
			}
		}
	}
	var eds []edit
	if c, ok := r.X.(*ast.CallExpr); ok && r.Key != nil && r.Value == nil {
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && (id.Name == "maps" || id.Name == "slices") &&
				(sel.Sel.Name == "Keys" || sel.Sel.Name == "Values") {
				// the interpreted iterators are slices: take their values
				ks := p.cellOffset(r.Key.Pos())
				eds = append(eds, edit{ks, ks, "_, "})
			}
		}
	}
	if p.typedInt(r.X) {
		xs, xe := p.span(r.X)
		x := p.src[xs:xe]
		hs := p.cellOffset(r.For)
		he := p.cellOffset(r.Body.Lbrace)
		if !strings.Contains(p.src[hs:he], "\n") {
			n := fmt.Sprintf("__gocurve_n%d", hs)
			var hdr string
			key := ""
			if id, ok := r.Key.(*ast.Ident); ok && id.Name != "_" {
				key = id.Name
			}
			switch {
			case key != "" && r.Tok == token.DEFINE:
				hdr = fmt.Sprintf("for %s, %s := (%s)-(%s), (%s); %s < %s; %s++ ", key, n, x, x, x, key, n, key)
			case key != "" || r.Key != nil && r.Tok == token.ASSIGN:
				k := p.text0(r.Key)
				hdr = fmt.Sprintf("for %s = (%s)-(%s); %s < (%s); %s++ ", k, x, x, k, x, k)
			default:
				i := fmt.Sprintf("__gocurve_i%d", hs)
				hdr = fmt.Sprintf("for %s, %s := (%s)-(%s), (%s); %s < %s; %s++ ", i, n, x, x, x, i, n, i)
			}
			eds = append(eds, edit{hs, he, hdr})
			if len(names) > 0 && captures(r.Body, names[:1]) {
				eds = append(eds, p.shadow(r.Body, names[:1]))
			}
			return eds
		}
	}
	if p.typedString(r.X) {
		return append(eds, p.stringRange(r)...)
	}
	if r.Tok == token.ASSIGN && r.Key != nil {
		eds = append(eds, p.rangeAssign(r)...)
	}
	if len(names) > 0 && captures(r.Body, names) {
		eds = append(eds, p.shadow(r.Body, names))
	}
	return eds
}

// stringRange writes a range over a string as a loop that decodes each
// rune: yaegi v0.16.1 steps over an invalid byte by 3 (the length of
// U+FFFD), where Go steps by 1, so the offsets after it are wrong. The
// body runs in a block of its own, so it may declare the loop's names.
func (p *parse) stringRange(r *ast.RangeStmt) []edit {
	hs := p.cellOffset(r.For)
	v := func(what string) string { return fmt.Sprintf("__gocurve_%s%d", what, hs) }
	xs, xe := p.span(r.X)
	var lhs, rhs []string
	for i, e := range []ast.Expr{r.Key, r.Value} {
		if e == nil {
			continue
		}
		if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		s, end := p.span(e)
		lhs = append(lhs, p.rewrite(s, end, e))
		rhs = append(rhs, []string{v("o"), v("c")}[i])
	}
	assign := ""
	if len(lhs) > 0 {
		op := " = "
		if r.Tok == token.DEFINE {
			op = " := "
		}
		assign = strings.Join(lhs, ", ") + op + strings.Join(rhs, ", ") + "; "
		if r.Tok == token.DEFINE {
			assign += strings.Repeat("_, ", len(lhs)-1) + "_ = " + strings.Join(lhs, ", ") + "; "
		}
	}
	lb, rb := p.cellOffset(r.Body.Lbrace), p.cellOffset(r.Body.Rbrace)
	hdr := fmt.Sprintf("for %[1]s, %[2]s, %[3]s := string(%[4]s), 0, 0; %[2]s < len(%[1]s); %[2]s += %[3]s { var %[5]s rune; %[5]s, %[3]s = %[6]s(%[1]s, %[2]s); %[7]s{",
		v("s"), v("o"), v("n"), p.rewrite(xs, xe, r.X), v("c"), HelperDecode, assign)
	return []edit{{hs, lb + 1, hdr}, {rb, rb, "}"}}
}

// typedString reports whether the type model gives e a string type.
func (p *parse) typedString(e ast.Expr) bool {
	t := p.modelType(e)
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// rangeAssign rewrites `for k, v = range x { ... }` into `for t, u :=
// range x { k, v = t, u; ... }`: yaegi v0.16.1 leaves k and v as they
// were after some such loops (over an array of struct{}), where Go leaves
// the last index and value.
func (p *parse) rangeAssign(r *ast.RangeStmt) []edit {
	hs := p.cellOffset(r.Key.Pos())
	var lhs, tmps []string
	for i, e := range []ast.Expr{r.Key, r.Value} {
		if e == nil {
			continue
		}
		if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
			tmps = append(tmps, "_")
			continue
		}
		s, end := p.span(e)
		lhs = append(lhs, p.rewrite(s, end, e))
		t := fmt.Sprintf("__gocurve_r%d_%d", hs, i)
		tmps = append(tmps, t)
	}
	if len(lhs) == 0 {
		return nil
	}
	var assigned []string
	for _, t := range tmps {
		if t != "_" {
			assigned = append(assigned, t)
		}
	}
	lb := p.cellOffset(r.Body.Lbrace) + 1
	return []edit{
		{hs, p.cellOffset(r.TokPos) + 1, p.spaceBefore(hs) + strings.Join(tmps, ", ") + " :="},
		{lb, lb, " " + strings.Join(lhs, ", ") + " = " + strings.Join(assigned, ", ") + ";"},
	}
}

// spaceBefore is " " where text replacing the cell from offset at on
// would otherwise run into the keyword before it (`case!ok = <-c`,
// `for!k = range xs`: the replacement starts with a name).
func (p *parse) spaceBefore(at int) string {
	if at > 0 && p.src[at-1] != ' ' && p.src[at-1] != '\t' && p.src[at-1] != '\n' {
		return " "
	}
	return ""
}

// nameParams names the unnamed parameters (or receiver) of a func
// declaration or literal _: yaegi v0.16.1 gives an unnamed parameter no
// frame slot, and a call through an interface then stores the argument in
// the slot of the result (func (Base) Rate(int) float64 called as a
// Schedule panics: reflect.Set: value of type int is not assignable to
// type float64).
func (p *parse) nameParams(fl *ast.FieldList) []edit {
	if fl == nil {
		return nil
	}
	var eds []edit
	for _, f := range fl.List {
		if len(f.Names) == 0 {
			at := p.cellOffset(f.Type.Pos())
			eds = append(eds, edit{at, at, "_ "})
		}
	}
	return eds
}

// typedInt reports whether the type model gives e an integer type.
func (p *parse) typedInt(e ast.Expr) bool {
	t := p.modelType(e)
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// namesType reports whether id names a type, not a variable, in the
// cell's type model. Without a model it says yes: the caller has found a
// type of that name with the method, and a variable that shadows it makes
// the rewrite fail to compile, loudly.
func (p *parse) namesType(id *ast.Ident) bool {
	if m := p.typeModel(); m != nil && m.pkg != nil {
		if obj := m.info.Uses[id]; obj != nil {
			_, ok := obj.(*types.TypeName)
			return ok
		}
	}
	return true
}

// modelType is e's type in the cell's type model, nil where unknown.
func (p *parse) modelType(e ast.Expr) types.Type {
	m := p.typeModel()
	if m == nil {
		return nil
	}
	return m.info.Types[e].Type
}

// commClause rewrites `case x = <-ch:` (which yaegi rejects) into
// `case v := <-ch: x = v;`.
func (p *parse) commClause(c *ast.CommClause) []edit {
	as, ok := c.Comm.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Rhs) != 1 {
		return nil
	}
	s, e := p.span(as)
	if strings.Contains(p.src[s:e], "\n") {
		return nil
	}
	rs, re := p.span(as.Rhs[0])
	tmp := make([]string, len(as.Lhs))
	for i := range tmp {
		tmp[i] = fmt.Sprintf("__gocurve_r%d_%d", s, i)
	}
	lhs := make([]string, len(as.Lhs))
	for i, l := range as.Lhs {
		lhs[i] = p.text0(l)
	}
	colon := p.cellOffset(c.Colon) + 1
	return []edit{
		{s, e, p.spaceBefore(s) + strings.Join(tmp, ", ") + " := " + p.src[rs:re]},
		{colon, colon, " " + strings.Join(lhs, ", ") + " = " + strings.Join(tmp, ", ") + ";"},
	}
}

// uses returns the identifiers n refers to, sorted, without selector names.
func uses(n ast.Node) []string {
	set := map[string]bool{}
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(x.X, func(y ast.Node) bool {
				if id, ok := y.(*ast.Ident); ok {
					set[id.Name] = true
				}
				return true
			})
			return false
		case *ast.Ident:
			set[x.Name] = true
		}
		return true
	})
	// Names the node declares itself (params, receivers, locals) are not
	// uses of outer names; shadowing is approximated away.
	{
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.Field:
				for _, id := range x.Names {
					delete(set, id.Name)
				}
			case *ast.AssignStmt:
				if x.Tok == token.DEFINE {
					for _, l := range x.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							delete(set, id.Name)
						}
					}
				}
			case *ast.RangeStmt:
				if x.Tok == token.DEFINE {
					for _, e := range []ast.Expr{x.Key, x.Value} {
						if id, ok := e.(*ast.Ident); ok {
							delete(set, id.Name)
						}
					}
				}
			case *ast.ValueSpec:
				if _, top := n.(*ast.GenDecl); !top {
					for _, id := range x.Names {
						delete(set, id.Name)
					}
				}
			}
			return true
		})
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func docText(groups ...*ast.CommentGroup) string {
	for _, g := range groups {
		if g != nil {
			return strings.TrimSpace(g.Text())
		}
	}
	return ""
}

func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " …"
	}
	return s
}

// minMaxArgs helps yaegi infer the type argument of the min and max
// helpers: it fails when the first argument is an untyped float constant.
// Typed arguments move first (min and max are symmetric); if all are
// constants and one is a float, the first becomes float64(...).
func (p *parse) minMaxArgs(c *ast.CallExpr) []edit {
	if len(c.Args) < 2 || c.Ellipsis.IsValid() {
		return nil
	}
	s, e := p.cellOffset(c.Lparen)+1, p.cellOffset(c.Rparen)
	if strings.Contains(p.src[s:e], "\n") {
		return nil
	}
	var lits, others []string
	float := false
	for _, a := range c.Args {
		as, ae := p.span(a)
		t := p.rewrite(as, ae, a) // the argument with its own rewrites
		if k, ok := constLit(a); ok {
			lits = append(lits, t)
			float = float || k == token.FLOAT
		} else {
			others = append(others, t)
		}
	}
	if len(lits) == 0 {
		return nil
	}
	if len(others) == 0 {
		if !float {
			return nil
		}
		lits[0] = "float64(" + lits[0] + ")"
	}
	// This edit replaces the edits inside the arguments (apply keeps the
	// first of overlapping edits); their rewrites are in the text.
	return []edit{{s, e, strings.Join(append(others, lits...), ", ")}}
}

// constLit reports whether e is a literal number (possibly signed or in
// parentheses) and its kind.
func constLit(e ast.Expr) (token.Token, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		return x.Kind, x.Kind == token.INT || x.Kind == token.FLOAT
	case *ast.ParenExpr:
		return constLit(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.SUB || x.Op == token.ADD {
			return constLit(x.X)
		}
	case *ast.BinaryExpr:
		k1, ok1 := constLit(x.X)
		k2, ok2 := constLit(x.Y)
		if k2 == token.FLOAT {
			k1 = k2
		}
		return k1, ok1 && ok2
	}
	return token.ILLEGAL, false
}

// variadicArgs converts the variadic arguments of calls listed in
// Options.Variadic to their interface type: p.Add(a, b) becomes
// p.Add(plot.Plotter(a), plot.Plotter(b)).
func (p *parse) variadicArgs(c *ast.CallExpr) []edit {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || len(p.opts.Variadic) == 0 || c.Ellipsis.IsValid() {
		return nil
	}
	var v *Variadic
	if id, ok := sel.X.(*ast.Ident); ok {
		if cands := p.opts.Variadic[id.Name+"."+sel.Sel.Name]; len(cands) == 1 && !p.opts.Shadowed[id.Name] {
			v = &cands[0]
		}
	}
	if v == nil {
		cands := p.opts.Variadic[sel.Sel.Name]
		if len(cands) == 0 {
			return nil
		}
		recv := p.methodRecv(sel)
		for i := range cands {
			if cands[i].Recv == recv {
				v = &cands[i]
			}
		}
		if v == nil && recv == "" && len(cands) == 1 && !p.declaresMethod(sel.Sel.Name) {
			v = &cands[0]
		}
		if v == nil {
			return nil
		}
	}
	var eds []edit
	for i, a := range c.Args {
		if i < v.Fixed {
			continue
		}
		s, e := p.span(a)
		eds = append(eds, edit{s, s, v.Iface + "("}, edit{e, e, ")"})
	}
	return eds
}

func (p *parse) declaresMethod(name string) bool {
	found := false
	for _, d := range p.ast.Decls {
		if f, ok := d.(*ast.FuncDecl); ok && f.Recv != nil && f.Name.Name == name {
			found = true
		}
	}
	return found || p.opts.Shadowed["."+name]
}

// methodRecv is the receiver type of the method sel selects, as its
// package path and name ("gonum.org/v1/plot.Plot"), from the type model;
// "" when sel is not a method of a named type or the model does not know.
func (p *parse) methodRecv(sel *ast.SelectorExpr) string {
	m := p.typeModel()
	if m == nil {
		return ""
	}
	s := m.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return ""
	}
	recv := s.Obj().(*types.Func).Type().(*types.Signature).Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	return named.Obj().Pkg().Path() + "." + named.Obj().Name()
}

// runeConst types a constant expression with a rune literal as rune:
// yaegi makes r := 'A' + 2 an int.
func (p *parse) runeConst(e ast.Expr) []edit {
	hasChar := false
	ok := true
	ast.Inspect(e, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.BasicLit:
			if x.Kind == token.CHAR {
				hasChar = true
			}
		case *ast.BinaryExpr, *ast.ParenExpr, *ast.UnaryExpr, nil:
		default:
			ok = false
		}
		return ok
	})
	if !hasChar || !ok {
		return nil
	}
	s, en := p.span(e)
	return []edit{{s, s, "rune("}, {en, en, ")"}}
}

// constRepeat writes out a const group's iota and implicit repetitions:
// in spec k, iota becomes the literal k, and a spec without values gets the
// previous values (and type) written out. yaegi gets implicit repetition
// wrong for several names per spec ("constant definition loop", or wrong
// values); with every value explicit it is right.
// iotaDeclaredBefore reports whether the cell declares a constant named
// iota before pos.
func (p *parse) iotaDeclaredBefore(pos token.Pos) bool {
	found := false
	ast.Inspect(p.ast, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && vs.Pos() < pos {
			for _, id := range vs.Names {
				found = found || id.Name == "iota"
			}
		}
		return !found
	})
	return found
}

// iotas are the uses of the predeclared iota in e: per the type model
// where it has one, else every identifier iota that is not a selector's
// name (A.iota) or a key.
func (p *parse) iotas(e ast.Expr) []*ast.Ident {
	m := p.typeModel()
	universe := types.Universe.Lookup("iota")
	var out []*ast.Ident
	var visit func(ast.Node) bool
	visit = func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.SelectorExpr:
			ast.Inspect(x.X, visit)
			return false
		case *ast.KeyValueExpr:
			ast.Inspect(x.Value, visit)
			return false
		case *ast.Ident:
			if x.Name != "iota" {
				return true
			}
			if m != nil && m.pkg != nil {
				if obj := m.info.Uses[x]; obj != nil && obj != universe {
					return true
				}
			}
			out = append(out, x)
		}
		return true
	}
	ast.Inspect(e, visit)
	return out
}

func (p *parse) constRepeat(d *ast.GenDecl) []edit {
	if d.Tok != token.CONST || !d.Lparen.IsValid() {
		return nil
	}
	// A group that declares a constant named iota means that one by it,
	// not the predeclared counter: leave the group as written.
	for _, sp := range d.Specs {
		for _, n := range sp.(*ast.ValueSpec).Names {
			if n.Name == "iota" {
				return nil
			}
		}
	}
	var eds []edit
	var last *ast.ValueSpec
	// A constant named iota declared before (in any scope of the cell: a
	// guess without scopes) is what later iotas refer to.
	localIota := p.iotaDeclaredBefore(d.Pos())
	for k, sp := range d.Specs {
		vs := sp.(*ast.ValueSpec)
		declaresIota := false
		for _, n := range vs.Names {
			declaresIota = declaresIota || n.Name == "iota"
		}
		if len(vs.Values) > 0 {
			last = vs
			for _, v := range vs.Values {
				for _, id := range p.iotas(v) {
					if !localIota {
						s, e := p.span(id)
						eds = append(eds, edit{s, e, "(" + strconv.Itoa(k) + ")"})
					}
				}
			}
			localIota = localIota || declaresIota
			continue
		}
		if last == nil || vs.Type != nil {
			continue
		}
		s, _ := p.span(last.Values[0])
		_, e := p.span(last.Values[len(last.Values)-1])
		if strings.Contains(p.src[s:e], "\n") {
			continue
		}
		var iotas []edit
		for _, v := range last.Values {
			for _, id := range p.iotas(v) {
				if is, ie := p.span(id); !localIota && is >= s && ie <= e {
					iotas = append(iotas, edit{is, ie, "(" + strconv.Itoa(k) + ")"})
				}
			}
		}
		vals := apply(p.src, s, e, iotas)
		typ := ""
		if last.Type != nil {
			typ = " " + p.text0(last.Type)
		}
		at := p.cellOffset(vs.Names[len(vs.Names)-1].End())
		eds = append(eds, edit{at, at, typ + " = " + vals})
		localIota = localIota || declaresIota
	}
	return eds
}

// methodExpr rewrites a method expression (*T).M or T.M of a method the
// session or the cell declares into a func literal calling the method.
func (p *parse) methodExpr(x *ast.SelectorExpr) *edit {
	recv := x.X
	star := ""
	if pe, ok := recv.(*ast.ParenExpr); ok {
		if se, ok := pe.X.(*ast.StarExpr); ok {
			recv, star = se.X, "*"
		}
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return nil
	}
	sig := p.methodSig(id.Name, x.Sel.Name)
	if sig == "" {
		return nil
	}
	if star == "" {
		// T.M is only a method expression if T is a type, not a variable.
		if !p.namesType(id) || p.opts.Shadowed[id.Name] && p.opts.Methods[id.Name+"."+x.Sel.Name] == "" {
			return nil
		}
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", "package p;"+sig+"{}", 0)
	if err != nil || len(f.Decls) != 1 {
		return nil
	}
	fd, ok := f.Decls[0].(*ast.FuncDecl)
	if !ok || fd.Recv == nil {
		return nil
	}
	text := func(n ast.Node) string {
		return sig[fset.Position(n.Pos()).Offset-len("package p;") : fset.Position(n.End()).Offset-len("package p;")]
	}
	var params, args []string
	params = append(params, "__gocurve_recv "+star+id.Name)
	i := 0
	variadic := false
	for _, fl := range fd.Type.Params.List {
		n := max(1, len(fl.Names))
		for range n {
			name := fmt.Sprintf("__gocurve_a%d", i)
			i++
			params = append(params, name+" "+text(fl.Type))
			arg := name
			if _, ok := fl.Type.(*ast.Ellipsis); ok {
				arg += "..."
				variadic = true
			}
			args = append(args, arg)
		}
	}
	_ = variadic
	results := ""
	ret := ""
	if fd.Type.Results != nil && len(fd.Type.Results.List) > 0 {
		results = " " + text(fd.Type.Results)
		if !strings.HasPrefix(results, " (") && (len(fd.Type.Results.List) > 1 || len(fd.Type.Results.List[0].Names) > 0) {
			results = " (" + strings.TrimSpace(results) + ")"
		}
		ret = "return "
	}
	s, e := p.span(x)
	lit := fmt.Sprintf("func(%s)%s { %s__gocurve_recv.%s(%s) }", strings.Join(params, ", "), results, ret, x.Sel.Name, strings.Join(args, ", "))
	return &edit{s, e, lit}
}

// methodSig finds the header of method m of type t in the cell or session.
func (p *parse) methodSig(t, m string) string {
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Name.Name == m && recvName(fd.Recv.List[0].Type) == t && fd.Body != nil {
			s, e := p.cellOffset(fd.Type.Pos()), p.cellOffset(fd.Body.Lbrace)
			return strings.TrimSpace(p.src[s:e])
		}
	}
	return p.opts.Methods[t+"."+m]
}

// funcLit records in it.FuncLits what a top-level assignment gives name:
// the expression when it contains a func literal (a closure, or a value
// holding one such as hessian.Func(func…)), else "".
func (p *parse) funcLit(it *Item, name string, rhs ast.Expr) {
	if it.FuncLits == nil {
		it.FuncLits = map[string]string{}
	}
	it.FuncLits[name] = ""
	hasLit := false
	ast.Inspect(rhs, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			hasLit = true
		}
		return !hasLit
	})
	if hasLit {
		s, e := p.span(rhs)
		it.FuncLits[name] = p.rewrite(s, e, rhs)
	}
}

// instantiate writes out the type arguments the type model inferred for a
// call of a generic func the cells declared, where yaegi infers some
// wrongly: Largest(3, 9, 2) becomes Largest[int](3, 9, 2).
func (p *parse) instantiate(c *ast.CallExpr) []edit {
	if id, ok := c.Fun.(*ast.Ident); ok && p.typeArgs[id] != "" {
		_, e := p.span(id)
		return []edit{{e, e, p.typeArgs[id]}}
	}
	return nil
}

// deferArgs makes a defer inside a function evaluate its call's arguments
// at the defer statement, as Go does (yaegi evaluates them when the deferred
// call runs): defer f(a, b) becomes defer __gocurve_bind(f, a, b)().
func (p *parse) deferArgs(d *ast.DeferStmt) []edit {
	c := d.Call
	if len(c.Args) == 0 {
		return nil
	}
	if id, ok := c.Fun.(*ast.Ident); ok && isBuiltin(id.Name) && !p.opts.Shadowed[id.Name] {
		return nil
	}
	bind := HelperBind
	if c.Ellipsis.IsValid() {
		bind = HelperBindS
	}
	fs := p.cellOffset(c.Fun.Pos())
	ls := p.cellOffset(c.Lparen)
	rs := p.cellOffset(c.Rparen)
	eds := []edit{{fs, fs, bind + "("}, {ls, ls + 1, ", "}, {rs, rs + 1, ")()"}}
	if c.Ellipsis.IsValid() {
		es := p.cellOffset(c.Ellipsis)
		eds = append(eds, edit{es, es + 3, ""})
	}
	return eds
}

// checkOpaqueFormat refuses the operands of a type declared in a cell
// (or an interface that may hold one) of a printf-style call whose format
// is not a constant: its verbs are unknown before it runs, and %T of such
// a value prints the interpreter's structure, %+v its renamed fields.
func (p *parse) checkOpaqueFormat(m *model, args []ast.Expr) {
	for _, arg := range args {
		t := m.info.Types[arg].Type
		if t == nil {
			continue
		}
		what := "a type declared in a cell"
		if !mentionsCellType(t, map[types.Type]bool{}) {
			if !holdsCellType(m, t) {
				continue
			}
			what = "which may hold a type declared in a cell"
		}
		p.refusals = append(p.refusals, refusal{arg.Pos(), fmt.Sprintf("a %s, %s, printed through a format that is not a constant: if the format has %%T or %%+v, the interpreter prints its own structure or renamed fields, not Go's; write the format as a string literal (or a constant)",
			types.TypeString(t, types.RelativeTo(m.pkg)), what)})
		return
	}
}
