// Homework 1: plain gradient descent on a convex quadratic
// f(x) = 1/2 x^T A x - b^T x, with A symmetric positive definite.
package main

import (
	"fmt"
	"math"
)

// A and b define the quadratic.
var A = [][]float64{
	{3, 1},
	{1, 2},
}
var b = []float64{1, -1}

func f(x []float64) float64 {
	s := 0.0
	for i := range x {
		for j := range x {
			s += 0.5 * x[i] * A[i][j] * x[j]
		}
		s -= b[i] * x[i]
	}
	return s
}

func grad(x []float64) []float64 {
	g := make([]float64, len(x))
	for i := range x {
		for j := range x {
			g[i] += A[i][j] * x[j]
		}
		g[i] -= b[i]
	}
	return g
}

func norm(v []float64) float64 {
	s := 0.0
	for _, e := range v {
		s += e * e
	}
	return math.Sqrt(s)
}

func main() {
	// exact solution of A x = b for a 2x2 system by Cramer's rule
	det := A[0][0]*A[1][1] - A[0][1]*A[1][0]
	xstar := []float64{
		(b[0]*A[1][1] - A[0][1]*b[1]) / det,
		(A[0][0]*b[1] - A[1][0]*b[0]) / det,
	}
	fstar := f(xstar)
	fmt.Printf("exact minimizer x* = [%.6f %.6f], f* = %.6f\n", xstar[0], xstar[1], fstar)

	x := []float64{2, 2}
	lr := 0.25
	fmt.Println("iter        x1         x2          f(x)      |grad|")
	for k := 0; k <= 40; k++ {
		g := grad(x)
		if k%5 == 0 {
			fmt.Printf("%4d  %9.6f  %9.6f  %11.6f  %.4e\n", k, x[0], x[1], f(x), norm(g))
		}
		for i := range x {
			x[i] -= lr * g[i]
		}
	}
	errv := []float64{x[0] - xstar[0], x[1] - xstar[1]}
	fmt.Printf("final distance to x*: %.4e\n", norm(errv))
	fmt.Printf("final gap f(x)-f*:    %.4e\n", f(x)-fstar)

	// theoretical contraction factor max |1 - lr*lambda|
	tr := A[0][0] + A[1][1]
	disc := math.Sqrt(tr*tr/4 - det)
	l1, l2 := tr/2+disc, tr/2-disc
	rate := math.Max(math.Abs(1-lr*l1), math.Abs(1-lr*l2))
	fmt.Printf("eigenvalues: %.6f %.6f\n", l1, l2)
	fmt.Printf("contraction factor per step: %.6f\n", rate)
	fmt.Printf("predicted error after 41 steps ~ %.4e\n", math.Pow(rate, 41)*norm([]float64{2 - xstar[0], 2 - xstar[1]}))
}
