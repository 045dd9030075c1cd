package cell_test

import (
	"errors"
	"go/token"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/cell"
	"github.com/gocurve/gocurve/kernel/importer"
	"github.com/gocurve/gocurve/kernel/oracle"
	"github.com/gocurve/gocurve/kernel/symbols"
	"github.com/traefik/yaegi/stdlib"
)

var testImporter = func() *importer.Importer {
	all := map[string]map[string]reflect.Value{}
	for k, v := range stdlib.Symbols {
		all[k] = v
	}
	for k, v := range symbols.Symbols {
		all[k] = v
	}
	return importer.New(all)
}()

// refusedOnPurpose are the Go distribution's programs the cell layer
// refuses for a construct the interpreter runs differently from Go (and
// bare yaegi fails too), with the reason.
var refusedOnPurpose = map[string]string{
	"reflectmethod5.go": "reflect.Type.Method of a cell type: yaegi's type of it has no methods (bare yaegi: too many arguments)",
	"reflectmethod6.go": "reflect.Type.MethodByName of a cell type: yaegi's type of it has no methods (bare yaegi: too many arguments)",
}

// TestGorootNotRefused: the Go distribution's runnable test programs all
// build, so the type model must refuse none of them for a type error, and
// none for a construct but refusedOnPurpose.
func TestGorootNotRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("reads GOROOT/test")
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	progs, err := oracle.Programs(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range progs {
		prog, _, err := cell.ParseProgram(p.Source)
		if err != nil || prog == nil {
			continue
		}
		_, without := cell.Parse(prog.Body, nil)
		_, with := cell.Parse(prog.Body, &cell.Options{Importer: testImporter})
		var list cell.ErrorList
		refused := without == nil && errors.As(with, &list)
		if why, ok := refusedOnPurpose[p.Name]; ok != refused {
			if ok {
				t.Errorf("%s: not refused, though the interpreter runs it differently from Go: %s", p.Name, why)
			} else {
				t.Errorf("%s: refused: %v", p.Name, list[0])
			}
		}
	}
}

// preloadedOptions are the options of a session with only the preloaded
// packages, and decls declared by earlier cells.
func preloadedOptions(decls ...cell.ContextDecl) *cell.Options {
	fset := token.NewFileSet()
	var imports [][2]string
	for _, p := range symbols.Preloaded {
		imports = append(imports, [2]string{p.Name, p.Path})
	}
	ctx := cell.NewContext(fset, imports, decls, nil)
	return &cell.Options{Importer: testImporter, FileSet: fset, Context: func() *cell.Context { return ctx }, Shadowed: map[string]bool{"v": true}}
}

// TestTypeErrors: go/types' errors at the cell's line:col, the notebook's
// relaxations, and what the model does not hold against a cell.
func TestTypeErrors(t *testing.T) {
	guessed := cell.ContextDecl{Names: []string{"g"}, Src: "var g int", Guessed: true}
	declared := cell.ContextDecl{Names: []string{"n"}, Src: "var n int"}
	tests := []struct {
		name, src string
		decls     []cell.ContextDecl
		want      string // the first error, "" for none
	}{
		{"mismatched operands", "fmt.Println(1)\nx := 1\ns := x + \"a\"", nil, `3:6: invalid operation: x + "a" (mismatched types int and untyped string)`},
		{"a compiled func's parameter", "fmt.Println(1)\n\tstrings.Fields(3)", nil, "2:17: cannot use 3 (untyped int constant) as string value in argument to strings.Fields"},
		{"a compiled type's method", "a := mat.NewDense(1, 1, nil)\na.Frobenius()", nil, "2:3: a.Frobenius undefined (type *mat.Dense has no field or method Frobenius)"},
		{"a session variable declared with its type", "n = \"x\"", []cell.ContextDecl{declared}, `1:5: cannot use "x" (untyped string constant) as int value in assignment`},
		{"unused inside a func", "func f() {\n\tz := 1\n}", nil, "2:2: declared and not used: z"},
		{"unused at top level", "x := 1\nvar y int", nil, ""},
		{"unused import", "import \"bufio\"\nx := 2", nil, ""},
		{"a value at top level", "x := 2\nx\nx + 1", nil, ""},
		{"gonum and hessian types", "a := mat.NewSymDense(2, nil)\nq := hessian.Quadratic{A: a, B: []float64{1, 2}}\nvar m mat.Matrix = q.A\nr, c := m.Dims()\nfmt.Println(r+c, floats.Sum(q.B))", nil, ""},
		{"a preloaded name shadowed by a func", "func check(x int) bool { return x > 0 }\ncheck(1)", nil, ""},
		{"a preloaded name shadowed by a variable", "plot := 2\nplot * 3", nil, ""},
		{"a generic func of the interpreted slices", "xs := []int{2, 1}\nslices.Sort(xs)", nil, ""},
		{"an undefined name", "total := 0\nfor i := range 3 {\n\ttotl += i\n}", nil, "3:2: undefined: totl"},
		{"a session name the model left out", "fmt.Println(v.a)", nil, ""},
		{"a package the interpreter lacks", "import \"example.com/nothere\"\nnothere.F(1)", nil, ""},
		{"a session variable whose type was guessed", "g = \"x\"", []cell.ContextDecl{guessed}, ""},
		{"a top-level name declared again", "x := 1\nx := \"a\"\nx + \"b\"", nil, ""},
		{"a method declared again", "type T int\nfunc (T) M() {}\nfunc (T) M() {}", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cell.Parse(tt.src, preloadedOptions(tt.decls...))
			got := ""
			if err != nil {
				var list cell.ErrorList
				if !errors.As(err, &list) {
					t.Fatalf("error %v, want an ErrorList", err)
				}
				got = list[0].Error()
			}
			if got != tt.want {
				t.Errorf("error %q, want %q", got, tt.want)
			}
		})
	}
}

// TestInferredFromCompiled: type arguments inferred from a compiled
// package's results are written out for the interpreter.
func TestInferredFromCompiled(t *testing.T) {
	mapDecl := cell.ContextDecl{Names: []string{"Map"}, Src: "func Map[T, U any](xs []T, f func(T) U) []U { return nil }"}
	tests := []struct{ src, want string }{
		{"Map(strings.Fields(s), func(w string) int { return len(w) })", "Map[string, int](strings.Fields(s)"},
		{"Map(strings.Fields(s), strings.ToUpper)", "Map[string, string](strings.Fields(s)"},
		{"Map([]*mat.Dense{}, func(d *mat.Dense) float64 { return 0 })", "Map[*mat.Dense, float64]("},
		{"Map([]time.Duration{1}, time.Duration.String)", "Map[time.Duration, string]("},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			opts := preloadedOptions(mapDecl, cell.ContextDecl{Names: []string{"s"}, Src: "var s string"})
			opts.GenericFuncs = map[string]bool{"Map": true}
			c, err := cell.Parse(tt.src, opts)
			if err != nil {
				t.Fatal(err)
			}
			if src := c.Items[len(c.Items)-1].Src; !strings.Contains(src, tt.want) {
				t.Errorf("rewritten %q, want it to contain %q", src, tt.want)
			}
		})
	}
}

// TestContextAcrossCells: a context made from the previous one sees what
// the session added, and forgets what it no longer has; the cell's check
// reaches declarations through the ones it names.
func TestContextAcrossCells(t *testing.T) {
	fset := token.NewFileSet()
	f := cell.ContextDecl{Names: []string{"f"}, Src: "func f() int { return g() }"}
	g := cell.ContextDecl{Names: []string{"g"}, Src: "func g() int { return 1 }"}
	h := cell.ContextDecl{Names: []string{"h"}, Src: "func h() string { return \"\" }"}
	check := func(ctx *cell.Context, src string) string {
		opts := &cell.Options{Importer: testImporter, FileSet: fset, Context: func() *cell.Context { return ctx }, Shadowed: map[string]bool{}}
		if _, err := cell.Parse(src, opts); err != nil {
			return err.Error()
		}
		return ""
	}
	ctx := cell.NewContext(fset, nil, []cell.ContextDecl{f, g}, nil)
	if e := check(ctx, "var n int = f() + g()\n_ = n"); e != "" {
		t.Errorf("f and g: %s", e)
	}
	ctx = cell.NewContext(fset, nil, []cell.ContextDecl{f, g, h}, ctx) // h added
	if e := check(ctx, "var n int = h()\n_ = n"); !strings.Contains(e, "cannot use h()") {
		t.Errorf("h added: error %q, want h's string result refused", e)
	}
	added := cell.NewContext(fset, nil, []cell.ContextDecl{f}, nil)
	added.Add([]cell.ContextDecl{g, h, g})
	if !added.Equal(ctx) {
		t.Errorf("f, then g, h and g again added: not the context of f, g and h")
	}
	if e := check(added, "var n string = h() + \"\"\nvar m int = f()\n_, _ = n, m"); e != "" {
		t.Errorf("g and h added to f: %s", e)
	}
	ctx = cell.NewContext(fset, nil, []cell.ContextDecl{g, h}, ctx) // f went
	if ctx.Equal(added) {
		t.Errorf("f removed: still the context of f, g and h")
	}
	if e := check(ctx, "n := f()\n_ = n"); !strings.Contains(e, "undefined: f") {
		t.Errorf("f removed: error %q, want undefined: f", e)
	}
}

// TestAutoImport: a cell that names a standard package it did not import
// gets the import where the name is one package's, and go/types' error
// where it is none's or several's.
func TestAutoImport(t *testing.T) {
	importFor := func(name string) string { return map[string]string{"sync": "sync", "heap": "container/heap"}[name] }
	tests := []struct {
		name, src string
		imports   []string // the cell's imports after parsing
		err       string   // the error, "" for none
	}{
		{"one package of that name", "var wg sync.WaitGroup\nwg.Wait()", []string{"sync"}, ""},
		{"two names, each imported once", "var mu sync.Mutex\nvar mu2 sync.Mutex\nh := &IntHeap{}\nheap.Init(h)\n_, _ = mu, mu2", []string{"sync", "container/heap"}, "undefined: IntHeap"},
		{"no package of that name", "t := template.New(\"x\")", nil, "undefined: template"},
		{"a session name is not a package", "v.Lock()", nil, ""},
		{"a name the cell declares is not a package", "sync := 3\n_ = sync", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := preloadedOptions(cell.ContextDecl{Names: []string{"v"}, Src: "var v struct{ Lock func() }"})
			opts.ImportFor = importFor
			c := parseWant(t, tt.src, opts, tt.err)
			if c == nil {
				return
			}
			var got []string
			for _, it := range c.Items {
				if it.Kind == cell.Import {
					got = append(got, it.ImportPath)
				}
			}
			if !slices.Equal(got, tt.imports) {
				t.Errorf("Parse(%q) imports %q, want %q", tt.src, got, tt.imports)
			}
		})
	}
}
