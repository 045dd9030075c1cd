// Homework 1: basic statistics on a slice of floats.
package main

import (
	"fmt"
	"math"
	"sort"
)

var data = []float64{4.2, 3.9, 5.1, 6.0, 2.8, 4.4, 5.5, 3.3, 4.9, 5.0}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func variance(xs []float64) float64 {
	m := mean(xs)
	s := 0.0
	for _, x := range xs {
		d := x - m
		s += d * d
	}
	return s / float64(len(xs)-1)
}

func median(xs []float64) float64 {
	c := make([]float64, len(xs))
	copy(c, xs)
	sort.Float64s(c)
	n := len(c)
	if n%2 == 1 {
		return c[n/2]
	}
	return (c[n/2-1] + c[n/2]) / 2
}

func minMax(xs []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return
}

func main() {
	fmt.Println("data:", data)
	fmt.Printf("n        = %d\n", len(data))
	fmt.Printf("mean     = %8.3f\n", mean(data))
	fmt.Printf("variance = %8.3f\n", variance(data))
	fmt.Printf("stddev   = %8.3f\n", math.Sqrt(variance(data)))
	fmt.Printf("median   = %8.3f\n", median(data))
	lo, hi := minMax(data)
	fmt.Printf("min/max  = %.1f / %.1f\n", lo, hi)

	// z-scores
	m, sd := mean(data), math.Sqrt(variance(data))
	fmt.Println("z-scores:")
	for i, x := range data {
		z := (x - m) / sd
		flag := ""
		if math.Abs(z) > 1.5 {
			flag = " <- outlier?"
		}
		fmt.Printf("  [%2d] %5.2f  z=%+6.3f%s\n", i, x, z, flag)
	}
	// original order is untouched by median()
	fmt.Println("first three still:", data[:3])
}
