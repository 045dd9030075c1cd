package cell

import (
	"fmt"
	"go/token"
	"runtime"
	"testing"
)

// BenchmarkParseTrivial is the parse/rewrite layer on a one-line cell.
func BenchmarkParseTrivial(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("x := 1", nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseTypical is a 20-line cell mixing declarations, loops,
// closures and a final expression.
func BenchmarkParseTypical(b *testing.B) {
	src := `import "fmt"
// Loss is a quadratic bowl.
func Loss(w []float64) float64 {
	s := 0.0
	for i := range len(w) {
		s += float64(i+1) * w[i] * w[i]
	}
	return s
}
type Run struct{ Steps int; LR float64 }
func (r Run) String() string { return fmt.Sprintf("%d steps", r.Steps) }
w := []float64{1, 2}
var fs []func() float64
for i := 0; i < 3; i++ {
	fs = append(fs, func() float64 { return float64(i) })
}
defer fmt.Println("done")
best := min(Loss(w), 10)
go func() { _ = best }()
Run{Steps: 10, LR: 0.1}`
	for b.Loop() {
		if _, err := Parse(src, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkContextAdd adds a declaring cell's func and var to a type
// model context already holding 2,000 such pairs, and reports the heap
// the context keeps per pair.
func BenchmarkContextAdd(b *testing.B) {
	pair := func(i int) []ContextDecl {
		return []ContextDecl{
			{Names: []string{fmt.Sprintf("f%d", i)}, Src: fmt.Sprintf("func f%d() int { return %d }", i, i)},
			{Names: []string{fmt.Sprintf("v%d", i)}, Src: fmt.Sprintf("var v%d int", i)},
		}
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	c := NewContext(token.NewFileSet(), nil, nil, nil)
	for i := range 2000 {
		c.Add(pair(i))
	}
	decls := make([][]ContextDecl, 0, b.N) // made before, so their sources are not counted
	for i := range b.N {
		decls = append(decls, pair(2000+i))
	}
	h0 := heap()
	b.ResetTimer()
	for i := range b.N {
		c.Add(decls[i])
	}
	b.StopTimer()
	b.ReportMetric(float64(heap()-h0)/float64(b.N), "heapB/pair")
	runtime.KeepAlive(c)
	runtime.KeepAlive(decls)
}

// BenchmarkParseModel is a cell the type model checks (a type
// declaration, a call, an assertion, a %T) in a session of 200 types and
// 200 funcs, each func with a type assertion in its body.
func BenchmarkParseModel(b *testing.B) {
	fset := token.NewFileSet()
	var decls []ContextDecl
	for i := range 200 {
		decls = append(decls,
			ContextDecl{Names: []string{fmt.Sprintf("T%d", i)}, Src: fmt.Sprintf("type T%d struct{ A%d int }", i, i)},
			ContextDecl{Names: []string{fmt.Sprintf("f%d", i)}, Src: fmt.Sprintf("func f%d(v any) bool { _, ok := v.(T%d); return ok }", i, i)})
	}
	ctx := NewContext(fset, nil, decls, nil)
	src := "type New struct{ Z string }\nvar b any = New{\"z\"}\nfmt.Println(f3(b))\n_, ok := b.(New)\nfmt.Printf(\"%v %T\\n\", ok, ok)"
	opts := &Options{FileSet: fset, Context: func() *Context { return ctx }, TypeGen: 1}
	for b.Loop() {
		if _, err := Parse(src, opts); err != nil {
			b.Fatal(err)
		}
	}
}
