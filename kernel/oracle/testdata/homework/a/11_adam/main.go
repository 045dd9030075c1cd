package main

import (
	"fmt"
	"math"
)

// Adam optimizer state, kept in a struct with pointer receiver methods.
type Adam struct {
	LR, Beta1, Beta2, Eps float64
	m, v                  []float64
	t                     int
}

func NewAdam(lr float64, n int) *Adam {
	return &Adam{LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8,
		m: make([]float64, n), v: make([]float64, n)}
}

func (a *Adam) Step(x, g []float64) {
	a.t++
	bc1 := 1 - math.Pow(a.Beta1, float64(a.t))
	bc2 := 1 - math.Pow(a.Beta2, float64(a.t))
	for i := range x {
		a.m[i] = a.Beta1*a.m[i] + (1-a.Beta1)*g[i]
		a.v[i] = a.Beta2*a.v[i] + (1-a.Beta2)*g[i]*g[i]
		mhat := a.m[i] / bc1
		vhat := a.v[i] / bc2
		x[i] -= a.LR * mhat / (math.Sqrt(vhat) + a.Eps)
	}
}

// Beale function, minimum at (3, 0.5)
func beale(x []float64) float64 {
	a := 1.5 - x[0] + x[0]*x[1]
	b := 2.25 - x[0] + x[0]*x[1]*x[1]
	c := 2.625 - x[0] + x[0]*x[1]*x[1]*x[1]
	return a*a + b*b + c*c
}

func bealeGrad(x []float64) []float64 {
	X, Y := x[0], x[1]
	a := 1.5 - X + X*Y
	b := 2.25 - X + X*Y*Y
	c := 2.625 - X + X*Y*Y*Y
	return []float64{
		2*a*(Y-1) + 2*b*(Y*Y-1) + 2*c*(Y*Y*Y-1),
		2*a*X + 2*b*2*X*Y + 2*c*3*X*Y*Y,
	}
}

func main() {
	fmt.Println("Adam on the Beale function, start (1, 1)")
	fmt.Printf("%-7s %-10s %-22s %-12s\n", "lr", "steps", "x", "f(x)")
	for _, lr := range []float64{0.001, 0.01, 0.05, 0.1, 0.5} {
		x := []float64{1, 1}
		opt := NewAdam(lr, len(x))
		steps := 5000
		for k := 0; k < steps; k++ {
			opt.Step(x, bealeGrad(x))
		}
		fmt.Printf("%-7g %-10d (%8.5f, %8.5f)   %.3e\n", lr, steps, x[0], x[1], beale(x))
	}

	// the first step of Adam has magnitude ~lr regardless of gradient scale
	fmt.Println("\nfirst step size vs gradient scale (lr=0.1):")
	for _, scale := range []float64{1e-3, 1, 1e3} {
		x := []float64{0}
		NewAdam(0.1, 1).Step(x, []float64{scale})
		fmt.Printf("  grad=%-6g  step=%.6f\n", scale, -x[0])
	}
}
