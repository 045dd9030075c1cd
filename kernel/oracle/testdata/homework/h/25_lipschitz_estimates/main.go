// Homework 25: estimating Lipschitz constants.
// (1) smoothness L of the logistic loss: bound vs sampled estimates,
// (2) Lipschitz constant of a small tanh network: spectral-norm product
// bound vs the largest sampled gradient norm.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

const (
	n = 50
	d = 3
)

var rng = rand.New(rand.NewPCG(1, 2))

type LogReg struct{ X *mat.Dense }

func (l LogReg) Grad(w []float64) []float64 {
	g := make([]float64, d)
	for i := 0; i < n; i++ {
		row := l.X.RawRowView(i)
		s := 1 / (1 + math.Exp(-floats.Dot(row, w)))
		y := float64(i % 2)
		floats.AddScaled(g, (s-y)/n, row)
	}
	return g
}

func (l LogReg) Hessian(w []float64) *mat.SymDense {
	H := mat.NewSymDense(d, nil)
	for i := 0; i < n; i++ {
		row := l.X.RawRowView(i)
		s := 1 / (1 + math.Exp(-floats.Dot(row, w)))
		H.SymRankOne(H, s*(1-s)/n, mat.NewVecDense(d, row))
	}
	return H
}

func randVec(k int, scale float64) []float64 {
	v := make([]float64, k)
	for i := range v {
		v[i] = scale * rng.NormFloat64()
	}
	return v
}

func maxEig(S *mat.SymDense) float64 {
	var es mat.EigenSym
	if !es.Factorize(S, false) {
		panic("EigenSym failed")
	}
	v := es.Values(nil)
	return v[len(v)-1]
}

type Net struct {
	W1 *mat.Dense // 8 x 2
	W2 *mat.Dense // 1 x 8
}

func (nt Net) InputGrad(x []float64) []float64 {
	var z mat.VecDense
	z.MulVec(nt.W1, mat.NewVecDense(2, x))
	h := mat.NewVecDense(8, nil)
	for i := 0; i < 8; i++ {
		t := math.Tanh(z.AtVec(i))
		h.SetVec(i, nt.W2.At(0, i)*(1-t*t))
	}
	var g mat.VecDense
	g.MulVec(nt.W1.T(), h)
	return g.RawVector().Data
}

func main() {
	X := mat.NewDense(n, d, randVec(n*d, 1))
	prob := LogReg{X}

	var G mat.SymDense
	G.SymOuterK(1, X.T())
	bound := maxEig(&G) / (4 * n)
	fmt.Printf("logistic loss smoothness bound lambda_max(X^T X)/(4n) = %.5f\n", bound)

	pairs, hessPts := 0.0, 0.0
	for k := 0; k < 2000; k++ {
		a, b := randVec(d, 2), randVec(d, 2)
		ga, gb := prob.Grad(a), prob.Grad(b)
		ratio := floats.Distance(ga, gb, 2) / floats.Distance(a, b, 2)
		pairs = math.Max(pairs, ratio)
		if k < 200 {
			hessPts = math.Max(hessPts, maxEig(prob.Hessian(randVec(d, 2))))
		}
	}
	fmt.Printf("sampled gradient ratio max (2000 pairs)  = %.5f\n", pairs)
	fmt.Printf("max Hessian eigenvalue (200 points)      = %.5f\n", hessPts)
	atZero := maxEig(prob.Hessian(make([]float64, d)))
	fmt.Printf("Hessian eigenvalue at w=0 (where s(1-s)=1/4) = %.5f\n", atZero)
	fmt.Printf("bound is tight at w=0: %v\n", math.Abs(atZero-bound) < 1e-12)

	// gradient descent with step 1/L is guaranteed to decrease the loss
	fmt.Printf("safe GD step 1/L = %.4f\n", 1/bound)

	net := Net{
		W1: mat.NewDense(8, 2, randVec(16, 1)),
		W2: mat.NewDense(1, 8, randVec(8, 0.5)),
	}
	s1, s2 := mat.Norm(net.W1, 2), mat.Norm(net.W2, 2)
	fmt.Printf("\nnetwork: |W1|_2=%.4f |W2|_2=%.4f  product bound=%.4f\n", s1, s2, s1*s2)
	best := 0.0
	var argBest []float64
	for k := 0; k < 5000; k++ {
		x := randVec(2, 3)
		if g := floats.Norm(net.InputGrad(x), 2); g > best {
			best, argBest = g, x
		}
	}
	fmt.Printf("largest sampled |grad_x f| = %.4f at x=(%.3f, %.3f)\n", best, argBest[0], argBest[1])
	fmt.Printf("ratio sampled/bound = %.3f\n", best/(s1*s2))
	// simple refinement: gradient ascent on |grad|^2 using finite differences
	x := append([]float64(nil), argBest...)
	for it := 0; it < 200; it++ {
		base := floats.Norm(net.InputGrad(x), 2)
		step := make([]float64, 2)
		for i := range x {
			xp := append([]float64(nil), x...)
			xp[i] += 1e-6
			step[i] = (floats.Norm(net.InputGrad(xp), 2) - base) / 1e-6
		}
		floats.AddScaled(x, 0.05, step)
	}
	fmt.Printf("after local ascent: |grad| = %.4f\n", floats.Norm(net.InputGrad(x), 2))
}
