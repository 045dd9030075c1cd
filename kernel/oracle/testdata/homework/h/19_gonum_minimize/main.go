// Homework 19: using gonum/optimize. Compare BFGS, LBFGS, CG, NelderMead
// and GradientDescent on three classic test functions.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/optimize"
)

type TestFunc struct {
	Name  string
	F     func(x []float64) float64
	Grad  func(grad, x []float64)
	Start []float64
	Known []float64
}

var tests []TestFunc

func init() {
	tests = append(tests, TestFunc{
		Name: "Rosenbrock",
		F: func(x []float64) float64 {
			return 100*math.Pow(x[1]-x[0]*x[0], 2) + math.Pow(1-x[0], 2)
		},
		Grad: func(g, x []float64) {
			g[0] = -400*x[0]*(x[1]-x[0]*x[0]) - 2*(1-x[0])
			g[1] = 200 * (x[1] - x[0]*x[0])
		},
		Start: []float64{-1.2, 1},
		Known: []float64{1, 1},
	})
	tests = append(tests, TestFunc{
		Name: "Himmelblau",
		F: func(x []float64) float64 {
			a := x[0]*x[0] + x[1] - 11
			b := x[0] + x[1]*x[1] - 7
			return a*a + b*b
		},
		Grad: func(g, x []float64) {
			a := x[0]*x[0] + x[1] - 11
			b := x[0] + x[1]*x[1] - 7
			g[0] = 4*a*x[0] + 2*b
			g[1] = 2*a + 4*b*x[1]
		},
		Start: []float64{0, 0},
		Known: []float64{3, 2},
	})
	tests = append(tests, TestFunc{
		Name: "Beale",
		F: func(x []float64) float64 {
			s := 0.0
			for i, c := range []float64{1.5, 2.25, 2.625} {
				t := c - x[0]*(1-math.Pow(x[1], float64(i+1)))
				s += t * t
			}
			return s
		},
		Grad: func(g, x []float64) {
			g[0], g[1] = 0, 0
			for i, c := range []float64{1.5, 2.25, 2.625} {
				p := float64(i + 1)
				t := c - x[0]*(1-math.Pow(x[1], p))
				g[0] += 2 * t * -(1 - math.Pow(x[1], p))
				g[1] += 2 * t * x[0] * p * math.Pow(x[1], p-1)
			}
		},
		Start: []float64{1, 1},
		Known: []float64{3, 0.5},
	})
}

type methodMaker struct {
	name string
	make func() optimize.Method
}

var methods = []methodMaker{
	{"BFGS", func() optimize.Method { return &optimize.BFGS{} }},
	{"LBFGS", func() optimize.Method { return &optimize.LBFGS{Store: 5} }},
	{"CG", func() optimize.Method { return &optimize.CG{} }},
	{"NelderMead", func() optimize.Method { return &optimize.NelderMead{} }},
	{"GradientDescent", func() optimize.Method { return &optimize.GradientDescent{} }},
}

func main() {
	for _, tf := range tests {
		fmt.Printf("=== %s from %v (known minimum %v) ===\n", tf.Name, tf.Start, tf.Known)
		p := optimize.Problem{Func: tf.F, Grad: tf.Grad}
		for _, mm := range methods {
			settings := &optimize.Settings{
				GradientThreshold: 1e-6,
				MajorIterations:   20000,
			}
			res, err := optimize.Minimize(p, tf.Start, settings, mm.make())
			if err != nil {
				fmt.Printf("  %-16s error: %v\n", mm.name, err)
				continue
			}
			dist := math.Hypot(res.X[0]-tf.Known[0], res.X[1]-tf.Known[1])
			fmt.Printf("  %-16s x=[%.4f %.4f] f=%-9s close=%-5v iters=%-5d status=%v\n",
				mm.name, res.X[0], res.X[1], fmtF(res.F), dist < 1e-3, res.MajorIterations, res.Status)
		}
	}

	// the gradient is optional for NelderMead; and a Problem without Grad
	// makes the gradient based methods return an error.
	if err := tryWithoutGrad(); err != nil {
		fmt.Println("BFGS without gradient:", err)
	}
	res, err := optimize.Minimize(optimize.Problem{Func: tests[1].F}, []float64{-2, 2}, nil, &optimize.NelderMead{})
	if err == nil {
		fmt.Printf("NelderMead Himmelblau from (-2,2): x=[%.4f %.4f] f<1e-6: %v\n", res.X[0], res.X[1], res.F < 1e-6)
	}
}

// fmtF hides values that are zero up to round-off.
func fmtF(v float64) string {
	if math.Abs(v) < 1e-10 {
		return "<1e-10"
	}
	return fmt.Sprintf("%.2e", v)
}

// tryWithoutGrad shows that gonum panics when a gradient-based method is
// given a Problem without Grad; we turn the panic into an error.
func tryWithoutGrad() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered panic: %v", r)
		}
	}()
	_, err = optimize.Minimize(optimize.Problem{Func: tests[0].F}, tests[0].Start, nil, &optimize.BFGS{})
	return err
}
