// Homework 16: backtracking line search with the Armijo condition, and a
// check of the (strong) Wolfe conditions. Steepest descent on Rosenbrock
// with backtracking vs a bisection-style Wolfe search.
package main

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

const (
	c1 = 1e-4
	c2 = 0.9
)

type Func struct {
	F    func(x []float64) float64
	Grad func(x []float64) []float64
}

var rosen = Func{
	F: func(x []float64) float64 {
		return 100*math.Pow(x[1]-x[0]*x[0], 2) + math.Pow(1-x[0], 2)
	},
	Grad: func(x []float64) []float64 {
		return []float64{-400*x[0]*(x[1]-x[0]*x[0]) - 2*(1-x[0]), 200 * (x[1] - x[0]*x[0])}
	},
}

var ErrNoDescent = errors.New("direction is not a descent direction")
var ErrMaxTries = errors.New("line search failed")

type lineInfo struct {
	Alpha float64
	Evals int
}

func along(x, d []float64, a float64) []float64 {
	out := make([]float64, len(x))
	floats.AddScaledTo(out, x, a, d)
	return out
}

func backtracking(f Func, x, d []float64, alpha0, rho float64) (lineInfo, error) {
	f0 := f.F(x)
	slope := floats.Dot(f.Grad(x), d)
	if slope >= 0 {
		return lineInfo{}, ErrNoDescent
	}
	a := alpha0
	for evals := 1; evals <= 60; evals++ {
		if f.F(along(x, d, a)) <= f0+c1*a*slope {
			return lineInfo{a, evals}, nil
		}
		a *= rho
	}
	return lineInfo{}, ErrMaxTries
}

// wolfeSearch: bracket-and-bisect search for the weak Wolfe conditions.
func wolfeSearch(f Func, x, d []float64) (lineInfo, error) {
	f0 := f.F(x)
	slope := floats.Dot(f.Grad(x), d)
	if slope >= 0 {
		return lineInfo{}, ErrNoDescent
	}
	lo, hi := 0.0, math.Inf(1)
	a := 1.0
	for evals := 1; evals <= 80; evals++ {
		xa := along(x, d, a)
		switch {
		case f.F(xa) > f0+c1*a*slope:
			hi = a
		case floats.Dot(f.Grad(xa), d) < c2*slope:
			lo = a
		default:
			return lineInfo{a, evals}, nil
		}
		if math.IsInf(hi, 1) {
			a = 2 * lo
		} else {
			a = 0.5 * (lo + hi)
		}
	}
	return lineInfo{}, ErrMaxTries
}

func checkWolfe(f Func, x, d []float64, a float64) (armijo, curv, strong bool) {
	f0 := f.F(x)
	s0 := floats.Dot(f.Grad(x), d)
	xa := along(x, d, a)
	sa := floats.Dot(f.Grad(xa), d)
	armijo = f.F(xa) <= f0+c1*a*s0
	curv = sa >= c2*s0
	strong = math.Abs(sa) <= c2*math.Abs(s0)
	return
}

type searcher func(Func, []float64, []float64) (lineInfo, error)

func descend(name string, f Func, search searcher, x0 []float64, iters int) {
	x := append([]float64(nil), x0...)
	totalEvals := 0
	for it := 1; it <= iters; it++ {
		g := f.Grad(x)
		d := make([]float64, len(g))
		floats.ScaleTo(d, -1, g)
		info, err := search(f, x, d)
		if err != nil {
			fmt.Printf("  %s: iteration %d: %v\n", name, it, err)
			return
		}
		totalEvals += info.Evals
		x = along(x, d, info.Alpha)
		if it <= 3 || it%500 == 0 {
			fmt.Printf("  %-12s it %4d  alpha=%.3e  f=%.6e\n", name, it, info.Alpha, f.F(x))
		}
	}
	fmt.Printf("  %-12s final x=(%.4f, %.4f) after %d function evaluations\n", name, x[0], x[1], totalEvals)
}

func main() {
	x0 := []float64{-1.2, 1}
	g := rosen.Grad(x0)
	d := []float64{-g[0], -g[1]}
	fmt.Printf("x0=%v f=%.4f grad=%.4f\n", x0, rosen.F(x0), g)
	fmt.Println("phi(alpha) along steepest descent:")
	slope := floats.Dot(g, d)
	for _, a := range []float64{0, 1e-4, 5e-4, 1e-3, 2e-3, 5e-3} {
		arm, cv, st := checkWolfe(rosen, x0, d, a)
		fmt.Printf("  a=%.0e  phi=%10.4f  armijo line=%10.4f  armijo=%-5v curvature=%-5v strong=%v\n",
			a, rosen.F(along(x0, d, a)), rosen.F(x0)+c1*a*slope, arm, cv, st)
	}

	info, err := backtracking(rosen, x0, d, 1, 0.5)
	fmt.Printf("backtracking: %+v err=%v\n", info, err)
	winfo, err := wolfeSearch(rosen, x0, d)
	fmt.Printf("wolfe search: %+v err=%v\n", winfo, err)
	a, c, s := checkWolfe(rosen, x0, d, winfo.Alpha)
	fmt.Printf("wolfe step satisfies: armijo=%v curvature=%v strong=%v\n", a, c, s)

	_, err = backtracking(rosen, x0, g, 1, 0.5)
	fmt.Printf("ascent direction: %v (is ErrNoDescent: %v)\n", err, errors.Is(err, ErrNoDescent))

	fmt.Println("steepest descent, 2000 iterations:")
	descend("backtracking", rosen, func(f Func, x, d []float64) (lineInfo, error) {
		return backtracking(f, x, d, 1, 0.5)
	}, x0, 2000)
	descend("wolfe", rosen, wolfeSearch, x0, 2000)
}
