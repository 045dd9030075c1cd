package main

import (
	"fmt"
	"math"
)

type Func func(float64) float64

func forward(f Func, x, h float64) float64 { return (f(x+h) - f(x)) / h }
func central(f Func, x, h float64) float64 { return (f(x+h) - f(x-h)) / (2 * h) }
func fivePoint(f Func, x, h float64) float64 {
	return (-f(x+2*h) + 8*f(x+h) - 8*f(x-h) + f(x-2*h)) / (12 * h)
}

func main() {
	f := func(x float64) float64 { return math.Exp(x) * math.Sin(x) }
	df := func(x float64) float64 { return math.Exp(x) * (math.Sin(x) + math.Cos(x)) }
	x := 1.0
	exact := df(x)
	fmt.Printf("f(x)=exp(x)sin(x), x=%.1f, exact f'=%.15f\n\n", x, exact)
	fmt.Printf("%-8s | %-12s | %-12s | %-12s\n", "h", "forward", "central", "5-point")
	fmt.Println("---------+--------------+--------------+-------------")
	type best struct {
		h, err float64
	}
	bests := [3]best{{0, math.Inf(1)}, {0, math.Inf(1)}, {0, math.Inf(1)}}
	for e := 1; e <= 12; e++ {
		h := math.Pow(10, -float64(e))
		errs := [3]float64{
			math.Abs(forward(f, x, h) - exact),
			math.Abs(central(f, x, h) - exact),
			math.Abs(fivePoint(f, x, h) - exact),
		}
		for i, er := range errs {
			if er < bests[i].err {
				bests[i] = best{h, er}
			}
		}
		fmt.Printf("%-8.0e | %12.3e | %12.3e | %12.3e\n", h, errs[0], errs[1], errs[2])
	}
	fmt.Println()
	names := [...]string{"forward", "central", "5-point"}
	for i, b := range bests {
		fmt.Printf("best %-8s h=%.0e err=%.2e\n", names[i], b.h, b.err)
	}
	eps := math.Nextafter(1, 2) - 1
	fmt.Printf("\nmachine eps=%.3e  sqrt(eps)=%.3e  cbrt(eps)=%.3e\n", eps, math.Sqrt(eps), math.Cbrt(eps))
}
