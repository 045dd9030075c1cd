// Homework 9: Hessian-vector products from finite differences of the
// gradient, and a Hessian-free Newton-CG method on the extended
// Rosenbrock function.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

const dim = 6

type GradFunc func(x []float64) []float64

func rosen(x []float64) float64 {
	s := 0.0
	for i := 0; i < len(x)-1; i++ {
		a := x[i+1] - x[i]*x[i]
		b := 1 - x[i]
		s += 100*a*a + b*b
	}
	return s
}

func rosenGrad(x []float64) []float64 {
	g := make([]float64, len(x))
	for i := 0; i < len(x)-1; i++ {
		a := x[i+1] - x[i]*x[i]
		g[i] += -400*x[i]*a - 2*(1-x[i])
		g[i+1] += 200 * a
	}
	return g
}

func rosenHess(x []float64) *mat.SymDense {
	n := len(x)
	H := mat.NewSymDense(n, nil)
	for i := 0; i < n-1; i++ {
		H.SetSym(i, i, H.At(i, i)+1200*x[i]*x[i]-400*x[i+1]+2)
		H.SetSym(i+1, i+1, H.At(i+1, i+1)+200)
		H.SetSym(i, i+1, -400*x[i])
	}
	return H
}

// hvp approximates H(x) v with a central difference of gradients.
func hvp(grad GradFunc, x, v []float64, eps float64) []float64 {
	xp := make([]float64, len(x))
	xm := make([]float64, len(x))
	floats.AddScaledTo(xp, x, eps, v)
	floats.AddScaledTo(xm, x, -eps, v)
	out := grad(xp)
	floats.Sub(out, grad(xm))
	floats.Scale(1/(2*eps), out)
	return out
}

// cgSolve solves H d = -g approximately using only Hessian-vector products.
// Stops early on negative curvature (truncated Newton).
func cgSolve(Hv func([]float64) []float64, g []float64, tol float64, maxIt int) ([]float64, int) {
	n := len(g)
	d := make([]float64, n)
	r := make([]float64, n)
	floats.ScaleTo(r, -1, g)
	p := append([]float64(nil), r...)
	rr := floats.Dot(r, r)
	for k := 0; k < maxIt; k++ {
		Hp := Hv(p)
		curv := floats.Dot(p, Hp)
		if curv <= 0 {
			if k == 0 {
				return r, k
			}
			return d, k
		}
		alpha := rr / curv
		floats.AddScaled(d, alpha, p)
		floats.AddScaled(r, -alpha, Hp)
		rrNew := floats.Dot(r, r)
		if math.Sqrt(rrNew) < tol {
			return d, k + 1
		}
		floats.AddScaledTo(p, r, rrNew/rr, p)
		rr = rrNew
	}
	return d, maxIt
}

func main() {
	x := []float64{-1.2, 1, -0.5, 0.8, 1.5, 0.3}
	v := []float64{1, -1, 0.5, 0.25, 0, 2}
	exact := mat.NewVecDense(dim, nil)
	exact.MulVec(rosenHess(x), mat.NewVecDense(dim, v))
	fmt.Printf("exact Hv: %.3f\n", exact.RawVector().Data)
	fmt.Println("   eps      rel. error")
	for _, eps := range []float64{1e-1, 1e-2, 1e-3, 1e-4} {
		approx := hvp(rosenGrad, x, v, eps)
		diff := make([]float64, dim)
		floats.SubTo(diff, approx, exact.RawVector().Data)
		fmt.Printf("  %6.0e   %.2e\n", eps, floats.Norm(diff, 2)/mat.Norm(exact, 2))
	}

	fmt.Println("Hessian-free Newton-CG with backtracking:")
	for it := 0; it < 150; it++ {
		g := rosenGrad(x)
		gn := floats.Norm(g, 2)
		if gn < 1e-8 {
			fmt.Printf("  converged at it %d: |g| < 1e-8, f < 1e-12: %v\n", it, rosen(x) < 1e-12)
			break
		}
		if it%10 == 0 {
			fmt.Printf("  it %2d  f=%.4e  |g|=%.3e\n", it, rosen(x), gn)
		}
		Hv := func(p []float64) []float64 { return hvp(rosenGrad, x, p, 1e-4) }
		d, _ := cgSolve(Hv, g, math.Min(0.5, math.Sqrt(gn))*gn, 50)
		t := 1.0
		f0 := rosen(x)
		slope := floats.Dot(g, d)
		trial := make([]float64, dim)
		for {
			floats.AddScaledTo(trial, x, t, d)
			if rosen(trial) <= f0+1e-4*t*slope || t < 1e-10 {
				break
			}
			t *= 0.5
		}
		copy(x, trial)
	}
	fmt.Printf("solution: %.5f\n", x)
}
