package cell

import (
	"fmt"
	"go/ast"
	"go/types"
	"path"
	"reflect"
	"strings"
)

// The struct types the cells declare (and struct literals' types) are
// built by yaegi v0.16.1 with reflect.StructOf, which exports an
// unexported field under another name (age becomes Xage, which
// encoding/json would write: {"Xage":3}; fieldTagEdits tags it so that
// the encoders skip it, and only a tag it cannot read is refused here)
// and embeds a field only where it is the struct's only one (json writes "Base":{...} where Go writes Base's
// fields in its place). And compiled code sees a value of a cell type
// without its methods wherever it is not the value passed itself: below
// it (an element, a field, a value in an interface) encoding/json would
// not call its MarshalJSON. checkEncoding refuses what the encoders would
// read or write otherwise than Go, before the cell runs.

// encodingFuncs are the funcs and methods of the standard library's
// reflection-based encoders that read or fill a value's struct fields by
// their names, by package path.
var encodingFuncs = map[string]map[string]bool{
	"encoding/json": {"Marshal": true, "MarshalIndent": true, "Unmarshal": true, "Encode": true, "Decode": true},
	"encoding/xml": {"Marshal": true, "MarshalIndent": true, "Unmarshal": true, "Encode": true, "Decode": true,
		"EncodeElement": true, "DecodeElement": true},
}

// encodingNames are the names of encodingFuncs and FieldByName, for
// needsModel.
var encodingNames = func() map[string]bool {
	names := map[string]bool{"FieldByName": true}
	for _, fs := range encodingFuncs {
		for n := range fs {
			names[n] = true
		}
	}
	return names
}()

// encoderMethods are the methods each encoder calls on the values it
// encodes or decodes, by the encoder's tag key.
var encoderMethods = map[string][]string{
	"json": {"MarshalJSON", "UnmarshalJSON", "MarshalText", "UnmarshalText"},
	"xml":  {"MarshalXML", "UnmarshalXML", "MarshalXMLAttr", "UnmarshalXMLAttr", "MarshalText", "UnmarshalText"},
}

// checkEncoding refuses a call of encoding/json or encoding/xml (Marshal,
// Unmarshal, an Encoder's Encode, a Decoder's Decode, ...) with a value
// that holds a struct type of the cells with an unexported field or an
// embedded one beside other fields, or a type of the cells with a method
// the encoder calls where compiled code cannot call it. A field tagged
// with the encoder's "-" is skipped by both, so it is allowed; so is
// json.Marshal of a value whose own MarshalJSON or MarshalText method
// the interpreter does hand over.
func checkEncoding(m *model, c *ast.CallExpr) *refusal {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || m.pkg == nil {
		return nil
	}
	fn, ok := m.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || !encodingFuncs[fn.Pkg().Path()][fn.Name()] {
		return nil
	}
	w := encodingWalk{m: m, key: path.Base(fn.Pkg().Path()), seen: map[types.Type]bool{}}
	// measured: yaegi hands json.Marshal (and an Encoder's Encode) the
	// methods of the value passed itself; not xml's, not Unmarshal's
	w.topMethods = w.key == "json" && !strings.HasPrefix(fn.Name(), "Unm") && fn.Name() != "Decode"
	for _, a := range c.Args {
		l := w.expr(a, true)
		if l.owner == nil {
			continue
		}
		q := types.RelativeTo(m.pkg)
		what := types.ExprString(a) + " (" + types.TypeString(m.info.Types[a].Type, q) + ")"
		in := types.TypeString(l.owner, q)
		key, name := w.key, fn.Name()
		switch {
		case l.method != "":
			return &refusal{a.Pos(), fmt.Sprintf("%s.%s of %s: compiled encoding/%s cannot call the %s method of %s, a type declared in a cell, where it sits (the interpreter hands it the bare value), so it would encode or decode the value's own fields where Go calls the method; call the method yourself (v.%[5]s(…)) and encode or decode what it gives",
				key, name, what, key, l.method, in)}
		case l.field.Embedded():
			f := l.field.Name()
			return &refusal{a.Pos(), fmt.Sprintf("%s.%s of %s, whose struct type %s embeds %s beside other fields: the interpreter builds it as a field named %[5]s, so encoding/%[1]s would see one field %[5]s where Go sees %[5]s's fields in its place; write %[5]s's fields in the struct itself",
				key, name, what, in, f)}
		}
		f := l.field.Name()
		return &refusal{a.Pos(), fmt.Sprintf("%s.%s of %s, whose struct type %s has the unexported field %s: the interpreter exports it as X%[5]s, so encoding/%[1]s would read or write it where Go skips it; tag the field `%[1]s:\"-\"` (Go skips it too), or export it (%[6]s)",
			key, name, what, in, f, exported(f))}
	}
	return checkXMLName(m, fn, c)
}

// checkXMLName refuses xml.Marshal, MarshalIndent or an Encoder's Encode
// of a value (or of the elements of a slice or array) whose type is a
// struct type of the cells with no XMLName field: encoding/xml names the
// element after the type, and the interpreter's struct types have no name,
// so it fails (xml: unsupported type) where Go writes <Point>.
func checkXMLName(m *model, fn *types.Func, c *ast.CallExpr) *refusal {
	if fn.Pkg().Path() != "encoding/xml" || fn.Name() != "Marshal" && fn.Name() != "MarshalIndent" && fn.Name() != "Encode" || len(c.Args) == 0 {
		return nil
	}
	a := c.Args[0]
	t := m.info.Types[a].Type
	for range 4 { // *T, []T, []*T, [n]T
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		}
		break
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != m.pkg {
		return nil
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() == "XMLName" {
			return nil
		}
	}
	name := n.Obj().Name()
	return &refusal{a.Pos(), fmt.Sprintf("xml.%s of %s: encoding/xml names the element after the type, %s, and a struct type declared in a cell has no name in the interpreter, so it would fail where Go writes <%[3]s>; add the field XMLName xml.Name `xml:\"%[3]s\"` to %[3]s, or write enc.EncodeElement(v, xml.StartElement{Name: xml.Name{Local: \"%[3]s\"}})",
		fn.Name(), types.ExprString(a), name)}
}

// hiddenTag reports whether fieldTagEdits hides an unexported field with
// this tag from the encoders.
func hiddenTag(tag string) bool {
	_, ok := hideFieldsIn(tag)
	return ok
}

// encodingWalk finds, within a value given to an encoder, what the
// encoder would see otherwise than Go (see checkEncoding).
type encodingWalk struct {
	m          *model
	key        string // the encoder's tag key: "json" or "xml"
	topMethods bool   // the value passed itself keeps its methods
	seen       map[types.Type]bool
}

// encodingLeak is what an encoder would see otherwise than Go: a field
// of the struct type owner, or owner's method.
type encodingLeak struct {
	owner  types.Type
	field  *types.Var
	method string
}

// expr is typ of e's type, except that the elements of a composite
// literal of interfaces (map[string]any{"a": 1}) are taken with the types
// of their values, which the model knows, not with all that the interface
// may hold.
func (w *encodingWalk) expr(e ast.Expr, top bool) encodingLeak {
	t := w.m.info.Types[e].Type
	if invalid(t) {
		return encodingLeak{}
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return w.typ(t, top)
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Map:
		elem = u.Elem()
		if l := w.typ(u.Key(), false); l.owner != nil {
			return l
		}
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	}
	if elem == nil || !types.IsInterface(elem) {
		return w.typ(t, top)
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		if l := w.expr(el, false); l.owner != nil {
			return l
		}
	}
	return encodingLeak{}
}

// typ returns the first leak within t: its elements, fields, the types
// of the cells an interface may hold. top says t is the value passed.
func (w *encodingWalk) typ(t types.Type, top bool) encodingLeak {
	if w.seen[t] {
		return encodingLeak{}
	}
	w.seen[t] = true
	named := t
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		named = p.Elem()
	}
	if n, ok := types.Unalias(named).(*types.Named); ok {
		if n.Obj().Pkg() != w.m.pkg {
			return encodingLeak{} // a compiled package's type: its fields and methods are Go's
		}
		for _, name := range encoderMethods[w.key] {
			if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, w.m.pkg, name); obj == nil {
				continue
			}
			if top && w.topMethods && strings.HasPrefix(name, "Marshal") && types.NewMethodSet(t).Lookup(w.m.pkg, name) != nil {
				return encodingLeak{} // the encoder calls it, as in Go
			}
			return encodingLeak{owner: n, method: name}
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return w.typ(u.Elem(), top)
	case *types.Slice:
		return w.typ(u.Elem(), false)
	case *types.Array:
		return w.typ(u.Elem(), false)
	case *types.Map:
		if l := w.typ(u.Key(), false); l.owner != nil {
			return l
		}
		return w.typ(u.Elem(), false)
	case *types.Interface:
		if mentionsTypeParam(t) {
			return encodingLeak{}
		}
		for _, c := range holdable(cellTypes(w.m), t) {
			if l := w.typ(c, false); l.owner != nil {
				return l
			}
		}
	case *types.Struct:
		for i := range u.NumFields() {
			f := u.Field(i)
			if reflect.StructTag(u.Tag(i)).Get(w.key) == "-" || f.Pkg() != w.m.pkg {
				continue
			}
			// yaegi marks a field embedded only where it is the only one
			if f.Embedded() && u.NumFields() > 1 || !f.Embedded() && !f.Exported() && !hiddenTag(u.Tag(i)) {
				owner := t
				if p, ok := types.Unalias(t).(*types.Pointer); ok {
					owner = p.Elem()
				}
				return encodingLeak{owner: owner, field: f}
			}
			if l := w.typ(f.Type(), false); l.owner != nil {
				return l
			}
		}
	}
	return encodingLeak{}
}
