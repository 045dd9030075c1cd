// Homework 24: gradient flow dx/dt = -grad f(x). Gradient descent with
// step h is the explicit Euler method for this ODE. For a quadratic the
// exact flow is x(t) = expm(-A t) x0, which we compute with mat.Dense.Exp.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

type Field func(x []float64) []float64

type Integrator interface {
	Step(f Field, x []float64, h float64) []float64
}

type Euler struct{}
type RK4 struct{}

func (Euler) Step(f Field, x []float64, h float64) []float64 {
	out := append([]float64(nil), x...)
	floats.AddScaled(out, h, f(x))
	return out
}

func (RK4) Step(f Field, x []float64, h float64) []float64 {
	tmp := make([]float64, len(x))
	k1 := f(x)
	floats.AddScaledTo(tmp, x, h/2, k1)
	k2 := f(tmp)
	floats.AddScaledTo(tmp, x, h/2, k2)
	k3 := f(tmp)
	floats.AddScaledTo(tmp, x, h, k3)
	k4 := f(tmp)
	out := append([]float64(nil), x...)
	for i := range out {
		out[i] += h / 6 * (k1[i] + 2*k2[i] + 2*k3[i] + k4[i])
	}
	return out
}

func integrate(in Integrator, f Field, x0 []float64, T, h float64) []float64 {
	steps := int(math.Round(T / h))
	x := x0
	for k := 0; k < steps; k++ {
		x = in.Step(f, x, h)
	}
	return x
}

var A = mat.NewSymDense(2, []float64{
	3, 1,
	1, 2,
})

func quadField(x []float64) []float64 {
	var g mat.VecDense
	g.MulVec(A, mat.NewVecDense(2, x))
	g.ScaleVec(-1, &g)
	return g.RawVector().Data
}

func exactFlow(x0 []float64, t float64) []float64 {
	var M, E mat.Dense
	M.Scale(-t, A)
	E.Exp(&M)
	var out mat.VecDense
	out.MulVec(&E, mat.NewVecDense(2, x0))
	return out.RawVector().Data
}

func dist(a, b []float64) float64 { return floats.Distance(a, b, 2) }

func main() {
	x0 := []float64{1, -2}
	const T = 2.0
	ref := exactFlow(x0, T)
	var es mat.EigenSym
	es.Factorize(A, false)
	fmt.Printf("eigenvalues of A: %.4f  (GD stable for h < %.4f)\n", es.Values(nil), 2/es.Values(nil)[1])
	fmt.Printf("exact x(T=%.0f) = %.6f\n", T, ref)

	fmt.Printf("%8s %8s %14s %10s %14s %10s\n", "h", "steps", "Euler err", "ratio", "RK4 err", "ratio")
	prevE, prevR := 0.0, 0.0
	for _, h := range []float64{0.2, 0.1, 0.05, 0.025, 0.0125} {
		e := dist(integrate(Euler{}, quadField, x0, T, h), ref)
		r := dist(integrate(RK4{}, quadField, x0, T, h), ref)
		re, rr := "", ""
		if prevE > 0 {
			re = fmt.Sprintf("%.2f", prevE/e)
			rr = fmt.Sprintf("%.2f", prevR/r)
		}
		fmt.Printf("%8.4f %8d %14.4e %10s %14.4e %10s\n", h, int(math.Round(T/h)), e, re, r, rr)
		prevE, prevR = e, r
	}

	fmt.Println("large steps: GD = Euler leaves the flow and can blow up")
	for _, h := range []float64{0.5, 0.7, 0.8} {
		x := integrate(Euler{}, quadField, x0, 8, h)
		fmt.Printf("  h=%.1f  |x(8)| = %.4e\n", h, floats.Norm(x, 2))
	}

	// non-quadratic: f(x,y) = log(1+exp(x+y)) + 0.5*(x-y)^2 + 0.1*(x^2+y^2)
	field := func(x []float64) []float64 {
		s := 1 / (1 + math.Exp(-(x[0] + x[1])))
		return []float64{
			-(s + (x[0] - x[1]) + 0.2*x[0]),
			-(s - (x[0] - x[1]) + 0.2*x[1]),
		}
	}
	fine := integrate(RK4{}, field, x0, 3, 0.001)
	fmt.Printf("nonlinear flow x(3) (RK4, h=0.001) = %.6f\n", fine)
	for _, h := range []float64{0.3, 0.1, 0.03} {
		fmt.Printf("  GD/Euler h=%.2f error %.3e\n", h, dist(integrate(Euler{}, field, x0, 3, h), fine))
	}
	fmt.Printf("Integrator types: %T %T\n", Euler{}, RK4{})
}
