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
		if interpWrapper(part) {
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

// interpWrapper reports whether t is one of yaegi's wrappers of an
// interpreted value: interp.valueInterface, or a struct whose first field
// is IValue (unwrapIface). (A func of the cells is an *interp.node to
// reflect, as each of them is: Go's convert.go compares two such names.)
func interpWrapper(t reflect.Type) bool {
	return t.PkgPath() == "github.com/traefik/yaegi/interp" && t.Name() == "valueInterface" ||
		t.Kind() == reflect.Struct && t.NumField() > 0 && t.Field(0).Name == "IValue"
}

// looseT returns the name %T prints for v (cell.HelperLooseT), and panics
// where v may be a value of one of the loose types an operand may hold
// (names: instances of generic types, types declared in funcs), which
// the interpreter represents as the compiled type of their structure: v
// is of one of kinds, and of a type that has no name of a package of its
// own (a []int, an int, a struct { X int }). expr is the operand as the
// cell wrote it.
func (rt *runtime) looseT(v any, kinds, names, expr string) string {
	t := reflect.TypeOf(v)
	kind := func(t reflect.Type) string { return t.Kind().String() }
	if t != nil && t.Kind() == reflect.Pointer {
		kind = func(t reflect.Type) string { return "ptr:" + t.Elem().Kind().String() }
		if t.Elem().PkgPath() != "" {
			t = nil // a pointer to a compiled named type
		}
	}
	if t != nil && t.PkgPath() == "" && slices.Contains(strings.Split(kinds, ","), kind(t)) {
		panic(fmt.Sprintf("%%T of %s: the value may be a %s (an instance of a generic type, or a type declared in a func), which the interpreter cannot tell from a %s and would print as one; give the type a Name() string method and print that, or declare it at the top level of a cell", expr, names, t))
	}
	return fmt.Sprintf("%T", v)
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
