package complete

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
)

// vtype is what an expression denotes, as far as completion needs to know:
// a compiled type (rt), a user-declared named type (user, possibly behind a
// pointer), a container of such (elem), a user func (fn) or a package.
type vtype struct {
	rt     reflect.Type
	user   string
	ptr    bool
	elem   *vtype
	fn     *ast.FuncType
	anon   *ast.StructType // a struct type written out, e.g. from "struct { X float64 }"
	pkg    *pkgIndex
	isType bool // the expression denotes a type, not a value
}

func (v vtype) ok() bool {
	return v.rt != nil || v.user != "" || v.elem != nil || v.fn != nil || v.pkg != nil
}

const maxDepth = 12 // guards against cycles such as `x := x.Next`

var predeclared = map[string]reflect.Type{
	"bool": reflect.TypeFor[bool](), "string": reflect.TypeFor[string](),
	"int": reflect.TypeFor[int](), "int8": reflect.TypeFor[int8](), "int16": reflect.TypeFor[int16](),
	"int32": reflect.TypeFor[int32](), "rune": reflect.TypeFor[rune](), "int64": reflect.TypeFor[int64](),
	"uint": reflect.TypeFor[uint](), "uint8": reflect.TypeFor[uint8](), "byte": reflect.TypeFor[byte](),
	"uint16": reflect.TypeFor[uint16](), "uint32": reflect.TypeFor[uint32](), "uint64": reflect.TypeFor[uint64](),
	"uintptr": reflect.TypeFor[uintptr](), "float32": reflect.TypeFor[float32](), "float64": reflect.TypeFor[float64](),
	"complex64": reflect.TypeFor[complex64](), "complex128": reflect.TypeFor[complex128](),
	"error": reflect.TypeFor[error](), "any": reflect.TypeFor[any](),
}

// exprType resolves what the expression e denotes.
func (s *scope) exprType(e ast.Expr, depth int) vtype {
	if depth > maxDepth || e == nil {
		return vtype{}
	}
	depth++
	switch e := e.(type) {
	case *ast.Ident:
		return s.identType(e.Name, depth)
	case *ast.SelectorExpr:
		x := s.exprType(e.X, depth)
		if x.pkg != nil {
			m, ok := x.pkg.lookup(e.Sel.Name)
			if !ok || m.typ == nil {
				return vtype{}
			}
			return vtype{rt: m.typ, isType: m.kind == "type"}
		}
		return s.memberType(x, e.Sel.Name, depth)
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && s.isBuiltin(id.Name) {
			return s.builtinResult(id.Name, e.Args, depth)
		}
		f := s.exprType(e.Fun, depth)
		if f.isType {
			f.isType = false
			return f
		}
		if r := s.results(f, depth); len(r) > 0 {
			return r[0]
		}
	case *ast.IndexExpr:
		return s.rangeElem(s.exprType(e.X, depth), 1, true)
	case *ast.SliceExpr:
		return s.exprType(e.X, depth)
	case *ast.StarExpr:
		x := s.exprType(e.X, depth)
		if x.isType {
			return s.pointerTo(x)
		}
		return s.deref(x)
	case *ast.UnaryExpr:
		x := s.exprType(e.X, depth)
		switch e.Op {
		case token.AND:
			return s.pointerTo(x)
		case token.ARROW:
			return s.rangeElem(x, 0, false)
		}
		return x
	case *ast.ParenExpr:
		return s.exprType(e.X, depth)
	case *ast.CompositeLit:
		t := s.typeExpr(e.Type, depth)
		t.isType = false
		return t
	case *ast.BasicLit:
		switch e.Kind {
		case token.INT:
			return vtype{rt: predeclared["int"]}
		case token.FLOAT:
			return vtype{rt: predeclared["float64"]}
		case token.STRING:
			return vtype{rt: predeclared["string"]}
		case token.CHAR:
			return vtype{rt: predeclared["rune"]}
		}
	case *ast.FuncLit:
		return vtype{fn: e.Type}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
			return vtype{rt: predeclared["bool"]}
		}
		return s.exprType(e.X, depth)
	case *ast.TypeAssertExpr:
		t := s.typeExpr(e.Type, depth)
		t.isType = false
		return t
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.InterfaceType:
		return s.typeExpr(e, depth)
	}
	return vtype{}
}

func (s *scope) identType(name string, depth int) vtype {
	if l, ok := s.locals[name]; ok {
		l = l.parsed()
		switch l.kind {
		case "type":
			return vtype{user: name, isType: true}
		case "func":
			return vtype{fn: l.fn}
		}
		if l.typ != nil {
			t := s.typeExpr(l.typ, depth)
			t.isType = false
			return t
		}
		if l.rng {
			return s.rangeElem(s.exprType(l.val, depth), l.idx, false)
		}
		if call, ok := l.val.(*ast.CallExpr); ok && l.idx > 0 {
			if r := s.results(s.exprType(call.Fun, depth), depth); l.idx < len(r) {
				return r[l.idx]
			}
			return vtype{}
		}
		return s.exprType(l.val, depth)
	}
	if p := s.pkg(name); p != nil {
		return vtype{pkg: p}
	}
	if d, ok := s.decls[name]; ok {
		switch d.Kind {
		case "type":
			return vtype{user: name, isType: true}
		case "func":
			if fd := parseFuncDecl(d.Signature); fd != nil {
				return vtype{fn: fd.Type}
			}
		case "var", "const":
			if e, err := parser.ParseExpr(strings.TrimPrefix(d.Type, "main.")); err == nil && d.Type != "" {
				t := s.typeExpr(e, depth)
				t.isType = false
				return t
			}
		}
		return vtype{}
	}
	if rt, ok := predeclared[name]; ok {
		return vtype{rt: rt, isType: true}
	}
	switch name {
	case "true", "false":
		return vtype{rt: predeclared["bool"]}
	}
	return vtype{}
}

// typeExpr resolves a type expression.
func (s *scope) typeExpr(e ast.Expr, depth int) vtype {
	if depth > maxDepth || e == nil {
		return vtype{}
	}
	depth++
	switch e := e.(type) {
	case *ast.Ident:
		t := s.identType(e.Name, depth)
		if !t.isType {
			return vtype{}
		}
		return t
	case *ast.SelectorExpr:
		t := s.exprType(e, depth)
		if !t.isType {
			return vtype{}
		}
		return t
	case *ast.ParenExpr:
		return s.typeExpr(e.X, depth)
	case *ast.StarExpr:
		return s.pointerTo(s.typeExpr(e.X, depth))
	case *ast.ArrayType:
		el := s.typeExpr(e.Elt, depth)
		if el.rt != nil {
			return vtype{rt: reflect.SliceOf(el.rt), isType: true}
		}
		if el.ok() {
			el.isType = false
			return vtype{elem: &el, isType: true}
		}
	case *ast.MapType:
		k, v := s.typeExpr(e.Key, depth), s.typeExpr(e.Value, depth)
		if k.rt != nil && v.rt != nil && k.rt.Comparable() {
			return vtype{rt: reflect.MapOf(k.rt, v.rt), isType: true}
		}
		if v.ok() {
			v.isType = false
			return vtype{elem: &v, isType: true}
		}
	case *ast.ChanType:
		el := s.typeExpr(e.Value, depth)
		if el.rt != nil {
			return vtype{rt: reflect.ChanOf(reflect.BothDir, el.rt), isType: true}
		}
		if el.ok() {
			el.isType = false
			return vtype{elem: &el, isType: true}
		}
	case *ast.FuncType:
		return vtype{fn: e, isType: true}
	case *ast.InterfaceType:
		if e.Methods == nil || len(e.Methods.List) == 0 {
			return vtype{rt: predeclared["any"], isType: true}
		}
	case *ast.StructType:
		return vtype{anon: e, isType: true}
	}
	return vtype{}
}

func (s *scope) pointerTo(x vtype) vtype {
	switch {
	case x.rt != nil:
		x.rt = reflect.PointerTo(x.rt)
		return x
	case x.user != "" && !x.ptr:
		x.ptr = true
		return x
	}
	return vtype{}
}

func (s *scope) deref(x vtype) vtype {
	switch {
	case x.rt != nil && x.rt.Kind() == reflect.Pointer:
		x.rt = x.rt.Elem()
		return x
	case x.user != "" && x.ptr:
		x.ptr = false
		return x
	}
	return vtype{}
}

// rangeElem is the type of the idx-th range variable over x (0 key, 1
// value); with index set, of x[i].
func (s *scope) rangeElem(x vtype, idx int, index bool) vtype {
	if x.rt != nil {
		t := x.rt
		if t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Array {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Slice, reflect.Array:
			if idx == 0 {
				return vtype{rt: predeclared["int"]}
			}
			return vtype{rt: t.Elem()}
		case reflect.String:
			if idx == 0 {
				return vtype{rt: predeclared["int"]}
			}
			if index {
				return vtype{rt: predeclared["byte"]}
			}
			return vtype{rt: predeclared["rune"]}
		case reflect.Map:
			if idx == 0 && !index {
				return vtype{rt: t.Key()}
			}
			return vtype{rt: t.Elem()}
		case reflect.Chan:
			return vtype{rt: t.Elem()}
		case reflect.Int:
			return vtype{rt: t}
		}
		return vtype{}
	}
	if x.elem != nil {
		if idx == 0 && !index {
			return vtype{rt: predeclared["int"]}
		}
		return *x.elem
	}
	return vtype{}
}

// results are the result types of calling f.
func (s *scope) results(f vtype, depth int) []vtype {
	if f.rt != nil && f.rt.Kind() == reflect.Func {
		out := make([]vtype, f.rt.NumOut())
		for i := range out {
			out[i] = vtype{rt: f.rt.Out(i)}
		}
		return out
	}
	if f.fn != nil && f.fn.Results != nil {
		var out []vtype
		for _, r := range f.fn.Results.List {
			t := s.typeExpr(r.Type, depth)
			t.isType = false
			for range max(1, len(r.Names)) {
				out = append(out, t)
			}
		}
		return out
	}
	return nil
}

func (s *scope) isBuiltin(name string) bool {
	if _, ok := s.locals[name]; ok {
		return false
	}
	if _, ok := s.decls[name]; ok {
		return false
	}
	_, ok := types.Universe.Lookup(name).(*types.Builtin)
	return ok
}

func (s *scope) builtinResult(name string, args []ast.Expr, depth int) vtype {
	switch name {
	case "new":
		if len(args) == 1 {
			t := s.pointerTo(s.typeExpr(args[0], depth))
			t.isType = false
			return t
		}
	case "make":
		if len(args) > 0 {
			t := s.typeExpr(args[0], depth)
			t.isType = false
			return t
		}
	case "append", "min", "max":
		if len(args) > 0 {
			return s.exprType(args[0], depth)
		}
	case "len", "cap", "copy":
		return vtype{rt: predeclared["int"]}
	case "real", "imag":
		return vtype{rt: predeclared["float64"]}
	case "complex":
		return vtype{rt: predeclared["complex128"]}
	case "recover":
		return vtype{rt: predeclared["any"]}
	}
	return vtype{}
}

// memberType is the type of x.name for a field or method.
func (s *scope) memberType(x vtype, name string, depth int) vtype {
	for _, m := range s.members(x, depth) {
		if m.name == name {
			return m.t
		}
	}
	return vtype{}
}

// smember is a member of a value with its type, for completion and chains.
type smember struct {
	name, kind, sig, key, doc string
	t                         vtype
}

// members lists the fields and methods of a value of type x, or the
// exported names of a package.
func (s *scope) members(x vtype, depth int) []smember {
	if depth > maxDepth {
		return nil
	}
	depth++
	var out []smember
	switch {
	case x.pkg != nil:
		for _, m := range x.pkg.index() {
			out = append(out, smember{name: m.name, kind: m.kind, sig: m.sig, key: m.key, t: vtype{rt: m.typ, isType: m.kind == "type"}})
		}
	case x.rt != nil && !x.isType:
		if x.rt.Kind() == reflect.Pointer && x.rt.Elem().Kind() == reflect.Pointer {
			return nil
		}
		for _, m := range s.c.typeMembers(x.rt) {
			out = append(out, smember{name: m.name, kind: m.kind, sig: m.sig, key: m.key, t: vtype{rt: m.typ}})
		}
	case x.user != "" && !x.isType:
		out = s.userMembers(x.user, depth)
	case x.anon != nil && !x.isType:
		out = s.structMembers(x.anon, nil, depth)
	}
	return out
}

// userMembers lists the fields of a user-declared struct type (with those
// promoted from embedded fields) and the methods declared on it.
func (s *scope) userMembers(name string, depth int) []smember {
	ms := newMemberSet(nil)
	add := ms.add
	// methods: the cell's own, then the session's
	for _, m := range s.methods[name] {
		add(m)
	}
	for key, d := range s.decls {
		if d.Kind != "method" {
			continue
		}
		recv, meth, ok := strings.Cut(key, ".")
		if !ok || strings.TrimPrefix(recv, "*") != name {
			continue
		}
		t := vtype{}
		if fd := parseFuncDecl(d.Signature); fd != nil {
			t.fn = fd.Type
		}
		add(smember{name: meth, kind: "method", sig: d.Signature, doc: d.Doc, t: t})
	}
	var under ast.Expr
	if l, ok := s.locals[name]; ok && l.kind == "type" {
		under = l.typ
	} else if d, ok := s.decls[name]; ok && d.Kind == "type" {
		ts := parseTypeSpec(d.Signature)
		if ts == nil && d.Type != "" { // an abridged signature: the model's type
			ts = parseTypeSpec("type " + name + " " + d.Type)
		}
		if ts != nil {
			under = ts.Type
		}
	}
	if st, ok := under.(*ast.StructType); ok {
		return s.structMembers(st, ms.out, depth)
	}
	if it, ok := under.(*ast.InterfaceType); ok {
		return s.interfaceMembers(name, it, ms.out, depth)
	}
	if under != nil { // type T mat.Dense and the like: the underlying type's fields
		t := s.typeExpr(under, depth)
		t.isType = false
		for _, m := range s.members(t, depth) {
			if m.kind == "field" {
				add(m)
			}
		}
	}
	sortSMembers(ms.out)
	return ms.out
}

// structMembers adds to out the fields of st, with those promoted from
// its embedded fields.
func (s *scope) structMembers(st *ast.StructType, out []smember, depth int) []smember {
	ms := newMemberSet(out)
	add := ms.add
	var embedded []vtype
	for _, f := range st.Fields.List {
		t := s.typeExpr(f.Type, depth)
		t.isType = false
		if len(f.Names) == 0 {
			embedded = append(embedded, t)
			n := f.Type
			if se, ok := n.(*ast.StarExpr); ok {
				n = se.X
			}
			if sel, ok := n.(*ast.SelectorExpr); ok {
				n = sel.Sel
			}
			if id, ok := n.(*ast.Ident); ok {
				add(smember{name: id.Name, kind: "field", sig: exprString(f.Type), t: t})
			}
			continue
		}
		for _, n := range f.Names {
			add(smember{name: n.Name, kind: "field", sig: n.Name + " " + exprString(f.Type), doc: f.Doc.Text() + f.Comment.Text(), t: t})
		}
	}
	for _, t := range embedded {
		for _, m := range s.members(t, depth) {
			add(m)
		}
	}
	sortSMembers(ms.out)
	return ms.out
}

// interfaceMembers adds to out the methods of the interface type it
// declared as name, with those of the interfaces it embeds.
func (s *scope) interfaceMembers(name string, it *ast.InterfaceType, out []smember, depth int) []smember {
	ms := newMemberSet(out)
	add := ms.add
	for _, f := range it.Methods.List {
		if ft, ok := f.Type.(*ast.FuncType); ok {
			for _, n := range f.Names {
				sig := "func (" + name + ") " + n.Name + strings.TrimPrefix(exprString(ft), "func")
				add(smember{name: n.Name, kind: "method", sig: sig, doc: f.Doc.Text() + f.Comment.Text(), t: vtype{fn: ft}})
			}
			continue
		}
		t := s.typeExpr(f.Type, depth) // an embedded interface
		t.isType = false
		for _, m := range s.members(t, depth) {
			add(m)
		}
	}
	sortSMembers(ms.out)
	return ms.out
}

// memberSet collects members, the first one of each name.
type memberSet struct {
	out  []smember
	seen map[string]bool
}

func newMemberSet(out []smember) *memberSet {
	ms := &memberSet{out: out, seen: map[string]bool{}}
	for _, m := range out {
		ms.seen[m.name] = true
	}
	return ms
}

func (ms *memberSet) add(m smember) {
	if !ms.seen[m.name] {
		ms.seen[m.name] = true
		ms.out = append(ms.out, m)
	}
}

func sortSMembers(ms []smember) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].name < ms[j-1].name; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// parseFuncDecl parses a func or method header such as "func (p P) N() int".
func parseFuncDecl(sig string) *ast.FuncDecl {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+sig, 0)
	if err != nil || len(f.Decls) == 0 {
		return nil
	}
	fd, _ := f.Decls[0].(*ast.FuncDecl)
	return fd
}

// parseTypeSpec parses a type declaration such as "type P struct{ X int }".
func parseTypeSpec(sig string) *ast.TypeSpec {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+sig, 0)
	if err != nil || len(f.Decls) == 0 {
		return nil
	}
	gd, ok := f.Decls[0].(*ast.GenDecl)
	if !ok || len(gd.Specs) == 0 {
		return nil
	}
	ts, _ := gd.Specs[0].(*ast.TypeSpec)
	return ts
}

func exprString(e ast.Expr) string {
	var b bytes.Buffer
	if err := format.Node(&b, token.NewFileSet(), e); err != nil {
		return ""
	}
	return b.String()
}
