// Homework 24: power iteration for the top Hessian eigenvalue using only
// Hessian-vector products (finite differences of the gradient), checked
// against a full eigendecomposition with mat.EigenSym.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

const n = 6

var A = func() *mat.SymDense {
	a := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			a.SetSym(i, j, 1/float64(i+j+1)) // Hilbert matrix
		}
		a.SetSym(i, i, a.At(i, i)+0.5*float64(i))
	}
	return a
}()

// f(x) = 1/2 x^T A x + 1/4 sum x_i^4 + sum_i x_i x_{i+1}^2 / 2
func grad(x []float64) []float64 {
	g := make([]float64, n)
	var Ax mat.VecDense
	Ax.MulVec(A, mat.NewVecDense(n, x))
	for i := 0; i < n; i++ {
		g[i] = Ax.AtVec(i) + x[i]*x[i]*x[i]
	}
	for i := 0; i+1 < n; i++ {
		g[i] += 0.5 * x[i+1] * x[i+1]
		g[i+1] += x[i] * x[i+1]
	}
	return g
}

func hessian(x []float64) *mat.SymDense {
	H := mat.NewSymDense(n, nil)
	H.CopySym(A)
	for i := 0; i < n; i++ {
		H.SetSym(i, i, H.At(i, i)+3*x[i]*x[i])
	}
	for i := 0; i+1 < n; i++ {
		H.SetSym(i, i+1, H.At(i, i+1)+x[i+1])
		H.SetSym(i+1, i+1, H.At(i+1, i+1)+x[i])
	}
	return H
}

// hvp approximates H(x) v with a central difference of the gradient.
func hvp(x, v []float64) []float64 {
	eps := 1e-5
	xp := make([]float64, n)
	xm := make([]float64, n)
	floats.AddScaledTo(xp, x, eps, v)
	floats.AddScaledTo(xm, x, -eps, v)
	out := make([]float64, n)
	floats.SubTo(out, grad(xp), grad(xm))
	floats.Scale(1/(2*eps), out)
	return out
}

// power runs power iteration on v -> op(v) and returns the Rayleigh quotients.
func power(op func([]float64) []float64, iters int) ([]float64, []float64) {
	v := make([]float64, n)
	for i := range v {
		v[i] = 1 / math.Sqrt(n) * float64(1+i%2)
	}
	floats.Scale(1/floats.Norm(v, 2), v)
	var hist []float64
	for k := 0; k < iters; k++ {
		w := op(v)
		hist = append(hist, floats.Dot(v, w))
		floats.Scale(1/floats.Norm(w, 2), w)
		v = w
	}
	return hist, v
}

func main() {
	x := []float64{0.8, -0.5, 1.2, 0.3, -1.0, 0.6}
	H := hessian(x)
	var es mat.EigenSym
	es.Factorize(H, false)
	ev := es.Values(nil)
	fmt.Print("exact eigenvalues:")
	for _, e := range ev {
		fmt.Printf(" %.6f", e)
	}
	fmt.Println()
	lmax, lmin := ev[n-1], ev[0]

	hist, v := power(func(v []float64) []float64 { return hvp(x, v) }, 120)
	fmt.Printf("\n%4s %14s %14s\n", "iter", "Rayleigh", "error")
	for k, r := range hist {
		if k < 5 || k%20 == 19 {
			fmt.Printf("%4d %14.8f %14.3e\n", k+1, r, math.Abs(r-lmax))
		}
	}
	fmt.Printf("convergence ratio (l2/l1)^2 = %.4f\n", math.Pow(ev[n-2]/lmax, 2))
	// residual check with exact Hessian
	var Hv mat.VecDense
	Hv.MulVec(H, mat.NewVecDense(n, v))
	Hv.AddScaledVec(&Hv, -hist[len(hist)-1], mat.NewVecDense(n, v))
	fmt.Printf("residual |Hv - lambda v| = %.3e\n", mat.Norm(&Hv, 2))

	// Shifted power iteration finds the smallest eigenvalue: (lmax I - H)
	shift := hist[len(hist)-1]
	hist2, _ := power(func(v []float64) []float64 {
		hv := hvp(x, v)
		out := make([]float64, n)
		floats.AddScaledTo(out, hv, -shift, v) // H v - shift v
		floats.Scale(-1, out)                  // (shift I - H) v
		return out
	}, 300)
	est := shift - hist2[len(hist2)-1]
	fmt.Printf("\nshifted power iteration: lambda_min ~ %.6f (exact %.6f)\n", est, lmin)
	fmt.Printf("condition number estimate %.4f (exact %.4f)\n", shift/est, lmax/lmin)
	fmt.Printf("max stable GD learning rate 2/lambda_max = %.6f\n", 2/shift)
}
