// Homework 12: Newton's method and damped Newton.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

type Func struct {
	F    func(x []float64) float64
	Grad func(x []float64) *mat.VecDense
	Hess func(x []float64) *mat.SymDense
}

var rosenbrock = Func{
	F: func(x []float64) float64 {
		a, b := 1-x[0], x[1]-x[0]*x[0]
		return a*a + 100*b*b
	},
	Grad: func(x []float64) *mat.VecDense {
		return mat.NewVecDense(2, []float64{
			-2*(1-x[0]) - 400*x[0]*(x[1]-x[0]*x[0]),
			200 * (x[1] - x[0]*x[0]),
		})
	},
	Hess: func(x []float64) *mat.SymDense {
		return mat.NewSymDense(2, []float64{
			1200*x[0]*x[0] - 400*x[1] + 2, -400 * x[0],
			-400 * x[0], 200,
		})
	},
}

// f(x) = sqrt(1 + x^2): pure Newton gives x <- -x^3 and diverges for |x|>1.
var softAbs = Func{
	F:    func(x []float64) float64 { return math.Sqrt(1 + x[0]*x[0]) },
	Grad: func(x []float64) *mat.VecDense { return mat.NewVecDense(1, []float64{x[0] / math.Sqrt(1+x[0]*x[0])}) },
	Hess: func(x []float64) *mat.SymDense {
		return mat.NewSymDense(1, []float64{math.Pow(1+x[0]*x[0], -1.5)})
	},
}

// newton runs (optionally damped) Newton. Damping = Armijo backtracking
// on the Newton direction.
func newton(fn Func, x0 []float64, damped bool, maxIter int, verbose bool) ([]float64, int) {
	x := append([]float64(nil), x0...)
	n := len(x)
	for k := 0; k < maxIter; k++ {
		g := fn.Grad(x)
		gn := mat.Norm(g, 2)
		f := fn.F(x)
		if verbose {
			fmt.Printf("  %3d  f=%14.6e  |g|=%12.4e  x=%s\n", k, f, gn, fmtVec(x))
		}
		if gn < 1e-10 || math.IsNaN(f) || math.Abs(x[0]) > 1e6 {
			return x, k
		}
		var d mat.VecDense
		if err := d.SolveVec(fn.Hess(x), g); err != nil {
			return x, k
		}
		d.ScaleVec(-1, &d)
		t := 1.0
		if damped {
			slope := mat.Dot(g, &d)
			if slope >= 0 { // not a descent direction: fall back to -g
				d.ScaleVec(-1, g)
				slope = -gn * gn
			}
			xt := make([]float64, n)
			for {
				for i := range x {
					xt[i] = x[i] + t*d.AtVec(i)
				}
				if fn.F(xt) <= f+1e-4*t*slope || t < 1e-12 {
					break
				}
				t *= 0.5
			}
		}
		for i := range x {
			x[i] += t * d.AtVec(i)
		}
	}
	return x, maxIter
}

func fmtVec(x []float64) string {
	s := "("
	for i, v := range x {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%.6f", v)
	}
	return s + ")"
}

func main() {
	fmt.Println("Pure Newton on sqrt(1+x^2) from x=0.9 (converges) and x=1.1 (diverges):")
	newton(softAbs, []float64{0.9}, false, 6, true)
	fmt.Println()
	newton(softAbs, []float64{1.1}, false, 6, true)
	fmt.Println("\nDamped Newton from x=1.1:")
	newton(softAbs, []float64{1.1}, true, 20, true)

	fmt.Println("\nRosenbrock from (-1.2, 1), pure Newton:")
	_, k1 := newton(rosenbrock, []float64{-1.2, 1}, false, 50, true)
	fmt.Println("\nRosenbrock from (-1.2, 1), damped Newton:")
	_, k2 := newton(rosenbrock, []float64{-1.2, 1}, true, 50, true)
	fmt.Printf("\niterations: pure %d, damped %d\n", k1, k2)
}
