// Homework 14: conjugate gradient.
// Part 1: linear CG on an SPD system (gonum SymDense), versus steepest descent.
// Part 2: nonlinear CG (Fletcher-Reeves and Polak-Ribiere+) on Rosenbrock.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

func buildSPD(n int) *mat.SymDense {
	// 1-D Laplacian plus a diagonal shift -> SPD, eigenvalues in (0.1, 4.1)
	A := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		A.SetSym(i, i, 2.1)
		if i+1 < n {
			A.SetSym(i, i+1, -1)
		}
	}
	return A
}

func linearCG(A *mat.SymDense, b *mat.VecDense, tol float64) ([]float64, *mat.VecDense) {
	n := b.Len()
	x := mat.NewVecDense(n, nil)
	r := mat.VecDenseCopyOf(b)
	p := mat.VecDenseCopyOf(r)
	var Ap mat.VecDense
	rr := mat.Dot(r, r)
	hist := []float64{math.Sqrt(rr)}
	for k := 0; k < n && math.Sqrt(rr) > tol; k++ {
		Ap.MulVec(A, p)
		alpha := rr / mat.Dot(p, &Ap)
		x.AddScaledVec(x, alpha, p)
		r.AddScaledVec(r, -alpha, &Ap)
		rrNew := mat.Dot(r, r)
		p.AddScaledVec(r, rrNew/rr, p)
		rr = rrNew
		hist = append(hist, math.Sqrt(rr))
	}
	return hist, x
}

func steepest(A *mat.SymDense, b *mat.VecDense, iters int) []float64 {
	n := b.Len()
	x := mat.NewVecDense(n, nil)
	r := mat.VecDenseCopyOf(b)
	var Ar mat.VecDense
	hist := []float64{mat.Norm(r, 2)}
	for k := 0; k < iters; k++ {
		Ar.MulVec(A, r)
		alpha := mat.Dot(r, r) / mat.Dot(r, &Ar)
		x.AddScaledVec(x, alpha, r)
		r.AddScaledVec(r, -alpha, &Ar)
		hist = append(hist, mat.Norm(r, 2))
	}
	return hist
}

func rosen(x []float64) float64 {
	a, b := 1-x[0], x[1]-x[0]*x[0]
	return a*a + 100*b*b
}

func rosenGrad(x []float64) []float64 {
	return []float64{-2*(1-x[0]) - 400*x[0]*(x[1]-x[0]*x[0]), 200 * (x[1] - x[0]*x[0])}
}

// backtracking line search with an initial step guess
func backtrack(x, d []float64, f0, slope, a0 float64) float64 {
	a := a0
	xt := make([]float64, len(x))
	for a > 1e-14 {
		floats.AddScaledTo(xt, x, a, d)
		if rosen(xt) <= f0+1e-4*a*slope {
			return a
		}
		a *= 0.5
	}
	return a
}

func nonlinearCG(variant string, maxIter int) (int, float64, int) {
	x := []float64{-1.2, 1}
	g := rosenGrad(x)
	d := make([]float64, 2)
	floats.ScaleTo(d, -1, g)
	restarts := 0
	aPrev := 1.0
	for k := 0; k < maxIter; k++ {
		if floats.Norm(g, 2) < 1e-6 {
			return k, rosen(x), restarts
		}
		slope := floats.Dot(g, d)
		if slope >= 0 { // not a descent direction -> restart
			floats.ScaleTo(d, -1, g)
			slope = floats.Dot(g, d)
			restarts++
		}
		a := backtrack(x, d, rosen(x), slope, math.Min(1, 2*aPrev))
		aPrev = a
		floats.AddScaled(x, a, d)
		gNew := rosenGrad(x)
		var beta float64
		switch variant {
		case "FR":
			beta = floats.Dot(gNew, gNew) / floats.Dot(g, g)
		case "PR+":
			y := make([]float64, 2)
			floats.SubTo(y, gNew, g)
			beta = math.Max(0, floats.Dot(gNew, y)/floats.Dot(g, g))
		case "SD":
			beta = 0
		}
		for i := range d {
			d[i] = -gNew[i] + beta*d[i]
		}
		g = gNew
	}
	return maxIter, rosen(x), restarts
}

func main() {
	n := 40
	A := buildSPD(n)
	b := mat.NewVecDense(n, nil)
	for i := 0; i < n; i++ {
		b.SetVec(i, math.Sin(float64(i+1)))
	}
	cg, x := linearCG(A, b, 1e-10)
	sd := steepest(A, b, len(cg)-1)
	fmt.Printf("Linear system n=%d, tridiagonal SPD\n", n)
	fmt.Printf("%5s %14s %14s\n", "k", "CG |r|", "SD |r|")
	for k := 0; k < len(cg); k += 4 {
		fmt.Printf("%5d %14.6e %14.6e\n", k, cg[k], sd[k])
	}
	last := len(cg) - 1
	if last%4 != 0 {
		fmt.Printf("%5d %14.6e %14.6e\n", last, cg[last], sd[last])
	}
	var res mat.VecDense
	res.MulVec(A, x)
	res.SubVec(&res, b)
	fmt.Printf("CG converged in %d iterations (<= n=%d), check |Ax-b| = %.3e\n\n", last, n, mat.Norm(&res, 2))

	fmt.Println("Nonlinear CG on Rosenbrock from (-1.2, 1)")
	fmt.Printf("%-6s %8s %14s %9s\n", "method", "iters", "final f", "restarts")
	for _, v := range []string{"SD", "FR", "PR+"} {
		k, f, r := nonlinearCG(v, 20000)
		fmt.Printf("%-6s %8d %14.6e %9d\n", v, k, f, r)
	}
}
