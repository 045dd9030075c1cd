// Homework 3: classify critical points via Hessian eigenvalues.
// Find critical points with Newton's method on grad f = 0 from a grid of
// starts, then classify each one using mat.EigenSym.
package main

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

type problem struct {
	name string
	grad func(x, y float64) (float64, float64)
	hess func(x, y float64) *mat.SymDense
	f    func(x, y float64) float64
}

func sym(a, b, c float64) *mat.SymDense {
	return mat.NewSymDense(2, []float64{a, b, b, c})
}

var problems = []problem{
	{
		name: "f = x^4 + y^4 - 4xy + 1",
		f:    func(x, y float64) float64 { return x*x*x*x + y*y*y*y - 4*x*y + 1 },
		grad: func(x, y float64) (float64, float64) { return 4*x*x*x - 4*y, 4*y*y*y - 4*x },
		hess: func(x, y float64) *mat.SymDense { return sym(12*x*x, -4, 12*y*y) },
	},
	{
		name: "f = x^3 - 3x + y^3 - 3y",
		f:    func(x, y float64) float64 { return x*x*x - 3*x + y*y*y - 3*y },
		grad: func(x, y float64) (float64, float64) { return 3*x*x - 3, 3*y*y - 3 },
		hess: func(x, y float64) *mat.SymDense { return sym(6*x, 0, 6*y) },
	},
	{
		name: "f = sin(x) cos(y) on [-2,2]^2",
		f:    func(x, y float64) float64 { return math.Sin(x) * math.Cos(y) },
		grad: func(x, y float64) (float64, float64) { return math.Cos(x) * math.Cos(y), -math.Sin(x) * math.Sin(y) },
		hess: func(x, y float64) *mat.SymDense {
			return sym(-math.Sin(x)*math.Cos(y), -math.Cos(x)*math.Sin(y), -math.Sin(x)*math.Cos(y))
		},
	},
}

func newtonRoot(p problem, x, y float64) (float64, float64, bool) {
	for it := 0; it < 60; it++ {
		gx, gy := p.grad(x, y)
		if math.Hypot(gx, gy) < 1e-12 {
			return x, y, true
		}
		H := p.hess(x, y)
		var d mat.VecDense
		if err := d.SolveVec(H, mat.NewVecDense(2, []float64{gx, gy})); err != nil {
			return x, y, false
		}
		x -= d.AtVec(0)
		y -= d.AtVec(1)
		if math.Abs(x) > 10 || math.Abs(y) > 10 {
			return x, y, false
		}
	}
	gx, gy := p.grad(x, y)
	return x, y, math.Hypot(gx, gy) < 1e-9
}

func classify(H *mat.SymDense) (string, []float64) {
	var es mat.EigenSym
	if !es.Factorize(H, false) {
		return "eigen failed", nil
	}
	ev := es.Values(nil)
	const tol = 1e-8
	pos, neg := 0, 0
	for _, v := range ev {
		if v > tol {
			pos++
		} else if v < -tol {
			neg++
		}
	}
	switch {
	case pos == len(ev):
		return "local minimum", ev
	case neg == len(ev):
		return "local maximum", ev
	case pos > 0 && neg > 0:
		return "saddle point", ev
	default:
		return "degenerate", ev
	}
}

// clean maps tiny values (including -0) to 0 so the table prints stably.
func clean(v float64) float64 {
	if math.Abs(v) < 5e-9 {
		return 0
	}
	return v
}

func main() {
	for _, p := range problems {
		fmt.Println(p.name)
		var pts [][2]float64
		for i := 0; i <= 8; i++ {
			for j := 0; j <= 8; j++ {
				x0 := -2 + 0.5*float64(i) + 0.013
				y0 := -2 + 0.5*float64(j) + 0.007
				x, y, ok := newtonRoot(p, x0, y0)
				if !ok || math.Abs(x) > 2.01 || math.Abs(y) > 2.01 {
					continue
				}
				dup := false
				for _, q := range pts {
					if math.Hypot(q[0]-x, q[1]-y) < 1e-6 {
						dup = true
						break
					}
				}
				if !dup {
					pts = append(pts, [2]float64{x, y})
				}
			}
		}
		sort.Slice(pts, func(a, b int) bool {
			if math.Abs(pts[a][0]-pts[b][0]) > 1e-9 {
				return pts[a][0] < pts[b][0]
			}
			return pts[a][1] < pts[b][1]
		})
		fmt.Printf("  %10s %10s %10s %10s %10s  %s\n", "x", "y", "f", "lambda1", "lambda2", "type")
		for _, q := range pts {
			kind, ev := classify(p.hess(q[0], q[1]))
			fmt.Printf("  %10.6f %10.6f %10.6f %10.4f %10.4f  %s\n",
				clean(q[0]), clean(q[1]), clean(p.f(q[0], q[1])), clean(ev[0]), clean(ev[1]), kind)
		}
		fmt.Println()
	}
}
