package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"text/tabwriter"
)

type Estimate struct {
	Value  float64
	StdErr float64
	N      int
}

func (e Estimate) String() string {
	return fmt.Sprintf("%.5f +/- %.5f (n=%d)", e.Value, e.StdErr, e.N)
}

func (e Estimate) Covers(truth float64) bool {
	return math.Abs(e.Value-truth) <= 1.96*e.StdErr
}

// accumulator gathers a running mean and variance of samples.
type accumulator struct {
	n        int
	sum, ssq float64
}

func (a *accumulator) add(x float64) {
	a.n++
	a.sum += x
	a.ssq += x * x
}

func (a *accumulator) estimate() Estimate {
	m := a.sum / float64(a.n)
	v := (a.ssq - float64(a.n)*m*m) / float64(a.n-1)
	return Estimate{m, math.Sqrt(v / float64(a.n)), a.n}
}

type Sampler func(r *rand.Rand) float64

func piSample(r *rand.Rand) float64 {
	x, y := r.Float64(), r.Float64()
	if x*x+y*y <= 1 {
		return 4
	}
	return 0
}

func gaussIntegrand(x float64) float64 { return math.Exp(-x * x) }

func plainSample(r *rand.Rand) float64 { return gaussIntegrand(r.Float64()) }

func antitheticSample(r *rand.Rand) float64 {
	u := r.Float64()
	return 0.5 * (gaussIntegrand(u) + gaussIntegrand(1-u))
}

func run(s Sampler, n int, seed uint64) Estimate {
	r := rand.New(rand.NewPCG(seed, 2))
	var acc accumulator
	for i := 0; i < n; i++ {
		acc.add(s(r))
	}
	return acc.estimate()
}

func main() {
	fmt.Println("Estimating pi with the hit-or-miss method (seed 1,2)")
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "n\testimate\tstd err\t|error|\tcovered\t")
	for _, n := range []int{100, 1000, 10000, 100000} {
		e := run(piSample, n, 1)
		fmt.Fprintf(tw, "%d\t%.5f\t%.5f\t%.5f\t%v\t\n", n, e.Value, e.StdErr, math.Abs(e.Value-math.Pi), e.Covers(math.Pi))
	}
	tw.Flush()

	truth := math.Sqrt(math.Pi) / 2 * math.Erf(1)
	fmt.Printf("\nIntegral of exp(-x^2) on [0,1], exact %.6f\n", truth)
	plain := run(plainSample, 20000, 7)
	anti := run(antitheticSample, 10000, 7)
	fmt.Printf("  plain      (20000 evals): %v\n", plain)
	fmt.Printf("  antithetic (20000 evals): %v\n", anti)
	fmt.Printf("  variance reduction factor: %.2f\n", (plain.StdErr*plain.StdErr)/(anti.StdErr*anti.StdErr))

	fmt.Println("\nCoverage of 95% intervals over 200 repeated experiments (n=500 each):")
	hits := 0
	for rep := 0; rep < 200; rep++ {
		if run(plainSample, 500, uint64(100+rep)).Covers(truth) {
			hits++
		}
	}
	fmt.Printf("  %d / 200 intervals contain the true value (%.1f%%)\n", hits, 100*float64(hits)/200)

	fmt.Println("\nVolume of the unit ball in d dimensions (n=20000):")
	r := rand.New(rand.NewPCG(1, 2))
	for _, d := range []int{2, 3, 4, 5} {
		var acc accumulator
		for i := 0; i < 20000; i++ {
			s := 0.0
			for k := 0; k < d; k++ {
				u := 2*r.Float64() - 1
				s += u * u
			}
			if s <= 1 {
				acc.add(math.Pow(2, float64(d)))
			} else {
				acc.add(0)
			}
		}
		exact := math.Pow(math.Pi, float64(d)/2) / math.Gamma(float64(d)/2+1)
		fmt.Printf("  d=%d  %v  exact %.5f\n", d, acc.estimate(), exact)
	}
}
