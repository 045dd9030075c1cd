package main

import (
	"fmt"
	"math"
)

type Vec []float64
type Mat [][]float64

func (a Vec) Dot(b Vec) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// axpy returns a + alpha*b as a new vector
func axpy(a Vec, alpha float64, b Vec) Vec {
	out := make(Vec, len(a))
	for i := range a {
		out[i] = a[i] + alpha*b[i]
	}
	return out
}

func (m Mat) MulVec(v Vec) Vec {
	out := make(Vec, len(m))
	for i, row := range m {
		out[i] = Vec(row).Dot(v)
	}
	return out
}

// poisson1D builds the n x n tridiagonal matrix tridiag(-1, 2, -1) + shift*I.
func poisson1D(n int, shift float64) Mat {
	A := make(Mat, n)
	for i := range A {
		A[i] = make([]float64, n)
		A[i][i] = 2 + shift
		if i > 0 {
			A[i][i-1] = -1
		}
		if i < n-1 {
			A[i][i+1] = -1
		}
	}
	return A
}

func conjugateGradient(A Mat, b Vec, tol float64, verbose bool) (Vec, int) {
	x := make(Vec, len(b))
	r := append(Vec(nil), b...) // r = b - A*0
	p := append(Vec(nil), r...)
	rs := r.Dot(r)
	for k := 1; k <= len(b)*2; k++ {
		Ap := A.MulVec(p)
		alpha := rs / p.Dot(Ap)
		x = axpy(x, alpha, p)
		r = axpy(r, -alpha, Ap)
		rsNew := r.Dot(r)
		if verbose {
			fmt.Printf("  k=%2d |r|=%.3e alpha=%.4f\n", k, math.Sqrt(rsNew), alpha)
		}
		if math.Sqrt(rsNew) < tol {
			return x, k
		}
		p = axpy(r, rsNew/rs, p)
		rs = rsNew
	}
	return x, -1
}

func steepest(A Mat, b Vec, tol float64, max int) int {
	x := make(Vec, len(b))
	for k := 1; k <= max; k++ {
		r := axpy(b, -1, A.MulVec(x))
		if math.Sqrt(r.Dot(r)) < tol {
			return k
		}
		alpha := r.Dot(r) / r.Dot(A.MulVec(r))
		x = axpy(x, alpha, r)
	}
	return -1
}

func main() {
	n := 8
	A := poisson1D(n, 0)
	b := make(Vec, n)
	for i := range b {
		b[i] = 1
	}
	fmt.Println("CG on 8x8 Poisson matrix, b = ones:")
	x, k := conjugateGradient(A, b, 1e-10, true)
	fmt.Printf("converged in %d iterations (n=%d)\nx = %.4f\n", k, n, x)
	res := axpy(b, -1, A.MulVec(x))
	fmt.Printf("residual norm = %.2e\n\n", math.Sqrt(res.Dot(res)))

	fmt.Printf("%-4s %-7s %-10s %-10s\n", "n", "shift", "CG iters", "SD iters")
	for _, n := range []int{10, 20, 40} {
		for _, s := range []float64{0, 0.5} {
			A := poisson1D(n, s)
			b := make(Vec, n)
			for i := range b {
				b[i] = math.Sin(float64(i + 1))
			}
			_, kcg := conjugateGradient(A, b, 1e-8, false)
			ksd := steepest(A, b, 1e-8, 50000)
			fmt.Printf("%-4d %-7.1f %-10d %-10d\n", n, s, kcg, ksd)
		}
	}
}
