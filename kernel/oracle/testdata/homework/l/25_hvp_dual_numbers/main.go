// Homework 25: Hessian-vector products three ways.
//
//	(a) explicit Hessian times v (gonum mat)
//	(b) finite difference of the gradient
//	(c) forward-mode differentiation of the gradient with dual numbers
//	    ("forward-over-reverse"), which is exact up to rounding.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Dual number a + b*eps with eps^2 = 0.
type Dual struct{ V, D float64 }

func (a Dual) Add(b Dual) Dual      { return Dual{a.V + b.V, a.D + b.D} }
func (a Dual) Sub(b Dual) Dual      { return Dual{a.V - b.V, a.D - b.D} }
func (a Dual) Mul(b Dual) Dual      { return Dual{a.V * b.V, a.V*b.D + a.D*b.V} }
func (a Dual) Scale(s float64) Dual { return Dual{a.V * s, a.D * s} }
func Const(v float64) Dual          { return Dual{V: v} }
func Sigmoid(a Dual) Dual {
	s := 1 / (1 + math.Exp(-a.V))
	return Dual{s, s * (1 - s) * a.D}
}

var data = [][]float64{
	{0.5, 1.2, -0.3}, {1.5, 0.3, 0.8}, {-1.0, -0.5, 0.2}, {-0.5, -1.5, -1.1},
	{2.0, 1.8, 0.4}, {-2.0, 0.3, 1.0}, {0.1, -1.1, -0.6}, {0.9, 2.1, 1.5},
}
var labels = []float64{1, 1, 0, 0, 1, 0, 0, 1}

const lambda = 0.1

// gradDual evaluates the gradient of the L2-regularized logistic loss plus a
// quartic term 0.05*sum w^4, on dual-number inputs.
func gradDual(w []Dual) []Dual {
	d := len(w)
	g := make([]Dual, d)
	n := float64(len(data))
	for i, x := range data {
		z := Const(0)
		for j := 0; j < d; j++ {
			z = z.Add(w[j].Scale(x[j]))
		}
		r := Sigmoid(z).Sub(Const(labels[i])).Scale(1 / n)
		for j := 0; j < d; j++ {
			g[j] = g[j].Add(r.Scale(x[j]))
		}
	}
	for j := 0; j < d; j++ {
		g[j] = g[j].Add(w[j].Scale(lambda)).Add(w[j].Mul(w[j]).Mul(w[j]).Scale(0.2))
	}
	return g
}

func grad(w []float64) []float64 {
	wd := make([]Dual, len(w))
	for i := range w {
		wd[i] = Const(w[i])
	}
	gd := gradDual(wd)
	out := make([]float64, len(w))
	for i := range gd {
		out[i] = gd[i].V
	}
	return out
}

func hvpDual(w, v []float64) []float64 {
	wd := make([]Dual, len(w))
	for i := range w {
		wd[i] = Dual{w[i], v[i]}
	}
	gd := gradDual(wd)
	out := make([]float64, len(w))
	for i := range gd {
		out[i] = gd[i].D
	}
	return out
}

func hvpFD(w, v []float64, eps float64) []float64 {
	wp, wm := make([]float64, len(w)), make([]float64, len(w))
	floats.AddScaledTo(wp, w, eps, v)
	floats.AddScaledTo(wm, w, -eps, v)
	out := make([]float64, len(w))
	floats.SubTo(out, grad(wp), grad(wm))
	floats.Scale(1/(2*eps), out)
	return out
}

func hessian(w []float64) *mat.SymDense {
	d := len(w)
	H := mat.NewSymDense(d, nil)
	n := float64(len(data))
	for _, x := range data {
		z := floats.Dot(x, w)
		p := 1 / (1 + math.Exp(-z))
		H.SymRankOne(H, p*(1-p)/n, mat.NewVecDense(d, x))
	}
	for j := 0; j < d; j++ {
		H.SetSym(j, j, H.At(j, j)+lambda+0.6*w[j]*w[j])
	}
	return H
}

func main() {
	w := []float64{0.3, -0.7, 1.1}
	v := []float64{1, 2, -0.5}
	var exact mat.VecDense
	exact.MulVec(hessian(w), mat.NewVecDense(3, v))
	ex := exact.RawVector().Data
	dual := hvpDual(w, v)
	fmt.Printf("explicit H v    = [%.12f %.12f %.12f]\n", ex[0], ex[1], ex[2])
	fmt.Printf("dual-number H v = [%.12f %.12f %.12f]\n", dual[0], dual[1], dual[2])
	fmt.Printf("max |dual - explicit| = %.2e\n\n", floats.Distance(dual, ex, math.Inf(1)))

	fmt.Printf("%8s %14s\n", "eps", "FD max err")
	for k := 1; k <= 10; k++ {
		eps := math.Pow(10, -float64(k))
		fmt.Printf("%8.0e %14.3e\n", eps, floats.Distance(hvpFD(w, v, eps), ex, math.Inf(1)))
	}

	// Rebuild the full Hessian column by column from dual HVPs.
	fmt.Println("\nHessian from 3 dual HVPs with basis vectors vs explicit:")
	H := hessian(w)
	for i := 0; i < 3; i++ {
		e := make([]float64, 3)
		e[i] = 1
		col := hvpDual(w, e)
		fmt.Printf("  col %d: [%.6f %.6f %.6f]  explicit [%.6f %.6f %.6f]\n", i,
			col[0], col[1], col[2], H.At(0, i), H.At(1, i), H.At(2, i))
	}
}
