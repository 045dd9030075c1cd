package session

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unsafe"
)

// equal is == for a comparison that package cell rewrote because an
// operand is an interface that may hold a type declared in a cell
// (cell.HelperEqual). yaegi v0.16.1 compares values of such types with
// methods by their interpreter wrappers and finds them unequal whatever
// they hold; it gives a type without methods no runtime type of its own
// (C(2) with type C float64 is a float64 to it); and it hands compiled
// code the representation of either (struct{ S float64 }, int), not its
// type, so two types of one representation look alike here.
//
// The result is Go's where the representations decide it: nil against
// non-nil, different representations or different values are unequal.
// Equal values of one representation are equal when unique says that no
// other type the operands may hold has that representation (the type
// model knew, as of the cells up to gen), or when the session's types, as
// of now, give that representation to no two types (rt.shapes: one struct
// type of a cell, or none). Otherwise the comparison panics with a
// message that says what to write instead, never a wrong bool. expr is
// the comparison as the cell wrote it.
func (rt *runtime) equal(a, b any, unique bool, gen int, expr string) bool {
	va, vb := rt.unwrapIface(reflect.ValueOf(a)), rt.unwrapIface(reflect.ValueOf(b))
	if !va.IsValid() || !vb.IsValid() {
		return va.IsValid() == vb.IsValid()
	}
	if va.Type() != vb.Type() {
		return false
	}
	if !va.Type().Comparable() {
		panic(fmt.Sprintf("runtime error: comparing uncomparable type %s", va.Type()))
	}
	if va.Interface() != vb.Interface() {
		return false
	}
	stale := gen < rt.typeGen
	switch {
	case unique && !stale:
		return true
	case !rt.ambiguous(va.Type()):
		return true
	case stale:
		panic(fmt.Sprintf("%s: types were declared after the cell of this comparison ran, and the interpreter cannot tell whether two equal values of %s are of the same type (a type declared in a cell has that representation); run that cell again, or compare concrete values: v, ok := x.(T); ok && v == w", expr, va.Type()))
	}
	panic(fmt.Sprintf("%s: the interpreter cannot tell whether two equal values are of the same type (two types declared in cells, or a cell type and a compiled one, have the representation %s); compare concrete values instead: v, ok := x.(T); ok && v == w", expr, va.Type()))
}

// key returns k, a key of a map keyed by an empty interface
// (cell.HelperKey), and panics, with what to write instead, unless the
// interpreter keys it as Go does: a value of a type declared in a cell
// with methods reaches it in the interpreter's wrapper, by which equal
// keys are two keys; and a representation that two of the session's
// types may have (ambiguous) makes keys of two types one key. expr is
// the key as the cell wrote it.
func (rt *runtime) key(k any, expr string) any {
	v := reflect.ValueOf(k)
	if !v.IsValid() {
		return k
	}
	u := rt.unwrapIface(v)
	if u.Type() != v.Type() {
		panic(fmt.Sprintf("map key %s: a value of a type declared in a cell with methods is not found equal to an equal key in the interpreter; key the map by a concrete type, or by a string made from the value", expr))
	}
	if rt.ambiguous(u.Type()) {
		panic(fmt.Sprintf("map key %s: the interpreter cannot tell keys of two types of the representation %s apart (a type declared in a cell has it, without a runtime type of its own): they would be one key; key the map by a concrete type, or by a string made from the value", expr, u.Type()))
	}
	return k
}

// lost panics for an assertion to an interface declared in a cell
// (cell.HelperLost) whose value the interpreter stored without its
// methods and that has the representation of typ, a cell type that
// implements the interface, and of another type.
func lost(expr, typ string) {
	panic(fmt.Sprintf("%s: the interpreter stored this value in an interface without its methods (straight from a composite literal, a conversion or a return), and cannot tell whether it is a %s or another type of its representation; store it from a variable (v := %[2]s(...); var x any = v), or assert to the concrete type", expr, typ))
}

// missed panics for an assertion to an interface declared in a cell
// (cell.HelperMissed) that the interpreter said false to where x is a
// compiled value with the interface's methods (Go says true): the
// interpreter cannot make it a value of the interface.
func (rt *runtime) missed(x any, methods, expr string) {
	v := reflect.ValueOf(x)
	if !v.IsValid() || rt.unwrapIface(v).Type() != v.Type() {
		return // nil, or a value of a cell type: the interpreter's answer
	}
	for _, m := range strings.Split(methods, ",") {
		if _, ok := v.Type().MethodByName(m); !ok {
			return
		}
	}
	to := "the concrete type (x.(" + v.Type().String() + ")), or to an interface of a package (fmt.Stringer, error)"
	if name := v.Type().String(); strings.ContainsAny(name[strings.LastIndexByte(name, '.')+1:][:1], "abcdefghijklmnopqrstuvwxyz") {
		to = "an interface of a package (fmt.Stringer, error; errors.Unwrap and errors.As for an error's chain)"
	}
	panic(fmt.Sprintf("%s: the interpreter cannot assert a value of the compiled type %s to an interface declared in a cell; assert to %s", expr, v.Type(), to))
}

// shape panics if x, which an assertion to a type that is not an
// interface matched (cell.HelperShape), has a representation that two
// types may have: the interpreter asserts by the representation, so the
// match may be of the other type. compiled says the type asserted is not
// a cell type, so that one cell type of x's representation is another.
func (rt *runtime) shape(x any, compiled bool, expr string) {
	v := rt.unwrapIface(reflect.ValueOf(x))
	if !v.IsValid() {
		return
	}
	t := v.Type()
	n := rt.count(t)
	if n == 0 && !compiled {
		// a slice, map, array, pointer or chan of a cell type ([]user):
		// its element's representation decides
		t, n = rt.sharedPart(t, 0)
	}
	if n > 1 || compiled && n == 1 {
		which := strings.Join(rt.namesOf(t), " and ")
		if n == 1 {
			which += " and " + t.String()
		}
		panic(fmt.Sprintf("%s: the interpreter cannot tell %s apart (a type declared in a cell has no runtime type of its own, only its representation), so the assertion may match the wrong one; give the cell type another shape (a struct with a field), or keep its values and those of the other type apart", expr, which))
	}
}

// namesOf returns the names of the session's types of the representation
// t, sorted ("main.customer", "main.user").
func (rt *runtime) namesOf(t reflect.Type) []string {
	concrete := rt.concrete.Load()
	if concrete == nil {
		return nil
	}
	var names []string
	for name, c := range *concrete {
		if c == t {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// sharedPart returns the first type that t is made of through pointers,
// slices, arrays, maps and chans that two of the session's types have as
// their representation, with that count, or t and its count if none is.
func (rt *runtime) sharedPart(t reflect.Type, depth int) (reflect.Type, int) {
	if n := rt.count(t); n > 1 || depth > 8 {
		return t, n
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
		return rt.sharedPart(t.Elem(), depth+1)
	case reflect.Map:
		if k, n := rt.sharedPart(t.Key(), depth+1); n > 1 {
			return k, n
		}
		return rt.sharedPart(t.Elem(), depth+1)
	}
	return t, rt.count(t)
}

// is reports whether the interface variable p points to holds a value of
// typ, a type declared in a cell with methods as yaegi names it
// ("main.Dog", "*main.Dog"), where an assertion to typ matched it
// (cell.HelperIs): yaegi v0.16.1 asserts by the representation, so a Cat
// of Dog's shape is a Dog to it. The answer is Go's where yaegi kept the
// value's type (dynamicType); where it did not, the value is a typ if no
// other of the session's types has its representation (as shape has
// it), else is panics, saying what to write, rather than guess. With must (an assertion without comma-ok)
// a value of another type panics as Go's assertion does, static being
// the asserted operand's type as Go prints it. expr is the assertion as
// the cell wrote it.
func (rt *runtime) is(p any, typ, static string, must bool, expr string) bool {
	name, ok := dynamicType(p)
	if ok && !rt.declared(name, reflect.ValueOf(p).Elem()) {
		// not a type of the session's that the value may have (yaegi
		// names a value asserted to an interface after the operand's
		// static type)
		ok = false
	}
	if !ok {
		// the shape's rule (see shape): a representation one of the
		// session's types has alone is that type's
		v := rt.unwrapIface(reflect.ValueOf(p).Elem())
		if !v.IsValid() {
			return false
		}
		t := v.Type()
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if rt.count(t) <= 1 {
			return true
		}
		panic(fmt.Sprintf("%s: the interpreter kept no type with this value (it went through compiled code, such as a list.List; an any got it from a tuple assignment or a return of several values, or from a cell that ran before another type of its shape was declared: run that cell again), and cannot tell a %s from another type of its representation; store it in the any from a variable of its type (v := T{...}; x = v), or hold it in an interface declared in a cell", expr, typ))
	}
	if name != typ && must {
		panic(fmt.Sprintf("interface conversion: %s is %s, not %s", static, name, typ))
	}
	return name == typ
}

// declared reports whether name is one of the session's types that are
// not interfaces ("main.Dog"), or a pointer to one ("*main.Dog"), and the
// value in the interface v is of its representation.
func (rt *runtime) declared(name string, v reflect.Value) bool {
	concrete := rt.concrete.Load()
	if concrete == nil {
		return false
	}
	t, ok := typeNamed(*concrete, name)
	if !ok {
		return false
	}
	u := rt.unwrapIface(v)
	return u.IsValid() && u.Type() == t
}

// count returns the number of the session's types of the representation t.
func (rt *runtime) count(t reflect.Type) int {
	shapes := rt.shapes.Load()
	if shapes == nil {
		return 0
	}
	return (*shapes)[t]
}

// ambiguous reports whether values of the representation t may be of two
// types: two types the cells declare have it, or one does and t is not a
// struct, so that a compiled value (2.0, time.Second, [2]int{}) has it
// too. (A struct type of a cell is taken to be the only type of its
// representation: an unnamed struct of the same fields is the exception,
// docs/known-limits.md.)
func (rt *runtime) ambiguous(t reflect.Type) bool {
	n := rt.count(t)
	return n > 1 || n == 1 && t.Kind() != reflect.Struct
}

// setShapes records the representations of the session's types, named by
// the types' names (namedTypes), for ambiguous, and the types that are
// not interfaces by name, for is.
func (rt *runtime) setShapes(named map[string]reflect.Type) {
	shapes := map[reflect.Type]int{}
	concrete := map[string]reflect.Type{}
	for name, t := range named {
		if t.Kind() != reflect.Interface {
			shapes[t]++
			concrete["main."+name] = t
		}
	}
	rt.shapes.Store(&shapes)
	rt.concrete.Store(&concrete)
}

// unique panics unless the type model found the types involved in expr
// (an errors.AsType that matched) unique of their representation, as of
// the cells up to gen, with nothing declared since.
func (rt *runtime) unique(unique bool, gen int, expr string) {
	switch {
	case unique && gen >= rt.typeGen:
	case unique:
		panic(fmt.Sprintf("%s: types were declared after the cell of this call ran, and the interpreter cannot tell apart types declared in cells that have the same representation; run that cell again", expr))
	default:
		panic(fmt.Sprintf("%s: the interpreter cannot tell apart types declared in cells that have the same representation (two error types of one underlying type); give each error type its own shape, or compare the messages", expr))
	}
}

// unwrapIface returns the value inside yaegi's wrappers of an interpreted
// value: a struct whose first field is IValue (held by a compiled
// interface), or interp.valueInterface (held by an interpreted one, whose
// field value is the reflect.Value of the value); else v itself.
func (rt *runtime) unwrapIface(v reflect.Value) reflect.Value {
	for v.IsValid() && v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || v.Kind() != reflect.Struct || v.NumField() == 0 {
		return v
	}
	t := v.Type()
	if isIfaceWrapper(t) {
		if r, ok := rt.kept.lookup(v); ok {
			return rt.unwrapIface(reflect.ValueOf(r)) // (kept.go)
		}
		return rt.unwrapIface(v.Field(0))
	}
	if inner, ok := valueInterfaceValue(v); ok {
		return rt.unwrapIface(inner)
	}
	return v
}

// valueInterfaceValue returns the value in v, a yaegi valueInterface, and
// whether v is one.
func valueInterfaceValue(v reflect.Value) (reflect.Value, bool) {
	for v.IsValid() && v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() {
		return v, false
	}
	t := v.Type()
	if isValueInterface(t) && t.NumField() == 2 {
		if f := t.Field(1); f.Name == "value" && f.Type == reflect.TypeFor[reflect.Value]() {
			// an unexported field: read from an addressable copy
			c := reflect.New(t).Elem()
			c.Set(v)
			return *(*reflect.Value)(unsafe.Pointer(c.Field(1).UnsafeAddr())), true
		}
	}
	return v, false
}

// isValueInterface reports whether t is yaegi v0.16.1's
// interp.valueInterface: its wrapper of a value of a cell type with
// methods held by an interpreted interface (or a []any), which compiled
// fmt prints as the wrapper's internals.
func isValueInterface(t reflect.Type) bool {
	return t != nil && t.Kind() == reflect.Struct && t.Name() == "valueInterface" && t.PkgPath() == yaegiInterp
}

// isIfaceWrapper reports whether t is one of yaegi v0.16.1's wrappers of
// an interface's methods around an interpreted value: a struct whose
// first field is IValue.
func isIfaceWrapper(t reflect.Type) bool {
	return t != nil && t.Kind() == reflect.Struct && t.NumField() > 0 && t.Field(0).Name == "IValue"
}

// yaegiInterp is the import path of the interpreter, whose valueInterface
// unwrapIface opens.
const yaegiInterp = "github.com/traefik/yaegi/interp"

// comparableIface reports whether the value in x, unwrapped as equal does,
// has a comparable type (errors.Is compares only then).
func (rt *runtime) comparableIface(x any) bool {
	v := rt.unwrapIface(reflect.ValueOf(x))
	return v.IsValid() && v.Type().Comparable()
}

// isMethod reports whether err, a compiled error, has an Is method that
// reports target (errors.Is's step; interpreted methods are the
// interpreter's to call).
func isMethod(err, target error) bool {
	x, ok := err.(interface{ Is(error) bool })
	return ok && x.Is(target)
}

// unwrapErr returns the errors a compiled error wraps: Unwrap() error or
// Unwrap() []error, as errors.Is walks them.
func unwrapErr(err error) []error {
	switch x := err.(type) {
	case interface{ Unwrap() error }:
		return []error{x.Unwrap()}
	case interface{ Unwrap() []error }:
		return x.Unwrap()
	}
	return nil
}
