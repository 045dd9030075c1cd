package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

// experiment configuration
var (
	curvatures = []float64{0.5, 1, 2, 4, 10}
	startPoint = []float64{1, 1, 1, 1, 1}
	tolerance  = 1e-8
	maxSteps   = 5000
	numLRs     = 12
)

func main() {
	L := floats.Max(curvatures)
	mu := floats.Min(curvatures)
	fmt.Printf("mu=%.2f L=%.2f condition=%.1f\n", mu, L, L/mu)

	lrs := make([]float64, numLRs)
	floats.Span(lrs, 0.02, 0.22)

	fmt.Printf("%8s %8s %10s %14s %10s\n", "lr", "lr*L", "steps", "final f", "rate")
	bestLR, bestSteps := 0.0, math.MaxInt
	for _, lr := range lrs {
		steps, fval := descend(lr)
		r := theoreticalRate(lr, curvatures)
		tag := fmt.Sprintf("%d", steps)
		if steps < 0 {
			tag = "diverge"
		} else if steps >= maxSteps {
			tag = "slow"
		}
		fmt.Printf("%8.4f %8.4f %10s %14.4e %10.6f\n", lr, lr*L, tag, fval, r)
		if steps > 0 && steps < bestSteps {
			bestLR, bestSteps = lr, steps
		}
	}
	fmt.Printf("best lr in sweep: %.4f (%d steps)\n", bestLR, bestSteps)
	fmt.Printf("theory optimum 2/(mu+L) = %.4f, rate %.6f\n", 2/(mu+L), theoreticalRate(2/(mu+L), curvatures))
}

// loss is f(x) = 1/2 sum_i c_i x_i^2
func loss(x []float64) float64 {
	s := 0.0
	for i, c := range curvatures {
		s += 0.5 * c * x[i] * x[i]
	}
	return s
}

func gradInto(g, x []float64) {
	floats.MulTo(g, curvatures, x)
}

// descend returns number of steps needed (or -1 if it blew up) and final loss.
func descend(lr float64) (int, float64) {
	x := make([]float64, len(startPoint))
	copy(x, startPoint)
	g := make([]float64, len(x))
	for k := 1; k <= maxSteps; k++ {
		gradInto(g, x)
		floats.AddScaled(x, -lr, g)
		f := loss(x)
		if f > 1e12 || math.IsNaN(f) {
			return -1, f
		}
		if f < tolerance {
			return k, f
		}
	}
	return maxSteps, loss(x)
}

func theoreticalRate(lr float64, cs []float64) float64 {
	r := 0.0
	for _, c := range cs {
		r = math.Max(r, math.Abs(1-lr*c))
	}
	return r
}
