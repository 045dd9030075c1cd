// Homework 29: Least-squares regression and descriptive statistics with gonum.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

type Dataset struct {
	Name string
	X, Y []float64
}

func (d Dataset) Describe() {
	mean, std := stat.MeanStdDev(d.Y, nil)
	fmt.Printf("%s: n=%d mean(y)=%.3f sd(y)=%.3f min=%.1f max=%.1f\n",
		d.Name, len(d.Y), mean, std, floats.Min(d.Y), floats.Max(d.Y))
}

// FitPoly solves the normal equations for a polynomial of given degree using QR.
func FitPoly(x, y []float64, degree int) ([]float64, error) {
	n := len(x)
	A := mat.NewDense(n, degree+1, nil)
	for i := 0; i < n; i++ {
		for j := 0; j <= degree; j++ {
			A.Set(i, j, math.Pow(x[i], float64(j)))
		}
	}
	b := mat.NewVecDense(n, y)
	var coef mat.VecDense
	if err := coef.SolveVec(A, b); err != nil {
		return nil, fmt.Errorf("fit degree %d: %w", degree, err)
	}
	return coef.RawVector().Data, nil
}

func predict(coef []float64, x float64) float64 {
	y := 0.0
	for i := len(coef) - 1; i >= 0; i-- {
		y = y*x + coef[i]
	}
	return y
}

func main() {
	// hours studied vs exam score
	d := Dataset{
		Name: "study",
		X:    []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
		Y:    []float64{52, 55, 61, 64, 68, 74, 75, 81, 84, 90},
	}
	d.Describe()

	alpha, beta := stat.LinearRegression(d.X, d.Y, nil, false)
	r2 := stat.RSquared(d.X, d.Y, nil, alpha, beta)
	fmt.Printf("stat.LinearRegression: y = %.4f + %.4f x   R^2 = %.4f\n", alpha, beta, r2)
	fmt.Printf("correlation: %.4f\n", stat.Correlation(d.X, d.Y, nil))

	for deg := 1; deg <= 3; deg++ {
		coef, err := FitPoly(d.X, d.Y, deg)
		if err != nil {
			fmt.Println(err)
			continue
		}
		sse := 0.0
		for i := range d.X {
			r := d.Y[i] - predict(coef, d.X[i])
			sse += r * r
		}
		fmt.Printf("degree %d coef=%8.4f  SSE=%7.3f  predict(12)=%6.2f\n", deg, coef, sse, predict(coef, 12))
	}

	// covariance matrix of three variables
	data := mat.NewDense(5, 3, []float64{
		1, 2, 3,
		2, 3, 1,
		3, 7, 4,
		4, 8, 2,
		5, 11, 5,
	})
	var cov mat.SymDense
	stat.CovarianceMatrix(&cov, data, nil)
	fmt.Printf("covariance matrix:\n%.3f\n", mat.Formatted(&cov, mat.Squeeze()))
	fmt.Printf("det(cov) = %.4f\n", mat.Det(&cov))
}
