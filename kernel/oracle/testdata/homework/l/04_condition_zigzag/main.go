// Homework 4: condition number and zig-zag of gradient descent.
// f(x) = 1/2 x^T A x with A = diag(1, kappa).
package main

import (
	"fmt"
	"math"
)

type quad struct{ a, b float64 } // diagonal entries

func (q quad) f(x, y float64) float64               { return 0.5 * (q.a*x*x + q.b*y*y) }
func (q quad) grad(x, y float64) (float64, float64) { return q.a * x, q.b * y }

func main() {
	kappa := 25.0
	q := quad{1, kappa}
	x, y := kappa, 1.0 // classic worst-case start
	fmt.Printf("Exact line search GD on diag(1, %.0f), start (%.0f, %.0f)\n", kappa, x, y)
	fmt.Printf("%4s %12s %12s %14s %10s\n", "k", "x", "y", "f", "angle")
	var pgx, pgy float64
	for k := 0; k <= 12; k++ {
		gx, gy := q.grad(x, y)
		angle := math.NaN()
		if k > 0 {
			c := (gx*pgx + gy*pgy) / (math.Hypot(gx, gy) * math.Hypot(pgx, pgy))
			angle = math.Acos(math.Max(-1, math.Min(1, c))) * 180 / math.Pi
		}
		as := "---"
		if !math.IsNaN(angle) {
			as = fmt.Sprintf("%.2f", angle)
		}
		fmt.Printf("%4d %12.6f %12.6f %14.6e %10s\n", k, x, y, q.f(x, y), as)
		// exact step: alpha = g.g / g.A.g
		alpha := (gx*gx + gy*gy) / (q.a*gx*gx + q.b*gy*gy)
		x -= alpha * gx
		y -= alpha * gy
		pgx, pgy = gx, gy
	}
	r := (kappa - 1) / (kappa + 1)
	fmt.Printf("theory: f shrinks by ((k-1)/(k+1))^2 = %.6f per step\n\n", r*r)

	fmt.Println("Fixed-step GD (alpha = 2/(lmin+lmax)) iterations to ||x|| < 1e-8")
	fmt.Printf("%8s %10s %12s %12s\n", "kappa", "iters", "rate", "predicted")
	for _, kap := range []float64{1, 2, 5, 10, 50, 100, 500, 1000} {
		q := quad{1, kap}
		alpha := 2 / (1 + kap)
		x, y := 1.0, 1.0
		it := 0
		for ; it < 100000 && math.Hypot(x, y) >= 1e-8; it++ {
			gx, gy := q.grad(x, y)
			x -= alpha * gx
			y -= alpha * gy
		}
		rate := (kap - 1) / (kap + 1)
		pred := 0
		if rate > 0 {
			pred = int(math.Ceil(math.Log(1e-8/math.Sqrt2) / math.Log(rate)))
		}
		fmt.Printf("%8.0f %10d %12.6f %12d\n", kap, it, rate, pred)
	}
}
