package session

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"strings"
	"sync"

	"github.com/gocurve/gocurve/kernel/cell"
)

// implicitTypes are the packages slices, maps and cmp as the cells' type
// model sees them: the signatures of the session's interpreted versions
// (prelude.go), made from the source the interpreter runs, so that the
// model checks a call of slices.Sort and infers its type arguments as for
// any other generic func. The funcs that return or take an iterator have
// Go's types (goIterators), so that a range over maps.Keys(m) has Go's
// variables; the cells refuse what would tell the two apart (a stored
// iterator). Built once per process, on first use.
var implicitTypes = sync.OnceValues(func() (map[string]*types.Package, error) {
	return buildImplicit(prelude, slicesSrc, mapsSrc, iterSrc)
})

// buildImplicit type-checks the funcs named __gocurve_<pkg>_<Name> of the
// sources as the members Name of the implicit package pkg, their bodies
// left out; the constraint __gocurve_ordered of prelude is cmp.Ordered.
func buildImplicit(prelude string, srcs ...string) (map[string]*types.Package, error) {
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	file := func(pkg string) *ast.File {
		if files[pkg] == nil {
			files[pkg] = &ast.File{Name: ast.NewIdent(pkg)}
		}
		return files[pkg]
	}
	ordered := false
	pending := maps.Clone(goIterators)
	usesCmp := map[string]bool{}
	for _, src := range append([]string{prelude}, srcs...) {
		f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("session: implicit packages: %w", err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.Name == "__gocurve_ordered" {
						ts.Name.Name, ordered = "Ordered", true
						file("cmp").Decls = append(file("cmp").Decls, &ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{ts}})
					}
				}
			case *ast.FuncDecl:
				rest, ok := strings.CutPrefix(d.Name.Name, "__gocurve_")
				pkg, name, ok2 := strings.Cut(rest, "_")
				if !ok || !ok2 || !cell.Implicit(pkg) || d.Recv != nil {
					continue
				}
				if d.Type.TypeParams != nil {
					for _, f := range d.Type.TypeParams.List {
						if id, ok := f.Type.(*ast.Ident); ok && id.Name == "__gocurve_ordered" {
							f.Type = orderedIn(pkg)
							usesCmp[pkg] = pkg != "cmp"
						}
					}
				}
				ast.Inspect(d.Type, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok {
						id.Name = strings.TrimPrefix(id.Name, "__") // type parameters, as Go names them: __E is E
					}
					return true
				})
				if sig, ok := goIterators[pkg+"."+name]; ok {
					if d.Type, err = iteratorType(sig, d.Type); err != nil {
						return nil, fmt.Errorf("session: implicit packages: %s.%s: %w", pkg, name, err)
					}
					delete(pending, pkg+"."+name)
				}
				// (go/types wants a generic func's body: panic is one
				// for any result list)
				d.Name.Name, d.Body = name, &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{Fun: ast.NewIdent("panic"), Args: []ast.Expr{ast.NewIdent("nil")}}}}}
				file(pkg).Decls = append(file(pkg).Decls, d)
			}
		}
	}
	for name := range pending {
		return nil, fmt.Errorf("session: implicit packages: the sources have no %s", name)
	}
	if !ordered {
		return nil, errors.New("session: implicit packages: the prelude has no __gocurve_ordered")
	}
	for pkg := range usesCmp {
		if usesCmp[pkg] {
			f := file(pkg)
			f.Decls = append([]ast.Decl{&ast.GenDecl{Tok: token.IMPORT, Specs: []ast.Spec{
				&ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: `"cmp"`}},
			}}}, f.Decls...)
		}
	}
	pkgs := map[string]*types.Package{}
	conf := types.Config{Importer: importerFunc(func(path string) (*types.Package, error) {
		if p, ok := pkgs[path]; ok {
			return p, nil
		}
		return nil, fmt.Errorf("the implicit packages import only cmp, not %s", path)
	})}
	it, err := parser.ParseFile(fset, "", "package iter\n"+iterTypes, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("session: implicit packages: iter's types: %w", err)
	}
	file("iter").Decls = append(it.Decls, file("iter").Decls...)
	for _, path := range []string{"cmp", "iter", "slices", "maps"} { // cmp first: the others use it
		f, ok := files[path]
		if !ok {
			return nil, fmt.Errorf("session: implicit packages: the sources have no funcs of %s", path)
		}
		p, err := conf.Check(path, fset, []*ast.File{f}, nil)
		if err != nil {
			return nil, fmt.Errorf("session: implicit package %s: %w", path, err)
		}
		pkgs[path] = p
	}
	return pkgs, nil
}

// goIterators are the signatures, in Go, of the session's funcs that give
// or take an iterator (the session's give and take a slice or the map):
// an iterator as an unnamed func type, as iter.Seq and iter.Seq2 are
// defined; the type parameters as the session's, which the cells then
// write out for the interpreter (cell's inferred).
var goIterators = map[string]string{
	"slices.All":              "func[E any](s []E) func(yield func(int, E) bool)",
	"slices.Values":           "func[E any](s []E) func(yield func(E) bool)",
	"slices.Collect":          "func[E any](seq func(yield func(E) bool)) []E",
	"slices.Sorted":           "func[E cmp.Ordered](seq func(yield func(E) bool)) []E",
	"maps.All":                "func[K comparable, V any](m map[K]V) func(yield func(K, V) bool)",
	"maps.Keys":               "func[K comparable, V any](m map[K]V) func(yield func(K) bool)",
	"maps.Values":             "func[K comparable, V any](m map[K]V) func(yield func(V) bool)",
	"maps.Collect":            "func[K comparable, V any](seq func(yield func(K, V) bool)) map[K]V",
	"slices.SortedFunc":       "func[E any](seq func(yield func(E) bool), cmp func(E, E) int) []E",
	"slices.SortedStableFunc": "func[E any](seq func(yield func(E) bool), cmp func(E, E) int) []E",
	"slices.AppendSeq":        "func[E any](s []E, seq func(yield func(E) bool)) []E",
	"maps.Insert":             "func[K comparable, V any](m map[K]V, seq func(yield func(K, V) bool))",
	"iter.Pull":               "func[V any](seq Seq[V]) (next func() (V, bool), stop func())",
	"iter.Pull2":              "func[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func())",
}

// iterTypes are package iter's types, as Go declares them. The cells
// write them as their func types (the interpreter's generic func types
// are not Go's), and print their names where %T asks for them.
const iterTypes = `
type Seq[V any] func(yield func(V) bool)
type Seq2[K, V any] func(yield func(K, V) bool)
`

// iteratorType parses sig, a generic func type, and checks that its type
// parameters are the session's (the type arguments written for one are
// those the other takes).
func iteratorType(sig string, session *ast.FuncType) (*ast.FuncType, error) {
	// (a func type with type parameters is no expression: parse a declaration)
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+strings.Replace(sig, "func[", "func F[", 1), 0)
	if err != nil {
		return nil, err
	}
	t := f.Decls[0].(*ast.FuncDecl).Type
	if got, want := fieldsString(t.TypeParams), fieldsString(session.TypeParams); got != want {
		return nil, fmt.Errorf("the type parameters of Go's [%s] are not the session's [%s]", got, want)
	}
	return t, nil
}

// fieldsString writes a field list as Go does, names and types.
func fieldsString(fl *ast.FieldList) string {
	if fl == nil {
		return ""
	}
	var parts []string
	for _, f := range fl.List {
		var names []string
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
		parts = append(parts, strings.Join(names, ", ")+" "+types.ExprString(f.Type))
	}
	return strings.Join(parts, ", ")
}

// orderedIn is cmp.Ordered as package pkg names it.
func orderedIn(pkg string) ast.Expr {
	if pkg == "cmp" {
		return ast.NewIdent("Ordered")
	}
	return &ast.SelectorExpr{X: ast.NewIdent("cmp"), Sel: ast.NewIdent("Ordered")}
}

// importerFunc is a types.Importer made of a func.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// withImplicit is the model's importer: the implicit packages' types, then
// those of the symbol tables.
type withImplicit struct {
	tables types.Importer
	pkgs   map[string]*types.Package
}

func (w withImplicit) Import(path string) (*types.Package, error) {
	if p, ok := w.pkgs[path]; ok {
		return p, nil
	}
	return w.tables.Import(path)
}
