package session

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// methods returns v, the receiver of a query of reflect's about its
// method set (cell.HelperMethods), and panics if v holds a value of one
// of the session's types named in types (those with exported methods, as
// the interpreter names them: "main.user,*main.node"): yaegi v0.16.1
// builds their runtime types without the methods, so reflect would
// answer as for a type without any. expr is the query as the cell wrote
// it.
func (rt *runtime) methods(v reflect.Value, types, expr string) reflect.Value {
	if v.IsValid() && v.Kind() != reflect.Interface {
		rt.checkMethods(rt.unwrapIface(v).Type(), types, expr)
	}
	return v
}

// typeMethods is methods for a reflect.Type (cell.HelperTypeMethods).
func (rt *runtime) typeMethods(t reflect.Type, types, expr string) reflect.Type {
	if t != nil {
		rt.checkMethods(t, types, expr)
	}
	return t
}

func (rt *runtime) checkMethods(t reflect.Type, types, expr string) {
	concrete := rt.concrete.Load()
	if concrete == nil {
		return
	}
	for _, name := range strings.Split(types, ",") {
		if c, ok := typeNamed(*concrete, name); ok && c == t {
			panic(fmt.Sprintf("%s: reflect cannot see the methods of %s, a type declared in a cell (the interpreter builds its runtime type without them), and would answer as for a type without methods; call the method through an interface instead (v.Interface().(fmt.Stringer).String(), or a type switch on v.Interface())", expr, name))
		}
	}
}

// typeOf returns t, the type of a value an interface held
// (cell.HelperTypeOf), and panics if t is or is made of (through
// pointers, slices, arrays, maps and chans) the representation of one of
// the session's struct types: the interpreter's reflect describes it by
// its fields (struct { Name int }) where Go names the type (main.user).
// expr is the call as the cell wrote it.
func (rt *runtime) typeOf(t reflect.Type, expr string) reflect.Type {
	for part, depth := t, 0; part != nil && depth < 8; depth++ {
		if isValueInterface(part) || isIfaceWrapper(part) {
			// (a func of the cells is an *interp.node to reflect, as each
			// of them is: Go's convert.go compares two such names)
			panic(fmt.Sprintf("%s: the value is of a type declared in a cell with methods, which the interpreter hands reflect inside a wrapper of its own (%s); ask only its Kind, or use a type switch, or a Name() string method", expr, part))
		}
		if part.Kind() == reflect.Struct {
			if names := rt.namesOf(part); len(names) > 0 {
				panic(fmt.Sprintf("%s: the value is a %s, a type declared in a cell, which the interpreter's reflect describes by its representation (%s), not by its name; ask only its Kind, NumField or Len, or use a type switch, or a Name() string method", expr, strings.Join(names, " or "), part))
			}
			break
		}
		switch part.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan, reflect.Map:
			part = part.Elem()
		default:
			part = nil
		}
	}
	return t
}

// typeName returns the name %T prints for the value in the interface
// variable p points to (cell.HelperTypeName), which the interpreter
// would print as its structure where it is of a type declared in a cell.
// The name is the one yaegi keeps beside a value of a type with methods
// (dynamicType), else that of the one session type of the value's
// representation, or of a pointer to it; a value of a basic or compiled
// representation is named by fmt, unless a session type has it too:
// behind an interface with methods (methods), which no basic type has,
// the one such type is the value's; behind one without, the value may
// be either, and typeName panics, as it does for a representation two of
// the session's types share, and for a value of one of kinds (reflect's
// names, "slice,ptr:struct") whose type has no package of its own, which
// may be one of the loose types names (instances of generic types, types
// declared in funcs). expr is the operand as the cell wrote it.
func (rt *runtime) typeName(p any, methods bool, kinds, names, expr string) string {
	if name, ok := dynamicType(p); ok && rt.declared(name, reflect.ValueOf(p).Elem()) {
		return name
	}
	v := rt.unwrapIface(reflect.ValueOf(p).Elem())
	if !v.IsValid() {
		return "<nil>"
	}
	t := v.Type()
	name, clash := rt.goName(t, methods, 0)
	if clash != "" {
		panic(fmt.Sprintf("%%T of %s: the interpreter cannot tell %s apart (a type declared in a cell has no runtime type of its own, only its representation); give the types a Name() string method and print that, or use a type switch", expr, clash))
	}
	base := t
	if t.Kind() == reflect.Pointer {
		base = t.Elem()
	}
	kind := t.Kind().String()
	if t.Kind() == reflect.Pointer {
		kind = "ptr:" + base.Kind().String()
	}
	if kinds != "" && base.PkgPath() == "" && len(rt.namesOf(base)) == 0 && slices.Contains(strings.Split(kinds, ","), kind) {
		panic(fmt.Sprintf("%%T of %s: the value may be a %s (an instance of a generic type, or a type declared in a func), which the interpreter cannot tell from a %s and would print as one; give the type a Name() string method and print that, or declare it at the top level of a cell", expr, names, t))
	}
	return name
}

// goName returns the name Go gives t, a value's runtime type in the
// interpreter: the session's types of the representations t is made of
// (through pointers, slices, arrays, maps and chans) by their names, and
// compiled types as reflect names them. Where a part's representation is
// two types' it returns them as clash instead: two of the session's, or
// one of a basic type and the compiled one (a value of type R float64 is
// a float64 to the interpreter), unless iface says the value was held by
// an interface with methods, which no compiled basic type has.
func (rt *runtime) goName(t reflect.Type, iface bool, depth int) (name, clash string) {
	switch cells := rt.namesOf(t); {
	case len(cells) > 1:
		return "", strings.Join(cells, " and ")
	case len(cells) == 1 && (t.Kind() == reflect.Struct || iface):
		return cells[0], ""
	case len(cells) == 1:
		return "", cells[0] + " and " + t.String()
	}
	if depth > 8 {
		return t.String(), ""
	}
	elem := func(prefix string, e reflect.Type, iface bool) (string, string) {
		n, c := rt.goName(e, iface, depth+1)
		return prefix + n, c
	}
	switch t.Kind() {
	case reflect.Pointer:
		return elem("*", t.Elem(), iface && depth == 0)
	case reflect.Slice:
		return elem("[]", t.Elem(), false)
	case reflect.Array:
		return elem(fmt.Sprintf("[%d]", t.Len()), t.Elem(), false)
	case reflect.Chan:
		prefix := map[reflect.ChanDir]string{reflect.BothDir: "chan ", reflect.RecvDir: "<-chan ", reflect.SendDir: "chan<- "}[t.ChanDir()]
		return elem(prefix, t.Elem(), false)
	case reflect.Map:
		k, c := rt.goName(t.Key(), false, depth+1)
		if c != "" {
			return "", c
		}
		return elem("map["+k+"]", t.Elem(), false)
	}
	return t.String(), ""
}

// typeNamed returns the runtime type of name, one of the session's types
// that are not interfaces or a pointer to one, as the interpreter names
// them ("main.Dog", "*main.Dog"), from concrete (runtime.concrete).
func typeNamed(concrete map[string]reflect.Type, name string) (reflect.Type, bool) {
	base, ptr := strings.CutPrefix(name, "*")
	t, ok := concrete[base]
	if ok && ptr {
		t = reflect.PointerTo(t)
	}
	return t, ok
}
