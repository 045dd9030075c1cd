package session

import (
	"context"
	"fmt"
	"io"
	goruntime "runtime"
	"strings"
	"testing"

	"github.com/gocurve/gocurve/kernel/cell"
)

// BenchmarkNew is the creation of a session: an interpreter with every
// symbol table, the helpers and the preloaded imports.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecuteTrivial runs `x := 1` end to end.
func BenchmarkExecuteTrivial(b *testing.B) {
	s, err := New(Options{Stdout: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Execute(ctx, "x := 1"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecuteTrivialNoPreload is BenchmarkExecuteTrivial in a session
// without preloaded imports: the difference is what unused preloaded names
// cost a cell.
func BenchmarkExecuteTrivialNoPreload(b *testing.B) {
	s, err := New(Options{Stdout: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	s.imports = nil
	if s.in, err = s.newInterp(nil); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Execute(ctx, "x := 1"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecuteDisplay runs a cell whose final expression is displayed.
func BenchmarkExecuteDisplay(b *testing.B) {
	s, err := New(Options{Stdout: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Execute(ctx, "xs := []float64{1, 2, 3}\nfloats.Sum(xs)"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuild50 is the rebuild after a redefinition in a session with
// 50 declarations (25 funcs, 15 types with a method each... ) and 10
// variables to carry: a fresh interpreter, replay and carried values.
func BenchmarkRebuild50(b *testing.B) {
	s, err := New(Options{Stdout: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	var src strings.Builder
	for i := range 25 {
		fmt.Fprintf(&src, "func f%d(x float64) float64 { return x * %d }\n", i, i)
	}
	for i := range 12 {
		fmt.Fprintf(&src, "type T%d struct{ A, B float64 }\nfunc (t T%d) Sum() float64 { return t.A + t.B }\n", i, i)
	}
	fmt.Fprintf(&src, "const K = 3\n")
	for i := range 10 {
		fmt.Fprintf(&src, "v%d := []float64{%d, 2, 3}\n", i, i)
	}
	if _, err := s.Execute(context.Background(), src.String()); err != nil {
		b.Fatal(err)
	}
	if n := len(s.table); n != 50 {
		b.Fatalf("%d declarations, want 50", n)
	}
	for b.Loop() {
		in, _, err := s.rebuild(s.in, s.imports, s.table, s.vars, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		s.in = in
	}
}

// BenchmarkParseTrivial is the parse and rewrite layer alone on `x := 1`.
func BenchmarkParseTrivial(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := cell.Parse("x := 1", s.cellOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeclaringCell is one cell of the declaring soak (a func and a
// var) in a session already holding n such pairs: per-cell time should not
// depend on n.
func BenchmarkDeclaringCell(b *testing.B) {
	for _, n := range []int{100, 2000} {
		b.Run(fmt.Sprintf("decls=%d", n), func(b *testing.B) {
			s, err := New(Options{Stdout: io.Discard})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			cell := func(i int) {
				code := fmt.Sprintf("func f%d() int { return %d }\nvar v%d = f%d()", i, i, i, i)
				if _, err := s.Execute(ctx, code); err != nil {
					b.Fatal(err)
				}
			}
			for i := 0; i < n; i++ {
				cell(i)
			}
			heap := func() uint64 {
				goruntime.GC()
				var m goruntime.MemStats
				goruntime.ReadMemStats(&m)
				return m.HeapAlloc
			}
			h0 := heap()
			i := n
			for b.Loop() {
				cell(i)
				i++
			}
			b.ReportMetric(float64(heap()-h0)/float64(i-n), "heapB/cell")
			goruntime.KeepAlive(s)
		})
	}
}

// BenchmarkRedefiningCell is a cell that defines an existing variable
// again (`x := i`) in a session holding n declaring cells' func and var:
// the variables are copied before one of them changes, so this cell's
// cost still grows with n.
func BenchmarkRedefiningCell(b *testing.B) {
	for _, n := range []int{100, 2000} {
		b.Run(fmt.Sprintf("decls=%d", n), func(b *testing.B) {
			s, err := New(Options{Stdout: io.Discard})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			run := func(code string) {
				if _, err := s.Execute(ctx, code); err != nil {
					b.Fatal(err)
				}
			}
			for i := 0; i < n; i++ {
				run(fmt.Sprintf("func f%d() int { return %d }\nvar v%d = f%d()", i, i, i, i))
			}
			i := 0
			for b.Loop() {
				run(fmt.Sprintf("x := %d", i))
				i++
			}
		})
	}
}

// BenchmarkInterfaceEqual is 1000 comparisons a == b of two any values,
// 1000 increments m[k]++ of a map[any]int, in an interpreted loop: as
// yaegi runs them (the loop compiled without the cell layer: the
// reference), and as a cell compiles them, a call of the compiled helper
// HelperEqual, which answers unequal values from their representations
// and equal ones from the session's registry of representations (a struct
// type of a cell: one type, so Go's true), or of HelperKey, which checks
// the key against that registry; or 1000 assertions e.(Shape) to an
// interface a cell declares, which a cell asserts to each cell type that
// implements it first (Sq, here), or e.(Sq), whose match a cell checks
// against the registry.
func BenchmarkInterfaceEqual(b *testing.B) {
	s, err := New(Options{Stdout: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	const count = `(xs []any, x any) int {
	n := 0
	for _, e := range xs {
		if e == x {
			n++
		}
	}
	return n
}`
	const keys = `(xs []any, x any) int {
	m := map[any]int{}
	for _, e := range xs {
		m[e]++
	}
	return m[x]
}`
	const shapes = `(xs []any, x any) int {
	n := 0
	for _, e := range xs {
		if _, ok := e.(Shape); ok {
			n++
		}
	}
	return n
}`
	ctx := context.Background()
	if _, err := s.Execute(ctx, "type P struct{ X, Y int }\nfunc count"+count+"\nfunc keys"+keys); err != nil {
		b.Fatal(err)
	}
	squares := strings.ReplaceAll(shapes, "e.(Shape)", "e.(Sq)")
	if _, err := s.Execute(ctx, "type Shape interface{ Area() int }\ntype Sq struct{ S int }\nfunc (s Sq) Area() int { return s.S * s.S }\nfunc shapes"+shapes+"\nfunc squares"+squares); err != nil {
		b.Fatal(err)
	}
	if _, err := evalSafe(s.in, "func plainCount"+count+"\nfunc plainKeys"+keys+"\nfunc plainShapes"+shapes+"\nfunc plainSquares"+squares); err != nil {
		b.Fatal(err)
	}
	const ps = "func() []any { xs := make([]any, 1000); for i := range xs { xs[i] = P{1, 2} }; return xs }()"
	const sqs = "func() []any { xs := make([]any, 1000); s := Sq{2}; for i := range xs { xs[i] = s }; return xs }()"
	for _, bm := range []struct{ name, fn, xs, x string }{
		{"plain/unequal", "plainCount", "make([]any, 1000)", "1"},
		{"helper/unequal", "count", "make([]any, 1000)", "1"},
		{"plain/equal", "plainCount", ps, "P{1, 2}"},
		{"helper/equal", "count", ps, "P{1, 2}"},
		{"plain/mapkey", "plainKeys", ps, "P{1, 2}"},
		{"helper/mapkey", "keys", ps, "P{1, 2}"},
		{"plain/assert", "plainShapes", sqs, "nil"},
		{"helper/assert", "shapes", sqs, "nil"},
		{"plain/assert-type", "plainSquares", sqs, "nil"},
		{"helper/assert-type", "squares", sqs, "nil"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			if _, err := evalSafe(s.in, "var bench = func() int { return "+bm.fn+"("+bm.xs+", "+bm.x+") }"); err != nil {
				b.Fatal(err)
			}
			f, err := evalSafe(s.in, "bench")
			if err != nil {
				b.Fatal(err)
			}
			call := f.Interface().(func() int)
			want := 1000
			if strings.HasSuffix(bm.name, "/unequal") {
				want = 0
			}
			if n := call(); n != want {
				b.Fatalf("%d, want %d", n, want)
			}
			for b.Loop() {
				call()
			}
		})
	}
}

// BenchmarkIndexCheck sums a 1000-element slice by index in a func of a
// session that recovers somewhere (every index of its cells is checked by
// a compiled call, so that a recovered error has Go's text) and in one
// that does not (the interpreter's own index): the difference is what the
// check costs an index.
func BenchmarkIndexCheck(b *testing.B) {
	const sum = `(xs []float64) float64 {
	t := 0.0
	for i := 0; i < len(xs); i++ {
		t += xs[i]
	}
	return t
}`
	for _, bm := range []struct{ name, setup string }{
		{"unchecked", "func sum" + sum},
		{"checked", "func try(f func()) { defer func() { recover() }(); f() }\nfunc sum" + sum},
	} {
		b.Run(bm.name, func(b *testing.B) {
			s, err := New(Options{Stdout: io.Discard})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			if _, err := s.Execute(ctx, "xs := make([]float64, 1000)\n"+bm.setup); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := s.Execute(ctx, "_ = sum(xs)"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkIfaceConversion converts 1000 values of cell types to
// interfaces in a loop, in funcs the session rewrote (each value passed
// through a copy, a struct made an error kept beside the interpreter's
// wrapper: cell.checkIfaceConvs) and the same funcs as yaegi alone runs
// them (whose values all alias the loop's last): the difference is what
// a conversion that is right costs.
func BenchmarkIfaceConversion(b *testing.B) {
	s, err := New(Options{Stdout: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	const types = "type E struct{ Code int; Msg string }\nfunc (e E) Error() string { return e.Msg }\n" +
		"type P struct{ N int }\nfunc (p *P) String() string { return \"p\" }\n" +
		"type Shape interface{ Area() int }\ntype Sq struct{ S int }\nfunc (s Sq) Area() int { return s.S * s.S }\n"
	const funcs = `%[1]sErrors(n int) int { var xs []error; for i := 0; i < n; i++ { xs = append(xs, E{i, "m"}) }; return len(xs) }
func %[1]sPointers(n int) int { var xs []fmt.Stringer; for i := 0; i < n; i++ { xs = append(xs, &P{i}) }; return len(xs) }
func %[1]sShapes(n int) int { var xs []Shape; for i := 0; i < n; i++ { xs = append(xs, Sq{i}) }; return len(xs) }`
	ctx := context.Background()
	if _, err := s.Execute(ctx, types+"func "+fmt.Sprintf(funcs, "")); err != nil {
		b.Fatal(err)
	}
	if _, err := evalSafe(s.in, "func "+fmt.Sprintf(funcs, "plain")); err != nil {
		b.Fatal(err)
	}
	for _, kind := range []string{"Errors", "Pointers", "Shapes"} {
		for _, runner := range []string{"plain", "copied"} {
			b.Run(kind+"/"+runner, func(b *testing.B) {
				name := kind
				if runner == "plain" {
					name = "plain" + kind
				}
				if _, err := evalSafe(s.in, "var bench = func() int { return "+name+"(1000) }"); err != nil {
					b.Fatal(err)
				}
				f, err := evalSafe(s.in, "bench")
				if err != nil {
					b.Fatal(err)
				}
				call := f.Interface().(func() int)
				if n := call(); n != 1000 {
					b.Fatalf("%d, want 1000", n)
				}
				for b.Loop() {
					call()
				}
			})
		}
	}
}
