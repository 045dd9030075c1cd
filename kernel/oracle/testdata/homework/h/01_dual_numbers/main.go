// Homework 1: forward-mode automatic differentiation with dual numbers.
// We build our own Dual type and compare against gonum's num/dual and
// finite differences from diff/fd.
package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/num/dual"
)

// Dual represents a + b*eps with eps^2 = 0.
type Dual struct {
	Val, Der float64
}

func Var(x float64) Dual   { return Dual{x, 1} }
func Const(c float64) Dual { return Dual{c, 0} }

func (a Dual) Add(b Dual) Dual { return Dual{a.Val + b.Val, a.Der + b.Der} }
func (a Dual) Sub(b Dual) Dual { return Dual{a.Val - b.Val, a.Der - b.Der} }
func (a Dual) Mul(b Dual) Dual {
	return Dual{a.Val * b.Val, a.Der*b.Val + a.Val*b.Der}
}
func (a Dual) Div(b Dual) Dual {
	return Dual{a.Val / b.Val, (a.Der*b.Val - a.Val*b.Der) / (b.Val * b.Val)}
}
func (a Dual) Scale(s float64) Dual { return Dual{s * a.Val, s * a.Der} }

func (a Dual) String() string { return fmt.Sprintf("%.6f + %.6fε", a.Val, a.Der) }

func Sin(a Dual) Dual { return Dual{math.Sin(a.Val), math.Cos(a.Val) * a.Der} }
func Exp(a Dual) Dual {
	e := math.Exp(a.Val)
	return Dual{e, e * a.Der}
}
func Log(a Dual) Dual { return Dual{math.Log(a.Val), a.Der / a.Val} }
func Tanh(a Dual) Dual {
	t := math.Tanh(a.Val)
	return Dual{t, (1 - t*t) * a.Der}
}

// sigmoid built from primitives
func Sigmoid(a Dual) Dual {
	one := Const(1)
	return one.Div(one.Add(Exp(a.Scale(-1))))
}

type testFunc struct {
	name  string
	mine  func(Dual) Dual
	ref   func(dual.Number) dual.Number
	plain func(float64) float64
}

var funcs []testFunc

func init() {
	funcs = []testFunc{
		{
			name:  "x^2*sin(x)",
			mine:  func(x Dual) Dual { return x.Mul(x).Mul(Sin(x)) },
			ref:   func(x dual.Number) dual.Number { return dual.Mul(dual.Mul(x, x), dual.Sin(x)) },
			plain: func(x float64) float64 { return x * x * math.Sin(x) },
		},
		{
			name: "log(1+exp(x))",
			mine: func(x Dual) Dual { return Log(Const(1).Add(Exp(x))) },
			ref: func(x dual.Number) dual.Number {
				return dual.Log(dual.Add(dual.Number{Real: 1}, dual.Exp(x)))
			},
			plain: func(x float64) float64 { return math.Log(1 + math.Exp(x)) },
		},
		{
			name: "sigmoid(x)",
			mine: Sigmoid,
			ref: func(x dual.Number) dual.Number {
				one := dual.Number{Real: 1}
				return dual.Inv(dual.Add(one, dual.Exp(dual.Scale(-1, x))))
			},
			plain: func(x float64) float64 { return 1 / (1 + math.Exp(-x)) },
		},
		{
			name: "tanh(x)/(1+x^2)",
			mine: func(x Dual) Dual { return Tanh(x).Div(Const(1).Add(x.Mul(x))) },
			ref: func(x dual.Number) dual.Number {
				return dual.Mul(dual.Tanh(x), dual.Inv(dual.Add(dual.Number{Real: 1}, dual.Mul(x, x))))
			},
			plain: func(x float64) float64 { return math.Tanh(x) / (1 + x*x) },
		},
	}
}

func main() {
	points := []float64{-1.5, 0.3, 2.0}
	maxErr := 0.0
	for _, tf := range funcs {
		fmt.Printf("f(x) = %s\n", tf.name)
		for _, x := range points {
			d := tf.mine(Var(x))
			r := tf.ref(dual.Number{Real: x, Emag: 1})
			h := fd.Derivative(tf.plain, x, &fd.Settings{Formula: fd.Central})
			diff := math.Abs(d.Der - r.Emag)
			if diff > maxErr {
				maxErr = diff
			}
			fmt.Printf("  x=%5.2f  mine=%v  gonum f'=%.6f  fd f'=%.6f  |fd-ad|<1e-6: %v\n",
				x, d, r.Emag, h, math.Abs(h-d.Der) < 1e-6)
		}
	}
	fmt.Printf("max |mine - gonum| = %.1e\n", roundTiny(maxErr))

	// Newton's method on f(x) = x^3 - 2x - 5 using our dual numbers.
	f := func(x Dual) Dual { return x.Mul(x).Mul(x).Sub(x.Scale(2)).Sub(Const(5)) }
	x := 2.0
	for i := 0; i < 6; i++ {
		v := f(Var(x))
		if math.Abs(v.Val) < 1e-12 {
			fmt.Printf("newton iter %d: x=%.10f converged (|f| < 1e-12)\n", i, x)
			break
		}
		fmt.Printf("newton iter %d: x=%.10f f=%+.3e\n", i, x, v.Val)
		x -= v.Val / v.Der
	}
	fmt.Printf("type of our number: %T\n", Var(1))
}

// roundTiny maps values below a reporting floor to zero so the
// report does not show floating point noise.
func roundTiny(v float64) float64 {
	if v < 1e-9 {
		return 0
	}
	return math.Round(v*1e9) / 1e9
}
