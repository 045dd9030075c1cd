package cell

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
)

func (p *parse) declaresMethod(name string) bool {
	found := false
	for _, d := range p.ast.Decls {
		if f, ok := d.(*ast.FuncDecl); ok && f.Recv != nil && f.Name.Name == name {
			found = true
		}
	}
	return found || p.opts.Shadowed["."+name]
}

// methodRecv is the receiver type of the method sel selects, as its
// package path and name ("gonum.org/v1/plot.Plot"), from the type model;
// "" when sel is not a method of a named type or the model does not know.
func (p *parse) methodRecv(sel *ast.SelectorExpr) string {
	m := p.typeModel()
	if m == nil {
		return ""
	}
	s := m.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return ""
	}
	recv := s.Obj().(*types.Func).Type().(*types.Signature).Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	return named.Obj().Pkg().Path() + "." + named.Obj().Name()
}

// methodExpr rewrites a method expression (*T).M or T.M of a method the
// session or the cell declares into a func literal calling the method.
func (p *parse) methodExpr(x *ast.SelectorExpr) *edit {
	recv := x.X
	star := ""
	if pe, ok := recv.(*ast.ParenExpr); ok {
		if se, ok := pe.X.(*ast.StarExpr); ok {
			recv, star = se.X, "*"
		}
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return nil
	}
	sig := p.methodSig(id.Name, x.Sel.Name)
	if sig == "" {
		return nil
	}
	if star == "" {
		// T.M is only a method expression if T is a type, not a variable.
		if !p.namesType(id) || p.opts.Shadowed[id.Name] && p.opts.Methods[id.Name+"."+x.Sel.Name] == "" {
			return nil
		}
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", "package p;"+sig+"{}", 0)
	if err != nil || len(f.Decls) != 1 {
		return nil
	}
	fd, ok := f.Decls[0].(*ast.FuncDecl)
	if !ok || fd.Recv == nil {
		return nil
	}
	text := func(n ast.Node) string {
		return sig[fset.Position(n.Pos()).Offset-len("package p;") : fset.Position(n.End()).Offset-len("package p;")]
	}
	var params, args []string
	params = append(params, "__gocurve_recv "+star+id.Name)
	i := 0
	variadic := false
	for _, fl := range fd.Type.Params.List {
		n := max(1, len(fl.Names))
		for range n {
			name := fmt.Sprintf("__gocurve_a%d", i)
			i++
			params = append(params, name+" "+text(fl.Type))
			arg := name
			if _, ok := fl.Type.(*ast.Ellipsis); ok {
				arg += "..."
				variadic = true
			}
			args = append(args, arg)
		}
	}
	_ = variadic
	results := ""
	ret := ""
	if fd.Type.Results != nil && len(fd.Type.Results.List) > 0 {
		results = " " + text(fd.Type.Results)
		if !strings.HasPrefix(results, " (") && (len(fd.Type.Results.List) > 1 || len(fd.Type.Results.List[0].Names) > 0) {
			results = " (" + strings.TrimSpace(results) + ")"
		}
		ret = "return "
	}
	s, e := p.span(x)
	lit := fmt.Sprintf("func(%s)%s { %s__gocurve_recv.%s(%s) }", strings.Join(params, ", "), results, ret, x.Sel.Name, strings.Join(args, ", "))
	return &edit{s, e, lit}
}

// methodSig finds the header of method m of type t in the cell or session.
func (p *parse) methodSig(t, m string) string {
	for _, d := range p.ast.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Name.Name == m && recvName(fd.Recv.List[0].Type) == t && fd.Body != nil {
			s, e := p.cellOffset(fd.Type.Pos()), p.cellOffset(fd.Body.Lbrace)
			return strings.TrimSpace(p.src[s:e])
		}
	}
	return p.opts.Methods[t+"."+m]
}
