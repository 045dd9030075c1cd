package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// Beale's function and its analytic Hessian.
func beale(x []float64) float64 {
	a := 1.5 - x[0] + x[0]*x[1]
	b := 2.25 - x[0] + x[0]*x[1]*x[1]
	c := 2.625 - x[0] + x[0]*x[1]*x[1]*x[1]
	return a*a + b*b + c*c
}

func bealeHessian(x []float64) *mat.SymDense {
	u, v := x[0], x[1]
	a := 1.5 - u + u*v
	b := 2.25 - u + u*v*v
	c := 2.625 - u + u*v*v*v
	au, av := v-1, u
	bu, bv := v*v-1, 2*u*v
	cu, cv := v*v*v-1, 3*u*v*v
	huu := 2 * (au*au + bu*bu + cu*cu)
	huv := 2 * (au*av + a*1 + bu*bv + b*2*v + cu*cv + c*3*v*v)
	hvv := 2 * (av*av + bv*bv + b*2*u + cv*cv + c*6*u*v)
	return mat.NewSymDense(2, []float64{huu, huv, huv, hvv})
}

// hessianFD builds the Hessian from central differences of f only.
func hessianFD(f func([]float64) float64, x []float64, h float64) *mat.SymDense {
	n := len(x)
	H := mat.NewSymDense(n, nil)
	xp := make([]float64, n)
	eval := func(i, j int, si, sj float64) float64 {
		copy(xp, x)
		xp[i] += si * h
		xp[j] += sj * h
		return f(xp)
	}
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			var v float64
			if i == j {
				copy(xp, x)
				fx := f(xp)
				v = (eval(i, i, 0.5, 0.5) - 2*fx + eval(i, i, -0.5, -0.5)) / (h * h)
			} else {
				v = (eval(i, j, 1, 1) - eval(i, j, 1, -1) - eval(i, j, -1, 1) + eval(i, j, -1, -1)) / (4 * h * h)
			}
			H.SetSym(i, j, v)
		}
	}
	return H
}

func maxAbsDiff(a, b mat.Matrix) float64 {
	var d mat.Dense
	d.Sub(a, b)
	return mat.Norm(&d, math.Inf(1))
}

func main() {
	x := []float64{1, 0.8}
	exact := bealeHessian(x)
	fmt.Printf("analytic Hessian of Beale at (%.1f, %.1f):\n%.6f\n\n", x[0], x[1], mat.Formatted(exact))

	fmt.Printf("%10s %16s\n", "h", "max error (own)")
	for _, h := range []float64{1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6} {
		H := hessianFD(beale, x, h)
		fmt.Printf("%10.0e %16.4e\n", h, maxAbsDiff(H, exact))
	}

	var gh mat.SymDense
	fd.Hessian(&gh, beale, x, nil)
	fmt.Printf("\ngonum fd.Hessian (default settings):\n%.6f\n", mat.Formatted(&gh))
	fmt.Printf("max error: %.4e\n", maxAbsDiff(&gh, exact))

	fd.Hessian(&gh, beale, x, &fd.Settings{Step: 1e-3})
	fmt.Printf("gonum fd.Hessian with step 1e-3, max error: %.4e\n", maxAbsDiff(&gh, exact))

	// At the minimum (3, 0.5) the Hessian is positive definite.
	xmin := []float64{3, 0.5}
	var eig mat.EigenSym
	if eig.Factorize(bealeHessian(xmin), false) {
		vals := eig.Values(nil)
		fmt.Printf("\neigenvalues at the minimum (3, 0.5): %.6f %.6f\n", vals[0], vals[1])
	}
}
