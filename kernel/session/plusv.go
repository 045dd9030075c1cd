package session

import (
	"reflect"
	"strings"
)

// plusV returns v for fmt's %+v with the names of its struct fields as
// the cell wrote them. yaegi v0.16.1 gives a struct type declared in a
// cell an unexported field name as "X"+name in its runtime type, which
// %+v prints. The value returned has the same memory, seen through a type
// of the same layout whose fields are named again: "X"+n becomes n for
// each n in unexported (comma-separated, the unexported field names the
// type model found in v's type). Package cell calls it only for types
// without interfaces, methods or recursion, and where no exported field
// is named "X"+n; any other v is returned as it is.
func plusV(v any, unexported string) any {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return v
	}
	names := map[string]bool{}
	for _, n := range strings.Split(unexported, ",") {
		names[n] = true
	}
	nt, ok := renamedType(rv.Type(), names, 0)
	if !ok || nt == rv.Type() {
		return v
	}
	c := reflect.New(rv.Type())
	c.Elem().Set(rv)
	return reflect.NewAt(nt, c.UnsafePointer()).Elem().Interface()
}

// renamedType returns t with the struct fields "X"+n, n in names, named
// n, and whether it could be built (the depth bounds a recursive type,
// which package cell does not pass). Named (compiled) types are kept.
func renamedType(t reflect.Type, names map[string]bool, depth int) (nt reflect.Type, ok bool) {
	if depth > 32 {
		return t, false
	}
	if t.Name() != "" {
		return t, true
	}
	defer func() {
		if recover() != nil {
			nt, ok = t, false // reflect refused the type
		}
	}()
	switch t.Kind() {
	case reflect.Struct:
		fields := make([]reflect.StructField, t.NumField())
		changed := false
		for i := range fields {
			f := t.Field(i)
			if f.Anonymous {
				return t, false
			}
			ft, ok := renamedType(f.Type, names, depth+1)
			if !ok {
				return t, false
			}
			nf := reflect.StructField{Name: f.Name, Type: ft, Tag: f.Tag}
			if n, cut := strings.CutPrefix(f.Name, "X"); cut && names[n] {
				nf.Name, nf.PkgPath = n, "main"
			}
			changed = changed || nf.Name != f.Name || ft != f.Type
			fields[i] = nf
		}
		if !changed {
			return t, true
		}
		return reflect.StructOf(fields), true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		e, ok := renamedType(t.Elem(), names, depth+1)
		switch {
		case !ok || e == t.Elem():
			return t, ok
		case t.Kind() == reflect.Pointer:
			return reflect.PointerTo(e), true
		case t.Kind() == reflect.Slice:
			return reflect.SliceOf(e), true
		}
		return reflect.ArrayOf(t.Len(), e), true
	case reflect.Map:
		k, okK := renamedType(t.Key(), names, depth+1)
		e, okE := renamedType(t.Elem(), names, depth+1)
		if !okK || !okE || k == t.Key() && e == t.Elem() {
			return t, okK && okE
		}
		return reflect.MapOf(k, e), true
	}
	return t, true
}
