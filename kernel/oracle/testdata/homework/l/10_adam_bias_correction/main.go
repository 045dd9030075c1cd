// Homework 10: Adam, with and without bias correction.
package main

import (
	"fmt"
	"math"
)

type Adam struct {
	LR, B1, B2, Eps float64
	BiasCorrect     bool
	m, v            []float64
	t               int
}

func NewAdam(lr float64, bc bool) *Adam {
	return &Adam{LR: lr, B1: 0.9, B2: 0.999, Eps: 1e-8, BiasCorrect: bc}
}

// Step updates params in place and returns the L2 norm of the update.
func (a *Adam) Step(p, g []float64) float64 {
	if a.m == nil {
		a.m = make([]float64, len(p))
		a.v = make([]float64, len(p))
	}
	a.t++
	c1, c2 := 1.0, 1.0
	if a.BiasCorrect {
		c1 = 1 - math.Pow(a.B1, float64(a.t))
		c2 = 1 - math.Pow(a.B2, float64(a.t))
	}
	norm := 0.0
	for i := range p {
		a.m[i] = a.B1*a.m[i] + (1-a.B1)*g[i]
		a.v[i] = a.B2*a.v[i] + (1-a.B2)*g[i]*g[i]
		mh := a.m[i] / c1
		vh := a.v[i] / c2
		d := a.LR * mh / (math.Sqrt(vh) + a.Eps)
		p[i] -= d
		norm += d * d
	}
	return math.Sqrt(norm)
}

// Loss: a shifted ill-conditioned quadratic plus a quartic bump
func loss(x []float64) float64 {
	a, b := x[0]-2, x[1]+1
	return 0.5*(50*a*a+b*b) + 0.1*a*a*a*a
}

func grad(x []float64) []float64 {
	a, b := x[0]-2, x[1]+1
	return []float64{50*a + 0.4*a*a*a, b}
}

func main() {
	fmt.Println("Update size for a constant gradient g = (1, 1), lr = 0.01")
	fmt.Printf("%4s %14s %14s\n", "t", "with BC", "without BC")
	a1, a2 := NewAdam(0.01, true), NewAdam(0.01, false)
	p1, p2 := []float64{0, 0}, []float64{0, 0}
	for t := 1; t <= 10; t++ {
		s1 := a1.Step(p1, []float64{1, 1})
		s2 := a2.Step(p2, []float64{1, 1})
		fmt.Printf("%4d %14.6f %14.6f\n", t, s1, s2)
	}
	fmt.Printf("(without BC the first step is lr*sqrt(2)*(1-b1)/sqrt(1-b2) = %.6f)\n\n",
		0.01*math.Sqrt2*0.1/math.Sqrt(0.001))

	// Manually compute the bias of the EMA for a few t.
	fmt.Println("EMA bias factor 1 - beta^t:")
	for _, t := range []int{1, 10, 100, 1000, 5000} {
		fmt.Printf("  t=%5d  b1: %.6f  b2: %.6f\n", t, 1-math.Pow(0.9, float64(t)), 1-math.Pow(0.999, float64(t)))
	}
	fmt.Println()

	fmt.Println("Training on the quadratic+quartic loss from (-1, 3), lr = 0.05")
	fmt.Printf("%6s %14s %14s\n", "iter", "loss (BC)", "loss (no BC)")
	b1, b2 := NewAdam(0.05, true), NewAdam(0.05, false)
	x1, x2 := []float64{-1, 3}, []float64{-1, 3}
	for t := 1; t <= 400; t++ {
		b1.Step(x1, grad(x1))
		b2.Step(x2, grad(x2))
		if t <= 5 || t%50 == 0 {
			fmt.Printf("%6d %14.6e %14.6e\n", t, loss(x1), loss(x2))
		}
	}
	fmt.Printf("after 400 steps: BC x = (%.5f, %.5f); no-BC x = (%.5f, %.5f)\n", x1[0], x1[1], x2[0], x2[1])
}
