package optim

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// norm returns ‖x‖₂ as √(x·x), falling back to gonum's scaled (slower,
// overflow-safe) norm only when x·x leaves the safe range; hand-written
// because floats.Norm scales every element and dominates cheap steps.
func norm(x []float64) float64 {
	s := floats.Dot(x, x)
	if s > 1e-280 && s < 1e280 {
		return math.Sqrt(s)
	}
	return floats.Norm(x, 2)
}

// dist returns ‖a − b‖₂ the same way.
func dist(a, b []float64) float64 {
	b = b[:len(a)]
	s := 0.0
	for i, v := range a {
		d := v - b[i]
		s += d * d
	}
	if s > 1e-280 && s < 1e280 {
		return math.Sqrt(s)
	}
	return floats.Distance(a, b, 2)
}
