package main

import (
	"fmt"
	"math"
)

type Float interface {
	~float32 | ~float64
}

func machineEps[T Float]() T {
	eps := T(1)
	for T(1)+eps/2 > T(1) {
		eps /= 2
	}
	return eps
}

func naiveSum[T Float](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func kahanSum[T Float](xs []T) T {
	var s, c T
	for _, x := range xs {
		y := x - c
		t := s + y
		c = (t - s) - y
		s = t
	}
	return s
}

func pairwiseSum[T Float](xs []T) T {
	if len(xs) <= 8 {
		return naiveSum(xs)
	}
	m := len(xs) / 2
	return pairwiseSum(xs[:m]) + pairwiseSum(xs[m:])
}

type VarianceResult struct {
	Method string
	Value  float64
}

func naiveVariance(xs []float64) float64 {
	var s, ss float64
	for _, x := range xs {
		s += x
		ss += x * x
	}
	n := float64(len(xs))
	return (ss - s*s/n) / (n - 1)
}

func twoPassVariance(xs []float64) float64 {
	m := naiveSum(xs) / float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	return ss / float64(len(xs)-1)
}

func welfordVariance(xs []float64) float64 {
	var mean, m2 float64
	for i, x := range xs {
		d := x - mean
		mean += d / float64(i+1)
		m2 += d * (x - mean)
	}
	return m2 / float64(len(xs)-1)
}

func main() {
	fmt.Println("== machine epsilon ==")
	fmt.Printf("float32: loop %.6e  (2^-23 = %.6e)\n", machineEps[float32](), math.Pow(2, -23))
	fmt.Printf("float64: loop %.6e  (2^-52 = %.6e)\n", machineEps[float64](), math.Pow(2, -52))
	fmt.Printf("Nextafter(1, 2) - 1      = %.6e\n", math.Nextafter(1, 2)-1)
	fmt.Printf("Nextafter32(1, 2) - 1    = %.6e\n", math.Nextafter32(1, 2)-1)
	fmt.Printf("gap after 1e16           = %.1f\n", math.Nextafter(1e16, math.Inf(1))-1e16)
	big, one := 1e16, 1.0
	fmt.Printf("1e16 + 1 == 1e16         : %v\n", big+one == big)
	var big32 float32 = 16777216
	fmt.Printf("float32 2^24 + 1 == 2^24 : %v\n", big32+1 == big32)
	x1, x2, x3 := 0.1, 0.2, 0.3
	fmt.Printf("0.1+0.2 == 0.3 (float64) : %v, diff %.3e\n", x1+x2 == x3, (x1+x2)-x3)
	fmt.Printf("same test on constants   : %v (constants are exact)\n", 0.1+0.2 == 0.3)
	a32, b32, c32 := float32(0.1), float32(0.2), float32(0.3)
	fmt.Printf("0.1+0.2 == 0.3 (float32) : %v\n", a32+b32 == c32)
	fmt.Printf("float32(0.1) as float64  = %.17f\n", float64(float32(0.1)))

	fmt.Println("\n== catastrophic cancellation: 1 - cos(x) ==")
	fmt.Printf("%-8s %-14s %-14s %-10s\n", "x", "1-cos(x)", "2sin^2(x/2)", "rel err")
	for _, x := range []float64{1e-1, 1e-3, 1e-5, 1e-7, 1e-8} {
		bad := 1 - math.Cos(x)
		s := math.Sin(x / 2)
		good := 2 * s * s
		fmt.Printf("%-8.0e %-14.6e %-14.6e %-10.1e\n", x, bad, good, math.Abs(bad-good)/good)
	}

	fmt.Println("\n== quadratic x^2 + 1e8 x + 1 = 0, small root ==")
	b := 1e8
	disc := math.Sqrt(b*b - 4)
	textbook := (-b + disc) / 2
	stable := 2 / (-b - disc) // from x1*x2 = c/a
	fmt.Printf("textbook formula: %.10e\n", textbook)
	fmt.Printf("stable formula:   %.10e\n", stable)

	fmt.Println("\n== summing 0.1 two hundred thousand times ==")
	n := 200000
	xs64 := make([]float64, n)
	xs32 := make([]float32, n)
	for i := range xs64 {
		xs64[i] = 0.1
		xs32[i] = 0.1
	}
	fmt.Printf("float32 naive    %.6f\n", naiveSum(xs32))
	fmt.Printf("float32 pairwise %.6f\n", pairwiseSum(xs32))
	fmt.Printf("float32 kahan    %.6f\n", kahanSum(xs32))
	fmt.Printf("float64 naive    %.10f\n", naiveSum(xs64))
	fmt.Printf("float64 kahan    %.10f\n", kahanSum(xs64))

	fmt.Println("\n== variance of data with a huge offset (true variance 30) ==")
	base := []float64{4, 7, 13, 16}
	for _, off := range []float64{0, 1e6, 1e9, 1e12} {
		data := make([]float64, len(base))
		for i, v := range base {
			data[i] = v + off
		}
		res := []VarianceResult{
			{"naive", naiveVariance(data)},
			{"two-pass", twoPassVariance(data)},
			{"welford", welfordVariance(data)},
		}
		fmt.Printf("offset %-6.0e", off)
		for _, r := range res {
			fmt.Printf("  %s=%-12.4f", r.Method, r.Value)
		}
		fmt.Println()
	}
}
