package main

import (
	"fmt"
	"log"

	"gonum.org/v1/gonum/mat"
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

func rosenbrockHess(h *mat.SymDense, x []float64) {
	n := len(x)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			h.SetSym(i, j, 0)
		}
	}
	for i := 0; i < n-1; i++ {
		h.SetSym(i, i, h.At(i, i)+2-400*(x[i+1]-3*x[i]*x[i]))
		h.SetSym(i, i+1, -400*x[i])
		h.SetSym(i+1, i+1, h.At(i+1, i+1)+200)
	}
}

func main() {
	p := optimize.Problem{
		Func: rosenbrock,
		Grad: rosenbrockGrad,
		Hess: rosenbrockHess,
	}
	x0 := []float64{-1.2, 1, -1.2, 1}

	methods := []struct {
		name   string
		method optimize.Method
	}{
		{"BFGS", &optimize.BFGS{}},
		{"LBFGS", &optimize.LBFGS{Store: 5}},
		{"CG", &optimize.CG{}},
		{"Newton", &optimize.Newton{}},
		{"NelderMead", &optimize.NelderMead{}},
		{"GradientDescent", &optimize.GradientDescent{}},
	}

	for _, m := range methods {
		settings := &optimize.Settings{
			GradientThreshold: 1e-8,
			MajorIterations:   3000,
		}
		if m.name == "NelderMead" {
			settings.GradientThreshold = 0
			settings.Converger = &optimize.FunctionConverge{Absolute: 1e-12, Iterations: 200}
		}
		res, err := optimize.Minimize(p, x0, settings, m.method)
		if err != nil && res == nil {
			log.Fatalf("%s: %v", m.name, err)
		}
		fmt.Printf("%-16s status=%-18v F=%.6e\n", m.name, res.Status, res.F)
		fmt.Printf("%-16s X=[", "")
		for i, v := range res.X {
			if i > 0 {
				fmt.Print(" ")
			}
			fmt.Printf("%.5f", v)
		}
		fmt.Printf("] iters=%d\n", res.MajorIterations)
		if err != nil {
			fmt.Printf("%-16s note: %v\n", "", err)
		}
	}

	// Default method selection: with only Func supplied, Minimize picks Nelder-Mead.
	res, err := optimize.Minimize(optimize.Problem{Func: func(x []float64) float64 {
		return (x[0]-2)*(x[0]-2) + (x[1]+1)*(x[1]+1) + 3
	}}, []float64{0, 0}, nil, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nsimple bowl with default method: X=(%.4f, %.4f) F=%.6f status=%v\n",
		res.X[0], res.X[1], res.F, res.Status)
}
