package main

import (
	"errors"
	"fmt"
	"math"
)

func main() {
	funcs := []struct {
		name string
		f    func(float64) float64
		df   func(float64) float64
		x0   float64
	}{
		{"x^2-2", func(x float64) float64 { return x*x - 2 }, func(x float64) float64 { return 2 * x }, 1},
		{"cos(x)-x", func(x float64) float64 { return math.Cos(x) - x }, func(x float64) float64 { return -math.Sin(x) - 1 }, 0.5},
		{"x^3-2x+2", func(x float64) float64 { return x*x*x - 2*x + 2 }, func(x float64) float64 { return 3*x*x - 2 }, 0},
		{"x^2+1", func(x float64) float64 { return x*x + 1 }, func(x float64) float64 { return 2 * x }, 0},
	}
	for _, fn := range funcs {
		root, err := Newton(fn.f, fn.df, fn.x0, 1e-12, 30)
		var ne *NewtonError
		switch {
		case err == nil:
			fmt.Printf("%-10s root=%.12f  f(root)=%.2e\n", fn.name, root, fn.f(root))
		case errors.As(err, &ne):
			fmt.Printf("%-10s FAILED: %v (reason=%s)\n", fn.name, err, ne.Reason)
		default:
			fmt.Printf("%-10s unexpected error %v\n", fn.name, err)
		}
	}

	// show the quadratic convergence for sqrt(2)
	fmt.Println("\nNewton iterates for sqrt(2):")
	x := 1.0
	for i := 0; i < 6; i++ {
		fmt.Printf("  k=%d x=%.16f err=%.3e\n", i, x, math.Abs(x-math.Sqrt2))
		x = x - (x*x-2)/(2*x)
	}
}

// NewtonError is returned when the iteration does not converge.
type NewtonError struct {
	Iter   int
	X      float64
	Reason string
}

func (e *NewtonError) Error() string {
	return fmt.Sprintf("newton stopped at iter %d, x=%.4g", e.Iter, e.X)
}

func Newton(f, df func(float64) float64, x0, tol float64, maxIter int) (float64, error) {
	x := x0
	for i := 0; i < maxIter; i++ {
		d := df(x)
		if d == 0 {
			return x, &NewtonError{i, x, "zero derivative"}
		}
		step := f(x) / d
		x -= step
		if math.Abs(step) < tol {
			return x, nil
		}
	}
	return x, &NewtonError{maxIter, x, "max iterations"}
}
