package session

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"

	"github.com/gocurve/gocurve/kernel/cell"
)

// sharpTypes caches the decoded cell.SharpType of each description.
var sharpTypes sync.Map // string → cell.SharpType

// sharpV is cell.HelperSharpV: the func that gives the text Go's %#v
// prints for a value of the static type desc describes. The interpreter's
// value is walked along desc, which names the types declared in cells as
// Go does (main.P{X:1}, []main.P(nil), &main.P{...}); the compiled values
// inside are printed by fmt as it prints them inside a value. resolvers
// are the interpreted funcs desc's interface nodes name; for an
// interface operand, the func is given what its resolver returned.
func sharpV(desc string, resolvers ...any) func(any) string {
	st, ok := sharpTypes.Load(desc)
	if !ok {
		var nodes cell.SharpType
		if err := json.Unmarshal([]byte(desc), &nodes); err != nil || len(nodes) == 0 {
			panic(fmt.Sprintf("gocurve: a %%#v description that does not decode (%v): %s", err, desc))
		}
		st, _ = sharpTypes.LoadOrStore(desc, nodes)
	}
	nodes := st.(cell.SharpType)
	return func(v any) string {
		g := goSyntax{nodes: nodes, resolvers: resolvers}
		if nodes[0].Kind == "iface" {
			g.dynamic(v, nodes[0].Name, 0)
		} else {
			g.value(addressable(v), 0, 0)
		}
		return g.b.String()
	}
}

// sharpDyn is cell.HelperSharpDyn's result: a value behind an interface
// and the node of its type (-1 for a compiled type).
type sharpDyn struct {
	node int
	v    any
}

// newSharpDyn is cell.HelperSharpDyn.
func newSharpDyn(node int, v any) any { return sharpDyn{node, v} }

// goSyntax writes a value as %#v does (fmt's printValue with sharpV).
type goSyntax struct {
	nodes     cell.SharpType
	resolvers []any
	b         strings.Builder
}

// addressable returns an addressable copy of v: the fields of compiled
// structs it holds can then be read whether or not they are exported.
func addressable(v any) reflect.Value {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return rv
	}
	c := reflect.New(rv.Type()).Elem()
	c.Set(rv)
	return c
}

// value writes v, of the type of node n, at depth (0 for the operand).
func (g *goSyntax) value(v reflect.Value, n, depth int) {
	v = readable(v)
	nd := g.nodes[n]
	want := map[string]reflect.Kind{"struct": reflect.Struct, "array": reflect.Array, "slice": reflect.Slice, "map": reflect.Map, "ptr": reflect.Pointer}[nd.Kind]
	if want != reflect.Invalid && v.Kind() != want || nd.Kind == "struct" && v.NumField() != len(nd.Fields) {
		held := "nil"
		if v.IsValid() {
			held = v.Type().String()
		}
		panic(fmt.Sprintf("gocurve: %%#v of a %s: the interpreter holds it as %s, which cannot be printed as Go prints it", nd.Name, held))
	}
	switch nd.Kind {
	case "leaf":
		g.compiled(v, depth)
	case "struct":
		g.b.WriteString(nd.Name + "{")
		for i, f := range nd.Fields {
			if i > 0 {
				g.b.WriteString(", ")
			}
			g.b.WriteString(f.Name + ":")
			g.value(v.Field(i), f.Type, depth+1)
		}
		g.b.WriteByte('}')
	case "array", "slice":
		g.b.WriteString(nd.Name)
		if v.Kind() == reflect.Slice && v.IsNil() {
			g.b.WriteString("(nil)")
			return
		}
		g.b.WriteByte('{')
		for i := range v.Len() {
			if i > 0 {
				g.b.WriteString(", ")
			}
			g.value(v.Index(i), nd.Elem, depth+1)
		}
		g.b.WriteByte('}')
	case "map":
		g.b.WriteString(nd.Name)
		if v.IsNil() {
			g.b.WriteString("(nil)")
			return
		}
		g.b.WriteByte('{')
		keys, vals := sortedMap(v)
		for i := range keys {
			if i > 0 {
				g.b.WriteString(", ")
			}
			g.value(keys[i], nd.Key, depth+1)
			g.b.WriteByte(':')
			g.value(vals[i], nd.Elem, depth+1)
		}
		g.b.WriteByte('}')
	case "ptr":
		if depth == 0 && !v.IsNil() {
			switch v.Elem().Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				g.b.WriteByte('&')
				g.value(v.Elem(), nd.Elem, depth+1)
				return
			}
		}
		g.pointer(nd.Name, v)
	case "addr":
		g.pointer(nd.Name, v)
	case "iface":
		if nd.Resolver == 0 {
			if v.Kind() != reflect.Interface {
				panic(fmt.Sprintf("gocurve: %%#v of a %s: the interpreter holds it as a %s", nd.Name, v.Type()))
			}
			if v.IsNil() {
				g.b.WriteString(nd.Name + "(nil)")
				return
			}
			g.dynamic(sharpDyn{-1, v.Elem().Interface()}, nd.Name, depth+1)
			return
		}
		r := reflect.ValueOf(g.resolvers[nd.Resolver-1])
		if r.Kind() != reflect.Func || r.Type().NumIn() != 1 || !v.Type().AssignableTo(r.Type().In(0)) {
			panic(fmt.Sprintf("gocurve: %%#v of a %s: the interpreter holds it as a %s, its resolver is a %T", nd.Name, v.Type(), g.resolvers[nd.Resolver-1]))
		}
		g.dynamic(r.Call([]reflect.Value{v})[0].Interface(), nd.Name, depth+1)
	default:
		panic(fmt.Sprintf("gocurve: a %%#v description with a node of kind %q", nd.Kind))
	}
}

// dynamic writes what a resolver of the interface named name returned
// (nil, or a sharpDyn): the value behind it, at depth.
func (g *goSyntax) dynamic(res any, name string, depth int) {
	d, ok := res.(sharpDyn)
	switch {
	case res == nil && depth == 0:
		g.b.WriteString("<nil>")
	case res == nil:
		g.b.WriteString(name + "(nil)")
	case !ok:
		panic(fmt.Sprintf("gocurve: %%#v of a %s: its resolver returned a %T", name, res))
	case d.node >= 0:
		g.value(addressable(d.v), d.node, depth)
	default:
		t := reflect.TypeOf(d.v)
		if t.Name() == "" && (t.Kind() != reflect.Pointer || t.Elem().Name() == "") || strings.Contains(t.String(), "interp.") {
			// a type declared in a cell that the model did not list (in a
			// func's body): its text would be the interpreter's
			panic(fmt.Sprintf("gocurve: %%#v of a %s holding a %s, a type the kernel cannot name; print its fields, or declare the type at the top level of a cell", name, t))
		}
		if depth == 0 {
			fmt.Fprintf(&g.b, "%#v", d.v)
			return
		}
		g.compiled(addressable(d.v), depth)
	}
}

// compiled writes v, a value of a compiled type (or of a cell type with a
// basic underlying type, which prints as its value), at depth > 0.
func (g *goSyntax) compiled(v reflect.Value, depth int) {
	v = readable(v)
	if !v.IsValid() {
		g.b.WriteString("<nil>")
		return
	}
	if v.CanInterface() {
		switch v.Interface().(type) {
		case fmt.GoStringer, fmt.Formatter:
			fmt.Fprintf(&g.b, "%#v", v.Interface())
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		// fmt writes &T{...} for a pointer only at the top
		g.pointer(v.Type().String(), v)
	case reflect.Interface:
		if v.IsNil() {
			g.b.WriteString(v.Type().String() + "(nil)")
			return
		}
		g.compiled(v.Elem(), depth+1)
	default:
		s := fmt.Sprintf("%#v", v.Interface())
		if v.Type() == reflect.TypeFor[[]byte]() {
			// fmt names a []byte operand []byte, one inside a value []uint8
			s = "[]uint8" + strings.TrimPrefix(s, "[]byte")
		}
		g.b.WriteString(s)
	}
}

// pointer writes a pointer, func or chan v of the type named name as fmt
// does: (name)(0x...), or (name)(nil).
func (g *goSyntax) pointer(name string, v reflect.Value) {
	if u := uintptr(v.UnsafePointer()); u != 0 {
		fmt.Fprintf(&g.b, "(%s)(%#x)", name, u)
		return
	}
	fmt.Fprintf(&g.b, "(%s)(nil)", name)
}

// readable returns v as a value whose Interface fmt may call: a value
// read through an unexported field of a compiled struct is seen again
// through its address. Every such value here is addressable (the operand
// is copied first, and map entries are read from a readable map).
func readable(v reflect.Value) reflect.Value {
	if !v.IsValid() || v.CanInterface() || !v.CanAddr() {
		return v
	}
	return reflect.NewAt(v.Type(), v.Addr().UnsafePointer()).Elem()
}

// mapOrder is the element of the map sortedMap has fmt print: its Format
// records the order fmt prints the keys in.
type mapOrder struct {
	i    int
	seen *[]int
}

// Format records o's index.
func (o mapOrder) Format(fmt.State, rune) { *o.seen = append(*o.seen, o.i) }

// sortedMap returns m's keys and values in the order fmt prints them (its
// internal/fmtsort order): fmt prints a map of m's key type to mapOrder
// values, which say where each key went.
func sortedMap(m reflect.Value) (keys, vals []reflect.Value) {
	var order []int
	idx := reflect.MakeMapWithSize(reflect.MapOf(m.Type().Key(), reflect.TypeFor[mapOrder]()), m.Len())
	for it := m.MapRange(); it.Next(); {
		idx.SetMapIndex(it.Key(), reflect.ValueOf(mapOrder{len(keys), &order}))
		keys = append(keys, it.Key())
		vals = append(vals, it.Value())
	}
	fmt.Fprint(io.Discard, idx.Interface())
	if len(order) != len(keys) {
		panic(fmt.Sprintf("gocurve: %%#v of a %s: fmt printed %d of its %d keys", m.Type(), len(order), len(keys)))
	}
	sk, sv := make([]reflect.Value, len(keys)), make([]reflect.Value, len(keys))
	for i, j := range order {
		sk[i], sv[i] = keys[j], vals[j]
	}
	return sk, sv
}
