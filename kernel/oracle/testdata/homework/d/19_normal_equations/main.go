package main

import (
	"fmt"
	"log"
	"math"
	"math/rand"

	"gonum.org/v1/gonum/mat"
)

// design matrix for a cubic polynomial model y = w0 + w1 t + w2 t^2 + w3 t^3
func design(ts []float64, degree int) *mat.Dense {
	X := mat.NewDense(len(ts), degree+1, nil)
	for i, t := range ts {
		p := 1.0
		for j := 0; j <= degree; j++ {
			X.Set(i, j, p)
			p *= t
		}
	}
	return X
}

func main() {
	rng := rand.New(rand.NewSource(2024))
	trueW := []float64{1, -2, 0.5, 0.25}
	n := 15
	ts := make([]float64, n)
	ys := make([]float64, n)
	for i := range ts {
		ts[i] = -2 + 4*float64(i)/float64(n-1)
		y := 0.0
		for j := len(trueW) - 1; j >= 0; j-- {
			y = y*ts[i] + trueW[j]
		}
		ys[i] = y + 0.05*rng.NormFloat64()
	}
	X := design(ts, 3)
	y := mat.NewVecDense(n, ys)
	fmt.Printf("X is %dx%d, first rows:\n%.3f\n", n, 4, mat.Formatted(X.Slice(0, 3, 0, 4)))

	// 1. normal equations: (X^T X) w = X^T y
	var XtX mat.Dense
	XtX.Mul(X.T(), X)
	var Xty mat.VecDense
	Xty.MulVec(X.T(), y)
	var wNE mat.VecDense
	if err := wNE.SolveVec(&XtX, &Xty); err != nil {
		log.Fatalf("normal equations: %v", err)
	}

	// 2. QR least squares
	var qr mat.QR
	qr.Factorize(X)
	var wQR mat.VecDense
	if err := qr.SolveVecTo(&wQR, false, y); err != nil {
		log.Fatalf("qr: %v", err)
	}

	// 3. SVD least squares
	var svd mat.SVD
	if !svd.Factorize(X, mat.SVDFull) {
		log.Fatal("svd failed")
	}
	rank := svd.Rank(1e-12)
	var wSVD mat.VecDense
	resid := svd.SolveVecTo(&wSVD, y, rank)

	fmt.Printf("true     : %.6f\n", trueW)
	fmt.Printf("normal eq: %.6f\n", mat.Col(nil, 0, &wNE))
	fmt.Printf("QR       : %.6f\n", mat.Col(nil, 0, &wQR))
	fmt.Printf("SVD      : %.6f (rank %d)\n", mat.Col(nil, 0, &wSVD), rank)

	var d mat.VecDense
	d.SubVec(&wNE, &wQR)
	fmt.Printf("|w_NE - w_QR| = %.3e\n", d.Norm(2))

	// residuals and R^2
	var pred, r mat.VecDense
	pred.MulVec(X, &wQR)
	r.SubVec(y, &pred)
	rss := mat.Dot(&r, &r)
	mean := mat.Sum(y) / float64(n)
	tss := 0.0
	for i := 0; i < n; i++ {
		tss += (y.AtVec(i) - mean) * (y.AtVec(i) - mean)
	}
	fmt.Printf("RSS=%.6f (svd reports %.6f) R^2=%.6f\n", rss, resid, 1-rss/tss)

	// conditioning: squaring the condition number
	sv := svd.Values(nil)
	fmt.Printf("singular values: %.4f\n", sv)
	fmt.Printf("cond(X)=%.4f cond(X^T X)=%.4f ratio=%.4f\n", mat.Cond(X, 2), mat.Cond(&XtX, 2),
		mat.Cond(&XtX, 2)/math.Pow(mat.Cond(X, 2), 2))

	// gradient of the least-squares loss must vanish at the solution
	var g mat.VecDense
	g.MulVec(X.T(), &r)
	fmt.Printf("|X^T r| at solution = %.3e\n", g.Norm(2))
}
