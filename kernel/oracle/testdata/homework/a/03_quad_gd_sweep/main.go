// Gradient descent on f(x,y) = 0.5*(a x^2 + b y^2), learning rate sweep.
package main

import (
	"fmt"
	"math"
)

const (
	a = 1.0
	b = 10.0
)

type vec2 [2]float64

func f(p vec2) float64 { return 0.5 * (a*p[0]*p[0] + b*p[1]*p[1]) }

func grad(p vec2) vec2 { return vec2{a * p[0], b * p[1]} }

func run(lr float64, maxIter int) (vec2, int, bool) {
	p := vec2{3, 2}
	for k := 0; k < maxIter; k++ {
		g := grad(p)
		if math.Hypot(g[0], g[1]) < 1e-6 {
			return p, k, true
		}
		p[0] -= lr * g[0]
		p[1] -= lr * g[1]
		if math.IsInf(f(p), 0) || f(p) > 1e12 {
			return p, k, false
		}
	}
	return p, maxIter, false
}

func main() {
	fmt.Printf("f(x,y) = 0.5*(%.0f x^2 + %.0f y^2), start (3,2)\n", a, b)
	fmt.Printf("stable iff lr < 2/L = %.3f\n\n", 2/math.Max(a, b))
	fmt.Printf("%-8s %-6s %-10s %-14s\n", "lr", "iters", "converged", "f(final)")
	fmt.Println("-------------------------------------------")
	lrs := []float64{0.01, 0.05, 0.1, 0.15, 0.18, 0.19, 0.2, 0.21}
	best, bestLR := math.MaxInt, 0.0
	for _, lr := range lrs {
		p, it, ok := run(lr, 2000)
		fmt.Printf("%-8.3f %-6d %-10v %-14.4e\n", lr, it, ok, f(p))
		if ok && it < best {
			best, bestLR = it, lr
		}
	}
	fmt.Printf("\nfastest: lr=%.2f (%d iterations)\n", bestLR, best)
	// theory: optimal fixed step is 2/(mu+L)
	opt := 2 / (a + b)
	_, it, _ := run(opt, 2000)
	fmt.Printf("theoretical best lr=2/(mu+L)=%.4f -> %d iterations\n", opt, it)
}
