package main

import (
	"fmt"
	"math"
	"math/rand"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

var lambdas = []float64{1, 3, 10, 50}

// buildHessian returns Q diag(lambdas) Q^T with Q orthogonal from a QR factorization.
func buildHessian() *mat.SymDense {
	n := len(lambdas)
	seedM := mat.NewDense(n, n, []float64{
		2, 1, 0, 1,
		1, 3, 1, 0,
		0, 1, 4, 1,
		1, 0, 1, 5,
	})
	var qr mat.QR
	qr.Factorize(seedM)
	var Q mat.Dense
	qr.QTo(&Q)
	var tmp, full mat.Dense
	tmp.Mul(&Q, mat.NewDiagDense(n, lambdas))
	full.Mul(&tmp, Q.T())
	H := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			H.SetSym(i, j, 0.5*(full.At(i, j)+full.At(j, i)))
		}
	}
	return H
}

func curvature(H *mat.SymDense, d []float64) float64 {
	v := mat.NewVecDense(len(d), d)
	var Hv mat.VecDense
	Hv.MulVec(H, v)
	a, b := v.RawVector(), Hv.RawVector()
	return blas64.Dot(a, b) / blas64.Dot(a, a)
}

func isPosDef(S *mat.SymDense) bool {
	c := mat.NewSymDense(S.SymmetricDim(), nil)
	c.CopySym(S)
	_, ok := lapack64.Potrf(c.RawSymmetric())
	return ok
}

func main() {
	H := buildHessian()
	fmt.Printf("H =\n%.4f\n", mat.Formatted(H, mat.Prefix(""), mat.Squeeze()))

	var es mat.EigenSym
	es.Factorize(H, true)
	ev := es.Values(nil)
	fmt.Printf("eigenvalues: %.6f\n", ev)
	fmt.Printf("cond_2(H) = %.6f, lmax/lmin = %.6f\n", mat.Cond(H, 2), ev[len(ev)-1]/ev[0])

	// curvature along the coordinate axes
	for i := 0; i < 4; i++ {
		e := make([]float64, 4)
		e[i] = 1
		fmt.Printf("curvature along e%d: %.6f (= H[%d][%d] %.6f)\n", i, curvature(H, e), i, i, H.At(i, i))
	}
	// random directions never leave [lmin, lmax]
	rng := rand.New(rand.NewSource(3))
	lo, hi := math.Inf(1), math.Inf(-1)
	for k := 0; k < 200; k++ {
		d := []float64{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
		c := curvature(H, d)
		lo, hi = math.Min(lo, c), math.Max(hi, c)
	}
	fmt.Printf("random directions: curvature in [%.4f, %.4f]\n", lo, hi)
	var V mat.Dense
	es.VectorsTo(&V)
	for j := 0; j < 4; j++ {
		fmt.Printf("along eigenvector %d: %.6f\n", j, curvature(H, mat.Col(nil, j, &V)))
	}

	// positive definiteness via Cholesky
	shifted := mat.NewSymDense(4, nil)
	shifted.CopySym(H)
	for i := 0; i < 4; i++ {
		shifted.SetSym(i, i, H.At(i, i)-5)
	}
	fmt.Printf("H PD? %v   H-5I PD? %v\n", isPosDef(H), isPosDef(shifted))

	// GD with lr = 1/L: iterations needed for 1e-6 relative error
	L, mu := ev[3], ev[0]
	x := mat.NewVecDense(4, []float64{1, 1, 1, 1})
	x0 := x.Norm(2)
	var g mat.VecDense
	iters := 0
	for x.Norm(2) > 1e-6*x0 {
		g.MulVec(H, x)
		x.AddScaledVec(x, -1/L, &g)
		iters++
	}
	fmt.Printf("GD iterations: %d, bound kappa*ln(1e6)=%.1f\n", iters, L/mu*math.Log(1e6))
	nrm := blas64.Nrm2(x.RawVector())
	fmt.Printf("final |x| = %.4e\n", nrm)
}
