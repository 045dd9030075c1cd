package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/functions"
)

var rb = functions.ExtendedRosenbrock{}

func grad(x []float64) []float64 {
	g := make([]float64, len(x))
	rb.Grad(g, x)
	return g
}

func hvpForward(x, v []float64, eps float64) []float64 {
	xp := make([]float64, len(x))
	floats.AddScaledTo(xp, x, eps, v)
	out := grad(xp)
	floats.Sub(out, grad(x))
	floats.Scale(1/eps, out)
	return out
}

func hvpCentral(x, v []float64, eps float64) []float64 {
	xp := make([]float64, len(x))
	xm := make([]float64, len(x))
	floats.AddScaledTo(xp, x, eps, v)
	floats.AddScaledTo(xm, x, -eps, v)
	out := grad(xp)
	floats.Sub(out, grad(xm))
	floats.Scale(1/(2*eps), out)
	return out
}

func exactHess(x []float64) *mat.SymDense {
	n := len(x)
	H := mat.NewSymDense(n, nil)
	for i := 0; i < n-1; i++ {
		H.SetSym(i, i, H.At(i, i)+2-400*x[i+1]+1200*x[i]*x[i])
		H.SetSym(i, i+1, -400*x[i])
		H.SetSym(i+1, i+1, H.At(i+1, i+1)+200)
	}
	return H
}

// cg approximately solves H p = -g using only Hessian-vector products.
// Stops at negative curvature (truncated Newton).
func cg(hv func([]float64) []float64, g []float64, maxIter int, tol float64) ([]float64, int, bool) {
	n := len(g)
	p := make([]float64, n)
	r := make([]float64, n)
	floats.ScaleTo(r, -1, g)
	d := append([]float64(nil), r...)
	rr := floats.Dot(r, r)
	for k := 0; k < maxIter; k++ {
		Hd := hv(d)
		dHd := floats.Dot(d, Hd)
		if dHd <= 0 {
			if k == 0 {
				return d, k, true
			}
			return p, k, true
		}
		alpha := rr / dHd
		floats.AddScaled(p, alpha, d)
		floats.AddScaled(r, -alpha, Hd)
		rrNew := floats.Dot(r, r)
		if math.Sqrt(rrNew) < tol {
			return p, k + 1, false
		}
		floats.AddScaledTo(d, r, rrNew/rr, d)
		rr = rrNew
	}
	return p, maxIter, false
}

func main() {
	x := []float64{-1.2, 1, -1.2, 1, 0.5, 0.5}
	v := []float64{1, -1, 0.5, 0, 2, -0.5}

	H := exactHess(x)
	var exact, approx mat.VecDense
	exact.MulVec(H, mat.NewVecDense(len(v), v))
	ref := exact.RawVector().Data
	var Hfd mat.SymDense
	fd.Hessian(&Hfd, rb.Func, x, &fd.Settings{Formula: fd.Central})
	approx.MulVec(&Hfd, mat.NewVecDense(len(v), v))
	fmt.Printf("exact Hv:          %.4f\n", ref)
	fmt.Printf("Hv via fd.Hessian: %.4f\n", approx.RawVector().Data)
	fmt.Println("    eps     forward err   central err")
	for _, eps := range []float64{1e-2, 1e-4, 1e-6, 1e-8} {
		ef := floats.Distance(hvpForward(x, v, eps), ref, 2)
		ec := floats.Distance(hvpCentral(x, v, eps), ref, 2)
		fmt.Printf("%8.0e  %12.4e  %12.4e\n", eps, ef, ec)
	}

	// truncated Newton-CG with Armijo backtracking
	fmt.Println("\nNewton-CG on 6-D extended Rosenbrock:")
	for it := 0; it < 100; it++ {
		g := grad(x)
		gn := floats.Norm(g, 2)
		if gn < 1e-8 {
			fmt.Printf("converged after %d outer iterations\n", it)
			break
		}
		hv := func(d []float64) []float64 { return hvpCentral(x, d, 1e-6) }
		p, inner, negCurv := cg(hv, g, 20, math.Min(0.5, math.Sqrt(gn))*gn)
		t, f0, slope := 1.0, rb.Func(x), floats.Dot(g, p)
		if slope >= 0 { // not a descent direction: fall back to -g
			p = floats.ScaleTo(make([]float64, len(g)), -1, g)
			slope = -gn * gn
		}
		trial := make([]float64, len(x))
		for {
			floats.AddScaledTo(trial, x, t, p)
			if rb.Func(trial) <= f0+1e-4*t*slope || t < 1e-10 {
				break
			}
			t *= 0.5
		}
		copy(x, trial)
		if it%3 == 0 || negCurv {
			fmt.Printf(" it=%2d f=%.6e |g|=%.3e cg=%2d t=%.4f negcurv=%v\n", it, rb.Func(x), gn, inner, t, negCurv)
		}
	}
	fmt.Printf("solution: %.8f\n", x)
}
