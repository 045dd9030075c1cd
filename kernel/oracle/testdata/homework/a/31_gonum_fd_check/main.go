// Gradient checking: compare analytic gradient / Hessian of a small
// "loss" with finite differences from gonum's diff/fd package.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// softplus loss for a tiny 3-parameter model
func loss(w []float64) float64 {
	return math.Log1p(math.Exp(w[0]-2*w[1])) + 0.5*w[2]*w[2]*w[0]*w[0] + math.Sin(w[1]*w[2])
}

func gradAnalytic(w []float64) []float64 {
	s := 1 / (1 + math.Exp(-(w[0] - 2*w[1])))
	return []float64{
		s + w[2]*w[2]*w[0],
		-2*s + w[2]*math.Cos(w[1]*w[2]),
		w[2]*w[0]*w[0] + w[1]*math.Cos(w[1]*w[2]),
	}
}

func relErr(a, b []float64) float64 {
	d := make([]float64, len(a))
	floats.SubTo(d, a, b)
	return floats.Norm(d, 2) / math.Max(floats.Norm(a, 2)+floats.Norm(b, 2), 1e-300)
}

func main() {
	w := []float64{0.3, -0.7, 1.1}
	ga := gradAnalytic(w)
	fmt.Printf("analytic : %v\n", fmtVec(ga))

	formulas := []struct {
		name string
		f    fd.Formula
	}{{"Forward", fd.Forward}, {"Backward", fd.Backward}, {"Central", fd.Central}}
	for _, fm := range formulas {
		g := fd.Gradient(nil, loss, w, &fd.Settings{Formula: fm.f})
		fmt.Printf("%-9s: %v  rel err %.2e\n", fm.name, fmtVec(g), relErr(g, ga))
	}

	// an intentionally buggy gradient is caught
	bad := gradAnalytic(w)
	bad[1] += 0.01
	fmt.Printf("buggy grad rel err = %.2e (should be >> 1e-6)\n\n", relErr(bad, fd.Gradient(nil, loss, w, nil)))

	H := mat.NewSymDense(3, nil)
	fd.Hessian(H, loss, w, nil)
	fmt.Printf("Hessian (fd):\n%8.4f\n", mat.Formatted(H))

	// Jacobian of the analytic gradient should equal the Hessian
	J := mat.NewDense(3, 3, nil)
	fd.Jacobian(J, func(y, x []float64) { copy(y, gradAnalytic(x)) }, w, &fd.JacobianSettings{Formula: fd.Central})
	var diff mat.Dense
	diff.Sub(J, H)
	fmt.Printf("max |J(grad) - H| = %.2e\n", mat.Norm(&diff, math.Inf(1)))
	fmt.Printf("symmetric check: J01=%.6f J10=%.6f\n", J.At(0, 1), J.At(1, 0))

	// fd.Derivative for a 1D function
	d := fd.Derivative(math.Tanh, 0.5, &fd.Settings{Formula: fd.Central})
	fmt.Printf("tanh'(0.5) fd=%.10f exact=%.10f\n", d, 1-math.Pow(math.Tanh(0.5), 2))
	d2 := fd.Derivative(math.Tanh, 0.5, &fd.Settings{Formula: fd.Central2nd})
	t := math.Tanh(0.5)
	fmt.Printf("tanh''(0.5) fd=%.8f exact=%.8f\n", d2, -2*t*(1-t*t))
}

func fmtVec(v []float64) string {
	s := "["
	for i, x := range v {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%+.8f", x)
	}
	return s + "]"
}
