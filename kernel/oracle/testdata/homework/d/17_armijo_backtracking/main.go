package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

var (
	c1      = 1e-4 // sufficient decrease constant
	rho     = 0.5  // backtracking factor
	alpha0  = 1.0  // initial trial step
	maxIter = 3000
	gradTol = 1e-5
)

var evals int

func main() {
	starts := [][]float64{{-1.2, 1}, {2, 2}, {0, 0}}
	for _, s := range starts {
		evals = 0
		x, it, hist := backtrackingGD(s)
		fmt.Printf("start %v: iters=%d evals=%d x=[%.6f %.6f] f=%.4e\n",
			s, it, evals, x[0], x[1], rosen(x))
		fmt.Printf("   accepted steps (first 8): %.4g\n", hist[:8])
		fmt.Printf("   mean accepted step: %.6f\n", floats.Sum(hist)/float64(len(hist)))
	}

	// the Armijo condition along one direction, printed as a table
	x := []float64{-1.2, 1}
	g := rosenGrad(x)
	d := []float64{-g[0], -g[1]}
	f0 := rosen(x)
	slope := floats.Dot(g, d)
	fmt.Printf("\nat x=%v: f=%.4f slope=%.4f\n", x, f0, slope)
	fmt.Printf("|grad| = %.4f, cos(angle(g,d)) = %.1f\n", math.Sqrt(-slope), slope/(floats.Norm(g, 2)*floats.Norm(d, 2)))
	fmt.Println("   alpha        f(x+a d)     armijo bound   ok")
	for a := alpha0; a > 1e-4; a *= rho {
		y := make([]float64, 2)
		floats.AddScaledTo(y, x, a, d)
		fy := rosen(y)
		bound := f0 + c1*a*slope
		fmt.Printf("%.6e  %13.6e  %13.6e  %v\n", a, fy, bound, fy <= bound)
	}
}

func rosen(x []float64) float64 {
	evals++
	return (1-x[0])*(1-x[0]) + 100*(x[1]-x[0]*x[0])*(x[1]-x[0]*x[0])
}

func rosenGrad(x []float64) []float64 {
	t := x[1] - x[0]*x[0]
	return []float64{-2*(1-x[0]) - 400*x[0]*t, 200 * t}
}

// backtrackingGD runs steepest descent with Armijo backtracking.
// It returns the final point, the number of iterations and the accepted step sizes.
func backtrackingGD(start []float64) ([]float64, int, []float64) {
	x := append([]float64(nil), start...)
	trial := make([]float64, len(x))
	var steps []float64
	for k := 0; k < maxIter; k++ {
		g := rosenGrad(x)
		if floats.Norm(g, 2) < gradTol {
			return x, k, steps
		}
		fx := rosen(x)
		gg := floats.Dot(g, g)
		a := alpha0
		for {
			floats.AddScaledTo(trial, x, -a, g)
			if rosen(trial) <= fx-c1*a*gg || a < 1e-12 {
				break
			}
			a *= rho
		}
		copy(x, trial)
		steps = append(steps, a)
	}
	return x, maxIter, steps
}
