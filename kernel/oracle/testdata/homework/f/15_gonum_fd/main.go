package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
)

func himmelblau(x []float64) float64 {
	a := x[0]*x[0] + x[1] - 11
	b := x[0] + x[1]*x[1] - 7
	return a*a + b*b
}

func himmelblauGrad(x []float64) []float64 {
	a := x[0]*x[0] + x[1] - 11
	b := x[0] + x[1]*x[1] - 7
	return []float64{4*x[0]*a + 2*b, 2*a + 4*x[1]*b}
}

func main() {
	points := [][]float64{{0, 0}, {1, -2}, {3, 2}, {-2.5, 3.1}}
	formulas := []struct {
		name string
		f    fd.Formula
	}{
		{"Forward", fd.Forward},
		{"Backward", fd.Backward},
		{"Central", fd.Central},
	}

	for _, p := range points {
		exact := himmelblauGrad(p)
		fmt.Printf("x=(%5.2f,%5.2f) analytic grad = [%12.6f %12.6f]\n", p[0], p[1], exact[0], exact[1])
		for _, fm := range formulas {
			g := fd.Gradient(nil, himmelblau, p, &fd.Settings{Formula: fm.f})
			err := floats.Distance(g, exact, 2)
			fmt.Printf("  %-9s [%12.6f %12.6f]  err=%.3e\n", fm.name, g[0], g[1], err)
		}
	}

	// Step size dependence of the forward formula at one point.
	p := []float64{1, -2}
	exact := himmelblauGrad(p)
	fmt.Println("\nforward difference error vs step at (1,-2):")
	for _, h := range []float64{1e-2, 1e-4, 1e-6, 1e-8, 1e-10} {
		g := fd.Gradient(nil, himmelblau, p, &fd.Settings{Formula: fd.Forward, Step: h})
		fmt.Printf("  step=%.0e err=%.3e\n", h, floats.Distance(g, exact, 2))
	}

	// Reusing a known origin value saves one function evaluation.
	calls := 0
	counted := func(x []float64) float64 {
		calls++
		return himmelblau(x)
	}
	fd.Gradient(nil, counted, p, &fd.Settings{Formula: fd.Forward})
	withoutOrigin := calls
	calls = 0
	fd.Gradient(nil, counted, p, &fd.Settings{Formula: fd.Forward, OriginKnown: true, OriginValue: himmelblau(p)})
	fmt.Printf("\nforward gradient evaluations: %d without origin, %d with OriginKnown\n", withoutOrigin, calls)

	// Scalar derivative and Laplacian.
	d := fd.Derivative(math.Tanh, 0.5, &fd.Settings{Formula: fd.Central})
	fmt.Printf("d/dx tanh(0.5): fd=%.8f exact=%.8f\n", d, 1-math.Pow(math.Tanh(0.5), 2))
	lap := fd.Laplacian(himmelblau, p, nil)
	exactLap := (8*p[0]*p[0] + 4*(p[0]*p[0]+p[1]-11) + 2) + (2 + 8*p[1]*p[1] + 4*(p[0]+p[1]*p[1]-7))
	fmt.Printf("Laplacian at (1,-2): fd=%.6f exact=%.6f\n", lap, exactLap)
}
