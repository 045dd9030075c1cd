package complete

import (
	"go/ast"
	"go/parser"
	"reflect"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Complete returns the candidates for the identifier that ends at cursor,
// counted in Unicode code points: after "pkg." the package's exported names
// (as "pkg.Name", replacing the dotted name, as IPython does),
// after "x." the fields and methods of x's type (x a variable of the session
// or of the cell, of compiled or user-declared type, or a call chain such as
// mat.NewDense(2, 2, nil).T()), inside an import string the import paths,
// where a key goes in a struct literal the struct's fields (then the names
// in scope), elsewhere the names in scope, builtins and keywords. Inside other strings
// and comments there are none. Matches are sorted by name within each
// group; Start and End delimit the text they replace.
func (c *Completer) Complete(code string, cursor int, decls []Decl) (res Completion) {
	// an editor request must never bring the kernel down: a bug here
	// answers "no matches" (FuzzQueries looks for such bugs)
	defer func() {
		if recover() != nil {
			_, cursor = byteOffset(code, cursor)
			res = Completion{Start: cursor, End: cursor}
		}
	}()
	return c.complete(code, cursor, decls)
}

func (c *Completer) complete(code string, cursor int, decls []Decl) Completion {
	off, cursor := byteOffset(code, cursor)
	src := code[:off]
	ct := scanCell(src)
	if ct.inImport {
		prefix := src[ct.strStart:]
		var ms []Match
		for _, p := range c.paths {
			if strings.HasPrefix(p, prefix) {
				ms = append(ms, Match{Text: p, Kind: "package", Signature: "package " + c.pkgs[p].name})
			}
		}
		return Completion{Matches: ms, Start: utf8.RuneCountInString(src[:ct.strStart]), End: cursor}
	}
	if ct.inString || ct.inComment {
		return Completion{Start: cursor, End: cursor}
	}
	start := identStart(src, off)
	prefix := src[start:]
	if startsWithDigit(prefix) { // a number, not a name
		return Completion{Start: cursor, End: cursor}
	}
	s := c.newScope(decls)
	s.collect(ct)

	var ms []Match
	if start > 0 && src[start-1] == '.' {
		operand := operandBefore(src, start-1)
		// after a dotted name the matches carry it, as IPython's do
		// ("fmt.Prin" gives "fmt.Print"); after a call or an index, only the
		// member name replaces the text after the dot
		lead := ""
		if isDottedName(operand) {
			lead = operand + "."
			start -= len(lead)
		}
		if e, err := parser.ParseExpr(operand); err == nil {
			x := s.exprType(e, 0)
			if x.pkg != nil { // straight from the index: no member copies
				for _, m := range x.pkg.index() {
					if strings.HasPrefix(m.name, prefix) {
						ms = append(ms, Match{Text: lead + m.name, Kind: m.kind, Signature: m.sig})
					}
				}
				return Completion{Matches: ms, Start: utf8.RuneCountInString(src[:start]), End: cursor}
			}
			for _, m := range s.members(x, 0) {
				if strings.HasPrefix(m.name, prefix) {
					ms = append(ms, Match{Text: lead + m.name, Kind: m.kind, Signature: m.sig})
				}
			}
		}
	} else {
		ms = append(s.literalFields(src[:start], prefix), s.scopeMatches(prefix)...)
	}
	return Completion{Matches: ms, Start: utf8.RuneCountInString(src[:start]), End: cursor}
}

// literalFields lists the fields starting with prefix of the struct type
// whose composite literal is open at the end of src, when the cursor is
// where a key goes: after "Settings{" or "Adam{LR: 0.1, ".
func (s *scope) literalFields(src, prefix string) []Match {
	depth, comma := 0, false
	i := len(src) - 1
	for ; i >= 0; i-- {
		switch src[i] {
		case ')', ']', '}':
			depth++
		case '(', '[':
			if depth == 0 {
				return nil // inside a call or index, not a literal
			}
			depth--
		case '{':
			if depth == 0 {
				goto open
			}
			depth--
		case ':':
			if depth == 0 && !comma {
				return nil // a value position
			}
		case ';':
			if depth == 0 {
				return nil // a statement
			}
		case ',':
			if depth == 0 {
				comma = true // an element ended: a key may follow
			}
		}
	}
	return nil
open:
	e, err := parser.ParseExpr(operandBefore(src, i))
	if err != nil {
		return nil
	}
	t := s.typeExpr(e, 0)
	if !t.isType {
		return nil
	}
	t.isType = false
	var ms []Match
	for _, m := range s.members(t, 0) {
		if m.kind == "field" && strings.HasPrefix(m.name, prefix) {
			ms = append(ms, Match{Text: m.name, Kind: "field", Signature: m.sig})
		}
	}
	return ms
}

// scopeMatches lists the names in scope that start with prefix: the cell's,
// the session's, packages, builtins, predeclared types and keywords.
func (s *scope) scopeMatches(prefix string) []Match {
	seen := map[string]bool{}
	var ms []Match
	add := func(m Match) {
		if !seen[m.Text] && strings.HasPrefix(m.Text, prefix) {
			seen[m.Text] = true
			ms = append(ms, m)
		}
	}
	for _, name := range s.order {
		l := s.locals[name]
		add(Match{Text: name, Kind: l.kind, Signature: firstLine(l.src)})
	}
	for name, d := range s.decls {
		switch d.Kind {
		case "method":
		case "import":
			add(Match{Text: name, Kind: "package", Signature: d.Signature})
		default:
			add(Match{Text: name, Kind: d.Kind, Signature: firstLine(d.Signature)})
		}
	}
	for name, path := range s.imports {
		add(Match{Text: name, Kind: "package", Signature: "package " + name + " // import \"" + path + "\""})
	}
	for name, p := range s.c.preloaded {
		add(Match{Text: name, Kind: "package", Signature: "package " + name + " // import \"" + p.path + "\""})
	}
	for _, b := range builtinDocs {
		add(Match{Text: b.name, Kind: b.kind, Signature: b.sig})
	}
	for _, k := range keywords {
		add(Match{Text: k, Kind: "keyword"})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Text < ms[j].Text })
	return ms
}

var keywords = []string{"break", "case", "chan", "const", "continue", "default", "defer", "else",
	"fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
	"range", "return", "select", "struct", "switch", "type", "var"}

type builtinDoc struct{ name, kind, sig, doc string }

// builtinDocs describe Go's predeclared names, after package builtin.
var builtinDocs = []builtinDoc{
	{"append", "builtin", "func append(slice []Type, elems ...Type) []Type", "append appends elements to the end of a slice and returns the updated slice."},
	{"cap", "builtin", "func cap(v Type) int", "cap returns the capacity of v: for a slice the maximum length it can reach when resliced."},
	{"clear", "builtin", "func clear[T ~[]Type | ~map[Type]Type1](t T)", "clear deletes all entries of a map, or sets all elements of a slice to their zero value."},
	{"close", "builtin", "func close(c chan<- Type)", "close closes a channel; receives then succeed with the zero value once it is drained."},
	{"complex", "builtin", "func complex(r, i FloatType) ComplexType", "complex builds a complex value from two floating-point values."},
	{"copy", "builtin", "func copy(dst, src []Type) int", "copy copies elements from src to dst and returns the number copied, min(len(dst), len(src))."},
	{"delete", "builtin", "func delete(m map[Type]Type1, key Type)", "delete removes the element with the given key from the map; a missing key is a no-op."},
	{"imag", "builtin", "func imag(c ComplexType) FloatType", "imag returns the imaginary part of c."},
	{"len", "builtin", "func len(v Type) int", "len returns the length of v: elements of a slice, array or map, bytes of a string, queued elements of a channel."},
	{"make", "builtin", "func make(t Type, size ...IntegerType) Type", "make allocates and initializes a slice, map or channel."},
	{"max", "builtin", "func max[T cmp.Ordered](x T, y ...T) T", "max returns the largest of its arguments."},
	{"min", "builtin", "func min[T cmp.Ordered](x T, y ...T) T", "min returns the smallest of its arguments."},
	{"new", "builtin", "func new(Type) *Type", "new allocates a zero value of the type and returns a pointer to it."},
	{"panic", "builtin", "func panic(v any)", "panic stops normal execution of the current goroutine; deferred calls run, then the program reports v."},
	{"print", "builtin", "func print(args ...Type)", "print writes its arguments to standard error, for debugging."},
	{"println", "builtin", "func println(args ...Type)", "println writes its arguments to standard error with spaces and a newline, for debugging."},
	{"real", "builtin", "func real(c ComplexType) FloatType", "real returns the real part of c."},
	{"recover", "builtin", "func recover() any", "recover, called in a deferred function, stops a panic and returns its value."},
	{"true", "const", "const true = 0 == 0", "true and false are the two untyped boolean values."},
	{"false", "const", "const false = 0 != 0", "true and false are the two untyped boolean values."},
	{"nil", "const", "var nil Type", "nil is the zero value of pointers, channels, funcs, interfaces, maps and slices."},
	{"iota", "const", "const iota = 0", "iota is the index of the current const spec in a const declaration, from 0."},
	{"bool", "type", "type bool bool", "bool is the set of boolean values, true and false."},
	{"byte", "type", "type byte = uint8", "byte is an alias for uint8."},
	{"complex128", "type", "type complex128 complex128", "complex128 is the set of complex numbers with float64 parts."},
	{"complex64", "type", "type complex64 complex64", "complex64 is the set of complex numbers with float32 parts."},
	{"error", "type", "type error interface { Error() string }", "error is the interface of error values; nil means no error."},
	{"float32", "type", "type float32 float32", "float32 is the set of IEEE 754 32-bit floating-point numbers."},
	{"float64", "type", "type float64 float64", "float64 is the set of IEEE 754 64-bit floating-point numbers."},
	{"int", "type", "type int int", "int is a signed integer type of at least 32 bits (64 on 64-bit machines)."},
	{"int16", "type", "type int16 int16", "int16 is the set of signed 16-bit integers."},
	{"int32", "type", "type int32 int32", "int32 is the set of signed 32-bit integers."},
	{"int64", "type", "type int64 int64", "int64 is the set of signed 64-bit integers."},
	{"int8", "type", "type int8 int8", "int8 is the set of signed 8-bit integers."},
	{"rune", "type", "type rune = int32", "rune is an alias for int32, used for Unicode code points."},
	{"string", "type", "type string string", "string is the set of strings of 8-bit bytes, conventionally UTF-8 text."},
	{"uint", "type", "type uint uint", "uint is an unsigned integer type of at least 32 bits."},
	{"uint16", "type", "type uint16 uint16", "uint16 is the set of unsigned 16-bit integers."},
	{"uint32", "type", "type uint32 uint32", "uint32 is the set of unsigned 32-bit integers."},
	{"uint64", "type", "type uint64 uint64", "uint64 is the set of unsigned 64-bit integers."},
	{"uint8", "type", "type uint8 uint8", "uint8 is the set of unsigned 8-bit integers."},
	{"uintptr", "type", "type uintptr uintptr", "uintptr is an integer type large enough to hold any pointer's bits."},
	{"any", "type", "type any = interface{}", "any is an alias for interface{}: every type implements it."},
}

// Inspect describes the name at the cursor (in code points), or else the
// function whose call's parentheses enclose the cursor: its declaration with
// parameter names, then its doc comment, as plain text. found is false when
// there is nothing to say.
func (c *Completer) Inspect(code string, cursor int, decls []Decl) (text string, found bool) {
	defer func() {
		if recover() != nil {
			text, found = "", false
		}
	}()
	return c.inspect(code, cursor, decls)
}

func (c *Completer) inspect(code string, cursor int, decls []Decl) (text string, found bool) {
	d := c.lookup(code, cursor, decls)
	if d.sig == "" && d.doc == "" {
		return "", false
	}
	if d.doc == "" {
		return d.sig, true
	}
	return d.sig + "\n\n" + strings.TrimSpace(d.doc), true
}

// InspectMarkdown is Inspect as Markdown: the declaration in a Go code
// block, then the doc comment rendered by go/doc/comment, its doc links
// pointing at pkg.go.dev.
func (c *Completer) InspectMarkdown(code string, cursor int, decls []Decl) (md string, found bool) {
	defer func() {
		if recover() != nil {
			md, found = "", false
		}
	}()
	d := c.lookup(code, cursor, decls)
	if d.sig == "" && d.doc == "" {
		return "", false
	}
	return c.markdown(d), true
}

// lookup finds what the name at the cursor is.
func (c *Completer) lookup(code string, cursor int, decls []Decl) description {
	off, _ := byteOffset(code, cursor)
	ct := scanCell(code[:off])
	if ct.inString || ct.inComment {
		return description{}
	}
	// the identifier touching the cursor, else the callee of an open call
	end := identEnd(code, off)
	if start := identStart(code, end); start == end || startsWithDigit(code[start:end]) {
		i := openParen(code[:off])
		if i < 0 {
			return description{}
		}
		end = i
		for end > 0 && code[end-1] == ' ' {
			end--
		}
	}
	e, err := parser.ParseExpr(operandBefore(code, end))
	if err != nil {
		return description{}
	}
	s := c.newScope(decls)
	s.collect(scanCell(code[:end]))
	return s.describe(e)
}

// description is what Inspect says about a name: its declaration, its doc
// comment and the import path of the package that declares it ("" for the
// user's names and builtins), which resolves the comment's doc links.
type description struct{ sig, doc, pkg string }

// describe says what e names.
func (s *scope) describe(e ast.Expr) description {
	docs := s.c.docs()
	switch e := e.(type) {
	case *ast.Ident:
		name := e.Name
		if l, ok := s.locals[name]; ok {
			sig := l.src
			if l.kind == "var" {
				if t := s.identType(name, 0); t.rt != nil {
					sig += "\n\n" + name + " is a " + t.rt.String()
				}
			}
			return description{sig: sig}
		}
		if p := s.pkg(name); p != nil {
			d := docs[p.path]
			if d.Sig == "" {
				d.Sig = "package " + p.name + " // import \"" + p.path + "\""
			}
			return description{d.Sig, d.Doc, p.path}
		}
		if d, ok := s.decls[name]; ok {
			out := description{sig: d.Signature, doc: d.Doc}
			if d.Kind == "var" && d.Type != "" && !strings.Contains(out.sig, d.Type) {
				out.sig += " // " + d.Type
			}
			if d.Kind == "var" && out.doc == "" {
				out.doc, out.pkg = s.typeDoc(s.identType(name, 0))
			}
			return out
		}
		for _, b := range builtinDocs {
			if b.name == name {
				return description{sig: b.sig, doc: b.doc}
			}
		}
	case *ast.SelectorExpr:
		x := s.exprType(e.X, 0)
		if x.pkg != nil {
			m, ok := x.pkg.lookup(e.Sel.Name)
			if !ok {
				return description{}
			}
			d := docs[m.key]
			if d.Sig == "" {
				d.Sig = m.sig
			}
			return description{d.Sig, d.Doc, x.pkg.path}
		}
		for _, m := range s.members(x, 0) {
			if m.name != e.Sel.Name {
				continue
			}
			if d, ok := docs[m.key]; ok && m.key != "" {
				if d.Sig == "" {
					d.Sig = m.sig
				}
				return description{d.Sig, d.Doc, keyPackage(m.key)}
			}
			return description{sig: m.sig, doc: m.doc}
		}
	case *ast.CallExpr:
		return s.describe(e.Fun)
	}
	return description{}
}

// keyPackage is the import path in a docs key such as
// "gonum.org/v1/gonum/mat.Dense.Mul".
func keyPackage(key string) string {
	slash := strings.LastIndexByte(key, '/') + 1
	if dot := strings.IndexByte(key[slash:], '.'); dot >= 0 {
		return key[:slash+dot]
	}
	return key
}

// typeDoc is the documentation of a variable's compiled named type, e.g. of
// mat.Dense for a *mat.Dense, or "".
func (s *scope) typeDoc(t vtype) (doc, pkg string) {
	rt := t.rt
	if rt == nil {
		return "", ""
	}
	if rt.Kind() == reflect.Pointer {
		rt = rt.Elem()
	}
	if rt.PkgPath() == "" || rt.Name() == "" {
		return "", ""
	}
	d, ok := s.c.docs()[rt.PkgPath()+"."+rt.Name()]
	if !ok {
		return "", ""
	}
	return firstLine(d.Sig) + "\n\n" + d.Doc, rt.PkgPath()
}

// byteOffset converts a cursor in code points to a byte offset, clamping it
// to the code; it returns the clamped cursor too.
func byteOffset(code string, cursor int) (off, clamped int) {
	if cursor <= 0 {
		return 0, 0
	}
	n := 0
	for i := range code {
		if n == cursor {
			return i, n
		}
		n++
	}
	return len(code), n
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// identStart is the byte offset where the identifier ending at off begins.
func identStart(src string, off int) int {
	for off > 0 {
		r, n := utf8.DecodeLastRuneInString(src[:off])
		if !isIdentRune(r) {
			break
		}
		off -= n
	}
	return off
}

// identEnd is the byte offset where the identifier continuing at off ends.
func identEnd(src string, off int) int {
	for off < len(src) {
		r, n := utf8.DecodeRuneInString(src[off:])
		if !isIdentRune(r) {
			break
		}
		off += n
	}
	return off
}

// operandBefore returns the selector/call chain that ends at byte end, e.g.
// "mat.NewDense(2, 2, nil).T()" before a dot.
func operandBefore(src string, end int) string {
	i := end
	for i > 0 {
		switch src[i-1] {
		case ')', ']', '}':
			j := matchBack(src, i-1)
			if j < 0 {
				return src[i:end]
			}
			i = j
			continue
		}
		j := identStart(src, i)
		if j == i {
			break
		}
		i = j
		if i > 0 && src[i-1] == '.' {
			i--
			continue
		}
		break
	}
	return src[i:end]
}

// matchBack returns the offset of the bracket that the closing bracket at
// src[close] closes, or -1.
func matchBack(src string, close int) int {
	depth := 0
	for i := close; i >= 0; i-- {
		switch src[i] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// openParen returns the offset of the innermost unclosed '(' in src, or -1.
func openParen(src string) int {
	depth := 0
	for i := len(src) - 1; i >= 0; i-- {
		switch src[i] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return i
			}
			depth--
		case '{', '}', ';':
			if depth == 0 {
				return -1
			}
		}
	}
	return -1
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// isDottedName reports whether s is a name or a chain of names, "a" or "a.b.c".
func isDottedName(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if part == "" || startsWithDigit(part) || identStart(part, len(part)) != 0 {
			return false
		}
	}
	return true
}
