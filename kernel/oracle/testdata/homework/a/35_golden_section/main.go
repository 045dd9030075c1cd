package main

import (
	"fmt"
	"math"
)

var invPhi = (math.Sqrt(5) - 1) / 2 // 0.618...

type Result struct {
	X, F  float64
	Evals int
}

func goldenSection(f func(float64) float64, a, b, tol float64) Result {
	c := b - invPhi*(b-a)
	d := a + invPhi*(b-a)
	fc, fd := f(c), f(d)
	evals := 2
	for b-a > tol {
		if fc < fd {
			b, d, fd = d, c, fc
			c = b - invPhi*(b-a)
			fc = f(c)
		} else {
			a, c, fc = c, d, fd
			d = a + invPhi*(b-a)
			fd = f(d)
		}
		evals++
	}
	x := (a + b) / 2
	return Result{x, f(x), evals + 1}
}

func ternary(f func(float64) float64, a, b, tol float64) Result {
	evals := 0
	for b-a > tol {
		m1 := a + (b-a)/3
		m2 := b - (b-a)/3
		evals += 2
		if f(m1) < f(m2) {
			b = m2
		} else {
			a = m1
		}
	}
	x := (a + b) / 2
	return Result{x, f(x), evals + 1}
}

// exact line search along a direction using golden section
func lineSearch(f func([]float64) float64, x, d []float64) float64 {
	phi := func(t float64) float64 {
		y := make([]float64, len(x))
		for i := range x {
			y[i] = x[i] + t*d[i]
		}
		return f(y)
	}
	return goldenSection(phi, 0, 1, 1e-8).X
}

func main() {
	tests := []struct {
		name string
		f    func(float64) float64
		a, b float64
	}{
		{"(x-2)^2+1", func(x float64) float64 { return (x-2)*(x-2) + 1 }, 0, 5},
		{"x^4-3x^3+2", func(x float64) float64 { return x*x*x*x - 3*x*x*x + 2 }, 0, 4},
		{"x*ln(x)", func(x float64) float64 { return x * math.Log(x) }, 0.1, 3},
		{"|x-0.3|", func(x float64) float64 { return math.Abs(x - 0.3) }, -1, 1},
	}
	fmt.Printf("%-12s | %-28s | %-28s\n", "function", "golden (x, evals)", "ternary (x, evals)")
	for _, t := range tests {
		g := goldenSection(t.f, t.a, t.b, 1e-8)
		tr := ternary(t.f, t.a, t.b, 1e-8)
		fmt.Printf("%-12s | x=%-14.9f n=%-8d | x=%-14.9f n=%-8d\n", t.name, g.X, g.Evals, tr.X, tr.Evals)
	}

	// steepest descent with exact line search on an elongated quadratic
	q := func(v []float64) float64 { return v[0]*v[0] + 10*v[1]*v[1] }
	x := []float64{10, 1}
	fmt.Println("\nsteepest descent + exact line search on x^2+10y^2:")
	for k := 0; k < 8; k++ {
		d := []float64{-2 * x[0], -20 * x[1]}
		t := lineSearch(q, x, d)
		x[0] += t * d[0]
		x[1] += t * d[1]
		fmt.Printf("  k=%d t=%.6f x=(%9.5f, %9.5f) f=%.6e\n", k, t, x[0], x[1], q(x))
	}
	fmt.Printf("1/e = %.9f (minimiser of x ln x)\n", 1/math.E)
	fmt.Printf("theory: f ratio per step = ((k-1)/(k+1))^2 = %.6f\n", math.Pow(9.0/11.0, 2))
}
