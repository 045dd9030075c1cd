package cell

import "testing"

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
