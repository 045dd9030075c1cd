package complete

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// benchCell is a realistic 60-line homework cell with the cursor at its end.
var benchCell = strings.Repeat(`w := []float64{0, 0}
h := hessian.Hessian(nil, func(x []float64) float64 { return x[0]*x[0] + 3*x[1]*x[1] }, w, nil)
for step := range 100 {
	g := []float64{2 * w[0], 6 * w[1]}
	w[0] -= 0.1 * g[0]
	w[1] -= 0.1 * g[1]
	_ = step
}
m := mat.NewDense(2, 2, []float64{1, 2, 3, 4})
θ := math.Pi / 4
fmt.Println(w, h, m, θ)
`, 6)

func benchComplete(b *testing.B, code string) {
	c := Default()
	n := utf8.RuneCountInString(code)
	c.Complete(code, n, testDecls) // indexes built outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if len(c.Complete(code, n, testDecls).Matches) == 0 {
			b.Fatal("no matches")
		}
	}
}

func BenchmarkCompletePackageMember(b *testing.B) { benchComplete(b, benchCell+"mat.New") }
func BenchmarkCompleteMethodChain(b *testing.B)   { benchComplete(b, benchCell+"m.T().D") }
func BenchmarkCompleteScope(b *testing.B)         { benchComplete(b, benchCell+"f") }

func BenchmarkInspect(b *testing.B) {
	c := Default()
	code := benchCell + "mat.NewDense(2, 2, nil)"
	n := utf8.RuneCountInString(code) - 10
	c.Inspect(code, n, testDecls)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, ok := c.Inspect(code, n, testDecls); !ok {
			b.Fatal("not found")
		}
	}
}

func BenchmarkIsComplete(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		IsComplete(benchCell)
	}
}

// BenchmarkFirstComplete measures the first request of a fresh kernel:
// building the package index and decoding the doc table.
func BenchmarkFirstComplete(b *testing.B) {
	all := allExports()
	b.ReportAllocs()
	for b.Loop() {
		c := New(all, preloaded)
		c.docs = sync.OnceValue(decodeDocs)
		c.Complete("mat.New", 7, nil)
	}
}
