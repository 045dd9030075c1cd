// Homework 6: heavy-ball momentum on an ill-conditioned quadratic.
// Compare plain GD with Polyak momentum and the theoretically optimal
// (lr, beta) pair.
package main

import (
	"fmt"
	"math"
)

type HeavyBall struct {
	LR, Beta float64
	vel      []float64
}

func (h *HeavyBall) Step(p, g []float64) {
	if h.vel == nil {
		h.vel = make([]float64, len(p))
	}
	for i := range p {
		h.vel[i] = h.Beta*h.vel[i] - h.LR*g[i]
		p[i] += h.vel[i]
	}
}

// diag quadratic with eigenvalues spread between 1 and kappa
type Quadratic struct{ eig []float64 }

func NewQuadratic(n int, kappa float64) Quadratic {
	e := make([]float64, n)
	for i := range e {
		e[i] = math.Pow(kappa, float64(i)/float64(n-1))
	}
	return Quadratic{e}
}

func (q Quadratic) Value(x []float64) float64 {
	s := 0.0
	for i, v := range x {
		s += 0.5 * q.eig[i] * v * v
	}
	return s
}

func (q Quadratic) Grad(x, g []float64) {
	for i, v := range x {
		g[i] = q.eig[i] * v
	}
}

func run(q Quadratic, opt *HeavyBall, maxIter int) (int, float64) {
	x := make([]float64, len(q.eig))
	for i := range x {
		x[i] = 1
	}
	g := make([]float64, len(x))
	for k := 0; k < maxIter; k++ {
		f := q.Value(x)
		if f < 1e-10 {
			return k, f
		}
		if math.IsNaN(f) || f > 1e12 {
			return -1, f
		}
		q.Grad(x, g)
		opt.Step(x, g)
	}
	return maxIter, q.Value(x)
}

func main() {
	kappa := 100.0
	q := NewQuadratic(10, kappa)
	L, mu := kappa, 1.0
	fmt.Printf("quadratic: n=10, mu=%.0f, L=%.0f, kappa=%.0f\n\n", mu, L, kappa)

	sk := math.Sqrt(kappa)
	betaOpt := math.Pow((sk-1)/(sk+1), 2)
	lrOpt := 4 / math.Pow(math.Sqrt(L)+math.Sqrt(mu), 2)

	type cfg struct {
		name     string
		lr, beta float64
	}
	cfgs := []cfg{
		{"GD lr=1/L", 1 / L, 0},
		{"GD lr=2/(L+mu)", 2 / (L + mu), 0},
		{"HB lr=1/L b=0.5", 1 / L, 0.5},
		{"HB lr=1/L b=0.9", 1 / L, 0.9},
		{"HB lr=1/L b=0.99", 1 / L, 0.99},
		{"HB optimal", lrOpt, betaOpt},
		{"HB lr too big", 4.5 / L, 0.9},
	}
	fmt.Printf("%-18s %9s %8s %8s %12s\n", "config", "lr", "beta", "iters", "final f")
	for _, c := range cfgs {
		it, f := run(q, &HeavyBall{LR: c.lr, Beta: c.beta}, 5000)
		its := fmt.Sprintf("%d", it)
		if it < 0 {
			its = "diverge"
		}
		fmt.Printf("%-18s %9.5f %8.4f %8s %12.3e\n", c.name, c.lr, c.beta, its, f)
	}
	fmt.Printf("\nrates: GD (k-1)/(k+1) = %.4f, heavy ball (sqrt(k)-1)/(sqrt(k)+1) = %.4f\n",
		(kappa-1)/(kappa+1), (sk-1)/(sk+1))
	fmt.Printf("stability region for HB on eigenvalue L: lr < 2(1+beta)/L\n")
}
