package cell

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
)

// encoders are the reflection-based encoders that skip unexported struct
// fields, by package path: their funcs and methods that take the value, and
// the index of that argument.
var encoders = map[string]map[string]int{
	"encoding/json": {"Marshal": 0, "MarshalIndent": 0, "Unmarshal": 1, "Encode": 0, "Decode": 0},
	"encoding/xml":  {"Marshal": 0, "MarshalIndent": 0, "Unmarshal": 1, "Encode": 0, "Decode": 0},
}

// checkEncodeFields refuses a value of a struct type declared in a cell
// with unexported fields given to encoding/json or encoding/xml: yaegi
// v0.16.1 builds the type with those fields exported as "X"+name, so the
// encoder writes and reads them where Go skips them.
func checkEncodeFields(m *model, c *ast.CallExpr) *refusal {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	var pkg string
	if id, ok := sel.X.(*ast.Ident); ok {
		if pn, ok := m.info.Uses[id].(*types.PkgName); ok {
			pkg = pn.Imported().Path()
		}
	}
	if s := m.info.Selections[sel]; s != nil && s.Obj().Pkg() != nil {
		pkg = s.Obj().Pkg().Path()
	}
	i, ok := encoders[pkg][sel.Sel.Name]
	if !ok || i >= len(c.Args) {
		return nil
	}
	t := m.info.Types[c.Args[i]].Type
	if t == nil {
		return nil
	}
	typ, field := hiddenField(t, map[types.Type]bool{}, pkg[len("encoding/"):])
	if field == "" {
		return nil
	}
	return &refusal{c.Args[i].Pos(), fmt.Sprintf("%s.%s of %s: the interpreter builds %s, a type declared in a cell, with its unexported field %s exported (as X%[5]s), so %[1]s would encode and decode it where Go skips it; export the field, or tag it `%[1]s:\"-\"`",
		types.ExprString(sel.X), sel.Sel.Name, types.ExprString(c.Args[i]), typ, field)}
}

// hiddenField returns a struct type declared in a cell reachable from t
// through pointers, slices, arrays, maps and the fields an encoder
// follows, and one of its unexported fields that tag does not skip.
func hiddenField(t types.Type, seen map[types.Type]bool, tag string) (typ, field string) {
	if seen[t] {
		return "", ""
	}
	seen[t] = true
	if n, ok := types.Unalias(t).(*types.Named); ok && (n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main") {
		return "", "" // a compiled type keeps its unexported fields
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return hiddenField(u.Elem(), seen, tag)
	case *types.Slice:
		return hiddenField(u.Elem(), seen, tag)
	case *types.Array:
		return hiddenField(u.Elem(), seen, tag)
	case *types.Map:
		return hiddenField(u.Elem(), seen, tag)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if reflect.StructTag(u.Tag(i)).Get(tag) == "-" {
				continue
			}
			if !f.Exported() && !f.Embedded() {
				return types.TypeString(t, func(*types.Package) string { return "" }), f.Name()
			}
			if typ, field := hiddenField(f.Type(), seen, tag); field != "" {
				return typ, field
			}
		}
	}
	return "", ""
}
