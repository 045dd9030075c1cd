package main

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// powerIteration estimates the dominant eigenvalue of A (by magnitude).
func powerIteration(A mat.Matrix, iters int, tol float64) (float64, *mat.VecDense, int) {
	n, _ := A.Dims()
	v := mat.NewVecDense(n, nil)
	for i := 0; i < n; i++ {
		v.SetVec(i, 1/math.Sqrt(float64(n)))
	}
	lambda := 0.0
	var w mat.VecDense
	for k := 1; k <= iters; k++ {
		w.MulVec(A, v)
		newLambda := mat.Dot(v, &w) // Rayleigh quotient with |v| = 1
		v.ScaleVec(1/mat.Norm(&w, 2), &w)
		if math.Abs(newLambda-lambda) < tol*math.Abs(newLambda) {
			return newLambda, v, k
		}
		lambda = newLambda
	}
	return lambda, v, iters
}

// inverseIteration finds the smallest eigenvalue by applying A^{-1}.
func inverseIteration(A *mat.SymDense, iters int) (float64, error) {
	var chol mat.Cholesky
	if !chol.Factorize(A) {
		return 0, errors.New("matrix is not positive definite")
	}
	n := A.SymmetricDim()
	v := mat.NewVecDense(n, nil)
	v.SetVec(0, 1)
	for i := 1; i < n; i++ {
		v.SetVec(i, 0.5)
	}
	v.ScaleVec(1/mat.Norm(v, 2), v)
	var w mat.VecDense
	mu := 0.0
	for k := 0; k < iters; k++ {
		if err := chol.SolveVecTo(&w, v); err != nil {
			return 0, err
		}
		mu = mat.Dot(v, &w)
		v.ScaleVec(1/mat.Norm(&w, 2), &w)
	}
	return 1 / mu, nil
}

func main() {
	A := mat.NewSymDense(4, []float64{
		10, 2, 0, 1,
		2, 6, 1, 0,
		0, 1, 3, 0.5,
		1, 0, 0.5, 1,
	})
	lmax, vec, iters := powerIteration(A, 1000, 1e-12)
	fmt.Printf("power iteration: lambda_max = %.8f after %d iterations\n", lmax, iters)
	// Fix the sign so the printed eigenvector is unique.
	if vec.AtVec(0) < 0 {
		vec.ScaleVec(-1, vec)
	}
	fmt.Printf("eigenvector: %.6f\n", mat.Formatted(vec.T()))

	lmin, err := inverseIteration(A, 200)
	if err != nil {
		fmt.Println("inverse iteration:", err)
		return
	}
	fmt.Printf("inverse iteration: lambda_min = %.8f\n", lmin)

	var eig mat.EigenSym
	eig.Factorize(A, false)
	vals := eig.Values(nil)
	fmt.Printf("EigenSym values: %.8f\n", vals)
	fmt.Printf("condition number lmax/lmin = %.6f\n", lmax/lmin)
	fmt.Printf("mat.Cond (2-norm)          = %.6f\n", mat.Cond(A, 2))
	fmt.Printf("largest stable GD step 2/L = %.6f\n", 2/lmax)

	// Check the step size bound on f(x) = 0.5 x'Ax.
	for _, scale := range []float64{0.9, 1.1} {
		lr := scale * 2 / lmax
		x := mat.NewVecDense(4, []float64{1, 1, 1, 1})
		var g mat.VecDense
		for k := 0; k < 200; k++ {
			g.MulVec(A, x)
			x.AddScaledVec(x, -lr, &g)
		}
		fmt.Printf("lr = %.2f * 2/L: |x_200| = %.4e\n", scale, mat.Norm(x, 2))
	}

	// A non-symmetric matrix with a negative dominant eigenvalue.
	B := mat.NewDense(2, 2, []float64{-5, 1, 0, 2})
	lb, _, it := powerIteration(B, 1000, 1e-12)
	fmt.Printf("non-symmetric B: dominant eigenvalue %.6f (%d iterations)\n", lb, it)
}
