package main

import (
	"fmt"
	"math"
)

// ill-conditioned quadratic f(x) = 1/2 x^T diag(d) x
var diag = []float64{1, 4, 25, 100}

func gradient(x []float64) []float64 {
	g := make([]float64, len(x))
	for i := range x {
		g[i] = diag[i] * x[i]
	}
	return g
}

func loss(x []float64) float64 {
	s := 0.0
	for i, v := range x {
		s += 0.5 * diag[i] * v * v
	}
	return s
}

func start() []float64 { return []float64{1, 1, 1, 1} }

type stepper interface {
	step(x, g []float64)
	name() string
}

type plain struct{ lr float64 }

func (p plain) step(x, g []float64) {
	for i := range x {
		x[i] -= p.lr * g[i]
	}
}
func (p plain) name() string { return fmt.Sprintf("GD lr=%.4f", p.lr) }

type heavyBall struct {
	lr, beta float64
	v        []float64
}

func (h *heavyBall) step(x, g []float64) {
	if h.v == nil {
		h.v = make([]float64, len(x))
	}
	for i := range x {
		h.v[i] = h.beta*h.v[i] - h.lr*g[i]
		x[i] += h.v[i]
	}
}
func (h *heavyBall) name() string { return fmt.Sprintf("HB lr=%.4f b=%.3f", h.lr, h.beta) }

func iterate(s stepper, tol float64, max int) int {
	x := start()
	for k := 0; k < max; k++ {
		if loss(x) < tol {
			return k
		}
		s.step(x, gradient(x))
	}
	return -1
}

func main() {
	L, mu := 100.0, 1.0
	kappa := L / mu
	fmt.Printf("condition number kappa = %.0f\n", kappa)
	bOpt := math.Pow((math.Sqrt(kappa)-1)/(math.Sqrt(kappa)+1), 2)
	lrOpt := 4 / math.Pow(math.Sqrt(L)+math.Sqrt(mu), 2)
	methods := []stepper{
		plain{1 / L},
		plain{2 / (L + mu)},
		&heavyBall{lr: 1 / L, beta: 0.5},
		&heavyBall{lr: 1 / L, beta: 0.9},
		&heavyBall{lr: lrOpt, beta: bOpt},
	}
	fmt.Printf("%-28s %s\n", "method", "iters to f<1e-10")
	for _, m := range methods {
		n := iterate(m, 1e-10, 100000)
		fmt.Printf("%-28s %d\n", m.name(), n)
	}
	fmt.Println("\nbeta sweep, lr=1/L:")
	for _, b := range []float64{0, 0.3, 0.6, 0.8, 0.9, 0.95, 0.99} {
		fmt.Printf("  beta=%.2f -> %5d iterations\n", b, iterate(&heavyBall{lr: 1 / L, beta: b}, 1e-10, 100000))
	}
}
