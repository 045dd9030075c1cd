package main

import (
	"errors"
	"fmt"
	"math"
)

var ErrNoBracket = errors.New("f(a) and f(b) have the same sign")

type Trace struct {
	Method string
	Root   float64
	Evals  int
	Iters  int
}

func (t Trace) String() string {
	return fmt.Sprintf("%-14s root=%.12f iters=%3d evals=%3d", t.Method, t.Root, t.Iters, t.Evals)
}

// counting wrapper: every call increments *n
func counted(f func(float64) float64, n *int) func(float64) float64 {
	return func(x float64) float64 {
		*n++
		return f(x)
	}
}

func bisect(f func(float64) float64, a, b, tol float64) (Trace, error) {
	var ev int
	g := counted(f, &ev)
	fa, fb := g(a), g(b)
	if fa*fb > 0 {
		return Trace{}, fmt.Errorf("bisect on [%g,%g]: %w", a, b, ErrNoBracket)
	}
	it := 0
	for b-a > tol {
		it++
		m := a + (b-a)/2
		fm := g(m)
		if fa*fm <= 0 {
			b = m
		} else {
			a, fa = m, fm
		}
	}
	_ = fb
	return Trace{"bisection", (a + b) / 2, ev, it}, nil
}

func secant(f func(float64) float64, x0, x1, tol float64) (Trace, error) {
	var ev int
	g := counted(f, &ev)
	f0, f1 := g(x0), g(x1)
	for it := 1; it <= 100; it++ {
		if f1 == f0 {
			return Trace{}, errors.New("secant: flat")
		}
		x2 := x1 - f1*(x1-x0)/(f1-f0)
		x0, f0 = x1, f1
		x1, f1 = x2, g(x2)
		if math.Abs(x1-x0) < tol {
			return Trace{"secant", x1, ev, it}, nil
		}
	}
	return Trace{}, errors.New("secant: no convergence")
}

func regulaFalsi(f func(float64) float64, a, b, tol float64) (Trace, error) {
	var ev int
	g := counted(f, &ev)
	fa, fb := g(a), g(b)
	if fa*fb > 0 {
		return Trace{}, ErrNoBracket
	}
	c := a
	for it := 1; it <= 1000; it++ {
		cPrev := c
		c = b - fb*(b-a)/(fb-fa)
		fc := g(c)
		if math.Abs(c-cPrev) < tol || fc == 0 {
			return Trace{"regula falsi", c, ev, it}, nil
		}
		if fa*fc < 0 {
			b, fb = c, fc
		} else {
			a, fa = c, fc
		}
	}
	return Trace{"regula falsi", c, ev, 1000}, nil
}

func main() {
	f := func(x float64) float64 { return x*x*x - x - 2 }
	fmt.Println("f(x) = x^3 - x - 2 on [1, 2]")
	tol := 1e-10
	for _, run := range []func() (Trace, error){
		func() (Trace, error) { return bisect(f, 1, 2, tol) },
		func() (Trace, error) { return secant(f, 1, 2, tol) },
		func() (Trace, error) { return regulaFalsi(f, 1, 2, tol) },
	} {
		if tr, err := run(); err != nil {
			fmt.Println("error:", err)
		} else {
			fmt.Println(tr)
		}
	}
	_, err := bisect(f, 2, 3, tol)
	fmt.Println("bad bracket:", err, "| is ErrNoBracket:", errors.Is(err, ErrNoBracket))

	// solving the first order condition of a 1-D loss: d/dw [log(1+e^-w) + 0.1 w^2] = 0
	dloss := func(w float64) float64 { return -1/(1+math.Exp(w)) + 0.2*w }
	tr, _ := bisect(dloss, -5, 5, 1e-12)
	fmt.Printf("argmin of logistic+ridge: w*=%.10f (dloss=%.1e)\n", tr.Root, dloss(tr.Root))
}
