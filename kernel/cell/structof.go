package cell

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"path"
	"reflect"
)

// The struct types the cells declare (and struct literals' types) are
// built by yaegi v0.16.1 with reflect.StructOf, which exports unexported
// fields under another name (age becomes Xage) and embeds a field only
// where it is the struct's only one. What reads fields by name through
// reflect sees those names: the checks here refuse it.

// encodingFuncs are the funcs and methods of the standard library's
// reflection-based encoders that read or fill a value's struct fields by
// their names, by package path.
var encodingFuncs = map[string]map[string]bool{
	"encoding/json": {"Marshal": true, "MarshalIndent": true, "Unmarshal": true, "Encode": true, "Decode": true},
	"encoding/xml": {"Marshal": true, "MarshalIndent": true, "Unmarshal": true, "Encode": true, "Decode": true,
		"EncodeElement": true, "DecodeElement": true},
}

// checkEncoding refuses a call of encoding/json or encoding/xml (Marshal,
// Unmarshal, an Encoder's Encode, a Decoder's Decode, ...) with a value
// whose type holds a type of the cells with a method the encoder calls
// (MarshalJSON, UnmarshalText, ...: compiled code cannot call it), or a
// struct type of the cells with an unexported field or an embedded one
// beside other fields: yaegi v0.16.1 builds such types
// with reflect.StructOf, which exports the unexported field under another
// name (age becomes Xage, which json writes: {"Xage":3}) and does not
// embed an embedded field beside others (json writes "Base":{...} where
// Go writes Base's fields in its place). A field tagged with the
// encoder's "-" is skipped by both, so it is allowed.
func checkEncoding(m *model, c *ast.CallExpr) *refusal {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || m.pkg == nil {
		return nil
	}
	fn, ok := m.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || !encodingFuncs[fn.Pkg().Path()][fn.Name()] {
		return nil
	}
	key := path.Base(fn.Pkg().Path())
	for _, a := range c.Args {
		t := m.info.Types[a].Type
		if t == nil {
			continue
		}
		st, field, method := interpretedField(m, t, key, map[types.Type]bool{})
		if field == nil && method == "" {
			continue
		}
		what := types.TypeString(t, types.RelativeTo(m.pkg))
		in := types.TypeString(st, types.RelativeTo(m.pkg))
		switch {
		case method != "":
			return &refusal{a.Pos(), fmt.Sprintf("%s.%s of a %s: compiled encoding/%s cannot call the %s method of %s, a type declared in a cell (the interpreter hands it the bare value), so it would encode or decode the value's own fields where Go calls the method; call the method yourself (v.%s(…)) and encode or decode what it gives",
				key, fn.Name(), what, key, method, in, method)}
		case field.Embedded():
			return &refusal{a.Pos(), fmt.Sprintf("%s.%s of a %s, whose struct type %s embeds %s beside other fields: the interpreter builds it as a field named %s, so encoding/%s would see one field %s where Go sees %s's fields in its place; write %s's fields in the struct itself",
				key, fn.Name(), what, in, field.Name(), field.Name(), key, field.Name(), field.Name(), field.Name())}
		}
		return &refusal{a.Pos(), fmt.Sprintf("%s.%s of a %s, whose struct type %s has the unexported field %s: the interpreter exports it as X%s, so encoding/%s would read or write it where Go skips it; tag the field `%s:\"-\"` (Go skips it too), or export it (%s)",
			key, fn.Name(), what, in, field.Name(), field.Name(), key, key, exported(field.Name()))}
	}
	return nil
}

// encoderMethods are the methods each encoder calls on the values it
// encodes or decodes, by the encoder's tag key.
var encoderMethods = map[string][]string{
	"json": {"MarshalJSON", "UnmarshalJSON", "MarshalText", "UnmarshalText"},
	"xml":  {"MarshalXML", "UnmarshalXML", "MarshalXMLAttr", "UnmarshalXMLAttr", "MarshalText", "UnmarshalText"},
}

// interpretedField returns the first field of a struct type the
// interpreter builds (declared in a cell, or a struct literal's type)
// within t that encoding's key would see otherwise than Go (see
// checkEncoding), with the struct type that has it; or the first type
// declared in a cell within t with a method the encoder calls, with the
// method's name; nil and "" if none.
func interpretedField(m *model, t types.Type, key string, seen map[types.Type]bool) (types.Type, *types.Var, string) {
	if seen[t] {
		return nil, nil, ""
	}
	seen[t] = true
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		if u.Obj().Pkg() == nil || u.Obj().Pkg().Path() != "main" {
			return nil, nil, "" // a compiled package's type: its fields are Go's
		}
		for _, name := range encoderMethods[key] {
			for _, mt := range []types.Type{u, types.NewPointer(u)} {
				if types.NewMethodSet(mt).Lookup(m.pkg, name) != nil {
					return u, nil, name
				}
			}
		}
		st, f, method := interpretedField(m, u.Underlying(), key, seen)
		if st == u.Underlying() {
			st = u
		}
		return st, f, method
	case *types.Pointer:
		return interpretedField(m, u.Elem(), key, seen)
	case *types.Slice:
		return interpretedField(m, u.Elem(), key, seen)
	case *types.Array:
		return interpretedField(m, u.Elem(), key, seen)
	case *types.Map:
		if st, f, method := interpretedField(m, u.Key(), key, seen); f != nil || method != "" {
			return st, f, method
		}
		return interpretedField(m, u.Elem(), key, seen)
	case *types.Struct:
		for i := range u.NumFields() {
			f := u.Field(i)
			if reflect.StructTag(u.Tag(i)).Get(key) == "-" || f.Pkg() == nil || f.Pkg().Path() != "main" {
				continue
			}
			// yaegi marks a field embedded only where it is the only one
			if f.Embedded() && u.NumFields() > 1 || !f.Embedded() && !f.Exported() {
				return u, f, ""
			}
			if st, g, method := interpretedField(m, f.Type(), key, seen); g != nil || method != "" {
				return st, g, method
			}
		}
	}
	return nil, nil, ""
}

// checkFieldByName refuses reflect's FieldByName (of a Value or a Type)
// with a constant unexported name: an unexported field of a struct type
// of the cells has another name in the interpreter, so the lookup finds
// nothing (an invalid Value, where Go finds the field).
func checkFieldByName(m *model, c *ast.CallExpr) *refusal {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || len(c.Args) != 1 {
		return nil
	}
	fn, ok := m.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "reflect" || fn.Name() != "FieldByName" {
		return nil
	}
	v := m.info.Types[c.Args[0]].Value
	if v == nil || v.Kind() != constant.String {
		return nil
	}
	name := constant.StringVal(v)
	if name == "" || ast.IsExported(name) {
		return nil
	}
	return &refusal{c.Args[0].Pos(), fmt.Sprintf("reflect's FieldByName(%q) does not find the unexported field %s of a struct type declared in a cell: the interpreter names it X%s; read the field itself (x.%s), find it by its index (Field(i)), or export it (%s)",
		name, name, name, name, exported(name))}
}

// encodingNames are the names of encodingFuncs and FieldByName, for
// needsModel.
var encodingNames = func() map[string]bool {
	names := map[string]bool{"FieldByName": true}
	for _, fs := range encodingFuncs {
		for n := range fs {
			names[n] = true
		}
	}
	return names
}()

// exported returns name with its first letter upper case.
func exported(name string) string {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return name
	}
	return string(name[0]-'a'+'A') + name[1:]
}
