// Homework 5: learning-rate sweep and the divergence threshold lr = 2/lambda_max.
// Least-squares regression on a fixed dataset: the Hessian is X^T X / n.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

var X = [][]float64{
	{1, 0.5, 1.2}, {1, -1.1, 0.3}, {1, 2.0, -0.7}, {1, 0.1, 0.9},
	{1, -0.4, -1.5}, {1, 1.7, 2.2}, {1, -2.3, 0.4}, {1, 0.8, -0.2},
}
var Y = []float64{2.1, -0.6, 1.9, 1.4, -1.8, 4.9, -1.9, 0.9}

func loss(w []float64) float64 {
	s := 0.0
	for i, row := range X {
		r := -Y[i]
		for j, v := range row {
			r += v * w[j]
		}
		s += r * r
	}
	return s / (2 * float64(len(X)))
}

func grad(w []float64) []float64 {
	g := make([]float64, len(w))
	n := float64(len(X))
	for i, row := range X {
		r := -Y[i]
		for j, v := range row {
			r += v * w[j]
		}
		for j, v := range row {
			g[j] += r * v / n
		}
	}
	return g
}

func main() {
	n, d := len(X), len(X[0])
	Xm := mat.NewDense(n, d, nil)
	for i, row := range X {
		Xm.SetRow(i, row)
	}
	H := mat.NewSymDense(d, nil)
	H.SymOuterK(1/float64(n), Xm.T())
	var es mat.EigenSym
	es.Factorize(H, false)
	ev := es.Values(nil)
	lmin, lmax := ev[0], ev[len(ev)-1]
	fmt.Printf("Hessian eigenvalues: %.6f %.6f %.6f\n", ev[0], ev[1], ev[2])
	fmt.Printf("condition number %.3f, critical lr 2/lmax = %.6f\n", lmax/lmin, 2/lmax)

	// optimal loss via normal equations
	var wStar mat.VecDense
	var xty mat.VecDense
	xty.MulVec(Xm.T(), mat.NewVecDense(n, Y))
	xty.ScaleVec(1/float64(n), &xty)
	if err := wStar.SolveVec(H, &xty); err != nil {
		panic(err)
	}
	fStar := loss(wStar.RawVector().Data)
	fmt.Printf("optimal loss %.6f\n\n", fStar)

	fmt.Printf("%8s %10s %16s %10s\n", "lr/crit", "lr", "f(200)-f*", "status")
	for _, m := range []float64{0.1, 0.25, 0.5, 0.9, 0.99, 1.0, 1.01, 1.05, 1.2, 1.5} {
		lr := m * 2 / lmax
		w := make([]float64, d)
		for t := 0; t < 200; t++ {
			g := grad(w)
			for j := range w {
				w[j] -= lr * g[j]
			}
		}
		gap := loss(w) - fStar
		status := "converge"
		switch {
		case math.IsNaN(gap) || gap > 1e3:
			status = "DIVERGE"
		case gap > 1e-3:
			status = "slow/osc"
		}
		fmt.Printf("%8.2f %10.5f %16.6e %10s\n", m, lr, gap, status)
	}
	// Best fixed lr for a quadratic: 2/(lmin+lmax)
	fmt.Printf("\noptimal fixed lr 2/(lmin+lmax) = %.6f, contraction %.6f\n", 2/(lmin+lmax), (lmax-lmin)/(lmax+lmin))
}
