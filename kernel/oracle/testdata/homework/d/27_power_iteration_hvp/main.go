package main

import (
	"fmt"
	"math"
	"math/rand"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

const (
	dim    = 5
	nData  = 30
	lambda = 0.05
)

var A [nData][dim]float64
var Y [nData]float64

func init() {
	rng := rand.New(rand.NewSource(17))
	for i := 0; i < nData; i++ {
		for j := 0; j < dim; j++ {
			A[i][j] = rng.NormFloat64() * float64(j+1) / 2
		}
		Y[i] = 1
		if rng.Float64() < 0.5 {
			Y[i] = -1
		}
	}
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// gradient of mean logistic loss + lambda/2 |w|^2
func gradient(w []float64) []float64 {
	g := make([]float64, dim)
	for i := 0; i < nData; i++ {
		m := Y[i] * floats.Dot(A[i][:], w)
		floats.AddScaled(g, -Y[i]*sigmoid(-m)/nData, A[i][:])
	}
	floats.AddScaled(g, lambda, w)
	return g
}

func exactHessian(w []float64) *mat.SymDense {
	H := mat.NewSymDense(dim, nil)
	for i := 0; i < nData; i++ {
		s := sigmoid(floats.Dot(A[i][:], w))
		c := s * (1 - s) / nData
		for r := 0; r < dim; r++ {
			for q := r; q < dim; q++ {
				H.SetSym(r, q, H.At(r, q)+c*A[i][r]*A[i][q])
			}
		}
	}
	for r := 0; r < dim; r++ {
		H.SetSym(r, r, H.At(r, r)+lambda)
	}
	return H
}

// hvp approximates H v by a central difference of the gradient.
func hvp(w, v []float64) []float64 {
	eps := 1e-5
	wp := make([]float64, dim)
	wm := make([]float64, dim)
	floats.AddScaledTo(wp, w, eps, v)
	floats.AddScaledTo(wm, w, -eps, v)
	out := gradient(wp)
	floats.Sub(out, gradient(wm))
	floats.Scale(1/(2*eps), out)
	return out
}

// powerIteration finds the dominant eigenpair of the operator op.
func powerIteration(op func([]float64) []float64, iters int) (float64, []float64, int) {
	v := []float64{1, 1, 1, 1, 1}
	floats.Scale(1/floats.Norm(v, 2), v)
	lam := 0.0
	for k := 1; k <= iters; k++ {
		hv := op(v)
		newLam := floats.Dot(v, hv)
		floats.Scale(1/floats.Norm(hv, 2), hv)
		v = hv
		if math.Abs(newLam-lam) < 1e-10*math.Abs(newLam) {
			return newLam, v, k
		}
		lam = newLam
	}
	return lam, v, iters
}

func main() {
	w := []float64{0.3, -0.2, 0.1, 0.0, 0.05}
	H := exactHessian(w)

	v := []float64{1, 0, -1, 0.5, 2}
	var Hv mat.VecDense
	Hv.MulVec(H, mat.NewVecDense(dim, v))
	fd := hvp(w, v)
	fmt.Printf("exact Hv: %.6f\n", Hv.RawVector().Data)
	fmt.Printf("fd    Hv: %.6f\n", fd)

	var es mat.EigenSym
	es.Factorize(H, false)
	ev := es.Values(nil)
	fmt.Printf("eigenvalues (EigenSym): %.6f\n", ev)

	lmax, vmax, it := powerIteration(func(x []float64) []float64 { return hvp(w, x) }, 500)
	fmt.Printf("power iteration: lambda_max=%.6f after %d iterations\n", lmax, it)

	// deflation: H - lmax v v^T has the second eigenvalue on top
	deflated := func(x []float64) []float64 {
		out := hvp(w, x)
		floats.AddScaled(out, -lmax*floats.Dot(vmax, x), vmax)
		return out
	}
	l2, _, it2 := powerIteration(deflated, 500)
	fmt.Printf("deflated:        lambda_2  =%.6f after %d iterations\n", l2, it2)

	// shift trick: top eigenvalue of (lmax I - H) gives lmax - lambda_min
	shifted := func(x []float64) []float64 {
		out := hvp(w, x)
		floats.Scale(-1, out)
		floats.AddScaled(out, lmax, x)
		return out
	}
	ls, _, it3 := powerIteration(shifted, 2000)
	lmin := lmax - ls
	fmt.Printf("shifted:         lambda_min=%.6f after %d iterations\n", lmin, it3)
	fmt.Printf("condition number estimate %.4f vs exact %.4f\n", lmax/lmin, ev[dim-1]/ev[0])
	fmt.Printf("GD safe step size 2/L = %.6f\n", 2/lmax)
}
