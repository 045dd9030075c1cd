// Steepest descent with backtracking (Armijo) line search on Rosenbrock.
package main

import (
	"fmt"
	"math"
)

type Point struct{ X, Y float64 }

func (p Point) Add(q Point) Point     { return Point{p.X + q.X, p.Y + q.Y} }
func (p Point) Scale(s float64) Point { return Point{s * p.X, s * p.Y} }
func (p Point) Dot(q Point) float64   { return p.X*q.X + p.Y*q.Y }
func (p Point) Norm() float64         { return math.Sqrt(p.Dot(p)) }
func (p Point) String() string        { return fmt.Sprintf("(%.5f, %.5f)", p.X, p.Y) }

func rosen(p Point) float64 {
	return (1-p.X)*(1-p.X) + 100*(p.Y-p.X*p.X)*(p.Y-p.X*p.X)
}

func rosenGrad(p Point) Point {
	return Point{
		-2*(1-p.X) - 400*p.X*(p.Y-p.X*p.X),
		200 * (p.Y - p.X*p.X),
	}
}

// backtrack returns a step t satisfying f(x+t d) <= f(x) + c t g.d
func backtrack(f func(Point) float64, x, g, d Point, t0, rho, c float64) (t float64, evals int) {
	t = t0
	fx := f(x)
	slope := g.Dot(d)
	for {
		evals++
		if f(x.Add(d.Scale(t))) <= fx+c*t*slope || t < 1e-12 {
			return
		}
		t *= rho
	}
}

func main() {
	x := Point{-1.2, 1}
	totalEvals := 0
	fmt.Println("start", x, "f =", rosen(x))
	var k int
	for k = 1; k <= 20000; k++ {
		g := rosenGrad(x)
		if g.Norm() < 1e-4 {
			break
		}
		d := g.Scale(-1)
		t, ev := backtrack(rosen, x, g, d, 1.0, 0.5, 1e-4)
		totalEvals += ev
		x = x.Add(d.Scale(t))
		if k <= 5 || k%2000 == 0 {
			fmt.Printf("iter %5d  t=%.2e  x=%v  f=%.6e  |g|=%.3e\n", k, t, x, rosen(x), g.Norm())
		}
	}
	fmt.Printf("\nfinished after %d iterations, %d function evals in line search\n", k-1, totalEvals)
	fmt.Println("x* ~", x, " distance to (1,1):", x.Add(Point{-1, -1}).Norm())

	// compare Armijo constants
	fmt.Println("\nc sweep (iterations to |g|<1e-3, capped at 20000):")
	for _, c := range []float64{1e-4, 1e-2, 0.1, 0.3} {
		x := Point{-1.2, 1}
		n := 0
		for ; n < 20000 && rosenGrad(x).Norm() >= 1e-3; n++ {
			g := rosenGrad(x)
			t, _ := backtrack(rosen, x, g, g.Scale(-1), 1, 0.5, c)
			x = x.Add(g.Scale(-t))
		}
		fmt.Printf("  c=%-6g iters=%5d  x=%v\n", c, n, x)
	}
}
