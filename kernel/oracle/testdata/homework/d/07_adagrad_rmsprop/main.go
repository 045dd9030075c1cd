package main

import (
	"fmt"
	"math"
)

type stepFunc func(x, g []float64)

func newSGD(lr float64) stepFunc {
	return func(x, g []float64) {
		for i := range x {
			x[i] -= lr * g[i]
		}
	}
}

func newAdaGrad(lr, eps float64, n int) stepFunc {
	acc := make([]float64, n)
	return func(x, g []float64) {
		for i := range x {
			acc[i] += g[i] * g[i]
			x[i] -= lr * g[i] / (math.Sqrt(acc[i]) + eps)
		}
	}
}

func newRMSProp(lr, rho, eps float64, n int) stepFunc {
	sq := make([]float64, n)
	return func(x, g []float64) {
		for i := range x {
			sq[i] = rho*sq[i] + (1-rho)*g[i]*g[i]
			x[i] -= lr * g[i] / (math.Sqrt(sq[i]) + eps)
		}
	}
}

// badly scaled problem: f(x) = 0.5 * (x0^2 + 1000 x1^2 + 0.01 x2^2)
var scales = []float64{1, 1000, 0.01}

func f(x []float64) float64 {
	s := 0.0
	for i := range x {
		s += 0.5 * scales[i] * x[i] * x[i]
	}
	return s
}

func grad(x []float64) []float64 {
	g := make([]float64, len(x))
	for i := range x {
		g[i] = scales[i] * x[i]
	}
	return g
}

func main() {
	makers := []struct {
		name string
		mk   func() stepFunc
	}{
		{"SGD lr=1e-3", func() stepFunc { return newSGD(1e-3) }},
		{"AdaGrad lr=0.5", func() stepFunc { return newAdaGrad(0.5, 1e-8, 3) }},
		{"RMSProp lr=0.01", func() stepFunc { return newRMSProp(0.01, 0.9, 1e-8, 3) }},
		{"RMSProp lr=0.001", func() stepFunc { return newRMSProp(0.001, 0.99, 1e-8, 3) }},
	}

	checkpoints := map[int]bool{10: true, 100: true, 500: true, 1000: true}
	for _, m := range makers {
		step := m.mk()
		x := []float64{1, 1, 1}
		fmt.Printf("== %s ==\n", m.name)
		for k := 1; k <= 1000; k++ {
			step(x, grad(x))
			if checkpoints[k] {
				fmt.Printf("  k=%4d f=%.6e x=[% .5f % .5f % .5f]\n", k, f(x), x[0], x[1], x[2])
			}
		}
	}

	// effective per-coordinate learning rate of AdaGrad after a few steps
	fmt.Println("\nAdaGrad effective step sizes lr/sqrt(G):")
	acc := make([]float64, 3)
	x := []float64{1, 1, 1}
	for k := 1; k <= 5; k++ {
		g := grad(x)
		eff := make([]float64, 3)
		for i := range x {
			acc[i] += g[i] * g[i]
			eff[i] = 0.5 / math.Sqrt(acc[i])
			x[i] -= eff[i] * g[i]
		}
		fmt.Printf("  step %d eff=%.4e\n", k, eff)
	}
}
