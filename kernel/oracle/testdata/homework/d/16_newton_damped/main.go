package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

type Problem struct {
	Name string
	F    func(x []float64) float64
	G    func(x []float64) []float64
	H    func(x []float64) *mat.SymDense
}

var rosen = Problem{
	Name: "rosenbrock",
	F: func(x []float64) float64 {
		return math.Pow(1-x[0], 2) + 100*math.Pow(x[1]-x[0]*x[0], 2)
	},
	G: func(x []float64) []float64 {
		t := x[1] - x[0]*x[0]
		return []float64{-2*(1-x[0]) - 400*x[0]*t, 200 * t}
	},
	H: func(x []float64) *mat.SymDense {
		return mat.NewSymDense(2, []float64{
			2 - 400*(x[1]-3*x[0]*x[0]), -400 * x[0],
			-400 * x[0], 200,
		})
	},
}

// pseudo-Huber-like loss sum sqrt(1+x_i^2): pure Newton diverges for |x|>1
var soft = Problem{
	Name: "sqrt(1+x^2)",
	F: func(x []float64) float64 {
		return math.Sqrt(1+x[0]*x[0]) + math.Sqrt(1+x[1]*x[1])
	},
	G: func(x []float64) []float64 {
		return []float64{x[0] / math.Sqrt(1+x[0]*x[0]), x[1] / math.Sqrt(1+x[1]*x[1])}
	},
	H: func(x []float64) *mat.SymDense {
		return mat.NewSymDense(2, []float64{
			math.Pow(1+x[0]*x[0], -1.5), 0,
			0, math.Pow(1+x[1]*x[1], -1.5),
		})
	},
}

// newtonDirection solves H d = -g, adding lambda*I until H is positive definite.
func newtonDirection(H *mat.SymDense, g []float64) (*mat.VecDense, float64) {
	n := len(g)
	lambda := 0.0
	for {
		Hs := mat.NewSymDense(n, nil)
		Hs.CopySym(H)
		for i := 0; i < n; i++ {
			Hs.SetSym(i, i, Hs.At(i, i)+lambda)
		}
		var chol mat.Cholesky
		if chol.Factorize(Hs) {
			var d mat.VecDense
			neg := mat.NewVecDense(n, nil)
			neg.ScaleVec(-1, mat.NewVecDense(n, g))
			if err := chol.SolveVecTo(&d, neg); err == nil {
				return &d, lambda
			}
		}
		lambda = math.Max(2*lambda, 1e-3)
	}
}

func run(p Problem, x0 []float64, damped bool, maxIter int) {
	x := append([]float64(nil), x0...)
	fmt.Printf("-- %s, damped=%v, start=%v\n", p.Name, damped, x0)
	for k := 0; k < maxIter; k++ {
		g := p.G(x)
		gn := math.Hypot(g[0], g[1])
		if gn < 1e-10 {
			fmt.Printf("   converged at k=%d x=[%.8f %.8f] f=%.3e\n", k, x[0], x[1], p.F(x))
			return
		}
		d, lambda := newtonDirection(p.H(x), g)
		t := 1.0
		if damped {
			// Armijo backtracking on the Newton direction
			slope := g[0]*d.AtVec(0) + g[1]*d.AtVec(1)
			f0 := p.F(x)
			for p.F([]float64{x[0] + t*d.AtVec(0), x[1] + t*d.AtVec(1)}) > f0+1e-4*t*slope {
				t *= 0.5
			}
		}
		x[0] += t * d.AtVec(0)
		x[1] += t * d.AtVec(1)
		fmt.Printf("   k=%2d t=%.4f lambda=%.3e x=[% .6e % .6e] f=%.6e\n", k, t, lambda, x[0], x[1], p.F(x))
		if math.IsNaN(x[0]) || math.Abs(x[0]) > 1e6 {
			fmt.Println("   diverged!")
			return
		}
	}
	fmt.Println("   max iterations reached")
}

func main() {
	run(rosen, []float64{-1.2, 1}, false, 20)
	run(rosen, []float64{-1.2, 1}, true, 40)
	run(rosen, []float64{0.2, 1}, true, 40)
	run(soft, []float64{1.5, 0.5}, false, 6)
	run(soft, []float64{1.5, 0.5}, true, 20)
}
