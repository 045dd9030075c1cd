package main

import (
	"fmt"
	"math"
	"strings"
)

type Schedule func(step int) float64

func constant(lr float64) Schedule {
	return func(int) float64 { return lr }
}

func stepDecay(lr, factor float64, every int) Schedule {
	return func(step int) float64 {
		return lr * math.Pow(factor, float64(step/every))
	}
}

func cosine(lr, minLR float64, total int) Schedule {
	return func(step int) float64 {
		if step >= total {
			return minLR
		}
		c := 0.5 * (1 + math.Cos(math.Pi*float64(step)/float64(total)))
		return minLR + (lr-minLR)*c
	}
}

func withWarmup(warm int, s Schedule) Schedule {
	return func(step int) float64 {
		if step < warm {
			return s(warm) * float64(step+1) / float64(warm)
		}
		return s(step)
	}
}

func exponential(lr, gamma float64) Schedule {
	return func(step int) float64 { return lr * math.Pow(gamma, float64(step)) }
}

func main() {
	const total = 100
	names := []string{"constant", "step", "cosine", "warm+cos", "exp"}
	scheds := []Schedule{
		constant(0.1),
		stepDecay(0.1, 0.5, 25),
		cosine(0.1, 0.001, total),
		withWarmup(10, cosine(0.1, 0.001, total)),
		exponential(0.1, 0.97),
	}

	fmt.Printf("%5s", "step")
	for _, n := range names {
		fmt.Printf("%11s", n)
	}
	fmt.Println()
	for _, s := range []int{0, 5, 9, 10, 24, 25, 50, 75, 99} {
		fmt.Printf("%5d", s)
		for _, sc := range scheds {
			fmt.Printf("%11.5f", sc(s))
		}
		fmt.Println()
	}

	// Noisy 1-D problem: gradient of 0.5*w^2 plus a deterministic "noise"
	// term that does not vanish, so a decaying step is needed to settle.
	noise := func(k int) float64 { return 0.8 * math.Sin(1.7*float64(k)) }
	fmt.Println()
	fmt.Println(strings.Repeat("-", 44))
	fmt.Printf("%-10s %14s %16s\n", "schedule", "final |w|", "avg |w| last 20")
	for i, sc := range scheds {
		w := 5.0
		sum := 0.0
		for k := 0; k < total; k++ {
			g := w + noise(k)
			w -= sc(k) * g
			if k >= total-20 {
				sum += math.Abs(w)
			}
		}
		fmt.Printf("%-10s %14.6f %16.6f\n", names[i], math.Abs(w), sum/20)
	}
	fmt.Println(strings.Repeat("-", 44))
}
