package session

import (
	"reflect"
	goruntime "runtime"
	"sync"
	"unsafe"
	"weak"
)

// keptValues are the values of struct types declared in cells behind the
// interpreter's wrappers. yaegi v0.16.1 gives compiled code such a value,
// made an error (or another interface of a package), in a wrapper whose
// IValue field does not hold the value but the struct's last field, so an
// assertion to the struct type, errors.As and == saw that field. Package
// cell makes each conversion through a func literal that calls remember
// (cell.HelperRemember); lookup finds the value again.
//
// A wrapper is known by the func value of its first method, which yaegi
// makes once per conversion and which every copy of the interface value
// shares. An entry holds a weak pointer to that func, so that a func made
// later at a freed one's address is never taken for it, and it is dropped
// once the func is collected. The table is a session's: the values it
// keeps point into the session's interpreter, and the cleanups reach it
// only weakly, so a session dropped is collected with its table.
type keptValues struct {
	mu   sync.Mutex
	m    map[uintptr]keptValue
	self weak.Pointer[keptValues] // what the cleanups reach the table by
}

// keptValue is what remember kept for a wrapper.
type keptValue struct {
	fn weak.Pointer[byte]
	v  any
}

// wrapperFunc returns the address of the func value of the first method
// of x, one of yaegi's interface wrappers, or nil if x is not one.
func wrapperFunc(x reflect.Value) unsafe.Pointer {
	for x.IsValid() && x.Kind() == reflect.Interface {
		x = x.Elem()
	}
	if !x.IsValid() || !isIfaceWrapper(x.Type()) || x.NumField() < 2 || x.Field(1).Kind() != reflect.Func || x.Field(1).IsNil() {
		return nil
	}
	f := x.Field(1).Interface()
	// a func value is one pointer, to its closure: the data word of the
	// interface that holds it
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&f))[1]
}

// remember keeps v, a value of a cell type that the interpreter made the
// wrapper x from (cell.HelperRemember), where v is a struct with fields:
// the wrapper holds a pointer, a value of another kind and an empty struct
// right (and yaegi panics asserting an empty struct from the kept form).
func (k *keptValues) remember(x, v any) {
	p := wrapperFunc(reflect.ValueOf(x))
	if p == nil {
		return
	}
	if u, _ := valueInterfaceValue(reflect.ValueOf(v)); u.Kind() != reflect.Struct || u.NumField() == 0 {
		return // the wrapper holds it right
	}
	key := uintptr(p)
	k.mu.Lock()
	if k.m == nil {
		k.m, k.self = map[uintptr]keptValue{}, weak.Make(k)
	}
	k.m[key] = keptValue{weak.Make((*byte)(p)), v}
	wk := k.self
	k.mu.Unlock()
	goruntime.AddCleanup((*byte)(p), func(key uintptr) {
		k := wk.Value()
		if k == nil {
			return
		}
		k.mu.Lock()
		if e, ok := k.m[key]; ok && e.fn.Value() == nil {
			delete(k.m, key)
		}
		k.mu.Unlock()
	}, key)
}

// lookup returns the value remember kept for the wrapper x, if any.
func (k *keptValues) lookup(x reflect.Value) (any, bool) {
	p := wrapperFunc(x)
	if p == nil {
		return nil, false
	}
	k.mu.Lock()
	e, ok := k.m[uintptr(p)]
	k.mu.Unlock()
	if !ok || e.fn.Value() != (*byte)(p) {
		return nil, false
	}
	return e.v, true
}

// recall returns the value remember kept for the wrapper x, if any. It
// panics where x is a wrapper nothing was kept for that may hold a value
// of target's type (the zero value of the type an assertion asks for: a
// struct with fields, whose wrapper would hold one of its fields), so
// that the assertion would say false whatever x holds.
func (k *keptValues) recall(x, target any) (any, bool) {
	v, ok := k.lookup(reflect.ValueOf(x))
	if !ok && mayHold(x, target) {
		panic(unkeptMessage)
	}
	return v, ok
}

// recalled is the value remember kept for the wrapper x, or x itself
// (cell.HelperRecalled, asked by an assertion to target's struct type);
// it panics where x is a wrapper nothing was kept for that may hold one.
func (k *keptValues) recalled(x, target any) any {
	v, ok := k.lookup(reflect.ValueOf(x))
	switch {
	case ok:
		return v
	case mayHold(x, target):
		panic(unkeptMessage)
	}
	return x
}

// mayHold reports whether x, one of yaegi's wrappers that remember was
// not given (the interpreter made it where package cell could not see a
// conversion), may hold a struct of target's type with fields: what it
// holds in place of such a value is one of the struct's fields, so a
// value of another type than every field's is not one.
func mayHold(x, target any) bool {
	v, t := reflect.ValueOf(x), reflect.TypeOf(target)
	if !v.IsValid() || !isIfaceWrapper(v.Type()) || v.Type() == reflect.TypeFor[typedNil]() || t == nil || t.Kind() != reflect.Struct || t.NumField() == 0 {
		return false
	}
	held := v.Field(0)
	for held.Kind() == reflect.Interface && !held.IsNil() {
		held = held.Elem()
	}
	if !held.IsValid() || held.Kind() == reflect.Interface || held.Type() == t {
		return true
	}
	for i := range t.NumField() {
		if f := t.Field(i).Type; f == held.Type() || f.Kind() == reflect.Interface {
			return true
		}
	}
	return false
}

// unkeptMessage is recall's panic.
const unkeptMessage = "the interpreter made this interface value from a value of a type declared in a cell in a place where the kernel could not keep the value (a conversion inside a generic func, or of one result of a call that returns several), and cannot tell whether it holds a struct type of the cells; make the value an error or interface where it is written (var err error = v) and pass that on"

// typedNil is an error that holds a nil pointer of a cell type, made
// where the interpreter would make a nil error (cell.HelperTypedNil). Its
// fields are laid out as yaegi's wrappers are, so that an assertion to
// the pointer type finds IValue.
type typedNil struct {
	IValue any
	WError func() string
}

// Error calls the pointer's Error method.
func (e typedNil) Error() string { return e.WError() }
