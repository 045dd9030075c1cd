package complete

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

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

// SessionVar returns the name of the session's variable at the cursor (in
// code points), "" when the name there is not one: a cell's own variable
// of that name, a field or a package's member is not.
func (c *Completer) SessionVar(code string, cursor int, decls []Decl) string {
	defer func() { _ = recover() }()
	q, id, ok := c.identAt(code, cursor, decls)
	if !ok || id == nil {
		return ""
	}
	v, ok := q.m.Info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() != q.m.Pkg.Scope() || q.m.InCell(v.Pos()) {
		return ""
	}
	return v.Name()
}

// description is what Inspect says about a name: its declaration, its doc
// comment and the import path of the package that declares it ("" for the
// user's names and builtins), which resolves the comment's doc links.
type description struct{ sig, doc, pkg string }

// identAt checks the cell up to the end of the identifier at the cursor,
// or else up to the cursor, and returns the identifier (nil for none).
func (c *Completer) identAt(code string, cursor int, decls []Decl) (checked, *ast.Ident, bool) {
	off, _ := byteOffset(code, cursor)
	ct := scanCell(code[:off])
	if ct.inString || ct.inComment {
		return checked{}, nil, false
	}
	end := identEnd(code, off)
	if start := identStart(code, end); start == end || startsWithDigit(code[start:end]) {
		end = off
	}
	q, ok := c.sessionOf(decls).checkPrefix(code[:end], "", "")
	if !ok || len(q.path) == 0 {
		return q, nil, ok
	}
	id, _ := q.path[len(q.path)-1].(*ast.Ident)
	if id != nil && q.m.Offset(id.End()) != end {
		id = nil
	}
	return q, id, true
}

// lookup finds what the name at the cursor is, else the callee of the
// call whose parentheses enclose the cursor.
func (c *Completer) lookup(code string, cursor int, decls []Decl) description {
	q, id, ok := c.identAt(code, cursor, decls)
	if !ok {
		return description{}
	}
	s := c.sessionOf(decls)
	if id == nil {
		for i := len(q.path) - 1; i >= 0; i-- {
			if call, ok := q.path[i].(*ast.CallExpr); ok {
				id = calleeIdent(call.Fun)
				break
			}
		}
		if id == nil {
			return description{}
		}
	}
	obj := q.m.Info.Uses[id]
	if obj == nil {
		obj = q.m.Info.Defs[id]
	}
	var via types.Type
	sel, isSel := q.parentOf(id).(*ast.SelectorExpr)
	if isSel && sel.Sel == id {
		via = q.m.Info.TypeOf(sel.X)
	} else if d, ok := s.decls[id.Name]; obj == nil && ok {
		// a session name the model left out (a variable whose type
		// cannot be written): its declaration says what it is
		out := description{sig: d.Signature, doc: d.Doc}
		if d.Kind == "var" && d.Type != "" && !strings.Contains(out.sig, d.Type) {
			out.sig = strings.TrimSpace(out.sig + " // " + d.Type)
		}
		return out
	}
	if obj == nil {
		return description{}
	}
	return c.describeObject(q, s, obj, via)
}

// calleeIdent is the name a call's function expression ends with.
func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		return calleeIdent(f.X)
	case *ast.IndexListExpr:
		return calleeIdent(f.X)
	}
	return nil
}

// describeObject says what obj, selected from a value of type via (nil
// for none), is: from the doc table for a compiled package's name, from
// the session's declaration for a name the session declared, from Go's
// builtin docs for a predeclared one, else as go/types writes it (with the
// declaring statement for a cell's variable).
func (c *Completer) describeObject(q checked, s *sessionModel, obj types.Object, via types.Type) description {
	docs := c.docs()
	if obj.Parent() == types.Universe {
		if b, ok := builtinDocs[obj.Name()]; ok {
			return description{sig: b.sig, doc: b.doc}
		}
		return description{sig: types.ObjectString(obj, q.qualifier)}
	}
	if pn, ok := obj.(*types.PkgName); ok {
		path := pn.Imported().Path()
		d := docs[path]
		if d.Sig == "" {
			d.Sig = "package " + pn.Name() + " // import \"" + path + "\""
		}
		return description{d.Sig, d.Doc, path}
	}
	sig := types.ObjectString(obj, q.qualifier)
	if v, ok := obj.(*types.Var); ok && v.IsField() {
		sig = v.Name() + " " + types.TypeString(v.Type(), q.qualifier)
	}
	if obj.Pkg() != nil && obj.Pkg() != q.m.Pkg {
		if key := docKey(obj, via); key != "" {
			if d, ok := docs[key]; ok {
				if d.Sig == "" {
					d.Sig = sig
				}
				return description{d.Sig, d.Doc, obj.Pkg().Path()}
			}
		}
		return description{sig: sig}
	}
	if d, ok := s.decls[declName(obj)]; ok && !q.m.InCell(obj.Pos()) && (obj.Parent() == q.m.Pkg.Scope() || objKind(obj) == "method") {
		out := description{sig: d.Signature, doc: d.Doc}
		if v, isVar := obj.(*types.Var); isVar {
			t := types.TypeString(v.Type(), q.qualifier)
			if !strings.Contains(out.sig, t) {
				out.sig += " // " + t
			}
			if out.doc == "" {
				out.doc, out.pkg = c.typeDoc(v.Type())
			}
		}
		return out
	}
	if d, ok := cellDecl(q, obj); ok {
		return d
	}
	if v, isVar := obj.(*types.Var); isVar && !v.IsField() && q.m.InCell(v.Pos()) {
		if stmt := definingLine(q, v); stmt != "" {
			doc, pkg := c.typeDoc(v.Type())
			return description{sig: stmt + "\n\n" + sig, doc: doc, pkg: pkg}
		}
	}
	return description{sig: sig}
}

// cellDecl describes a func, method or type the cell declares at top
// level by its source: the header and the doc comment.
func cellDecl(q checked, obj types.Object) (description, bool) {
	if !q.m.InCell(obj.Pos()) {
		return description{}, false
	}
	src := q.m.Source()
	text := func(from, to token.Pos) string {
		a, b := q.m.Offset(from), q.m.Offset(to)
		if a > b || b > len(src) {
			return ""
		}
		return strings.TrimSpace(src[a:b])
	}
	for _, d := range q.m.File.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.Pos() == obj.Pos() && d.Body != nil {
				return description{sig: text(d.Pos(), d.Body.Lbrace), doc: d.Doc.Text()}, true
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				if ts, ok := spec.(*ast.TypeSpec); ok && ts.Name.Pos() == obj.Pos() {
					doc := d.Doc.Text()
					if ts.Doc != nil {
						doc = ts.Doc.Text()
					}
					return description{sig: "type " + text(ts.Pos(), ts.End()), doc: doc}, true
				}
			}
		}
	}
	return description{}, false
}

// declName is the name of obj among the session's declarations: "T.M" for
// a method of T.
func declName(obj types.Object) string {
	if f, ok := obj.(*types.Func); ok {
		if recv := f.Signature().Recv(); recv != nil {
			if n := namedOf(recv.Type()); n != nil {
				return n.Obj().Name() + "." + f.Name()
			}
		}
	}
	return obj.Name()
}

// namedOf is the named type t is or points to, nil if none.
func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// docKey is obj's key in the doc table: "path.Name", or "path.T.Name" for a
// method of the named type T (its receiver's, else, for an interface's
// method, whose receiver is the interface itself, via's) or a field of T's
// struct (T is via's).
func docKey(obj types.Object, via types.Type) string {
	switch obj := obj.(type) {
	case *types.Func:
		if recv := obj.Signature().Recv(); recv != nil {
			n := namedOf(recv.Type())
			if n == nil {
				n = namedOf(via)
			}
			if n != nil && n.Obj().Pkg() != nil {
				return n.Obj().Pkg().Path() + "." + n.Obj().Name() + "." + obj.Name()
			}
			return ""
		}
	case *types.Var:
		if obj.IsField() {
			// a field of via's struct; a promoted one has no key here
			if n := namedOf(via); n != nil && n.Obj().Pkg() != nil {
				if st, ok := n.Underlying().(*types.Struct); ok {
					for f := range st.Fields() {
						if f == obj {
							return n.Obj().Pkg().Path() + "." + n.Obj().Name() + "." + obj.Name()
						}
					}
				}
			}
			return ""
		}
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

// typeDoc is the documentation of a compiled named type, e.g. of mat.Dense
// for a *mat.Dense, or "".
func (c *Completer) typeDoc(t types.Type) (doc, pkg string) {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() == "main" {
		return "", ""
	}
	path := n.Obj().Pkg().Path()
	d, ok := c.docs()[path+"."+n.Obj().Name()]
	if !ok {
		return "", ""
	}
	return firstLine(d.Sig) + "\n\n" + d.Doc, path
}

// definingLine is the cell's line that declares v, trimmed.
func definingLine(q checked, v *types.Var) string {
	o := q.m.Offset(v.Pos())
	src := q.m.Source()
	if o > len(src) {
		return ""
	}
	start := strings.LastIndexByte(src[:o], '\n') + 1
	end := strings.IndexByte(src[o:], '\n')
	if end < 0 {
		end = len(src) - o
	}
	return strings.TrimSpace(src[start : o+end])
}

type builtinDoc struct{ sig, doc string }

// builtinDocs are the signatures and doc comments of Go's predeclared
// names, after package builtin: go/types' Universe has the names and their
// kinds, but not their documentation.
var builtinDocs = map[string]builtinDoc{
	"append":     {"func append(slice []Type, elems ...Type) []Type", "append appends elements to the end of a slice and returns the updated slice."},
	"cap":        {"func cap(v Type) int", "cap returns the capacity of v: for a slice the maximum length it can reach when resliced."},
	"clear":      {"func clear[T ~[]Type | ~map[Type]Type1](t T)", "clear deletes all entries of a map, or sets all elements of a slice to their zero value."},
	"close":      {"func close(c chan<- Type)", "close closes a channel; receives then succeed with the zero value once it is drained."},
	"complex":    {"func complex(r, i FloatType) ComplexType", "complex builds a complex value from two floating-point values."},
	"copy":       {"func copy(dst, src []Type) int", "copy copies elements from src to dst and returns the number copied, min(len(dst), len(src))."},
	"delete":     {"func delete(m map[Type]Type1, key Type)", "delete removes the element with the given key from the map; a missing key is a no-op."},
	"imag":       {"func imag(c ComplexType) FloatType", "imag returns the imaginary part of c."},
	"len":        {"func len(v Type) int", "len returns the length of v: elements of a slice, array or map, bytes of a string, queued elements of a channel."},
	"make":       {"func make(t Type, size ...IntegerType) Type", "make allocates and initializes a slice, map or channel."},
	"max":        {"func max[T cmp.Ordered](x T, y ...T) T", "max returns the largest of its arguments."},
	"min":        {"func min[T cmp.Ordered](x T, y ...T) T", "min returns the smallest of its arguments."},
	"new":        {"func new(Type) *Type", "new allocates a zero value of the type and returns a pointer to it."},
	"panic":      {"func panic(v any)", "panic stops normal execution of the current goroutine; deferred calls run, then the program reports v."},
	"print":      {"func print(args ...Type)", "print writes its arguments to standard error, for debugging."},
	"println":    {"func println(args ...Type)", "println writes its arguments to standard error with spaces and a newline, for debugging."},
	"real":       {"func real(c ComplexType) FloatType", "real returns the real part of c."},
	"recover":    {"func recover() any", "recover, called in a deferred function, stops a panic and returns its value."},
	"true":       {"const true = 0 == 0", "true and false are the two untyped boolean values."},
	"false":      {"const false = 0 != 0", "true and false are the two untyped boolean values."},
	"nil":        {"var nil Type", "nil is the zero value of pointers, channels, funcs, interfaces, maps and slices."},
	"iota":       {"const iota = 0", "iota is the index of the current const spec in a const declaration, from 0."},
	"bool":       {"type bool bool", "bool is the set of boolean values, true and false."},
	"byte":       {"type byte = uint8", "byte is an alias for uint8."},
	"complex128": {"type complex128 complex128", "complex128 is the set of complex numbers with float64 parts."},
	"complex64":  {"type complex64 complex64", "complex64 is the set of complex numbers with float32 parts."},
	"error":      {"type error interface { Error() string }", "error is the interface of error values; nil means no error."},
	"float32":    {"type float32 float32", "float32 is the set of IEEE 754 32-bit floating-point numbers."},
	"float64":    {"type float64 float64", "float64 is the set of IEEE 754 64-bit floating-point numbers."},
	"int":        {"type int int", "int is a signed integer type of at least 32 bits (64 on 64-bit machines)."},
	"int16":      {"type int16 int16", "int16 is the set of signed 16-bit integers."},
	"int32":      {"type int32 int32", "int32 is the set of signed 32-bit integers."},
	"int64":      {"type int64 int64", "int64 is the set of signed 64-bit integers."},
	"int8":       {"type int8 int8", "int8 is the set of signed 8-bit integers."},
	"rune":       {"type rune = int32", "rune is an alias for int32, used for Unicode code points."},
	"string":     {"type string string", "string is the set of strings of 8-bit bytes, conventionally UTF-8 text."},
	"uint":       {"type uint uint", "uint is an unsigned integer type of at least 32 bits."},
	"uint16":     {"type uint16 uint16", "uint16 is the set of unsigned 16-bit integers."},
	"uint32":     {"type uint32 uint32", "uint32 is the set of unsigned 32-bit integers."},
	"uint64":     {"type uint64 uint64", "uint64 is the set of unsigned 64-bit integers."},
	"uint8":      {"type uint8 uint8", "uint8 is the set of unsigned 8-bit integers."},
	"uintptr":    {"type uintptr uintptr", "uintptr is an integer type large enough to hold any pointer's bits."},
	"comparable": {"type comparable interface{ comparable }", "comparable is the constraint of the types whose values == and != compare: booleans, numbers, strings, pointers, channels, interfaces, and arrays and structs of those."},
	"any":        {"type any = interface{}", "any is an alias for interface{}: every type implements it."},
}
