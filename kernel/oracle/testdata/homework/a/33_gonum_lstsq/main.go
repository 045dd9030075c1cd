// Polynomial least squares with gonum/mat: normal equations vs QR,
// and a ridge sweep.
package main

import (
	"fmt"
	"math"
	"math/rand"

	"gonum.org/v1/gonum/mat"
)

func vandermonde(x []float64, deg int) *mat.Dense {
	A := mat.NewDense(len(x), deg+1, nil)
	for i, xi := range x {
		for j := 0; j <= deg; j++ {
			A.Set(i, j, math.Pow(xi, float64(j)))
		}
	}
	return A
}

func main() {
	rng := rand.New(rand.NewSource(1))
	n := 30
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = -1 + 2*float64(i)/float64(n-1)
		y[i] = 1 - 2*x[i] + 0.5*x[i]*x[i]*x[i] + 0.05*rng.NormFloat64()
	}
	yv := mat.NewVecDense(n, y)

	for _, deg := range []int{1, 3, 5} {
		A := vandermonde(x, deg)
		// QR solve
		var qr mat.QR
		qr.Factorize(A)
		var c mat.Dense
		if err := qr.SolveTo(&c, false, yv); err != nil {
			fmt.Println("qr:", err)
			continue
		}
		var r mat.VecDense
		r.MulVec(A, c.ColView(0))
		r.SubVec(&r, yv)
		rmse := math.Sqrt(mat.Dot(&r, &r) / float64(n))
		fmt.Printf("deg %d coefs %6.3f  rmse=%.4f\n", deg, mat.Formatted(c.T(), mat.Squeeze()), rmse)
	}

	// normal equations with ridge for degree 9
	deg := 9
	A := vandermonde(x, deg)
	var AtA mat.Dense
	AtA.Mul(A.T(), A)
	var Aty mat.VecDense
	Aty.MulVec(A.T(), yv)
	fmt.Printf("\ncond(A^T A) for deg %d = %.3e\n", deg, mat.Cond(&AtA, 2))
	fmt.Printf("%-8s %-10s %-10s\n", "lambda", "||c||", "train rmse")
	for _, lam := range []float64{0, 1e-6, 1e-3, 1e-1, 1} {
		M := mat.DenseCopyOf(&AtA)
		for i := 0; i <= deg; i++ {
			M.Set(i, i, M.At(i, i)+lam)
		}
		var c mat.VecDense
		if err := c.SolveVec(M, &Aty); err != nil {
			fmt.Printf("%-8g solve warning: %v\n", lam, err)
		}
		var r mat.VecDense
		r.MulVec(A, &c)
		r.SubVec(&r, yv)
		fmt.Printf("%-8g %-10.4f %-10.5f\n", lam, mat.Norm(&c, 2), math.Sqrt(mat.Dot(&r, &r)/float64(n)))
	}
}
