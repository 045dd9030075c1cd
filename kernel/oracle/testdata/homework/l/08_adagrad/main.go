// Homework 8: AdaGrad. Per-coordinate learning rates on a badly scaled
// problem, compared with plain gradient descent.
package main

import (
	"fmt"
	"math"
)

// scales of each coordinate of f(x) = 1/2 sum s_i (x_i - c_i)^2
var scales = []float64{100, 10, 1, 0.1, 0.01}
var centers = []float64{1, -2, 3, -1, 0.5}

func loss(x []float64) float64 {
	s := 0.0
	for i := range x {
		d := x[i] - centers[i]
		s += 0.5 * scales[i] * d * d
	}
	return s
}

func grad(x []float64) []float64 {
	g := make([]float64, len(x))
	for i := range x {
		g[i] = scales[i] * (x[i] - centers[i])
	}
	return g
}

type AdaGrad struct {
	lr, eps float64
	G       []float64
}

func (a *AdaGrad) Step(x, g []float64) {
	if a.G == nil {
		a.G = make([]float64, len(x))
	}
	for i := range x {
		a.G[i] += g[i] * g[i]
		x[i] -= a.lr * g[i] / (math.Sqrt(a.G[i]) + a.eps)
	}
}

func (a *AdaGrad) EffectiveLR(i int) float64 { return a.lr / (math.Sqrt(a.G[i]) + a.eps) }

func main() {
	n := len(scales)
	// GD must use lr < 2/100 because of the stiff coordinate.
	gd := make([]float64, n)
	ada := make([]float64, n)
	opt := &AdaGrad{lr: 0.5, eps: 1e-10}
	fmt.Printf("%6s %14s %14s\n", "iter", "GD(lr=0.019)", "AdaGrad(0.5)")
	for t := 1; t <= 2000; t++ {
		g := grad(gd)
		for i := range gd {
			gd[i] -= 0.019 * g[i]
		}
		opt.Step(ada, grad(ada))
		if t == 1 || t == 10 || t == 50 || t == 100 || t == 500 || t == 1000 || t == 2000 {
			fmt.Printf("%6d %14.6e %14.6e\n", t, loss(gd), loss(ada))
		}
	}
	fmt.Println()
	fmt.Printf("%5s %8s %10s %10s %10s %14s\n", "coord", "scale", "target", "GD x", "Ada x", "Ada eff. lr")
	for i := 0; i < n; i++ {
		fmt.Printf("%5d %8.2f %10.4f %10.4f %10.4f %14.6e\n", i, scales[i], centers[i], gd[i], ada[i], opt.EffectiveLR(i))
	}
	fmt.Println()
	// AdaGrad's accumulated sum only grows, so the step size keeps decaying.
	fmt.Println("AdaGrad's learning rate never recovers: accumulated G_i")
	for i := 0; i < n; i++ {
		fmt.Printf("  G[%d] = %.6e\n", i, opt.G[i])
	}
}
