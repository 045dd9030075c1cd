package cell

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"
)

// A generic func whose variadic parameter is of one of its type
// parameters (func NewSet[T comparable](vs ...T) *Set[T]) cannot be
// called from generic code in yaegi v0.16.1: the caller fails to compile
// ("CFG post-order panic"), with or without arguments for it, where a
// parameter []T works. Each such func gets a twin that takes a slice
// (sliceTwin), declared beside it, and a call of it in a generic func's
// or method's body calls the twin with its variadic arguments gathered
// into a slice (sliceCalls).

// sliceTwinPrefix begins the name of the twin of a generic variadic func.
const sliceTwinPrefix = HelperTemp + "_sl_"

// variadicTypeParam reports whether sig, a generic func's signature, is
// variadic in a type of its own type parameters.
func variadicTypeParam(sig *ast.FuncType) (*ast.Ellipsis, bool) {
	if sig.TypeParams == nil || sig.TypeParams.NumFields() == 0 || sig.Params == nil || len(sig.Params.List) == 0 {
		return nil, false
	}
	ell, ok := sig.Params.List[len(sig.Params.List)-1].Type.(*ast.Ellipsis)
	if !ok {
		return nil, false
	}
	params := map[string]bool{}
	for _, f := range sig.TypeParams.List {
		for _, n := range f.Names {
			params[n.Name] = true
		}
	}
	found := false
	ast.Inspect(ell.Elt, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && params[id.Name] {
			found = true
		}
		return !found
	})
	return ell, found
}

// sliceTwin returns the item of the twin of d, a func the cell declares
// whose variadic parameter is of a type parameter, and whether there is
// one: d with the twin's name and a slice for its last parameter.
func (p *parse) sliceTwin(d *ast.FuncDecl, it Item) (Item, bool) {
	ell, ok := variadicTypeParam(d.Type)
	if d.Recv != nil || d.Body == nil || !ok || len(it.Waits) > 0 {
		// (a func that waits gets its twin when it is written again,
		// ready, before the cell that declares what it waits for)
		return Item{}, false
	}
	s, e := p.cellOffset(d.Type.Pos()), p.cellOffset(d.End())
	ns, ne := p.span(d.Name)
	es := p.cellOffset(ell.Ellipsis)
	own := []edit{{ns, ne, sliceTwinPrefix + d.Name.Name}, {es, es + len(token.ELLIPSIS.String()), "[]"}}
	twin := it
	twin.Names = []string{sliceTwinPrefix + d.Name.Name}
	twin.Src = apply(p.src, s, e, append(p.edits(d), own...))
	twin.Orig = apply(p.src, s, e, own) // for the type model, as Go reads it
	twin.Signature = ""
	twin.Synthetic = true
	twin.Doc = ""
	return twin, true
}

// checkSliceCall records c, a call in a generic body of a func the cells
// declare whose variadic parameter is of a type parameter, for
// sliceCallEdits: its callee's name, and the type of its variadic
// parameter as this call instantiates it, written for the cell ([]T).
func (p *parse) checkSliceCall(m *model, c *ast.CallExpr) {
	id := calleeIdent(c.Fun)
	if id == nil {
		return
	}
	fn, ok := m.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() != m.pkg || fn.Parent() != m.pkg.Scope() {
		return
	}
	decl := fn.Type().(*types.Signature)
	if decl.TypeParams().Len() == 0 || !decl.Variadic() {
		return
	}
	last := decl.Params().At(decl.Params().Len() - 1).Type().(*types.Slice)
	if !mentionsTypeParam(last.Elem()) {
		return
	}
	inst, ok := m.info.Types[c.Fun].Type.(*types.Signature)
	if !ok || !inst.Variadic() {
		return
	}
	ts, ok := p.typeParamString(m, inst.Params().At(inst.Params().Len()-1).Type())
	if !ok {
		return
	}
	if p.sliceCalls == nil {
		p.sliceCalls = map[*ast.CallExpr]string{}
	}
	p.sliceCalls[c] = ts
}

// calleeIdent returns the name a call's func is written with, F, F[T] or
// F[K, V]; nil for anything else.
func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.IndexExpr:
		id, _ := f.X.(*ast.Ident)
		return id
	case *ast.IndexListExpr:
		id, _ := f.X.(*ast.Ident)
		return id
	}
	return nil
}

// sliceCallEdits writes the recorded call c as a call of its callee's
// twin, with the variadic arguments in a slice of the type ts.
func (p *parse) sliceCallEdits(c *ast.CallExpr, ts string) []edit {
	id := calleeIdent(c.Fun)
	s, e := p.span(id)
	eds := []edit{{s, e, sliceTwinPrefix + id.Name}}
	if c.Ellipsis.IsValid() {
		at := p.cellOffset(c.Ellipsis)
		return append(eds, edit{at, at + len(token.ELLIPSIS.String()), ""})
	}
	sig := p.typeModel().info.Types[c.Fun].Type.(*types.Signature)
	fixed := sig.Params().Len() - 1
	if len(c.Args) <= fixed {
		at := p.cellOffset(c.Rparen)
		sep := ""
		if len(c.Args) > 0 {
			sep = ", "
		}
		return append(eds, edit{at, at, sep + ts + "(nil)"})
	}
	first, _ := p.span(c.Args[fixed])
	_, end := p.span(c.Args[len(c.Args)-1])
	return append(eds, edit{first, first, ts + "{"}, edit{end, end, "}"})
}

// typeParamString writes t, a type that may mention the type parameters
// of the generic func or method being rewritten, as the rewritten cell
// names it: a generic func's type parameters under their new names
// (renameTypeParams), other packages' types by their package names.
func (p *parse) typeParamString(m *model, t types.Type) (string, bool) {
	s := types.TypeString(t, func(pkg *types.Package) string {
		if pkg == m.pkg {
			return ""
		}
		return pkg.Name()
	})
	if strings.Contains(s, "invalid type") {
		return "", false
	}
	mentioned := map[types.Object]bool{}
	visitTypes(t, func(t types.Type) {
		if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
			mentioned[tp.Obj()] = true
		}
	})
	for id, obj := range m.info.Defs {
		if mentioned[obj] && p.renames[id] != "" {
			s = regexp.MustCompile(`\b`+regexp.QuoteMeta(obj.Name())+`\b`).ReplaceAllLiteralString(s, p.renames[id])
		}
	}
	return s, true
}
