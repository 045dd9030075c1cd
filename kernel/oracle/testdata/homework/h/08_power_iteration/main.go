// Homework 8: power iteration and the Rayleigh quotient to estimate the
// largest eigenvalue of a loss Hessian (the "sharpness"), compared with
// mat.EigenSym. Hessian obtained by finite differences (fd.Hessian).
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// A small least-squares-plus-softplus "loss" in 4 parameters.
func loss(w []float64) float64 {
	a := []float64{1, 2, 0.5, -1}
	s := 0.0
	for i, v := range w {
		s += 0.5 * float64(i+1) * v * v
	}
	dot := floats.Dot(a, w)
	s += math.Log1p(math.Exp(dot))
	s += 0.25 * (w[0] - w[1]) * (w[0] - w[1]) * (w[0] - w[1]) * (w[0] - w[1])
	return s
}

type Result struct {
	Lambda float64
	Vec    []float64
	Iters  int
}

type MatVec func(v []float64) []float64

func powerIteration(mv MatVec, n int, tol float64, maxIter int, trace func(k int, rq float64)) Result {
	v := make([]float64, n)
	for i := range v {
		v[i] = 1 / math.Sqrt(float64(n))
	}
	prev := 0.0
	for k := 1; k <= maxIter; k++ {
		w := mv(v)
		rq := floats.Dot(v, w) // Rayleigh quotient, |v| = 1
		if trace != nil {
			trace(k, rq)
		}
		nrm := floats.Norm(w, 2)
		floats.ScaleTo(v, 1/nrm, w)
		if math.Abs(rq-prev) < tol*math.Abs(rq) {
			return Result{rq, v, k}
		}
		prev = rq
	}
	return Result{prev, v, maxIter}
}

func symMatVec(H *mat.SymDense) MatVec {
	return func(v []float64) []float64 {
		out := mat.NewVecDense(len(v), nil)
		out.MulVec(H, mat.NewVecDense(len(v), v))
		return out.RawVector().Data
	}
}

func main() {
	w0 := []float64{0.5, -0.3, 0.8, 0.1}
	n := len(w0)
	H := mat.NewSymDense(n, nil)
	fd.Hessian(H, loss, w0, nil)
	fmt.Printf("Hessian at w0:\n  %.4f\n", mat.Formatted(H, mat.Prefix("  ")))

	var es mat.EigenSym
	if !es.Factorize(H, true) {
		fmt.Println("eigen decomposition failed")
		return
	}
	vals := es.Values(nil)
	fmt.Printf("EigenSym eigenvalues: %.5f\n", vals)
	lmax := vals[n-1]

	fmt.Println("power iteration trace:")
	res := powerIteration(symMatVec(H), n, 1e-10, 500, func(k int, rq float64) {
		if k <= 5 || k%10 == 0 {
			fmt.Printf("  k=%3d  rayleigh=%.6f  err=%.2e\n", k, rq, math.Abs(rq-lmax))
		}
	})
	fmt.Printf("power iteration: lambda_max=%.6f after %d iterations\n", res.Lambda, res.Iters)
	fmt.Printf("EigenSym:        lambda_max=%.6f\n", lmax)

	var vecs mat.Dense
	es.VectorsTo(&vecs)
	top := mat.Col(nil, n-1, &vecs)
	if floats.Dot(top, res.Vec) < 0 {
		floats.Scale(-1, top)
	}
	fmt.Printf("eigvec (power): %.4f\n", res.Vec)
	fmt.Printf("eigvec (eig):   %.4f\n", top)

	// shifted power iteration to find the smallest eigenvalue: (lmax I - H)
	shifted := func(v []float64) []float64 {
		hv := symMatVec(H)(v)
		out := make([]float64, len(v))
		for i := range v {
			out[i] = lmax*v[i] - hv[i]
		}
		return out
	}
	sres := powerIteration(shifted, n, 1e-12, 2000, nil)
	fmt.Printf("smallest eigenvalue via shift: %.5f (EigenSym %.5f)\n", lmax-sres.Lambda, vals[0])
	fmt.Printf("condition number estimate: %.3f\n", lmax/(lmax-sres.Lambda))
	fmt.Printf("largest stable GD step 2/lambda_max = %.4f\n", 2/lmax)
}
