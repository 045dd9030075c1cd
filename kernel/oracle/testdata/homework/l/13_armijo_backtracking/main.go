// Homework 13: gradient descent with Armijo backtracking line search.
package main

import (
	"fmt"
	"math"
)

type Objective interface {
	Value(x []float64) float64
	Gradient(x, g []float64)
}

type Rosenbrock struct{}

func (Rosenbrock) Value(x []float64) float64 {
	a, b := 1-x[0], x[1]-x[0]*x[0]
	return a*a + 100*b*b
}

func (Rosenbrock) Gradient(x, g []float64) {
	g[0] = -2*(1-x[0]) - 400*x[0]*(x[1]-x[0]*x[0])
	g[1] = 200 * (x[1] - x[0]*x[0])
}

type LineSearch struct {
	C, Rho, Alpha0 float64
	Evals          int
}

// Search returns a step satisfying f(x + a d) <= f(x) + c a g.d
func (ls *LineSearch) Search(obj Objective, x, d []float64, f0, slope float64) (float64, int) {
	a := ls.Alpha0
	xt := make([]float64, len(x))
	back := 0
	for {
		for i := range x {
			xt[i] = x[i] + a*d[i]
		}
		ls.Evals++
		if obj.Value(xt) <= f0+ls.C*a*slope || a < 1e-16 {
			return a, back
		}
		a *= ls.Rho
		back++
	}
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func descend(obj Objective, x0 []float64, ls *LineSearch, maxIter int, verbose bool) (int, float64) {
	x := append([]float64(nil), x0...)
	g := make([]float64, len(x))
	d := make([]float64, len(x))
	for k := 0; k < maxIter; k++ {
		f := obj.Value(x)
		obj.Gradient(x, g)
		gn := math.Sqrt(dot(g, g))
		if gn < 1e-6 {
			return k, f
		}
		for i := range g {
			d[i] = -g[i]
		}
		a, back := ls.Search(obj, x, d, f, -gn*gn)
		if verbose && (k < 8 || k%1000 == 0) {
			fmt.Printf("%5d %14.6e %12.4e %12.4e %4d\n", k, f, gn, a, back)
		}
		for i := range x {
			x[i] += a * d[i]
		}
	}
	return maxIter, obj.Value(x)
}

func main() {
	obj := Rosenbrock{}
	x0 := []float64{-1.2, 1}
	fmt.Println("Armijo GD (c=1e-4, rho=0.5, alpha0=1) on Rosenbrock")
	fmt.Printf("%5s %14s %12s %12s %4s\n", "k", "f", "|g|", "alpha", "bt")
	ls := &LineSearch{C: 1e-4, Rho: 0.5, Alpha0: 1}
	k, f := descend(obj, x0, ls, 20000, true)
	fmt.Printf("stopped at k=%d, f=%.6e, function evals %d\n\n", k, f, ls.Evals)

	fmt.Println("Sensitivity to c and rho (max 20000 iterations, tol |g|<1e-6)")
	fmt.Printf("%8s %6s %8s %10s %14s\n", "c", "rho", "iters", "f-evals", "final f")
	for _, c := range []float64{1e-4, 0.1, 0.3, 0.49} {
		for _, rho := range []float64{0.2, 0.5, 0.8} {
			ls := &LineSearch{C: c, Rho: rho, Alpha0: 1}
			k, f := descend(obj, x0, ls, 20000, false)
			fmt.Printf("%8g %6.1f %8d %10d %14.6e\n", c, rho, k, ls.Evals, f)
		}
	}

	fmt.Println("\nFixed step for comparison:")
	for _, lr := range []float64{1e-3, 2e-3} {
		x := append([]float64(nil), x0...)
		g := make([]float64, 2)
		it := 0
		for ; it < 20000; it++ {
			obj.Gradient(x, g)
			if math.Sqrt(dot(g, g)) < 1e-6 {
				break
			}
			x[0] -= lr * g[0]
			x[1] -= lr * g[1]
		}
		fmt.Printf("  lr=%.0e iters=%d f=%.6e\n", lr, it, obj.Value(x))
	}
}
