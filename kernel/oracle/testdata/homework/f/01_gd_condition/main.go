package main

import (
	"fmt"
	"math"
)

// Quadratic f(x, y) = 0.5*(a*x^2 + b*y^2). The condition number is b/a
// when b >= a.
type Quadratic struct {
	A, B float64
}

func (q Quadratic) Value(x, y float64) float64 {
	return 0.5 * (q.A*x*x + q.B*y*y)
}

func (q Quadratic) Grad(x, y float64) (float64, float64) {
	return q.A * x, q.B * y
}

func (q Quadratic) Cond() float64 {
	return math.Max(q.A, q.B) / math.Min(q.A, q.B)
}

// descend runs gradient descent with a fixed step and returns the number of
// iterations needed to push f below tol (or maxIter if it never gets there).
func descend(q Quadratic, lr float64, x, y float64, tol float64, maxIter int) (int, float64, float64) {
	for k := 0; k < maxIter; k++ {
		if q.Value(x, y) < tol {
			return k, x, y
		}
		gx, gy := q.Grad(x, y)
		x -= lr * gx
		y -= lr * gy
	}
	return maxIter, x, y
}

func main() {
	fmt.Println("Gradient descent on f = 0.5*(a x^2 + b y^2), lr = 1/L")
	fmt.Printf("%8s %10s %8s %14s\n", "a", "cond", "iters", "final f")
	for _, b := range []float64{1, 10, 100, 1000} {
		q := Quadratic{A: 1, B: b}
		lr := 1.0 / math.Max(q.A, q.B)
		it, x, y := descend(q, lr, 1, 1, 1e-8, 100000)
		fmt.Printf("%8.1f %10.1f %8d %14.6e\n", q.A, q.Cond(), it, q.Value(x, y))
	}

	// Narrow valley: with a step close to 2/L the y coordinate flips sign
	// every iteration while x barely moves.
	fmt.Println()
	fmt.Println("Narrow valley a=1, b=50, lr=0.038 (close to 2/L = 0.04)")
	q := Quadratic{A: 1, B: 50}
	x, y := 5.0, 1.0
	lr := 0.038
	flips := 0
	fmt.Printf("%4s %12s %12s %12s\n", "k", "x", "y", "f")
	for k := 0; k <= 20; k++ {
		if k%2 == 0 || k < 6 {
			fmt.Printf("%4d %12.6f %12.6f %12.6f\n", k, x, y, q.Value(x, y))
		}
		gx, gy := q.Grad(x, y)
		newY := y - lr*gy
		if newY*y < 0 {
			flips++
		}
		x -= lr * gx
		y = newY
	}
	fmt.Printf("sign flips of y in 21 steps: %d\n", flips)
	fmt.Printf("contraction factor in y: |1 - lr*b| = %.4f\n", math.Abs(1-lr*q.B))
	fmt.Printf("contraction factor in x: |1 - lr*a| = %.4f\n", math.Abs(1-lr*q.A))
}
