// Homework 28: optimizers written once with generics and instantiated for
// float32 and float64. Shows the precision floor of float32 training.
package main

import (
	"fmt"
	"math"
)

type Float interface{ ~float32 | ~float64 }

type Optimizer[T Float] interface {
	Step(params, grads []T)
	Name() string
}

type SGD[T Float] struct{ LR T }

func (s *SGD[T]) Name() string { return "SGD" }
func (s *SGD[T]) Step(p, g []T) {
	for i := range p {
		p[i] -= s.LR * g[i]
	}
}

type Momentum[T Float] struct {
	LR, Beta T
	v        []T
}

func (m *Momentum[T]) Name() string { return "Momentum" }
func (m *Momentum[T]) Step(p, g []T) {
	if m.v == nil {
		m.v = make([]T, len(p))
	}
	for i := range p {
		m.v[i] = m.Beta*m.v[i] + g[i]
		p[i] -= m.LR * m.v[i]
	}
}

type Adam[T Float] struct {
	LR, B1, B2, Eps T
	m, v            []T
	t               int
}

func (a *Adam[T]) Name() string { return "Adam" }
func (a *Adam[T]) Step(p, g []T) {
	if a.m == nil {
		a.m, a.v = make([]T, len(p)), make([]T, len(p))
	}
	a.t++
	c1 := 1 - T(math.Pow(float64(a.B1), float64(a.t)))
	c2 := 1 - T(math.Pow(float64(a.B2), float64(a.t)))
	for i := range p {
		a.m[i] = a.B1*a.m[i] + (1-a.B1)*g[i]
		a.v[i] = a.B2*a.v[i] + (1-a.B2)*g[i]*g[i]
		p[i] -= a.LR * (a.m[i] / c1) / (T(math.Sqrt(float64(a.v[i]/c2))) + a.Eps)
	}
}

// Map and Sum are small generic helpers.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Sum[T Float](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// Quadratic problem f(x) = 1/2 sum c_i (x_i - t_i)^2 with targets that are
// not exactly representable in float32.
type Problem[T Float] struct{ c, t []T }

func NewProblem[T Float]() Problem[T] {
	c := []float64{1, 3, 10, 30}
	t := []float64{1.0 / 3, -2.0 / 7, math.Pi, math.E}
	return Problem[T]{Map(c, func(v float64) T { return T(v) }), Map(t, func(v float64) T { return T(v) })}
}

func (p Problem[T]) Loss(x []T) T {
	terms := make([]T, len(x))
	for i := range x {
		d := x[i] - p.t[i]
		terms[i] = p.c[i] * d * d / 2
	}
	return Sum(terms)
}

func (p Problem[T]) Grad(x, g []T) {
	for i := range x {
		g[i] = p.c[i] * (x[i] - p.t[i])
	}
}

// distance to the true (float64) optimum
func trueErr[T Float](x []T) float64 {
	t := []float64{1.0 / 3, -2.0 / 7, math.Pi, math.E}
	m := 0.0
	for i := range x {
		m = math.Max(m, math.Abs(float64(x[i])-t[i]))
	}
	return m
}

func train[T Float](opt Optimizer[T], steps int) (T, float64) {
	p := NewProblem[T]()
	x := make([]T, 4)
	g := make([]T, 4)
	for s := 0; s < steps; s++ {
		p.Grad(x, g)
		opt.Step(x, g)
	}
	return p.Loss(x), trueErr(x)
}

func row[T Float](opts []Optimizer[T], label string) {
	for _, o := range opts {
		l, e := train(o, 3000)
		fmt.Printf("%-8s %-9s %14.6e %14.6e\n", label, o.Name(), float64(l), e)
	}
}

func main() {
	fmt.Printf("%-8s %-9s %14s %14s\n", "type", "optimizer", "final loss", "max |x-x*|")
	row([]Optimizer[float32]{&SGD[float32]{LR: 0.03}, &Momentum[float32]{LR: 0.01, Beta: 0.8}, &Adam[float32]{LR: 0.01, B1: 0.9, B2: 0.999, Eps: 1e-8}}, "float32")
	row([]Optimizer[float64]{&SGD[float64]{LR: 0.03}, &Momentum[float64]{LR: 0.01, Beta: 0.8}, &Adam[float64]{LR: 0.01, B1: 0.9, B2: 0.999, Eps: 1e-8}}, "float64")

	fmt.Printf("\nmachine epsilon: float32 %.3e, float64 %.3e\n", math.Nextafter32(1, 2)-1, math.Nextafter(1, 2)-1)

	// Tiny updates vanish in float32: w + lr*g == w when lr*g < ulp(w)/2.
	fmt.Println("\nupdate swallowed by rounding (w = 1000):")
	for _, u := range []float64{1e-2, 1e-4, 1e-5, 1e-6} {
		w32 := float32(1000)
		w64 := 1000.0
		fmt.Printf("  update %.0e: float32 changed=%-5v float64 changed=%v\n", u, w32-float32(u) != w32, w64-u != w64)
	}
}
