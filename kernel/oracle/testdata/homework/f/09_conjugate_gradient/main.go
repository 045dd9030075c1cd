package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// conjugateGradient solves A x = b for symmetric positive definite A and
// returns the solution together with the residual norm after every step.
func conjugateGradient(A mat.Symmetric, b []float64, tol float64) ([]float64, []float64) {
	n := len(b)
	x := make([]float64, n)
	r := make([]float64, n)
	copy(r, b) // r = b - A*0
	p := make([]float64, n)
	copy(p, r)
	Ap := make([]float64, n)
	rr := floats.Dot(r, r)
	history := []float64{floats.Norm(r, 2)}
	for k := 0; k < 10*n && history[len(history)-1] > tol; k++ {
		mat.NewVecDense(n, Ap).MulVec(A, mat.NewVecDense(n, p))
		alpha := rr / floats.Dot(p, Ap)
		floats.AddScaled(x, alpha, p)
		floats.AddScaled(r, -alpha, Ap)
		rrNew := floats.Dot(r, r)
		history = append(history, floats.Norm(r, 2))
		beta := rrNew / rr
		for i := range p {
			p[i] = r[i] + beta*p[i]
		}
		rr = rrNew
	}
	return x, history
}

func laplacian(n int) *mat.SymDense {
	A := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		A.SetSym(i, i, 2.5)
		if i+1 < n {
			A.SetSym(i, i+1, -1)
		}
	}
	return A
}

func main() {
	const n = 8
	A := laplacian(n)
	b := make([]float64, n)
	for i := range b {
		b[i] = float64(i%3) - 0.5
	}

	x, hist := conjugateGradient(A, b, 1e-12)
	fmt.Printf("CG on %dx%d tridiagonal system\n", n, n)
	for k, r := range hist {
		fmt.Printf("  iter %2d  ||r|| = %.4e\n", k, r)
	}

	var ref mat.VecDense
	if err := ref.SolveVec(A, mat.NewVecDense(n, b)); err != nil {
		fmt.Println("SolveVec:", err)
		return
	}
	fmt.Println("solution comparison:")
	for i := 0; i < n; i++ {
		fmt.Printf("  x[%d] cg=%10.6f direct=%10.6f\n", i, x[i], ref.AtVec(i))
	}
	fmt.Printf("max abs difference: %.3e\n", floats.Distance(x, ref.RawVector().Data, math.Inf(1)))

	// CG on a matrix with only 3 distinct eigenvalues converges in 3 steps.
	d := []float64{1, 1, 4, 4, 4, 9, 9, 9}
	D := mat.NewSymDense(n, nil)
	for i, v := range d {
		D.SetSym(i, i, v)
	}
	ones := make([]float64, n)
	for i := range ones {
		ones[i] = 1
	}
	_, h2 := conjugateGradient(D, ones, 1e-12)
	fmt.Printf("\nmatrix with 3 distinct eigenvalues: %d CG iterations\n", len(h2)-1)
}
