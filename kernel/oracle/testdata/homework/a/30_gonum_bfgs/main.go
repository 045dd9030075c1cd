package main

import (
	"fmt"
	"log"

	"gonum.org/v1/gonum/optimize"
)

func rosenbrock(x []float64) float64 {
	s := 0.0
	for i := 0; i < len(x)-1; i++ {
		a := 1 - x[i]
		b := x[i+1] - x[i]*x[i]
		s += a*a + 100*b*b
	}
	return s
}

func rosenbrockGrad(grad, x []float64) {
	for i := range grad {
		grad[i] = 0
	}
	for i := 0; i < len(x)-1; i++ {
		b := x[i+1] - x[i]*x[i]
		grad[i] += -2*(1-x[i]) - 400*x[i]*b
		grad[i+1] += 200 * b
	}
}

func main() {
	p := optimize.Problem{Func: rosenbrock, Grad: rosenbrockGrad}
	x0 := []float64{-1.2, 1, -1.2, 1}

	methods := []struct {
		name string
		m    optimize.Method
	}{
		{"BFGS", &optimize.BFGS{}},
		{"LBFGS", &optimize.LBFGS{}},
		{"CG", &optimize.CG{}},
		{"GradientDescent", &optimize.GradientDescent{}},
		{"NelderMead", &optimize.NelderMead{}},
	}
	fmt.Printf("%-16s %-20s %8s %8s %12s\n", "method", "status", "majIter", "fevals", "f*")
	for _, mm := range methods {
		settings := &optimize.Settings{MajorIterations: 20000, Concurrent: 0}
		res, err := optimize.Minimize(p, x0, settings, mm.m)
		if err != nil && res == nil {
			log.Fatal(err)
		}
		fmt.Printf("%-16s %-20v %8d %8d %12.4e\n", mm.name, res.Status, res.Stats.MajorIterations,
			res.Stats.FuncEvaluations, res.F)
	}
	res, _ := optimize.Minimize(p, x0, nil, &optimize.BFGS{})
	fmt.Printf("\nBFGS x* = [")
	for i, v := range res.X {
		if i > 0 {
			fmt.Print(" ")
		}
		fmt.Printf("%.6f", v)
	}
	fmt.Println("]")
}
