// Homework 11: learning-rate schedules as composable closures.
package main

import (
	"fmt"
	"math"
	"os"
	"text/tabwriter"
)

// Schedule maps a (0-based) step index to a learning rate.
type Schedule func(step int) float64

func Constant(lr float64) Schedule { return func(int) float64 { return lr } }

func StepDecay(lr, gamma float64, every int) Schedule {
	return func(s int) float64 { return lr * math.Pow(gamma, float64(s/every)) }
}

func Cosine(lrMax, lrMin float64, total int) Schedule {
	return func(s int) float64 {
		if s >= total {
			return lrMin
		}
		return lrMin + 0.5*(lrMax-lrMin)*(1+math.Cos(math.Pi*float64(s)/float64(total)))
	}
}

// Warmup wraps another schedule with a linear ramp over the first n steps;
// the inner schedule sees steps shifted by n.
func Warmup(n int, inner Schedule) Schedule {
	return func(s int) float64 {
		if s < n {
			return inner(0) * float64(s+1) / float64(n)
		}
		return inner(s - n)
	}
}

func InvSqrt(lr float64, warm int) Schedule {
	return func(s int) float64 {
		s1 := float64(s + 1)
		return lr * math.Min(s1/float64(warm), math.Sqrt(float64(warm)/s1))
	}
}

type named struct {
	name string
	s    Schedule
}

func main() {
	const total = 300
	scheds := []named{
		{"const", Constant(0.1)},
		{"step", StepDecay(0.1, 0.5, 75)},
		{"cosine", Cosine(0.1, 0.001, total)},
		{"warm+cos", Warmup(30, Cosine(0.1, 0.001, total-30))},
		{"invsqrt", InvSqrt(0.1, 30)},
	}
	w := tabwriter.NewWriter(os.Stdout, 8, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(w, "step\t")
	for _, n := range scheds {
		fmt.Fprintf(w, "%s\t", n.name)
	}
	fmt.Fprintln(w)
	for _, s := range []int{0, 10, 29, 30, 74, 75, 150, 225, 299} {
		fmt.Fprintf(w, "%d\t", s)
		for _, n := range scheds {
			fmt.Fprintf(w, "%.5f\t", n.s(s))
		}
		fmt.Fprintln(w)
	}
	w.Flush()

	// Noisy 1-D quadratic: gradient noise is deterministic (a fixed
	// pseudo-random sequence from a linear congruential generator) so
	// output is reproducible. Decaying the learning rate reduces the
	// stationary variance of the iterate.
	fmt.Println("\nnoisy quadratic f(x) = 2 x^2 with additive gradient noise")
	fmt.Printf("%-10s %12s %12s\n", "schedule", "final |x|", "mean |x| last 50")
	for _, n := range scheds {
		x := 5.0
		state := uint64(12345)
		noise := func() float64 {
			state = state*6364136223846793005 + 1442695040888963407
			return float64(state>>11)/float64(1<<53)*2 - 1
		}
		sum := 0.0
		for t := 0; t < total; t++ {
			g := 4*x + 2*noise()
			x -= n.s(t) * g
			if t >= total-50 {
				sum += math.Abs(x)
			}
		}
		fmt.Printf("%-10s %12.6f %12.6f\n", n.name, math.Abs(x), sum/50)
	}
}
