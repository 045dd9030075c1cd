package session

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/gocurve/gocurve/kernel/cell"
)

// forward is the compiled half of cell.HelperForward: the operands xs of
// a print call that forwards a []any a cell built, as compiled fmt must
// get them to print what Go prints with format (m, a cell.ForwardMode:
// how the call reads them). methods are, for the wrapped operands
// (isValueInterface), the operand's Error or String method where it has
// one (nil when no operand is wrapped). Where fmt would print a type's
// name (%T, %#v, a bad verb, an extra operand) of a value that may be of
// a type declared in a cell, or renamed fields (%+v), forward panics
// saying what to write instead: fmt would print the interpreter's names.
func (rt *runtime) forward(format string, m int, xs []any, methods []func() string) []any {
	mode := cell.ForwardMode(m) // (the prelude passes an int)
	local := rt.localTypes.Load()
	var verbs []string
	known := mode == cell.ForwardPrint
	if mode == cell.ForwardPrintf {
		verbs, known = cell.OperandVerbs(format)
	}
	out := xs
	for i, x := range xs {
		verb := "v" // Print's
		switch {
		case !known:
			verb = ""
		case mode == cell.ForwardPrintf && i < len(verbs):
			verb = verbs[i]
		case mode == cell.ForwardPrintf:
			verb = "" // an extra operand: %!(EXTRA type=value)
		}
		if verb == "*" {
			continue // a width or precision: an int, or fmt says BADWIDTH with its type
		}
		v, changed := x, false
		if isValueInterface(reflect.TypeOf(x)) {
			var method func() string
			if methods != nil {
				method = methods[i]
			}
			bare := rt.unwrapIface(reflect.ValueOf(x))
			switch {
			case method != nil && stringVerb(verb):
				text, ok := methodText(method)
				switch {
				case ok:
					v, changed = text, true
				case bare.Kind() == reflect.Pointer && bare.IsNil():
					v, changed = nil, true // fmt prints a nil receiver's panic as <nil>
				default:
					panic(forwardRefusal(verb, "a value whose Error or String method panicked when called for fmt (or that the interpreter could not call from here)"))
				}
			case method == nil && rt.printer(&xs[i]):
				// the prelude's assertion missed the method (it was
				// declared after the prelude: yaegi v0.16.1)
				panic(forwardRefusal(verb, "a value with an Error or String method"))
			case !bare.IsValid() || !bare.CanInterface():
				panic(forwardRefusal(verb, "a value of a type declared in a cell"))
			default:
				v, changed = bare.Interface(), true // printed as fmt prints its representation
			}
		} else if stringVerb(verb) && rt.holdsPrinter(reflect.TypeOf(x), 0) {
			panic(forwardRefusal(verb, "a value that may be (or hold) a value of a type declared in a cell with an Error or String method"))
		}
		if typeShown(verb, v) && rt.mayBeCellType(reflect.TypeOf(v), local) {
			panic(forwardRefusal(verb, "a value that may be of a type declared in a cell"))
		}
		if strings.Contains(verb, "+") && strings.HasSuffix(verb, "v") {
			if names := renamedFields(reflect.TypeOf(v), 0); len(names) > 0 {
				pv := plusV(v, strings.Join(names, ","))
				if reflect.TypeOf(pv) == reflect.TypeOf(v) {
					panic(forwardRefusal(verb, "a struct of a cell with unexported fields"))
				}
				v, changed = pv, true
			}
		}
		if changed {
			if &out[0] == &xs[0] {
				out = slices.Clone(xs)
			}
			out[i] = v
		}
	}
	return out
}

// methodText is what method (an Error or String method) returns as fmt
// prints it, and false if it panics.
func methodText(method func() string) (t any, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return text{method()}, true
}

// printer reports whether the interface p points to holds a value of one
// of the session's types with an Error or String method (runtime.printers),
// by the type yaegi keeps beside it; when it keeps none, whether the
// session has such types at all.
func (rt *runtime) printer(p *any) bool {
	printers := rt.printers.Load()
	if printers == nil {
		return false
	}
	name, ok := dynamicType(p)
	if !ok {
		return len(*printers) > 0
	}
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i] // an instance of a generic type
	}
	return (*printers)[name]
}

// holdsPrinter reports whether a value of the runtime type t may be, or
// hold where fmt would call its methods (an element, a pointer's target,
// an exported field), a value of one of the session's types with an
// Error or String method: t is the representation of one of them.
func (rt *runtime) holdsPrinter(t reflect.Type, depth int) bool {
	printers, concrete := rt.printers.Load(), rt.concrete.Load()
	if t == nil || printers == nil || concrete == nil || len(*printers) == 0 || depth > 8 {
		return false
	}
	for name := range *printers {
		if pt, ok := typeNamed(*concrete, name); ok && pt == t {
			return true
		}
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return rt.holdsPrinter(t.Elem(), depth+1)
	case reflect.Map:
		return rt.holdsPrinter(t.Key(), depth+1) || rt.holdsPrinter(t.Elem(), depth+1)
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && rt.holdsPrinter(f.Type, depth+1) {
				return true
			}
		}
	}
	return false
}

// stringVerb reports whether fmt prints an operand with verb (as
// OperandVerbs gives it) by its Error or String method.
func stringVerb(verb string) bool {
	if verb == "" || strings.Contains(verb, "#") {
		return false
	}
	return strings.ContainsRune("vsqxX", rune(verb[len(verb)-1]))
}

// typeShown reports whether fmt prints the type of v with verb: %T, %#v,
// an unknown verb, or a verb fmt finds bad for v (%!d(string=x)).
func typeShown(verb string, v any) bool {
	if verb == "" || verb == "T" || strings.Contains(verb, "#") {
		return true
	}
	return strings.Contains(fmt.Sprintf("%"+strings.ReplaceAll(verb, "*", ""), v), "%!")
}

// mayBeCellType reports whether a value of the runtime type t may be of a
// type declared in a cell, whose name fmt does not know: an unnamed type
// (a struct the interpreter built for one), an interpreter's wrapper, or
// a predeclared one that is the representation of a type of the session
// (runtime.shapes), or, with local, of any type (a cell declared types in
// a func's body, which shapes does not know: runtime.localTypes).
func (rt *runtime) mayBeCellType(t reflect.Type, local bool) bool {
	if t == nil {
		return false
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		if t.Name() == "" {
			return rt.mayBeCellType(t.Elem(), local)
		}
	case reflect.Map:
		if t.Name() == "" {
			return rt.mayBeCellType(t.Key(), local) || rt.mayBeCellType(t.Elem(), local)
		}
	}
	switch {
	case t.PkgPath() == yaegiInterp || isIfaceWrapper(t):
		return true
	case t.Name() == "":
		return t.Kind() == reflect.Struct || t.Kind() == reflect.Func || t.Kind() == reflect.Interface
	case t.PkgPath() == "":
		return local || rt.count(t) > 0 // int, string: a cell's type Celsius float64 is a float64 to fmt
	}
	return false
}

// renamedFields are the names, as written, of the unexported fields of
// the structs in t that a cell declared (fieldTagEdits tags them; the
// interpreter names them "X"+name).
func renamedFields(t reflect.Type, depth int) []string {
	if t == nil || depth > 8 {
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return renamedFields(t.Elem(), depth+1)
	case reflect.Map:
		return append(renamedFields(t.Key(), depth+1), renamedFields(t.Elem(), depth+1)...)
	case reflect.Struct:
		var names []string
		for i := range t.NumField() {
			f := t.Field(i)
			if _, ok := f.Tag.Lookup(cell.WrittenTagKey); ok && strings.HasPrefix(f.Name, "X") {
				names = append(names, f.Name[1:])
			}
			names = append(names, renamedFields(f.Type, depth+1)...)
		}
		return names
	}
	return nil
}

// forwardRefusal is the message of forward's panic for an operand printed
// with verb.
func forwardRefusal(verb, what string) string {
	how := "%" + verb
	if verb == "" {
		how = "a format the call computes, or an extra operand,"
	}
	return fmt.Sprintf("printing %s through a []any passed on to fmt (fmt.Sprintf(format, args...)) with %s: the interpreter gives fmt its own form of such a value, not Go's; format the value where it is written (fmt.Sprintf(\"%%v\", v) or v.String()) and pass the string on", what, how)
}
