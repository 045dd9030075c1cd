// Hessian by central finite differences, eigenvalues with gonum.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

type scalarFn func(x []float64) float64

func hessianFD(f scalarFn, x []float64, h float64) *mat.SymDense {
	n := len(x)
	H := mat.NewSymDense(n, nil)
	xx := make([]float64, n)
	eval := func(i, j int, si, sj float64) float64 {
		copy(xx, x)
		xx[i] += si * h
		xx[j] += sj * h
		return f(xx)
	}
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			v := (eval(i, j, 1, 1) - eval(i, j, 1, -1) - eval(i, j, -1, 1) + eval(i, j, -1, -1)) / (4 * h * h)
			H.SetSym(i, j, v)
		}
	}
	return H
}

func main() {
	problems := []struct {
		name string
		f    scalarFn
		x    []float64
	}{
		{"rosenbrock @ (1,1)", func(x []float64) float64 {
			return (1-x[0])*(1-x[0]) + 100*math.Pow(x[1]-x[0]*x[0], 2)
		}, []float64{1, 1}},
		{"x^2 - y^2 @ (0,0)", func(x []float64) float64 { return x[0]*x[0] - x[1]*x[1] }, []float64{0, 0}},
		{"quad3 @ (0,0,0)", func(x []float64) float64 {
			return 2*x[0]*x[0] + x[1]*x[1] + 3*x[2]*x[2] + x[0]*x[1] - x[1]*x[2]
		}, []float64{0, 0, 0}},
		{"sin(x)cos(y) @ (pi/2,0)", func(x []float64) float64 { return math.Sin(x[0]) * math.Cos(x[1]) }, []float64{math.Pi / 2, 0}},
	}
	for _, p := range problems {
		H := hessianFD(p.f, p.x, 1e-4)
		fmt.Println(p.name)
		fmt.Printf("H =\n%.4f\n", mat.Formatted(H, mat.Prefix(""), mat.Squeeze()))
		var eig mat.EigenSym
		if ok := eig.Factorize(H, true); !ok {
			fmt.Println("  eigen decomposition failed")
			continue
		}
		vals := eig.Values(nil)
		fmt.Print("eigenvalues:")
		for _, v := range vals {
			fmt.Printf(" %9.4f", v)
		}
		fmt.Println()
		if vals[0] > 0 {
			fmt.Printf("condition number = %.2f -> local minimum\n", vals[len(vals)-1]/vals[0])
		} else if vals[len(vals)-1] < 0 {
			fmt.Println("all negative -> local maximum")
		} else {
			fmt.Println("mixed signs -> saddle")
		}
		fmt.Println()
	}
}
