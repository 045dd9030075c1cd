package debug

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// maxValue bounds a value's one-line text; maxChildren the parts shown of
// a slice, array or map.
const (
	maxValue    = 200
	maxChildren = 100
)

// describe makes a DAP variable of a value; a value with parts gets a
// variablesReference for them. d.mu is held.
func (d *Debugger) describe(name string, v reflect.Value) Variable {
	dv := Variable{Name: name, EvaluateName: name, Value: formatValue(v), Type: typeName(v)}
	if basic(v) && dv.Type != "int" {
		// JupyterLab's variable tree shows the value only for Python's type
		// names (int, float, bool, str) and else the type: a float64 would
		// show as "float64". Without a type it shows the value.
		dv.Type = ""
	}
	if hasParts(v) {
		dv.Ref = d.addRef(ref{value: v})
	}
	return dv
}

// basic reports whether v is a boolean, number or string.
func basic(v reflect.Value) bool {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Bool, reflect.String, reflect.Complex64, reflect.Complex128, reflect.Float32, reflect.Float64,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

func typeName(v reflect.Value) string {
	if !v.IsValid() {
		return "nil"
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		return v.Elem().Type().String()
	}
	return v.Type().String()
}

// formatValue is a value on one line: numbers as Go prints them, a matrix
// by its size and first elements, anything else as %v, cut at maxValue.
func formatValue(v reflect.Value) string {
	if !v.IsValid() {
		return "nil"
	}
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	var s string
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		s = strconv.FormatFloat(v.Float(), 'g', -1, v.Type().Bits())
	case reflect.String:
		s = strconv.Quote(v.String())
	default:
		if m, ok := asMatrix(v); ok {
			r, c := m.Dims()
			s = fmt.Sprintf("%d×%d %s", r, c, strings.Join(strings.Fields(fmt.Sprintf("%v", mat.Formatted(m, mat.Squeeze()))), " "))
		} else {
			s = fmt.Sprintf("%v", v)
		}
	}
	if r := []rune(s); len(r) > maxValue {
		s = string(r[:maxValue-1]) + "…"
	}
	return s
}

func asMatrix(v reflect.Value) (mat.Matrix, bool) {
	if !v.CanInterface() || (v.Kind() == reflect.Ptr && v.IsNil()) {
		return nil, false
	}
	m, ok := v.Interface().(mat.Matrix)
	return m, ok
}

func hasParts(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	if _, ok := asMatrix(v); ok {
		return false // shown whole by its value and by richInspectVariables
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Ptr:
		return !v.IsNil() && hasParts(v.Elem())
	case reflect.Struct:
		return v.NumField() > 0
	case reflect.Slice, reflect.Array, reflect.Map:
		return v.Len() > 0
	}
	return false
}

// children are a value's parts: fields, elements (the first maxChildren)
// or map entries in key order. d.mu is held.
func (d *Debugger) children(v reflect.Value) []Variable {
	for (v.Kind() == reflect.Interface || v.Kind() == reflect.Ptr) && !v.IsNil() {
		v = v.Elem()
	}
	var out []Variable
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			out = append(out, d.describe(v.Type().Field(i).Name, v.Field(i)))
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < min(v.Len(), maxChildren); i++ {
			out = append(out, d.describe("["+strconv.Itoa(i)+"]", v.Index(i)))
		}
		if v.Len() > maxChildren {
			out = append(out, Variable{Name: "…", Value: fmt.Sprintf("%d more", v.Len()-maxChildren)})
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for i, k := range keys {
			if i == maxChildren {
				out = append(out, Variable{Name: "…", Value: fmt.Sprintf("%d more", len(keys)-maxChildren)})
				break
			}
			out = append(out, d.describe(fmt.Sprintf("[%v]", k), v.MapIndex(k)))
		}
	}
	return out
}
