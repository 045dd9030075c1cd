package main

import (
	"fmt"
	"math"
)

// Quadratic is f(x) = 1/2 * sum_i D[i] * x[i]^2
type Quadratic struct {
	D []float64
}

func (q Quadratic) Value(x []float64) float64 {
	v := 0.0
	for i, d := range q.D {
		v += 0.5 * d * x[i] * x[i]
	}
	return v
}

func (q Quadratic) Grad(x []float64) []float64 {
	g := make([]float64, len(x))
	for i, d := range q.D {
		g[i] = d * x[i]
	}
	return g
}

// Momentum implements the heavy-ball method: v = beta*v - lr*g; x += v
type Momentum struct {
	LR, Beta float64
	vel      []float64
}

func (m *Momentum) Step(x, g []float64) {
	if m.vel == nil {
		m.vel = make([]float64, len(x))
	}
	for i := range x {
		m.vel[i] = m.Beta*m.vel[i] - m.LR*g[i]
		x[i] += m.vel[i]
	}
}

func (m *Momentum) String() string {
	return fmt.Sprintf("Momentum(lr=%.4f, beta=%.3f)", m.LR, m.Beta)
}

func solve(q Quadratic, opt *Momentum, iters int) ([]float64, []float64) {
	x := []float64{1, 1}
	hist := []float64{}
	for k := 0; k < iters; k++ {
		opt.Step(x, q.Grad(x))
		hist = append(hist, q.Value(x))
	}
	return x, hist
}

func main() {
	q := Quadratic{D: []float64{1, 100}}
	mu, L := 1.0, 100.0
	kappa := L / mu

	// Polyak's optimal parameters for heavy ball
	sk := math.Sqrt(kappa)
	lrOpt := 4 / math.Pow(math.Sqrt(L)+math.Sqrt(mu), 2)
	betaOpt := math.Pow((sk-1)/(sk+1), 2)
	fmt.Printf("kappa=%.0f  optimal lr=%.6f beta=%.6f\n", kappa, lrOpt, betaOpt)

	configs := []*Momentum{
		{LR: 1 / L, Beta: 0.0},
		{LR: 1 / L, Beta: 0.5},
		{LR: 1 / L, Beta: 0.9},
		{LR: lrOpt, Beta: betaOpt},
		{LR: 1 / L, Beta: 0.99},
	}
	const iters = 150
	for _, opt := range configs {
		x, hist := solve(q, opt, iters)
		// count how many times the loss went up (non-monotone behaviour)
		ups := 0
		for i := 1; i < len(hist); i++ {
			if hist[i] > hist[i-1] {
				ups++
			}
		}
		fmt.Printf("%-34s f(50)=%.4e f(150)=%.4e ups=%3d x=[%.3e %.3e]\n",
			opt, hist[49], hist[iters-1], ups, x[0], x[1])
	}

	// convergence factor estimated from the last 50 iterations
	opt := &Momentum{LR: lrOpt, Beta: betaOpt}
	_, hist := solve(q, opt, 200)
	est := math.Pow(hist[199]/hist[149], 1.0/50/2)
	fmt.Printf("empirical rate %.6f vs theory %.6f\n", est, (sk-1)/(sk+1))
}
