package main

import (
	"fmt"
	"math"
)

type diffRule struct {
	name string
	eval func(f func(float64) float64, x, h float64) float64
}

var rules = []diffRule{
	{"forward", func(f func(float64) float64, x, h float64) float64 {
		return (f(x+h) - f(x)) / h
	}},
	{"backward", func(f func(float64) float64, x, h float64) float64 {
		return (f(x) - f(x-h)) / h
	}},
	{"central", func(f func(float64) float64, x, h float64) float64 {
		return (f(x+h) - f(x-h)) / (2 * h)
	}},
	{"5-point", func(f func(float64) float64, x, h float64) float64 {
		return (-f(x+2*h) + 8*f(x+h) - 8*f(x-h) + f(x-2*h)) / (12 * h)
	}},
}

func main() {
	f := func(x float64) float64 { return math.Exp(x) * math.Sin(x) }
	df := func(x float64) float64 { return math.Exp(x) * (math.Sin(x) + math.Cos(x)) }
	x := 1.0
	exact := df(x)
	fmt.Printf("f(x)=exp(x)sin(x) at x=%.1f, f'(x)=%.12f\n\n", x, exact)

	fmt.Printf("%8s", "h")
	for _, r := range rules {
		fmt.Printf("%12s", r.name)
	}
	fmt.Println()

	bestH := make([]float64, len(rules))
	bestErr := make([]float64, len(rules))
	for i := range bestErr {
		bestErr[i] = math.Inf(1)
	}
	for p := 1; p <= 13; p++ {
		h := math.Pow(10, -float64(p))
		fmt.Printf("%8.0e", h)
		for i, r := range rules {
			err := math.Abs(r.eval(f, x, h) - exact)
			fmt.Printf("%12.2e", err)
			if err < bestErr[i] {
				bestErr[i], bestH[i] = err, h
			}
		}
		fmt.Println()
	}

	fmt.Println()
	eps := math.Nextafter(1, 2) - 1
	fmt.Printf("machine epsilon = %.4e\n", eps)
	for i, r := range rules {
		fmt.Printf("%-9s best h = %.0e (error %.2e)\n", r.name, bestH[i], bestErr[i])
	}
	fmt.Printf("rule of thumb: forward h ~ sqrt(eps) = %.2e, central h ~ eps^(1/3) = %.2e\n",
		math.Sqrt(eps), math.Cbrt(eps))

	// Estimate the order of the truncation error from two large steps.
	fmt.Println("\nobserved order p from err(h)/err(h/2) at h=1e-2:")
	for _, r := range rules {
		e1 := math.Abs(r.eval(f, x, 1e-2) - exact)
		e2 := math.Abs(r.eval(f, x, 5e-3) - exact)
		fmt.Printf("  %-9s p = %.2f\n", r.name, math.Log2(e1/e2))
	}
}
