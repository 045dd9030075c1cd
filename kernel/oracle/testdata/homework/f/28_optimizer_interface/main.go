package main

import (
	"fmt"
	"math"
	"sort"
	"sync"
)

type Problem interface {
	Eval(x []float64) float64
	Gradient(x []float64) []float64
}

type Optimizer interface {
	Update(x, g []float64)
	Reset()
}

type Beale struct{}

func (Beale) Eval(p []float64) float64 {
	x, y := p[0], p[1]
	a := 1.5 - x + x*y
	b := 2.25 - x + x*y*y
	c := 2.625 - x + x*y*y*y
	return a*a + b*b + c*c
}

func (Beale) Gradient(p []float64) []float64 {
	x, y := p[0], p[1]
	a := 1.5 - x + x*y
	b := 2.25 - x + x*y*y
	c := 2.625 - x + x*y*y*y
	return []float64{
		2*a*(y-1) + 2*b*(y*y-1) + 2*c*(y*y*y-1),
		2*a*x + 2*b*2*x*y + 2*c*3*x*y*y,
	}
}

type SGD struct{ LR float64 }

func (o *SGD) Update(x, g []float64) {
	for i := range x {
		x[i] -= o.LR * g[i]
	}
}
func (o *SGD) Reset() {}

type Momentum struct {
	LR, Beta float64
	v        []float64
}

func (o *Momentum) Update(x, g []float64) {
	if o.v == nil {
		o.v = make([]float64, len(x))
	}
	for i := range x {
		o.v[i] = o.Beta*o.v[i] + g[i]
		x[i] -= o.LR * o.v[i]
	}
}
func (o *Momentum) Reset() { o.v = nil }

type Adam struct {
	LR   float64
	m, v []float64
	t    int
}

func (o *Adam) Update(x, g []float64) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	if o.m == nil {
		o.m, o.v = make([]float64, len(x)), make([]float64, len(x))
	}
	o.t++
	for i := range x {
		o.m[i] = b1*o.m[i] + (1-b1)*g[i]
		o.v[i] = b2*o.v[i] + (1-b2)*g[i]*g[i]
		mh := o.m[i] / (1 - math.Pow(b1, float64(o.t)))
		vh := o.v[i] / (1 - math.Pow(b2, float64(o.t)))
		x[i] -= o.LR * mh / (math.Sqrt(vh) + eps)
	}
}
func (o *Adam) Reset() { o.m, o.v, o.t = nil, nil, 0 }

type result struct {
	name  string
	x     []float64
	f     float64
	steps int
}

func run(name string, p Problem, opt Optimizer, x0 []float64, maxSteps int) result {
	opt.Reset()
	x := append([]float64(nil), x0...)
	k := 0
	for ; k < maxSteps; k++ {
		g := p.Gradient(x)
		if math.Hypot(g[0], g[1]) < 1e-6 {
			break
		}
		opt.Update(x, g)
	}
	return result{name, x, p.Eval(x), k}
}

func main() {
	registry := map[string]Optimizer{
		"sgd":      &SGD{LR: 0.01},
		"momentum": &Momentum{LR: 0.005, Beta: 0.9},
		"adam":     &Adam{LR: 0.02},
	}
	names := make([]string, 0, len(registry))
	for name := range registry {
		names = append(names, name)
	}
	sort.Strings(names)

	var prob Problem = Beale{}
	x0 := []float64{1, 1}
	results := make([]result, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func(i int, name string) {
			defer wg.Done()
			results[i] = run(name, prob, registry[name], x0, 20000)
		}(i, name)
	}
	wg.Wait()

	fmt.Printf("Beale from (%.1f, %.1f); minimum at (3, 0.5)\n", x0[0], x0[1])
	for _, r := range results {
		fmt.Printf("%-9s steps=%6d x=(%.6f, %.6f) f=%.4e\n", r.name, r.steps, r.x[0], r.x[1], r.f)
	}

	best := results[0]
	for _, r := range results[1:] {
		if r.steps < best.steps {
			best = r
		}
	}
	fmt.Printf("fewest steps: %s\n", best.name)

	// Type switch to report hyperparameters.
	for _, name := range names {
		switch o := registry[name].(type) {
		case *SGD:
			fmt.Printf("%s: lr=%g\n", name, o.LR)
		case *Momentum:
			fmt.Printf("%s: lr=%g beta=%g\n", name, o.LR, o.Beta)
		case *Adam:
			fmt.Printf("%s: lr=%g, took %d adam steps\n", name, o.LR, o.t)
		}
	}
}
