// Homework 17: trust-region method. Cauchy point vs dogleg step for the
// quadratic model m(p) = f + g.p + 1/2 p.B.p, on the Rosenbrock function.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

type StepKind string

const (
	eta      = 0.15
	maxRad   = 2.0
	maxIters = 2000
)

type Model struct {
	f float64
	g *mat.VecDense
	B *mat.SymDense
}

func (m Model) Eval(p *mat.VecDense) float64 {
	var Bp mat.VecDense
	Bp.MulVec(m.B, p)
	return m.f + mat.Dot(m.g, p) + 0.5*mat.Dot(p, &Bp)
}

type StepFunc func(m Model, radius float64) (*mat.VecDense, StepKind)

func f(x []float64) float64 {
	return 100*math.Pow(x[1]-x[0]*x[0], 2) + math.Pow(1-x[0], 2)
}

func model(x []float64) Model {
	g := mat.NewVecDense(2, []float64{
		-400*x[0]*(x[1]-x[0]*x[0]) - 2*(1-x[0]),
		200 * (x[1] - x[0]*x[0]),
	})
	B := mat.NewSymDense(2, []float64{
		1200*x[0]*x[0] - 400*x[1] + 2, -400 * x[0],
		-400 * x[0], 200,
	})
	return Model{f(x), g, B}
}

func cauchyPoint(m Model, radius float64) (*mat.VecDense, StepKind) {
	gn := mat.Norm(m.g, 2)
	var Bg mat.VecDense
	Bg.MulVec(m.B, m.g)
	gBg := mat.Dot(m.g, &Bg)
	tau := 1.0
	if gBg > 0 {
		tau = math.Min(1, gn*gn*gn/(radius*gBg))
	}
	p := mat.NewVecDense(2, nil)
	p.ScaleVec(-tau*radius/gn, m.g)
	if tau < 1 {
		return p, "cauchy-int"
	}
	return p, "cauchy-bnd"
}

func dogleg(m Model, radius float64) (*mat.VecDense, StepKind) {
	var chol mat.Cholesky
	if !chol.Factorize(m.B) {
		return cauchyPoint(m, radius) // B indefinite, fall back
	}
	var pB mat.VecDense
	if err := chol.SolveVecTo(&pB, m.g); err != nil {
		return cauchyPoint(m, radius)
	}
	pB.ScaleVec(-1, &pB)
	if mat.Norm(&pB, 2) <= radius {
		return &pB, "newton"
	}
	var Bg mat.VecDense
	Bg.MulVec(m.B, m.g)
	gg := mat.Dot(m.g, m.g)
	pU := mat.NewVecDense(2, nil)
	pU.ScaleVec(-gg/mat.Dot(m.g, &Bg), m.g)
	if mat.Norm(pU, 2) >= radius {
		pU.ScaleVec(radius/mat.Norm(pU, 2), pU)
		return pU, "dogleg-sd"
	}
	// find s in [0,1] with |pU + s (pB - pU)| = radius
	var d mat.VecDense
	d.SubVec(&pB, pU)
	a := mat.Dot(&d, &d)
	b := 2 * mat.Dot(pU, &d)
	c := mat.Dot(pU, pU) - radius*radius
	s := (-b + math.Sqrt(b*b-4*a*c)) / (2 * a)
	p := mat.NewVecDense(2, nil)
	p.AddScaledVec(pU, s, &d)
	return p, "dogleg"
}

func trustRegion(name string, step StepFunc, x0 []float64) {
	x := append([]float64(nil), x0...)
	radius := 0.5
	fmt.Printf("%s:\n", name)
	for k := 0; k < maxIters; k++ {
		m := model(x)
		if mat.Norm(m.g, 2) < 1e-8 {
			fmt.Printf("  converged at k=%d, x=(%.6f, %.6f)\n", k, x[0], x[1])
			return
		}
		p, kind := step(m, radius)
		xn := []float64{x[0] + p.AtVec(0), x[1] + p.AtVec(1)}
		actual := m.f - f(xn)
		predicted := m.f - m.Eval(p)
		rho := actual / predicted
		pn := mat.Norm(p, 2)
		switch {
		case rho < 0.25:
			radius *= 0.25
		case rho > 0.75 && math.Abs(pn-radius) < 1e-12:
			radius = math.Min(2*radius, maxRad)
		}
		if rho > eta {
			x = xn
		}
		if k < 6 || (k%200 == 0) {
			fmt.Printf("  k=%4d f=%.6e rho=%7.3f radius=%.4f step=%s\n", k, m.f, rho, radius, kind)
		}
	}
	fmt.Printf("  stopped after %d iterations at x=(%.6f, %.6f), f=%.3e\n", maxIters, x[0], x[1], f(x))
}

func main() {
	x0 := []float64{-1.2, 1}
	m := model(x0)
	fmt.Printf("model at x0: f=%.2f g=%.2f\n  B=%.1f\n", m.f, mat.Formatted(m.g.T()), mat.Formatted(m.B, mat.Prefix("    ")))
	for _, r := range []float64{0.01, 0.1, 1} {
		pc, kc := cauchyPoint(m, r)
		pd, kd := dogleg(m, r)
		fmt.Printf("radius %.2f: cauchy m=%.4f (%s)  dogleg m=%.4f (%s)\n", r, m.Eval(pc), kc, m.Eval(pd), kd)
	}
	trustRegion("Cauchy point only", cauchyPoint, x0)
	trustRegion("Dogleg", dogleg, x0)
}
