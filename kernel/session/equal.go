package session

import (
	"fmt"
	"reflect"
	"unsafe"
)

// equal is == for a comparison that package cell rewrote because an
// operand is an interface that may hold a type declared in a cell with
// methods (cell.HelperEqual). yaegi v0.16.1 compares such values by their
// interpreter wrappers and finds them unequal whatever they hold; it also
// hands compiled code their representation (struct{ S float64 }, int),
// not their type, so two cell types of one shape look alike here.
//
// The result is Go's where the representations decide it: nil against
// non-nil, different representations or different values are unequal.
// Equal values of one representation are equal only when unique says that
// no other type the operands may hold has that representation (the type
// model knew, as of the cells up to gen); otherwise the comparison panics
// with a message that says what to write instead, never a wrong bool.
// expr is the comparison as the cell wrote it.
func (rt *runtime) equal(a, b any, unique bool, gen int, expr string) bool {
	va, vb := unwrapIface(reflect.ValueOf(a)), unwrapIface(reflect.ValueOf(b))
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
	switch {
	case unique && gen >= rt.typeGen:
		return true
	case unique:
		panic(fmt.Sprintf("%s: types were declared after the cell of this comparison ran, and the interpreter cannot tell whether two equal values of cell types are of the same type; run that cell again, or compare concrete values: v, ok := x.(T); ok && v == w", expr))
	}
	panic(fmt.Sprintf("%s: the interpreter cannot tell whether two equal values are of the same type (two types declared in cells, or a cell type and a compiled one, have the same representation); compare concrete values instead: v, ok := x.(T); ok && v == w", expr))
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
func unwrapIface(v reflect.Value) reflect.Value {
	for v.IsValid() && v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || v.Kind() != reflect.Struct || v.NumField() == 0 {
		return v
	}
	t := v.Type()
	if t.Field(0).Name == "IValue" {
		return unwrapIface(v.Field(0))
	}
	if t.Name() == "valueInterface" && t.PkgPath() == yaegiInterp && t.NumField() == 2 {
		if f := t.Field(1); f.Name == "value" && f.Type == reflect.TypeFor[reflect.Value]() {
			// an unexported field: read from an addressable copy
			c := reflect.New(t).Elem()
			c.Set(v)
			inner := *(*reflect.Value)(unsafe.Pointer(c.Field(1).UnsafeAddr()))
			return unwrapIface(inner)
		}
	}
	return v
}

// yaegiInterp is the import path of the interpreter, whose valueInterface
// unwrapIface opens.
const yaegiInterp = "github.com/traefik/yaegi/interp"

// comparableIface reports whether the value in x, unwrapped as equal does,
// has a comparable type (errors.Is compares only then).
func comparableIface(x any) bool {
	v := unwrapIface(reflect.ValueOf(x))
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
