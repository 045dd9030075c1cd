// Homework 1: finite-difference gradients.
// Compare forward and central differences against the analytic gradient
// and watch truncation error trade off against round-off error as h shrinks.
package main

import (
	"fmt"
	"math"
)

type fn func(x []float64) float64

// f(x) = x0^2 * x1 + sin(x1) * exp(x2) + x2^3 / 3
func f(x []float64) float64 {
	return x[0]*x[0]*x[1] + math.Sin(x[1])*math.Exp(x[2]) + x[2]*x[2]*x[2]/3
}

func gradF(x []float64) []float64 {
	return []float64{
		2 * x[0] * x[1],
		x[0]*x[0] + math.Cos(x[1])*math.Exp(x[2]),
		math.Sin(x[1])*math.Exp(x[2]) + x[2]*x[2],
	}
}

// forward returns a gradient estimator using forward differences with step h.
func forward(f fn, h float64) func([]float64) []float64 {
	return func(x []float64) []float64 {
		g := make([]float64, len(x))
		fx := f(x)
		xp := append([]float64(nil), x...)
		for i := range x {
			xp[i] = x[i] + h
			g[i] = (f(xp) - fx) / h
			xp[i] = x[i]
		}
		return g
	}
}

// central returns a gradient estimator using central differences with step h.
func central(f fn, h float64) func([]float64) []float64 {
	return func(x []float64) []float64 {
		g := make([]float64, len(x))
		xp := append([]float64(nil), x...)
		for i := range x {
			xp[i] = x[i] + h
			fp := f(xp)
			xp[i] = x[i] - h
			fm := f(xp)
			xp[i] = x[i]
			g[i] = (fp - fm) / (2 * h)
		}
		return g
	}
}

func maxAbsErr(a, b []float64) float64 {
	m := 0.0
	for i := range a {
		m = math.Max(m, math.Abs(a[i]-b[i]))
	}
	return m
}

func main() {
	x := []float64{0.7, -1.3, 0.4}
	exact := gradF(x)
	fmt.Printf("x = [%.3f %.3f %.3f]\n", x[0], x[1], x[2])
	fmt.Printf("analytic gradient = [%.8f %.8f %.8f]\n\n", exact[0], exact[1], exact[2])

	fmt.Printf("%8s %14s %14s\n", "h", "forward err", "central err")
	bestF, bestC := math.Inf(1), math.Inf(1)
	var hF, hC float64
	for k := 1; k <= 13; k++ {
		h := math.Pow(10, -float64(k))
		ef := maxAbsErr(forward(f, h)(x), exact)
		ec := maxAbsErr(central(f, h)(x), exact)
		if ef < bestF {
			bestF, hF = ef, h
		}
		if ec < bestC {
			bestC, hC = ec, h
		}
		fmt.Printf("%8.0e %14.3e %14.3e\n", h, ef, ec)
	}
	fmt.Println()
	fmt.Printf("best forward h = %.0e (err %.2e), theory ~ sqrt(eps) = %.1e\n", hF, bestF, math.Sqrt(2.2e-16))
	fmt.Printf("best central h = %.0e (err %.2e), theory ~ cbrt(eps) = %.1e\n", hC, bestC, math.Cbrt(2.2e-16))

	// Slope of the error curve in the truncation regime: error(h)/error(h/10).
	r1 := maxAbsErr(forward(f, 1e-2)(x), exact) / maxAbsErr(forward(f, 1e-3)(x), exact)
	r2 := maxAbsErr(central(f, 1e-2)(x), exact) / maxAbsErr(central(f, 1e-3)(x), exact)
	fmt.Printf("error ratio per decade: forward %.1f (O(h)), central %.1f (O(h^2))\n", r1, r2)
}
