package main

import (
	"fmt"
	"math"
)

// Minimize f(x) = e^x - 2x, whose minimizer is x* = ln 2, by solving f'(x) = 0.
func fp(x float64) float64  { return math.Exp(x) - 2 }
func fpp(x float64) float64 { return math.Exp(x) }

var xstar = math.Ln2

type trace struct {
	name   string
	errors []float64
}

// order estimates q from e_{k+1} ~ C e_k^q using three consecutive errors.
func (t trace) order() float64 {
	n := len(t.errors)
	if n < 3 {
		return math.NaN()
	}
	e0, e1, e2 := t.errors[n-3], t.errors[n-2], t.errors[n-1]
	return math.Log(e2/e1) / math.Log(e1/e0)
}

// meanRatio is the geometric mean of e_{k+1}/e_k over the whole run.
func (t trace) meanRatio() float64 {
	n := len(t.errors)
	return math.Pow(t.errors[n-1]/t.errors[0], 1/float64(n-1))
}

func record(name string, x0 float64, step func(x float64) float64) trace {
	t := trace{name: name}
	x := x0
	for k := 0; k < 200; k++ {
		e := math.Abs(x - xstar)
		if e < 1e-11 {
			break
		}
		t.errors = append(t.errors, e)
		x = step(x)
	}
	return t
}

func main() {
	gd := record("gradient descent", 2, func(x float64) float64 { return x - 0.3*fp(x) })
	newton := record("newton", 2, func(x float64) float64 { return x - fp(x)/fpp(x) })

	// The secant method needs the previous iterate; keep it in the closure.
	prev := 2.5
	secant := record("secant", 2, func(x float64) float64 {
		slope := (fp(x) - fp(prev)) / (x - prev)
		prev = x
		return x - fp(x)/slope
	})

	lo, hi := 0.0, 2.0
	bisect := record("bisection", 1, func(x float64) float64 {
		if fp(x) > 0 {
			hi = x
		} else {
			lo = x
		}
		return (lo + hi) / 2
	})

	traces := []trace{gd, newton, secant, bisect}
	for _, t := range traces {
		fmt.Printf("%-17s iterations=%3d  mean ratio=%.4f", t.name, len(t.errors), t.meanRatio())
		if t.name != "bisection" { // bisection errors are not monotone
			fmt.Printf("  estimated order q=%.2f", t.order())
		}
		fmt.Println()
	}

	fmt.Println("\nerror per iteration")
	fmt.Printf("%4s", "k")
	for _, t := range traces {
		fmt.Printf("%18s", t.name)
	}
	fmt.Println()
	for k := 0; k < 8; k++ {
		fmt.Printf("%4d", k)
		for _, t := range traces {
			if k < len(t.errors) {
				fmt.Printf("%18.3e", t.errors[k])
			} else {
				fmt.Printf("%18s", "-")
			}
		}
		fmt.Println()
	}

	// Linear rate of GD: |1 - lr f''(x*)|.
	ratio := gd.errors[15] / gd.errors[14]
	fmt.Printf("\nGD observed ratio %.6f, predicted |1 - 0.3*f''(x*)| = %.6f\n", ratio, math.Abs(1-0.3*fpp(xstar)))
	n := len(newton.errors)
	c := newton.errors[n-1] / math.Pow(newton.errors[n-2], 2)
	fmt.Printf("Newton e_{k+1}/e_k^2 = %.4f, predicted f'''(x*)/(2f''(x*)) = %.4f\n", c, 0.5)
}
