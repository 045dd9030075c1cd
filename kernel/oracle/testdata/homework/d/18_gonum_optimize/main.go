package main

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
	"gonum.org/v1/gonum/optimize/functions"
)

// quartic bowl with a known Hessian: f = sum_i (x_i - i)^4 + (x_i - i)^2 + x0*x1
func bowl(x []float64) float64 {
	s := 0.0
	for i, v := range x {
		d := v - float64(i)
		s += d*d*d*d + d*d
	}
	return s + x[0]*x[1]
}

func bowlGrad(g, x []float64) {
	for i, v := range x {
		d := v - float64(i)
		g[i] = 4*d*d*d + 2*d
	}
	g[0] += x[1]
	g[1] += x[0]
}

func bowlHess(h *mat.SymDense, x []float64) {
	n := len(x)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			h.SetSym(i, j, 0)
		}
		d := x[i] - float64(i)
		h.SetSym(i, i, 12*d*d+2)
	}
	h.SetSym(0, 1, 1)
}

func report(name string, res *optimize.Result, err error) {
	if err != nil {
		fmt.Printf("%-16s error: %v\n", name, err)
	}
	fmt.Printf("%-16s status=%-22v f=%.6e iters=%4d fevals=%4d gevals=%4d\n",
		name, res.Status, res.F, res.MajorIterations, res.FuncEvaluations, res.GradEvaluations)
	fmt.Printf("%-16s x=%.6f\n", "", res.X)
}

func main() {
	rb := functions.ExtendedRosenbrock{}
	p := optimize.Problem{Func: rb.Func, Grad: rb.Grad}
	x0 := []float64{-1.2, 1, -1.2, 1}
	fmt.Printf("extended Rosenbrock, f(x0)=%.4f\n", rb.Func(x0))

	methods := []struct {
		name string
		m    optimize.Method
	}{
		{"BFGS", &optimize.BFGS{}},
		{"LBFGS", &optimize.LBFGS{Store: 5}},
		{"CG", &optimize.CG{}},
		{"NelderMead", &optimize.NelderMead{}},
		{"GradientDescent", &optimize.GradientDescent{}},
	}
	for _, m := range methods {
		settings := &optimize.Settings{MajorIterations: 3000, GradientThreshold: 1e-8}
		if m.name == "NelderMead" {
			settings.GradientThreshold = 0
		}
		res, err := optimize.Minimize(p, x0, settings, m.m)
		report(m.name, res, err)
	}

	fmt.Println("\nquartic bowl with Hessian:")
	bp := optimize.Problem{Func: bowl, Grad: bowlGrad, Hess: bowlHess}
	start := []float64{3, -2, 5}
	for _, m := range []struct {
		name string
		m    optimize.Method
	}{
		{"Newton", &optimize.Newton{}},
		{"BFGS", &optimize.BFGS{}},
	} {
		res, err := optimize.Minimize(bp, start, &optimize.Settings{GradientThreshold: 1e-10}, m.m)
		report(m.name, res, err)
		H := mat.NewSymDense(len(res.X), nil)
		bowlHess(H, res.X)
		var es mat.EigenSym
		es.Factorize(H, false)
		fmt.Printf("  Hessian at solution:\n  %.4f\n  eigenvalues %.4f\n", mat.Formatted(H, mat.Prefix("  ")), es.Values(nil))
	}

	// the analytic minimum of the Rosenbrock test function, from the package itself
	for _, mn := range rb.Minima() {
		if len(mn.X) == 4 {
			fmt.Printf("known minimum (dim 4): X=%v F=%v global=%v\n", mn.X, mn.F, mn.Global)
		}
	}
}
