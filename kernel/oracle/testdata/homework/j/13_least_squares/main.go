package main

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"
)

type Fit struct {
	Method string
	Coef   []float64
	RSS    float64
}

func (f Fit) String() string {
	parts := make([]string, len(f.Coef))
	for i, c := range f.Coef {
		parts[i] = fmt.Sprintf("%+.5f", c)
	}
	return fmt.Sprintf("%-10s coef=[%s] RSS=%.6f", f.Method, strings.Join(parts, " "), f.RSS)
}

type FitFunc func(X *mat.Dense, y *mat.VecDense) ([]float64, error)

// vandermonde returns columns 1, x, x^2, ..., x^deg.
func vandermonde(xs []float64, deg int) *mat.Dense {
	V := mat.NewDense(len(xs), deg+1, nil)
	for i, x := range xs {
		p := 1.0
		for j := 0; j <= deg; j++ {
			V.Set(i, j, p)
			p *= x
		}
	}
	return V
}

func normalEquations(X *mat.Dense, y *mat.VecDense) ([]float64, error) {
	_, p := X.Dims()
	var xtx mat.SymDense
	xtx.SymOuterK(1, X.T())
	var xty mat.VecDense
	xty.MulVec(X.T(), y)
	var ch mat.Cholesky
	if ok := ch.Factorize(&xtx); !ok {
		return nil, fmt.Errorf("normal equations: X^T X not positive definite (p=%d)", p)
	}
	var beta mat.VecDense
	if err := ch.SolveVecTo(&beta, &xty); err != nil {
		return nil, err
	}
	return beta.RawVector().Data, nil
}

func viaQR(X *mat.Dense, y *mat.VecDense) ([]float64, error) {
	var qr mat.QR
	qr.Factorize(X)
	_, p := X.Dims()
	beta := mat.NewDense(p, 1, nil)
	if err := qr.SolveTo(beta, false, y); err != nil {
		return nil, err
	}
	return mat.Col(nil, 0, beta), nil
}

func viaSVD(X *mat.Dense, y *mat.VecDense) ([]float64, error) {
	var svd mat.SVD
	if !svd.Factorize(X, mat.SVDThin) {
		return nil, fmt.Errorf("svd failed")
	}
	_, p := X.Dims()
	beta := mat.NewDense(p, 1, nil)
	svd.SolveTo(beta, y, svd.Rank(1e-15))
	return mat.Col(nil, 0, beta), nil
}

func rss(X *mat.Dense, y *mat.VecDense, beta []float64) float64 {
	var pred mat.VecDense
	pred.MulVec(X, mat.NewVecDense(len(beta), beta))
	pred.SubVec(y, &pred)
	return mat.Dot(&pred, &pred)
}

var (
	xs = []float64{0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5}
	ys = []float64{1.02, 1.61, 2.48, 3.62, 5.11, 6.89, 9.05, 11.40, 14.10, 17.02, 20.25}
)

func main() {
	methods := []struct {
		name string
		fn   FitFunc
	}{
		{"normal", normalEquations},
		{"QR", viaQR},
		{"SVD", viaSVD},
	}
	y := mat.NewVecDense(len(ys), ys)
	for _, deg := range []int{1, 2} {
		X := vandermonde(xs, deg)
		fmt.Printf("degree %d fit, cond(X) = %.2f\n", deg, mat.Cond(X, 2))
		for _, m := range methods {
			beta, err := m.fn(X, y)
			if err != nil {
				fmt.Println("  ", m.name, "error:", err)
				continue
			}
			fmt.Printf("  %v\n", Fit{m.name, beta, rss(X, y, beta)})
		}
		fmt.Println()
	}

	// Ill-conditioned: fit a degree-7 polynomial on x in [10, 11].
	fmt.Println("Ill-conditioned test: degree 4 on x in [10,11], true coefficients all 1")
	n := 30
	hx := make([]float64, n)
	for i := range hx {
		hx[i] = 10 + float64(i)/float64(n-1)
	}
	deg := 4
	X := vandermonde(hx, deg)
	truth := make([]float64, deg+1)
	for i := range truth {
		truth[i] = 1
	}
	var yv mat.VecDense
	yv.MulVec(X, mat.NewVecDense(deg+1, truth))
	c := mat.Cond(X, 2)
	fmt.Printf("  log10 cond(X) = %.1f, log10 cond(X^T X) = %.1f\n", math.Log10(c), 2*math.Log10(c))
	for _, m := range methods {
		beta, err := m.fn(X, &yv)
		var ce mat.Condition
		if errors.As(err, &ce) {
			fmt.Printf("  %-7s failed: ill-conditioned (reported cond above 1e15: %v)\n", m.name, float64(ce) > 1e15)
			continue
		} else if err != nil {
			fmt.Printf("  %-7s failed: %v\n", m.name, err)
			continue
		}
		relRes := math.Sqrt(rss(X, &yv, beta)) / mat.Norm(&yv, 2)
		fmt.Printf("  %-7s relative residual < 1e-8: %-5v  coefficients within 1e-4: %v\n",
			m.name, relRes < 1e-8, maxAbsDiff(beta, truth) < 1e-4)
	}
}

func maxAbsDiff(a, b []float64) float64 {
	m := 0.0
	for i := range a {
		m = math.Max(m, math.Abs(a[i]-b[i]))
	}
	return m
}
