package main

import (
	"fmt"
	"math"
)

// Rosenbrock: f(x,y) = (a-x)^2 + b (y - x^2)^2, minimum at (a, a^2)
const (
	ra = 1.0
	rb = 100.0
)

type Point struct {
	X, Y float64
}

type RunResult struct {
	LR       float64
	Iters    int
	Final    Point
	Loss     float64
	Diverged bool
}

func rosen(p Point) float64 {
	dx := ra - p.X
	dy := p.Y - p.X*p.X
	return dx*dx + rb*dy*dy
}

func rosenGrad(p Point) Point {
	dy := p.Y - p.X*p.X
	return Point{
		X: -2*(ra-p.X) - 4*rb*p.X*dy,
		Y: 2 * rb * dy,
	}
}

func run(lr float64, start Point, maxIter int, tol float64) RunResult {
	p := start
	for k := 1; k <= maxIter; k++ {
		g := rosenGrad(p)
		p.X -= lr * g.X
		p.Y -= lr * g.Y
		l := rosen(p)
		if math.IsNaN(l) || math.IsInf(l, 0) || l > 1e10 {
			return RunResult{LR: lr, Iters: k, Final: p, Loss: l, Diverged: true}
		}
		if math.Hypot(g.X, g.Y) < tol {
			return RunResult{LR: lr, Iters: k, Final: p, Loss: l}
		}
	}
	return RunResult{LR: lr, Iters: maxIter, Final: p, Loss: rosen(p)}
}

func main() {
	start := Point{-1.2, 1.0}
	fmt.Printf("start %v  f=%.6f  grad=%v\n", start, rosen(start), rosenGrad(start))

	lrs := []float64{1e-4, 5e-4, 1e-3, 2e-3, 3e-3, 6e-3, 2e-2}
	var results []RunResult
	for _, lr := range lrs {
		results = append(results, run(lr, start, 20000, 1e-6))
	}

	fmt.Println("    lr     iters         x           y          loss  status")
	for _, r := range results {
		status := "ok"
		if r.Diverged {
			status = "DIVERGED"
		} else if r.Iters == 20000 {
			status = "maxiter"
		}
		fmt.Printf("%.0e  %6d  %10.6f  %10.6f  %12.4e  %s\n",
			r.LR, r.Iters, r.Final.X, r.Final.Y, r.Loss, status)
	}

	// trace of the best stable run: how the loss decreases along the valley
	fmt.Println("\ntrace for lr=1e-3:")
	p := start
	for k := 0; k <= 5000; k++ {
		if k%500 == 0 {
			fmt.Printf("k=%5d  p=(%.5f, %.5f)  f=%.6e\n", k, p.X, p.Y, rosen(p))
		}
		g := rosenGrad(p)
		p.X -= 1e-3 * g.X
		p.Y -= 1e-3 * g.Y
	}
	fmt.Printf("last result struct: %+v\n", results[len(results)-1])
}
