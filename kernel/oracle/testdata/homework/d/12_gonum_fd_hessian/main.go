package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// f(x) = x0^2 * x1 + exp(x1*x2) + sin(x0)
func f(x []float64) float64 {
	return x[0]*x[0]*x[1] + math.Exp(x[1]*x[2]) + math.Sin(x[0])
}

func grad(x []float64) []float64 {
	e := math.Exp(x[1] * x[2])
	return []float64{
		2*x[0]*x[1] + math.Cos(x[0]),
		x[0]*x[0] + x[2]*e,
		x[1] * e,
	}
}

func hess(x []float64) *mat.SymDense {
	e := math.Exp(x[1] * x[2])
	h := mat.NewSymDense(3, nil)
	h.SetSym(0, 0, 2*x[1]-math.Sin(x[0]))
	h.SetSym(0, 1, 2*x[0])
	h.SetSym(0, 2, 0)
	h.SetSym(1, 1, x[2]*x[2]*e)
	h.SetSym(1, 2, e+x[1]*x[2]*e)
	h.SetSym(2, 2, x[1]*x[1]*e)
	return h
}

func main() {
	x := []float64{0.7, -0.4, 1.1}
	fmt.Printf("x = %v, f(x) = %.10f\n", x, f(x))

	exact := grad(x)
	formulas := []struct {
		name string
		form fd.Formula
	}{
		{"forward", fd.Forward},
		{"backward", fd.Backward},
		{"central", fd.Central},
	}
	fmt.Printf("analytic gradient: %.10f\n", exact)
	for _, fm := range formulas {
		g := fd.Gradient(nil, f, x, &fd.Settings{Formula: fm.form})
		diff := make([]float64, len(g))
		floats.SubTo(diff, g, exact)
		fmt.Printf("%-8s %.10f  maxerr=%.3e\n", fm.name, g, floats.Norm(diff, math.Inf(1)))
	}

	// Hessians
	H := hess(x)
	var Hfd mat.SymDense
	fd.Hessian(&Hfd, f, x, nil)
	var Hc mat.SymDense
	fd.Hessian(&Hc, f, x, &fd.Settings{Formula: fd.Central, Step: 1e-4})

	fmt.Printf("analytic Hessian:\n%.6f\n", mat.Formatted(H, mat.Squeeze()))
	fmt.Printf("fd Hessian (default forward):\n%.6f\n", mat.Formatted(&Hfd, mat.Squeeze()))

	var d1, d2 mat.Dense
	d1.Sub(&Hfd, H)
	d2.Sub(&Hc, H)
	fmt.Printf("max |H_fd - H|      = %.3e\n", mat.Norm(&d1, math.Inf(1)))
	fmt.Printf("max |H_central - H| = %.3e (row-sum norm)\n", mat.Norm(&d2, math.Inf(1)))

	// Laplacian = trace of Hessian
	lap := fd.Laplacian(f, x, nil)
	fmt.Printf("Laplacian fd=%.6f trace=%.6f\n", lap, mat.Trace(H))

	// 1-D derivative along a direction d: phi(t) = f(x + t d)
	d := []float64{1, -1, 0.5}
	phi := func(t float64) float64 {
		y := make([]float64, len(x))
		floats.AddScaledTo(y, x, t, d)
		return f(y)
	}
	dphi := fd.Derivative(phi, 0, &fd.Settings{Formula: fd.Central})
	d2phi := fd.Derivative(phi, 0, &fd.Settings{Formula: fd.Central2nd})
	dv := mat.NewVecDense(3, d)
	fmt.Printf("directional derivative fd=%.8f exact=%.8f\n", dphi, floats.Dot(exact, d))
	fmt.Printf("curvature along d    fd=%.6f exact=%.6f\n", d2phi, mat.Inner(dv, H, dv))
}
