// Homework 6: ridge regression. Closed form vs gradient descent
// for a few values of lambda. Step size chosen as 1/L.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"text/tabwriter"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

const (
	n      = 40
	degree = 5
)

var (
	X *mat.Dense
	y *mat.VecDense
)

func init() {
	noise := distuv.Normal{Mu: 0, Sigma: 0.1, Src: rand.NewPCG(1, 2)}
	X = mat.NewDense(n, degree+1, nil)
	y = mat.NewVecDense(n, nil)
	for i := 0; i < n; i++ {
		t := -1 + 2*float64(i)/float64(n-1)
		for p := 0; p <= degree; p++ {
			X.Set(i, p, math.Pow(t, float64(p)))
		}
		y.SetVec(i, math.Sin(2.5*t)+noise.Rand())
	}
}

type RidgeResult struct {
	W    *mat.VecDense
	Iter int
}

func closedForm(lam float64) (*mat.VecDense, error) {
	var A mat.Dense
	A.Mul(X.T(), X)
	A.Scale(1/float64(n), &A)
	for i := 0; i <= degree; i++ {
		A.Set(i, i, A.At(i, i)+lam)
	}
	var b mat.VecDense
	b.MulVec(X.T(), y)
	b.ScaleVec(1/float64(n), &b)
	var w mat.VecDense
	err := w.SolveVec(&A, &b)
	return &w, err
}

func lipschitz(lam float64) float64 {
	var A mat.SymDense
	A.SymOuterK(1/float64(n), X.T())
	var es mat.EigenSym
	if !es.Factorize(&A, false) {
		panic("eigen failed")
	}
	vals := es.Values(nil)
	return vals[len(vals)-1] + lam
}

func gradient(w *mat.VecDense, lam float64) *mat.VecDense {
	var r mat.VecDense
	r.MulVec(X, w)
	r.SubVec(&r, y)
	var g mat.VecDense
	g.MulVec(X.T(), &r)
	g.ScaleVec(1/float64(n), &g)
	g.AddScaledVec(&g, lam, w)
	return &g
}

func gradientDescent(lam float64, tol float64, maxIter int) RidgeResult {
	L := lipschitz(lam)
	w := mat.NewVecDense(degree+1, nil)
	for k := 1; k <= maxIter; k++ {
		g := gradient(w, lam)
		if mat.Norm(g, 2) < tol {
			return RidgeResult{w, k}
		}
		w.AddScaledVec(w, -1/L, g)
	}
	return RidgeResult{w, maxIter}
}

func mse(w *mat.VecDense) float64 {
	var r mat.VecDense
	r.MulVec(X, w)
	r.SubVec(&r, y)
	return mat.Dot(&r, &r) / float64(n)
}

func main() {
	lambdas := []float64{1e-1, 1e-2, 1e-3}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "lambda\tL\tkappa\tGD iters\t|w_gd-w_cf|\tMSE cf\t|w|\t")
	for _, lam := range lambdas {
		wcf, err := closedForm(lam)
		if err != nil {
			fmt.Println("solve error:", err)
			continue
		}
		res := gradientDescent(lam, 1e-6, 200000)
		var d mat.VecDense
		d.SubVec(res.W, wcf)
		L := lipschitz(lam)
		fmt.Fprintf(tw, "%.0e\t%.4f\t%.1f\t%d\t%.1e\t%.5f\t%.4f\t\n",
			lam, L, L/lam, res.Iter, mat.Norm(&d, 2), mse(wcf), mat.Norm(wcf, 2))
	}
	tw.Flush()

	w, _ := closedForm(1e-3)
	fmt.Printf("coefficients (lambda=1e-3): %.4f\n", mat.Formatted(w.T()))
	fmt.Println("Taylor series of sin(2.5t) for comparison: [0 2.5 0 -2.6042 0 0.8138]")
}
