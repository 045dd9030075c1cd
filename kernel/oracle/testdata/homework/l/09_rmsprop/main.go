// Homework 9: RMSProp written with closures. The optimizer constructor
// returns a step function that captures its own running average.
package main

import (
	"fmt"
	"math"
)

type stepFn func(x, g []float64)

func newRMSProp(lr, rho, eps float64) stepFn {
	var v []float64
	return func(x, g []float64) {
		if v == nil {
			v = make([]float64, len(x))
		}
		for i := range x {
			v[i] = rho*v[i] + (1-rho)*g[i]*g[i]
			x[i] -= lr * g[i] / (math.Sqrt(v[i]) + eps)
		}
	}
}

func newAdaGrad(lr, eps float64) stepFn {
	var G []float64
	return func(x, g []float64) {
		if G == nil {
			G = make([]float64, len(x))
		}
		for i := range x {
			G[i] += g[i] * g[i]
			x[i] -= lr * g[i] / (math.Sqrt(G[i]) + eps)
		}
	}
}

// Beale function: minimum 0 at (3, 0.5)
func beale(x []float64) float64 {
	a := 1.5 - x[0] + x[0]*x[1]
	b := 2.25 - x[0] + x[0]*x[1]*x[1]
	c := 2.625 - x[0] + x[0]*x[1]*x[1]*x[1]
	return a*a + b*b + c*c
}

func bealeGrad(x, g []float64) {
	y := x[1]
	a := 1.5 - x[0] + x[0]*y
	b := 2.25 - x[0] + x[0]*y*y
	c := 2.625 - x[0] + x[0]*y*y*y
	g[0] = 2*a*(y-1) + 2*b*(y*y-1) + 2*c*(y*y*y-1)
	g[1] = 2*a*x[0] + 2*b*2*x[0]*y + 2*c*3*x[0]*y*y
}

func run(step stepFn, iters int) ([]float64, []float64) {
	x := []float64{1, 1.5}
	g := make([]float64, 2)
	var hist []float64
	for t := 0; t < iters; t++ {
		bealeGrad(x, g)
		step(x, g)
		if (t+1)%1000 == 0 {
			hist = append(hist, beale(x))
		}
	}
	return x, hist
}

func main() {
	type entry struct {
		name string
		mk   func() stepFn
	}
	entries := []entry{
		{"AdaGrad lr=0.01", func() stepFn { return newAdaGrad(0.01, 1e-8) }},
		{"RMSProp rho=0.5", func() stepFn { return newRMSProp(1e-3, 0.5, 1e-8) }},
		{"RMSProp rho=0.9", func() stepFn { return newRMSProp(1e-3, 0.9, 1e-8) }},
		{"RMSProp rho=0.99", func() stepFn { return newRMSProp(1e-3, 0.99, 1e-8) }},
		{"RMSProp rho=0.999", func() stepFn { return newRMSProp(1e-3, 0.999, 1e-8) }},
	}
	fmt.Println("Beale function from (1, 1.5); loss every 1000 steps")
	fmt.Printf("%-18s", "optimizer")
	for k := 1; k <= 5; k++ {
		fmt.Printf(" %11s", fmt.Sprintf("t=%d", k*1000))
	}
	fmt.Printf("  %s\n", "final x")
	for _, e := range entries {
		x, h := run(e.mk(), 5000)
		fmt.Printf("%-18s", e.name)
		for _, v := range h {
			fmt.Printf(" %11.4e", v)
		}
		fmt.Printf("  (%.4f, %.4f)\n", x[0], x[1])
	}

	// RMSProp step size is roughly lr regardless of gradient scale.
	fmt.Println("\nfirst-step size vs gradient scale (rho=0.9, lr=1e-3):")
	for _, s := range []float64{1e-4, 1, 1e4} {
		x := []float64{0}
		newRMSProp(1e-3, 0.9, 1e-8)(x, []float64{s})
		fmt.Printf("  grad=%8.0e  step=%.6f  (lr/sqrt(1-rho)=%.6f)\n", s, -x[0], 1e-3/math.Sqrt(0.1))
	}
}
