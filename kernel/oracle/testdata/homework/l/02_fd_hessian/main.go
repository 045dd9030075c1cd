// Homework 2: finite-difference Hessians.
// Build the Hessian of the Rosenbrock function three ways: analytically,
// by hand with second differences, and with gonum's diff/fd package.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

func rosen(x []float64) float64 {
	a := 1 - x[0]
	b := x[1] - x[0]*x[0]
	return a*a + 100*b*b
}

func rosenHess(x []float64) *mat.SymDense {
	h := mat.NewSymDense(2, nil)
	h.SetSym(0, 0, 1200*x[0]*x[0]-400*x[1]+2)
	h.SetSym(0, 1, -400*x[0])
	h.SetSym(1, 1, 200)
	return h
}

// handHessian uses the standard 4-point stencil for mixed partials and the
// 3-point stencil for the diagonal.
func handHessian(f func([]float64) float64, x []float64, h float64) *mat.SymDense {
	n := len(x)
	H := mat.NewSymDense(n, nil)
	xp := append([]float64(nil), x...)
	f0 := f(x)
	eval := func(i int, di float64, j int, dj float64) float64 {
		copy(xp, x)
		xp[i] += di
		xp[j] += dj
		return f(xp)
	}
	for i := 0; i < n; i++ {
		fpp := eval(i, h, i, 0)
		fmm := eval(i, -h, i, 0)
		H.SetSym(i, i, (fpp-2*f0+fmm)/(h*h))
		for j := i + 1; j < n; j++ {
			v := (eval(i, h, j, h) - eval(i, h, j, -h) - eval(i, -h, j, h) + eval(i, -h, j, -h)) / (4 * h * h)
			H.SetSym(i, j, v)
		}
	}
	return H
}

func maxDiff(a, b mat.Symmetric) float64 {
	n := a.SymmetricDim()
	m := 0.0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			m = math.Max(m, math.Abs(a.At(i, j)-b.At(i, j)))
		}
	}
	return m
}

func printSym(name string, s mat.Symmetric) {
	fmt.Printf("%s:\n", name)
	n := s.SymmetricDim()
	for i := 0; i < n; i++ {
		fmt.Print("   ")
		for j := 0; j < n; j++ {
			fmt.Printf(" %12.5f", s.At(i, j))
		}
		fmt.Println()
	}
}

func main() {
	points := [][]float64{{-1.2, 1}, {1, 1}, {0.3, -0.5}}
	for _, x := range points {
		fmt.Printf("=== x = (%.2f, %.2f) ===\n", x[0], x[1])
		exact := rosenHess(x)
		hand := handHessian(rosen, x, 1e-4)
		lib := mat.NewSymDense(2, nil)
		fd.Hessian(lib, rosen, x, nil)
		lib2 := mat.NewSymDense(2, nil)
		fd.Hessian(lib2, rosen, x, &fd.Settings{Formula: fd.Central, Step: 1e-4})
		printSym("analytic", exact)
		printSym("hand (h=1e-4)", hand)
		printSym("gonum fd.Hessian (default: Forward stencil)", lib)
		fmt.Printf("max |hand-exact| = %.2e   max |fd-exact| = %.2e   fd Central h=1e-4: %.2e\n\n",
			maxDiff(hand, exact), maxDiff(lib, exact), maxDiff(lib2, exact))
	}

	// Step-size study for the diagonal entry at (-1.2, 1).
	x := []float64{-1.2, 1}
	exact := rosenHess(x)
	fmt.Printf("%8s %14s\n", "h", "max error")
	for k := 1; k <= 7; k++ {
		h := math.Pow(10, -float64(k))
		fmt.Printf("%8.0e %14.3e\n", h, maxDiff(handHessian(rosen, x, h), exact))
	}
}
