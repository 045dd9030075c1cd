// Package lib_test checks the libraries' exported names as a whole: one name
// per idea across lib/.
package lib_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// api is the exported surface of one package.
type api struct {
	types   map[string]string              // type name → "interface", "struct", …
	funcs   map[string]bool                // top-level funcs, vars and consts
	methods map[string]map[string]bool     // receiver type → its exported methods
	fields  map[string]map[string]struct{} // struct type → exported fields
}

// exported parses the non-test Go files of every package under lib/.
func exported(t *testing.T) map[string]*api {
	t.Helper()
	pkgs := map[string]*api{}
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		fset := token.NewFileSet()
		parsed, err := parser.ParseDir(fset, path, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
		if err != nil {
			return err
		}
		for _, p := range parsed {
			a := &api{types: map[string]string{}, funcs: map[string]bool{}, methods: map[string]map[string]bool{}, fields: map[string]map[string]struct{}{}}
			for _, f := range p.Files {
				collect(a, f)
			}
			pkgs[path] = a
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 5 {
		t.Fatalf("found %d packages under lib/, want the libraries", len(pkgs))
	}
	return pkgs
}

func collect(a *api, f *ast.File) {
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() {
				continue
			}
			if d.Recv == nil {
				a.funcs[d.Name.Name] = true
				continue
			}
			recv := d.Recv.List[0].Type
			if s, ok := recv.(*ast.StarExpr); ok {
				recv = s.X
			}
			if id, ok := recv.(*ast.Ident); ok {
				if a.methods[id.Name] == nil {
					a.methods[id.Name] = map[string]bool{}
				}
				a.methods[id.Name][d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					if !s.Name.IsExported() {
						continue
					}
					kind := "type"
					switch st := s.Type.(type) {
					case *ast.InterfaceType:
						kind = "interface"
						for _, m := range st.Methods.List {
							for _, n := range m.Names {
								if a.methods[s.Name.Name] == nil {
									a.methods[s.Name.Name] = map[string]bool{}
								}
								a.methods[s.Name.Name][n.Name] = true
							}
						}
					case *ast.StructType:
						kind = "struct"
						for _, fl := range st.Fields.List {
							for _, n := range fl.Names {
								if n.IsExported() {
									if a.fields[s.Name.Name] == nil {
										a.fields[s.Name.Name] = map[string]struct{}{}
									}
									a.fields[s.Name.Name][n.Name] = struct{}{}
								}
							}
						}
					}
					if s.Assign.IsValid() {
						kind = "alias"
					}
					a.types[s.Name.Name] = kind
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() {
							a.funcs[n.Name] = true
						}
					}
				}
			}
		}
	}
}

// Two names for one operation on the same type.
var synonymMethods = [][2]string{
	{"Func", "Loss"},
	{"Grad", "Gradient"},
	{"HessVec", "HVP"},
	{"Hess", "Hessian"},
	{"GGNVec", "GGNVP"},
}

// Names that lost to another spelling of the same idea.
var retired = map[string]string{
	"HVP":         "HessVec",
	"GGNVP":       "GGNVec",
	"DenseHVP":    "DenseHessVec",
	"FuncGrad":    "hessian.Funcs",
	"SaddlePoint": "hessian.Saddle",
	"Degenerate":  "hessian.Inconclusive",
}

func TestOneNamePerIdea(t *testing.T) {
	pkgs := exported(t)
	paths := make([]string, 0, len(pkgs))
	for p := range pkgs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		a := pkgs[p]
		for typ, ms := range a.methods {
			for _, pair := range synonymMethods {
				if ms[pair[0]] && ms[pair[1]] {
					t.Errorf("%s: %s has both %s and %s", p, typ, pair[0], pair[1])
				}
			}
			for m := range ms {
				if want, ok := retired[m]; ok {
					t.Errorf("%s: method %s.%s: the name is %s", p, typ, m, want)
				}
			}
		}
		for typ, fs := range a.fields {
			for f := range fs {
				if want, ok := retired[f]; ok {
					t.Errorf("%s: field %s.%s: the name is %s", p, typ, f, want)
				}
			}
		}
		for n := range a.funcs {
			if want, ok := retired[n]; ok {
				t.Errorf("%s: %s: the name is %s", p, n, want)
			}
		}
		for n, kind := range a.types {
			if kind == "alias" {
				t.Errorf("%s: type %s is an alias: a second name for another package's type", p, n)
			}
			if want, ok := retired[n]; ok {
				t.Errorf("%s: type %s: the name is %s", p, n, want)
			}
		}
	}
	// A type or interface declared in two packages is one idea too many.
	where := map[string][]string{}
	for _, p := range paths {
		for n, kind := range pkgs[p].types {
			where[n+" "+kind] = append(where[n+" "+kind], p)
		}
		for n := range pkgs[p].funcs {
			if n == "RandomRotation" {
				where[n+" func"] = append(where[n+" func"], p)
			}
		}
	}
	for key, ps := range where {
		if len(ps) > 1 && key != "Settings struct" { // gonum's convention: each package's options

			t.Errorf("%s is declared in %v", key, ps)
		}
	}
}
