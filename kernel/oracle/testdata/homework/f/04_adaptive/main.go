package main

import (
	"fmt"
	"math"
)

// Optimizer updates params in place given the gradient.
type Optimizer interface {
	Name() string
	Step(params, grad []float64)
}

type AdaGrad struct {
	LR, Eps float64
	sum     []float64
}

func (a *AdaGrad) Name() string { return "AdaGrad" }

func (a *AdaGrad) Step(p, g []float64) {
	if a.sum == nil {
		a.sum = make([]float64, len(p))
	}
	for i := range p {
		a.sum[i] += g[i] * g[i]
		p[i] -= a.LR * g[i] / (math.Sqrt(a.sum[i]) + a.Eps)
	}
}

type RMSProp struct {
	LR, Rho, Eps float64
	avg          []float64
}

func (r *RMSProp) Name() string { return "RMSProp" }

func (r *RMSProp) Step(p, g []float64) {
	if r.avg == nil {
		r.avg = make([]float64, len(p))
	}
	for i := range p {
		r.avg[i] = r.Rho*r.avg[i] + (1-r.Rho)*g[i]*g[i]
		p[i] -= r.LR * g[i] / (math.Sqrt(r.avg[i]) + r.Eps)
	}
}

type Adam struct {
	LR, Beta1, Beta2, Eps float64
	m, v                  []float64
	t                     int
}

func (a *Adam) Name() string { return "Adam" }

func (a *Adam) Step(p, g []float64) {
	if a.m == nil {
		a.m = make([]float64, len(p))
		a.v = make([]float64, len(p))
	}
	a.t++
	c1 := 1 - math.Pow(a.Beta1, float64(a.t))
	c2 := 1 - math.Pow(a.Beta2, float64(a.t))
	for i := range p {
		a.m[i] = a.Beta1*a.m[i] + (1-a.Beta1)*g[i]
		a.v[i] = a.Beta2*a.v[i] + (1-a.Beta2)*g[i]*g[i]
		mHat := a.m[i] / c1
		vHat := a.v[i] / c2
		p[i] -= a.LR * mHat / (math.Sqrt(vHat) + a.Eps)
	}
}

type SGD struct{ LR float64 }

func (s SGD) Name() string { return "SGD" }

func (s SGD) Step(p, g []float64) {
	for i := range p {
		p[i] -= s.LR * g[i]
	}
}

// Badly scaled bowl: the two coordinates have curvatures 2 and 2000.
func f(p []float64) float64 {
	return (p[0]-3)*(p[0]-3) + 1000*(p[1]+1)*(p[1]+1)
}

func gradF(p []float64) []float64 {
	return []float64{2 * (p[0] - 3), 2000 * (p[1] + 1)}
}

func main() {
	opts := []Optimizer{
		SGD{LR: 0.0009},
		&AdaGrad{LR: 0.5, Eps: 1e-8},
		&RMSProp{LR: 0.01, Rho: 0.9, Eps: 1e-8},
		&Adam{LR: 0.05, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8},
	}
	fmt.Printf("%-8s %8s %10s %10s %14s\n", "method", "iters", "x", "y", "f")
	for _, opt := range opts {
		p := []float64{0, 0}
		for k := 1; k <= 300; k++ {
			opt.Step(p, gradF(p))
			if k == 50 || k == 300 {
				fmt.Printf("%-8s %8d %10.5f %10.5f %14.6e\n", opt.Name(), k, p[0], p[1], f(p))
			}
		}
	}

	// Look at the effective per-coordinate step that AdaGrad uses.
	ag := &AdaGrad{LR: 0.5, Eps: 1e-8}
	p := []float64{0, 0}
	for k := 0; k < 20; k++ {
		ag.Step(p, gradF(p))
	}
	fmt.Println("\nAdaGrad effective learning rates after 20 steps:")
	for i, s := range ag.sum {
		fmt.Printf("  coord %d: lr/sqrt(G) = %.6f\n", i, ag.LR/(math.Sqrt(s)+ag.Eps))
	}
}
