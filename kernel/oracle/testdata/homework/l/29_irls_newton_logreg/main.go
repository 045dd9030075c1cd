// Homework 29: Newton's method (IRLS) for logistic regression with gonum,
// compared with gradient descent. Newton shows quadratic convergence.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

const N, D = 40, 3

// makeData builds a deterministic, non-separable dataset.
func makeData() (*mat.Dense, *mat.VecDense) {
	X := mat.NewDense(N, D, nil)
	y := mat.NewVecDense(N, nil)
	for i := 0; i < N; i++ {
		a := math.Sin(1.7*float64(i)) * 2
		b := math.Cos(0.9*float64(i)+0.3) * 1.5
		X.SetRow(i, []float64{1, a, b})
		score := 0.8*a - 1.2*b + 0.3 + 0.9*math.Sin(5.3*float64(i)) // "noise"
		if score > 0 {
			y.SetVec(i, 1)
		}
	}
	return X, y
}

func probs(X *mat.Dense, w *mat.VecDense) *mat.VecDense {
	var z mat.VecDense
	z.MulVec(X, w)
	p := mat.NewVecDense(N, nil)
	for i := 0; i < N; i++ {
		p.SetVec(i, 1/(1+math.Exp(-z.AtVec(i))))
	}
	return p
}

func nll(X *mat.Dense, y, w *mat.VecDense) float64 {
	var z mat.VecDense
	z.MulVec(X, w)
	s := 0.0
	for i := 0; i < N; i++ {
		zi := z.AtVec(i)
		s += math.Max(zi, 0) + math.Log1p(math.Exp(-math.Abs(zi))) - y.AtVec(i)*zi
	}
	return s / N
}

func gradient(X *mat.Dense, y, w *mat.VecDense) *mat.VecDense {
	p := probs(X, w)
	p.SubVec(p, y)
	var g mat.VecDense
	g.MulVec(X.T(), p)
	g.ScaleVec(1.0/N, &g)
	return &g
}

func hessian(X *mat.Dense, w *mat.VecDense) *mat.SymDense {
	p := probs(X, w)
	H := mat.NewSymDense(D, nil)
	for i := 0; i < N; i++ {
		pi := p.AtVec(i)
		H.SymRankOne(H, pi*(1-pi)/N, X.RowView(i))
	}
	return H
}

func main() {
	X, y := makeData()
	pos := mat.Sum(y)
	fmt.Printf("dataset: %d samples, %.0f positive\n\n", N, pos)

	fmt.Println("Newton / IRLS:")
	fmt.Printf("%4s %14s %12s %14s\n", "k", "loss", "|g|", "|g_k|/|g_k-1|^2")
	w := mat.NewVecDense(D, nil)
	prev := math.NaN()
	for k := 0; k < 10; k++ {
		g := gradient(X, y, w)
		gn := mat.Norm(g, 2)
		ratio := "-"
		if k > 0 {
			ratio = fmt.Sprintf("%.4f", gn/(prev*prev))
		}
		fmt.Printf("%4d %14.10f %12.4e %14s\n", k, nll(X, y, w), gn, ratio)
		if gn < 1e-10 {
			break
		}
		var chol mat.Cholesky
		if !chol.Factorize(hessian(X, w)) {
			panic("Hessian not PD")
		}
		var step mat.VecDense
		if err := chol.SolveVecTo(&step, g); err != nil {
			panic(err)
		}
		w.SubVec(w, &step)
		prev = gn
	}
	wN := mat.VecDenseCopyOf(w)
	fmt.Printf("Newton solution w = [%.6f %.6f %.6f]\n\n", wN.AtVec(0), wN.AtVec(1), wN.AtVec(2))

	// GD with lr = 1/L where L bounds the Hessian: L <= lambda_max(X^T X)/(4N)
	var XtX mat.SymDense
	XtX.SymOuterK(1.0/(4*N), X.T())
	var es mat.EigenSym
	es.Factorize(&XtX, false)
	L := es.Values(nil)[D-1]
	lr := 1 / L
	fmt.Printf("GD with lr = 1/L = %.4f:\n", lr)
	fmt.Printf("%7s %14s %12s\n", "iter", "loss", "|g|")
	w = mat.NewVecDense(D, nil)
	it := 0
	for ; it <= 100000; it++ {
		g := gradient(X, y, w)
		gn := mat.Norm(g, 2)
		if it == 1 || it == 10 || it == 100 || it == 1000 || it == 10000 || gn < 1e-8 {
			fmt.Printf("%7d %14.10f %12.4e\n", it, nll(X, y, w), gn)
		}
		if gn < 1e-8 {
			break
		}
		w.AddScaledVec(w, -lr, g)
	}
	var diff mat.VecDense
	diff.SubVec(w, wN)
	fmt.Printf("GD needed %d iterations; |w_GD - w_Newton| = %.3e\n", it, mat.Norm(&diff, 2))

	correct := 0
	p := probs(X, wN)
	for i := 0; i < N; i++ {
		if (p.AtVec(i) >= 0.5) == (y.AtVec(i) == 1) {
			correct++
		}
	}
	fmt.Printf("training accuracy %.3f\n", float64(correct)/N)
}
