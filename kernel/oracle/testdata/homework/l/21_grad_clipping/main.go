// Homework 21: gradient clipping.
// A "deep linear chain" loss L(w) = (w^T - y)^2 has gradients that explode
// for |w| > 1. Clipping the gradient norm keeps GD stable.
package main

import (
	"fmt"
	"math"
)

const T = 20 // chain depth

func loss(w float64) float64 { r := math.Pow(w, T) - 0.5; return r * r }
func grad(w float64) float64 { return 2 * (math.Pow(w, T) - 0.5) * T * math.Pow(w, T-1) }

type clipper func(g []float64) []float64

func noClip() clipper { return func(g []float64) []float64 { return g } }

func clipNorm(maxNorm float64) clipper {
	return func(g []float64) []float64 {
		n := 0.0
		for _, v := range g {
			n += v * v
		}
		n = math.Sqrt(n)
		if n <= maxNorm {
			return g
		}
		out := make([]float64, len(g))
		for i, v := range g {
			out[i] = v * maxNorm / n
		}
		return out
	}
}

func clipValue(c float64) clipper {
	return func(g []float64) []float64 {
		out := make([]float64, len(g))
		for i, v := range g {
			out[i] = math.Max(-c, math.Min(c, v))
		}
		return out
	}
}

func cosine(a, b []float64) float64 {
	var ab, aa, bb float64
	for i := range a {
		ab += a[i] * b[i]
		aa += a[i] * a[i]
		bb += b[i] * b[i]
	}
	return ab / math.Sqrt(aa*bb)
}

func main() {
	target := math.Pow(0.5, 1.0/T)
	fmt.Printf("L(w) = (w^%d - 0.5)^2, minimizer w* = %.6f, start w0 = 1.15, lr = 0.01\n", T, target)
	fmt.Printf("grad at w0 = %.3f\n\n", grad(1.15))
	runs := []struct {
		name string
		c    clipper
	}{{"none", noClip()}, {"norm<=1", clipNorm(1)}, {"norm<=10", clipNorm(10)}, {"value<=0.5", clipValue(0.5)}}
	fmt.Printf("%5s", "step")
	for _, r := range runs {
		fmt.Printf(" %14s", r.name)
	}
	fmt.Println()
	ws := make([]float64, len(runs))
	for i := range ws {
		ws[i] = 1.15
	}
	for t := 0; t <= 60; t++ {
		if t < 5 || t%10 == 0 {
			fmt.Printf("%5d", t)
			for _, w := range ws {
				if math.IsNaN(w) || math.IsInf(w, 0) || math.Abs(w) > 1e6 {
					fmt.Printf(" %14s", "diverged")
				} else {
					fmt.Printf(" %14.6f", w)
				}
			}
			fmt.Println()
		}
		for i, r := range runs {
			if math.IsNaN(ws[i]) || math.Abs(ws[i]) > 1e6 {
				continue
			}
			g := r.c([]float64{grad(ws[i])})
			ws[i] -= 0.01 * g[0]
		}
	}

	fmt.Println("\nclip-by-norm keeps direction, clip-by-value does not:")
	fmt.Printf("%22s %10s %10s\n", "gradient", "cos(norm)", "cos(value)")
	for _, g := range [][]float64{{3, 0.1}, {10, -10}, {0.2, 0.3}, {50, 1, -2}} {
		fmt.Printf("%22s %10.6f %10.6f\n", fmt.Sprint(g), cosine(g, clipNorm(1)(g)), cosine(g, clipValue(1)(g)))
	}
}
