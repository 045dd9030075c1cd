package complete

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/gocurve/gocurve/kernel/cell"
)

// sessionModel is the session as the cells' type model sees it, made once
// per list of declarations (the caller passes the same slice until the
// session changes).
type sessionModel struct {
	data    *Decl // the list it was made from, by identity
	n       int
	decls   map[string]Decl // by name; methods by "T.M"
	imports [][2]string     // name and path of the packages in scope
	opts    cell.Options

	lastMu  sync.Mutex
	last    checked // the last check made, of lastSrc
	lastSrc string
}

// sessionOf returns the model's view of decls, made again when decls is
// another list than last time.
func (c *Completer) sessionOf(decls []Decl) *sessionModel {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.model; s != nil && s.data == unsafe.SliceData(decls) && s.n == len(decls) {
		return s
	}
	s := &sessionModel{data: unsafe.SliceData(decls), n: len(decls), decls: make(map[string]Decl, len(decls))}
	var imports [][2]string
	var ctxDecls []cell.ContextDecl
	for _, d := range decls {
		switch d.Kind {
		case "method":
			s.decls[strings.TrimPrefix(d.Name, "*")] = d
		case "import":
			s.decls[d.Name] = d
			path := d.Type
			if path == "" {
				path = importPathOf(d.Signature)
			}
			imports = append(imports, [2]string{d.Name, path})
		default:
			s.decls[d.Name] = d
		}
		if d.Src != "" {
			ctxDecls = append(ctxDecls, cell.ContextDecl{Names: []string{d.Name}, Src: d.Src, Guessed: d.Guessed})
		}
	}
	if len(imports) == 0 { // a caller without a session: the preloaded packages
		for name, path := range c.preloaded {
			imports = append(imports, [2]string{name, path})
		}
	}
	for name, path := range c.preloaded {
		if _, declared := s.decls[name]; cell.Implicit(path) && !declared {
			imports = append(imports, [2]string{name, path})
		}
	}
	s.imports = imports
	fset := token.NewFileSet()
	ctx := cell.NewContext(fset, imports, ctxDecls, nil)
	im := c.types.Wait()
	s.opts = cell.Options{Context: func() *cell.Context { return ctx }, FileSet: fset, Importer: im, ImportFor: im.StdPath}
	c.model = s
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

// cursorName stands for the name being completed in the cell a request
// checks: a name no cell can declare (the session's own start with
// "__gocurve").
const cursorName = "_gocurveCursor"

// checked is a cell's prefix checked for one request, and the path from
// the file down to the node the request is about.
type checked struct {
	m    *cell.Model
	path []ast.Node // outermost first
}

// checkPrefix type-checks src, the cell's text up to the cursor, followed
// by tail (the cursor's name or nothing) and the brackets that close what
// src left open, and finds the node the request is about: the identifier
// named cursorName, else the last identifier in the cell that ends at
// len(src). When that does not parse, the line the cursor is on is
// replaced by operand and tail alone, and checked again: a half-written
// statement then costs only its own names. ok is false when neither can
// be checked.
func (s *sessionModel) checkPrefix(src, tail, operand string) (checked, bool) {
	try := func(text string) (checked, bool) {
		toks := scanCell(text).toks
		text = blankPackageClause(text, toks)
		closers, ok := closers(toks)
		if !ok {
			return checked{}, false
		}
		full := text + tail + closers
		if c, ok := s.cached(full); ok {
			return c, true
		}
		m, err := cell.Check(full, len(text), &s.opts)
		if err != nil || m == nil {
			return checked{}, false
		}
		c := checked{m: m, path: pathTo(m, len(text)+len(tail))}
		s.keep(full, c)
		return c, true
	}
	if c, ok := try(src); ok {
		return c, true
	}
	line := strings.LastIndexByte(src, '\n') + 1
	if line == 0 && operand == src {
		return checked{}, false
	}
	return try(src[:line] + operand)
}

// cached returns the check of src when it was the last one made: an
// inspect request asks for the text, the Markdown and the variable's value
// of one name, each from the same check.
func (s *sessionModel) cached(src string) (checked, bool) {
	s.lastMu.Lock()
	defer s.lastMu.Unlock()
	return s.last, s.last.m != nil && s.lastSrc == src
}

func (s *sessionModel) keep(src string, c checked) {
	s.lastMu.Lock()
	defer s.lastMu.Unlock()
	s.last, s.lastSrc = c, src
}

// closers are the brackets that close those open after toks (a text's
// tokens), in order; ok is false when toks close a bracket they did not open. The body
// of a func literal that a go or defer statement starts is closed with
// "}()": the statement needs the call.
func closers(toks []tok) (string, bool) {
	type open struct {
		tok    token.Token
		closer string
	}
	var stack []open
	var first token.Token // the current statement's first token
	sawFunc, sawBrace := false, false
	for _, t := range toks {
		if first == token.ILLEGAL {
			first, sawFunc, sawBrace = t.tok, false, false
		}
		switch t.tok {
		case token.FUNC:
			sawFunc = true
		case token.LPAREN, token.LBRACK:
			stack = append(stack, open{t.tok, map[token.Token]string{token.LPAREN: ")", token.LBRACK: "]"}[t.tok]})
		case token.LBRACE:
			closer := "}"
			if (first == token.GO || first == token.DEFER) && sawFunc && !sawBrace {
				closer = "}()"
			}
			sawBrace = true
			stack = append(stack, open{t.tok, closer})
			first = token.ILLEGAL // a block's statements start
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(stack) == 0 || pairs[stack[len(stack)-1].tok] != t.tok {
				return "", false
			}
			stack = stack[:len(stack)-1]
		case token.SEMICOLON:
			first = token.ILLEGAL
		}
	}
	var b strings.Builder
	for i := len(stack) - 1; i >= 0; i-- {
		b.WriteString(stack[i].closer)
	}
	return b.String(), true
}

// blankPackageClause returns src, whose tokens are toks, with its package
// clause, if it has one, made spaces: a whole program is checked as the cell its declarations
// become (its main is then an ordinary func), at the same offsets.
func blankPackageClause(src string, toks []tok) string {
	i := 0
	for i < len(toks) && (toks[i].tok == token.COMMENT || toks[i].tok == token.SEMICOLON) {
		i++
	}
	if i+1 >= len(toks) || toks[i].tok != token.PACKAGE || toks[i+1].tok != token.IDENT {
		return src
	}
	end := toks[i+1].pos + len(toks[i+1].lit)
	return src[:toks[i].pos] + strings.Repeat(" ", end-toks[i].pos) + src[end:]
}

var pairs = map[token.Token]token.Token{token.LPAREN: token.RPAREN, token.LBRACK: token.RBRACK, token.LBRACE: token.RBRACE}

// pathTo returns the nodes from m's file down to the identifier named
// cursorName, else to the innermost node of the cell that encloses cell
// offset end (an identifier that ends there is such a node); nil when
// there is none.
func pathTo(m *cell.Model, end int) []ast.Node {
	var stack, best []ast.Node
	ast.Inspect(m.File, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if !m.InCell(n.Pos()) || m.Offset(n.Pos()) > end || m.Offset(n.End()) < end {
			return false
		}
		stack = append(stack, n)
		if id, ok := n.(*ast.Ident); ok && id.Name == cursorName || len(stack) > len(best) && !isCursor(best) {
			best = append(best[:0:0], stack...)
		}
		return true
	})
	return best
}

// isCursor reports whether path ends at the identifier named cursorName.
func isCursor(path []ast.Node) bool {
	if len(path) == 0 {
		return false
	}
	id, ok := path[len(path)-1].(*ast.Ident)
	return ok && id.Name == cursorName
}

// qualifier writes a package's name, as Go source in a cell does, and
// nothing for the session's own package.
func (c checked) qualifier(p *types.Package) string {
	if p == c.m.Pkg {
		return ""
	}
	return p.Name()
}
