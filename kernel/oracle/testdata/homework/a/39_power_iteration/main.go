package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// powerIteration returns the dominant eigenvalue (Rayleigh quotient) and
// eigenvector of a symmetric matrix.
func powerIteration(A *mat.SymDense, iters int) (float64, *mat.VecDense, int) {
	n, _ := A.Dims()
	v := mat.NewVecDense(n, nil)
	for i := 0; i < n; i++ {
		v.SetVec(i, 1/math.Sqrt(float64(n)))
	}
	lambda := 0.0
	w := mat.NewVecDense(n, nil)
	for k := 1; k <= iters; k++ {
		w.MulVec(A, v)
		newLambda := mat.Dot(v, w)
		v.ScaleVec(1/mat.Norm(w, 2), w)
		if math.Abs(newLambda-lambda) < 1e-12*math.Abs(newLambda) {
			return newLambda, v, k
		}
		lambda = newLambda
	}
	return lambda, v, iters
}

// smallest eigenvalue via shifting: eig(A - sI) = eig(A) - s
func smallest(A *mat.SymDense, largest float64) float64 {
	n, _ := A.Dims()
	B := mat.NewSymDense(n, nil)
	B.CopySym(A)
	for i := 0; i < n; i++ {
		B.SetSym(i, i, B.At(i, i)-largest)
	}
	mu, _, _ := powerIteration(B, 10000)
	return mu + largest
}

func main() {
	A := mat.NewSymDense(4, []float64{
		4, 1, 0, 0,
		1, 3, 1, 0,
		0, 1, 2, 1,
		0, 0, 1, 1,
	})
	fmt.Printf("A =\n%v\n\n", mat.Formatted(A, mat.Prefix(""), mat.Squeeze()))

	lmax, v, k := powerIteration(A, 10000)
	fmt.Printf("power iteration: lambda_max = %.10f after %d iterations\n", lmax, k)
	// fix sign for printing
	if v.AtVec(0) < 0 {
		v.ScaleVec(-1, v)
	}
	fmt.Printf("eigenvector     = %.6f\n", mat.Formatted(v.T()))
	lmin := smallest(A, lmax)
	fmt.Printf("shifted power  : lambda_min = %.10f\n", lmin)

	var es mat.EigenSym
	if !es.Factorize(A, true) {
		fmt.Println("factorisation failed")
		return
	}
	vals := es.Values(nil)
	fmt.Printf("EigenSym values: %.10f\n", vals)
	fmt.Printf("abs error max = %.2e, min = %.2e\n", math.Abs(vals[3]-lmax), math.Abs(vals[0]-lmin))
	fmt.Printf("condition number = %.4f, so GD with lr=1/L converges like (1-1/kappa)^k = %.4f^k\n",
		vals[3]/vals[0], 1-vals[0]/vals[3])

	var vecs mat.Dense
	es.VectorsTo(&vecs)
	// check A v = lambda v for every pair
	for i, l := range vals {
		col := vecs.ColView(i)
		var r mat.VecDense
		r.MulVec(A, col)
		r.AddScaledVec(&r, -l, col)
		fmt.Printf("  lambda_%d = %8.5f  |Av - lv| = %.1e\n", i, l, mat.Norm(&r, 2))
	}
	// trace = sum of eigenvalues
	sum := 0.0
	for _, l := range vals {
		sum += l
	}
	fmt.Printf("trace=%.1f sum(eig)=%.10f\n", mat.Trace(A), sum)
}
