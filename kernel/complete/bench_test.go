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

// benchComplete times Complete at the end of code. The requests alternate
// between code and code after an empty line, as a user's requests differ,
// so that none is the check of the request before it.
func benchComplete(b *testing.B, code string) {
	c := Default()
	codes := [2]string{code, "\n" + code}
	c.Complete(code, utf8.RuneCountInString(code), testDecls) // types loaded outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		code := codes[i%2]
		i++
		if len(c.Complete(code, utf8.RuneCountInString(code), testDecls).Matches) == 0 {
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
	codes := [2]string{code, "\n" + code}
	c.Inspect(code, utf8.RuneCountInString(code)-10, testDecls)
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		code := codes[i%2]
		i++
		if _, ok := c.Inspect(code, utf8.RuneCountInString(code)-10, testDecls); !ok {
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
// loading the preloaded packages' types and decoding the doc table.
func BenchmarkFirstComplete(b *testing.B) {
	all := allExports()
	b.ReportAllocs()
	for b.Loop() {
		c := New(all, preloaded)
		c.docs = sync.OnceValue(decodeDocs)
		c.Complete("mat.New", 7, nil)
	}
}
