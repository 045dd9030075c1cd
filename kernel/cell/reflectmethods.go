package cell

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// reflectMethodNames are the methods of reflect.Value and reflect.Type that
// answer from a type's method set. yaegi v0.16.1 builds the runtime types
// of the cells' types without their methods, so for a value of such a
// type with methods they answer as for a type without any (NumMethod 0,
// MethodByName invalid, Implements false) where Go finds the methods.
var reflectMethodNames = map[string]bool{"Method": true, "MethodByName": true, "NumMethod": true, "Implements": true}

// checkReflectMethods records c, a call of a reflectMethodNames method of a
// reflect.Value or reflect.Type, while the cells declare types with
// exported methods: its receiver is checked when it runs (HelperMethods,
// HelperTypeMethods), which panics where it describes one of those types,
// saying what to write instead. Implements is a method of reflect.Type
// only; a reflect.Value's NumMethod of an interface value asks the
// interface's, which the check lets through.
func (p *parse) checkReflectMethods(m *model, c *ast.CallExpr) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || !reflectMethodNames[sel.Sel.Name] || m.pkg == nil {
		return
	}
	helper := ""
	switch t := m.info.Types[sel.X].Type; {
	case t == nil:
		return
	case isNamedIn(t, "reflect", "Value") && sel.Sel.Name != "Implements":
		helper = HelperMethods
	case isNamedIn(t, "reflect", "Type"):
		helper = HelperTypeMethods
	default:
		return
	}
	names := methodTypeNames(m)
	if names == "" {
		return
	}
	if p.reflectMethods == nil {
		p.reflectMethods = map[ast.Expr]reflectMethods{}
	}
	p.reflectMethods[sel.X] = reflectMethods{helper: helper, types: names, expr: types.ExprString(c)}
}

// reflectMethods is a receiver recorded by checkReflectMethods: the helper
// that checks it, the cell types with exported methods as the
// interpreter names them ("main.user,*main.node"), and the call as the
// cell wrote it.
type reflectMethods struct {
	helper, types, expr string
}

// edits wraps x, the recorded receiver, in the call of its helper.
func (r reflectMethods) edits(p *parse, x ast.Expr) []edit {
	s, e := p.span(x)
	return []edit{{s, s, r.helper + "("}, {e, e, ", " + strconv.Quote(r.types) + ", " + strconv.Quote(r.expr) + ")"}}
}

// methodTypeNames returns the cell types (not generic, not interfaces)
// whose method sets have an exported method, and pointers to them whose
// method sets do, as the interpreter names them, comma-separated.
func methodTypeNames(m *model) string {
	var names []string
	for _, t := range cellTypes(m) {
		ms := types.NewMethodSet(t)
		for i := range ms.Len() {
			if ms.At(i).Obj().Exported() {
				names = append(names, goTypeName(m, t))
				break
			}
		}
	}
	slices.Sort(names)
	return strings.Join(names, ",")
}

// checkTemplateExec records c, a call of Execute or ExecuteTemplate of a
// text/template or html/template Template, while the cells declare types
// with exported methods: compiled templates find the fields of the
// interpreter's values but not their methods ({{.Total}} of a method:
// "can't evaluate field Total", which a program prints as its output).
// The receiver is checked when it runs (HelperTextTemplate,
// HelperHTMLTemplate), which panics where a template names one of those
// methods.
func (p *parse) checkTemplateExec(m *model, c *ast.CallExpr) {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Execute" && sel.Sel.Name != "ExecuteTemplate" || m.pkg == nil {
		return
	}
	ptr, ok := types.Unalias(m.info.Types[sel.X].Type).(*types.Pointer)
	if !ok {
		return
	}
	helper := ""
	switch t := ptr.Elem(); {
	case isNamedIn(t, "text/template", "Template"):
		helper = HelperTextTemplate
	case isNamedIn(t, "html/template", "Template"):
		helper = HelperHTMLTemplate
	default:
		return
	}
	var methods []string
	for _, t := range cellTypes(m) {
		_, ptr := t.(*types.Pointer)
		ms := types.NewMethodSet(t)
		for i := range ms.Len() {
			o := ms.At(i).Obj()
			_, ptrRecv := o.Type().(*types.Signature).Recv().Type().(*types.Pointer)
			if o.Exported() && ptr == ptrRecv { // each method once, by its receiver
				methods = append(methods, o.Name()+":"+goTypeName(m, t))
			}
		}
	}
	if len(methods) == 0 {
		return
	}
	slices.Sort(methods)
	if p.reflectMethods == nil {
		p.reflectMethods = map[ast.Expr]reflectMethods{}
	}
	p.reflectMethods[sel.X] = reflectMethods{helper: helper, types: strings.Join(methods, ","), expr: types.ExprString(c)}
}
