package main

import (
	"fmt"
	"math/rand"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"
)

// package-level data built by a function at init time
var (
	heights = sample(1, 40, 170, 8)
	weights = linked(heights, 1)
)

func sample(seed int64, n int, mu, sigma float64) []float64 {
	r := rand.New(rand.NewSource(seed))
	out := make([]float64, n)
	for i := range out {
		out[i] = mu + sigma*r.NormFloat64()
	}
	return out
}

func linked(x []float64, seed int64) []float64 {
	r := rand.New(rand.NewSource(seed + 100))
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = 0.9*v - 85 + 5*r.NormFloat64()
	}
	return out
}

func init() {
	fmt.Println("init: generated", len(heights), "samples")
}

func main() {
	mean, std := stat.MeanStdDev(heights, nil)
	fmt.Printf("height mean=%.3f std=%.3f\n", mean, std)
	fmt.Printf("weight mean=%.3f var=%.3f\n", stat.Mean(weights, nil), stat.Variance(weights, nil))
	fmt.Printf("skew=%.4f  exkurt=%.4f\n", stat.Skew(heights, nil), stat.ExKurtosis(heights, nil))

	sorted := append([]float64(nil), heights...)
	sort.Float64s(sorted)
	for _, p := range []float64{0.1, 0.25, 0.5, 0.75, 0.9} {
		fmt.Printf("q%.2f = %.3f\n", p, stat.Quantile(p, stat.Empirical, sorted, nil))
	}

	fmt.Printf("corr(h,w)=%.4f cov=%.4f\n", stat.Correlation(heights, weights, nil), stat.Covariance(heights, weights, nil))
	alpha, beta := stat.LinearRegression(heights, weights, nil, false)
	r2 := stat.RSquared(heights, weights, nil, alpha, beta)
	fmt.Printf("weight ~ %.3f + %.3f*height  R^2=%.4f\n", alpha, beta, r2)

	// weighted mean: trust the first half more
	wts := make([]float64, len(heights))
	for i := range wts {
		wts[i] = 1
		if i < len(wts)/2 {
			wts[i] = 3
		}
	}
	fmt.Printf("weighted mean=%.3f\n", stat.Mean(heights, wts))

	// floats helpers
	fmt.Printf("min=%.2f (idx %d) max=%.2f (idx %d)\n",
		floats.Min(heights), floats.MinIdx(heights), floats.Max(heights), floats.MaxIdx(heights))
	z := make([]float64, len(heights))
	copy(z, heights)
	floats.AddConst(-mean, z)
	floats.Scale(1/std, z)
	fmt.Printf("standardised: sum=%.2e  norm^2/(n-1)=%.4f\n", floats.Sum(z), floats.Dot(z, z)/float64(len(z)-1))
	fmt.Println("linspace:", floats.Span(make([]float64, 5), 0, 1))
	hist := stat.Histogram(nil, []float64{150, 160, 170, 180, 190}, sorted, nil)
	fmt.Println("histogram [150,160,170,180,190):", hist)
}
