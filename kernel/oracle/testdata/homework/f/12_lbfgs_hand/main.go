package main

import (
	"fmt"
	"math"
)

type Float interface{ ~float32 | ~float64 }

func dot[T Float](a, b []T) T {
	var s T
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func axpy[T Float](alpha T, x, y []T) {
	for i := range x {
		y[i] += alpha * x[i]
	}
}

func clone[T any](s []T) []T { return append([]T(nil), s...) }

// extended Rosenbrock in n dimensions (n even)
func extRosen(x []float64) (float64, []float64) {
	f := 0.0
	g := make([]float64, len(x))
	for i := 0; i < len(x); i += 2 {
		a := 1 - x[i]
		b := x[i+1] - x[i]*x[i]
		f += a*a + 100*b*b
		g[i] = -2*a - 400*x[i]*b
		g[i+1] = 200 * b
	}
	return f, g
}

type pair struct{ s, y []float64 }

// direction runs the L-BFGS two-loop recursion: returns -H*g.
func direction(g []float64, mem []pair) []float64 {
	q := clone(g)
	alphas := make([]float64, len(mem))
	for i := len(mem) - 1; i >= 0; i-- {
		rho := 1 / dot(mem[i].y, mem[i].s)
		alphas[i] = rho * dot(mem[i].s, q)
		axpy(-alphas[i], mem[i].y, q)
	}
	gamma := 1.0
	if n := len(mem); n > 0 {
		gamma = dot(mem[n-1].s, mem[n-1].y) / dot(mem[n-1].y, mem[n-1].y)
	}
	for i := range q {
		q[i] *= gamma
	}
	for i := range mem {
		rho := 1 / dot(mem[i].y, mem[i].s)
		beta := rho * dot(mem[i].y, q)
		axpy(alphas[i]-beta, mem[i].s, q)
	}
	for i := range q {
		q[i] = -q[i]
	}
	return q
}

func lbfgs(fg func([]float64) (float64, []float64), x0 []float64, m int) ([]float64, int, int) {
	x := clone(x0)
	f, g := fg(x)
	var mem []pair
	evals := 1
	for k := 0; k < 500; k++ {
		if math.Sqrt(dot(g, g)) < 1e-8 {
			return x, k, evals
		}
		d := direction(g, mem)
		slope := dot(g, d)
		// Weak Wolfe line search by bisection/doubling (Lewis-Overton).
		t, lo, hi := 1.0, 0.0, math.Inf(1)
		var xn, gn []float64
		var fn float64
		for tries := 0; tries < 60; tries++ {
			xn = clone(x)
			axpy(t, d, xn)
			fn, gn = fg(xn)
			evals++
			if fn > f+1e-4*t*slope {
				hi = t
			} else if dot(gn, d) < 0.9*slope {
				lo = t
			} else {
				break
			}
			if math.IsInf(hi, 1) {
				t = 2 * lo
			} else {
				t = (lo + hi) / 2
			}
		}
		s := clone(xn)
		axpy(-1, x, s)
		y := clone(gn)
		axpy(-1, g, y)
		if dot(s, y) > 1e-12 {
			mem = append(mem, pair{s, y})
			if len(mem) > m {
				mem = mem[1:]
			}
		}
		x, f, g = xn, fn, gn
	}
	return x, 500, evals
}

func main() {
	x0 := []float64{-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1}
	fmt.Printf("%6s %8s %8s %14s %12s\n", "memory", "iters", "evals", "f", "max|x-1|")
	for _, m := range []int{1, 3, 5, 10} {
		x, it, ev := lbfgs(extRosen, x0, m)
		f, _ := extRosen(x)
		worst := 0.0
		for _, v := range x {
			worst = math.Max(worst, math.Abs(v-1))
		}
		fmt.Printf("%6d %8d %8d %14.6e %12.3e\n", m, it, ev, f, worst)
	}

	// A separable quadratic: the memory quickly learns the curvature.
	diag := []float64{1, 2, 3, 4, 5, 6, 7, 8}
	quad := func(x []float64) (float64, []float64) {
		g := make([]float64, len(x))
		f := 0.0
		for i, v := range x {
			f += 0.5 * diag[i] * v * v
			g[i] = diag[i] * v
		}
		return f, g
	}
	ones := []float64{1, 1, 1, 1, 1, 1, 1, 1}
	_, it, ev := lbfgs(quad, ones, 8)
	fmt.Printf("\nquadratic with 8 distinct eigenvalues: %d iterations, %d evaluations\n", it, ev)
}
