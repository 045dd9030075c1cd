package main

import (
	"fmt"
	"math"
)

func main() {
	ls := Backtracking{Alpha0: 1, Rho: 0.5, C: 1e-4, MaxSteps: 60}
	starts := [][2]float64{{-1.2, 1}, {0, 0}, {2, 2}}
	for _, s := range starts {
		x := []float64{s[0], s[1]}
		total := 0
		var k int
		for k = 0; k < 20000; k++ {
			g := rosenGrad(x)
			if norm(g) < 1e-3 {
				break
			}
			d := []float64{-g[0], -g[1]}
			alpha, n := ls.Search(rosen, x, d, g)
			total += n
			x[0] += alpha * d[0]
			x[1] += alpha * d[1]
		}
		fmt.Printf("start (%5.2f,%5.2f): iters=%5d backtracks=%6d x=(%.5f, %.5f) f=%.3e\n",
			s[0], s[1], k, total, x[0], x[1], rosen(x))
	}

	// Show the individual trial steps for the very first iteration.
	x := []float64{-1.2, 1}
	g := rosenGrad(x)
	d := []float64{-g[0], -g[1]}
	f0 := rosen(x)
	slope := g[0]*d[0] + g[1]*d[1]
	fmt.Printf("\nfirst iteration from (-1.2, 1): f0=%.4f slope=%.4f\n", f0, slope)
	alpha := ls.Alpha0
	for i := 0; i < 12; i++ {
		trial := []float64{x[0] + alpha*d[0], x[1] + alpha*d[1]}
		ft := rosen(trial)
		bound := f0 + ls.C*alpha*slope
		ok := ft <= bound
		fmt.Printf("  alpha=%.6e f=%.6e armijo bound=%.6e accepted=%v\n", alpha, ft, bound, ok)
		if ok {
			break
		}
		alpha *= ls.Rho
	}
}

// Backtracking implements the Armijo sufficient decrease rule.
type Backtracking struct {
	Alpha0, Rho, C float64
	MaxSteps       int
}

// Search returns an accepted step length and the number of reductions made.
func (b Backtracking) Search(f func([]float64) float64, x, d, g []float64) (float64, int) {
	f0 := f(x)
	slope := 0.0
	for i := range g {
		slope += g[i] * d[i]
	}
	alpha := b.Alpha0
	trial := make([]float64, len(x))
	for n := 0; n < b.MaxSteps; n++ {
		for i := range x {
			trial[i] = x[i] + alpha*d[i]
		}
		if f(trial) <= f0+b.C*alpha*slope {
			return alpha, n
		}
		alpha *= b.Rho
	}
	return alpha, b.MaxSteps
}

func rosen(x []float64) float64 {
	a := 1 - x[0]
	b := x[1] - x[0]*x[0]
	return a*a + 100*b*b
}

func rosenGrad(x []float64) []float64 {
	b := x[1] - x[0]*x[0]
	return []float64{-2*(1-x[0]) - 400*x[0]*b, 200 * b}
}

func norm(v []float64) float64 {
	s := 0.0
	for _, e := range v {
		s += e * e
	}
	return math.Sqrt(s)
}
