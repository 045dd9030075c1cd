package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/gocurve/gocurve/kernel/importer"
)

// gatedLoader is the real loader whose loading cannot finish before its
// gate opens: a load slower than the session's start and first cell.
type gatedLoader struct {
	real    *importer.Loader
	gate    chan struct{}
	started atomic.Bool
}

func (g *gatedLoader) Start() { g.started.Store(true) }

func (g *gatedLoader) Wait() *importer.Importer {
	<-g.gate
	return g.real.Wait()
}

// noTypes is a loader that has no types: the cells are not type-checked.
type noTypes struct{}

func (noTypes) Start()                   {}
func (noTypes) Wait() *importer.Importer { return nil }

// TestFirstCellChecked: the session starts the types' loading without
// waiting for it, and the first cell's check waits for it, so the very
// first cell of a fresh session is checked with the packages' real types
// (a type error in its statement 3 prints nothing from statement 1).
func TestFirstCellChecked(t *testing.T) {
	saved := modelTypes
	g := &gatedLoader{real: importer.NewLoader(exports, nil), gate: make(chan struct{})}
	modelTypes = g
	defer func() { modelTypes = saved }()
	s, out, _ := newSession(t)
	if !g.started.Load() {
		t.Fatal("New did not start loading the types")
	}
	go close(g.gate) // the cell below waits for it, however late it opens
	_, err := s.Execute(context.Background(), "fmt.Println(\"ran\")\nd := time.Second\nvar f float64 = d.Hours() + d")
	var e Error
	if !errors.As(err, &e) || !strings.Contains(strings.Join(e.Traceback(), "\n"), "cell 3:17: invalid operation: d.Hours() + d (mismatched types float64 and time.Duration)") {
		t.Errorf("first cell: error %v, want go/types' mismatched types at cell 3:17", err)
	}
	if out.String() != "" {
		t.Errorf("first cell printed %q before its type error", out.String())
	}
}

// TestTypeErrors: a cell that does not type-check runs nothing, and the
// error is go/types' at the cell's line:col; what a notebook allows and
// what the model cannot know are not refused.
func TestTypeErrors(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"a type error in statement 3 stops statement 1 from printing", []step{
			{code: "fmt.Println(\"ran\")\nx := 1\ns := x + \"a\"", errName: "CompileError", errHas: "cell 3:6: invalid operation: x + \"a\" (mismatched types int and untyped string)"},
			{code: "fmt.Println(\"next\")", out: "next\n"},
		}},
		{"variables of earlier cells have their static types", []step{
			{code: "x := 1\nerr := errors.New(\"a\")\nr := strings.NewReader(\"abc\")"},
			{code: "fmt.Println(\"ran\")\ny := x + \"a\"", errName: "CompileError", errHas: "cell 2:6: invalid operation: x + \"a\" (mismatched types int and untyped string)"},
			{code: "err = fmt.Errorf(\"b: %w\", err)\nerr", display: "b: a"},
			{code: "n, _ := r.Read(make([]byte, 2))\nn + x", display: "3"},
		}},
		{"an undefined name is found before anything runs", []step{
			{code: "fmt.Println(\"ran\")\ntotal := 0\nfor i := range 3 {\n\ttotl += i\n}", errName: "CompileError", errHas: "cell 4:2: undefined: totl"},
			{code: "type big struct{ a [2]int }\nb := big{}\nfunc show() { fmt.Println(len(b.a)) }\nshow()", out: "2\n"},
		}},
		{"a whole program that does not build runs nothing", []step{
			{code: "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"a\")\n\tvar x int = \"s\"\n}", errName: "CompileError", errHas: "cell 7:14: cannot use \"s\" (untyped string constant) as int value in variable declaration"},
		}},
		{"go/types wording for a compiled package's types", []step{
			{code: "var d time.Duration = 2\nfmt.Println(d)\nvar f float64 = d", errName: "CompileError", errHas: "cell 3:17: cannot use d (variable of int64 type time.Duration) as float64 value in variable declaration"},
			{code: "m := mat.NewDense(2, 2, nil)\nm.Frobenius()", errName: "CompileError", errHas: "cell 2:3: m.Frobenius undefined (type *mat.Dense has no field or method Frobenius)"},
			{code: "strings.Fields(3)", errName: "CompileError", errHas: "cell 1:16: cannot use 3 (untyped int constant) as string value in argument to strings.Fields"},
		}},
		{"relaxations: unused top-level variable and import, a bare value", []step{
			{code: "import \"bufio\"\nx := 3\ny := x * 2\nx", display: "3"},
			{code: "y + 1", display: "7"},
			{code: "func f() {\n\tz := 1\n}", errName: "CompileError", errHas: "cell 2:2: declared and not used: z"},
			// the shape %timeit gives a cell's code
			{code: "{\n__gocurve_timeit := func() {\nr := math.Sqrt(2)\n}\nfor __gocurve_i := 0; __gocurve_i < 2; __gocurve_i++ {\n__gocurve_timeit()\n}\n}"},
			{code: "for i := 0; i < 2; i++ {\n\tw := i\n}", errName: "CompileError", errHas: "cell 2:2: declared and not used: w"},
		}},
		{"gonum mat and lib/hessian types pass the check", []step{
			{code: "a := mat.NewSymDense(2, []float64{2, 0, 0, 4})\nq := hessian.Quadratic{A: a, B: []float64{1, 1}}\nvar m mat.Matrix = q.A\nr, c := m.Dims()\nfmt.Println(r, c, q.C)", out: "2 2 0\n"},
			{code: "var e mat.EigenSym\nok := e.Factorize(a, false)\nfmt.Println(ok, e.Values(nil))", out: "true [2 4]\n"},
		}},
		{"a generic func fed a compiled package's result", []step{
			{code: "func Map[T, U any](xs []T, f func(T) U) []U {\n\tout := make([]U, 0, len(xs))\n\tfor _, x := range xs {\n\t\tout = append(out, f(x))\n\t}\n\treturn out\n}"},
			{code: "s := \"go is fun\"\nMap(strings.Fields(s), func(w string) int { return len(w) })", display: "[2 2 3]"},
			{code: "Map(strings.Split(\"a,bb\", \",\"), strings.ToUpper)", display: "[A BB]"},
		}},
		{"shadowing preloaded package names", []step{
			{code: "func check(x int) bool { return x > 0 }\ncheck(2)", display: "true"},
			{code: "plot := 3\nplot + 1", display: "4"},
			{code: "stat := \"s\"\nstat + \"t\"", display: "st"},
		}},
		{"what the model cannot know is left to the interpreter", []step{
			{code: "xs := []int{3, 1, 2}\nslices.Sort(xs)\nfmt.Println(xs)", out: "[1 2 3]\n"},
			{code: "fmt.Println(\"ran\")\nvar s string = xs[0]", errName: "CompileError", errHas: "cell 2:16: cannot use xs[0] (variable of type int) as string value in variable declaration"},
			{code: "var v any = 1\nw := v\nw", display: "1"},
			{code: "x := 1\nx := 2\nx", display: "2"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runSteps(t, tt.steps) })
	}
}

// BenchmarkExecuteModel runs a trivial cell and a cell of a few lines with
// the packages' types loaded (the cell is type-checked) and without: the
// difference is what the check costs.
func BenchmarkExecuteModel(b *testing.B) {
	cells := map[string]string{"trivial": "x := 1", "lines": "xs := []float64{1, 2, 3}\ns := floats.Sum(xs)\nm := mat.NewDense(1, 3, xs)\nfmt.Sprint(s, m.At(0, 1))"}
	for _, model := range []bool{true, false} {
		for _, name := range []string{"trivial", "lines"} {
			b.Run(fmt.Sprintf("%s/model=%v", name, model), func(b *testing.B) {
				saved := modelTypes
				if !model {
					modelTypes = noTypes{}
				}
				defer func() { modelTypes = saved }()
				s, err := New(Options{Stdout: io.Discard})
				if err != nil {
					b.Fatal(err)
				}
				ctx := context.Background()
				for b.Loop() {
					if _, err := s.Execute(ctx, cells[name]); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestDeclsStaticTypes: completion and inspect see a variable's type as
// Go gives it, from the type model, not its value's dynamic type.
func TestDeclsStaticTypes(t *testing.T) {
	s, _, _ := newSession(t)
	if _, err := s.Execute(context.Background(), "import \"io\"\nerr := errors.New(\"e\")\nvar sc fmt.Stringer = time.Second\nq := hessian.Quadratic{C: 1}\nd := 2 * time.Second\nr := io.Reader(strings.NewReader(\"s\"))"); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"err": "error", "sc": "fmt.Stringer", "q": "hessian.Quadratic", "d": "time.Duration", "r": "io.Reader"}
	for _, d := range s.Decls() {
		if w, ok := want[d.Name]; ok {
			if d.Type != w || d.Signature != "var "+d.Name+" "+w {
				t.Errorf("%s: type %q, signature %q; want %q", d.Name, d.Type, d.Signature, w)
			}
			delete(want, d.Name)
		}
	}
	for n := range want {
		t.Errorf("%s: not in Decls", n)
	}
	// a type's Decl has its underlying type, which its abridged signature lacks
	if _, err := s.Execute(context.Background(), "type Model struct {\n\tW *mat.Dense\n\tN int\n}"); err != nil {
		t.Fatal(err)
	}
	got := "(not in Decls)"
	for _, d := range s.Decls() {
		if d.Name == "Model" {
			got = d.Type
		}
	}
	if got != "struct{W *mat.Dense; N int}" {
		t.Errorf("Model: type %q, want struct{W *mat.Dense; N int}", got)
	}
}
