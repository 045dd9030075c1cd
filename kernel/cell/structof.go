package cell

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
)

// The struct types the cells declare (and struct literals' types) are
// built by yaegi v0.16.1 with reflect.StructOf, which exports unexported
// fields under another name (age becomes Xage) and embeds a field only
// where it is the struct's only one. What reads fields by name through
// reflect sees those names: the checks here refuse it.

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

// exported returns name with its first letter upper case.
func exported(name string) string {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return name
	}
	return string(name[0]-'a'+'A') + name[1:]
}
