package complete

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"
)

// scope is what is visible at the cursor: the session's declarations and
// what the cell declares before the cursor.
type scope struct {
	c       *Completer
	decls   map[string]Decl      // by name; methods by "Recv.Method"
	imports map[string]string    // package name -> import path, besides the preloaded
	locals  map[string]local     // names the cell declares before the cursor
	order   []string             // local names in first-seen order
	methods map[string][]smember // methods the cell declares, by receiver base type
}

// local is a name the cell declares: a type, a func, or a variable whose type
// is given (typ) or is that of result idx of an expression (val).
type local struct {
	kind string // var, const, func, type
	typ  ast.Expr
	val  ast.Expr
	// typSrc and valSrc are parsed into typ and val when first needed: most
	// names of a cell are never looked at
	typSrc, valSrc string
	idx            int
	rng            bool          // for k, v := range val
	fn             *ast.FuncType // for funcs
	src            string        // declaration text for inspect
}

func (c *Completer) newScope(decls []Decl) *scope {
	s := &scope{c: c, decls: make(map[string]Decl, len(decls)), imports: map[string]string{}, locals: map[string]local{}, methods: map[string][]smember{}}
	for _, d := range decls {
		if d.Kind == "stmt" { // a top-level := the session may report as a statement
			d.Kind = "var"
		}
		if d.Kind == "method" {
			s.decls[strings.TrimPrefix(d.Name, "*")] = d
			continue
		}
		s.decls[d.Name] = d
		if d.Kind == "import" {
			path := d.Type
			if path == "" {
				path = importPathOf(d.Signature)
			}
			s.imports[d.Name] = path
		}
	}
	return s
}

// importPathOf extracts the quoted path from `import m "path"`.
func importPathOf(sig string) string {
	i := strings.IndexAny(sig, "\"`")
	if i < 0 {
		return ""
	}
	p, err := strconv.Unquote(strings.TrimSpace(sig[i:]))
	if err != nil {
		return ""
	}
	return p
}

// pkg returns the package a name denotes in this scope, if any.
func (s *scope) pkg(name string) *pkgIndex {
	if l, ok := s.locals[name]; ok && l.kind != "import" {
		return nil
	}
	if path, ok := s.imports[name]; ok {
		return s.c.pkgs[path]
	}
	if _, ok := s.decls[name]; ok {
		return nil
	}
	return s.c.preloaded[name]
}

// cellText is the code before the cursor, scanned.
type cellText struct {
	src  string
	toks []tok
	// where the cursor is: inside a string, comment, or import path string
	inString, inComment, inImport bool
	strStart                      int // byte offset of the open string's first content byte
}

type tok struct {
	pos int // byte offset
	tok token.Token
	lit string
}

// scanCell scans src (the code up to the cursor) with go/scanner.
func scanCell(src string) *cellText {
	ct := &cellText{src: src, toks: make([]tok, 0, len(src)/4)}
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var errAt = -1
	var sc scanner.Scanner
	sc.Init(file, []byte(src), func(pos token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			errAt = pos.Offset
		}
	}, scanner.ScanComments)
	importDepth := 0 // 1 after `import`, 2 inside `import (`
	for {
		pos, t, lit := sc.Scan()
		if t == token.EOF {
			break
		}
		off := file.Offset(pos)
		switch {
		case t == token.IMPORT:
			importDepth = 1
		case importDepth == 1 && t == token.LPAREN:
			importDepth = 2
		case importDepth == 1 && t == token.SEMICOLON && lit == "\n" && len(ct.toks) > 0 && ct.toks[len(ct.toks)-1].tok == token.STRING:
			importDepth = 0
		case importDepth == 1 && t == token.SEMICOLON && lit != "\n":
			importDepth = 0
		case importDepth == 2 && t == token.RPAREN:
			importDepth = 0
		}
		if t == token.SEMICOLON && lit == "\n" {
			lit = ""
		}
		ct.toks = append(ct.toks, tok{off, t, lit})
		end := off + len(lit)
		if end == len(src) && errAt >= off {
			switch t {
			case token.STRING, token.CHAR:
				ct.inString = true
				ct.strStart = off + 1
				ct.inImport = importDepth > 0 && t == token.STRING
			case token.COMMENT:
				ct.inComment = true
			}
		}
		if t == token.COMMENT && end == len(src) && strings.HasPrefix(lit, "//") {
			ct.inComment = true
		}
	}
	return ct
}

// collect records the names the cell declares in its scanned text.
func (s *scope) collect(ct *cellText) {
	toks := ct.toks
	text := func(from, to int) string { // source of tokens [from, to)
		if from >= len(toks) || from >= to {
			return ""
		}
		end := len(ct.src)
		if to < len(toks) {
			end = toks[to].pos
		}
		return ct.src[toks[from].pos:end]
	}
	// exprEnd returns the index just past an expression starting at i: up to
	// a semicolon, comma or `{` at depth 0.
	exprEnd := func(i int, stopBrace bool) int {
		depth := 0
		for ; i < len(toks); i++ {
			switch toks[i].tok {
			case token.LPAREN, token.LBRACK:
				depth++
			case token.LBRACE:
				if depth == 0 && stopBrace {
					return i
				}
				depth++
			case token.RPAREN, token.RBRACK, token.RBRACE:
				if depth == 0 {
					return i
				}
				depth--
			case token.SEMICOLON, token.COMMA:
				if depth == 0 {
					return i
				}
			}
		}
		return i
	}
	// matching returns the index just past the bracket group opening at i.
	matching := func(i int) int {
		depth := 0
		for ; i < len(toks); i++ {
			switch toks[i].tok {
			case token.LPAREN, token.LBRACK, token.LBRACE:
				depth++
			case token.RPAREN, token.RBRACK, token.RBRACE:
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return i
	}
	add := func(name string, l local) {
		if name == "_" || name == "" {
			return
		}
		if _, ok := s.locals[name]; !ok {
			s.order = append(s.order, name)
		}
		s.locals[name] = l
	}
	inImport := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.tok {
		case token.IMPORT:
			inImport = 1
			if i+1 < len(toks) && toks[i+1].tok == token.LPAREN {
				inImport = 2
				i++
			}
			continue
		case token.STRING:
			if inImport > 0 {
				path, err := strconv.Unquote(t.lit)
				if err == nil {
					name := path[strings.LastIndexByte(path, '/')+1:]
					if p := s.c.pkgs[path]; p != nil {
						name = p.name
					}
					if i > 0 && toks[i-1].tok == token.IDENT {
						name = toks[i-1].lit
					}
					s.imports[name] = path
					delete(s.locals, name)
				}
				if inImport == 1 {
					inImport = 0
				}
			}
			continue
		case token.RPAREN:
			if inImport == 2 {
				inImport = 0
			}
		case token.FUNC:
			// func Name(params) results {  or  func (recv) Name(...)  or a literal
			j := i + 1
			name, method := "", false
			if j < len(toks) && toks[j].tok == token.LPAREN {
				// a receiver, if a method name and its parameters follow;
				// else a literal's parameters
				k := matching(j)
				if k+1 < len(toks) && toks[k].tok == token.IDENT && toks[k+1].tok == token.LPAREN {
					s.params(text(j, k), add)
					if recv := recvBase(text(j, k)); recv != "" {
						end := exprEnd(matching(k+1), true)
						sig := "func " + text(j, end)
						m := smember{name: toks[k].lit, kind: "method", sig: strings.TrimSpace(sig)}
						if fd := parseFuncDecl(sig); fd != nil {
							m.t = vtype{fn: fd.Type}
						}
						s.methods[recv] = append(s.methods[recv], m)
					}
					j, method = k, true
				}
			}
			if j < len(toks) && toks[j].tok == token.IDENT {
				name = toks[j].lit
				j++
			}
			if j < len(toks) && toks[j].tok == token.LPAREN {
				k := exprEnd(matching(j), true)
				sig := "func" + text(j, k)
				if e, err := parser.ParseExpr(sig); err == nil {
					if ft, ok := e.(*ast.FuncType); ok {
						if name != "" && !method {
							add(name, local{kind: "func", fn: ft, src: "func " + name + text(j, k)})
						}
					}
				}
				// parameters are in scope in the body, which is where the cursor is
				s.params(text(j, matching(j)), add)
			}
		case token.TYPE:
			if i+1 < len(toks) && toks[i+1].tok == token.IDENT {
				j := i + 2
				k := exprEnd(j, false)
				if j < len(toks) && (toks[j].tok == token.STRUCT || toks[j].tok == token.INTERFACE) {
					k = matching(j + 1)
				}
				if e, err := parser.ParseExpr(text(j, k)); err == nil {
					add(toks[i+1].lit, local{kind: "type", typ: e, src: "type " + toks[i+1].lit + " " + text(j, k)})
				}
			}
		case token.VAR, token.CONST:
			j := i + 1
			var names []string
			for j < len(toks) && toks[j].tok == token.IDENT {
				names = append(names, toks[j].lit)
				j++
				if j+1 < len(toks) && toks[j].tok == token.COMMA {
					j++
					continue
				}
				break
			}
			if len(names) == 0 {
				continue
			}
			var typ, val string
			if j < len(toks) && toks[j].tok != token.ASSIGN && toks[j].tok != token.SEMICOLON {
				k := exprEnd(j, false)
				typ = text(j, k)
				j = k
			}
			if j < len(toks) && toks[j].tok == token.ASSIGN {
				val = text(j+1, exprEnd(j+1, false))
			}
			for n, name := range names {
				add(name, local{kind: strings.ToLower(t.tok.String()), typSrc: typ, valSrc: val, idx: n, src: t.tok.String() + " " + name})
			}
		case token.DEFINE:
			// names are the identifiers before, back to a statement start
			var names []string
			for j := i - 1; j >= 0 && toks[j].tok == token.IDENT; j -= 2 {
				names = append([]string{toks[j].lit}, names...)
				if j == 0 || toks[j-1].tok != token.COMMA {
					break
				}
			}
			j := i + 1
			rng := j < len(toks) && toks[j].tok == token.RANGE
			if rng {
				j++
			}
			k := exprEnd(j, rng || isHeader(toks, i))
			val := text(j, k)
			for n, name := range names {
				add(name, local{kind: "var", valSrc: val, idx: n, rng: rng, src: name + " := " + val})
			}
		}
	}
}

// isHeader reports whether the := at i is in an if/for/switch header, where
// a `{` ends the expression.
func isHeader(toks []tok, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch toks[j].tok {
		case token.IF, token.FOR, token.SWITCH:
			return true
		case token.SEMICOLON, token.LBRACE, token.RBRACE:
			return false
		}
	}
	return false
}

// params adds the names of a parameter list "(a, b T, m *mat.Dense)".
func (s *scope) params(list string, add func(string, local)) {
	e, err := parser.ParseExpr("func" + list)
	if err != nil {
		return
	}
	ft, ok := e.(*ast.FuncType)
	if !ok || ft.Params == nil {
		return
	}
	for _, f := range ft.Params.List {
		for _, n := range f.Names {
			add(n.Name, local{kind: "var", typ: f.Type, src: n.Name + " " + exprString(f.Type)})
		}
	}
}

// recvBase returns the base type name of a receiver list "(p *P)".
func recvBase(list string) string {
	e, err := parser.ParseExpr("func" + list)
	if err != nil {
		return ""
	}
	ft, ok := e.(*ast.FuncType)
	if !ok || ft.Params == nil || len(ft.Params.List) != 1 {
		return ""
	}
	t := ft.Params.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// parsed returns l with its type and value expressions parsed.
func (l local) parsed() local {
	if l.typ == nil && l.typSrc != "" {
		l.typ, _ = parser.ParseExpr(l.typSrc)
	}
	if l.val == nil && l.valSrc != "" {
		l.val, _ = parser.ParseExpr(l.valSrc)
	}
	return l
}
