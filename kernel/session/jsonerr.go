package session

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
)

// jsonError is cell.HelperJSONError: err, the error of json.Unmarshal or
// a Decoder's Decode into target, with Go's names for the types declared
// in cells where encoding/json saw the interpreter's anonymous ones. desc
// describes target's static type (a JSON cell.JSONType); "" when that is
// an interface, and the type of the value in it is read instead. The
// error is the one json made, changed in place.
func (rt *runtime) jsonError(err error, desc string, target any) error {
	ute, isType := err.(*json.UnmarshalTypeError)
	iue, isInvalid := err.(*json.InvalidUnmarshalError)
	if !isType && !isInvalid {
		return err
	}
	var d cell.JSONType
	if desc != "" {
		if json.Unmarshal([]byte(desc), &d) != nil {
			return err
		}
	} else if v := rt.unwrapIface(reflect.ValueOf(target)); v.IsValid() {
		d = rt.jsonType(v.Type())
	}
	switch {
	case len(d) == 0:
	case isType:
		fixTypeError(ute, d)
	case iue.Type != nil:
		iue.Type = goNamed(iue.Type, d[0])
	}
	return err
}

// jsonType describes the runtime type t as the cells' type model would
// have: the session's struct types are named (a struct type of a cell is
// the only type of its representation, see ambiguous); a type declared in
// a cell of another kind cannot be told from its representation, and
// keeps that name.
func (rt *runtime) jsonType(t reflect.Type) cell.JSONType {
	names := map[reflect.Type]string{}
	if concrete := rt.concrete.Load(); concrete != nil {
		for name, ct := range *concrete {
			if ct.Kind() == reflect.Struct && rt.count(ct) == 1 {
				names[ct] = name
			}
		}
	}
	b := reflectJSON{names: names, index: map[reflect.Type]int{}}
	b.node(t)
	return b.nodes
}

// reflectJSON builds a cell.JSONType from a runtime type.
type reflectJSON struct {
	names map[reflect.Type]string // the session's struct types: main.Config
	index map[reflect.Type]int
	nodes cell.JSONType
}

func (b *reflectJSON) node(t reflect.Type) int {
	if i, seen := b.index[t]; seen {
		return i
	}
	i := len(b.nodes)
	b.index[t] = i
	b.nodes = append(b.nodes, cell.JSONNode{Kind: cell.JSONLeaf, Name: b.name(t, 0), Reflect: t.Kind().String()})
	if name, ok := b.names[t]; ok {
		b.nodes[i].Short = strings.TrimPrefix(name, "main.")
	} else {
		b.nodes[i].Short = t.Name() // a compiled type's ("" for the interpreter's)
	}
	switch t.Kind() {
	case reflect.Pointer:
		e := b.node(t.Elem())
		b.nodes[i].Kind, b.nodes[i].Elem, b.nodes[i].Depth = cell.JSONPointer, e, b.nodes[e].Depth
	case reflect.Slice, reflect.Array, reflect.Map:
		e := b.node(t.Elem())
		b.nodes[i].Kind, b.nodes[i].Elem, b.nodes[i].Depth = cell.JSONContainer, e, b.nodes[e].Depth+1
	case reflect.Struct:
		b.nodes[i].Kind = cell.JSONStruct
		var fields []cell.JSONField
		for k := range t.NumField() {
			f := t.Field(k)
			key, tagged, ok := cell.JSONKey(f.Name, f.IsExported(), f.Anonymous, f.Tag)
			if !ok {
				continue
			}
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			fields = append(fields, cell.JSONField{Key: key, Embedded: f.Anonymous && !tagged && ft.Kind() == reflect.Struct, Type: b.node(f.Type)})
		}
		b.nodes[i].Fields = fields
	}
	return i
}

// name writes t as Go's reflect would, with the session's struct types
// by their names ("" where it would be the interpreter's own name).
func (b *reflectJSON) name(t reflect.Type, depth int) string {
	if n, ok := b.names[t]; ok {
		return n
	}
	if depth > 8 || t.Name() != "" {
		return t.String()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + b.name(t.Elem(), depth+1)
	case reflect.Slice:
		return "[]" + b.name(t.Elem(), depth+1)
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + b.name(t.Elem(), depth+1)
	case reflect.Map:
		return "map[" + b.name(t.Key(), depth+1) + "]" + b.name(t.Elem(), depth+1)
	}
	return t.String()
}

// fixTypeError names in e the struct type whose field e.Field ends in and
// the type that could not hold the JSON value, as Go would, by following
// e.Field through d.
func fixTypeError(e *json.UnmarshalTypeError, d cell.JSONType) {
	node, level, ok := jsonPath(d, e.Field)
	if !ok || e.Type == nil {
		return // the path left the cells' types: json's names are Go's
	}
	// e.Type is the field's type or, within it, an element's
	want := typeDepth(e.Type)
	for d[node].Kind == cell.JSONPointer || d[node].Kind == cell.JSONContainer && d[node].Depth > want {
		node = d[node].Elem
	}
	if e.Field != "" {
		e.Struct = d[level].Short
	}
	if d[node].Depth == want && d[node].Reflect == e.Type.Kind().String() {
		e.Type = goNamed(e.Type, d[node])
	}
}

// jsonPath follows the keys of a decode error's path (json joins them
// with dots: lr, layers.w, Base.id for a field promoted from Base) from
// d's root, and returns the node of the field it ends at and the struct
// node whose field that is (the root for an empty path). ok is false
// where the path goes on into a type json names itself (a compiled one).
func jsonPath(d cell.JSONType, path string) (node, level int, ok bool) {
	object, embedded := 0, false // the struct a JSON object fills
	for rest := path; rest != ""; {
		for d[node].Kind == cell.JSONPointer || d[node].Kind == cell.JSONContainer {
			node = d[node].Elem
		}
		if d[node].Kind != cell.JSONStruct {
			return 0, 0, false
		}
		if !embedded {
			object = node
		}
		f, after, found := matchKey(d[node].Fields, rest)
		if !found {
			return 0, 0, false
		}
		if embedded = f.Embedded; !embedded {
			level = object
		}
		node, rest = f.Type, after
	}
	return node, level, true
}

// matchKey finds the field whose key starts path (a key may itself hold
// a dot, so the longest that ends at one wins) and returns it with the
// rest of the path.
func matchKey(fields []cell.JSONField, path string) (cell.JSONField, string, bool) {
	var best cell.JSONField
	rest, found := "", false
	for _, f := range fields {
		after, ok := strings.CutPrefix(path, f.Key)
		if !ok || after != "" && after[0] != '.' || found && len(f.Key) <= len(best.Key) {
			continue
		}
		if f.Embedded && after == "" {
			continue // an embedded struct's name is followed by its field's
		}
		best, rest, found = f, strings.TrimPrefix(after, "."), true
	}
	return best, rest, found
}

// typeDepth is cell.JSONNode.Depth of the type t.
func typeDepth(t reflect.Type) int {
	n := 0
	for {
		switch t.Kind() {
		case reflect.Pointer:
		case reflect.Slice, reflect.Array, reflect.Map:
			n++
		default:
			return n
		}
		t = t.Elem()
	}
}

// goNamed is t, named as the node nd says Go names it where that differs
// from t's own name.
func goNamed(t reflect.Type, nd cell.JSONNode) reflect.Type {
	if nd.Name == "" || nd.Name == t.String() {
		return t
	}
	return namedType{t, nd.Name, nd.Short}
}

// namedType is a runtime type of the interpreter's under the name Go
// gives it: String, Name and PkgPath are Go's, the rest is the type's.
// Errors print it (json's write Type.String()). reflect's funcs that take
// a Type (reflect.New, Zero) panic on it, as on any Type reflect did not
// make (docs/known-limits.md).
type namedType struct {
	reflect.Type
	name, short string
}

func (t namedType) String() string { return t.name }

func (t namedType) Name() string { return t.short }

func (t namedType) PkgPath() string {
	if t.short != "" {
		return "main"
	}
	return ""
}
