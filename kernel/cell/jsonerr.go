package cell

import (
	"encoding/json"
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// The types the cells declare are, to compiled code, anonymous: yaegi
// v0.16.1 builds a struct type with reflect.StructOf and gives a named
// basic type its basic one. encoding/json names the Go type in the errors
// of a decode (json: cannot unmarshal string into Go struct field
// Config.lr of type float64) by reflect, so it would write "field .lr"
// and "of type float64" where Go writes Config and main.Rate. Each call of
// json.Unmarshal or a Decoder's Decode whose target's type is built from
// a cell type passes its error through HelperJSONError with a JSONType
// describing that type, from which the helper puts Go's names back into
// the error (the same *json.UnmarshalTypeError or
// *json.InvalidUnmarshalError, so errors.As and assertions see it as Go's).

// JSONType describes, for HelperJSONError, the static type of the value
// a cell hands json.Unmarshal or a Decoder's Decode: its nodes, the first
// being the type itself. A node refers to others by index, so a
// recursive type is finite.
type JSONType []JSONNode

// JSONKind is the kind of a JSONNode.
type JSONKind string

// The kinds of JSONNode.
const (
	JSONPointer   JSONKind = "ptr"    // Elem is what it points to
	JSONContainer JSONKind = "elem"   // a slice, array or map: Elem is its element
	JSONStruct    JSONKind = "struct" // Fields are what a JSON object's keys match
	JSONLeaf      JSONKind = "leaf"   // a basic, interface, func or chan type, or a compiled named type
)

// JSONNode is one type of a JSONType.
type JSONNode struct {
	Kind JSONKind `json:"k"`
	// Name is the type as Go's reflect.Type.String writes it
	// (main.Config, []main.Config, float64); "" where it cannot be
	// written (a generic type) or is the interpreter's too.
	Name string `json:"n,omitempty"`
	// Short is the type's reflect.Type.Name for a type declared in a
	// cell (Config): what a decode error names as the struct.
	Short string `json:"s,omitempty"`
	// Depth counts the slices, arrays and maps from this type down to
	// one that is none of them, pointers skipped: a decode error's type
	// has the depth of the node it is.
	Depth int `json:"d,omitempty"`
	Elem  int `json:"e,omitempty"`
	// Reflect is the reflect.Kind of the type's values, as its String
	// writes it.
	Reflect string `json:"r,omitempty"`
	// Fields are a struct's fields that JSON objects fill.
	Fields []JSONField `json:"f,omitempty"`
}

// JSONField is a field of a struct JSONNode.
type JSONField struct {
	// Key is the name a decode error's path writes for the field: its
	// tag's name, or its Go name; for an embedded struct whose fields
	// are promoted, its Go name (Embedded).
	Key      string `json:"n"`
	Embedded bool   `json:"m,omitempty"`
	Type     int    `json:"t"`
}

// checkJSONError records, for a call of json.Unmarshal or a Decoder's
// Decode whose target's type is built from a type declared in a cell,
// the JSONType HelperJSONError needs to put Go's names into its error.
func (p *parse) checkJSONError(m *model, c *ast.CallExpr) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || m.pkg == nil {
		return
	}
	fn, ok := m.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" {
		return
	}
	arg := -1
	method := fn.Type().(*types.Signature).Recv() != nil
	switch {
	case fn.Name() == "Unmarshal" && !method && len(c.Args) == 2:
		arg = 1
	case fn.Name() == "Decode" && method && len(c.Args) == 1:
		arg = 0
	default:
		return
	}
	target := c.Args[arg]
	t := m.info.Types[target].Type
	var w jsonWrap
	switch {
	case invalid(t):
		return
	case mentionsCellType(t, map[types.Type]bool{}):
		b := jsonBuilder{index: map[types.Type]int{}}
		b.node(t)
		desc, err := json.Marshal(b.nodes)
		if err != nil {
			return // a JSONType always marshals
		}
		w.desc = string(desc)
	case types.IsInterface(t) && pureName(target):
		// it may hold a cell type (now or once one is declared): the
		// helper reads the value's type, given the value again
		w.target = target
	default:
		return
	}
	if p.jsonErrors == nil {
		p.jsonErrors = map[*ast.CallExpr]jsonWrap{}
	}
	p.jsonErrors[c] = w
}

// jsonWrap is how a call's error passes through HelperJSONError: with the
// JSONType of its target's static type, or with the target again (an
// interface).
type jsonWrap struct {
	desc   string
	target ast.Expr
}

// jsonEdits wrap the call c in HelperJSONError.
func (p *parse) jsonEdits(c *ast.CallExpr, w jsonWrap) []edit {
	s, e := p.span(c)
	target := "nil"
	if w.target != nil {
		ts, te := p.span(w.target)
		target = p.rewrite(ts, te, w.target)
	}
	return []edit{{s, s, HelperJSONError + "("}, {e, e, ", " + strconv.Quote(w.desc) + ", " + target + ")"}}
}

// jsonBuilder builds a JSONType.
type jsonBuilder struct {
	nodes JSONType
	index map[types.Type]int // the nodes of named types
}

// node adds the node of t (or finds that of a named type) and returns
// its index.
func (b *jsonBuilder) node(t types.Type) int {
	t = types.Unalias(t)
	n, named := t.(*types.Named)
	if named {
		if i, seen := b.index[n]; seen {
			return i
		}
	}
	i := len(b.nodes)
	b.nodes = append(b.nodes, JSONNode{Kind: JSONLeaf, Name: reflectString(t), Reflect: reflectKind(t)})
	if named {
		b.index[n] = i
		if n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
			b.nodes[i].Depth = containerDepth(t, map[types.Type]bool{})
			return i // a compiled type: its names are reflect's own
		}
		if n.TypeArgs().Len() == 0 {
			b.nodes[i].Short = n.Obj().Name()
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		b.nodes[i].Kind = JSONPointer
		e := b.node(u.Elem())
		b.nodes[i].Elem, b.nodes[i].Depth = e, b.nodes[e].Depth
	case *types.Slice:
		b.container(i, u.Elem())
	case *types.Array:
		b.container(i, u.Elem())
	case *types.Map:
		b.container(i, u.Elem())
	case *types.Struct:
		b.nodes[i].Kind = JSONStruct
		var fields []JSONField
		for k := range u.NumFields() {
			f := u.Field(k)
			key, tagged, ok := JSONKey(f.Name(), f.Exported(), f.Embedded(), reflect.StructTag(u.Tag(k)))
			if !ok {
				continue
			}
			ft := b.node(f.Type())
			fields = append(fields, JSONField{Key: key, Embedded: f.Embedded() && !tagged && isStructish(f.Type()), Type: ft})
		}
		b.nodes[i].Fields = fields
	}
	return i
}

// container makes node i a slice, array or map of elem.
func (b *jsonBuilder) container(i int, elem types.Type) {
	b.nodes[i].Kind = JSONContainer
	e := b.node(elem)
	b.nodes[i].Elem = e
	b.nodes[i].Depth = b.nodes[e].Depth + 1
	// a type that holds itself (type T []T) has no bottom; no decode
	// error can name it by depth
}

// JSONKey is the key encoding/json gives a struct field named name with
// the tag tag, whether the tag names it, and whether json decodes the
// field at all (exported or embedded, not tagged "-"). The type model's
// fields and the runtime's (kernel/session) are read by this one rule.
func JSONKey(name string, exported, embedded bool, tag reflect.StructTag) (key string, tagged, ok bool) {
	opt := tag.Get("json")
	if opt == "-" || !exported && !embedded {
		return "", false, false
	}
	if key, _, _ := strings.Cut(opt, ","); key != "" {
		return key, true, true
	}
	return name, false, true
}

// isStructish reports whether t is a struct or a pointer to one, whose
// fields an embedding struct promotes.
func isStructish(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// containerDepth is JSONNode.Depth of t.
func containerDepth(t types.Type, seen map[types.Type]bool) int {
	if seen[t] {
		return 0
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return containerDepth(u.Elem(), seen)
	case *types.Slice:
		return 1 + containerDepth(u.Elem(), seen)
	case *types.Array:
		return 1 + containerDepth(u.Elem(), seen)
	case *types.Map:
		return 1 + containerDepth(u.Elem(), seen)
	}
	return 0
}

// reflectString is t as Go's reflect.Type.String writes it, or "" where
// reflectName cannot write it.
func reflectString(t types.Type) string {
	var s strings.Builder
	reflectName(&s, t)
	if strings.Contains(s.String(), "\x00") {
		return ""
	}
	return s.String()
}

// reflectKind is the reflect.Kind of values of type t, as its String
// writes it (float64, uint8, struct, ptr).
func reflectKind(t types.Type) string {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			return reflect.UnsafePointer.String()
		}
		return types.Typ[u.Kind()].Name() // byte is uint8, as reflect says
	case *types.Pointer:
		return reflect.Pointer.String()
	case *types.Slice:
		return reflect.Slice.String()
	case *types.Array:
		return reflect.Array.String()
	case *types.Map:
		return reflect.Map.String()
	case *types.Struct:
		return reflect.Struct.String()
	case *types.Interface:
		return reflect.Interface.String()
	case *types.Signature:
		return reflect.Func.String()
	case *types.Chan:
		return reflect.Chan.String()
	}
	return reflect.Invalid.String()
}
