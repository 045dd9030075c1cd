package main

import (
	"fmt"
	"math"
	"strings"
)

type Interpolant interface {
	Eval(x float64) float64
	Degree() int
}

type Lagrange struct {
	xs, ys []float64
}

func (l Lagrange) Degree() int { return len(l.xs) - 1 }

func (l Lagrange) Eval(x float64) float64 {
	sum := 0.0
	for i := range l.xs {
		basis := 1.0
		for j := range l.xs {
			if j != i {
				basis *= (x - l.xs[j]) / (l.xs[i] - l.xs[j])
			}
		}
		sum += l.ys[i] * basis
	}
	return sum
}

type NewtonPoly struct {
	nodes []float64
	coef  []float64
}

func NewNewton(xs, ys []float64) *NewtonPoly {
	n := len(xs)
	c := make([]float64, n)
	copy(c, ys)
	for j := 1; j < n; j++ {
		for i := n - 1; i >= j; i-- {
			c[i] = (c[i] - c[i-1]) / (xs[i] - xs[i-j])
		}
	}
	return &NewtonPoly{nodes: append([]float64(nil), xs...), coef: c}
}

func (p *NewtonPoly) Degree() int { return len(p.coef) - 1 }

// Eval uses a Horner-like nested scheme.
func (p *NewtonPoly) Eval(x float64) float64 {
	n := len(p.coef)
	v := p.coef[n-1]
	for i := n - 2; i >= 0; i-- {
		v = v*(x-p.nodes[i]) + p.coef[i]
	}
	return v
}

// AddPoint extends the interpolant with one more node without recomputing.
func (p *NewtonPoly) AddPoint(x, y float64) {
	n := len(p.nodes)
	// recompute the new top divided difference
	row := make([]float64, n+1)
	row[0] = y
	xs := append(p.nodes, x)
	// need f[x_{n-k},...,x_n] for k=1..n, built from previous diagonal
	diag := p.diagonal()
	for k := 1; k <= n; k++ {
		row[k] = (row[k-1] - diag[k-1]) / (xs[n] - xs[n-k])
	}
	p.nodes = xs
	p.coef = append(p.coef, row[n])
}

// diagonal returns f[x_{n-1}], f[x_{n-2},x_{n-1}], ... (the last row of the table).
func (p *NewtonPoly) diagonal() []float64 {
	n := len(p.nodes)
	d := make([]float64, n)
	for k := 0; k < n; k++ {
		d[k] = p.Eval(p.nodes[n-1])
	}
	// simple rebuild from scratch from node values
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = p.Eval(p.nodes[i])
	}
	table := make([][]float64, n)
	table[0] = vals
	for j := 1; j < n; j++ {
		table[j] = make([]float64, n-j)
		for i := 0; i < n-j; i++ {
			table[j][i] = (table[j-1][i+1] - table[j-1][i]) / (p.nodes[i+j] - p.nodes[i])
		}
	}
	for k := 0; k < n; k++ {
		d[k] = table[k][n-1-k]
	}
	return d
}

func runge(x float64) float64 { return 1 / (1 + 25*x*x) }

func equispaced(n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = -1 + 2*float64(i)/float64(n-1)
	}
	return xs
}

func chebyshev(n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = -math.Cos(math.Pi * (2*float64(i) + 1) / (2 * float64(n)))
	}
	return xs
}

func mapF(xs []float64, f func(float64) float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func maxError(p Interpolant, f func(float64) float64) float64 {
	worst := 0.0
	for i := 0; i <= 1000; i++ {
		x := -1 + 2*float64(i)/1000
		worst = math.Max(worst, math.Abs(p.Eval(x)-f(x)))
	}
	return worst
}

func main() {
	xs := []float64{1, 2, 4, 5}
	ys := []float64{1, 3, 2, 6}
	nw := NewNewton(xs, ys)
	lg := Lagrange{xs, ys}
	fmt.Printf("Newton coefficients: %.4f\n", nw.coef)
	for _, x := range []float64{1.5, 3, 4.5} {
		fmt.Printf("  x=%.1f  lagrange=%8.4f  newton=%8.4f\n", x, lg.Eval(x), nw.Eval(x))
	}
	nw.AddPoint(3, 4)
	fmt.Printf("after adding (3,4): degree %d, coefficients %.4f\n", nw.Degree(), nw.coef)
	fmt.Printf("  p(3) = %.4f, p(1.5) = %.4f\n", nw.Eval(3), nw.Eval(1.5))
	fmt.Println()

	fmt.Println("Runge function 1/(1+25x^2): max error on [-1,1]")
	fmt.Printf("%4s  %-12s  %-12s\n", "n", "equispaced", "chebyshev")
	fmt.Println(strings.Repeat("-", 32))
	for _, n := range []int{5, 9, 13, 17, 21} {
		xe := equispaced(n)
		xc := chebyshev(n)
		var pe, pc Interpolant = NewNewton(xe, mapF(xe, runge)), Lagrange{xc, mapF(xc, runge)}
		fmt.Printf("%4d  %-12.4e  %-12.4e\n", n, maxError(pe, runge), maxError(pc, runge))
	}
	fmt.Println()

	fmt.Println("sin on [0, pi] with 6 chebyshev-like nodes:")
	nodes := mapF(chebyshev(6), func(t float64) float64 { return math.Pi / 2 * (t + 1) })
	ps := NewNewton(nodes, mapF(nodes, math.Sin))
	for _, x := range []float64{0, 0.5, 1, 2, 3} {
		fmt.Printf("  sin(%.1f)=%.6f  p=%.6f  err=%.2e\n", x, math.Sin(x), ps.Eval(x), math.Abs(math.Sin(x)-ps.Eval(x)))
	}
}
