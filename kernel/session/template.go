package session

import (
	"fmt"
	htemplate "html/template"
	"strings"
	ttemplate "text/template"
	"text/template/parse"
)

// Templates over the cells' values. Compiled text/template and
// html/template reach a value's fields and methods by reflect, and yaegi
// v0.16.1 builds the runtime types of the cells' types without their
// methods: {{.Total}} of a method Total fails with "can't evaluate field
// Total", an error a program prints as part of its output. So a template
// executed while the cells declare exported methods is read first
// (cell.HelperTextTemplate, cell.HelperHTMLTemplate), and one that names
// one of those methods is refused with what to write instead.

// textTemplate returns t once its templates name none of methods.
func textTemplate(t *ttemplate.Template, methods, expr string) *ttemplate.Template {
	for _, tt := range t.Templates() {
		checkTemplate(tt.Name(), tt.Tree, methods, expr, "text/template")
	}
	return t
}

// htmlTemplate returns t once its templates name none of methods.
func htmlTemplate(t *htemplate.Template, methods, expr string) *htemplate.Template {
	for _, tt := range t.Templates() {
		checkTemplate(tt.Name(), tt.Tree, methods, expr, "html/template")
	}
	return t
}

// checkTemplate panics where the template's tree names a field or method
// (.Name, $x.Name, (f).Name) that is one of methods, a comma-separated
// list of "Method:type".
func checkTemplate(name string, tree *parse.Tree, methods, expr, pkg string) {
	if tree == nil {
		return
	}
	of := map[string]string{}
	for _, mt := range strings.Split(methods, ",") {
		if m, t, ok := strings.Cut(mt, ":"); ok && of[m] == "" {
			of[m] = t
		}
	}
	check := func(idents []string) {
		for _, id := range idents {
			if t, ok := of[id]; ok {
				panic(fmt.Sprintf("%s: template %q names .%s, a method of %s, a type declared in a cell: compiled %s finds the fields of the interpreter's values but not their methods; put the method's result in a field or a map before Execute, or pass the method as a func with Funcs",
					expr, name, id, t, pkg))
			}
		}
	}
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			check(n.Ident)
		case *parse.ChainNode:
			walk(n.Node)
			check(n.Field)
		case *parse.VariableNode:
			check(n.Ident[1:])
		case *parse.IfNode:
			walkBranch(walk, &n.BranchNode)
		case *parse.RangeNode:
			walkBranch(walk, &n.BranchNode)
		case *parse.WithNode:
			walkBranch(walk, &n.BranchNode)
		case *parse.TemplateNode:
			walk(n.Pipe)
		}
	}
	walk(tree.Root)
}

func walkBranch(walk func(parse.Node), b *parse.BranchNode) {
	walk(b.Pipe)
	walk(b.List)
	walk(b.ElseList)
}
