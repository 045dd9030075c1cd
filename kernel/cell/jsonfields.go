package cell

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strings"
)

// yaegi v0.16.1 builds a struct type declared in a cell with its
// unexported fields exported under another name ("priv" is "Xpriv"), so
// encoding/json, which skips unexported fields, wrote them out:
// json.Marshal(P{"a", 1}) was {"Name":"a","Xpriv":1}, Go's {"Name":"a"}.
// A field tagged `json:"-"` is skipped by both. And a cell type's
// MarshalJSON method is called only on the value passed itself: below it
// (json.Marshal([]R{…}), a field, an any) the interpreter hands encoding/json
// the bare value. Encoding such a value is refused before the cell runs.

// checkJSONFields refuses c, a call of json.Marshal, json.MarshalIndent
// or (*json.Encoder).Encode, when its value would show an unexported
// field of a cell type.
func checkJSONFields(m *model, c *ast.CallExpr) *refusal {
	if len(c.Args) == 0 || !isJSONEncode(m, c.Fun) {
		return nil
	}
	owner, why := jsonLeakExpr(m, c.Args[0], true)
	if owner == nil {
		return nil
	}
	q := types.RelativeTo(m.pkg)
	if name, ok := strings.CutPrefix(why, "method "); ok {
		return &refusal{c.Args[0].Pos(), fmt.Sprintf("encoding %s to JSON: encoding/json would not call the %s method of %s, which the interpreter hands it without its methods inside a slice, a map, a struct field or an interface; encode each %[3]s on its own (json.Marshal(v)) and put the results in a json.RawMessage, or encode the value itself",
			types.ExprString(c.Args[0]), name, types.TypeString(owner, q))}
	}
	field := strings.TrimPrefix(why, "field ")
	return &refusal{c.Args[0].Pos(), fmt.Sprintf("encoding %s to JSON: the interpreter exports the unexported field %s of %s (as X%[2]s), so encoding/json would write it, which Go does not; tag the field `json:\"-\"`, or encode a value without it",
		types.ExprString(c.Args[0]), field, types.TypeString(owner, q))}
}

// isJSONEncode reports whether fun is json.Marshal, json.MarshalIndent or
// the Encode method of a *json.Encoder.
func isJSONEncode(m *model, fun ast.Expr) bool {
	if isPkgFunc(m, fun, "encoding/json", "Marshal") || isPkgFunc(m, fun, "encoding/json", "MarshalIndent") {
		return true
	}
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := m.info.Selections[sel]
	return s != nil && s.Obj().Name() == "Encode" && s.Obj().Pkg() != nil && s.Obj().Pkg().Path() == "encoding/json"
}

// jsonLeakExpr is jsonLeak of e's type, except that the elements of a
// composite literal of interfaces (map[string]any{"a": 1}) are taken with
// the types of their values, which the model knows, not all that the
// interface may hold.
func jsonLeakExpr(m *model, e ast.Expr, top bool) (types.Type, string) {
	t := m.info.Types[e].Type
	if invalid(t) {
		return nil, ""
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return jsonLeak(m, t, top, map[types.Type]bool{})
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Map:
		elem = u.Elem()
		if o, why := jsonLeak(m, u.Key(), false, map[types.Type]bool{}); o != nil {
			return o, why
		}
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	}
	if elem == nil || !types.IsInterface(elem) {
		return jsonLeak(m, t, top, map[types.Type]bool{})
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		if o, why := jsonLeakExpr(m, el, false); o != nil {
			return o, why
		}
	}
	return nil, ""
}

// jsonLeak returns a type declared in a cell, reached from t (its
// elements, fields, and the cell types an interface may hold), that
// encoding/json would encode differently in the interpreter, and why: a
// struct with an unexported field that a `json:"-"` tag does not skip
// ("field priv"), or a type with a MarshalJSON or MarshalText method below
// the value passed (an element, a field, a value in an interface), which
// the interpreter hands over bare, without its methods ("method
// MarshalJSON"). top says t is the value passed: a cell type's method is
// called there.
func jsonLeak(m *model, t types.Type, top bool, seen map[types.Type]bool) (types.Type, string) {
	if seen[t] {
		return nil, ""
	}
	seen[t] = true
	named := t
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		named = p.Elem()
	}
	if n, ok := types.Unalias(named).(*types.Named); ok {
		if n.Obj().Pkg() == nil || n.Obj().Pkg() != m.pkg {
			return nil, "" // compiled types encode as in Go
		}
		for _, name := range []string{"MarshalJSON", "MarshalText"} {
			if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, n.Obj().Pkg(), name); obj != nil {
				if top {
					return nil, ""
				}
				return t, "method " + name
			}
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return jsonLeak(m, u.Elem(), top, seen)
	case *types.Slice:
		return jsonLeak(m, u.Elem(), false, seen)
	case *types.Array:
		return jsonLeak(m, u.Elem(), false, seen)
	case *types.Map:
		if o, why := jsonLeak(m, u.Key(), false, seen); o != nil {
			return o, why
		}
		return jsonLeak(m, u.Elem(), false, seen)
	case *types.Interface:
		if mentionsTypeParam(t) {
			return nil, ""
		}
		for _, c := range holdable(cellTypes(m), t) {
			if o, why := jsonLeak(m, c, false, seen); o != nil {
				return o, why
			}
		}
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Exported() || f.Embedded() {
				if o, why := jsonLeak(m, f.Type(), false, seen); o != nil {
					return o, why
				}
				continue
			}
			if reflect.StructTag(u.Tag(i)).Get("json") != "-" {
				return t, "field " + f.Name()
			}
		}
	}
	return nil, ""
}
