package symeig

import "github.com/gocurve/gocurve/internal/cpufeat"

// dotAxpyAVX2 returns a·x and adds alpha·a to y, over len(a) elements, in
// one pass with AVX2 and FMA; x and y must be at least as long as a.
//
//go:noescape
func dotAxpyAVX2(a, x, y []float64, alpha float64) float64

// dotAxpy returns a·x and adds alpha·a to y (the row of a symmetric
// matrix-vector product), in one pass where the CPU has AVX2 and FMA.
func dotAxpy(a, x, y []float64, alpha float64) float64 {
	if !cpufeat.AVX2FMA || len(a) < 16 {
		return dotAxpyGo(a, x, y, alpha)
	}
	_, _ = x[len(a)-1], y[len(a)-1]
	return dotAxpyAVX2(a, x, y, alpha)
}
